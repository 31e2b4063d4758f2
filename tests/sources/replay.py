"""Recorded responses and the fake clock the sources tests replay them with.

Nothing here touches the live network: ``responses`` answers every request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests
import responses

from claimcheck.sources.http import DiskCache, HttpClient
from claimcheck.sources.parliament import ParliamentApis

RECORDINGS = Path(__file__).parent / "recordings"

QUESTIONS = "https://questions.test"
HANSARD = "https://hansard.test"
MEMBERS = "https://members.test"
WDTK = "https://wdtk.test"
APIS = ParliamentApis(QUESTIONS, HANSARD, MEMBERS)


def recording(name: str) -> str:
    return (RECORDINGS / name).read_text(encoding="utf-8")


@dataclass
class FakeClock:
    """Time that passes only when something sleeps; records every sleep."""

    start: datetime = datetime(2024, 3, 1, 12, 0, 0, tzinfo=UTC)
    elapsed: float = 0.0
    sleeps: list[float] = field(default_factory=list)

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.elapsed += seconds

    def monotonic(self) -> float:
        return self.elapsed

    def now(self) -> datetime:
        return self.start + timedelta(seconds=self.elapsed)


def make_http(cache_dir: Path, clock: FakeClock, **options) -> HttpClient:
    return HttpClient(requests.Session(), DiskCache(cache_dir), sleep=clock.sleep,
                      monotonic=clock.monotonic, now=clock.now, **options)


def serve(mock: responses.RequestsMock, url: str, name: str, **options) -> None:
    content_type = "text/html" if name.endswith(".html") else "application/json"
    mock.get(url, body=recording(name), content_type=content_type, **options)


def serve_question(mock: responses.RequestsMock, name: str, qid: int, tabled: str,
                   uin: str) -> None:
    base = f"{QUESTIONS}/api/writtenquestions/questions"
    serve(mock, f"{base}/{qid}", name)
    serve(mock, f"{base}/{tabled}/{uin}", name)


def serve_gibb(mock: responses.RequestsMock) -> None:
    serve(mock, f"{MEMBERS}/api/Members/111/Biography", "member_111_biography.json")
