"""Fixtures for the briefing outputs: the seed corpus checked once, a hostile corpus, a CLI app."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import typer

from claimcheck.cli.outputs import correction, review
from claimcheck.corpus.load import load_corpus
from claimcheck.model import Verdict
from claimcheck.pipeline.run import check_corpus, lexicon_for

from ..conftest import ROOT, shared_embedder, write_item

PQ_42842 = "2016-07-25-gibb-pq-42842"
HOSTILE = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">"


@pytest.fixture(scope="session")
def seed_result(nlp):
    corpus = load_corpus(ROOT / "claims", ROOT / "evidence", strict=True)
    return check_corpus(corpus, nlp, lexicon_for(ROOT / "claims"), embedder=shared_embedder())


@pytest.fixture(scope="session")
def pq42842(seed_result):
    """The finding the README leads with: PQ 42842, contradicted by the MoU v1.0."""
    return next(f for f in seed_result.findings
                if f.statement.id == PQ_42842 and f.verdict is Verdict.CONTRADICTED
                and "no plans to share" in f.claim.text)


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A writable copy of the seed corpus: ``claims/`` and ``evidence/`` under one folder."""
    for name in ("claims", "evidence"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


@pytest.fixture
def hostile_result(nlp, corpus_dirs):
    """A corpus whose every outside string carries markup that would run if it were not escaped."""
    claims, evidence = corpus_dirs
    write_item(claims, "evil", {
        "date": "2016-09-26", "speaker": "Nick <svg onload=\"document.title='pwned'\">Gibb",
        "role": "Minister</h3><script>document.title='pwned'</script>",
        "department": "Department for Education\"><script>document.title='pwned'</script>",
        "venue": "written-answer", "reference": "PQ 1 <b onmouseover=alert(1)>x</b>",
        "url": "javascript:document.title='pwned'"},
        f"Intro {HOSTILE}. The data will not be passed to the Home Office. {HOSTILE}")
    write_item(evidence, "e", {"title": f"Record {HOSTILE}", "date": "2016-08-01",
                               "url": "javascript:document.title='pwned'"},
               f"The Department shares pupil data with the Home Office {HOSTILE}.")
    return check_corpus(load_corpus(claims, evidence), nlp, lexicon_for(claims), embedder=shared_embedder())


@pytest.fixture(scope="session")
def outputs_app() -> typer.Typer:
    """The commands as ``claimcheck`` registers them, without depending on cli.py's wiring."""
    app = typer.Typer(no_args_is_help=True, add_completion=False)
    app.command("correction")(correction)
    app.command("review")(review)
    return app
