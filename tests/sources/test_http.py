"""Network faults, the politeness delay and the cache, against a replayed service."""

from __future__ import annotations

import errno
import socket

import pytest
import requests
from responses import matchers

from claimcheck.errors import NetworkError, NotFoundError, OfflineError, ResponseError
from claimcheck.sources.http import DiskCache, HttpClient, cache_key, retry_after, user_agent

from .replay import make_http

URL = "https://api.test/thing"
GOOD = {"value": {"id": 1}}


def test_429_waits_as_long_as_retry_after_says(mocked, http, clock):
    mocked.get(URL, status=429, headers={"Retry-After": "7"})
    mocked.get(URL, json=GOOD)

    assert http.get_json(URL) == GOOD
    # The wait covers the politeness delay too: no second sleep before the retry.
    assert clock.sleeps == [7.0]
    assert len(mocked.calls) == 2


def test_retry_after_may_be_an_http_date(clock):
    assert retry_after("Fri, 01 Mar 2024 12:00:30 GMT", clock.now()) == 30.0
    assert retry_after("120", clock.now()) == 120.0
    assert retry_after("Fri, 01 Mar 2024 11:00:00 GMT", clock.now()) == 0.0
    assert retry_after("soon", clock.now()) is None


def test_a_retry_after_too_long_to_wait_is_a_clear_error(mocked, http, clock):
    mocked.get(URL, status=429, headers={"Retry-After": "3600"})

    with pytest.raises(NetworkError) as error:
        http.get_json(URL)

    assert str(error.value) == (f"{URL}: HTTP 429 Too Many Requests; the service asked us to "
                                "wait 3600s, so try again later")
    assert 3600 not in clock.sleeps


def test_500_then_success_backs_off_exponentially(mocked, http, clock):
    mocked.get(URL, status=500)
    mocked.get(URL, status=503)
    mocked.get(URL, json=GOOD)

    assert http.get_json(URL) == GOOD
    backoffs = [s for s in clock.sleeps if s >= 1.0]
    assert backoffs == [1.0, 2.0]


def test_a_timeout_is_retried(mocked, http):
    mocked.get(URL, body=requests.exceptions.ReadTimeout("read timed out"))
    mocked.get(URL, json=GOOD)

    assert http.get_json(URL) == GOOD


def test_a_timeout_that_never_ends_is_one_clear_line(mocked, http):
    mocked.get(URL, body=requests.exceptions.ConnectTimeout("connect timed out"))

    with pytest.raises(NetworkError) as error:
        http.get_json(URL)

    assert str(error.value) == (f"{URL}: no answer within 30s (timed out) "
                                "(gave up after 5 attempts)")
    assert "\n" not in str(error.value)
    assert len(mocked.calls) == 5


def test_a_connection_reset_is_retried(mocked, http):
    mocked.get(URL, body=requests.exceptions.ConnectionError("Connection reset by peer"))
    mocked.get(URL, json=GOOD)

    assert http.get_json(URL) == GOOD


def test_malformed_json_is_retried_then_reported(mocked, http, cache_dir):
    mocked.get(URL, body='{"value": {"id": 1', content_type="application/json")

    with pytest.raises(ResponseError) as error:
        http.get_json(URL)

    message = str(error.value)
    assert message.startswith(f"{URL}: malformed JSON (")
    assert message.endswith("(gave up after 5 attempts)")
    assert not any(cache_dir.rglob("*.json")), "a malformed body must never be cached"


def test_malformed_json_then_good_json_succeeds(mocked, http):
    mocked.get(URL, body="<html>Service Unavailable</html>")
    mocked.get(URL, json=GOOD)

    assert http.get_json(URL) == GOOD


def test_404_is_not_retried(mocked, http):
    mocked.get(URL, status=404, json={"title": "Not Found"})

    with pytest.raises(NotFoundError) as error:
        http.get_json(URL)

    assert str(error.value) == f"{URL}: not found (HTTP 404); check the date, UIN or id"
    assert len(mocked.calls) == 1


def test_other_client_errors_are_not_retried(mocked, http):
    mocked.get(URL, status=400)

    with pytest.raises(ResponseError, match="HTTP 400 Bad Request"):
        http.get_json(URL)
    assert len(mocked.calls) == 1


def test_requests_are_spaced_by_the_politeness_delay(mocked, http, clock):
    mocked.get(f"{URL}/1", json=GOOD)
    mocked.get(f"{URL}/2", json=GOOD)
    mocked.get(f"{URL}/3", json=GOOD)

    for n in (1, 2, 3):
        http.get_json(f"{URL}/{n}")

    assert clock.sleeps == [0.75, 0.75]


def test_one_session_says_who_we_are():
    from claimcheck.sources.http import make_session
    agent = make_session("data@example.org").headers["User-Agent"]
    assert agent.startswith("claimcheck/")
    assert "data@example.org" in agent
    assert user_agent("x").endswith("; x)")


def test_list_params_repeat_their_key(mocked, http):
    mocked.get(URL, json=GOOD, match=[matchers.query_string_matcher(
        "answeringBodies=60&answeringBodies=17&expandMember=true")])

    assert http.get_json(URL, {"answeringBodies": [60, 17], "expandMember": True,
                               "house": None}) == GOOD


