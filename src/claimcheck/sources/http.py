"""Polite HTTP for every source: one session, retries with back-off, a delay, an on-disk cache.

Nothing here is made at import time. The command line builds one :class:`HttpClient` around one
``requests.Session`` (see :func:`make_session`) and passes it to every source; tests pass a session
replayed by ``responses``, a fake sleeper and a fixed clock.

Online, every request goes to the network (at most once per run: answers are remembered) and good
answers are written to the cache. Offline, only the cache is read, so a re-run needs no network.
Error statuses, malformed bodies and answers that arrived through a redirect (WhatDoTheyKnow sends
a wait page while it redacts an attachment) are never cached.

Each retry is reported (``report``) with what failed and how long we wait. Failures that no wait
can cure (the host name does not resolve, the connection is refused, there is no route) are
reported at once, without retrying.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import socket
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import requests
import urllib3.exceptions

from claimcheck.errors import (
    InputError,
    NetworkError,
    NotFoundError,
    OfflineError,
    OutputError,
    ResponseError,
    SourceError,
)
from claimcheck.files import read_bounded

# A contact address lets a service's operators reach us instead of blocking us. Deployments
# should set CLAIMCHECK_CONTACT to an address someone reads.
DEFAULT_CONTACT = "https://github.com/claimcheck/claimcheck/issues"

Params = Mapping[str, Any] | Sequence[tuple[str, Any]]
Validate = Callable[[Any], object]

# Worth another try: too many requests, a request timeout, and the transient server errors
# (with the 52x a CDN in front of a service answers when the service is slow or down).
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524})
# Larger answers are refused: the biggest Parliament or WhatDoTheyKnow answer claimcheck reads is
# a few hundred KB, and a corpus file may be at most 4 MB.
MAX_BODY_BYTES = 8 * 1024 * 1024


def user_agent(contact: str) -> str:
    try:
        version = metadata.version("claimcheck")
    except metadata.PackageNotFoundError:
        version = "dev"
    return f"claimcheck/{version} (checks UK ministerial statements against the record; {contact})"


def make_session(contact: str | None = None) -> requests.Session:
    """The one session a run uses, with a User-Agent that says who we are and how to reach us."""
    session = requests.Session()
    contact = contact or os.environ.get("CLAIMCHECK_CONTACT") or DEFAULT_CONTACT
    session.headers["User-Agent"] = user_agent(contact)
    return session


@dataclass(frozen=True)
class Response:
    """A good answer, from the network or the cache."""

    url: str  # with its query string: what provenance cites
    text: str
    fetched_at: str  # when it came from the network, ISO 8601 UTC, even when read from the cache
    from_cache: bool = False

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def json(self) -> Any:
        return json.loads(self.text)


def full_url(url: str, params: Params | None) -> str:
    pairs = _pairs(params)
    return f"{url}?{urlencode(pairs)}" if pairs else url


def _pairs(params: Params | None) -> list[tuple[str, str]]:
    """Flatten params to (key, value) pairs; a list value repeats its key, as the APIs expect."""
    if not params:
        return []
    items = params.items() if isinstance(params, Mapping) else params
    pairs: list[tuple[str, str]] = []
    for key, value in items:
        values = value if isinstance(value, list | tuple) else [value]
        pairs.extend((key, _param_text(v)) for v in values if v is not None)
    return pairs


def _param_text(value: Any) -> str:
    if isinstance(value, bool):  # the APIs want true/false, not Python's True/False
        return "true" if value else "false"
    return str(value)


class DiskCache:
    """Good answers on disk, one JSON file per request, named by a hash of URL and params."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> Response | None:
        try:
            entry = json.loads(read_bounded(self._path(key), MAX_BODY_BYTES * 2))
            fields = (entry["url"], entry["text"], entry["fetched_at"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, InputError):
            # A damaged, oversized or irregular entry is a miss: fetched again and replaced.
            return None
        if not all(isinstance(value, str) for value in fields):
            return None
        return Response(*fields, from_cache=True)

    def put(self, key: str, response: Response) -> None:
        """Store a good answer. Raises ``OutputError`` if the cache folder cannot be written."""
        path = self._path(key)
        entry = {"url": response.url, "fetched_at": response.fetched_at, "text": response.text}
        # Written to a temporary file and renamed, so a crash never leaves half an entry; on any
        # failure (a full disk, Ctrl-C) the temporary file is removed.
        temporary: Path | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent,
                                             prefix=f".{path.stem[:16]}.", suffix=".tmp",
                                             delete=False) as handle:
                temporary = Path(handle.name)
                json.dump(entry, handle)
            os.replace(temporary, path)
        except BaseException as error:
            if temporary is not None:
                temporary.unlink(missing_ok=True)
            if isinstance(error, OSError):
                raise OutputError(f"cannot write the cache entry {path}: "
                                  f"{error.strerror or error}") from None
            raise


