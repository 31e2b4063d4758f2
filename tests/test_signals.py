"""Each reasoning signal on its minimal pairs: a case, and a twin that differs in one respect and
must flip the signal's vote. Sentences are read by the real pipeline and measured by the real
retriever (lemmas and sentence embeddings), on invented subjects no lexicon knows."""

from __future__ import annotations

import pytest

from claimcheck.dates import PartialDate, parse_date
from claimcheck.match.retrieve import Retriever
from claimcheck.match.signals import (
    CORRECTION_LANGUAGE,
    Pair,
    absent_against_present,
    agreeing_figure,
    claim_declines,
    conceded_only,
    conflicting_figure,
    contrary_assessment,
    corrects_statement,
    denial_narrower,
    different_period,
    distinctive_figures,
    figures,
    office_names,
    opposite_polarity,
    other_venue_named,
    own_occasion_corrected,
    promises_apart,
    questioner_named,
    refusal_to_disclose,
    refutes_claim,
    reported_words,
    share_against_whole,
    short_posts,
    surname,
    vote,
)
from claimcheck.model import Evidence, Statement

from .conftest import shared_embedder

DAY = PartialDate(2022, 5, 17)
LATER = PartialDate(2022, 6, 30)


def statement(text: str, speaker: str = "Jane Hartley") -> Statement:
    return Statement(id="s", date=DAY, speaker=speaker, venue="oral", text=text)


def evidence(text: str, kind: str = "report", date: PartialDate = LATER):
    return Evidence(id="e", title="A report", kind=kind, date=date, text=text)


@pytest.fixture(scope="module")
def pair(extractor):
    def make(claim_text: str, fact_text: str, kind: str = "report",
             date: PartialDate = LATER) -> Pair:
        said = statement(claim_text)
        claim = extractor.claims(said)[0]
        item = evidence(fact_text, kind, date)
        fact = next(f for f in extractor.facts(item) if not f.implicit)
        hit = Retriever([fact], shared_embedder()).score(claim, fact)
        return Pair(claim, fact, hit, said, item)
    return make


def test_opposite_polarity_flips_with_the_facts_polarity(pair):
    claim = "No flood defence depots have been closed since 2017."
    conflict = pair(claim, "The Environment Agency closed four flood defence depots in 2018.")
    twin = pair(claim, "The Environment Agency did not close any flood defence depots in 2018.")
    assert opposite_polarity(conflict) is not None
    assert opposite_polarity(twin) is None
    assert vote(twin)[0] == "supports"


def test_opposite_polarity_needs_the_same_doer(pair):
    claim = "Scotland has not closed any sheriff courts."
    assert opposite_polarity(pair(claim, "Scotland closed twenty sheriff courts in 2019.")) is not None
    assert opposite_polarity(pair(claim, "England closed twenty sheriff courts in 2019.")) is None


def test_opposite_actions_conflict_when_both_are_affirmed(pair):
    claim = "The waiting list for hip operations has risen."
    assert opposite_polarity(pair(claim, "The waiting list for hip operations fell in March.")) is not None
    assert vote(pair(claim, "The waiting list for hip operations rose in March."))[0] == "supports"


def test_a_different_figure_for_the_same_measure_conflicts(pair):
    claim = "The ferry programme has a budget of £240 million."
    different = pair(claim, "The ferry programme's budget is £410 million.")
    same = pair(claim, "The ferry programme's budget is £240 million.")
    assert conflicting_figure(different) is not None and agreeing_figure(different) is None
    assert conflicting_figure(same) is None and agreeing_figure(same) is not None


def test_figures_taken_years_apart_are_different_measurements(pair):
    claim = "There are now 27,000 more nurses in the service than in 2019."
    fact = "There are 12,000 more nurses in the service than a year ago."
    assert conflicting_figure(pair(claim, fact, date=PartialDate(2022, 3, 1))) is not None
    # The twin: the same record two years before the statement measured another moment.
    assert conflicting_figure(pair(claim, fact, date=PartialDate(2020, 3, 1))) is None
    # A promise is measured when it falls due: a count on the way there does not meet it.
    promise = "There will be 27,000 more nurses in the service than in 2019."
    assert conflicting_figure(pair(promise, fact, date=PartialDate(2022, 6, 1))) is None
    assert conflicting_figure(pair(claim, fact, date=PartialDate(2022, 6, 1))) is not None


def test_the_same_event_on_another_day_conflicts(pair):
    from claimcheck.match.signals import conflicting_date
    claim = "The registration scheme opened fully on 30 April 2022 for all applicants."
    other_day = "The registration scheme opened fully on 29 April 2022 for all applicants."
    assert conflicting_date(pair(claim, other_day)) is not None
    # The twins: the same day agrees; a month that contains the day does not conflict.
    assert conflicting_date(pair(claim, claim)) is None
    in_month = "The registration scheme opened fully in April 2022 for all applicants."
    assert conflicting_date(pair(claim, in_month)) is None
    # A day off is a conflict, not another period; months off, it is another event.
    assert vote(pair(claim, other_day))[0] == "conflicts"
    months_off = "The registration scheme opened fully on 29 January 2022 for all applicants."
    assert vote(pair(claim, months_off))[0] is None


PROMISE = "The department committed that it will publish the inspection report in June 2022."
CAP = "We will introduce the new cap on ferry fares from October 2023."
DELAYED = "The minister said she will delay the new cap on ferry fares for two years."


@pytest.mark.parametrize("signal, claim, fact, conflicts", [
    # A moved deadline conflicts with the promise; the deadline kept does not.
    ("conflicting_date", PROMISE,
     "The minister said that the inspection report would be published by 22 July 2022.", True),
    ("conflicting_date", PROMISE,
     "The minister said that the inspection report would be published by 22 June 2022.", False),
    # A record that puts off the promise conflicts; a report of a done thing is no promise; the
    # putting off of another thing is not this one.
    ("abandoned_commitment", CAP, DELAYED, True),
    ("abandoned_commitment", "The department introduced the new cap on ferry fares in October "
     "2021.", DELAYED, False),
    ("abandoned_commitment", CAP, "The minister said she will delay the new timetable for two "
     "years.", False),
])
def test_promises_moved_or_put_off(pair, signal, claim, fact, conflicts):
    import claimcheck.match.signals as signals
    assert (getattr(signals, signal)(pair(claim, fact)) is not None) is conflicts


def test_a_comparisons_baseline_is_not_the_figure(pair):
    claim = "The ferry programme has a budget of £240 million."
    fact = "The ferry programme's budget is £410 million, up from the £240 million estimate of 2018."
    assert conflicting_figure(pair(claim, fact)) is not None


