"""Write fetched items into the corpus: Markdown with YAML front matter, one file per item.

A re-fetch of an item finds its file again (by the stable key kept in ``provenance.item``, or by
file name) and updates it in place. ``provenance.fetched_hashes`` keeps a hash of each value as
fetched, so a value that no longer matches its hash was edited by a person: that edit is kept and
reported in :attr:`WriteResult.kept`, never overwritten. A field a person added is kept too.

Files are written to a temporary file in the same folder and renamed over the target, so a reader
never sees half a file and a failed fetch never leaves one behind.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import frontmatter
import yaml

from claimcheck.atomic import write_atomic
from claimcheck.corpus.load import MAX_FILE_BYTES
from claimcheck.errors import OutputError
from claimcheck.files import size_text

Kind = Literal["statement", "evidence"]
Action = Literal["created", "updated", "unchanged"]

BODY = "body"  # the name the body goes by among the fetched values
MAX_STEM = 100  # characters of a file name before ".md" (and any "-2")
_UNSAFE_IN_NAME = re.compile(r"[^a-z0-9_]+")
# Names Windows keeps for devices, whatever the extension.
_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)),
                       *(f"lpt{n}" for n in range(10))})


def safe_stem(stem: str) -> str:
    """A file name (without ".md") that stays in its folder on every system, from outside data.

    Lower-case letters, digits and "_", with any other run (slashes, dots, spaces, controls)
    becoming one "-"; never empty, never starting with "." or "-", at most ``MAX_STEM`` long."""
    slug = _UNSAFE_IN_NAME.sub("-", stem.lower())[:MAX_STEM].strip("-_")
    return "item" if not slug or slug in _RESERVED else slug


@dataclass(frozen=True)
class Provenance:
    source_url: str
    api: str
    fetched_at: str
    sha256: str  # of the source content as fetched


@dataclass(frozen=True)
class Item:
    """One statement or evidence file, as a source gives it."""

    kind: Kind
    key: str  # stable identity at the source ("pq/612345/answer"); finds the file again
    stem: str  # file name without ".md", used the first time
    fields: Mapping[str, Any]  # front matter, in the order it is written, without provenance
    body: str
    provenance: Provenance
    former_keys: tuple[str, ...] = ()  # keys earlier versions wrote for the same item


@dataclass(frozen=True)
class KeptEdit:
    field: str
    fetched: Any  # what the source says now; None when the source no longer gives the field


@dataclass(frozen=True)
class WriteResult:
    path: Path
    action: Action
    kept: tuple[KeptEdit, ...] = ()
    item: Item | None = field(default=None, compare=False)


def value_hash(value: Any) -> str:
    # default=str makes a date YAML read back as a date hash like the string written.
    canonical = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def fetched_values(item: Item) -> dict[str, Any]:
    return {**item.fields, BODY: item.body.strip()}


def merge(current: Mapping[str, Any], fetched: Mapping[str, Any],
          hashes: Mapping[str, str]) -> tuple[dict[str, Any], list[KeptEdit]]:
    """Fetched values, except where a person changed, added or deleted a value since the fetch."""
    merged: dict[str, Any] = {}
    kept: list[KeptEdit] = []
    for name in [*fetched, *(k for k in current if k not in fetched)]:
        new = fetched.get(name)
        if name not in current:
            if name in hashes:  # fetched last time and deleted by hand: stays deleted
                if name in fetched:
                    kept.append(KeptEdit(name, new))
            elif name in fetched:
                merged[name] = new
            continue
        value = current[name]
        by_hand = name not in hashes or value_hash(value) != hashes[name]
        if not by_hand:
            if name in fetched:  # otherwise the source dropped it, and so do we
                merged[name] = new
            continue
        merged[name] = value
        if name in fetched and value_hash(value) != value_hash(new):
            kept.append(KeptEdit(name, new))
    return merged, kept


def render(values: Mapping[str, Any], provenance: Mapping[str, Any]) -> str:
    meta = {k: v for k, v in values.items() if k != BODY}
    meta["provenance"] = dict(provenance)
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{front}---\n{values.get(BODY, '')}\n"


def _provenance_block(item: Item) -> dict[str, Any]:
    p = item.provenance
    return {
        "source_url": p.source_url,
        "api": p.api,
        "fetched_at": p.fetched_at,
        "sha256": p.sha256,
        "item": item.key,
        "fetched_hashes": {name: value_hash(v) for name, v in fetched_values(item).items()},
    }


@dataclass
class _Existing:
    values: dict[str, Any]
    provenance: dict[str, Any]


def _read(path: Path) -> _Existing:
    try:
        post = frontmatter.load(path)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise OutputError(f"{path}: exists but cannot be read ({type(error).__name__}); fix or "
                          "move it, then fetch again") from None
    meta = dict(post.metadata)
    provenance = meta.pop("provenance", None)
    values = {**meta, BODY: post.content.strip()}
    return _Existing(values, provenance if isinstance(provenance, dict) else {})


def _key_of(path: Path) -> str | None:
    """The item key a fetched file carries; for a hand-written file, its citation and date."""
    try:
        meta = frontmatter.load(path).metadata
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError):
        return None  # not readable here; the writer reports it if it ever needs this file
    provenance = meta.get("provenance")
    if isinstance(provenance, dict) and provenance.get("item"):
        return str(provenance["item"])
    return _citation_key(meta)


def _citation_key(fields: Mapping[str, Any]) -> str | None:
    """How a hand-written file of the same item is recognised: its citation and date."""
    reference, day = fields.get("reference"), fields.get("date")
    if not reference or not day:
        return None
    return f"cite:{' '.join(str(reference).upper().split())}@{day}"


class CorpusWriter:
    """Writes items into ``claims/`` and ``evidence/``, finding each item's file again."""

    def __init__(self, claims: Path, evidence: Path) -> None:
        self.folders: dict[Kind, Path] = {"statement": Path(claims), "evidence": Path(evidence)}
        self._index: dict[Kind, dict[str, Path]] = {}

    def write(self, item: Item) -> WriteResult:
        path = self._path_for(item)
        if path.parent.resolve() != self.folders[item.kind].resolve():
            raise OutputError(f"{path}: not in {self.folders[item.kind]}; nothing was written")
        provenance = _provenance_block(item)
        fetched = fetched_values(item)
        if not path.exists():
            write_atomic(path, _checked(path, render(fetched, provenance)))
            self._remember(item, path)
            return WriteResult(path, "created", (), item)
        existing = _read(path)
        hashes = existing.provenance.get("fetched_hashes") or {}
        merged, kept = merge(existing.values, fetched, hashes)
        if merged == existing.values and _same_source(existing.provenance, provenance):
            return WriteResult(path, "unchanged", tuple(kept), item)
        write_atomic(path, _checked(path, render(merged, provenance)))
        self._remember(item, path)
        return WriteResult(path, "updated", tuple(kept), item)

    def _path_for(self, item: Item) -> Path:
        """The item's file: where it was written before, else a free name from its stem."""
        index = self._index_of(item.kind)
        for key in (item.key, *item.former_keys, _citation_key(item.fields)):
            if key in index and index[key].exists():
                return index[key]
        folder = self.folders[item.kind]
        for candidate in _names(folder, safe_stem(item.stem)):
            owner = _key_of(candidate) if candidate.exists() else None
            # A file at that name with no key was written by hand for this item: merge into it.
            if not candidate.exists() or owner in (None, item.key, _citation_key(item.fields)):
                return candidate
        raise AssertionError("unreachable")  # _names never ends

    def _index_of(self, kind: Kind) -> dict[str, Path]:
        if kind not in self._index:
            folder = self.folders[kind]
            files = sorted(folder.glob("*.md")) if folder.is_dir() else []
            self._index[kind] = {key: path for path in files if (key := _key_of(path))}
        return self._index[kind]

    def _remember(self, item: Item, path: Path) -> None:
        self._index_of(item.kind)[item.key] = path


def _checked(path: Path, text: str) -> str:
    """``text``, if ``claimcheck check`` will read a file of that size."""
    size = len(text.encode("utf-8"))
    if size > MAX_FILE_BYTES:
        raise OutputError(f"{path}: would be {size:,} bytes, over the limit of "
                          f"{MAX_FILE_BYTES:,} ({size_text(MAX_FILE_BYTES)}) that claimcheck check "
                          "reads, so nothing was written (split the document and add its parts)")
    return text


def _names(folder: Path, stem: str) -> Iterator[Path]:
    yield folder / f"{stem}.md"
    n = 2
    while True:
        yield folder / f"{stem}-{n}.md"
        n += 1


def _same_source(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """Same content from the source: only the fetch time may differ."""
    ignored = {"fetched_at"}
    return {k: v for k, v in old.items() if k not in ignored} == \
        {k: v for k, v in new.items() if k not in ignored}
