"""A set of reports is up to date only as a whole: a run stopped between two renames, or a report
replaced by hand, is detected and the whole set rebuilt."""

from __future__ import annotations

import json
import os
import shutil

from typer.testing import CliRunner

from claimcheck import atomic
from claimcheck.cli.root import app

from ..conftest import ROOT


def _run(corpus, out, *extra):
    return CliRunner().invoke(app, ["check", "--claims", str(corpus / "claims"), "--evidence",
                                    str(corpus / "evidence"), "--out", str(out), "--cache-dir",
                                    str(corpus.parent / "cache"), *extra])


def _copy(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "tests/fixtures/health", corpus)
    return corpus


def _edit(corpus):
    statement = corpus / "claims/2017-03-05-minister-no-charge.md"
    statement.write_text(statement.read_text().replace("no charge", "no fee")
                         .replace("A. Minister", "B. Minister"))


def test_a_run_stopped_between_two_renames_is_rebuilt_next_time(tmp_path, monkeypatch):
    corpus, out = _copy(tmp_path), tmp_path / "out"
    assert _run(corpus, out).exit_code == 0
    _edit(corpus)
    real, calls = os.replace, []

    def stop_at_the_second(source, target):
        calls.append(target)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real(source, target)
    monkeypatch.setattr(atomic.os, "replace", stop_at_the_second)
    assert _run(corpus, out).exit_code == 130
    monkeypatch.setattr(atomic.os, "replace", real)

    again = _run(corpus, out)
    assert again.exit_code == 0
    assert "up to date" not in again.stdout and "wrote" in again.stdout
    claims = [f["claim"] for f in json.loads((out / "findings.json").read_text())["findings"]]
    assert any("no fee" in claim for claim in claims)
    assert "B. Minister" in (out / "report.md").read_text()
    assert "B. Minister" in (out / "report.html").read_text()


def test_a_report_from_another_run_is_rebuilt(tmp_path):
    corpus, out, other = _copy(tmp_path), tmp_path / "out", tmp_path / "other"
    assert _run(corpus, out).exit_code == 0
    _edit(corpus)
    assert _run(corpus, other).exit_code == 0
    shutil.copy(other / "report.md", out / "report.md")
    shutil.rmtree(corpus)
    shutil.copytree(ROOT / "tests/fixtures/health", corpus)
    again = _run(corpus, out)
    assert "up to date" not in again.stdout and "wrote" in again.stdout
    assert "B. Minister" not in (out / "report.md").read_text()
    assert "up to date" in _run(corpus, out).stdout