def test_a_bound_in_the_claim_is_respected(pair):
    claim = "More than 100,000 veterans have applied for the veterans card."
    assert agreeing_figure(pair(claim, "By January 132,000 veterans had applied for the veterans card."))
    assert conflicting_figure(pair(claim, "By January 82,000 veterans had applied for the veterans card."))


def test_figures_reads_money_percentages_and_words():
    read = figures("Spending rose 5 per cent to £3.2 billion for six new vessels.")
    assert [(f.kind, f.value) for f in read] == [("percent", 5.0), ("money", 3.2e9), ("count", 6.0)]
    assert figures("On 12 January 2021, paragraph 15 applied.") == ()


def test_a_refusal_to_disclose_decides_nothing(pair):
    claim = "The census service spent nothing on consultants."
    refusal = pair(claim, "Spending on consultants for the census service is not held centrally "
                          "and could be obtained only at disproportionate cost.")
    answer = pair(claim, "Spending on consultants for the census service was £3 million.")
    assert refusal_to_disclose(refusal) is not None and vote(refusal)[0] is None
    assert refusal_to_disclose(answer) is None
    # A refused request is a refusal too; the twin answered it.
    declined = pair(claim, "The department declined a Freedom of Information request for its "
                           "spending on consultants for the census service.")
    answered = pair(claim, "The department answered a Freedom of Information request for its "
                           "spending on consultants for the census service.")
    assert refusal_to_disclose(declined) is not None
    assert refusal_to_disclose(answered) is None


def test_a_refutation_of_the_claim_conflicts_and_a_confirmation_does_not(pair):
    claim = "Public sector debt is falling."
    assert refutes_claim(pair(claim, "The Minister's claim that public sector debt is falling "
                                     "was not correct.")) is not None
    assert refutes_claim(pair(claim, "The Minister's claim that public sector debt is falling "
                                     "was correct.")) is None


def test_a_refutation_in_the_next_sentence_refutes_the_reported_words(pair):
    claim = "Public sector debt is falling."
    told = "The Minister told the House that public sector debt is falling. "
    assert refutes_claim(pair(claim, told + "That was not correct.")) is not None
    assert refutes_claim(pair(claim, told + "The Office for Budget Responsibility agreed.")) is None


@pytest.mark.parametrize("fact, outcome", [
    ("The council closed the Brackwater depot in March 2021.", "conflicts"),
    # The twin: a record that it stayed open agrees with the rebuttal.
    ("The council did not close the Brackwater depot in 2021.", "supports"),
])
def test_a_rebuttal_of_a_suggestion_denies_what_was_suggested(pair, fact, outcome):
    # The speaker commits to the closure's not having happened: a record of it contradicts the
    # rebuttal, however the suggestion itself was worded.
    claim = "The suggestion that the council closed the Brackwater depot in 2021 is not correct."
    assert vote(pair(claim, fact))[0] == outcome


def test_reported_words_weigh_less(pair):
    claim = "The reading rooms are open six days a week."
    reported = pair(claim, "A spokesperson told the BBC that the reading rooms are open six days a week.")
    direct = pair(claim, "The reading rooms are open six days a week.")
    assert reported_words(reported) is not None and reported_words(direct) is None


def share(words: set[str]):
    return lambda text: len({w for w in words if w in text.lower()}) / len(words)


def test_a_correction_is_tied_by_day_or_speaker_and_words():
    said = statement("The Kestrel tunnel passed its fire safety inspection in March 2022.",
                     speaker="Lord Price of Ashby")
    words = {"kestrel", "tunnel", "fire", "safety", "inspection"}
    text = ("In the House on 17 May, I told noble Lords that the Kestrel tunnel had passed its fire "
            "safety inspection. That was not accurate.")
    windows = [("That was not accurate.", text)]
    named_day = corrects_statement(said, evidence(text, "correction"), windows, share(words),
                                   lambda t: "17 May" in t)
    assert named_day is not None and named_day.by_speaker and "date" in named_day.links
    other_day = text.replace("17 May", "19 May")
    assert corrects_statement(said, evidence(other_day, "correction"),
                              [("That was not accurate.", other_day)], share(words),
                              lambda t: "17 May" in t) is None


def test_a_filed_apology_is_tied_by_speaker_and_occasion_without_the_words():
    from dataclasses import replace
    said = replace(statement("Grants should go to the genuinely struggling farms, not hobbyists.",
                             speaker="Tom Aldridge"), title="Farming Today, BBC Radio 4")
    words = {"grant", "genuinely", "struggling", "farm", "hobbyist"}
    apology = ("The day after his interview on Farming Today, Tom Aldridge said he hugely "
               "regretted if his comment had caused offence.")
    windows = [(apology, apology)]
    tied = corrects_statement(said, evidence(apology, "correction", PartialDate(2022, 5, 18)),
                              windows, share(words), lambda t: False)
    assert tied is not None and {"speaker", "occasion"} <= set(tied.links)
    # The twin: the same apology about another programme ties nothing.
    elsewhere = apology.replace("Farming Today", "Any Questions")
    assert corrects_statement(said, evidence(elsewhere, "correction", PartialDate(2022, 5, 18)),
                              [(elsewhere, elsewhere)], share(words), lambda t: False) is None


def test_a_ministers_post_ties_a_filed_clarification():
    from dataclasses import replace

    from claimcheck.match.signals import _names_post
    said = replace(statement("Hauliers will have to carry paper permits from April."),
                   role="Minister of State for Roads", department="Department for Transport")
    words = {"haulier", "carry", "paper", "permit", "april"}
    text = ("The department issued a clarification of the Roads Minister's remarks on 17 May: "
            "hauliers will not need paper permits; they can carry digital permits.")
    found = corrects_statement(said, evidence(text, "correction"), [(text, text)], share(words),
                               lambda t: "17 May" in t)
    assert found is not None and {"date", "post"} <= set(found.links)
    # A spokesperson's department is not a post: the twin ties by date alone, on too few words.
    spokesperson = replace(said, role="Department for Transport spokesperson")
    text2 = text.replace("Roads Minister's", "Transport Department's")
    # Nor is a post that serves a minister, whatever "Official Report" the text cites.
    aide = replace(said, role="Prime Minister's official spokesman")
    assert not _names_post(aide, "Letter of correction from the Minister of State [Official "
                                 "Report, 16 January 2023]")
    by_date = corrects_statement(spokesperson, evidence(text2, "correction"), [(text2, text2)],
                                 share(words), lambda t: "17 May" in t)
    assert by_date is None or "post" not in by_date.links


