"""Every answer is validated at the boundary, one schema per endpoint: an odd field is one
``ResponseError`` naming the URL (never a traceback), only answers that validate are cached, and
paging stops at a cap whatever ``totalResults`` says."""

from __future__ import annotations

import json

import pytest
import responses

from claimcheck.errors import ResponseError
from claimcheck.sources import parliament as parliament_module
from claimcheck.sources.parliament import Parliament, QuestionSearch
from claimcheck.sources.wdtk import WhatDoTheyKnow

from ..sources.replay import (
    APIS,
    QUESTIONS,
    WDTK,
    FakeClock,
    make_http,
    recording,
    serve,
    serve_gibb,
)

QUESTION = f"{QUESTIONS}/api/writtenquestions/questions/410212"
LISTING = f"{QUESTIONS}/api/writtenquestions/questions"
TITLE = "data_sharing_between_dfe_and_hom"


@pytest.fixture
def mocked():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


def _parliament(tmp_path, **options) -> Parliament:
    return Parliament(make_http(tmp_path / "cache", FakeClock(), retries=0, **options), APIS)


def _question(**changes) -> str:
    payload = json.loads(recording("question_42842.json"))
    payload["value"].update(changes)
    return json.dumps(payload)


def test_an_answer_that_does_not_validate_never_replaces_a_good_cached_one(mocked, tmp_path):
    serve_gibb(mocked)
    mocked.get(QUESTION, body=recording("question_42842.json"))
    good = _parliament(tmp_path).question(question_id=410212)
    mocked.replace(responses.GET, QUESTION, body='{"value": null}')
    with pytest.raises(ResponseError, match="no 'value' object"):
        _parliament(tmp_path).question(question_id=410212)
    offline = _parliament(tmp_path, offline=True).question(question_id=410212)
    assert [i.body for i in offline] == [i.body for i in good]


@pytest.mark.parametrize("field, value", [
    ("id", "abc"), ("id", {}), ("id", True), ("uin", 42842), ("uin", ["x"]),
    ("answeringMember", "x"), ("answeringMemberId", "x"), ("dateAnswered", 20160725),
    ("answerText", {"html": "x"}), ("answerIsCorrection", "yes"), ("house", 3),
])
def test_an_odd_question_field_is_one_error(field, value, mocked, tmp_path):
    serve_gibb(mocked)
    mocked.get(QUESTION, body=_question(**{field: value}))
    with pytest.raises(ResponseError) as caught:
        _parliament(tmp_path).question(question_id=410212)
    assert field in str(caught.value) and QUESTION in str(caught.value)


@pytest.mark.parametrize("field, value", [
    ("public_body", "x"), ("user", "x"), ("info_request_events", "x"), ("title", {}),
    ("described_state", []),
])
def test_an_odd_request_field_is_one_error(field, value, mocked, tmp_path):
    payload = json.loads(recording("wdtk_request.json"))
    payload[field] = value
    mocked.get(f"{WDTK}/request/{TITLE}.json", body=json.dumps(payload))
    serve(mocked, f"{WDTK}/request/{TITLE}", "wdtk_request.html")
    http = make_http(tmp_path / "cache", FakeClock(), retries=0)
    with pytest.raises(ResponseError, match=field):
        WhatDoTheyKnow(http, WDTK).request(TITLE)


@pytest.mark.parametrize("payload, message", [
    ({"results": [], "totalResults": "many"}, "totalResults"),
    ({"results": [{"value": {"uin": "1"}}], "totalResults": 1}, "id"),
    ({"results": ["x"], "totalResults": 1}, "value"),
    ({"results": [{"value": {"id": "abc"}}], "totalResults": 1}, "id"),
], ids=["totalResults many", "no id", "not an object", "id not a number"])
def test_an_odd_search_answer_is_one_error(payload, message, mocked, tmp_path):
    mocked.get(LISTING, body=json.dumps(payload))
    with pytest.raises(ResponseError, match=message):
        list(_parliament(tmp_path).question_ids(QuestionSearch(text="x")))


def test_paging_stops_at_the_cap_whatever_totalresults_says(mocked, tmp_path):
    page = {"results": [{"value": {"id": n}} for n in range(20)], "totalResults": 1e9}
    mocked.get(LISTING, body=json.dumps(page))
    found = list(_parliament(tmp_path).question_ids(QuestionSearch(text="x")))
    assert len(found) == parliament_module.MAX_RESULTS
    assert len(mocked.calls) == parliament_module.MAX_RESULTS // 20
