"""The command line, run in-process as a user would type it."""

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from claimcheck.cli.root import app

from .conftest import ROOT, write_item

runner = CliRunner()
HEALTH = ROOT / "tests/fixtures/health"


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_check_writes_both_reports_and_prints_a_summary(tmp_path):
    result = run("check", "--claims", HEALTH / "claims", "--evidence", HEALTH / "evidence",
                 "--out", tmp_path)
    assert result.exit_code == 0, result.output
    assert "5 statements, 5 claims, 3 evidence documents" in result.stdout
    assert "contradicted           1" in result.stdout
    findings = json.loads((tmp_path / "findings.json").read_text())
    assert {"id", "statement_id", "claim", "verdict", "confidence", "rationale", "evidence",
            "publicly_known"} <= set(findings["findings"][0])
    assert {"id", "quote", "fact_date", "disclosed"} <= set(
        next(f for f in findings["findings"] if f["evidence"])["evidence"][0])
    assert (tmp_path / "report.md").read_text().startswith("# claimcheck briefing")


def test_a_bad_file_is_skipped_and_named(tmp_path):
    claims, evidence = tmp_path / "claims", tmp_path / "evidence"
    write_item(claims, "bad", {"date": "2016-02-30", "speaker": "X", "venue": "oral"}, "Text.")
    write_item(evidence, "e", {"title": "T", "date": "2016"}, "Text.")
    result = run("check", "--claims", claims, "--evidence", evidence, "--out", tmp_path / "out")
    assert result.exit_code == 0
    assert f"skipped {claims / 'bad.md'}, field 'date': 2016-02-30 does not exist" in result.stderr
    assert "Inputs skipped" in (tmp_path / "out/report.md").read_text()


def test_strict_fails_with_one_line_and_writes_nothing(tmp_path):
    claims, evidence = tmp_path / "claims", tmp_path / "evidence"
    write_item(claims, "bad", {"date": "2016", "speaker": "X", "venue": "debate"}, "Text.")
    evidence.mkdir()
    result = run("check", "--claims", claims, "--evidence", evidence, "--out", tmp_path / "out",
                 "--strict")
    assert result.exit_code == 1
    assert result.stderr == (f"claimcheck: {claims / 'bad.md'}, field 'venue': 'debate' is not one "
                             "of written-answer, oral, written-statement, committee, press, "
                             "correspondence, meeting, foi-response\n")
    assert not (tmp_path / "out").exists()


def test_a_failed_run_leaves_the_previous_report_whole(tmp_path):
    out = tmp_path / "out"
    assert run("check", "--claims", HEALTH / "claims", "--evidence", HEALTH / "evidence",
               "--out", out).exit_code == 0
    before = (out / "report.md").read_text()
    result = run("check", "--claims", tmp_path / "missing", "--evidence", HEALTH / "evidence",
                 "--out", out)
    assert result.exit_code == 1 and "folder does not exist" in result.stderr
    assert (out / "report.md").read_text() == before
    assert sorted(p.name for p in out.iterdir()) == [".claimcheck-set.json", "findings.json",
                                                    "report.html", "report.md"]


def test_claims_shows_what_was_extracted():
    result = run("claims", ROOT / "claims/2016-07-25-gibb-pq-42842.md")
    assert result.exit_code == 0, result.output
    assert "denied plan 'share'" in result.stdout
    assert "'the data' refers to 'country of birth data'" in result.stdout
    assert ("stands alone as: There are currently no plans to share the data (country of birth "
            "data) with other government departments") in result.stdout


def test_claims_on_an_evidence_file_shows_each_facts_time_and_its_source():
    result = run("claims", ROOT / "evidence/2016-08-01-dfe-foi-2016-0032573.md")
    assert result.exit_code == 0, result.output
    assert "held from April 2012 (the date the sentence gives)" in result.stdout
    assert "held from 1 August 2016 (the document's date)" in result.stdout


def test_claims_on_a_missing_file_is_one_line():
    result = run("claims", "nowhere.md")
    assert result.exit_code == 1
    assert result.stderr.startswith("claimcheck: nowhere.md: cannot be read")


@pytest.mark.parametrize("command", ["check", "claims", "fetch", "add", "version"])
def test_every_command_has_help(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    help_text = result.stdout.split("Usage:", 1)[1]
    assert len(help_text.split("Options")[0].strip().splitlines()) >= 2, "no description"


def test_usage_error_exits_2():
    assert run("check", "--no-such-option").exit_code == 2


def test_python_dash_m_works():
    done = subprocess.run([sys.executable, "-m", "claimcheck", "version"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0 and done.stdout.startswith("claimcheck ")
