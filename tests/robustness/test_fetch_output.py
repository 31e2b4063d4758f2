"""``claimcheck fetch`` prints what a server sent only through the terminal sanitiser."""

from __future__ import annotations

from pathlib import Path

import responses

from ..sources.replay import MEMBERS, recording, serve_gibb, serve_question
from ..sources.test_fetch_cli import run  # noqa: F401 - the fixture, with the test services
from .test_hostile_text import UNSAFE

HOSTILE_ROLE = "\x1b]0;owned\x07\x1b[2JMinister \u202eof State\u202c \x9b31m"


def test_a_hostile_value_from_the_server_is_printed_inert(run, tmp_path):  # noqa: F811
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mocked:
        serve_question(mocked, "question_42842.json", 410212, "2016-07-18", "42842")
        serve_gibb(mocked)
        assert run("fetch", "question", "--id", "410212").exit_code == 0
        path = Path("claims/2016-07-25-pq-42842.md")
        path.write_text(path.read_text(encoding="utf-8").replace(
            "role: Minister of State for School Standards", "role: Schools Minister"),
            encoding="utf-8")
        biography = recording("member_111_biography.json").replace(
            "Minister of State for School Standards", HOSTILE_ROLE.encode(
                "unicode_escape").decode().replace("\\x", "\\u00"))
        mocked.replace(responses.GET, f"{MEMBERS}/api/Members/111/Biography", body=biography)
        again = run("fetch", "question", "--id", "410212")
    assert again.exit_code == 0, again.output
    assert "kept your edit of 'role'" in again.stderr
    assert "Minister of State" in again.stderr
    assert UNSAFE.search(again.stdout + again.stderr) is None, repr(again.stderr)
