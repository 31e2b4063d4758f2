"""Shared fixtures: the real small English pipeline (loaded once), the lexicon, corpus builders."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claimcheck.lexicon import load_lexicon
from claimcheck.nlp import load_pipeline

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="session")
def extractor(nlp, lexicon):
    from claimcheck.extract import Extractor
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