def test_times_that_do_not_meet_veto_the_pair(pair):
    from claimcheck.match.signals import different_period
    claim = "In 2019 the council closed no libraries."
    assert different_period(pair(claim, "In 2021 the council closed four libraries.")) is not None
    assert different_period(pair(claim, "In 2019 the council closed four libraries.")) is None


def test_an_earlier_event_still_bears_on_a_lasting_state(pair):
    from claimcheck.match.signals import different_period
    claim = "In February 2022 the minister was not aware of any complaint about the contract."
    assert different_period(pair(claim, "In 2019 a formal complaint about the contract was made.")) is None


def test_a_conflict_read_from_wording_gives_way_to_much_closer_agreement():
    from claimcheck.judge.rules import support_outweighs
    from claimcheck.match.matcher import Match

    def match(signal, score):
        return Match(None, None, None, None, conflicts=signal != "same_assertion", score=score,
                     shared=(), signals=(signal,))
    assert support_outweighs(match("opposite_polarity", 0.6), match("same_assertion", 0.8))
    assert not support_outweighs(match("opposite_polarity", 0.75), match("same_assertion", 0.8))
    assert not support_outweighs(match("conflicting_figure", 0.6), match("same_assertion", 0.9))


def test_a_difference_is_not_a_level(pair):
    claim = "There are 2,200 more hospital doctors than a year ago."
    assert conflicting_figure(pair(claim, "There are 38,000 hospital doctors.")) is None
    assert conflicting_figure(pair(claim, "There are 1,100 more hospital doctors than a year ago."))


def test_a_favourable_verdict_meets_an_unfavourable_one_on_the_same_matter(pair):
    claim = "The Coastal Skills Fund has been a great success."
    against = pair(claim, "An independent evaluation of the Coastal Skills Fund found no "
                          "significant impact on participants' employment.")
    twin = pair(claim, "An independent evaluation of the Coastal Skills Fund found a significant "
                       "impact on participants' employment.")
    assert contrary_assessment(against) is not None and vote(against)[0] == "conflicts"
    assert contrary_assessment(twin) is None


def test_a_verdict_that_was_to_be_checked_is_not_asserted(pair):
    """ "ordered examinations to reassure her that the process remained robust" says what was
    to be checked; "the process remained robust" says it was."""
    fact = "The review found significant flaws in the Harbour Board's procurement process."
    tested = pair("The Minister ordered officials to reassure her that the Harbour Board's "
                  "procurement process remained robust.", fact)
    asserted = pair("The Harbour Board's procurement process remained robust.", fact)
    assert contrary_assessment(tested) is None
    assert contrary_assessment(asserted) is not None


def test_an_unfavourable_verdict_on_another_matter_is_no_answer(pair):
    fact = ("The National Audit Office found the emergency radio network programme was behind "
            "schedule.")
    assert contrary_assessment(pair("The rollout of the emergency radio network is on track.",
                                    fact)) is not None
    # The twin: the same verdict, said of something else.
    assert contrary_assessment(pair("The school rebuilding programme is on track.", fact)) is None


def test_a_refutation_that_leaves_the_record_saying_what_the_claim_says_agrees(pair):
    """ "The suggestion that X is not correct" says not-X: it refutes a claim of X and agrees
    with a claim of not-X."""
    record = "The suggestion that the council closed the Eastfield depot is not correct."
    denial = pair("The council did not close the Eastfield depot.", record)
    assertion = pair("The council closed the Eastfield depot.", record)
    assert refutes_claim(denial) is None and vote(denial)[0] != "conflicts"
    assert refutes_claim(assertion) is not None and vote(assertion)[0] == "conflicts"


def test_a_hedged_verdict_is_not_refuted(pair):
    fact = ("An independent evaluation of the Coastal Skills Fund found no significant impact on "
            "participants' employment.")
    assert contrary_assessment(pair("The Coastal Skills Fund is successful.", fact)) is not None
    assert contrary_assessment(pair("The Coastal Skills Fund may be successful.", fact)) is None


def test_delivery_on_track_is_not_answered_by_what_it_achieved(pair):
    claim = "The Harbour Renewal Programme remains firmly on track."
    assert contrary_assessment(pair(claim, "An evaluation of the Harbour Renewal Programme found "
                                           "no significant impact on local jobs.")) is None
    # The twin: a verdict of the same kind, on delivery.
    assert contrary_assessment(pair(claim, "The auditors found the Harbour Renewal Programme "
                                           "two years behind schedule.")) is not None


@pytest.mark.parametrize("text, declines", [
    ("We do not comment on leaked reports.", True),
    # The twin: the refusal is set aside in a concessive clause, and the sentence goes on to assert.
    ("While we do not comment on leaked reports, the Harbour Renewal Programme was successful.",
     False),
])
def test_a_refusal_set_aside_in_a_concessive_clause_declines_nothing(extractor, text, declines):
    from claimcheck.match.signals import claim_declines
    assert claim_declines(extractor.claims(statement(text))[0]) is declines


def test_figures_that_each_qualify_what_they_count_count_different_things(pair):
    claim = "The Harbour Families scheme has seen 105,000 families with children back in school."
    assert conflicting_figure(pair(claim, "The Harbour Families scheme turned around the lives "
                                          "of 120,000 families in England.")) is None
    # The twin: the fact says no more of the families than the count.
    assert conflicting_figure(pair(claim, "The Harbour Families scheme has seen 120,000 "
                                          "families.")) is not None



def test_a_writers_view_decides_nothing(pair):
    claim = "We have cut the waiting list for hip operations."
    view = pair(claim, "We believe it is misrepresentative to claim that the waiting list for hip "
                       "operations has been cut, as it is higher than it was.")
    record = pair(claim, "The waiting list for hip operations is higher than it was, and it has "
                         "not been cut.")
    assert vote(view) == (None, [vote(view)[1][0]]) and vote(view)[1][0].signal == "opinion_only"
    # The twin: the same words as a record, not a view.
    assert vote(record)[0] == "conflicts"


def test_a_share_not_done_is_the_complement_of_the_share_done(pair):
    claim = "We pay around 80% of new harbour grants in full and on time."
    assert vote(pair(claim, "The Department failed to pay 21% of new harbour grants in full on "
                            "time."))[0] == "supports"
    # The twin: a share not done that leaves far less than 80% done.
    assert vote(pair(claim, "The Department failed to pay 45% of new harbour grants in full on "
                            "time."))[0] == "conflicts"


