"""Each verdict rule on small corpora written the way a person would write them."""

from pathlib import Path

import pytest

from claimcheck.corpus.load import load_corpus
from claimcheck.dates import parse_date
from claimcheck.judge.rules import speakers_day_named
from claimcheck.model import Statement, Verdict
from claimcheck.pipeline.run import check_corpus, statement_verdicts

from .conftest import shared_embedder, write_item

DENIAL = "The Department's pupil data will not be passed to the Home Office."
SHARING = "The Department shares pupil data with the Home Office every month."


def verdicts(nlp, lexicon, claims: Path, evidence: Path):
    result = check_corpus(load_corpus(claims, evidence), nlp, lexicon, embedder=shared_embedder())
    return result, statement_verdicts(result.findings)


def statement_file(claims, name="s", date="2016-09-26", text=DENIAL, **extra):
    write_item(claims, name, {"date": date, "speaker": "Department for Education",
                              "department": "Department for Education", "venue": "press", **extra},
               text)


def evidence_file(evidence, name, date, text=SHARING, **extra):
    write_item(evidence, name, {"title": extra.pop("title", f"Record {name}"), "date": date,
                                **extra}, text)


def test_a_fact_that_held_before_the_statement_contradicts_it(nlp, lexicon, corpus_dirs):
    claims, evidence = corpus_dirs
    statement_file(claims)
    evidence_file(evidence, "foi", "2016-08-01", kind="foi-response", disclosed="2016-12-15")
    result, worst = verdicts(nlp, lexicon, claims, evidence)
    finding = worst["s"]
    assert finding.verdict is Verdict.CONTRADICTED
    assert [c.evidence_id for c in finding.evidence] == ["foi"]
    assert finding.publicly_known is False
    citation = finding.evidence[0]
    assert citation.days_fact_before_statement == 56
    assert citation.days_statement_to_disclosure == 80
    assert "The statement says \u201cThe Department's pupil data will not be passed to the Home Office" in finding.rationale


def test_publicly_known_when_disclosed_before_the_statement(nlp, lexicon, corpus_dirs):
    claims, evidence = corpus_dirs
    statement_file(claims)
    evidence_file(evidence, "foi", "2016-08-01", kind="foi-response")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert worst["s"].publicly_known is True


def test_a_later_fact_overtakes_and_never_contradicts(nlp, lexicon, corpus_dirs):
    """The temporal-leak guarantee: the same fact, dated after the statement, cannot contradict."""
    claims, evidence = corpus_dirs
    statement_file(claims)
    evidence_file(evidence, "later", "2016-10-27", kind="foi-response")
    result, worst = verdicts(nlp, lexicon, claims, evidence)
    assert worst["s"].verdict is Verdict.OVERTAKEN
    assert all(f.verdict is not Verdict.CONTRADICTED for f in result.findings)
    assert "overtaken by later events, not contradicted" in worst["s"].rationale


def test_a_date_in_the_text_overrides_the_document_date(nlp, lexicon, corpus_dirs):
    claims, evidence = corpus_dirs
    statement_file(claims)
    evidence_file(evidence, "letter", "2022-01-31", kind="letter",
                  text="On 19 June 2016 the Department passed pupil data to the Home Office.")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert worst["s"].verdict is Verdict.CONTRADICTED
    assert str(worst["s"].evidence[0].fact_date) == "2016-06-19"


def test_a_year_that_contains_the_statement_date_is_undecided(nlp, lexicon, corpus_dirs):
    claims, evidence = corpus_dirs
    statement_file(claims)
    evidence_file(evidence, "vague", "2016", kind="report")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    finding = worst["s"]
    assert finding.verdict is Verdict.UNVERIFIED
    assert "cannot tell whether" in finding.rationale
    assert finding.evidence[0].relation == "undecided"


def test_agreement_signed_after_the_statement_but_backdated_does_not_count(nlp, lexicon,
                                                                          corpus_dirs):
    claims, evidence = corpus_dirs
    statement_file(claims, date="2016-10-12")
    evidence_file(evidence, "mou-v2", "2016-10-18", kind="agreement", effective_from="2016-10-07",
                  title="Data sharing agreement v2.1")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    finding = worst["s"]
    assert finding.verdict is Verdict.OVERTAKEN
    assert "backdated to take effect from 7 October 2016" in finding.rationale


def test_the_version_in_force_and_signed_is_judged_and_backdating_noted(nlp, lexicon, corpus_dirs):
    claims, evidence = corpus_dirs
    statement_file(claims, date="2016-10-12")
    evidence_file(evidence, "v1", "2015-12-18", kind="agreement", effective_from="2015-07",
                  title="Data sharing agreement v1.0",
                  text="Under the agreement the Department shares pupil data with the Home Office.")
    evidence_file(evidence, "v2", "2016-10-18", kind="agreement", effective_from="2016-10-07",
                  title="Data sharing agreement v2.1",
                  text="Under the agreement the Department shares pupil data with the Home Office.")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    finding = worst["s"]
    assert finding.verdict is Verdict.CONTRADICTED
    assert [c.evidence_id for c in finding.evidence] == ["v1"]
    assert any("v2.1 was signed on 18 October 2016" in n and "backdated" in n for n in finding.notes)


