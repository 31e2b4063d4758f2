"""Shared helpers for the robustness tests: corpus files written byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

GOOD_STATEMENT = ("---\ndate: 2016-07-25\nspeaker: Nick Gibb\nvenue: written-answer\n"
                  "reference: PQ 42842\n---\nThe data will not be shared with the Home Office.\n")
GOOD_EVIDENCE = ("---\ntitle: Memorandum of Understanding\nkind: agreement\ndate: 2015-12-18\n"
                 "---\nThe Department for Education shares pupil nationality data with the "
                 "Home Office.\n")


def _item(defaults: dict[str, str], fields: tuple[str, ...], body: str) -> str:
    """A corpus file whose front matter is ``defaults`` with ``fields`` added or replacing theirs
    (``"speaker: X"``); a field given as ``"-speaker"`` is left out."""
    values = dict(defaults)
    for line in fields:
        if line.startswith("-"):
            values.pop(line[1:])
        else:
            values[line.split(":", 1)[0]] = line
    return "---\n" + "\n".join(values.values()) + "\n---\n" + body


def statement(*fields: str, body: str = "The data will not be shared.\n") -> str:
    return _item({"date": "date: 2016-07-25", "speaker": "speaker: Nick Gibb",
                  "venue": "venue: written-answer"}, fields, body)


def evidence(*fields: str, body: str = "The Department shares pupil data.\n") -> str:
    return _item({"title": "title: Record", "date": "date: 2015-12-18"}, fields, body)


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    """A corpus with one good statement and one good evidence file."""
    claims, evidence_dir = tmp_path / "corpus" / "claims", tmp_path / "corpus" / "evidence"
    claims.mkdir(parents=True)
    evidence_dir.mkdir()
    (claims / "good.md").write_text(GOOD_STATEMENT, encoding="utf-8")
    (evidence_dir / "good.md").write_text(GOOD_EVIDENCE, encoding="utf-8")
    return claims, evidence_dir
