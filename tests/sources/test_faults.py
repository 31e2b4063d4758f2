"""Network faults beyond test_http.py: every failure is retried or reported in one line, and an
error response never reaches the cache, nor replaces a good entry in it."""

from __future__ import annotations

import json

import pytest
import requests

from claimcheck.errors import NetworkError, OfflineError, OutputError, ResponseError, SourceError
from claimcheck.sources.http import DiskCache, cache_key

from .replay import make_http

URL = "https://api.test/thing"
GOOD = {"value": {"id": 1}}


def _cached(cache_dir):
    return sorted(p.name for p in cache_dir.rglob("*") if p.is_file())


@pytest.mark.parametrize("status, reason", [
    (408, "Request Timeout"), (429, "Too Many Requests"), (500, "Internal Server Error"),
    (502, "Bad Gateway"), (503, "Service Unavailable"), (504, "Gateway Timeout"),
])
def test_a_status_that_never_clears_is_one_line_after_every_retry(mocked, http, cache_dir,
                                                                  status, reason):
    mocked.get(URL, status=status, body="<html>busy</html>")

    with pytest.raises(NetworkError) as caught:
        http.get_json(URL)

    assert str(caught.value) == f"{URL}: HTTP {status} {reason} (gave up after 5 attempts)"
    assert len(mocked.calls) == 5
    assert _cached(cache_dir) == []


def test_a_cdn_error_is_retried(mocked, http):
    mocked.get(URL, status=522)
    mocked.get(URL, json=GOOD)
    assert http.get_json(URL) == GOOD


def test_429_without_retry_after_backs_off_exponentially(mocked, http, clock):
    for _ in range(3):
        mocked.get(URL, status=429)
    mocked.get(URL, json=GOOD)

    assert http.get_json(URL) == GOOD
    assert clock.sleeps == [1.0, 2.0, 4.0]


def test_429_with_an_http_date_waits_until_then(mocked, http, clock):
    mocked.get(URL, status=429, headers={"Retry-After": "Fri, 01 Mar 2024 12:00:20 GMT"})
    mocked.get(URL, json=GOOD)

    assert http.get_json(URL) == GOOD
    assert clock.sleeps == [20.0]


def test_a_connection_reset_every_time_is_one_line(mocked, http):
    mocked.get(URL, body=requests.exceptions.ConnectionError(
        "('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))"))

    with pytest.raises(NetworkError) as caught:
        http.get_json(URL)

    assert str(caught.value) == (f"{URL}: connection failed (ConnectionError) "
                                 "(gave up after 5 attempts)")


def test_a_body_cut_off_in_transit_is_retried(mocked, http, cache_dir):
    mocked.get(URL, body=requests.exceptions.ChunkedEncodingError(
        "Connection broken: IncompleteRead(512 bytes read, 1024 more expected)"))
    mocked.get(URL, json=GOOD)

    assert http.get_json(URL) == GOOD
    assert len(_cached(cache_dir)) == 1


@pytest.mark.parametrize("body", [
    '{"value": {"id": 1',                 # truncated
    "",                                   # empty
    "<html><body>Service Unavailable</body></html>",   # an error page served with 200
    b"\xff\xfe\x00{",                     # not even text
    "[" * 100_000,                        # nested beyond any parser
], ids=["truncated", "empty", "html", "bytes", "deep"])
def test_a_malformed_body_is_retried_reported_and_never_cached(mocked, http, cache_dir, body):
    mocked.get(URL, body=body, content_type="application/json")

    with pytest.raises(ResponseError) as caught:
        http.get_json(URL)

    assert str(caught.value).startswith(f"{URL}: malformed JSON (")
    assert str(caught.value).endswith("(gave up after 5 attempts)")
    assert "\n" not in str(caught.value)
    assert _cached(cache_dir) == []


def test_a_redirect_to_a_wait_page_is_reported_and_not_cached(mocked, cache_dir, clock):
    mocked.get(URL, status=302, headers={"Location": "https://api.test/please-wait"})
    mocked.get("https://api.test/please-wait", body="<p>Please wait while we prepare it</p>")
    http = make_http(cache_dir, clock, retries=1)

    with pytest.raises(ResponseError) as caught:
        http.get_json(URL)

    assert str(caught.value).startswith(
        f"{URL}: malformed JSON after a redirect to https://api.test/please-wait (")
    assert _cached(cache_dir) == []


def test_a_redirect_loop_is_one_line(mocked, http):
    mocked.get(URL, status=302, headers={"Location": URL})

    with pytest.raises(SourceError) as caught:
        http.get_json(URL)

    assert str(caught.value).startswith(f"{URL}: request failed: Exceeded ")
    assert "\n" not in str(caught.value)


def test_an_error_never_replaces_a_good_cache_entry(mocked, cache_dir, clock):
    mocked.get(URL, json=GOOD)
    make_http(cache_dir, clock).get_json(URL)
    mocked.reset()
    mocked.get(URL, status=503)
    mocked.get(URL, body="<html>oops</html>")

    with pytest.raises((NetworkError, ResponseError)):
        make_http(cache_dir, clock, retries=1).get_json(URL)

    assert make_http(cache_dir, clock, offline=True).get_json(URL) == GOOD


def test_a_good_answer_after_errors_is_what_is_cached(mocked, cache_dir, clock):
    mocked.get(URL, status=500)
    mocked.get(URL, body='{"trunc')
    mocked.get(URL, json=GOOD)

    assert make_http(cache_dir, clock).get_json(URL) == GOOD
    assert json.loads(DiskCache(cache_dir).get(cache_key(URL, None)).text) == GOOD


@pytest.mark.parametrize("entry", [
    '{"url": "u", "text": 5, "fetched_at": "t"}',          # wrong type
    '{"url": "u", "text": "{not json", "fetched_at": "t"}',  # damaged payload
    '["not", "an", "entry"]',
], ids=["wrong-type", "bad-payload", "not-a-mapping"])
def test_a_damaged_cache_entry_is_a_clear_offline_error(cache_dir, clock, entry):
    path = DiskCache(cache_dir)._path(cache_key(URL, None))
    path.parent.mkdir(parents=True)
    path.write_text(entry, encoding="utf-8")

    with pytest.raises(OfflineError) as caught:
        make_http(cache_dir, clock, offline=True).get_json(URL)

    assert str(caught.value).startswith(f"{URL}: ")
    assert "--offline" in str(caught.value)


def test_a_cache_that_cannot_be_written_is_one_line_and_leaves_no_temporary_file(
        mocked, cache_dir, clock, monkeypatch):
    mocked.get(URL, json=GOOD)

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr("claimcheck.sources.http.os.replace", full)

    with pytest.raises(OutputError) as caught:
        make_http(cache_dir, clock).get_json(URL)

    assert str(caught.value).startswith("cannot write the cache entry ")
    assert str(caught.value).endswith(": No space left on device")
    assert _cached(cache_dir) == []


def test_an_interrupted_cache_write_leaves_no_temporary_file(mocked, cache_dir, clock,
                                                            monkeypatch):
    mocked.get(URL, json=GOOD)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr("claimcheck.sources.http.json.dump", interrupted)

    with pytest.raises(KeyboardInterrupt):
        make_http(cache_dir, clock).get_json(URL)
    assert _cached(cache_dir) == []
