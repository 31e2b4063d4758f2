"""`claimcheck check --format html,csv,claimreview`: the extra outputs, written as cli.py writes
them, together with findings.json and report.md."""

import datetime as dt
import json

import pytest

from claimcheck.cli.outputs import extra_outputs, parse_formats
from claimcheck.errors import InputError
from claimcheck.outputs.report import write_reports
from claimcheck.review.store import decide

FIXED = dt.datetime(2026, 1, 5, tzinfo=dt.UTC)


def write_extra_formats(result, out, formats, reviews, when):
    extra = extra_outputs(result, out, formats, reviews, when)
    return write_reports(result, out, when, reviews, extra=extra)[2:]


def test_each_format_is_written_atomically_beside_the_reports(seed_result, tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_ORGANISATION", "defenddigitalme")
    monkeypatch.setenv("CLAIMCHECK_SITE_URL", "https://example.org/briefing")
    monkeypatch.setenv("CLAIMCHECK_CLAIMREVIEW", "all")
    paths = write_extra_formats(seed_result, tmp_path, "html,csv,claimreview", {}, FIXED)
    assert [p.name for p in paths] == ["report.html", "findings.csv", "claimreview.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["findings.json", "report.md", *(p.name for p in paths)])
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    reviews = json.loads((tmp_path / "claimreview.json").read_text(encoding="utf-8"))
    assert reviews[0]["author"]["name"] == "defenddigitalme"
    assert reviews[0]["url"].startswith("https://example.org/briefing/report.html#finding-")
    assert reviews[0]["datePublished"] == "2026-01-05"


def test_review_status_reaches_every_format(seed_result, pq42842, tmp_path):
    reviews = {pq42842.id: decide(pq42842, "confirmed", "A. Reviewer", dt.date(2026, 1, 5))}
    write_extra_formats(seed_result, tmp_path, ["html", "csv"], reviews, FIXED)
    assert "confirmed by A. Reviewer" in (tmp_path / "report.html").read_text(encoding="utf-8")
    assert ",confirmed,A. Reviewer,2026-01-05," in (tmp_path / "findings.csv").read_text(
        encoding="utf-8")


@pytest.mark.parametrize("value, expected", [
    ("html", ("html",)), ("csv, HTML,csv", ("csv", "html")), ("", ()),
    (["claimreview", "html"], ("claimreview", "html")),
])
def test_parse_formats(value, expected):
    assert parse_formats(value) == expected


def test_an_unknown_format_is_a_usage_error_naming_the_choices():
    with pytest.raises(InputError) as error:
        parse_formats("html,pdf")
    assert str(error.value) == ("field '--format': unknown format 'pdf': choose from html, csv, "
                                "claimreview")