def test_a_version_signed_before_the_statement_ends_the_old_one(nlp, lexicon, corpus_dirs):
    claims, evidence = corpus_dirs
    statement_file(claims, date="2017-03-01")
    evidence_file(evidence, "v1", "2015-12-18", kind="agreement", title="Data sharing agreement v1.0",
                  text="Under the agreement the Department shares pupil data with the Home Office.")
    evidence_file(evidence, "v2", "2016-10-18", kind="agreement", title="Data sharing agreement v2.1",
                  text="Under the agreement the Department does not share pupil data with the "
                       "Home Office.")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert worst["s"].verdict is Verdict.SUPPORTED
    assert [c.evidence_id for c in worst["s"].evidence] == ["v2"]


@pytest.mark.parametrize("written", ["PQ48635", "PQ 48635", "UIN 48635", "Written Question 48635"])
def test_a_later_correction_naming_the_reference_corrects(nlp, lexicon, corpus_dirs, written):
    claims, evidence = corpus_dirs
    statement_file(claims, date="2016-10-27", reference="PQ 48635", venue="written-answer",
                   text="Requests relating to a total of 2,462 individuals have been made by the "
                        "Home Office.")
    evidence_file(evidence, "hcws", "2017-11-27", kind="statement", title="Written statement",
                  text=f"The response to {written} contained incorrect figures.")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert worst["s"].verdict is Verdict.CORRECTED
    assert worst["s"].evidence[0].evidence_id == "hcws"
    assert worst["s"].evidence[0].relation == "corrects"


def test_an_earlier_document_naming_the_reference_is_no_correction(nlp, lexicon, corpus_dirs):
    claims, evidence = corpus_dirs
    statement_file(claims, date="2016-10-27", reference="PQ 48635", venue="written-answer",
                   text="Requests relating to 2,462 individuals have been made.")
    evidence_file(evidence, "old", "2016-01-01", kind="correction", text="Correction to PQ 48635.")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert worst["s"].verdict is not Verdict.CORRECTED


def test_agreeing_evidence_supports(nlp, lexicon, corpus_dirs):
    claims, evidence = corpus_dirs
    statement_file(claims, text="The Department shares pupil data with the Home Office.")
    evidence_file(evidence, "foi", "2016-08-01", kind="foi-response")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert worst["s"].verdict is Verdict.SUPPORTED
    assert worst["s"].publicly_known is None


def test_unrelated_evidence_leaves_the_claim_unverified(nlp, lexicon, corpus_dirs):
    claims, evidence = corpus_dirs
    statement_file(claims, text="There is no sanction for parents who do not provide the data.")
    evidence_file(evidence, "mou", "2015-12-18", kind="agreement",
                  text="The agreement is signed for the Home Office by the Director for "
                       "Interventions and Sanctions.")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert worst["s"].verdict is Verdict.UNVERIFIED
    assert worst["s"].evidence == ()


def test_pupil_data_in_general_does_not_contradict_a_claim_about_nationality(nlp, lexicon,
                                                                            corpus_dirs):
    claims, evidence = corpus_dirs
    statement_file(claims, text="Nationality data will not be passed to the Home Office.")
    evidence_file(evidence, "foi", "2016-08-01", kind="foi-response")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert worst["s"].verdict is Verdict.UNVERIFIED


def test_finding_ids_are_stable_across_runs(nlp, lexicon, corpus_dirs):
    claims, evidence = corpus_dirs
    statement_file(claims)
    evidence_file(evidence, "foi", "2016-08-01")
    first, _ = verdicts(nlp, lexicon, claims, evidence)
    second, _ = verdicts(nlp, lexicon, claims, evidence)
    assert [f.id for f in first.findings] == [f.id for f in second.findings]
    assert first.findings[0].id.startswith("s:")


def test_a_correction_citing_the_hansard_column_corrects_a_speech(nlp, lexicon, corpus_dirs):
    claims, evidence = corpus_dirs
    statement_file(claims, date="2024-01-11", venue="oral",
                   reference="HC Deb 11 January 2024, vol 743, col 524",
                   text="Some 5,200 staff have begun that training.")
    evidence_file(evidence, "corr", "2024-01-23", kind="correction", title="Ministerial Correction",
                  text='The following is an extract from the debate: "Some 5,200 staff have begun '
                       'that training." [Official Report, 11 January 2024, Vol.\n743, c. 524.] '
                       "The correct statement should have been: some 5,200 staff have registered.")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert worst["s"].verdict is Verdict.CORRECTED


def test_hansard_references_without_a_column_identify_nothing():
    from claimcheck.extract.extractor import normalise_reference
    assert normalise_reference("HC Deb 18 May 2020") == ()
    assert normalise_reference("HL Deb 12 October 2016, col 2370") == ("DEB:2016-10-12:C2370",)


def test_a_copula_matches_nothing(nlp, lexicon, corpus_dirs):
    claims, evidence = corpus_dirs
    statement_file(claims, date="2020-09-30", text="The specific information on pupil data is not "
                                                  "readily available.")
    evidence_file(evidence, "stats", "2017-12", kind="statistics",
                  text="In January 2017 there were 8.1 million pupil records.")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert worst["s"].verdict is Verdict.UNVERIFIED


