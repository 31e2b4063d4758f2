"""Knowing when the reports are already up to date, as make does, without reading a word.

A fingerprint covers everything a check's output depends on: every file in the corpus folders,
the lexicons, the reviews file, the options that change the output, claimcheck's own code and
data, and the installed spaCy and English pipeline. It is recorded in ``findings.json``.

The reports are one set. After all of them are in place, ``.claimcheck-set.json`` is written last:
the fingerprint and each report's size and SHA-256. A later run has nothing to do only when that
mark has its fingerprint and every report still has the recorded bytes; a set that a stopped run
left mixed (new ``findings.json`` beside an old ``report.md``), or a report copied from another
run, does not match and is rebuilt whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterable, Mapping
from importlib import metadata, resources
from pathlib import Path

from claimcheck.corpus.load import MAX_FILE_BYTES
from claimcheck.errors import InputError
from claimcheck.extract.nlp import PIPELINES
from claimcheck.files import read_bounded


def inputs_fingerprint(folders: Iterable[Path], files: Iterable[Path | None],
                       options: Iterable[str]) -> str:
    """A digest of the folders' files (names and bytes), the given files, options and code."""
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(label.encode() + b"\0" + hashlib.sha256(data).digest())

    for folder in folders:
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            if path.is_file():
                add(f"{folder.name}/{path.name}", _contents(path))
    for path in files:
        if path is not None and path.is_file():
            add(str(path), _contents(path))
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


def _contents(path: Path) -> bytes:
    """The file's bytes; for one the loaders refuse unread (too big, not regular), what stands
    in for them: its size and modification time, so a change is still seen."""
    try:
        return b"read\0" + read_bounded(path, MAX_FILE_BYTES)
    except (OSError, InputError):
        try:
            info = os.stat(path)
        except OSError:
            return b"unreadable"
        return f"unread\0{info.st_mode}\0{info.st_size}\0{info.st_mtime_ns}".encode()


def _walk(folder):
    for entry in folder.iterdir():
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _walk(entry)
        elif entry.name.endswith((".py", ".toml")):
            yield entry


SET_MARK = ".claimcheck-set.json"


def set_mark(fingerprint: str, outputs: Mapping[str, bytes]) -> str:
    """The text of the mark that declares ``outputs`` (file name -> bytes) one up-to-date set."""
    files = {name: {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
             for name, data in sorted(outputs.items())}
    return json.dumps({"inputs": fingerprint, "files": files}, indent=2) + "\n"


def up_to_date(out_dir: Path, fingerprint: str, expected: Iterable[str]) -> dict | None:
    """The recorded ``findings.json`` when every expected report exists, holds the bytes the last
    complete run wrote, and was made from the same inputs; otherwise None."""
    try:
        mark = json.loads((out_dir / SET_MARK).read_text(encoding="utf-8"))
        files = mark["files"] if mark.get("inputs") == fingerprint else None
        if not isinstance(files, dict):
            return None
        for name in expected:
            if not _holds(out_dir / name, files.get(name)):
                return None
        document = json.loads((out_dir / "findings.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, AttributeError, TypeError, KeyError):
        return None
    return document if isinstance(document, dict) else None


def _holds(path: Path, recorded) -> bool:
    """Whether ``path`` is a regular file of the recorded size and digest (read only then)."""
    if not isinstance(recorded, dict):
        return False
    info = os.stat(path, follow_symlinks=False)
    if not stat.S_ISREG(info.st_mode) or info.st_size != recorded.get("bytes"):
        return False
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest() == recorded.get("sha256")
