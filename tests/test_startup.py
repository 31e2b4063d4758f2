"""Start-up: commands that parse no text never import spaCy, and an unchanged re-run of `check`
(or a `review` of a corpus already checked) decides from the caches before spaCy is needed."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from claimcheck.cli.root import app
from claimcheck.extract.nlp import DeferredPipeline

from .conftest import ROOT

HEAVY = ("spacy", "pypdf", "docx", "trafilatura", "pydantic")
# Typer coerces every typed option through pydantic, so the commands that take options pay for it;
# --help and version do not.
TYPER_COERCION = ["pydantic"]

# Runs the console script's entry point with the given arguments, then reports which heavy
# modules that run imported.
PROBE = f"""
import json, sys
from claimcheck.cli.entry import entry_point
sys.argv = ["claimcheck", *sys.argv[1:]]
try:
    entry_point()
except SystemExit as done:
    code = done.code or 0
else:
    code = 0
print(json.dumps({{"code": code, "imported": [m for m in {HEAVY!r} if m in sys.modules]}}),
      file=sys.stderr)
"""


def probe(*args: str, cwd=None) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)
    return {**json.loads(done.stderr.strip().splitlines()[-1]), "stdout": done.stdout}


@pytest.mark.parametrize("args", [["--help"], ["version"], ["check", "--help"],
                                  ["fetch", "question", "--help"], ["add", "--help"]])
def test_help_and_version_import_nothing_heavy(args):
    ran = probe(*args)
    assert ran["code"] == 0
    assert ran["imported"] == []


@pytest.fixture
def checked(tmp_path, monkeypatch):
    """The health corpus, checked once (in this process), with its cache in the default place."""
    shutil.copytree(ROOT / "tests/fixtures/health", tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    first = CliRunner().invoke(app, ["check"])
    assert first.exit_code == 0, first.output
    return tmp_path


def test_an_unchanged_check_does_not_import_spacy(checked):
    ran = probe("check", cwd=checked)
    assert ran["code"] == 0
    assert "up to date" in ran["stdout"]
    assert ran["imported"] == TYPER_COERCION


def test_review_of_a_checked_corpus_does_not_import_spacy(checked):
    ran = probe("review", cwd=checked)
    assert ran["code"] == 0
    assert "findings waiting for review" in ran["stdout"]
    assert ran["imported"] == TYPER_COERCION


def test_a_changed_corpus_still_reads_with_spacy(checked):
    statement = next((checked / "claims").glob("*.md"))
    statement.write_text(statement.read_text(encoding="utf-8") + "\nOne more sentence.\n",
                         encoding="utf-8")
    ran = probe("check", cwd=checked)
    assert ran["code"] == 0
    assert "wrote" in ran["stdout"]
    assert "spacy" in ran["imported"]


def test_the_deferred_pipeline_describes_the_pipeline_it_loads(nlp):
    deferred = DeferredPipeline()
    assert (deferred.meta["name"], deferred.meta["version"]) == (nlp.meta["name"],
                                                                 nlp.meta["version"])
    assert deferred.pipe_names == nlp.pipe_names