def test_a_rise_is_contradicted_by_an_earlier_fall(nlp, lexicon, corpus_dirs):
    claims, evidence = corpus_dirs
    statement_file(claims, date="2022-04-20", text="There are more people in work than there were "
                                                  "before the pandemic.")
    evidence_file(evidence, "ons", "2022-04-12", kind="statistics",
                  text="The number of people in employment is 588,000 fewer than before the "
                       "pandemic.")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert worst["s"].verdict is Verdict.CONTRADICTED


def test_a_report_of_the_statement_is_not_evidence_for_it():
    from claimcheck.judge.rules import reports_the_statement
    from claimcheck.model import Evidence, Statement

    said = Statement(id="s", date=parse_date("2019-05-03"), speaker="Lord Avery", venue="press",
                     text="x", department="Department for Transport")
    words = "Lord Avery wrote that the new permits will be kept separately."

    def report(date, text=f"The Gazette reports that {words}"):
        return Evidence(id="e", title="The Gazette", kind="news", date=parse_date(date), text=text)
    assert reports_the_statement(said, words, report("2019-05-04"), f"The Gazette reports that {words}")
    # The twins: months later it is a record of its own; in other words it is not a repetition.
    assert not reports_the_statement(said, words, report("2019-09-04"),
                                     f"The Gazette reports that {words}")
    other = "The permits have been stored with every other licence since March."
    assert not reports_the_statement(said, words, report("2019-05-04", other), other)
    # A report that goes on to say the words were untrue is a verdict on them, not a record.
    refuted = f"The Gazette reports that {words} That was not accurate."
    assert not reports_the_statement(said, words, report("2019-05-04", refuted), refuted)


LONG_QUOTE = ("The figures were given in response to Parliamentary Questions PQ48634 and PQ48635; "
              "they were also quoted during a House of Lords debate on 31 October 2016 on the "
              "Education (Pupil Information) (England) (Miscellaneous Amendments) Regulations, and "
              "repeated in a letter to the committee.")


def test_a_long_quote_ends_at_a_clause_and_is_marked_as_cut():
    from claimcheck.judge.rules import clip_quote
    clipped = clip_quote(LONG_QUOTE, 160)
    assert clipped == ("The figures were given in response to Parliamentary Questions PQ48634 and "
                       "PQ48635 [\u2026]")
    # The twin: a quote that fits is left whole, with no mark.
    assert clip_quote(LONG_QUOTE, 400) == LONG_QUOTE


def test_a_quote_is_not_cut_inside_brackets():
    from claimcheck.judge.rules import clip_quote
    text = ("The response to Parliamentary Questions (PQ48634, PQ48635 and PQ52645) and the figures "
            "quoted in the debate were wrong")
    assert clip_quote(text, 90) == ("The response to Parliamentary Questions (PQ48634, PQ48635 and "
                                    "PQ52645) and the figures [\u2026]")


def test_an_agreement_in_force_is_cited_as_itself_not_as_words_it_records(nlp, lexicon,
                                                                         corpus_dirs):
    """ "No data sharing agreement is in place" against an agreement in force: the document's
    existence is the fact, and its title is no quotation of what it records."""
    claims, evidence = corpus_dirs
    statement_file(claims, text="No data sharing agreement with the Home Office is in place.")
    evidence_file(evidence, "mou", "2015-12-18", kind="agreement", effective_from="2015-07",
                  title="Data sharing agreement between the Department and the Home Office",
                  body="summary", text="The agreement was finalised on 18 December 2015.")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    finding = worst["s"]
    assert finding.verdict is Verdict.CONTRADICTED
    assert "is itself an agreement in force" in finding.rationale
    assert "\u201cData sharing agreement between" not in finding.rationale


CORRECTED_ANSWER = ("Letter of correction from the Prime Minister.\n\nAn error has been identified "
                    "in the response I gave to the Leader of the Opposition.\n\nThe correct "
                    "response should have been:\n\nSince 2010, harbour crime is down by 50% under "
                    "this Government. We are confident that we will have had 20,000 more harbour "
                    "wardens by the end of March, and we have given them more powers.")


@pytest.mark.parametrize("role, corrected", [
    ("Prime Minister", True),
    # The twin: the letter is the Prime Minister's, and the answer was another minister's.
    ("Minister for Harbours", False),
])
def test_a_correction_giving_the_right_answer_corrects_the_sentence_it_changed(
        nlp, lexicon, corpus_dirs, role, corrected):
    claims, evidence = corpus_dirs
    write_item(claims, "pmq", {"date": "2023-04-19", "speaker": "Rishi Example", "role": role,
                               "venue": "oral", "title": "Engagements"},
               "Since 2010, harbour crime is down by 50% under this Government. There are 20,000 "
               "more harbour wardens, and we have given them more powers.")
    evidence_file(evidence, "letter", "2023-04-24", kind="correction",
                  title="Ministerial correction: letter of correction", text=CORRECTED_ANSWER)
    result, _ = verdicts(nlp, lexicon, claims, evidence)
    by_claim = {"crime" if "crime" in f.claim.analysis.text else "wardens": f.verdict
                for f in result.findings}
    assert (by_claim["wardens"] is Verdict.CORRECTED) is corrected
    # The sentence the letter repeats word for word is not what it corrects.
    assert by_claim["crime"] is not Verdict.CORRECTED


