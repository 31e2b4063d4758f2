"""Fixtures for the sources tests: a fake clock, a replaying mock, an HTTP client, a writer."""

from __future__ import annotations

from pathlib import Path

import pytest
import responses

from claimcheck.sources.http import HttpClient
from claimcheck.sources.parliament import Parliament
from claimcheck.sources.writer import CorpusWriter

from .replay import APIS, FakeClock, make_http


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def mocked():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def http(cache_dir: Path, clock: FakeClock) -> HttpClient:
    return make_http(cache_dir, clock)


@pytest.fixture
def parliament(http: HttpClient) -> Parliament:
    return Parliament(http, APIS)


@pytest.fixture
def writer(tmp_path: Path) -> CorpusWriter:
    return CorpusWriter(tmp_path / "claims", tmp_path / "evidence")
