"""Every read has a size cap and every request an overall deadline.

The reads that could run away are run in a subprocess with a memory limit and a deadline, so a
regression fails the test instead of taking the machine down with it.
"""

from __future__ import annotations

import io
import os
import resource
import subprocess
import sys

import pytest
import responses

from claimcheck.corpus.load import MAX_FILE_BYTES
from claimcheck.errors import NetworkError, OutputError, ResponseError
from claimcheck.sources import http as http_module
from claimcheck.sources.writer import CorpusWriter, Item, Provenance

from ..sources.replay import QUESTIONS, FakeClock, make_http

MEMORY = 1536 * 1024 * 1024


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _python(code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          timeout=60, preexec_fn=_limited)


LOAD_REVIEWS = """
import sys
from pathlib import Path
from claimcheck.errors import ReviewError
from claimcheck.review.store import load_reviews
try:
    load_reviews(Path(sys.argv[1]))
except ReviewError as error:
    print(error)
"""


@pytest.mark.parametrize("kind", ["link to /dev/zero", "fifo", "huge file"])
def test_a_reviews_file_that_never_ends_is_refused_in_one_line(kind, tmp_path):
    path = tmp_path / "reviews.toml"
    if kind == "link to /dev/zero":
        path.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        with open(path, "wb") as handle:
            handle.truncate(3 * 1024 ** 3)   # sparse: 3 GB that take no room
    done = _python(LOAD_REVIEWS, str(path))
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith(f"{path}: is "), done.stdout
    assert "regular file" in done.stdout or "the limit is" in done.stdout


FINGERPRINT = """
import sys
from pathlib import Path
from claimcheck.outputs.freshness import inputs_fingerprint
print(inputs_fingerprint([Path(sys.argv[1])], [Path(sys.argv[2])], []))
"""


def test_the_freshness_fingerprint_does_not_read_what_the_loader_refuses(tmp_path):
    claims = tmp_path / "claims"
    claims.mkdir()
    big = tmp_path / "big.md"
    with open(big, "wb") as handle:
        handle.truncate(3 * 1024 ** 3)
    (claims / "link.md").symlink_to(big)
    lexicon = tmp_path / "lexicon.toml"
    lexicon.symlink_to(big)
    done = _python(FINGERPRINT, str(claims), str(lexicon))
    assert done.returncode == 0, done.stderr[-2000:]
    first = done.stdout
    with open(big, "r+b") as handle:
        handle.truncate(3 * 1024 ** 3 + 1)
    assert _python(FINGERPRINT, str(claims), str(lexicon)).stdout != first, "a change is seen"


@pytest.fixture
def mocked():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


def test_an_answer_over_the_body_cap_is_refused_and_not_cached(mocked, tmp_path):
    url = f"{QUESTIONS}/api/big"
    mocked.get(url, body=b'{"value": "' + b"x" * http_module.MAX_BODY_BYTES + b'"}')
    client = make_http(tmp_path / "cache", FakeClock(), retries=0)
    with pytest.raises(ResponseError, match="larger than"):
        client.get(url)
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").rglob("*.json"))


class _Drip(io.RawIOBase):
    """A body that arrives one byte a second, on the fake clock: each read answers in time.
    It ends after ``length`` bytes, so a client without a deadline finishes (and fails the
    test) rather than reading for ever."""

    def __init__(self, clock: FakeClock, length: int = 2000) -> None:
        self.clock, self.left = clock, length

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if not self.left:
            return 0
        self.left -= 1
        self.clock.elapsed += 1.0
        buffer[0:1] = b" "
        return 1


def test_a_server_that_drips_its_answer_is_given_up_at_the_deadline(mocked, tmp_path):
    clock = FakeClock()
    url = f"{QUESTIONS}/api/slow"
    mocked.get(url, body=io.BufferedReader(_Drip(clock)), auto_calculate_content_length=False)
    client = make_http(tmp_path / "cache", clock, retries=0, deadline=120.0)
    with pytest.raises(NetworkError, match="within 120s"):
        client.get(url)
    assert clock.elapsed <= 121.0


def _item(body: str) -> Item:
    return Item("evidence", "test/big", "big", {"title": "Big", "date": "2016"}, body,
                Provenance("https://api.test/x", "test", "2024-03-01T12:00:00", "a" * 64))


def test_the_writer_refuses_a_file_check_would_refuse(tmp_path):
    writer = CorpusWriter(tmp_path / "claims", tmp_path / "evidence")
    with pytest.raises(OutputError, match="the limit"):
        writer.write(_item("A sentence. " * (MAX_FILE_BYTES // 12 + 1)))
    assert not (tmp_path / "evidence").exists() or list((tmp_path / "evidence").iterdir()) == []
    assert writer.write(_item("A sentence.")).action == "created"


def test_a_cached_answer_over_the_cap_is_a_miss(tmp_path):
    cache = http_module.DiskCache(tmp_path)
    path = cache._path("ab" * 32)
    path.parent.mkdir(parents=True)
    path.symlink_to("/dev/zero")
    assert cache.get("ab" * 32) is None


def test_the_limits_are_where_the_readme_says():
    assert http_module.MAX_BODY_BYTES == 8 * 1024 * 1024


LOAD_GOLD = """
import sys
from pathlib import Path
from claimcheck.errors import EvalError
from claimcheck.evaluate.gold import load_gold
try:
    load_gold(Path(sys.argv[1]))
except EvalError as error:
    print(error)
"""


LOAD_LEXICON = """
import sys
from pathlib import Path
from claimcheck.errors import LexiconError
from claimcheck.lexicon import load_lexicon
try:
    load_lexicon([Path(sys.argv[1])])
except LexiconError as error:
    print(error)
"""


@pytest.mark.parametrize("kind", ["link to /dev/zero", "fifo"])
@pytest.mark.parametrize(("name", "reader"), [("gold.toml", LOAD_GOLD),
                                              ("lexicon.toml", LOAD_LEXICON)],
                         ids=["gold file", "lexicon"])
def test_a_file_that_never_ends_is_refused_in_one_line(name, reader, kind, tmp_path):
    path = tmp_path / name
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    done = _python(reader, str(path))
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith(f"{path}: is "), done.stdout