def test_a_title_naming_the_statements_day_ties_a_correction_to_it():
    from claimcheck.dates import parse_date
    from claimcheck.match.signals import corrects_statement
    from claimcheck.model import Evidence, Statement
    said = Statement(id="s", date=parse_date("2023-04-19"), speaker="Dan Example", venue="oral",
                     text="There are 20,000 more harbour wardens.")
    def link(title):
        item = Evidence(id="e", title=title, kind="correction", date=parse_date("2023-04-24"),
                        text="An error has been identified in a response to the House.")
        return corrects_statement(said, item, [(item.text, item.text)],
                                  word_share=lambda text: 0.6,
                                  statement_day_named=lambda text: "19 April 2023" in text)
    assert "date" in link("Letter of correction to the Official Report of 19 April 2023").links
    assert link("Letter of correction") is None


def test_a_claim_restated_in_the_correct_answer_is_not_the_one_corrected():
    from claimcheck.judge.rules import restated_as_correct
    assert restated_as_correct(CORRECTED_ANSWER, "Since 2010, harbour crime is down by 50% under "
                                                 "this Government.")
    assert not restated_as_correct(CORRECTED_ANSWER, "There are 20,000 more harbour wardens.")


@pytest.mark.parametrize("dated, corrected", [
    ("2022-07", True),
    # The twin: a month before the statement cannot correct it.
    ("2022-06", False),
])
def test_a_correction_dated_to_the_statements_month_may_correct_it(nlp, lexicon, corpus_dirs,
                                                                    dated, corrected):
    claims, evidence = corpus_dirs
    words = "I am, of course, absolutely aware of the harbour authority's report on the dredging."
    write_item(claims, "answer", {"date": "2022-07-14", "speaker": "Steve Example",
                                  "venue": "oral"}, words)
    evidence_file(evidence, "letter", dated, kind="correction",
                  title="Ministerial Corrections: letter of correction from Steve Example",
                  text=f"{words}\n\nAn error has been identified in my response to the hon. "
                       "Member.")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert (worst["answer"].verdict is Verdict.CORRECTED) is corrected


def test_a_correction_naming_another_days_words_does_not_correct_this_day(nlp, lexicon,
                                                                          corpus_dirs):
    """One minister says much the same on one subject twice; the correction names the day of the
    first. Only the first is corrected: the second is the twin that differs by its day."""
    claims, evidence = corpus_dirs
    words = "The Kestrel tunnel has passed its fire safety inspection."
    for name, day in (("first", "2022-05-12"), ("second", "2022-05-26")):
        write_item(claims, name, {"date": day, "speaker": "Lord Price of Ashby", "venue": "oral",
                                  "house": "lords"}, words)
    evidence_file(evidence, "letter", "2022-06-09", kind="letter",
                  title="Letter from Lord Price of Ashby to the Chair of the Committee",
                  text="In the debate on 12 May 2022, I told noble Lords that the Kestrel tunnel "
                       "had passed its fire safety inspection. That was not accurate: the "
                       "inspection is due in July.")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert worst["first"].verdict is Verdict.CORRECTED
    assert worst["second"].verdict is not Verdict.CORRECTED


@pytest.mark.parametrize("day, corrected", [("26 September 2016", True),
                                              ("28 September 2016", False)])
def test_a_correction_tied_by_nothing_but_the_day_it_names(nlp, lexicon, corpus_dirs, day,
                                                           corrected):
    """A department has no surname, post or occasion to be named by: only the day ties its
    correction to the statement (it quotes none of the words), and the judge must read the
    document for it. The twin names another day."""
    claims, evidence = corpus_dirs
    statement_file(claims)
    evidence_file(evidence, "note", "2016-12-01", kind="correction", title="Clarification",
                  text=f"On {day} the press office told reporters that no pupil data held "
                       "by the Department would be passed on to the Home Office. That was not "
                       "accurate.")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert (worst["s"].verdict is Verdict.CORRECTED) is corrected


@pytest.mark.parametrize("quoted, corrected", [
    ("Answers given to Parliament said that the Department \"has assessed that the Kestrel "
     "tunnel meets every fire safety standard\". These answers were not accurate.", True),
    # The twin paraphrases: nothing but the subject ties it to this statement.
    ("Answers given to Parliament about fire safety in the tunnel were not accurate.", False),
])
def test_a_correction_quoting_the_words_is_tied_to_them(nlp, lexicon, corpus_dirs, quoted,
                                                        corrected):
    claims, evidence = corpus_dirs
    write_item(claims, "answer", {"date": "2022-05", "speaker": "Lord Price of Ashby",
                                  "department": "Department for Transport",
                                  "venue": "written-answer"},
               "The Department has assessed that the Kestrel tunnel meets every fire safety "
               "standard.")
    evidence_file(evidence, "wms", "2022-07-21", kind="statement",
                  title="Department for Transport written statement correcting answers to "
                        "Parliament",
                  text=f"{quoted} The corrected wording is that the Department has been unable "
                       "to assess whether the tunnel meets the standard.")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert (worst["answer"].verdict is Verdict.CORRECTED) is corrected


