"""The `claimcheck fetch ...` and `claimcheck add` commands, run in-process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from claimcheck.cli import fetch as fetch_cli
from claimcheck.cli.fetch import add, fetch_app

from .replay import (
    HANSARD,
    MEMBERS,
    QUESTIONS,
    RECORDINGS,
    WDTK,
    FakeClock,
    make_http,
    serve,
    serve_gibb,
    serve_question,
)

REAL_HTTP = fetch_cli._http  # the run fixture replaces it

# The commands as cli.py registers them.
app = typer.Typer()
app.add_typer(fetch_app, name="fetch")
app.command("add")(add)


@pytest.fixture
def run(tmp_path, monkeypatch):
    """Run a command in tmp_path against the test services, with a clock that never sleeps."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CLAIMCHECK_QUESTIONS_API", QUESTIONS)
    monkeypatch.setenv("CLAIMCHECK_HANSARD_API", HANSARD)
    monkeypatch.setenv("CLAIMCHECK_MEMBERS_API", MEMBERS)
    monkeypatch.setenv("CLAIMCHECK_WDTK_URL", WDTK)
    monkeypatch.setattr(fetch_cli, "_http", lambda offline, cache_dir: make_http(
        cache_dir, FakeClock(), offline=offline))

    def invoke(*args: str):
        return CliRunner().invoke(app, list(args))
    return invoke


def files(folder: str) -> list[str]:
    path = Path(folder)
    return sorted(p.name for p in path.iterdir()) if path.exists() else []


@pytest.mark.parametrize("command", [["fetch", "question"], ["fetch", "statement"],
                                     ["fetch", "hansard"], ["fetch", "foi"], ["add"]])
def test_every_command_has_help(command):
    result = CliRunner().invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    first = result.output.split("Options")[0]
    assert len(first.strip().splitlines()) >= 3, "a command without help text"


def test_fetch_alone_shows_help():
    result = CliRunner().invoke(app, ["fetch"])
    assert "question" in result.output and "foi" in result.output


def test_fetch_a_question(mocked, run):
    serve_question(mocked, "question_42842.json", 410212, "2016-07-18", "42842")
    serve_gibb(mocked)

    result = run("fetch", "question", "42842", "--tabled", "2016-07-18")

    assert result.exit_code == 0, result.output
    assert result.stdout == "created claims/2016-07-25-pq-42842.md\n"
    assert files("claims") == ["2016-07-25-pq-42842.md"]


def test_a_rerun_works_offline_from_the_cache(mocked, run):
    serve_question(mocked, "question_42842.json", 410212, "2016-07-18", "42842")
    serve_gibb(mocked)
    assert run("fetch", "question", "--id", "410212").exit_code == 0
    mocked.reset()  # the network is gone

    result = run("fetch", "question", "--id", "410212", "--offline")

    assert result.exit_code == 0, result.output
    assert result.stdout == "unchanged claims/2016-07-25-pq-42842.md\n"


def test_offline_with_nothing_cached_is_one_line_and_exit_1(run):
    result = run("fetch", "question", "--id", "410212", "--offline")

    assert result.exit_code == 1
    assert result.stderr == (f"claimcheck: {QUESTIONS}/api/writtenquestions/questions/410212"
                             "?expandMember=true: not in the cache; run once without --offline "
                             "to fetch it\n")


def test_a_service_that_keeps_failing_leaves_no_file(mocked, run):
    mocked.get(f"{QUESTIONS}/api/writtenquestions/questions/410212", status=503)

    result = run("fetch", "question", "--id", "410212")

    assert result.exit_code == 1
    assert result.stderr.startswith("claimcheck: ")
    assert result.stderr.endswith("HTTP 503 Service Unavailable (gave up after 5 attempts)\n")
    assert files("claims") == [] and files("evidence") == []


def test_a_member_lookup_that_fails_leaves_no_file(mocked, run):
    serve_question(mocked, "question_42842.json", 410212, "2016-07-18", "42842")
    mocked.get(f"{MEMBERS}/api/Members/111/Biography", body='{"value": {"governmentPosts": [')

    result = run("fetch", "question", "--id", "410212")

    assert result.exit_code == 1
    assert "malformed JSON" in result.stderr
    assert files("claims") == []


def test_a_uin_needs_its_date(run):
    result = run("fetch", "question", "42842")
    assert result.exit_code == 1
    assert result.stderr == ("claimcheck: field '--tabled': a UIN needs the date the question was "
                             "tabled\n")


