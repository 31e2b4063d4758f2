"""Dates at the edges of the calendar, impossible disclosure dates, dotted ids and characters XML
cannot hold: each gives reports (or a letter) and, where the input is wrong, a warning."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimcheck.cli.root import app
from claimcheck.corpus.load import load_corpus
from claimcheck.outputs.letters import Block, Letter, letter_docx, write_letter

from .conftest import evidence, statement

DENIAL = "The data will not be passed to the Home Office.\n"
FACT = "The Department shares pupil data with the Home Office.\n"


def _check(claims, evidence_dir, out):
    return CliRunner().invoke(app, ["check", "--claims", str(claims), "--evidence",
                                    str(evidence_dir), "--out", str(out), "--no-cache",
                                    "--format", "html,csv,claimreview"])


@pytest.mark.parametrize("statement_date, evidence_fields", [
    ("2016-07-25", ("date: 2015-12-18", "disclosed: 9999-12-31")),
    ("0001", ("date: 0001-01-01",)),
    ("9999-12-31", ("date: 9999-12-31",)),
    ("0001-01-01", ("date: 2015-12-18", "disclosed: 9999-12-31")),
], ids=["not yet disclosed 9999-12-31", "year 0001", "last day 9999", "whole calendar"])
def test_dates_at_the_edges_of_the_calendar_give_every_report(statement_date, evidence_fields,
                                                              corpus, tmp_path):
    claims, evidence_dir = corpus
    (claims / "good.md").write_text(statement(f"date: {statement_date}", "venue: press", body=DENIAL),
                                    encoding="utf-8")
    (evidence_dir / "good.md").write_text(evidence(*evidence_fields, body=FACT),
                                          encoding="utf-8")
    done = _check(claims, evidence_dir, tmp_path / "out")
    assert done.exit_code == 0, done.output
    assert "Traceback" not in done.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith("."))
    assert names == ["claimreview.json", "findings.csv", "findings.json", "report.html",
                     "report.md"]
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert html.count('<svg class="timeline"') == 1 and len(html) < 200_000


def test_disclosed_before_the_document_was_made_is_a_warning_and_ignored(corpus):
    claims, evidence_dir = corpus
    (evidence_dir / "good.md").write_text(evidence("date: 2016-08-01", "disclosed: 2010-01-01"),
                                          encoding="utf-8")
    loaded = load_corpus(claims, evidence_dir)
    [problem] = loaded.problems
    assert problem.field == "disclosed" and not problem.skipped
    assert "before" in problem.message and "ignored" in problem.message
    [item] = loaded.evidence
    assert item.disclosed is None and str(item.disclosed_on) == "2016-08-01"


def test_dotted_ids_get_a_letter_each(tmp_path):
    ids = ["pq.42842:0123456789", "pq.42942:0123456789", "pq.42842.v2:abcdef0123"]
    paths = [p for finding_id in ids
             for p in write_letter(Letter(finding_id, "Title", (Block("para", "Text."),)),
                                   tmp_path).paths]
    # Six letters, and the record of the drafts claimcheck wrote.
    assert len(set(paths)) == 6
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == \
        sorted(p.name for p in paths)
    assert sorted(p.name for p in paths)[0] == "pq.42842.v2_abcdef0123.docx"


def test_characters_xml_cannot_hold_do_not_stop_a_letter():
    hostile = "Reviewer \ufffe\uffff\ud800 name"
    letter = Letter("s:1", f"Title {hostile}", (Block("para", hostile),
                                                 Block("quote", items=(hostile,)),
                                                 Block("items", items=(hostile,))))
    assert letter_docx(letter)[:2] == b"PK"


def test_findings_json_holds_the_edge_dates(corpus, tmp_path):
    claims, evidence_dir = corpus
    (evidence_dir / "good.md").write_text(evidence("disclosed: 9999-12-31"), encoding="utf-8")
    done = _check(claims, evidence_dir, tmp_path / "out")
    assert done.exit_code == 0, done.output
    document = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    assert document["findings"]