@pytest.mark.parametrize("owner, corrected", [
    ("Downing Street", True),
    # The twin: another office apologises; nothing ties it to No 10's words.
    ("The Welsh Government", False),
])
def test_an_offices_own_apology_corrects_its_spokespersons_words(nlp, lexicon, corpus_dirs,
                                                                   owner, corrected):
    """A spokesperson has no surname: the office they speak for is named instead, by any of
    its names ("Downing Street" for the Prime Minister's Office), and owns the words as "we"."""
    claims, evidence = corpus_dirs
    write_item(claims, "line", {"date": "2019-03-04", "speaker": "Prime Minister's Official "
                                "Spokesman", "department": "Prime Minister's Office",
                                "venue": "press"},
               "No 10 insisted the canal survey published on Monday was accurate and had "
               "never claimed it was independent.")
    evidence_file(evidence, "apology", "2019-03-05", kind="correction",
                  title="Report of an apology over the canal survey",
                  text=f"{owner} yesterday apologised for its failure to say that the canal "
                       "survey was written by a contractor. A spokesman said: \"In retrospect "
                       "we should have acknowledged that.\"")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert (worst["line"].verdict is Verdict.CORRECTED) is corrected


@pytest.mark.parametrize("figure, corrected", [
    ("4,217", True),
    # The twin gives another figure: the correction is of some other count.
    ("4,390", False),
])
def test_a_correction_naming_the_claims_figure_is_about_those_words(nlp, lexicon, corpus_dirs,
                                                                     figure, corrected):
    """A report that "the earlier figure of 4,217 ... was inaccurate" names the words it
    corrects by their figure, though it shares few of the others."""
    claims, evidence = corpus_dirs
    write_item(claims, "answer", {"date": "2012-02-06", "speaker": "Lord Marsh of Kelby",
                                  "venue": "oral", "house": "lords",
                                  "title": "Lifeboat Stations"},
               "My Lords, there were 4,217 lifeboat stations in March 2011, according to "
               "returns supplied by coastal councils.")
    evidence_file(evidence, "report", "2014-05-01", kind="correction",
                  title="Department revises lifeboat stations count",
                  text=f"The department's earlier figure of {figure} lifeboat stations in 2011 "
                       "was inaccurate: a data-cleansing exercise found duplicate records "
                       "entered by local authorities.")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert (worst["answer"].verdict is Verdict.CORRECTED) is corrected


@pytest.mark.parametrize("quoted, verdict", [
    (True, Verdict.CONTRADICTED),
    # The twin does not give the claim as her words: an undated denial in a later report is
    # only later.
    (False, Verdict.OVERTAKEN),
])
def test_a_report_that_quotes_the_claim_and_denies_it_judges_it_as_made(nlp, lexicon,
                                                                         corpus_dirs, quoted,
                                                                         verdict):
    claims, evidence = corpus_dirs
    write_item(claims, "speech", {"date": "2019-03-04", "speaker": "Jane Hartley",
                                  "venue": "oral", "house": "commons"},
               "What I believe the structural survey has established beyond doubt is that the "
               "harbour wall at Kelby has failed.")
    quote = ("In her speech, Ms Hartley said she believed the structural survey had "
             "\"established beyond doubt\" that the harbour wall at Kelby had failed. "
             if quoted else "The inquiry examined the structural survey of the harbour. ")
    evidence_file(evidence, "inquiry", "2021-06-01", kind="report",
                  title="Report of the harbour inquiry",
                  text=f"{quote}The structural survey had not established beyond doubt that the "
                       "harbour wall at Kelby had failed.")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert worst["speech"].verdict is verdict
    if quoted:
        assert "quoted_then_denied" in worst["speech"].signals
        assert "days before the statement" not in worst["speech"].rationale


@pytest.mark.parametrize("claim, verdict", [
    ("The first coastal skills programme, which finished in 2015, was a great success.",
     Verdict.CONTRADICTED),
    # The twin judges the programme as it is now: a later finding is a later state.
    ("The coastal skills programme is a great success.", Verdict.OVERTAKEN),
])
def test_a_later_finding_on_what_was_done_judges_it_as_it_was(nlp, lexicon, corpus_dirs,
                                                                claim, verdict):
    """What a finished programme achieved does not change afterwards: a later evaluation that
    found no impact contradicts a verdict of success on it."""
    claims, evidence = corpus_dirs
    write_item(claims, "lords", {"date": "2016-09-12", "speaker": "Lord Marsh of Kelby",
                                 "venue": "oral", "house": "lords"}, claim)
    evidence_file(evidence, "evaluation", "2016-10-17", kind="report",
                  title="Evaluation of the coastal skills programme",
                  text="The evaluation found no significant impact of the coastal skills "
                       "programme on employment or earnings.")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert worst["lords"].verdict is verdict
    assert "is consider" not in worst["lords"].rationale


@pytest.mark.parametrize("owning, corrected", [
    ("was misleading, and I am sorry", True),
    ("was brief", False),   # the twin owns no error
])
def test_an_admission_that_words_misled_corrects_them(nlp, lexicon, corpus_dirs, owning,
                                                      corrected):
    claims, evidence = corpus_dirs
    write_item(claims, "answer", {"date": "2022-05-17", "speaker": "Lord Marsh of Kelby",
                                  "venue": "oral", "house": "lords"},
               "All twelve of the Kelby lifeboats have been refitted this year.")
    evidence_file(evidence, "letter", "2022-06-09", kind="letter",
                  title="Letter from Lord Marsh of Kelby to the Chair of the Committee",
                  text=f"My answer on the refitted Kelby lifeboats {owning}: only four of the "
                       "twelve lifeboats have been refitted this year.")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert (worst["answer"].verdict is Verdict.CORRECTED) is corrected


