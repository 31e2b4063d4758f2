"""WhatDoTheyKnow requests as evidence."""

from __future__ import annotations

import frontmatter
import pytest

from claimcheck.errors import InputError, ResponseError
from claimcheck.sources.wdtk import WhatDoTheyKnow, event_day, site_from_env, url_title_of

from .replay import WDTK, recording, serve

TITLE = "data_sharing_between_dfe_and_hom"


def test_a_request_becomes_evidence_disclosed_on_the_first_response(mocked, http, writer):
    serve(mocked, f"{WDTK}/request/{TITLE}.json", "wdtk_request.json")
    serve(mocked, f"{WDTK}/request/{TITLE}", "wdtk_request.html")

    result = writer.write(WhatDoTheyKnow(http, WDTK).request(TITLE))

    assert result.path.name == f"2016-10-14-foi-{TITLE}.md"
    post = frontmatter.load(result.path)
    assert post["title"] == "Data sharing between DfE and Home Office"
    assert post["kind"] == "foi-response"
    # 00:30 on 14 October in London is still 13 October in UTC: the London day counts.
    assert post["disclosed"] == "2016-10-14"
    assert post["date"] == "2016-10-14"
    assert post["authority"] == "Department for Education"
    assert post["status"] == "partially_successful"
    assert post["url"] == f"{WDTK}/request/{TITLE}"
    assert post["attachments"] == [
        f"{WDTK}/request/{TITLE}/response/912345/attach/2/FOI%202016%200032573%20response.pdf",
        f"{WDTK}/request/{TITLE}/response/930077/attach/3/MOU%20DfE%20HO%20v1.0.pdf",
    ]
    assert post.content.startswith('Freedom of Information request "Data sharing between DfE '
                                   'and Home Office" to Department for Education, made on '
                                   "5 August 2016 by defend digital me.")
    assert "licence" not in post.metadata  # not Parliamentary information


def test_a_request_with_no_response_is_a_clear_error(mocked, http):
    unanswered = recording("wdtk_request.json").replace('"event_type": "response"',
                                                         '"event_type": "overdue"')
    mocked.get(f"{WDTK}/request/{TITLE}.json", body=unanswered)

    with pytest.raises(ResponseError, match="has not responded to this request yet"):
        WhatDoTheyKnow(http, WDTK).request(TITLE)


def test_a_request_can_be_named_by_its_address():
    assert url_title_of(f"https://www.whatdotheyknow.com/request/{TITLE}#incoming-1") == TITLE
    with pytest.raises(InputError, match="is not a WhatDoTheyKnow request"):
        url_title_of("not a request")


def test_timestamps_keep_their_london_day():
    assert str(event_day("2023-07-07T18:13:51.629+01:00")) == "2023-07-07"
    assert event_day("yesterday") is None


def test_the_site_comes_from_the_environment():
    assert site_from_env({"CLAIMCHECK_WDTK_URL": "http://127.0.0.1:9000/"}) == \
        "http://127.0.0.1:9000"
    assert site_from_env({}) == "https://www.whatdotheyknow.com"
