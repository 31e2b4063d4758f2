"""Briefing-grade findings: whose words each quote is, where it sits, how its date was found, and
the reviews, in report.md and a letter on the embedded corpus (golden files) and on a small corpus
of reported speech, a summary-only evidence file and a refusal to disclose.

Set CLAIMCHECK_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change (a judge
change that rewords a rationale changes them too: read the diff).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace

from claimcheck.corpus.load import load_corpus
from claimcheck.judge.calibration import load_calibration
from claimcheck.model import Verdict
from claimcheck.outputs.briefing import attribution, brief, evidence_index, passage
from claimcheck.outputs.letters import correction_request, letter_markdown
from claimcheck.outputs.report import markdown_report
from claimcheck.pipeline.run import check_corpus, lexicon_for
from claimcheck.review.store import decide

from ..conftest import ROOT, shared_embedder, write_item

GOLDEN = ROOT / "tests" / "golden"
DAY = dt.date(2026, 1, 5)
BBC = "2016-09-26-dfe-bbc-not-passed-home-office"
MEETING = "2016-09-29-dfe-meeting-no-agreement"


def matches_golden(name: str, rendered: str) -> None:
    path = GOLDEN / name
    if os.environ.get("CLAIMCHECK_UPDATE_GOLDEN"):
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8"), f"{name} differs (see the module doc)"


def seed_reviews(seed_result, pq42842):
    meeting = next(f for f in seed_result.findings if f.statement.id == MEETING)
    return {pq42842.id: decide(pq42842, "confirmed", "A. Reviewer", DAY, "checked the MOU"),
            meeting.id: decide(meeting, "dismissed", "B. Reviewer", DAY, "the officials meant v2")}


def test_report_md_on_the_embedded_corpus(seed_result, pq42842):
    text = markdown_report(seed_result, seed_reviews(seed_result, pq42842))
    matches_golden("seed-report.md", text)
    # Reviewed counts, and the dismissed finding out of the headline section.
    assert "6 contradicted (1 confirmed, 1 dismissed, 4 waiting)" in text
    headline = text.split("## Contradicted when made")[1].split("\n## ")[0]
    assert "Meeting between defenddigitalme" not in headline
    assert "## Dismissed by a reviewer" in text
    # The MOU's summary is never a block quote; its own words are.
    assert "> Under the agreement" not in text
    assert "Filer's summary (not the document's words): Under the agreement" in text
    assert "“Under the agreement" not in text
    # The location belongs to the 15.2.6 sentence only; the fact date says where it came from.
    assert "v1.0*, paragraph 15.2.6" not in text
    assert "fact from July 2015 (the document's effective_from; the sentence gives no date)" in text
    # The journalist's framing is the filer's account; the department's words are quoted.
    assert "> these data will not be passed to the Home Office" in text
    assert "Department for Education spokesperson, as reported by BBC News" in text
    # A claim cut at "[...]" keeps its qualifier.
    assert "> Between July 2015 and September 2016 \\[...\\] requests" in text


def test_the_bbc_letter_on_the_embedded_corpus(seed_result):
    finding = next(f for f in seed_result.findings if f.statement.id == BBC
                   and f.verdict is Verdict.CONTRADICTED)
    letter = correction_request(finding, DAY, evidence=evidence_index(seed_result.corpus.evidence))
    text = letter_markdown(letter)
    matches_golden("seed-letter-bbc.md", text)
    assert "the Department said, as reported by BBC News:\n\n> these data will not be passed" in text
    assert "> The Department for Education told the BBC" not in text
    assert "records, in our summary (not the document's wording): Under the agreement" in text
    assert "paragraph 15.2.6" not in text
    calibrated = load_calibration().confidence(Verdict.CONTRADICTED)
    assert f"contradicted, confidence {calibrated:.2f}." in text
    # A confidence above what summary-only grounds allow is shown capped, with the reason.
    sure = correction_request(replace(finding, confidence=0.9), DAY,
                              evidence=evidence_index(seed_result.corpus.evidence))
    assert "contradicted, confidence 0.60, capped from 0.90." in letter_markdown(sure)


def test_quoted_fragments_of_a_summary_are_the_source_s_words():
    p = passage('In the version of 18 December 2015, paragraph 15.2.6 lists "(once collected) '
                'Nationality" among the items.', summary=True)
    assert p.words == ("(once collected) Nationality",) and not p.source_words
    assert passage('"The whole sentence is quoted."', summary=True).source_words
    assert passage("A document's own text.", summary=False).words == ("A document's own text.",)


def test_reported_speech_summary_only_evidence_and_a_refusal(nlp, corpus_dirs):
    claims, evidence = corpus_dirs
    write_item(claims, "press", {"date": "2016-09-26", "speaker": "Department for Transport",
                                 "department": "Department for Transport", "venue": "press",
                                 "reference": "Evening Post, 26 September 2016"},
               'The Department for Transport told the Evening Post that "the bridge tolls '
               'will not be passed to private operators".')
    write_item(claims, "pq", {"date": "2017-03-01", "speaker": "A. Minister",
                              "venue": "written-answer", "reference": "PQ 7"},
               "The Department uses the toll data to plan road repairs.")
    write_item(evidence, "contract", {"title": "Toll concession contract", "kind": "agreement",
                                      "date": "2016-05-01", "body": "summary"},
               "Under the contract the Department for Transport passes the bridge tolls to "
               "private operators every month.")
    write_item(evidence, "foi", {"title": "FOI reply on toll data", "kind": "foi-response",
                                 "date": "2017-01-10", "body": "summary"},
               "The Department for Transport declined to say how it uses the toll data to plan "
               "road repairs.")
    corpus = load_corpus(claims, evidence, strict=True)
    result = check_corpus(corpus, nlp, lexicon_for(claims), embedder=shared_embedder())
    documents = evidence_index(corpus.evidence)

    press = next(f for f in result.findings if f.statement.id == "press")
    who = attribution(press.statement)
    assert (who.speaker, who.reporter) == ("Department for Transport", "the Evening Post")
    shown = brief(press, documents)
    assert shown.claim.words == ("the bridge tolls will not be passed to private operators",)
    report = markdown_report(result)
    assert ("The words attributed to Department for Transport, as reported by the Evening Post:"
            "\n\n> the bridge tolls will not be passed to private operators") in report
    if press.evidence:   # whatever the judge decides, a summary-only basis is shown lower
        assert shown.confidence <= 0.60 and "filer's summary" in shown.caveats[0]
        assert "> Under the contract" not in report

    pq = next(f for f in result.findings if f.statement.id == "pq")
    shown = brief(pq, documents)
    refusals = [x for x in shown.sources if x.citation.evidence_id == "foi"]
    # A refusal to say how data are used is never shown as support for a claim about that use.
    assert pq.verdict is not Verdict.SUPPORTED or (refusals and all(x.refusal for x in refusals))
    if refusals and pq.verdict is Verdict.SUPPORTED:
        assert "a refusal to disclose: it supports nothing" in markdown_report(result)