def test_an_unsettled_claim_lists_earlier_close_records_as_leads_only(nlp, lexicon, corpus_dirs):
    """A record close to the claim that no signal decides is a lead to check: listed, never a
    ground. Its twin, the same record dated after the statement, is no lead."""
    claims, evidence = corpus_dirs
    write_item(claims, "answer", {"date": "2022-05-17", "speaker": "Jane Hartley",
                                  "venue": "written-answer"},
               "The harbour authority has met every condition of its dredging licence.")
    evidence_file(evidence, "before", "2022-03-01", title="Harbour authority dredging review",
                  text="The harbour authority's dredging licence sets conditions on silt "
                       "disposal, and the review looked at each dredging condition.")
    evidence_file(evidence, "after", "2022-09-01", title="Harbour authority dredging audit",
                  text="The audit looked at the dredging licence conditions of the harbour "
                       "authority and the silt disposal it reports.")
    result, worst = verdicts(nlp, lexicon, claims, evidence)
    finding = worst["answer"]
    assert finding.verdict is Verdict.UNVERIFIED and finding.signals == ()
    assert [(c.evidence_id, c.relation) for c in finding.evidence] == [("before", "lead")]
    assert "leads to check, not as findings" in finding.rationale


@pytest.mark.parametrize("owning, lead", [
    ("The summary of the fire checks I gave was not accurate.", True),
    # The twin names another occasion: what was said that day is what it is about.
    ("In the debate on 3 May 2022 the summary of the fire checks I gave was not accurate.", False),
])
def test_a_later_admission_too_loosely_tied_to_correct_is_a_lead(nlp, lexicon, corpus_dirs,
                                                                  owning, lead):
    claims, evidence = corpus_dirs
    write_item(claims, "answer", {"date": "2022-05-17", "speaker": "Lord Price of Ashby",
                                  "venue": "oral", "house": "lords"},
               "The Kestrel tunnel passed its fire safety inspection in March 2022.")
    evidence_file(evidence, "letter", "2022-06-09", kind="letter",
                  title="Letter from Lord Price of Ashby to the Chair of the Committee",
                  text=f"I want to return to the tunnel inspection. {owning}")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    finding = worst["answer"]
    assert finding.verdict is Verdict.UNVERIFIED
    assert [(c.evidence_id, c.relation) for c in finding.evidence] == (
        [("letter", "lead")] if lead else [])


def judged_with_log(nlp, lexicon, claims: Path, evidence: Path):
    """The first statement's findings, judged as ``check_corpus`` judges it, with its log."""
    from claimcheck.extract.extractor import Extractor
    from claimcheck.judge.rules import Judge, ReadLog
    from claimcheck.match.matcher import FactIndex, Matcher
    from claimcheck.match.retrieve import Retriever

    corpus = load_corpus(claims, evidence)
    extractor = Extractor(nlp, lexicon)
    facts = [f for _, some in extractor.facts_of(corpus.evidence) for f in some]
    matcher = Matcher(FactIndex(facts, lexicon), Retriever(facts, shared_embedder()),
                      {e.id: e for e in corpus.evidence})
    (statement, statement_claims), = list(extractor.claims_of(corpus.statements))
    matches = {c.id: matcher.candidates(c, extractor.home_of(statement), statement.date,
                                        statement) for c in statement_claims}
    log = ReadLog()
    findings = Judge(corpus.evidence, lexicon).judge(statement, statement_claims, matches, log)
    return findings, log


@pytest.mark.parametrize("reference_corrected", [True, False])
def test_the_judge_logs_each_document_it_reads_whole(nlp, lexicon, corpus_dirs,
                                                     reference_corrected):
    """What the incremental check keeps: a correction found by reference or, with none, one
    tied only by the words it quotes; and the later versions of a document whose timing was
    read. A later document in no correction language, and a quotation of other words, are not
    read whole."""
    claims, evidence = corpus_dirs
    statement_file(claims, date="2016-10-12", reference="PQ 48635", venue="written-answer",
                   text="The Department's pupil data will not be passed to the Home Office "
                        "under any agreement.")
    evidence_file(evidence, "v1", "2015-12-18", kind="agreement", title="Data sharing agreement v1.0",
                  text="Under the agreement the Department shares pupil data with the Home Office.")
    evidence_file(evidence, "v2", "2017-01-18", kind="agreement", title="Data sharing agreement v2.1",
                  text="Under the agreement the Department shares pupil data with the Home Office.")
    if reference_corrected:
        evidence_file(evidence, "byref", "2016-11-01", kind="correction",
                      title="Correction to PQ 48635", text="The answer to PQ 48635 was wrong.")
    evidence_file(evidence, "quoting", "2017-02-01", kind="statement", title="Written statement",
                  text="An earlier answer said that \"pupil data will not be passed to the Home "
                       "Office under any agreement\". That answer was not accurate.")
    evidence_file(evidence, "other", "2017-02-02", kind="statement", title="Written statement",
                  text="An earlier answer said that \"the weather in Leeds was fine for a "
                       "picnic\". That answer was not accurate.")
    evidence_file(evidence, "later", "2017-03-01", kind="minutes", title="Board minutes",
                  text="The board discussed the pupil data shared with the Home Office.")
    _, log = judged_with_log(nlp, lexicon, claims, evidence)
    whole = {"byref", "v2"} if reference_corrected else {"quoting", "v2"}
    assert whole <= log.documents
    assert not {"other", "later"} & log.documents
    assert log.versions.get("v1") == ["v2"]