def test_fetch_question_with_nothing_to_fetch_says_what_to_give(run):
    result = run("fetch", "question")
    assert result.exit_code == 1
    assert result.stderr.startswith("claimcheck: give a UIN with --tabled, an --id, or a search")


def test_a_kept_hand_edit_is_reported(mocked, run):
    serve_question(mocked, "question_42842.json", 410212, "2016-07-18", "42842")
    serve_gibb(mocked)
    run("fetch", "question", "--id", "410212")
    path = Path("claims/2016-07-25-pq-42842.md")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "role: Minister of State for School Standards", "role: Schools Minister"), encoding="utf-8")

    result = run("fetch", "question", "--id", "410212", "--offline")

    assert result.exit_code == 0
    assert ("kept your edit of 'role' in claims/2016-07-25-pq-42842.md (the source says: "
            "Minister of State for School Standards)") in result.stderr
    assert "role: Schools Minister" in path.read_text(encoding="utf-8")


def test_fetch_a_statement_and_a_debate_and_a_request(mocked, run):
    base = f"{QUESTIONS}/api/writtenstatements/statements"
    serve(mocked, f"{base}/2017-11-27/HCWS272", "statement_HCWS272.json")
    serve(mocked, f"{QUESTIONS}/api/writtenquestions/questions/462871", "question_48635.json")
    debate = "6A0C5A5E-3B1A-4D47-9B61-2E1F4C0B5D21"
    serve(mocked, f"{HANSARD}/debates/debate/{debate}.json", "hansard_debate_lords_2016-10-12.json")
    serve(mocked, f"{WDTK}/request/data_sharing_between_dfe_and_hom.json", "wdtk_request.json")
    serve(mocked, f"{WDTK}/request/data_sharing_between_dfe_and_hom", "wdtk_request.html")

    statement = run("fetch", "statement", "HCWS272", "--date", "2017-11-27")
    hansard = run("fetch", "hansard", "--debate", debate, "--member", "4167")
    foi = run("fetch", "foi", "data_sharing_between_dfe_and_hom")

    assert statement.stdout == "created evidence/2017-11-27-hcws272.md\n"
    assert hansard.stdout.count("created claims/2016-10-12-hl-deb-") == 3
    assert foi.stdout == ("created evidence/2016-10-14-foi-data_sharing_between_dfe_and_hom.md\n")


def test_hansard_needs_something_to_look_for(run):
    result = run("fetch", "hansard")
    assert result.exit_code == 1
    assert result.stderr == "claimcheck: give --date, --member, --search or --debate\n"


def test_add_a_pdf(run, tmp_path):
    shutil.copy(RECORDINGS / "mou_extract.pdf", tmp_path / "mou.pdf")

    result = run("add", "mou.pdf", "--date", "2015-12-18", "--kind", "agreement",
                 "--disclosed", "2016-12-15", "--title", "MOU between the Home Office and DfE")

    assert result.exit_code == 0, result.output
    assert result.stdout == "created evidence/2015-12-18-mou.md\n"


def test_add_takes_a_day_first_date_like_corpus_files(run, tmp_path):
    (tmp_path / "letter.txt").write_text("The data will not be shared.", encoding="utf-8")

    result = run("add", "letter.txt", "--date", "25/07/2016", "--kind", "letter")

    assert result.exit_code == 0, result.output
    assert result.stdout == "created evidence/2016-07-25-letter.md\n"
    assert "date: '2016-07-25'" in (tmp_path / "evidence/2016-07-25-letter.md").read_text()


def test_add_a_missing_file(run):
    result = run("add", "nothing.pdf", "--date", "2015")
    assert result.exit_code == 1
    assert result.stderr == "claimcheck: nothing.pdf: no such file\n"


def test_fetch_shows_each_retry_and_its_wait(mocked, run, monkeypatch):
    import functools

    from claimcheck.sources import http

    clock = FakeClock()
    # The command's own client (not the fixture's), with a clock that never really sleeps.
    monkeypatch.setattr(fetch_cli, "_http", REAL_HTTP)
    monkeypatch.setattr(http, "HttpClient", functools.partial(
        http.HttpClient, sleep=clock.sleep, monotonic=clock.monotonic, now=clock.now))
    url = f"{QUESTIONS}/api/writtenquestions/questions/410212"
    mocked.get(url, status=503)
    serve_question(mocked, "question_42842.json", 410212, "2016-07-18", "42842")
    serve_gibb(mocked)

    result = run("fetch", "question", "--id", "410212")

    assert result.exit_code == 0, result.output
    assert (f"{url}?expandMember=true: HTTP 503 Service Unavailable; retrying in 1s "
            "(attempt 2 of 5)\n") in result.stderr