def test_offline_uses_the_cache(mocked, cache_dir, clock):
    mocked.get(URL, json=GOOD)
    online = make_http(cache_dir, clock)
    first = online.get(URL, {"a": 1})

    offline = make_http(cache_dir, clock, offline=True)
    mocked.reset()  # from here on, any request to the network fails the test
    again = offline.get(URL, {"a": 1})

    assert again.json() == GOOD
    assert again.from_cache
    assert again.fetched_at == first.fetched_at
    assert again.url == first.url == f"{URL}?a=1"


def test_offline_miss_is_a_clear_error(cache_dir, clock):
    offline = make_http(cache_dir, clock, offline=True)

    with pytest.raises(OfflineError) as error:
        offline.get_json(URL, {"uIN": "42842"})

    assert str(error.value) == (f"{URL}?uIN=42842: not in the cache; run once without "
                                "--offline to fetch it")


def test_error_responses_are_never_cached(mocked, cache_dir, clock):
    mocked.get(URL, status=500)
    with pytest.raises(NetworkError):
        make_http(cache_dir, clock, retries=0).get_json(URL)

    assert DiskCache(cache_dir).get(cache_key(URL, None)) is None


def test_answers_that_came_through_a_redirect_are_not_cached(mocked, cache_dir, clock):
    # WhatDoTheyKnow redirects to a wait page while it prepares an attachment.
    page = "https://wdtk.test/request/x/response/1/attach/2/a.pdf"
    mocked.get(page, status=302, headers={"Location": "https://wdtk.test/wait"})
    mocked.get("https://wdtk.test/wait", body="<p>Please wait</p>")
    http = make_http(cache_dir, clock)

    response = http.get(page, expect_json=False)

    assert "Please wait" in response.text
    assert DiskCache(cache_dir).get(cache_key(page, None)) is None


def test_a_damaged_cache_entry_is_a_miss(mocked, cache_dir, clock):
    mocked.get(URL, json=GOOD)
    make_http(cache_dir, clock).get_json(URL)
    [entry] = cache_dir.rglob("*.json")
    entry.write_text("{trunc", encoding="utf-8")

    with pytest.raises(OfflineError):
        make_http(cache_dir, clock, offline=True).get_json(URL)


def test_each_url_is_fetched_once_per_run(mocked, http):
    mocked.get(URL, json=GOOD)

    http.get_json(URL)
    http.get_json(URL)

    assert len(mocked.calls) == 1


def test_offline_needs_a_cache():
    with pytest.raises(ValueError):
        HttpClient(requests.Session(), None, offline=True)


def test_each_retry_is_reported_with_its_wait(mocked, cache_dir, clock):
    said: list[str] = []
    http = make_http(cache_dir, clock, report=said.append)
    mocked.get(URL, status=503)
    mocked.get(URL, body=requests.exceptions.ConnectionError("Connection reset by peer"))
    mocked.get(URL, json=GOOD)

    assert http.get_json(URL) == GOOD
    assert said == [
        f"{URL}: HTTP 503 Service Unavailable; retrying in 1s (attempt 2 of 5)",
        f"{URL}: connection failed (ConnectionError); retrying in 2s (attempt 3 of 5)",
    ]


def _wrapped(reason: OSError) -> requests.exceptions.ConnectionError:
    """A connection error as requests raises it: the socket's error inside urllib3's."""
    from urllib3.exceptions import MaxRetryError, NameResolutionError, NewConnectionError

    if isinstance(reason, socket.gaierror):
        cause = NameResolutionError("api.test", None, reason)
    else:
        cause = NewConnectionError(None, f"Failed to establish a new connection: {reason}")
        cause.__cause__ = reason
    return requests.exceptions.ConnectionError(MaxRetryError(None, URL, reason=cause))


@pytest.mark.parametrize(("reason", "message"), [
    (socket.gaierror(socket.EAI_NONAME, "Name or service not known"),
     "the host name could not be looked up (is the network up, and the address right?)"),
    (ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused"),
     "the connection was refused (is the address right, and the service up?)"),
    (OSError(errno.ENETUNREACH, "Network is unreachable"),
     "no route to the host (is the network up?)"),
    (OSError(errno.EHOSTUNREACH, "No route to host"), "no route to the host (is the network up?)"),
])
def test_hopeless_connection_errors_are_not_retried(mocked, cache_dir, clock, reason, message):
    said: list[str] = []
    http = make_http(cache_dir, clock, report=said.append)
    mocked.get(URL, body=_wrapped(reason))

    with pytest.raises(NetworkError) as error:
        http.get_json(URL)

    assert str(error.value) == f"{URL}: cannot connect: {message}; not retried"
    assert len(mocked.calls) == 1
    assert said == [] and clock.sleeps == []


def test_a_refused_connection_on_a_real_socket_is_not_retried(cache_dir, clock):
    with socket.socket() as probe:  # a port on this machine that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    http = make_http(cache_dir, clock)

    with pytest.raises(NetworkError, match="cannot connect: the connection was refused"):
        http.get_json(f"http://127.0.0.1:{port}/thing")
    assert clock.sleeps == []
