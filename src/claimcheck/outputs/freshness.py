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

from claimcheck.atomic import write_atomic
from claimcheck.corpus.load import MAX_FILE_BYTES
from claimcheck.errors import InputError, OutputError
from claimcheck.extract.nlp import PIPELINES
from claimcheck.files import read_bounded


def inputs_fingerprint(folders: Iterable[Path], files: Iterable[Path | None],
                       options: Iterable[str], manifest: Path | None = None) -> str:
    """A digest of the folders' files (names and bytes), the given files, options and code.

    With a ``manifest`` (a file in the cache folder), a file whose size, modification and
    change times and inode are those recorded there is taken to hold the bytes whose digest was
    recorded, and is not read again: git's index does the same. The manifest is rewritten when
    anything in it changed."""
    digest = hashlib.sha256()
    known = _read_manifest(manifest) if manifest is not None else {}
    seen: dict[str, list] = {}

    def add(label: str, data: bytes) -> None:
        digest.update(label.encode() + b"\0" + hashlib.sha256(data).digest())

    def add_file(label: str, path: Path) -> None:
        try:
            info = os.stat(path)
        except OSError:
            info = None
        where = str(path.absolute())
        if info is not None and stat.S_ISREG(info.st_mode):
            signature = [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]
            entry = known.get(where)
            if entry is not None and entry[:4] == signature:
                seen[where] = entry
                digest.update(label.encode() + b"\0" + bytes.fromhex(entry[4]))
                return
        data = _contents(path)
        if info is not None and stat.S_ISREG(info.st_mode):
            seen[where] = [*signature, hashlib.sha256(data).hexdigest()]
        add(label, data)

    for folder in folders:
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            if path.is_file():
                add_file(f"{folder.name}/{path.name}", path)
    for path in files:
        if path is not None and path.is_file():
            add_file(str(path), path)
    if manifest is not None and seen != known:
        _write_manifest(manifest, seen)
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


MANIFEST_BYTES = 256 * 1024 ** 2


def _read_manifest(path: Path) -> dict[str, list]:
    """The recorded files: path -> [size, mtime_ns, ctime_ns, inode, sha256 hex]. Anything not
    of that shape is ignored (the file is then read and hashed)."""
    try:
        data = json.loads(read_bounded(path, MANIFEST_BYTES))
    except (OSError, InputError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        return {}
    return {k: v for k, v in data["files"].items()
            if isinstance(v, list) and len(v) == 5 and all(type(n) is int for n in v[:4])
            and isinstance(v[4], str) and len(v[4]) == 64
            and all(c in "0123456789abcdef" for c in v[4])}


def _write_manifest(path: Path, files: dict[str, list]) -> None:
    """Best effort: without a manifest, the next run reads the files again."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps({"files": files}, separators=(",", ":")))
    except (OSError, OutputError):
        pass


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


class Digest:
    """The size and SHA-256 of text written as a stream of chunks, taken as they pass."""

    def __init__(self, chunks: Iterable[str]) -> None:
        self._chunks = chunks
        self._hash = hashlib.sha256()
        self.size = 0

    def __iter__(self):
        for chunk in self._chunks:
            data = chunk.encode("utf-8")
            self._hash.update(data)
            self.size += len(data)
            yield data

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


def set_mark(fingerprint: str, outputs: Mapping[str, bytes | Digest],
             recorded: Mapping | None = None) -> str:
    """The text of the mark that declares ``outputs`` (file name -> bytes, or the ``Digest`` of
    a stream already written) one up-to-date set.
    ``recorded`` (``findings.json``'s summary and generated_at) is kept in it, so that an
    up-to-date run can say what the reports hold without reading them."""
    files = {name: {"bytes": data.size, "sha256": data.hexdigest()} if isinstance(data, Digest)
             else {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
             for name, data in sorted(outputs.items())}
    return json.dumps({"inputs": fingerprint, "files": files, **({"recorded": dict(recorded)}
                                                                 if recorded else {})},
                      indent=2) + "\n"


def up_to_date(out_dir: Path, fingerprint: str, expected: Iterable[str]) -> dict | None:
    """``findings.json``'s summary and generated_at (as the set mark recorded them, or else the
    whole document) when every expected report exists, holds the bytes the last complete run
    wrote, and was made from the same inputs; otherwise None."""
    try:
        mark = json.loads((out_dir / SET_MARK).read_text(encoding="utf-8"))
        files = mark["files"] if mark.get("inputs") == fingerprint else None
        if not isinstance(files, dict):
            return None
        for name in expected:
            if not _holds(out_dir / name, files.get(name)):
                return None
        if isinstance(mark.get("recorded"), dict):
            return mark["recorded"]
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
