"""Property-based tests: arbitrary input never raises anything but claimcheck's own errors.

Example counts are kept modest so that the suite stays quick; when changing a parser, run
``CLAIMCHECK_EXAMPLES=5000 python -m pytest tests/robustness/test_properties.py`` (the extractor
tests take a tenth of that number).
"""

from __future__ import annotations

import datetime as dt
import os
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from claimcheck.corpus.load import load_corpus, read_item
from claimcheck.dates import PartialDate, find_dates, parse_date
from claimcheck.errors import CorpusError, DateError
from claimcheck.model import Evidence, Statement

EXAMPLES = int(os.environ.get("CLAIMCHECK_EXAMPLES", "200"))
FAST = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
NLP = settings(max_examples=max(1, EXAMPLES // 4), deadline=None,
               suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("properties")


# ---------------------------------------------------------------------- the front-matter loader

# Pieces that front matter is made of, so that examples get past the first checks often.
YAML_PIECES = st.sampled_from([
    "---", "\n", "\r\n", "\r", ": ", ":", "\t", "  ", "- ", "[", "]", "{", "}", "'", '"', "#",
    "&a ", "*a", "!!str ", "!!int ", "!!timestamp ", "!!binary ", "!!python/none ", "? ", "|",
    ">-", "date", "speaker", "venue", "title", "kind", "id", "2016-02-30", "2016-07-25",
    "25/07/2016", "07/25/2016", "null", "~", "yes", "true", "1.10", "1e999", "\ufeff", "\x00",
    "\x1b[31m", "\u202e", "\u2028", "\x85", "é", "written-answer", "agreement", "<<: *a",
])
FRONT_MATTER_TEXT = st.lists(st.one_of(YAML_PIECES, st.text(max_size=8)), max_size=40).map(
    "".join)


def _must_be_corpus_error(path: Path, data: bytes, folder: Path) -> None:
    path.write_bytes(data)
    try:
        item = read_item(path, folder)
    except CorpusError as error:
        assert error.path == path
        assert "\n" not in str(error)
    else:
        assert isinstance(item.meta, dict) and item.body


@FAST
@given(data=st.binary(max_size=2000))
def test_any_bytes_give_an_item_or_a_corpus_error(folder, data):
    _must_be_corpus_error(folder / "bytes.md", data, folder)


@FAST
@given(text=st.text(max_size=500))
def test_any_unicode_gives_an_item_or_a_corpus_error(folder, text):
    _must_be_corpus_error(folder / "text.md", text.encode("utf-8"), folder)


@FAST
@given(front=FRONT_MATTER_TEXT, body=st.text(max_size=200))
def test_any_front_matter_gives_an_item_or_a_corpus_error(folder, front, body):
    data = ("---\n" + front + "\n---\n" + body).encode("utf-8", "surrogatepass")
    _must_be_corpus_error(folder / "front.md", data, folder)


@FAST
@given(fields=st.dictionaries(
    st.sampled_from(["id", "date", "speaker", "venue", "house", "role", "reference", "question",
                     "title", "kind", "effective_from", "effective_to", "disclosed",
                     "supersedes", "version", "url", "provenance"]),
    st.one_of(FRONT_MATTER_TEXT, st.text(max_size=30)), max_size=8),
    body=st.text(min_size=1, max_size=100))
def test_load_corpus_turns_every_error_into_a_problem(tmp_path_factory, fields, body):
    root = tmp_path_factory.mktemp("corpus")
    claims, evidence = root / "claims", root / "evidence"
    claims.mkdir()
    evidence.mkdir()
    text = "---\n" + "\n".join(f"{k}: {v}" for k, v in fields.items()) + "\n---\n" + body
    (claims / "s.md").write_bytes(text.encode("utf-8", "surrogatepass"))
    (evidence / "e.md").write_bytes(text.encode("utf-8", "surrogatepass"))
    corpus = load_corpus(claims, evidence)   # never raises
    for problem in corpus.problems:
        assert "\n" not in str(problem)
    assert len(corpus.statements) + len(corpus.evidence) + len(corpus.problems) >= 2
    try:
        load_corpus(claims, evidence, strict=True)
    except CorpusError:
        pass


# ---------------------------------------------------------------------- the date parser

DATE_PIECES = st.sampled_from(
    list(string.digits) + ["-", "/", ".", " ", ",", "st", "th", "of", "the", "July", "Sept",
                           "sept.", "February", "summer", "late", "in ", "2016", "0000", "9999",
                           "10000", "\u0662\u0660\u0661\u0666", "T10:00:00Z", "+01:00", "\t"])
DATE_LIKE = st.lists(DATE_PIECES, max_size=12).map("".join)
ANY_VALUE = st.one_of(st.text(), DATE_LIKE, st.integers(), st.floats(), st.none(), st.booleans(),
                      st.dates(), st.datetimes(), st.lists(st.integers(), max_size=3))


@FAST
@given(value=ANY_VALUE)
def test_any_value_is_a_partial_date_or_a_date_error(value):
    try:
        parsed = parse_date(value)
    except DateError as error:
        assert "\n" not in str(error) and len(str(error)) < 300
    else:
        assert isinstance(parsed, PartialDate)
        assert parse_date(parsed.isoformat()) == parsed


@st.composite
def partial_dates(draw) -> PartialDate:
    day = draw(st.dates(min_value=dt.date(1, 1, 1)))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return PartialDate(day.year)
    if precision == "month":
        return PartialDate(day.year, day.month)
    return PartialDate(day.year, day.month, day.day)


@FAST
@given(date=partial_dates())
def test_isoformat_and_the_uk_forms_round_trip(date):
    assert parse_date(date.isoformat()) == date
    assert parse_date(str(date)) == date
    if date.year >= 1000:
        assert parse_date(date.human()) == date
    if date.day is not None and date.year >= 1000:
        assert parse_date(f"{date.day:02d}/{date.month:02d}/{date.year}") == date
        assert parse_date(f"{date.day}/{date.month}/{date.year}") == date


@FAST
@given(day=st.integers(1, 12), month=st.integers(1, 12), year=st.integers(1900, 2100))
def test_numeric_dates_are_never_read_month_first(day, month, year):
    try:
        expected = PartialDate(year, month, day)
    except DateError:
        return
    assert parse_date(f"{day:02d}/{month:02d}/{year}") == expected


@FAST
@given(month=st.integers(1, 12), day=st.integers(13, 31), year=st.integers(1900, 2100))
def test_a_month_first_date_is_refused_with_the_reading_it_did_not_make(month, day, year):
    try:
        meant = PartialDate(year, month, day)
    except DateError:
        assume(False)
    with pytest.raises(DateError, match=f"if you meant {meant.human()}, write {meant}"):
        parse_date(f"{month:02d}/{day:02d}/{year}")


@FAST
@given(text=st.one_of(st.text(max_size=300), st.lists(st.one_of(DATE_PIECES, st.text(max_size=5)),
                                                        max_size=30).map("".join)))
def test_dates_in_prose_never_raise(text):
    for start, end, date in find_dates(text):
        assert 0 <= start < end <= len(text)
        assert isinstance(date, PartialDate)


# ---------------------------------------------------------------------- the claim extractor

WORDS = st.sampled_from([
    "The", "data", "will", "not", "be", "shared", "with", "the", "Home", "Office", "no", "plans",
    "to", "pass", "on", "nationality", "pupil", "Department", "for", "Education", "never", "has",
    "in", "2016", "25 July 2016", ".", ",", "?", "!", ";", "\n", "\n\n", "'", '"', "(", ")",
    "<script>", "=HYPERLINK(\"x\")", "\u202e", "\x1b[2J", "PQ 48635", "HCWS272", "£5", "100%",
    "it", "this information", "they", "we", "can", "may", "would", "did", "does", "was",
])
STATEMENT_TEXT = st.one_of(
    st.text(min_size=1, max_size=300),
    st.lists(WORDS, min_size=1, max_size=60).map(" ".join),
)


@NLP
@given(text=STATEMENT_TEXT, question=st.one_of(st.none(), STATEMENT_TEXT))
def test_any_statement_text_gives_a_list_of_claims(extractor, text, question):
    statement = Statement("s", PartialDate(2016, 7, 25), "Nick Gibb", "written-answer", text,
                          question=question, reference="PQ 42842")
    claims = extractor.claims(statement)
    assert isinstance(claims, list)
    for claim in claims:
        assert claim.statement_id == "s"
        assert 0 <= claim.analysis.start <= claim.analysis.end <= len(text)


@NLP
@given(text=STATEMENT_TEXT, title=st.text(min_size=1, max_size=40))
def test_any_evidence_text_gives_a_list_of_facts(extractor, text, title):
    item = Evidence("e", title, "agreement", PartialDate(2015, 12, 18), text,
                    effective_from=PartialDate(2015, 7))
    facts = extractor.facts(item)
    assert isinstance(facts, list)
    assert all(fact.evidence_id == "e" for fact in facts)
