"""Knowing when the reports are already up to date, as make does, without reading a word.

A fingerprint covers everything a check's output depends on: every file in the corpus folders,
the lexicons, the reviews file, the options that change the output, claimcheck's own code and
data, and the installed spaCy and English pipeline. It is recorded in ``findings.json``; a later
run with the same fingerprint and all its reports in place has nothing to do.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from importlib import metadata, resources
from pathlib import Path

from .nlp import PIPELINES


def inputs_fingerprint(folders: Iterable[Path], files: Iterable[Path | None],
                       options: Iterable[str]) -> str:
    """A digest of the folders' files (names and bytes), the given files, options and code."""
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(label.encode() + b"\0" + hashlib.sha256(data).digest())

    for folder in folders:
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            if path.is_file():
                add(f"{folder.name}/{path.name}", path.read_bytes())
    for path in files:
        if path is not None and path.is_file():
            add(str(path), path.read_bytes())
    for option in options:
        add("option", option.encode())
    package = resources.files("claimcheck")
    for entry in sorted(_walk(package), key=str):
        add(str(entry), entry.read_bytes())
    for name in ("spacy", *(p.replace("_", "-") for p in PIPELINES)):
        try:
            add(name, metadata.version(name).encode())
        except metadata.PackageNotFoundError:
            add(name, b"absent")
    return digest.hexdigest()


def _walk(folder):
    for entry in folder.iterdir():
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _walk(entry)
        elif entry.name.endswith((".py", ".toml")):
            yield entry


def up_to_date(out_dir: Path, fingerprint: str, expected: Iterable[str]) -> dict | None:
    """The recorded ``findings.json`` when every expected report exists and was made from the
    same inputs; otherwise None."""
    try:
        document = json.loads((out_dir / "findings.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(document, dict) or document.get("inputs") != fingerprint:
        return None
    if not all((out_dir / name).is_file() for name in expected):
        return None
    return document