def test_a_report_of_the_words_then_said_to_be_untrue_contradicts_them(nlp, lexicon, corpus_dirs):
    """ "The press office told reporters that X. That was not accurate." refutes X across the
    sentence break; its twin, where the next sentence confirms X, does not."""
    said = "The Harwick museum will stay open through the winter."
    report = ("On 3 March 2021 the department's press office told reporters that the Harwick "
              "museum would stay open through the winter. {}")
    outcomes = {}
    for twin, follow_up in (("refuted", "That was not accurate."),
                            ("confirmed", "The museum's trustees confirmed it the next day.")):
        claims, evidence = corpus_dirs[0] / twin, corpus_dirs[1] / twin
        statement_file(claims, date="2021-03-03", text=said)
        evidence_file(evidence, "report", "2021-03-10", text=report.format(follow_up),
                      kind="report", title="Museum closures: what the department said")
        _, worst = verdicts(nlp, lexicon, claims, evidence)
        outcomes[twin] = worst["s"]
    refuted = outcomes["refuted"]
    assert refuted.verdict is Verdict.CONTRADICTED
    # Decided by what the record denies: the reported words, which the next sentence refutes.
    assert set(refuted.signals) & {"refutes_claim", "opposite_polarity", "structured_polarity"}
    # The quote holds both sentences, as written.
    assert refuted.evidence[0].quote.endswith("through the winter. That was not accurate.")
    assert outcomes["confirmed"].verdict not in (Verdict.CONTRADICTED, Verdict.CORRECTED)


@pytest.mark.parametrize("maintaining, stands", [
    ("From the outset I have been clear that I did not download or view pornography on my "
     "Parliamentary computers.", True),
    # The twin: the same words, not maintained but reported.
    ("The report says that I did not download or view pornography on my Parliamentary "
     "computers.", False),
])
def test_a_claim_the_correcting_document_maintains_stands(maintaining, stands):
    from claimcheck.judge.rules import _windows, maintained_beside
    correcting = ("I accept that I should have been clear in my press statements that police "
                  "lawyers talked to my lawyers in 2008 about the material on the computers.")
    text = f"{maintaining} {correcting}"
    words = {"maintain", "truth", "download", "look", "pornography", "computer"}
    assert maintained_beside(_windows(text), correcting, words) is stands


@pytest.mark.parametrize("record, contradicted", [
    # Parliament and a verb of knowing in common; what the Minister had known was something else.
    ("The Minister told the committee he had no knowledge of the faulty answers until 25 "
     "September, and that he had then told Parliament on 4 October.", False),
    # The twin knew of the outbreak itself before Parliament was told.
    ("Officials at the Ministry knew of the outbreak on 12 February, a week before it was "
     "reported to Parliament.", True),
])
def test_knowing_of_one_thing_is_not_knowing_of_another(nlp, lexicon, corpus_dirs, record,
                                                        contradicted):
    claims, evidence = corpus_dirs
    write_item(claims, "evidence-session", {"date": "2001-03-21", "speaker": "Nick Brown",
                                            "venue": "committee"},
               "We did not know of the outbreak before it was reported to Parliament.")
    evidence_file(evidence, "report", "2000-11-02", kind="news", text=record)
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert (worst["evidence-session"].verdict is Verdict.CONTRADICTED) is contradicted


@pytest.mark.parametrize("opening, corrected", [
    ("On 12 December 2005 the then Foreign Secretary, Mr Straw, told the House:", True),
    # The twin gives no day: the quotation and the apology are paragraphs apart, and nothing
    # but the name ties the apology to these words.
    ("The then Foreign Secretary, Mr Straw, told the House:", False),
])
def test_a_document_quoting_the_words_on_their_day_corrects_them_paragraphs_later(
        nlp, lexicon, corpus_dirs, opening, corrected):
    claims, evidence = corpus_dirs
    claim = ("Careful research by officials has been unable to identify any occasion when we "
             "received a request for a refuelling stop through UK territory.")
    write_item(claims, "answer", {"date": "2005-12-12", "speaker": "Jack Straw",
                                  "venue": "written-answer"}, claim)
    evidence_file(evidence, "statement", "2008-02-21", kind="correction",
                  title="Statement by the Foreign Secretary on refuelling stops",
                  text=f"{opening} \"{claim}\" Two further statements followed in January 2006. "
                       "A letter to the Opposition followed in February 2006. The Committee "
                       "welcomed those conclusions in July 2007. I am very sorry indeed to have "
                       "to report the need to correct those statements, on the basis of new "
                       "information.")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert (worst["answer"].verdict is Verdict.CORRECTED) is corrected


@pytest.mark.parametrize("said_earlier, corrected", [
    ("", False),
    # The twin corrects words said earlier on the same occasion.
    ("Earlier in this debate I said that no record shows any detainee was held on the island. ",
     True),
])
def test_the_record_of_a_statements_own_occasion_does_not_correct_it(nlp, lexicon, corpus_dirs,
                                                                    said_earlier, corrected):
    claims, evidence = corpus_dirs
    write_item(claims, "speech", {"date": "2008-02-21", "speaker": "David Miliband",
                                  "role": "Secretary of State for Foreign and Commonwealth "
                                          "Affairs",
                                  "title": "Detainees (Island)", "venue": "oral",
                                  "house": "commons",
                                  "reference": "HC Deb 21 February 2008, vol 472"},
               "No record shows any detainee was held on the island.")
    evidence_file(evidence, "debate", "2008-02-21", kind="correction",
                  reference="HC Deb 21 February 2008, vol 472",
                  title="Detainees (Island): statement by the Foreign Secretary, House of "
                        "Commons",
                  text=f"{said_earlier}I am very sorry to have to correct earlier statements on "
                       "the island: two detainees were held there in 2002.")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert (worst["speech"].verdict is Verdict.CORRECTED) is corrected


