"""A cache of what extraction read, keyed by content, so an unchanged re-run skips spaCy; and of
each statement's findings, so a re-run after an edit matches and judges only the statements whose
findings can have changed.

One SQLite file. A key covers everything extraction depends on: the item's own bytes (front matter
included, since the question and department shape the reading), the lexicon, the spaCy pipeline
and claimcheck's extraction code. Change any of them and the entry is simply not found again.

The cache is data, never code: values are JSON, read back only as the records they must be
(:mod:`claimcheck.pipeline.codec`), and each row is checked on reading against the content hash it was made
from and a digest of its value. The file records the format, claimcheck's version and the spaCy
pipeline that wrote it. A cache that is damaged, tampered with or written by something else is
discarded with one warning and rebuilt; one that cannot be written (a full disk, a read-only
folder, a size cap) is given up with one warning and the run goes on uncached. Nothing here
makes a run fail.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from claimcheck import __version__
from claimcheck.lexicon import Lexicon
from claimcheck.model import Finding
from claimcheck.pipeline.codec import decode, encode

FORMAT = "claimcheck-readings-json-1"
# The modules whose code a statement's verdicts depend on beyond extraction.
JUDGING_CODE = ("match.matcher", "judge.rules", "match.signals", "match.retrieve", "match.embed",
                "pipeline.reads", "prose")
MAX_CACHE_BYTES = 4 * 1024 ** 3
"""The cache stops growing here (about 40 times what 10,000 statements need); the run goes on."""

Warn = Callable[[str], None]


def fingerprint(nlp, lexicon: Lexicon) -> str:
    """What every key shares: the code and the models that produced the reading."""
    parts = [__version__, nlp.meta.get("name", ""), nlp.meta.get("version", ""),
             repr(sorted(nlp.pipe_names)),
             *(_code_hash(module) for module in ("extract.extractor", "dates", "model", "lexicon",
                                                 "extract.segment", "prose", "references")),
             repr(sorted((k, c) for k, c in lexicon.concepts.items())),
             repr(sorted(lexicon.negating_verbs)), repr(sorted(lexicon.ending_verbs))]
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


def _code_hash(module: str) -> str:
    """A digest of the source of ``claimcheck.<module>``, found without importing it: importing
    extract would import spaCy, which a fully cached run never needs."""
    spec = find_spec(f"claimcheck.{module}")
    assert spec is not None and spec.origin, f"claimcheck.{module} is part of the package"
    return hashlib.sha256(Path(spec.origin).read_bytes()).hexdigest()


@functools.cache
def _judging_code() -> str:
    """The digests of the matching and judging code and of the calibration its confidences
    come from, read once per process."""
    calibration = resources.files("claimcheck").joinpath("data/calibration.toml").read_bytes()
    return "".join([*(_code_hash(module) for module in JUDGING_CODE),
                    hashlib.sha256(calibration).hexdigest()])


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Judged:
    """One statement's findings with what they were judged against: the evidence set (its
    ``world_key``, whose listing is stored under ``listing_key``) and what the judging read of
    it (JSON, ``claimcheck.pipeline.reads``)."""

    world: str
    reads: str
    findings: tuple[Finding, ...]


class ExtractionCache:
    """Claims per statement, facts per evidence item and whole results, by content key.

    ``warn`` receives the one line worth telling the user when the cache is discarded or given
    up; ``max_bytes`` caps the file's size (past it, as on a full disk, the run goes uncached)."""

    def __init__(self, path: Path, nlp, lexicon: Lexicon, warn: Warn | None = None,
                 max_bytes: int = MAX_CACHE_BYTES) -> None:
        self.path = path
        self._prefix = fingerprint(nlp, lexicon)
        self._meta = {"format": FORMAT, "claimcheck": __version__,
                      "model": f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')} "
                               f"{nlp.meta.get('version', '')}"}
        self._warn = warn or (lambda message: None)
        self._warned = False
        self._max_bytes = max_bytes
        self._db: sqlite3.Connection | None = None
        try:
            self._open()
        except (OSError, sqlite3.Error) as error:
            self._give_up("cannot use the cache", error)

    # ------------------------------------------------------------------ keys

    def key(self, kind: str, item_id: str, content_hash: str) -> str | None:
        if not content_hash:
            return None  # built in memory, not read from a file: nothing stable to key on
        return hashlib.sha256(f"{self._prefix}\x00{kind}\x00{item_id}\x00{content_hash}"
                              .encode()).hexdigest()

    def world_key(self, evidence: list[tuple[str, str]], mode: str) -> str | None:
        """What every statement's verdicts depend on besides the statement: every evidence item's
        (id, content hash), the matching and judging code and ``mode`` (dense or lexical
        retrieval). Retrieval weighs terms by their rarity in the whole evidence set, and a
        correction or a later version can reach any statement, so a change to any evidence item
        changes this key. None when an item was not read from a file."""
        if any(not content for _, content in evidence):
            return None
        code = _judging_code()
        listing = "\n".join("\x00".join(item) for item in sorted(evidence))
        return hashlib.sha256(f"{self._prefix}\x00world\x00{code}\x00{mode}\x00{listing}"
                              .encode()).hexdigest()

    def judged_key(self, mode: str, statement_id: str, path: str,
                   content_hash: str) -> str | None:
        """The key of one statement's ``Judged`` record: the statement, the matching and judging
        code and ``mode``, but not the evidence, which the record names itself. The path is
        part of it because the findings name the statement's file."""
        if not content_hash:
            return None
        code = _judging_code()
        return hashlib.sha256(f"{self._prefix}\x00judged\x00{code}\x00{mode}\x00"
                              f"{statement_id}\x00{path}\x00{content_hash}".encode()).hexdigest()

    def listing_key(self, world: str) -> str:
        """The key of the evidence listing (ids and content hashes) of the ``world``."""
        return hashlib.sha256(f"{world}\x00listing".encode()).hexdigest()

    def vector_key(self, model: str, text: str) -> str:
        """The key of a sentence's vector: the embedding model and the text alone (not the
        lexicon or the spaCy pipeline, which a vector does not depend on)."""
        return hashlib.sha256(f"vector\x00{model}\x00{text}".encode()).hexdigest()

    # ------------------------------------------------------------------ reading and writing

    def get_strings(self, keys: list[str]) -> list[str | None]:
        """The text values stored under ``keys`` (None where there is none), read in batches."""
        return self.get_many(list(keys), str)

    def _rows(self, keys: list[str]) -> list | None:
        if self._db is None:
            return None
        try:
            return self._db.execute(
                f"SELECT key, value, digest FROM readings WHERE key IN "
                f"({','.join('?' * len(keys))})", keys).fetchall()
        except sqlite3.Error as error:
            self._failed(error)
            return None


    def get_many(self, keys: list[str | None], kind: Any) -> list[Any]:
        """The values stored under ``keys`` read as ``kind`` (None where there is none, or for a
        None key), read in batches."""
        wanted = [key for key in keys if key is not None]
        found: dict[str, Any] = {}
        for start in range(0, len(wanted), 500):
            rows = self._rows(wanted[start:start + 500])
            if rows is None:
                return [None] * len(keys)
            for key, value, digest in rows:
                found[key] = self._read(value, digest, kind)
                if found[key] is None:
                    return [None] * len(keys)   # discarded: nothing in it is to be trusted
        return [found.get(key) if key is not None else None for key in keys]

    def get(self, key: str | None, kind: Any) -> Any:
        """The value stored under ``key``, read as ``kind`` (``list[Claim]``); None if there is
        none. A value that fails its checks discards the cache."""
        if key is None or self._db is None:
            return None
        try:
            row = self._db.execute("SELECT value, digest FROM readings WHERE key = ?",
                                   (key,)).fetchone()
        except sqlite3.Error as error:
            self._failed(error)
            return None
        if row is None:
            return None
        return self._read(*row, kind)

    def _read(self, value: Any, digest: Any, kind: Any) -> Any:
        """A stored value checked against its digest and read as ``kind``; None (and the cache
        discarded) if it fails."""
        try:
            if not isinstance(value, str) or _digest(value) != digest:
                raise ValueError("an entry does not match its digest")
            return decode(kind, json.loads(value))
        except (ValueError, RecursionError) as error:
            self._discard(f"holds an entry claimcheck did not write ({error})")
            return None

    def put_many(self, entries: list[tuple[str, object]]) -> None:
        if self._db is None or not entries:
            return
        rows = []
        for key, value in entries:
            text = json.dumps(encode(value), ensure_ascii=False, separators=(",", ":"))
            rows.append((key, text, _digest(text)))
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO readings VALUES (?, ?, ?)", rows)
        except sqlite3.Error as error:
            self._failed(error, "cannot write the cache")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # ------------------------------------------------------------------ the file

    def _open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path)
        try:
            self._check_or_create()
        except _Foreign as error:
            self._discard(str(error))
        except sqlite3.Error as error:
            self._failed(error)

    def _check_or_create(self) -> None:
        db = self._db
        tables = {name for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if tables:
            stored = dict(db.execute("SELECT name, value FROM meta")) if "meta" in tables else {}
            if stored != self._meta or tables != {"meta", "readings"}:
                by = (f"claimcheck {stored.get('claimcheck')} with {stored.get('model')}"
                      if stored.get("format") == FORMAT else "something else")
                raise _Foreign(f"was written by {by}")
        else:
            with db:
                db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
                db.execute("CREATE TABLE readings (key TEXT PRIMARY KEY, value TEXT NOT NULL, "
                           "digest TEXT NOT NULL)")
                db.executemany("INSERT INTO meta VALUES (?, ?)", self._meta.items())
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {max(1, self._max_bytes // page_size)}")

    def _failed(self, error: sqlite3.Error, what: str = "cannot use the cache") -> None:
        """A damaged file is rebuilt; a busy or unwritable one is given up for this run."""
        if isinstance(error, sqlite3.DatabaseError) and (
                not isinstance(error, sqlite3.OperationalError) or "malformed" in str(error)):
            self._discard(f"is damaged ({error})")
        else:
            self._give_up(what, error)

    def _discard(self, why: str) -> None:
        """Throw the file away and start an empty one; say so once."""
        self._say(f"the cache {self.path} {why}; it was discarded and is being rebuilt")
        self.close()
        try:
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            self._db = sqlite3.connect(self.path)
            self._check_or_create()
        except (OSError, sqlite3.Error) as again:
            self._give_up("cannot rebuild the cache", again)

    def _give_up(self, what: str, error: Exception) -> None:
        self._say(f"{what} {self.path} ({getattr(error, 'strerror', None) or error}); "
                  "running without it")
        self.close()

    def _say(self, message: str) -> None:
        if not self._warned:
            self._warned = True
            self._warn(message)


class _Foreign(sqlite3.DatabaseError):
    """The file is a database, but not a readings cache of this claimcheck and pipeline."""
