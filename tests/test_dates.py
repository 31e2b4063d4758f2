import datetime as dt

import pytest

from claimcheck.dates import Order, PartialDate, Precision, find_dates, parse_date
from claimcheck.errors import DateError


@pytest.mark.parametrize("text, expected", [
    ("2016-07-25", PartialDate(2016, 7, 25)),
    ("2016-07", PartialDate(2016, 7)),
    ("2016", PartialDate(2016)),
    ("25 July 2016", PartialDate(2016, 7, 25)),
    ("25/07/2016", PartialDate(2016, 7, 25)),
    ("06/10/2016", PartialDate(2016, 10, 6)),     # day first: 6 October, never 10 June
    ("July 2015", PartialDate(2015, 7)),
    ("Summer 2015", PartialDate(2015)),
])
def test_accepted_forms_keep_their_precision(text, expected):
    assert parse_date(text) == expected


def test_yaml_dates_and_years_are_accepted():
    assert parse_date(dt.date(2016, 7, 25)) == PartialDate(2016, 7, 25)
    assert parse_date(2015) == PartialDate(2015)


@pytest.mark.parametrize("text, message", [
    ("2016-02-30", "does not exist"),
    ("2016-13", "month 13 does not exist"),
    ("25/13/2016", "read day first"),
    ("2016/07/25", "ambiguous"),
    ("last Tuesday", "is not a date"),
])
def test_bad_dates_are_refused_with_a_reason(text, message):
    with pytest.raises(DateError, match=message):
        parse_date(text)


def test_a_year_precedes_a_day_of_the_next_year():
    assert PartialDate(2015).compare(PartialDate(2016, 7, 25)) is Order.BEFORE
    assert PartialDate(2015).on_or_before(PartialDate(2016, 7, 25)) is True


def test_a_year_against_a_day_inside_it_is_undecided():
    assert PartialDate(2016).compare(PartialDate(2016, 7, 25)) is Order.UNDECIDED
    assert PartialDate(2016).on_or_before(PartialDate(2016, 7, 25)) is None


def test_a_month_is_on_or_before_its_last_day_but_undecided_inside_it():
    assert PartialDate(2016, 7).on_or_before(PartialDate(2016, 7, 31)) is True
    assert PartialDate(2016, 7).on_or_before(PartialDate(2016, 7, 30)) is None
    assert PartialDate(2016, 7).on_or_before(PartialDate(2016, 8, 1)) is True


def test_same_day_and_after():
    day = PartialDate(2016, 10, 12)
    assert day.compare(PartialDate(2016, 10, 12)) is Order.SAME
    assert PartialDate(2016, 10, 18).compare(day) is Order.AFTER
    assert PartialDate(2016, 10, 18).on_or_before(day) is False


def test_precision_and_interval():
    month = PartialDate(2016, 2)
    assert month.precision is Precision.MONTH
    assert (month.start, month.end) == (dt.date(2016, 2, 1), dt.date(2016, 2, 29))
    assert month.human() == "February 2016"
    assert PartialDate(2015, 7).days_until(PartialDate(2016, 7, 25)) == 390


def test_dates_in_prose():
    found = [d for _, _, d in find_dates(
        "On June 19 2020 you attended; between July 2015 and September 2016; ref 2016-0032573.")]
    assert found == [PartialDate(2020, 6, 19), PartialDate(2015, 7), PartialDate(2016, 9)]


def test_impossible_days_in_prose_fall_back_to_the_month_not_an_error():
    assert [d for _, _, d in find_dates("on 30 February 2016")] == [PartialDate(2016, 2)]


@pytest.mark.parametrize("text, expected", [
    ("Debt has been going up since the start of the year.", PartialDate(2023, 1)),
    ("It had risen by the end of last year.", PartialDate(2022, 12)),
    # The twin: "this year" alone is only the year.
    ("Debt has been going up this year.", PartialDate(2023)),
])
def test_the_edges_of_a_year_are_read_against_the_documents_date(text, expected):
    (_, _, found), = find_dates(text, parse_date("2023-12-19"))
    assert found == expected


@pytest.mark.parametrize("text, anchor, expected", [
    ("Last week the head of the service said 84% were returned.", "2020-06-03", PartialDate(2020, 5)),
    ("Last month the council said so.", "2020-03-31", PartialDate(2020, 2)),
    # The twin: a document dated only to the month cannot say which week was the last.
    ("Last week the head of the service said 84% were returned.", "2020-06", None),
])
def test_last_week_and_last_month_are_read_to_the_month(text, anchor, expected):
    found = find_dates(text, parse_date(anchor))
    assert (found[0][2] if found else None) == expected


@pytest.mark.parametrize("text, anchor, expected", [
    ("Officials were given access in September last year.", "2018-06-06", PartialDate(2017, 9)),
    ("The board met in March of this year.", "2018-06-06", PartialDate(2018, 3)),
    ("Last September the contract was signed.", "2018-06-06", PartialDate(2017, 9)),
    ("Last February the contract was signed.", "2018-06-06", PartialDate(2018, 2)),
    # The twin: a month with its year is read as written.
    ("Last September 2016 the contract was signed.", "2018-06-06", PartialDate(2016, 9)),
])
def test_a_month_of_a_relative_year_is_read_against_the_documents_date(text, anchor, expected):
    found = find_dates(text, parse_date(anchor))
    assert (found[0][2] if found else None) == expected


@pytest.mark.parametrize("text, anchor, expected", [
    # A Thursday's "on Monday night" is three days before; "yesterday" and "last night" the day
    # before.
    ("I may have given a misleading impression in my interviews on Monday night.", "2004-04-01",
     PartialDate(2004, 3, 29)),
    ("At yesterday's hearing I undertook to write.", "1998-06-10", PartialDate(1998, 6, 9)),
    ("It was revealed last night that the reports had been seen.", "1998-05-20",
     PartialDate(1998, 5, 19)),
    ("The board met last Thursday.", "2004-04-01", PartialDate(2004, 3, 25)),
    # The twins: a weekday to come, every week, or in a document dated only to its month.
    ("The board will meet on Monday night.", "2004-04-01", None),
    ("The board meets next Monday.", "2004-04-01", None),
    ("The board meets every Monday.", "2004-04-01", None),
    ("I may have given a misleading impression in my interviews on Monday night.", "2004-04",
     None),
])
def test_weekdays_and_yesterday_are_days_before_the_documents_day(text, anchor, expected):
    found = find_dates(text, parse_date(anchor))
    assert (found[0][2] if found else None) == expected


def test_a_weekday_with_its_date_is_read_as_the_date():
    found = find_dates("On Monday 29 March 2004 she gave two interviews.", parse_date("2004-04-01"))
    assert [d for _, _, d in found] == [PartialDate(2004, 3, 29)]


@pytest.mark.parametrize("text, anchor, expected", [
    ("We can confirm that on April 1, an officer spoke to him.", "2020-05-25",
     PartialDate(2020, 4, 1)),
    ("The June 30 hearing was adjourned.", "2020-05-25", PartialDate(2019, 6, 30)),
    # The twins: "may" as a verb, and a month before a number that is a count.
    ("Officials may 5 times a year inspect the site.", "2020-05-25", None),
    ("In March 1,000 people applied.", "2020-05-25", None),
])
def test_a_month_before_its_day_takes_the_documents_year(text, anchor, expected):
    found = find_dates(text, parse_date(anchor))
    assert (found[0][2] if found else None) == expected
