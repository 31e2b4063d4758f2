"""findings.csv: one row per finding, readable by the csv module, inert in a spreadsheet."""

import csv
import datetime as dt
import io

import pytest

from claimcheck.judge.calibration import load_calibration
from claimcheck.model import Verdict
from claimcheck.outputs.exports import CSV_COLUMNS, findings_csv, neutralise
from claimcheck.review.store import decide

from ..conftest import shared_embedder


def read(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_one_row_per_finding_with_its_evidence_and_dates(seed_result, pq42842):
    rows = read(findings_csv(seed_result))
    assert len(rows) == len(seed_result.findings)
    assert list(rows[0]) == list(CSV_COLUMNS)
    row = next(r for r in rows if r["id"] == pq42842.id)
    calibrated = load_calibration().confidence(Verdict.CONTRADICTED)
    assert row["verdict"] == "contradicted" and row["confidence"] == f"{calibrated:.2f}"
    assert row["reference"] == "PQ 42842" and row["date"] == "2016-07-25"
    assert row["publicly_known"] == "no"
    assert row["evidence_ids"] == "2016-08-01-dfe-foi-2016-0032573\n2015-12-18-mou-home-office-dfe-v1-0"
    assert row["fact_dates"] == "2012-04\n2015-07"
    assert row["disclosed_dates"] == "2016-08-01\n2016-12-15"
    # Both sentences are the filer's summaries with none of the documents' words: they are not
    # put in the quotes column, which holds only what a source itself said.
    assert row["evidence_quotes"] == "\n"
    assert "shares individual confidential pupil data" in row["evidence_summaries"]
    assert row["evidence_locations"] == "FOI 2016-0032573\n"
    assert row["fact_date_sources"].split("\n")[1].startswith("the document's effective_from")
    # Summary-only grounds cap what is shown at 0.60; the calibrated share is already lower.
    assert (row["confidence_shown"], row["claim_is_summary"]) == (f"{min(calibrated, 0.60):.2f}", "no")
    assert row["review_status"] == ""
    assert row["evidence_relations"] == "contradicts\ncontradicts"
    # A lead is named as one: a spreadsheet reader sees that it grounds nothing.
    unsettled = [r for r in rows if r["verdict"] == "unverified" and r["evidence_ids"]]
    assert unsettled and all(set(r["evidence_relations"].split("\n")) == {"lead"}
                             for r in unsettled)


def test_review_columns(seed_result, pq42842):
    reviews = {pq42842.id: decide(pq42842, "dismissed", "B. Checker", dt.date(2026, 2, 1),
                                  "=not what it says")}
    row = next(r for r in read(findings_csv(seed_result, reviews)) if r["id"] == pq42842.id)
    assert (row["review_status"], row["reviewed_by"], row["reviewed_on"]) == (
        "dismissed", "B. Checker", "2026-02-01")
    assert row["review_note"] == "'=not what it says"


@pytest.mark.parametrize("value", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx",
                                   '=HYPERLINK("http://evil","click")'])
def test_formula_like_cells_are_neutralised(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value, expected", [("\rx", "x"), ("\u202e=1+1", "'=1+1"),
                                             ("a\x1b[31mb", "a[31mb"), ("two\nlines", "two\nlines")])
def test_control_and_bidi_characters_are_removed_before_the_formula_check(value, expected):
    # A carriage return, an escape or a right-to-left override could disguise a cell (or hide a
    # formula behind it); line breaks inside a quoted cell are ordinary text and stay.
    assert neutralise(value) == expected


@pytest.mark.parametrize("value, expected", [("PQ 42842", "PQ 42842"), ("2016-07", "2016-07"),
                                             (None, ""), (True, "yes"), (0.5, "0.5")])
def test_other_cells_are_left_alone(value, expected):
    assert neutralise(value) == expected


def test_hostile_corpus_text_cannot_become_a_formula(nlp, corpus_dirs):
    from claimcheck.corpus.load import load_corpus
    from claimcheck.pipeline.run import check_corpus, lexicon_for

    from ..conftest import write_item
    claims, evidence = corpus_dirs
    write_item(claims, "evil", {"date": "2016-09-26", "speaker": "=cmd|' /C calc'!A0",
                                "venue": "press", "reference": "@SUM(1+1)*cmd"},
               "The data will not be passed to the Home Office.")
    write_item(evidence, "e", {"title": "+Record", "date": "2016-08-01"},
               "The Department shares pupil data with the Home Office.")
    result = check_corpus(load_corpus(claims, evidence), nlp, lexicon_for(claims), embedder=shared_embedder())
    for row in read(findings_csv(result)):
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))
        assert row["speaker"] == "'=cmd|' /C calc'!A0"
        assert row["evidence_titles"] == "'+Record"
