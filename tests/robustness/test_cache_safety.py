"""The readings cache in ``.claimcheck-cache/`` is data, never code, and never a reason to fail.

A corpus can ship its own ``.claimcheck-cache/readings.sqlite3``; a disk can fill or a file can be
damaged. Each case runs the real ``claimcheck check`` in-process and asserts what a user sees: the
same findings as an uncached run, at most one warning, no traceback, and nothing run.
"""

from __future__ import annotations

import json
import os
import pickle
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli.root import app
from claimcheck.corpus.load import load_corpus
from claimcheck.pipeline.cache import ExtractionCache
from claimcheck.pipeline.run import check_corpus

from .conftest import GOOD_EVIDENCE, GOOD_STATEMENT


class _RunsCode:
    """Unpickling this creates ``marker``: what a crafted cache would do with a real payload."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (str(self.marker),))


def _check(claims: Path, evidence: Path, tmp_path: Path):
    out = tmp_path / f"reports-{len(list(tmp_path.glob('reports-*')))}"
    return CliRunner().invoke(app, ["check", "--claims", str(claims), "--evidence",
                                    str(evidence), "--out", str(out), "--cache-dir",
                                    str(claims.parent / ".claimcheck-cache")]), out


def _findings(out: Path) -> list[dict]:
    return json.loads((out / "findings.json").read_text(encoding="utf-8"))["findings"]


def _database(claims: Path) -> Path:
    return claims.parent / ".claimcheck-cache" / "readings.sqlite3"


@pytest.fixture
def cached(corpus, tmp_path):
    """The corpus after one cached run: its findings, and a cache full of real entries."""
    claims, evidence = corpus
    # A long evidence text makes the cache span several pages, as a real one does.
    (evidence / "long.md").write_text(GOOD_EVIDENCE + "The Department keeps records. " * 600,
                                      encoding="utf-8")
    done, out = _check(claims, evidence, tmp_path)
    assert done.exit_code == 0, done.output
    assert _database(claims).stat().st_size > 3 * 4096
    return claims, evidence, _findings(out)


def test_a_crafted_cache_runs_no_code(cached, tmp_path):
    claims, evidence, expected = cached
    marker = tmp_path / "the-cache-ran-code"
    with sqlite3.connect(_database(claims)) as db:
        db.execute("UPDATE readings SET value = ?", (pickle.dumps(_RunsCode(marker)),))
    db.close()
    done, out = _check(claims, evidence, tmp_path)
    assert not marker.exists()
    assert done.exit_code == 0, done.output
    assert _findings(out) == expected
    assert done.stderr.count("warning: ") == 1, done.stderr
    assert "cache" in done.stderr and "Traceback" not in done.output


def test_a_cache_in_the_old_pickle_format_is_discarded_not_unpickled(corpus, tmp_path):
    claims, evidence = corpus
    marker = tmp_path / "the-cache-ran-code"
    _database(claims).parent.mkdir()
    with sqlite3.connect(_database(claims)) as db:
        db.execute("CREATE TABLE readings (key TEXT PRIMARY KEY, value BLOB)")
        db.execute("INSERT INTO readings VALUES ('x', ?)", (pickle.dumps(_RunsCode(marker)),))
    db.close()
    done, _ = _check(claims, evidence, tmp_path)
    assert done.exit_code == 0, done.output
    assert not marker.exists()
    assert "warning: " in done.stderr and "rebuilt" in done.stderr


def test_a_tampered_value_is_not_used(cached, tmp_path):
    claims, evidence, expected = cached
    with sqlite3.connect(_database(claims)) as db:
        for key, value in db.execute("SELECT key, value FROM readings").fetchall():
            text = value.decode() if isinstance(value, bytes) else str(value)
            db.execute("UPDATE readings SET value = ? WHERE key = ?",
                       (text.replace("contradicted", "supported"), key))
    db.close()
    done, out = _check(claims, evidence, tmp_path)
    assert done.exit_code == 0, done.output
    assert _findings(out) == expected


@pytest.mark.parametrize("where", ["header", "b-tree page", "last page"])
def test_a_damaged_cache_is_discarded_with_one_warning_and_rebuilt(cached, tmp_path, where):
    claims, evidence, expected = cached
    path = _database(claims)
    data = bytearray(path.read_bytes())
    start = {"header": 0, "b-tree page": 4096, "last page": len(data) - 4096}[where]
    data[start:start + 4096] = os.urandom(4096) if where != "header" else b"\xff" * 4096
    path.write_bytes(bytes(data))

    done, out = _check(claims, evidence, tmp_path)
    assert done.exit_code == 0, done.output
    assert "Traceback" not in done.output
    assert _findings(out) == expected
    assert done.stderr.count("warning: ") <= 1, done.stderr

    again, out = _check(claims, evidence, tmp_path)
    assert again.exit_code == 0, again.output
    assert "warning" not in again.stderr, "the damage was cleared by the rebuild"
    assert _findings(out) == expected


def test_a_cache_of_another_model_version_is_discarded(cached, tmp_path):
    claims, evidence, expected = cached
    with sqlite3.connect(_database(claims)) as db:
        db.execute("UPDATE meta SET value = 'en_core_web_sm 0.0.1' WHERE name = 'model'")
    db.close()
    done, out = _check(claims, evidence, tmp_path)
    assert done.exit_code == 0, done.output
    assert done.stderr.count("warning: ") == 1 and "rebuilt" in done.stderr
    assert _findings(out) == expected


def test_a_full_disk_under_the_cache_gives_an_uncached_run(cached, nlp, lexicon, tmp_path):
    claims, evidence, _ = cached
    warnings: list[str] = []
    # A cache capped at its empty size fails to grow exactly as on a full disk (SQLITE_FULL).
    cache = ExtractionCache(tmp_path / "cache" / "readings.sqlite3", nlp, lexicon,
                            warn=warnings.append, max_bytes=1)
    try:
        result = check_corpus(load_corpus(claims, evidence), nlp, lexicon, cache=cache)
        again = check_corpus(load_corpus(claims, evidence), nlp, lexicon, cache=cache)
    finally:
        cache.close()
    uncached = check_corpus(load_corpus(claims, evidence), nlp, lexicon)
    assert result.findings == uncached.findings == again.findings
    assert len(warnings) == 1 and "running without it" in warnings[0], warnings


def test_an_unwritable_cache_folder_gives_an_uncached_run(corpus, tmp_path):
    claims, evidence = corpus
    (claims.parent / ".claimcheck-cache").write_text("a file where the cache folder should be")
    done, out = _check(claims, evidence, tmp_path)
    assert done.exit_code == 0, done.output
    assert done.stderr.count("warning: ") == 1, done.stderr
    assert _findings(out)


def test_the_readings_round_trip_exactly(nlp, lexicon, corpus, tmp_path):
    claims, evidence = corpus
    (claims / "more.md").write_text(GOOD_STATEMENT.replace("will not", "will"), encoding="utf-8")
    corpus_ = load_corpus(claims, evidence)
    cache = ExtractionCache(tmp_path / "readings.sqlite3", nlp, lexicon)
    try:
        first = check_corpus(corpus_, nlp, lexicon, cache=cache)
        second = check_corpus(corpus_, nlp, lexicon, cache=cache)
    finally:
        cache.close()
    assert second.findings == first.findings
    with sqlite3.connect(tmp_path / "readings.sqlite3") as db:
        values = [v for (v,) in db.execute("SELECT value FROM readings")]
    db.close()
    assert values and all(json.loads(v) is not None for v in values)