def test_opposite_changes_years_apart_do_not_conflict(pair):
    from claimcheck.match.signals import changes_apart
    claim = "I have taken the decision to reduce the harbour patrol from 7,600 to 7,200 by 2027."
    earlier = pair(claim, "The harbour patrol increased by 400 over the past six months.",
                   date=PartialDate(2016, 12, 2))
    assert changes_apart(earlier) and opposite_polarity(earlier) is None
    # The twin: the increase is recorded after the decision, before its deadline.
    assert not changes_apart(pair(claim, "The harbour patrol increased by 400 over the past six "
                                         "months."))


def test_a_rate_meets_a_total_over_years_as_a_rate(pair):
    claim = "That equates to about 50 harbour walls a year that will be rebuilt."
    assert vote(pair(claim, "The plan is to rebuild 500 harbour walls over a 10-year "
                            "programme."))[0] == "supports"
    # The twin: a total with no span is not a rate at all.
    assert conflicting_figure(pair(claim, "A further 239 harbour walls were added, bringing the "
                                          "total to 400.")) is None


def test_a_figure_within_the_records_bound_agrees(pair):
    claim = "We have recruited an extra 20,951 harbour wardens since 2019."
    assert agreeing_figure(pair(claim, "The recruitment of more than 20,000 additional harbour "
                                       "wardens since 2019 is complete.")) is not None
    assert conflicting_figure(pair(claim, "The recruitment of fewer than 20,000 additional harbour "
                                          "wardens since 2019 is complete.")) is not None


def test_a_count_before_the_deadline_is_progress_not_the_promised_figure(pair):
    claim = "This Government are recruiting 20,000 additional harbour wardens by March 2025."
    assert conflicting_figure(pair(claim, "There were 6,620 additional harbour wardens as at 31 "
                                          "December 2022.", date=PartialDate(2023, 1, 28))) is None


def test_a_part_of_a_count_is_not_the_count(pair):
    claim = "We have recruited an extra 20,951 harbour wardens."
    assert conflicting_figure(pair(claim, "A further 188 additional harbour wardens have been "
                                          "recruited through other funding.")) is None
    assert conflicting_figure(pair(claim, "In all, 18,188 additional harbour wardens have been "
                                          "recruited.")) is not None


@pytest.mark.parametrize("text, change", [
    ("The police have recruited an extra 6,620 harbour wardens.", True),
    ("The police have recruited 6,620 harbour wardens in all.", False),
])
def test_an_extra_count_is_a_change(text, change):
    assert figures(text)[0].change is change


def test_changes_over_periods_that_barely_meet_are_two_changes(pair):
    from claimcheck.match.signals import changes_apart
    claim = ("The harbour backlog fell by 35,000 cases between November 2022 and August 2023.")
    assert changes_apart(pair(claim, "Between 2010 and 2022 the harbour backlog rose by 147,000 "
                                     "cases."))
    # The twin: the same stretch of time.
    assert not changes_apart(pair(claim, "Between December 2022 and August 2023 the harbour "
                                         "backlog rose by 2,000 cases."))



def test_a_claim_about_the_whole_meets_a_share_short_of_it(pair):
    fact = "Last month 84% of tests at harbour centres were returned within 24 hours."
    assert share_against_whole(pair("The tests at harbour centres are all returned within 24 "
                                    "hours.", fact)) is not None
    # The twin: a claim about most of them, not all.
    assert share_against_whole(pair("Most tests at harbour centres are returned within 24 hours.",
                                    fact)) is None


def test_a_thing_said_to_be_absent_conflicts_with_a_record_of_it(pair):
    claim = "No payments were made to the consultancy."
    paid = pair(claim, "The department paid the consultancy £450,000 in 2021.")
    elsewhere = pair(claim, "The department paid the contractor £450,000 in 2021.")
    assert absent_against_present(paid) is not None and vote(paid)[0] == "conflicts"
    assert absent_against_present(elsewhere) is None


def test_an_absent_thing_keeps_the_words_that_narrow_it(pair):
    claim = "No formal complaint was made against the governor."
    formal = pair(claim, "A formal complaint against the governor was made in 2021.")
    informal = pair(claim, "A complaint about the governor was made informally in 2021.")
    assert absent_against_present(formal) is not None
    assert absent_against_present(informal) is None and vote(informal)[0] is None


def test_a_denial_of_one_kind_meets_only_assertions_that_name_that_kind(pair):
    """"Salary records" narrows "records": that the trust shares staff records does not say it
    shares their salaries. The twin names the kind, and meets the denial."""
    claim = "Salary records will not be passed to the regional board."
    other_kind = pair(claim, "The trust passes staff records to the regional board each quarter.")
    same_kind = pair(claim, "The trust passes staff salary records to the regional board each "
                            "quarter.")
    assert opposite_polarity(other_kind) is None and vote(other_kind)[0] is None
    assert opposite_polarity(same_kind) is not None and vote(same_kind)[0] == "conflicts"


def test_a_broad_denial_meets_an_assertion_of_a_narrower_kind(pair):
    """The other way round it holds: passing salary records is passing staff records."""
    claim = "Staff records will not be passed to the regional board."
    narrower = pair(claim, "The trust passes staff salary records to the regional board.")
    prop_c, prop_f = narrower.claim.analysis.main, narrower.fact.analysis.main
    assert not denial_narrower(narrower, prop_c, prop_f)
    assert vote(narrower)[0] == "conflicts"


def test_a_name_said_not_to_exist_conflicts_with_a_record_of_it(pair):
    claim = "There is no 'Harbour Levy' and there never will be."
    named = pair(claim, "The council introduced the Harbour Levy in April 2021.")
    # The twin: the same words, but not the name: a levy, on harbour berths.
    unnamed = pair(claim, "The council introduced a levy on harbour berths in April 2021.")
    assert absent_against_present(named) is not None and vote(named)[0] == "conflicts"
    assert absent_against_present(unnamed) is None


def test_without_denies_a_thing_only_in_its_own_event(pair):
    claim = "The depot was closed without consultation."
    same_act = pair(claim, "The depot was closed after a public consultation.")
    other_act = pair(claim, "The depot's opening hours were set after a public consultation.")
    assert absent_against_present(same_act) is not None
    assert absent_against_present(other_act) is None


def test_a_count_short_of_the_whole_answers_a_claim_about_all(pair):
    claim = "All 40 lighthouse keepers have received the new training."
    part = pair(claim, "Only 23 of the 40 lighthouse keepers had completed the new training by March.")
    whole = pair(claim, "All 40 lighthouse keepers had completed the new training by March.")
    assert share_against_whole(part) is not None and vote(part)[0] == "conflicts"
    assert share_against_whole(whole) is None and vote(whole)[0] == "supports"


