"""From recorded responses to a finding: a PQ answer, the statement correcting it, `check`.

Fetches PQ 48635 (answered 27 October 2016) and HCWS272 (27 November 2017, which corrects it)
into a fresh corpus, runs ``claimcheck check`` in-process and expects the answer to be judged
``corrected``, citing the correction.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from claimcheck.cli import fetch as fetch_cli
from claimcheck.cli.fetch import fetch_app

from .replay import MEMBERS, QUESTIONS, FakeClock, make_http, serve, serve_gibb, serve_question

ANSWER = "2016-10-27-pq-48635"
CORRECTION = "2017-11-27-hcws272"


def _findings(report: Path) -> list[dict]:
    data = json.loads(report.read_text(encoding="utf-8"))
    return data["findings"] if isinstance(data, dict) else data


def test_a_fetched_answer_is_found_corrected_by_a_fetched_statement(
        mocked, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CLAIMCHECK_QUESTIONS_API", QUESTIONS)
    monkeypatch.setenv("CLAIMCHECK_MEMBERS_API", MEMBERS)
    monkeypatch.setattr(fetch_cli, "_http", lambda offline, cache_dir: make_http(
        cache_dir, FakeClock(), offline=offline))
    serve_question(mocked, "question_48635.json", 462871, "2016-10-18", "48635")
    serve_gibb(mocked)
    serve(mocked, f"{QUESTIONS}/api/writtenstatements/statements/2017-11-27/HCWS272",
          "statement_HCWS272.json")
    fetch = typer.Typer()
    fetch.add_typer(fetch_app, name="fetch")
    runner = CliRunner()

    answer = runner.invoke(fetch, ["fetch", "question", "48635", "--tabled", "2016-10-18"])
    statement = runner.invoke(fetch, ["fetch", "statement", "HCWS272", "--date", "2017-11-27"])
    assert (answer.exit_code, statement.exit_code) == (0, 0), answer.output + statement.output
    assert (tmp_path / "claims" / f"{ANSWER}.md").exists()
    assert (tmp_path / "evidence" / f"{CORRECTION}.md").exists()

    from claimcheck.cli.root import app  # the lead's pipeline; this test fails until it exists

    result = runner.invoke(app, ["check", "--claims", "claims", "--evidence", "evidence",
                                 "--out", "reports"])
    assert result.exit_code == 0, result.output

    findings = [f for f in _findings(tmp_path / "reports" / "findings.json")
                if ANSWER in json.dumps(f)]
    assert findings, f"no finding for {ANSWER}"
    corrected = [f for f in findings if f.get("verdict") == "corrected"]
    assert corrected, f"verdicts: {[f.get('verdict') for f in findings]}"
    assert any(CORRECTION in json.dumps(f.get("evidence", f)) for f in corrected)