def cache_key(url: str, params: Params | None) -> str:
    canonical = "GET " + url + "?" + urlencode(sorted(_pairs(params)))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class _Retry(Exception):
    """One attempt failed in a way worth retrying; carries the error to raise if none is left."""

    def __init__(self, error: SourceError, wait: float | None = None) -> None:
        super().__init__(str(error))
        self.error = error
        self.wait = wait  # what the server asked for (Retry-After), if anything


class HttpClient:
    """GET with retries, back-off, a politeness delay and a cache. Raises ``SourceError``, or
    ``OutputError`` when a good answer cannot be written to the cache."""

    def __init__(
        self,
        session: requests.Session,
        cache: DiskCache | None = None,
        *,
        offline: bool = False,
        timeout: float = 30.0,
        deadline: float = 120.0,
        retries: int = 4,
        backoff: float = 1.0,
        max_wait: float = 300.0,
        delay: float = 0.75,
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        report: Callable[[str], None] | None = None,
    ) -> None:
        if offline and cache is None:
            raise ValueError("offline mode needs a cache")
        self.session = session
        self.cache = cache
        self.offline = offline
        self.timeout = timeout  # for the connection and for each read
        self.deadline = deadline  # for a whole answer, however slowly it arrives
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.delay = delay
        self.sleep = sleep
        self.monotonic = monotonic
        self.now = now
        self.report = report or (lambda message: None)
        self._last_request: float | None = None
        self._seen: dict[str, Response] = {}

    def get_json(self, url: str, params: Params | None = None,
                 validate: Validate | None = None) -> Any:
        """The parsed JSON at ``url``. Use :meth:`get` to keep the raw answer for provenance."""
        return self.get(url, params, expect_json=True, validate=validate).json()

    def get(self, url: str, params: Params | None = None, *, expect_json: bool = True,
            validate: Validate | None = None) -> Response:
        """The answer at ``url``. ``validate`` receives the parsed JSON and raises
        ``ResponseError`` if it is not what the endpoint must give: such an answer is neither
        used nor cached, and a good cached copy stays."""
        key = cache_key(url, params)
        if key in self._seen:
            return self._seen[key]
        if self.offline:
            response = self.cache.get(key) if self.cache else None
            if response is None:
                raise OfflineError("not in the cache; run once without --offline to fetch it",
                                   full_url(url, params))
            if expect_json and not _is_json(response.text):
                raise OfflineError("the cached copy is damaged; run once without --offline to "
                                   "fetch it again", full_url(url, params))
        else:
            response = self._fetch(url, params, expect_json, key, validate)
        if validate is not None and response.from_cache:
            validate(response.json())
        self._seen[key] = response
        return response

    def _fetch(self, url: str, params: Params | None, expect_json: bool, key: str,
               validate: Validate | None = None) -> Response:
        shown = full_url(url, params)
        for attempt in range(self.retries + 1):
            try:
                response, cacheable = self._attempt(url, params, expect_json, shown)
            except _Retry as failure:
                if attempt == self.retries:
                    raise _final(failure.error, self.retries + 1) from None
                wait = max(failure.wait or 0.0, self.backoff * 2**attempt)
                if wait > self.max_wait:
                    raise NetworkError(f"{failure.error.message}; the service asked us to wait "
                                       f"{wait:.0f}s, so try again later", shown) from None
                self.report(f"{shown}: {failure.error.message}; retrying in {wait:g}s "
                            f"(attempt {attempt + 2} of {self.retries + 1})")
                self.sleep(wait)
                continue
            if validate is not None:
                validate(response.json())
            if cacheable and self.cache is not None:
                self.cache.put(key, response)
            return response
        raise AssertionError("unreachable")  # the loop returns or raises

    def _attempt(self, url: str, params: Params | None, expect_json: bool,
                 shown: str) -> tuple[Response, bool]:
        self._wait_turn()
        started = self.monotonic()
        try:
            raw = self.session.get(url, params=_pairs(params), timeout=self.timeout, stream=True)
        except requests.Timeout:
            raise _Retry(NetworkError(f"no answer within {self.timeout:g}s (timed out)",
                                      shown)) from None
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as error:
            hopeless = _hopeless(error)
            if hopeless:
                raise NetworkError(f"cannot connect: {hopeless}; not retried", shown) from None
            raise _Retry(NetworkError(f"connection failed ({type(error).__name__})",
                                      shown)) from None
        except requests.RequestException as error:  # a bad URL: retrying cannot help
            raise SourceError(f"request failed: {error}", shown) from None
        finally:
            self._last_request = self.monotonic()
        try:
            if raw.status_code == 404:
                raise NotFoundError("not found (HTTP 404); check the date, UIN or id", shown)
            if raw.status_code in RETRY_STATUSES:
                raise _Retry(NetworkError(f"HTTP {raw.status_code} {raw.reason or ''}".strip(),
                                          shown),
                             retry_after(raw.headers.get("Retry-After"), self.now()))
            if raw.status_code >= 400:
                raise ResponseError(f"HTTP {raw.status_code} {raw.reason or ''}".strip(), shown)
            body = self._body(raw, shown, started)
        finally:
            raw.close()
        redirected = bool(raw.history)
        # requests would read an HTML page without a charset as Latin-1; these are UTF-8.
        charset = raw.encoding if "charset" in raw.headers.get("Content-Type", "").lower() \
            else "utf-8"
        try:
            text = body.decode(charset or "utf-8", errors="replace")
        except LookupError:
            text = body.decode("utf-8", errors="replace")
        if expect_json:
            try:
                json.loads(text)
            except (ValueError, RecursionError) as error:
                # Often a body cut short in transit, so worth another try.
                hint = f" after a redirect to {raw.url}" if redirected else ""
                raise _Retry(ResponseError(f"malformed JSON{hint} ({error})", shown)) from None
        fetched_at = self.now().astimezone(UTC).isoformat(timespec="seconds")
        return Response(shown, text, fetched_at), not redirected

    def _body(self, raw: requests.Response, shown: str, started: float) -> bytes:
        """The answer's body: at most ``MAX_BODY_BYTES``, complete within ``deadline`` seconds
        of the request, however slowly the server sends it."""
        declared = raw.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
            raise ResponseError(_too_large(int(declared)), shown)
        stream = raw.raw
        read = getattr(stream, "read1", None) or stream.read  # read1: one receive at a time
        parts, size = [], 0
        try:
            while chunk := read(64 * 1024, decode_content=True):
                size += len(chunk)
                if size > MAX_BODY_BYTES:
                    raise ResponseError(_too_large(size), shown)
                if self.monotonic() - started > self.deadline:
                    raise NetworkError(f"no complete answer within {self.deadline:g}s (the "
                                       f"server sent {size:,} bytes); try again later", shown)
                parts.append(chunk)
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as error:
            raise _Retry(NetworkError(f"connection failed ({type(error).__name__})",
                                      shown)) from None
        return b"".join(parts)

    def _wait_turn(self) -> None:
        """Keep at least ``delay`` seconds between requests to the same services."""
        if self._last_request is None:
            return
        remaining = self.delay - (self.monotonic() - self._last_request)
        if remaining > 0:
            self.sleep(remaining)