def test_a_count_of_the_whole_says_nothing_of_another_predicate(pair):
    claim = "All 40 lighthouse keepers have been issued with radios."
    aged = pair(claim, "12 of the 40 lighthouse keepers were aged over 60.")
    # Neither a share short of the whole of what the claim says, nor, by its 40, support.
    assert share_against_whole(aged) is None and vote(aged)[0] is None


def test_a_misstatement_refutes_the_claim_it_names(pair):
    claim = "The waiting list for knee operations has fallen to 4,000."
    overstated = pair(claim, "The minister overstated the fall in the waiting list for knee operations.")
    described = pair(claim, "The minister described the fall in the waiting list for knee operations.")
    assert refutes_claim(overstated) is not None
    assert refutes_claim(described) is None


def test_an_exceeded_budget_answers_delivery_within_it(pair):
    claim = "The reservoir project has been delivered within budget."
    exceeded = pair(claim, "The reservoir project's costs exceeded its budget by £30 million.")
    within = pair(claim, "The reservoir project's costs stayed within its budget.")
    assert contrary_assessment(exceeded) is not None
    assert contrary_assessment(within) is None and vote(within)[0] != "conflicts"


@pytest.mark.parametrize("owning", ["The correct position is that the inspection is due in June.",
                                    "I should not have said that.",
                                    "I got that wrong.",
                                    "I am retracting that answer.",
                                    "Two errors had been made in my answers."])
def test_a_speaker_owning_an_error_in_their_own_words_corrects(owning):
    said = statement("The Kestrel tunnel passed its fire safety inspection in March 2022.",
                     speaker="Lord Price of Ashby")
    words = {"kestrel", "tunnel", "fire", "safety", "inspection"}
    told = "In the House on 17 May, I told noble Lords that the Kestrel tunnel had passed its " \
           "fire safety inspection."
    text = f"{told} {owning}"
    found = corrects_statement(said, evidence(text, "letter"), [(owning, text)], share(words),
                               lambda t: "17 May" in t)
    assert found is not None and "date" in found.links
    # The twin: the same letter going on to something else owns no error.
    other = f"{told} The inspection report will be published in June."
    assert corrects_statement(said, evidence(other, "letter"),
                              [("The inspection report will be published in June.", other)],
                              share(words), lambda t: "17 May" in t) is None


def test_a_running_total_is_a_total_on_its_own_day(pair):
    claim = "As of 15 May, the fund has paid out £41 million in grants."
    months_before = pair(claim, "By 1 February 2022 the fund had already paid out £12 million in "
                                "grants.")
    same_day = pair(claim, "By 14 May 2022 the fund had paid out £12 million in grants.")
    assert conflicting_figure(months_before) is None and vote(months_before)[0] is None
    assert vote(same_day)[0] == "conflicts"


def test_totals_over_periods_that_end_apart_count_different_things(pair):
    claim = "Between 1 January and 30 April 2022, 3,500 claims were reviewed."
    longer = pair(claim, "Between 1 January 2022 and the end of March 2024, 9,900 claims were "
                         "reviewed.")
    same = pair(claim, "Between 1 January and 30 April 2022, 9,900 claims were reviewed.")
    # Neither a conflict nor, with another figure, support.
    assert conflicting_figure(longer) is None and vote(longer)[0] is None
    assert conflicting_figure(same) is not None


def test_an_expected_figure_is_not_a_count(pair):
    claim = "Some 13,000 apprentices have benefited from the bursary so far."
    forecast = pair(claim, "The department now expects around 16,800 apprentices to benefit "
                           "from the bursary.")
    counted = pair(claim, "By 16 May 2022 around 16,800 apprentices had benefited from the "
                          "bursary.")
    assert conflicting_figure(forecast) is None and vote(forecast)[0] is None
    assert conflicting_figure(counted) is not None


def test_a_hedged_or_anothers_refutation_refutes_nothing(pair):
    claim = "The reservoir scheme meets every recommendation of the inquiry's interim report."
    found = ("The Committee found that the claim that the reservoir scheme meets every "
             "recommendation of the inquiry's interim report was not correct.")
    assert refutes_claim(pair(claim, found)) is not None
    hedged = ("She said that she thought the claim that the reservoir scheme meets every "
              "recommendation of the inquiry's interim report was perhaps not correct.")
    assert refutes_claim(pair(claim, hedged)) is None and vote(pair(claim, hedged))[0] is None
    anothers = found.replace("the claim that", "the Prime Minister's claim that")
    assert refutes_claim(pair(claim, anothers)) is None


def test_a_change_against_another_baseline_is_no_conflict(pair):
    claim = "Hospital admissions for asthma were 18% lower in 2021 than at the peak in 2015."
    risen = pair(claim, "Admissions for asthma in 2021 were 9,120, which has risen for the second "
                        "year in a row, but remains lower than the peak in 2015.")
    higher = pair(claim, "Admissions for asthma in 2021 were 9,120, higher than the peak in 2015.")
    assert opposite_polarity(risen) is None and vote(risen)[0] != "conflicts"
    assert opposite_polarity(higher) is not None


def test_falling_short_of_a_plan_is_not_a_fall(pair):
    claim = "The number of apprentices on the bursary has risen every year."
    short = pair(claim, "The department now forecasts that the bursary will support far fewer "
                        "apprentices than envisaged.")
    fell = pair(claim, "The number of apprentices on the bursary fell in each of the last three "
                       "years.")
    assert opposite_polarity(short) is None and vote(short)[0] is None
    assert opposite_polarity(fell) is not None


def test_a_baselines_date_is_not_the_period_a_sentence_speaks_of(pair):
    claim = "The number of admissions for asthma fell in 2018."
    later = pair(claim, "Admissions for asthma in 2021 have risen for the second year in a row, "
                        "though they remain lower than the peak in 2015.")
    votes = vote(later)[1]
    assert vote(later)[0] is None and [v.signal for v in votes] == ["different_period"]
    assert vote(pair(claim, "Admissions for asthma rose in 2018."))[0] == "conflicts"


def test_a_forecast_of_delay_abandons_nothing(pair):
    from claimcheck.match.signals import abandoned_commitment
    claim = "We will open the new harbour radio network in 2026."
    decided = pair(claim, "In May 2022 the department delayed the harbour radio network to 2029.")
    forecast = pair(claim, "The harbour radio network is likely to be delayed to 2029.")
    described = pair(claim, "The already-delayed harbour radio network is costing more.")
    assert abandoned_commitment(decided) is not None
    assert abandoned_commitment(forecast) is None and abandoned_commitment(described) is None


