"""A cache of what extraction read, keyed by content, so an unchanged re-run skips spaCy; and of
whole results, so a re-run on an unchanged corpus skips matching and judging too.

One SQLite file. A key covers everything extraction depends on: the item's own bytes (front matter
included, since the question and department shape the reading), the lexicon, the spaCy pipeline
and claimcheck's extraction code. Change any of them and the entry is simply not found again.

Values are pickles of claimcheck's own frozen dataclasses. The cache is written and read only by
claimcheck on the user's machine; do not point it at a file from elsewhere.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from importlib.util import find_spec
from pathlib import Path

from . import __version__
from .errors import OutputError
from .lexicon import Lexicon


def fingerprint(nlp, lexicon: Lexicon) -> str:
    """What every key shares: the code and the models that produced the reading."""
    parts = [__version__, nlp.meta.get("name", ""), nlp.meta.get("version", ""),
             repr(sorted(nlp.pipe_names)),
             *(_code_hash(module) for module in ("extract", "dates", "model", "lexicon", "segment")),
             repr(sorted((k, c) for k, c in lexicon.concepts.items())),
             repr(sorted(lexicon.negating_verbs)), repr(sorted(lexicon.ending_verbs))]
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


def _code_hash(module: str) -> str:
    """A digest of the source of ``claimcheck.<module>``, found without importing it: importing
    extract would import spaCy, which a fully cached run never needs."""
    spec = find_spec(f"claimcheck.{module}")
    assert spec is not None and spec.origin, f"claimcheck.{module} is part of the package"
    return hashlib.sha256(Path(spec.origin).read_bytes()).hexdigest()


class ExtractionCache:
    """Claims per statement and facts per evidence item, by content key."""

    def __init__(self, path: Path, nlp, lexicon: Lexicon) -> None:
        self.path = path
        self._prefix = fingerprint(nlp, lexicon)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path)
            self._db.execute("CREATE TABLE IF NOT EXISTS readings (key TEXT PRIMARY KEY, value BLOB)")
        except (OSError, sqlite3.Error) as error:
            raise OutputError(f"cannot use the cache {path}: {error}") from None

    def key(self, kind: str, item_id: str, content_hash: str) -> str | None:
        if not content_hash:
            return None  # built in memory, not read from a file: nothing stable to key on
        return hashlib.sha256(f"{self._prefix}\x00{kind}\x00{item_id}\x00{content_hash}"
                              .encode()).hexdigest()

    def result_key(self, items: list[tuple[str, str, str]]) -> str | None:
        """The key of a whole result: every item's (kind, id, content hash), and the matching and
        judging code. None when an item was not read from a file."""
        if any(not content for _, _, content in items):
            return None
        code = "".join(_code_hash(module) for module in ("match", "judge", "signals", "retrieve"))
        listing = "\n".join("\x00".join(item) for item in sorted(items))
        return hashlib.sha256(f"{self._prefix}\x00result\x00{code}\x00{listing}"
                              .encode()).hexdigest()

    def get(self, key: str | None):
        if key is None:
            return None
        row = self._db.execute("SELECT value FROM readings WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            return pickle.loads(row[0])
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None  # written by another version: read the item again

    def put_many(self, entries: list[tuple[str, object]]) -> None:
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO readings VALUES (?, ?)",
                                     [(k, pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL))
                                      for k, v in entries])
        except sqlite3.Error as error:
            raise OutputError(f"cannot write the cache {self.path}: {error}") from None

    def close(self) -> None:
        self._db.close()