def _hopeless(error: BaseException) -> str | None:
    """Why no retry can cure this connection failure (DNS, refused, no route), or None.

    requests wraps the socket's error in urllib3's; the chain is walked through causes, urllib3's
    ``reason`` and exception arguments."""
    stack, seen = [error], set()
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, socket.gaierror):
            return "the host name could not be looked up (is the network up, and the address right?)"
        if isinstance(current, ConnectionRefusedError):
            return "the connection was refused (is the address right, and the service up?)"
        if isinstance(current, OSError) and current.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
            return "no route to the host (is the network up?)"
        linked = (current.__cause__, current.__context__, getattr(current, "reason", None),
                  getattr(current, "_reason", None), *current.args)
        stack.extend(e for e in linked if isinstance(e, BaseException))
    return None


def _too_large(size: int) -> str:
    return (f"the answer is larger than {MAX_BODY_BYTES // (1024 * 1024)} MB ({size:,} bytes "
            "so far), more than any statement or request claimcheck reads; not kept")


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def _final(error: SourceError, attempts: int) -> SourceError:
    """The last failure, saying how many attempts were made."""
    return type(error)(f"{error.message} (gave up after {attempts} attempts)", error.url)


def retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a Retry-After header, given as seconds or as an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None  # unreadable: fall back to our own back-off
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())