# ---------------------------------------------------------------------- which documents can tie

TIED = [
    # (speaker, role, title, document text): each tied by one thing, and its twin by nothing.
    ("Jacob Rees-Mogg", None, None, "Mr Rees-Mogg's remarks were not accurate."),
    ("Lord Younger of Leckie", None, None, "Viscount Younger has asked me to correct his answer."),
    ("Jane Hartley", "Minister of State for Immigration", None,
     "The Immigration Minister's figure was not accurate."),
    ("Jane Hartley", "Prime Minister", None, "The Prime Minister misspoke."),
    ("Jane Hartley", None, "Pienaar's Politics, BBC Radio 5 Live",
     "What was said on Pienaar's Politics was wrong."),
]


@pytest.mark.parametrize("speaker, role, title, text", TIED)
def test_a_document_tie_words_keep_is_tied_and_one_without_them_cannot_be(speaker, role, title,
                                                                          text):
    from claimcheck.match.signals import document_ties, document_words, tie_words

    said = Statement(id="s", date=DAY, speaker=speaker, venue="oral", text="x", role=role,
                     title=title)
    never = lambda _text: False  # noqa: E731 (no day is named in these)
    tied = evidence(text)
    assert document_ties(said, tied, never)[0]
    assert not tie_words(said).isdisjoint(document_words(f"{tied.title}\n{tied.text}"))
    twin = evidence("The figure given in the answer was not accurate.")
    assert not document_ties(said, twin, never)[0]
    assert tie_words(said).isdisjoint(document_words(f"{twin.title}\n{twin.text}"))


@pytest.mark.parametrize("admission, owned", [
    ("Jane Hartley has admitted her forecast that 500 depots would open by March was "
     "\"spectacularly wrong\".", True),
    ("Jane Hartley admitted that her forecast of 500 depots opening by March was badly "
     "mistaken.", True),
    ("Jane Hartley later retracted her forecast that 500 depots would open by March, saying it "
     "was mistaken.", True),
    # The twins: someone else calls it wrong, or the speaker admits nothing.
    ("Critics said Jane Hartley's forecast that 500 depots would open by March was "
     "\"spectacularly wrong\".", False),
    ("Jane Hartley has repeated her forecast that 500 depots would open by March.", False),
    # Reported on the statement's day: the admission may be this very statement.
    ("Jane Hartley admitted that her forecast of 500 depots opening by March was badly "
     "mistaken.", "same day"),
])
def test_a_speaker_admitting_in_a_report_that_their_words_were_wrong_corrects(admission, owned):
    """A news report of the speaker's own admission is the speaker owning the error; a critic's
    word is not, and a repetition is no correction at all."""
    said = statement("We will have 500 depots open by March.")
    words = {"500", "depot", "open", "march"}
    dated = DAY if owned == "same day" else LATER
    found = corrects_statement(said, evidence(admission, "news", dated), [(admission, admission)],
                               share(words), lambda t: False)
    assert (found is not None and found.by_speaker) is (owned is True)


@pytest.mark.parametrize("answered, linked", [("Mike Amesbury", True), ("Jo Gideon", False)])
def test_a_filed_correction_naming_the_day_and_whom_it_answered_needs_no_words(answered, linked):
    from dataclasses import replace
    said = replace(statement("The number of starts is increasing this year.",
                             speaker="Gillian Keegan"),
                   question="Starts are down 46% since the levy. What will the Minister do? "
                            "(Mike Amesbury, Weaver Vale)")
    words = {"number", "start", "increasing", "year"}
    text = (f"Letter of correction from Gillian Keegan. Errors have been identified in the "
            f"response I gave to the hon. Member ({answered}).")
    found = corrects_statement(said, evidence(text, "correction", PartialDate(2022, 5, 30)),
                               [(text, text)], share(words), lambda t: True)
    assert (found is not None) is linked


@pytest.mark.parametrize("letter, linked", [
    ("Letter from Gillian Keegan to Kathleen Moor. In answering the question put to me I should "
     "have chosen my words more carefully, and I apologise.", True),
    # The twins: addressed to someone the question does not name; about words said elsewhere.
    ("Letter from Gillian Keegan to Peter Lund. In answering the question put to me I should "
     "have chosen my words more carefully, and I apologise.", False),
    ("Letter from Gillian Keegan to Kathleen Moor. My remarks before the Education Committee "
     "should have been chosen more carefully, and I apologise.", False),
])
def test_a_filed_apology_soon_after_to_whom_the_question_names_needs_no_words(letter, linked):
    """The speaker's own correction within days, to the person the question was about, ties
    without the day or the words; one about remarks made before a committee, when the
    statement was made in the House, corrects those remarks."""
    from dataclasses import replace
    said = replace(statement("It is hard to see what future the adviser has in the post.",
                             speaker="Gillian Keegan"),
                   question="Whether the independent adviser, Kathleen Moor, should stay in post.")
    words = {"hard", "future", "adviser", "post"}
    found = corrects_statement(said, evidence(letter, "correction", PartialDate(2022, 5, 27)),
                               [(s + ".", s + ".") for s in letter.split(". ")],
                               share(words), lambda t: False)
    assert (found is not None) is linked


def test_accepting_a_thing_is_not_accepting_a_proposition_about_another(pair):
    """ "We do not accept the statistics" says nothing against "The Government accept that the
    guidance did not reflect the law"; its twin accepts that the statistics were wrong."""
    claim = "We do not accept the overpayment statistics that the noble Baroness mentioned."
    apart = pair(claim, "The Government accept that the guidance on overpayment did not "
                        "accurately reflect the statutory position.")
    meets = pair(claim, "The Government accept that the overpayment statistics the noble "
                        "Baroness mentioned were right.")
    assert opposite_polarity(apart) is None
    assert opposite_polarity(meets) is not None


def test_light_verbs_say_the_same_only_with_most_of_their_words_in_common(pair):
    """ "Employers will need to check passports as they do now for EU citizens" and "Employers
    will not be expected to differentiate between resident EU citizens and others" share three
    words and no predicate; the twin shares most of its words and is the same predication."""
    claim = "Employers will need to check passports as they do now for EU citizens."
    unrelated = pair(claim, "Employers will not be expected to differentiate between resident "
                            "EU citizens and those arriving after exit.")
    same = pair(claim, "Employers will not need to check passports for EU citizens.")
    assert vote(unrelated)[0] != "conflicts"
    assert vote(same)[0] == "conflicts"


