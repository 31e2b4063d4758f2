"""An unchanged re-run does nothing; any change to what the reports depend on runs again."""

import json
import shutil

from typer.testing import CliRunner

from claimcheck.cli.root import app

from .conftest import ROOT

runner = CliRunner()


def copy_health(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "tests/fixtures/health", corpus)
    return corpus


def run(corpus, out, *extra):
    return runner.invoke(app, ["check", "--claims", str(corpus / "claims"), "--evidence",
                               str(corpus / "evidence"), "--out", str(out), "--cache-dir",
                               str(corpus.parent / "cache"), *extra])


def test_an_unchanged_rerun_writes_nothing_and_says_so(tmp_path):
    corpus, out = copy_health(tmp_path), tmp_path / "out"
    first = run(corpus, out)
    assert first.exit_code == 0 and "wrote" in first.stdout
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    second = run(corpus, out)
    assert second.exit_code == 0
    assert "up to date" in second.stdout and "wrote" not in second.stdout
    assert "5 statements, 5 claims, 3 evidence documents" in second.stdout
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before


def test_a_changed_statement_runs_again(tmp_path):
    corpus, out = copy_health(tmp_path), tmp_path / "out"
    run(corpus, out)
    statement = corpus / "claims/2017-03-05-minister-no-charge.md"
    statement.write_text(statement.read_text().replace("no charge", "no fee"))
    again = run(corpus, out)
    assert "wrote" in again.stdout
    claims = [f["claim"] for f in json.loads((out / "findings.json").read_text())["findings"]]
    assert any("no fee" in claim for claim in claims)


def test_other_options_or_a_missing_report_run_again(tmp_path):
    corpus, out = copy_health(tmp_path), tmp_path / "out"
    run(corpus, out)
    assert "wrote" in run(corpus, out, "--format", "html,csv").stdout
    (out / "report.md").unlink()
    assert "wrote" in run(corpus, out, "--format", "html,csv").stdout


def test_no_cache_always_runs(tmp_path):
    corpus, out = copy_health(tmp_path), tmp_path / "out"
    run(corpus, out)
    assert "wrote" in run(corpus, out, "--no-cache").stdout
