"""Shared fixtures: the real small English pipeline (loaded once), the lexicon, corpus builders."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
import yaml

from claimcheck.extract.nlp import load_pipeline
from claimcheck.lexicon import load_lexicon

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@functools.cache
def shared_embedder():
    """The sentence-embedding model, loaded once for the whole run (it is a pinned dependency:
    a missing model is a broken install, and the tests say so)."""
    from claimcheck.match.embed import load_embedder

    embedder, why_not = load_embedder()
    assert embedder is not None, why_not
    return embedder


@pytest.fixture(scope="session")
def embedder():
    return shared_embedder()


@pytest.fixture(scope="session")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="session")
def subject_lexicon():
    """The default lexicon plus a subject's own (tests/fixtures/subject-lexicon.toml), for tests
    of what a subject lexicon adds: kinds of thing, the actions done to people."""
    return load_lexicon([ROOT / "tests" / "fixtures" / "subject-lexicon.toml"])


@pytest.fixture(scope="session")
def subject_extractor(nlp, subject_lexicon):
    from claimcheck.extract.extractor import Extractor
    return Extractor(nlp, subject_lexicon)


@pytest.fixture(scope="session")
def extractor(nlp, lexicon):
    from claimcheck.extract.extractor import Extractor
    return Extractor(nlp, lexicon)


def write_item(folder: Path, name: str, meta: dict, body: str) -> Path:
    """One corpus file, as a person would write it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.md"
    path.write_text("---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n" + body + "\n",
                    encoding="utf-8")
    return path


@pytest.fixture
def corpus_dirs(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "claims", tmp_path / "evidence"