@pytest.mark.parametrize("reply, days, linked", [
    ("Yes, I misspoke: it was 2014 when the station was sold to the Harbour Trust, not a few "
     "years ago.", 0, True),
    # The twins: someone else's reply, or the speaker's own a month later.
    ("Yes, she misspoke: it was 2014 when the station was sold to the Harbour Trust, not a few "
     "years ago.", 0, False),
    ("Yes, I misspoke: it was 2014 when the station was sold to the Harbour Trust, not a few "
     "years ago.", 30, False),
])
def test_the_speakers_own_correction_within_days_needs_a_quarter_of_the_words(reply, days, linked):
    from dataclasses import replace
    said = replace(statement("The station has done well since it was sold a few years ago, and "
                             "its investment in the regions is a model.", speaker="Gillian Keegan"),
                   venue="press")
    words = {"station", "done", "well", "sold", "few", "years", "investment", "regions", "model"}
    day = PartialDate(2022, 5, 17 + days) if days < 14 else PartialDate(2022, 6, 16)
    item = Evidence(id="e", title="Gillian Keegan, reply on social media", kind="correction",
                    date=day, text=reply)
    found = corrects_statement(said, item, [(reply, reply)], share(words), lambda t: False)
    assert (found is not None) is linked


@pytest.mark.parametrize("said_on, venue, text, linked", [
    # Tuesday 17 May 2022; the correction is of Friday 20 May.
    ("2022-05-17", "press", "Statement by Jane Hartley. I may have given a misleading impression "
     "in my interviews on Tuesday about whether the warnings had reached me.", True),
    # The twins: another day; the third person; another venue's words (answers in the House).
    ("2022-05-18", "press", "Statement by Jane Hartley. I may have given a misleading impression "
     "in my interviews on Tuesday about whether the warnings had reached me.", False),
    ("2022-05-17", "press", "Statement by Jane Hartley. She may have given a misleading "
     "impression in interviews on Tuesday about whether the warnings had reached her.", False),
    ("2022-05-17", "press", "Statement by Jane Hartley. I may have given a misleading impression "
     "in my answers in the debate on Tuesday about whether the warnings had reached me.", False),
])
def test_the_speakers_correction_of_what_they_said_on_the_day_needs_no_words(said_on, venue, text,
                                                                              linked):
    """ "I may have given a misleading impression in my interviews on Tuesday" corrects what the
    speaker said in interviews that Tuesday, whatever the words."""
    from dataclasses import replace

    from claimcheck.judge.rules import _names_day, _told_on
    said = replace(statement("This is the first time anybody has heard about these concerns."),
                   date=parse_date(said_on), venue=venue)
    item = evidence(text, "correction", PartialDate(2022, 5, 20))
    words = {"first", "time", "anybody", "heard", "concerns"}
    windows = [(s + ".", text) for s in text.split(". ")]
    found = corrects_statement(said, item, windows, share(words),
                               lambda t: _names_day(t, item.date, said.date),
                               told_that_day=lambda t: _told_on(t, item.date, said.date))
    assert (found is not None and found.by_speaker) is linked


@pytest.mark.parametrize("venue, singled_out, corrected", [
    ("press", False, True),
    # The twins: a written answer, one of a day's batch, needs whom it answered or its words.
    ("written-answer", False, False),
    ("written-answer", True, True),
])
def test_a_days_answers_need_singling_out(venue, singled_out, corrected):
    from dataclasses import replace
    said = replace(statement("x"), venue=venue)
    window = "I regret that my answer on 17 May and my interview that day were wrong."
    assert own_occasion_corrected(said, window, True, True, singled_out) is corrected


@pytest.mark.parametrize("role, names", [
    ("Secretary of State for Foreign and Commonwealth Affairs",
     ("Foreign Secretary", "Foreign and Commonwealth Affairs Secretary")),
    ("Secretary of State for the Home Department", ("Home Secretary", "Home Department Secretary")),
    ("Secretary of State for Education", ("Education Secretary",)),
    ("Minister of State for Immigration", ()),   # a Minister of State has no short name
])
def test_a_secretary_of_state_is_called_for_short(role, names):
    assert short_posts(role) == names


@pytest.mark.parametrize("text, linked", [
    ("The Foreign Secretary took the first opportunity to give the House the information in his "
     "written answer on 19 May. That answer corrects his statement on 12 May that no "
     "intelligence reports were seen by Ministers or officials that suggested a breach of the "
     "arms embargo.", True),
    # The twins: the Home Secretary is another post; a Home Affairs Committee names no post.
    ("The Home Secretary took the first opportunity to give the House the information in his "
     "written answer on 19 May. That answer corrects his statement on 12 May that no "
     "intelligence reports were seen by Ministers or officials that suggested a breach of the "
     "arms embargo.", False),
    ("A letter to the Home Affairs Committee from the Permanent Secretary. That answer corrects "
     "the statement on 12 May that no intelligence reports were seen by Ministers or officials "
     "that suggested a breach of the arms embargo.", False),
])
def test_a_report_that_the_post_holder_corrected_their_statement_corrects_it(text, linked):
    """A later letter saying the Foreign Secretary's answer "corrects his statement on 12 May"
    is the speaker's own correction, tied by the post and the day, as a letter of the speaker's
    would be."""
    from dataclasses import replace

    from claimcheck.judge.rules import _names_day
    said = replace(statement("At no stage was any intelligence passed to ministers or officials "
                             "that suggested a breach of the arms embargo.", speaker="Robin Cook"),
                   date=PartialDate(1998, 5, 12),
                   role="Secretary of State for Foreign and Commonwealth Affairs",
                   department="Foreign and Commonwealth Office")
    item = evidence(text, "letter", PartialDate(1998, 6, 10))
    words = {"stage", "intelligence", "passed", "ministers", "officials", "suggested", "breach",
             "arms", "embargo"}
    windows = [(s + ".", text) for s in text.split(". ")]
    found = corrects_statement(said, item, windows, share(words),
                               lambda t: _names_day(t, item.date, said.date))
    assert (found is not None and found.by_speaker) is linked


@pytest.mark.parametrize("speaker, name", [
    ("Lord Younger of Leckie", "Younger"),
    ("Prime Minister's Official Spokesman", None),   # speaks for an office: no surname
    ("Department for Transport", None),
])
def test_a_spokesperson_has_no_surname(speaker, name):
    assert surname(speaker) == name