@pytest.mark.parametrize("day, corrected", [
    ("4 May", True),
    ("7 May", False),   # the twin names another of his statements
])
def test_a_letter_naming_the_speakers_statement_by_its_day_corrects_it_years_later(
        nlp, lexicon, corpus_dirs, day, corrected):
    claims, evidence = corpus_dirs
    write_item(claims, "statement", {"date": "1982-05-04", "speaker": "John Nott",
                                     "venue": "oral", "house": "commons"},
               "At 8pm one of our submarines detected the cruiser, escorted by two destroyers.")
    evidence_file(evidence, "letter", "1984-10-08", kind="letter",
                  title="Letter from the Prime Minister to an MP",
                  text=f"Thank you for your letter of 27 September. John Nott's statement of {day} "
                       "must be seen in the context of the time. It is not true that the "
                       "Government has not sought to rectify the errors and misleading "
                       "impressions in that statement. My letter of 4 April dealt with when the cruiser was first detected by the "
                       "submarine and its destroyers.")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert (worst["statement"].verdict is Verdict.CORRECTED) is corrected


@pytest.mark.parametrize("text, named", [
    ("John Nott's statement of 4 May must be seen in context.", True),
    ("Mr Nott\u2019s oral statement on 4 May was incomplete.", True),
    ("John Nott's statement of 4 May 1984 must be seen in context.", False),   # another year
    ("John Smith's statement of 4 May must be seen in context.", False),       # another speaker
])
def test_a_speakers_statement_named_by_day_and_month_takes_the_statements_year(text, named):
    statement = Statement(id="s", date=parse_date("1982-05-04"), speaker="John Nott",
                          venue="oral", text="x")
    assert speakers_day_named(text, statement) is named


@pytest.mark.parametrize("title, corrected", [
    ("Statement by Jo Example MP after her Spectator interview on tax credits", True),
    # The twin names another outlet's interview: the apology is for words given there.
    ("Statement by Jo Example MP after her Guardian interview on tax credits", False),
])
def test_an_apology_naming_the_interview_corrects_words_given_in_it(nlp, lexicon, corpus_dirs,
                                                                    title, corrected):
    claims, evidence = corpus_dirs
    write_item(claims, "interview", {"date": "2015-11-12", "speaker": "Jo Example",
                                     "venue": "press",
                                     "question": "Interview with The Spectator on tax credits."},
               "Some families just have not realised the savings they need to make themselves, "
               "like paid subscriptions to television channels.")
    evidence_file(evidence, "apology", "2015-11-12", kind="correction", title=title,
                  text="I apologise for causing any offence. I am sorry for giving the "
                       "impression of a lack of understanding of the pressures families face.")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert (worst["interview"].verdict is Verdict.CORRECTED) is corrected


@pytest.mark.parametrize("said, supported", [
    ("I used strong language in the presence of the officers but I did not swear at them.",
     False),
    ("I used strong language in the presence of the officers.", True),   # nothing conceded
])
def test_a_record_of_what_was_conceded_does_not_support_the_denial(nlp, lexicon, corpus_dirs,
                                                                    said, supported):
    claims, evidence = corpus_dirs
    write_item(claims, "interview", {"date": "2013-11-26", "speaker": "Andrew Example",
                                     "venue": "press"}, said)
    evidence_file(evidence, "report", "2014-11-27", kind="news", effective_from="2012-09-19",
                  text="He admits using strong language in the presence of the officers.")
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert (worst["interview"].verdict is Verdict.SUPPORTED) is supported


@pytest.mark.parametrize("removed, corrected", [
    ("One of the tweets was truncated and did not accurately report our ambassador's words. We "
     "have removed this tweet.", True),
    # The twin corrects a press release: another form of words than the tweet.
    ("One of the press releases was truncated and did not accurately report our ambassador's "
     "words. We have withdrawn it.", False),
])
def test_a_correction_naming_the_tweet_corrects_the_tweet(nlp, lexicon, corpus_dirs, removed,
                                                         corrected):
    claims, evidence = corpus_dirs
    write_item(claims, "tweet", {"date": "2018-03-22", "speaker": "Foreign and Commonwealth Office",
                                 "department": "Foreign and Commonwealth Office", "venue": "press",
                                 "question": "Tweet posted by @foreignoffice during the "
                                             "ambassador's briefing."},
               "Analysis by experts at the laboratory made clear that this agent was produced "
               "abroad.")
    evidence_file(evidence, "removal", "2018-04-04", kind="correction",
                  title="Foreign Office spokesman's statement on the briefing of 22 March 2018",
                  text=removed)
    _, worst = verdicts(nlp, lexicon, claims, evidence)
    assert (worst["tweet"].verdict is Verdict.CORRECTED) is corrected
