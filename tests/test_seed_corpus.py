"""Issue 2's acceptance, on the embedded corpus and on an independent transcription of the seed.

tests/corpus_alt was transcribed by someone else from the same timeline, with other ids, other
reference styles and other wording. The same verdicts must come out of both: the result comes from
the pipeline, not from the shape of our own files.
"""

import pytest

from claimcheck.corpus.load import load_corpus
from claimcheck.model import Verdict
from claimcheck.pipeline.run import check_corpus, lexicon_for, statement_verdicts

from .conftest import ROOT, shared_embedder

EMBEDDED = {
    "contradicted": ["2016-07-25-gibb-pq-42842", "2016-07-26-gibb-pq-42942",
                     "2016-09-26-dfe-bbc-not-passed-home-office", "2016-09-29-dfe-meeting-no-agreement",
                     "2016-10-12-younger-lords-not-passed-home-office"],
    "corrected": "2016-10-27-gibb-pq-48635",
    "not_contradicted": ["2016-11-24-nash-retract-autumn-census", "2016-10-12-younger-lords-no-sanction",
                         "2020-philp-pq-92745"],
    "supported": ["2018-12-19-gibb-pq-201097-immigration-enforcement"],
    # Supported by the old subject lexicon's reading of "the purposes of all cases"; the open
    # judge finds nothing that settles it. Never contradicted.
    "weakly_supported": ["2018-03-13-atkins-data-protection-bill-committee"],
    "not_consulted": "2016-07-25-gibb-pq-42842",
    "mou_v1": "2015-12-18-mou-home-office-dfe-v1-0",
    "hcws272": "2017-11-27-hcws272-ministerial-correction",
}
ALTERNATIVE = {
    "contradicted": ["gibb-wq-42842", "dfe-press-bbc-2016-09",
                     "dfe-ddm-meeting-290916", "younger-lords-oct16"],
    # This transcription's MOU clause is still not retrieved for the denial (a known miss), but
    # it is contradicted all the same: the FOI reply records that the Department "has shared
    # pupil data ... with the Home Office ... since April 2012", dated by that event.
    "contradicted_not_by_mou": ["gibb-pq42942-disclosure"],
    "corrected": "gibb-uin48635-ho-requests",
    "not_contradicted": ["nash-retract-nov16", "lords-no-penalty-121016", "philp-pq-92745"],
    "supported": ["minister-pq201097-census-enforcement"],
    "weakly_supported": ["atkins-dpb-committee-130318"],
    "not_consulted": "gibb-wq-42842",
    "mou_v1": "ho-dfe-mou-v1",
    "hcws272": "hcws272-gibb-correction",
}


@pytest.fixture(scope="module", params=[("", EMBEDDED), ("tests/corpus_alt", ALTERNATIVE)],
                ids=["embedded", "independent"])
def judged(request, nlp):
    folder, expected = request.param
    base = ROOT / folder
    corpus = load_corpus(base / "claims", base / "evidence", strict=True)
    result = check_corpus(corpus, nlp, lexicon_for(base / "claims"), embedder=shared_embedder())
    return result, statement_verdicts(result.findings), expected


def test_denials_of_sharing_are_contradicted_by_mou_v1_not_public_at_the_time(judged):
    _, worst, expected = judged
    for statement_id in expected["contradicted"]:
        finding = worst[statement_id]
        assert finding.verdict is Verdict.CONTRADICTED, statement_id
        mou = [c for c in finding.evidence
               if c.evidence_id == expected["mou_v1"] and c.relation == "contradicts"]
        assert mou, statement_id
        assert mou[0].public_at_statement is False, statement_id
        assert str(mou[0].disclosed) == "2016-12-15"
    for statement_id in expected.get("contradicted_not_by_mou", ()):
        finding = worst[statement_id]
        assert finding.verdict is Verdict.CONTRADICTED, statement_id
        assert all(c.days_fact_before_statement >= 0 for c in finding.evidence
                   if c.relation == "contradicts"), statement_id


def test_younger_is_judged_against_v1_and_told_of_the_backdated_v2(judged):
    _, worst, expected = judged
    younger = worst[expected["contradicted"][-1]]
    assert any("backdated to take effect from 7 October 2016" in note for note in younger.notes)


def test_pq_48635_is_corrected_by_hcws272(judged):
    _, worst, expected = judged
    finding = worst[expected["corrected"]]
    assert finding.verdict is Verdict.CORRECTED
    assert finding.evidence[0].evidence_id == expected["hcws272"]
    assert str(finding.evidence[0].document_date) == "2017-11-27"


def test_statements_only_later_events_conflict_with_are_not_contradicted(judged):
    result, worst, expected = judged
    for statement_id in expected["not_contradicted"]:
        assert worst[statement_id].verdict in (Verdict.OVERTAKEN, Verdict.UNVERIFIED), statement_id


def test_statements_that_agree_with_the_evidence_are_supported(judged):
    _, worst, expected = judged
    for statement_id in expected["supported"]:
        assert worst[statement_id].verdict is Verdict.SUPPORTED, statement_id
    for statement_id in expected["weakly_supported"]:
        assert worst[statement_id].verdict in (Verdict.SUPPORTED, Verdict.UNVERIFIED), statement_id


def test_not_consulting_parents_is_not_contradicted(judged):
    result, _, expected = judged
    consulted = [f for f in result.findings if f.statement.id == expected["not_consulted"]
                 and "consulted" in f.claim.text]
    assert consulted and all(f.verdict is not Verdict.CONTRADICTED for f in consulted)


def test_no_contradiction_rests_on_a_later_fact(judged):
    result, _, _ = judged
    for finding in result.findings:
        if finding.verdict is Verdict.CONTRADICTED:
            contradicting = [c for c in finding.evidence if c.relation == "contradicts"]
            assert contradicting
            assert all(c.fact_date.on_or_before(finding.statement.date) for c in contradicting)


def test_only_a_conflict_that_gave_way_says_the_agreeing_evidence_is_closer(judged):
    """The note belongs to findings where closer agreeing evidence outweighed a conflict, never
    to a correction (which outranks the conflict for another reason)."""
    result, _, expected = judged
    corrected = [f for f in result.findings if f.statement.id == expected["corrected"]]
    assert corrected and all(f.verdict is Verdict.CORRECTED for f in corrected)
    assert not any("the evidence that agrees is much closer" in note
                   for f in corrected for note in f.notes)


def test_every_citation_says_where_its_fact_date_came_from(judged):
    result, _, _ = judged
    evidence = {e.id: e for e in result.corpus.evidence}
    cited = [c for f in result.findings for c in f.evidence]
    assert cited
    for c in cited:
        item = evidence[c.evidence_id]
        if c.fact_date_from == "effective_from":
            assert c.fact_date == item.effective_from, c.evidence_id
        elif c.fact_date_from == "date":
            assert c.fact_date == item.date, c.evidence_id
        elif c.fact_date_from == "text":
            from claimcheck.dates import find_dates
            named = [d for _, _, d in find_dates(c.quote, item.date)]
            assert any(d.start == c.fact_date.start for d in named), (c.evidence_id, c.quote)
        else:
            assert c.fact_date_from is None and c.fact_date == next(
                f.statement.date for f in result.findings if c in f.evidence), c.evidence_id