def test_an_office_is_named_by_its_other_names_but_not_by_its_posts(lexicon):
    said = Statement(id="s", date=DAY, speaker="Prime Minister's Official Spokesman",
                     venue="press", text="x", department="Prime Minister's Office")
    names = office_names(said, lexicon.names_of)
    assert "Downing Street" in names and "No 10" in names and "Prime Minister's Office" in names
    person = Statement(id="s", date=DAY, speaker="Jane Hartley", venue="press", text="x",
                       department="Prime Minister's Office")
    assert office_names(person, lexicon.names_of) == ()
    home = Statement(id="s", date=DAY, speaker="Home Office", venue="press", text="x")
    assert "Home Secretary" not in office_names(home, lexicon.names_of)


@pytest.mark.parametrize("text, found", [
    ("there were 3,631 children's centres", {("count", 3631.0)}),
    ("£2.341 billion in the current period", {("money", 2341000000.0)}),
    # Round figures name no particular sentence.
    ("interim payments of £100,000 and 1.8 billion more", set()),
])
def test_distinctive_figures_are_precise_ones(text, found):
    assert distinctive_figures(text) == found


@pytest.mark.parametrize("fact, vetoed", [
    ("Spending on sea walls in the current four-year spending period falls short of the "
     "previous period.", True),
    # The twin names the same length of period: it speaks to the claim.
    ("Spending on sea walls in the current five-year spending period falls short of the "
     "previous period.", False),
])
def test_periods_of_another_length_are_another_period(pair, fact, vetoed):
    vote_ = different_period(pair("Over the five-year period, spending on sea walls is going up.",
                                  fact))
    assert (vote_ is not None and vote_.relation == "veto") is vetoed


@pytest.mark.parametrize("fact, apart", [
    ("The council didn't commit to replacing every lock sold, only the extra sales.", True),
    # The twin denies the very promise the claim makes.
    ("The council didn't commit to fitting new locks on the estate.", False),
])
def test_promises_of_different_acts_are_apart(pair, fact, apart):
    assert promises_apart(pair("We are committed to fitting new locks on the estate.", fact)) \
        is apart


@pytest.mark.parametrize("fact, contrary", [
    ("Significant flaws were found in the county procurement process for ferries.", True),
    ("The county procurement process for ferries was found to be unlawful.", True),
    # The twin finds nothing against it.
    ("Significant interest was shown in the county procurement process for ferries.", False),
])
def test_general_words_of_verdict_are_assessments(pair, fact, contrary):
    vote_ = contrary_assessment(pair("The county procurement process for ferries was robust.",
                                     fact))
    assert (vote_ is not None) is contrary


ADMITTED_IN_COURT = ("He admitted in the case brought by the shareholders that his answer to the "
                     "committee had been untruthful. Mr Byers told the court \"that was untrue\".")


@pytest.mark.parametrize("venue, elsewhere", [
    ("press", True),        # a press statement: the admission is of words to a committee
    ("committee", False),   # the twin: the committee evidence the admission is about
])
def test_an_admission_naming_another_kind_of_occasion_is_about_that_occasion(venue, elsewhere):
    statement = Statement(id="s", date=parse_date("2005-10-14"), speaker="Stephen Byers",
                          venue=venue, text="The court has found in my favour.")
    assert other_venue_named(statement, ADMITTED_IN_COURT) is elsewhere



@pytest.mark.parametrize("text, declines", [
    ("We still cannot know how many outbreaks there will be.", True),
    ("It is too early to say whether the scheme will meet its target.", True),
    ("We did not know how many outbreaks there were.", False),   # the past can be checked
    ("We do not know of any outbreak before 19 February.", False),
])
def test_saying_what_is_to_come_cannot_be_known_yet_asserts_nothing(extractor, text, declines):
    assert claim_declines(extractor.claims(statement(text))[0]) is declines


@pytest.mark.parametrize("text, corrects", [
    ("One of the tweets was truncated and did not accurately report our ambassador's words.", True),
    ("The answer did not fully accurately reflect the position.", True),
    ("The tweet accurately reported our ambassador's words.", False),
])
def test_words_that_did_not_accurately_report_are_correction_language(text, corrects):
    assert bool(CORRECTION_LANGUAGE.search(text)) is corrects


@pytest.mark.parametrize("text, conceded", [
    ("I used strong language in the presence of the officers but I did not swear at them.", True),
    ("I used strong language in the presence of the officers but not at them.", True),
    # The twin concedes nothing: its one predication is what it asserts.
    ("I used strong language in the presence of the officers.", False),
])
def test_what_a_claim_concedes_before_but_not_is_not_what_it_asserts(extractor, text, conceded):
    claim = extractor.claims(statement(text))[0]
    used = next(p for p in claim.analysis.propositions if p.action_text.startswith("used"))
    assert conceded_only(claim, used) is conceded


def test_the_day_a_letter_was_written_is_not_the_period_it_counts(pair):
    """ "had written to the Committee on 29 June 2006 providing data on the 1013 released" is a
    count with no period of its own; its twin says the releases happened on 29 June 2006."""
    claim = "Between February 1999 and March 2006, 1,023 foreign prisoners were released."
    letter = pair(claim, "The Director General had written to the Committee on 29 June 2006 "
                         "providing data on the 1013 foreign prisoners who were released.")
    releases = pair(claim, "On 29 June 2006, 1013 foreign prisoners were released.")
    assert different_period(letter) is None
    assert different_period(releases) is not None


@pytest.mark.parametrize("text", [
    "He apologised for giving inaccurate evidence to the Commons transport committee.",
    "A personal statement on his 2001 evidence to the Transport Sub-Committee.",
])
def test_a_committee_is_named_however_the_report_spells_it(text):
    press = Statement(id="s", date=parse_date("2005-10-14"), speaker="Stephen Byers",
                      venue="press", text="The court has found in my favour.")
    committee = Statement(id="s", date=parse_date("2001-11-14"), speaker="Stephen Byers",
                          venue="committee", text="Not that I am aware of.")
    assert other_venue_named(press, text) and not other_venue_named(committee, text)


@pytest.mark.parametrize("question, named", [
    ("Asked by Mike Amesbury about the Foreign Office briefing.", True),
    # The twin names only the speaker's own office, by another of its names.
    ("Tweet posted by the Foreign Office during the briefing.", False),
])
def test_the_speakers_own_office_is_not_whom_it_answered(question, named):
    statement = Statement(id="s", date=parse_date("2018-03-22"),
                          speaker="Foreign and Commonwealth Office", venue="press", text="x",
                          question=question)
    text = "We regret that our reply to Mike Amesbury and the Foreign Office tweet were wrong."
    assert questioner_named(statement, text) is named
