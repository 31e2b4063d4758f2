"""No file lands outside its folder, whatever names a server sends.

A file name built from outside data (a question's UIN, a statement's UIN, a Hansard contribution id,
a WhatDoTheyKnow URL title, a local file's name) is reduced to a safe slug, and the path is checked
to stay in its folder.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import responses

from claimcheck.errors import ResponseError
from claimcheck.sources.parliament import Parliament
from claimcheck.sources.wdtk import WhatDoTheyKnow
from claimcheck.sources.writer import CorpusWriter, Item, Provenance, safe_stem

from ..sources.replay import APIS, QUESTIONS, WDTK, FakeClock, make_http, recording, serve

ESCAPES = ["../../../../tmp/x", "..", "/etc/passwd", "a/../../b", "..\\..\\x", "x\x00y",
           "CON", ".hidden", "-", "~/x", "é" * 300]


@pytest.fixture
def mocked():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


@pytest.fixture
def http(tmp_path):
    return make_http(tmp_path / "cache", FakeClock())


def _files_outside(root: Path, folders: list[Path]) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()
            and not any(p.parent == folder for folder in folders)
            and "cache" not in p.relative_to(root).parts]


@pytest.mark.parametrize("uin", ESCAPES[:5])
def test_a_uin_from_the_server_cannot_write_outside_claims(uin, mocked, http, tmp_path):
    payload = json.loads(recording("question_42842.json"))
    payload["value"]["uin"] = uin
    mocked.get(f"{QUESTIONS}/api/writtenquestions/questions/410212", body=json.dumps(payload))
    serve(mocked, "https://members.test/api/Members/111/Biography", "member_111_biography.json")
    root = tmp_path / "corpus"
    claims, evidence = root / "claims", root / "evidence"

    items = Parliament(http, APIS).question(question_id=410212)
    results = [CorpusWriter(claims, evidence).write(item) for item in items]

    assert [r.path.parent for r in results] == [claims]
    assert _files_outside(tmp_path, [claims, evidence]) == []


def test_a_url_title_from_the_server_is_refused(mocked, http, tmp_path):
    title = "data_sharing_between_dfe_and_hom"
    payload = json.loads(recording("wdtk_request.json"))
    payload["url_title"] = "../../../../tmp/x"
    mocked.get(f"{WDTK}/request/{title}.json", body=json.dumps(payload))
    serve(mocked, f"{WDTK}/request/{title}", "wdtk_request.html")
    with pytest.raises(ResponseError, match="url_title"):
        WhatDoTheyKnow(http, WDTK).request(title)


@pytest.mark.parametrize("stem", ESCAPES)
def test_every_stem_becomes_a_file_in_its_folder(stem, tmp_path):
    claims, evidence = tmp_path / "claims", tmp_path / "evidence"
    item = Item("statement", f"test/{stem}", stem, {"date": "2016-07-25"}, "Text.",
                Provenance("https://api.test/x", "test", "2024-03-01T12:00:00", "a" * 64))
    result = CorpusWriter(claims, evidence).write(item)
    assert result.path.parent == claims
    assert result.path.name.endswith(".md") and not result.path.name.startswith((".", "-"))
    assert len(result.path.name.encode()) <= 120
    assert _files_outside(tmp_path, [claims, evidence]) == []


@pytest.mark.parametrize("stem, slug", [
    ("2016-07-25-pq-42842", "2016-07-25-pq-42842"),
    ("2016-10-14-foi-data_sharing", "2016-10-14-foi-data_sharing"),
    ("2016-07-25-pq-../../x", "2016-07-25-pq-x"),
    ("", "item"),
    ("..", "item"),
])
def test_safe_stems(stem, slug):
    assert safe_stem(stem) == slug
