"""Hostile text in statements and evidence is reported as inert text in every output.

One corpus carries every kind of hostile text in every field a report shows (speaker, role,
reference, title, the statement and the evidence quoted). ``OUTPUTS`` lists each output format
with the check that says it is inert there. To cover a new format, add one ``Output`` to the list:
a function from ``CheckResult`` to the text written, and a check of that text.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli.root import app
from claimcheck.cli.support import terminal_safe
from claimcheck.corpus.load import MAX_LINE_CHARS, load_corpus
from claimcheck.model import CheckResult, Verdict
from claimcheck.outputs.exports import claimreview_json, findings_csv
from claimcheck.outputs.html_report import html_report
from claimcheck.outputs.report import (
    findings_chunks,
    findings_document,
    json_text,
    markdown_report,
)
from claimcheck.pipeline.run import check_corpus, lexicon_for

from ..conftest import shared_embedder

HOSTILE = {
    "html": "<img src=x onerror=alert(1)>",
    "script": "<script>alert(document.cookie)</script>",
    "markdown link": "[the official record](javascript:alert(1))",
    "markdown image": "![seal](https://evil.example/track.png)",
    "autolink": "<https://evil.example/phish>",
    "formula": '=HYPERLINK("https://evil.example","click here")',
    "formula plus": "+cmd|' /C calc'!A0",
    "formula at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "formula minus": "-2+3+cmd|' /C calc'!A0",
    "terminal escape": "\x1b[2J\x1b]0;owned\x07\x1b[31mRED",
    "c1 escape": "\x9b2J",
    "right-to-left override": "\u202egnp.exe\u202c",
    "isolate": "\u2067hidden\u2069",
}
ALL = " ".join(HOSTILE.values())
# What no output may hold raw: C0 controls but tab and newline, DEL, C1 controls, bidi controls.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _yaml_quoted(text: str) -> str:
    """A YAML double-quoted scalar (escapes ESC and the like, which YAML forbids raw)."""
    return json.dumps(text)


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("hostile")
    claims, evidence = root / "claims", root / "evidence"
    claims.mkdir()
    evidence.mkdir()
    (claims / "evil.md").write_text(
        "---\ndate: 2016-09-26\nvenue: press\n"
        f"speaker: {_yaml_quoted('Nick Gibb ' + ALL)}\n"
        f"role: {_yaml_quoted(HOSTILE['formula'])}\n"
        f"reference: {_yaml_quoted(HOSTILE['markdown link'])}\n"
        f"url: {_yaml_quoted('javascript:alert(1)')}\n"
        "---\nThe data will not be passed to the Home Office " + ALL + ".\n", encoding="utf-8")
    (evidence / "record.md").write_text(
        "---\ndate: 2016-08-01\n"
        f"title: {_yaml_quoted('Record ' + ALL)}\n"
        f"reference: {_yaml_quoted(HOSTILE['formula plus'])}\n"
        f"url: {_yaml_quoted('https://example.org/a b<script>')}\n"
        "---\nThe Department shares pupil data with the Home Office " + ALL + ".\n",
        encoding="utf-8")
    return claims, evidence


@pytest.fixture(scope="module")
def result(hostile_corpus, nlp) -> CheckResult:
    claims, evidence = hostile_corpus
    return check_corpus(load_corpus(claims, evidence), nlp, lexicon_for(claims), embedder=shared_embedder())


def test_the_hostile_corpus_yields_a_finding_that_quotes_it(result):
    assert result.problems == ()
    finding, = [f for f in result.findings if f.verdict is Verdict.CONTRADICTED]
    assert "<script>" in finding.claim.text
    assert "<script>" in finding.evidence[0].title


# ---------------------------------------------------------------------- per output format

@dataclass(frozen=True)
class Output:
    name: str
    render: Callable[[CheckResult], str]
    inert: Callable[[str, CheckResult], None]   # raises AssertionError if the text is not inert


def _json_inert(text: str, result: CheckResult) -> None:
    document = json.loads(text)                          # valid JSON
    assert json.loads(json_text(document)) == document   # round-trips
    assert UNSAFE.search(text) is None, "controls and bidi marks must be \\u-escaped"
    found = [f for f in document["findings"] if f["verdict"] == "contradicted"]
    # The hostile text is there as data, whole: a consumer sees exactly what the minister's
    # file said (less control characters), and decides how to show it.
    assert "<script>alert(document.cookie)</script>" in found[0]["claim"]
    assert HOSTILE["formula"] == found[0]["statement"]["role"]
    assert "\u202egnp.exe\u202c" in found[0]["evidence"][0]["title"]
    assert "\x1b" not in json.dumps(document, ensure_ascii=False)


def _markdown_inert(text: str, result: CheckResult) -> None:
    assert UNSAFE.search(text) is None
    # The only "<" left unescaped open the report's own autolinks of http(s) URLs, percent-encoded.
    text = re.sub(r"<https?://[^\s<>\\]*>", "", text)
    # Every other "<" is backslash-escaped: CommonMark shows it and starts no HTML or autolink.
    assert re.search(r"(?<!\\)<", text) is None
    # No link or image can form: every "[" and "]" is escaped.
    assert re.search(r"(?<!\\)[\[\]]", text) is None


def _markdown_quotes_it(text: str, result: CheckResult) -> None:
    _markdown_inert(text, result)
    assert "\\<script\\>alert(document.cookie)\\</script\\>" in text
    assert "javascript:alert(1)" in text   # shown as text, not linked


def _html_inert(text: str, result: CheckResult) -> None:
    assert UNSAFE.search(text) is None
    # The page's own markup is its business; the outside text must appear only escaped.
    for payload in (HOSTILE["html"], HOSTILE["script"], HOSTILE["autolink"]):
        assert payload not in text, payload
    assert "&lt;script&gt;alert(document.cookie)&lt;/script&gt;" in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    # No outside value becomes a link target that runs script.
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", text, re.I)


def _csv_inert(text: str, result: CheckResult) -> None:
    # CRLF ends every row, as RFC 4180 asks; any other control character came from outside.
    assert UNSAFE.search(text.replace("\r\n", "\n")) is None
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) > 1
    for row in rows:
        for cell in row:
            # A spreadsheet runs a cell that starts with = + - @ (or tab or CR) as a formula.
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert any(HOSTILE["formula"] in cell for row in rows for cell in row)   # kept, as text


def _claimreview_inert(text: str, result: CheckResult) -> None:
    _json_inert_values(text)
    reviews = json.loads(text)
    assert any("<script>alert(document.cookie)</script>" in r["claimReviewed"] for r in reviews)


def _json_inert_values(text: str) -> None:
    json.loads(text)
    assert UNSAFE.search(text) is None, "controls and bidi marks must be \\u-escaped"


OUTPUTS = [
    # As write_reports writes it: streamed, one finding at a time.
    Output("findings.json", lambda r: "".join(findings_chunks(r)), _json_inert),
    Output("report.md", markdown_report, _markdown_quotes_it),
    Output("report.html", html_report, _html_inert),
    Output("findings.csv", findings_csv, _csv_inert),
    Output("claimreview.json", lambda r: claimreview_json(r, decided_only=False),
           _claimreview_inert),
]


@pytest.mark.parametrize("output", OUTPUTS, ids=lambda o: o.name)
def test_hostile_text_is_inert_in(output: Output, result):
    output.inert(output.render(result), result)


# ---------------------------------------------------------------------- the terminal

def _assert_terminal_safe(text: str) -> None:
    assert "\x1b" not in text and "\x9b" not in text and "\x07" not in text


def test_the_check_command_prints_no_escape_sequences(hostile_corpus, tmp_path):
    claims, evidence = hostile_corpus
    done = CliRunner().invoke(app, ["check", "--claims", str(claims), "--evidence",
                                    str(evidence), "--out", str(tmp_path)])
    assert done.exit_code == 0, done.output
    _assert_terminal_safe(done.stdout + done.stderr)
    document = json.loads((tmp_path / "findings.json").read_text(encoding="utf-8"))
    assert document["summary"]["claims"] >= 1


def test_the_claims_command_prints_no_escape_sequences(hostile_corpus):
    claims, _ = hostile_corpus
    done = CliRunner().invoke(app, ["claims", str(claims / "evil.md")])
    assert done.exit_code == 0, done.output
    _assert_terminal_safe(done.stdout + done.stderr)
    assert "<script>" in done.stdout


def test_an_error_line_naming_a_hostile_file_is_safe(tmp_path):
    name = tmp_path / "\x1b[2J\u202eevil.md"
    done = CliRunner().invoke(app, ["claims", str(name)])
    assert done.exit_code == 1
    assert UNSAFE.search(done.stderr) is None
    assert done.stderr.startswith("claimcheck: ") and done.stderr.count("\n") == 1


def test_every_printed_line_is_free_of_controls_and_bidi_marks(hostile_corpus, tmp_path):
    claims, evidence = hostile_corpus
    (claims / "\x1b[2J\u202ebroken.md").write_text("no front matter", encoding="utf-8")
    try:
        check = CliRunner().invoke(app, ["check", "--claims", str(claims), "--evidence",
                                         str(evidence), "--out", str(tmp_path)])
        shown = CliRunner().invoke(app, ["claims", str(claims / "evil.md")])
    finally:
        (claims / "\x1b[2J\u202ebroken.md").unlink()
    assert UNSAFE.search(check.stdout + check.stderr + shown.stdout) is None


def test_review_and_correction_print_no_escape_sequences(hostile_corpus, tmp_path,
                                                        monkeypatch):
    claims, evidence = hostile_corpus
    monkeypatch.chdir(tmp_path)   # their cache is .claimcheck-cache in the working folder
    corpus = ["--claims", str(claims), "--evidence", str(evidence)]
    reviews = ["--reviews", str(tmp_path / "reviews.toml")]
    listed = CliRunner().invoke(app, ["review", *corpus, *reviews])
    assert listed.exit_code == 0, listed.output
    finding = json.loads(CliRunner().invoke(app, ["check", *corpus, "--out", str(tmp_path / "r")])
                         and (tmp_path / "r" / "findings.json").read_text())["findings"]
    wanted = next(f["id"] for f in finding if f["verdict"] == "contradicted")
    shown = CliRunner().invoke(app, ["review", wanted, *corpus, *reviews])
    hostile_by = "A. Reviewer " + HOSTILE["terminal escape"] + HOSTILE["right-to-left override"]
    decided = CliRunner().invoke(app, ["review", wanted, "--confirm", "--by", hostile_by,
                                       "--note", HOSTILE["terminal escape"], *corpus, *reviews])
    shown_again = CliRunner().invoke(app, ["review", wanted, *corpus, *reviews])
    letter = CliRunner().invoke(app, ["correction", wanted, *corpus, *reviews, "--out",
                                      str(tmp_path / "r"), "--by", hostile_by])
    for done in (listed, shown, decided, shown_again, letter):
        assert done.exit_code == 0, done.output
        assert UNSAFE.search(done.stdout + done.stderr) is None, done.output
    assert "<script>" in listed.stdout + shown.stdout


def test_terminal_safe_strips_what_a_terminal_would_act_on():
    assert terminal_safe("a\x1b[31mb\x9bc\u202ed\re\tf\ng\x00") == "a[31mbcde\tf\ng"


# ---------------------------------------------------------------------- a megabyte-long line

def test_a_megabyte_line_is_cut_reported_and_quick(tmp_path, nlp):
    claims, evidence = tmp_path / "claims", tmp_path / "evidence"
    claims.mkdir()
    evidence.mkdir()
    line = (ALL.replace("\x1b", "") + " ") * (1024 * 1024 // len(ALL))
    (claims / "long.md").write_text(
        "---\ndate: 2016-09-26\nspeaker: Nick Gibb\nvenue: press\n---\n"
        "The data will not be passed to the Home Office.\n" + line + "\n", encoding="utf-8")
    (evidence / "long.md").write_text(
        "---\ndate: 2016-08-01\ntitle: Record\n---\n"
        "The Department shares pupil data with the Home Office.\n" + line + "\n",
        encoding="utf-8")

    started = time.perf_counter()
    loaded = load_corpus(claims, evidence)
    result = check_corpus(loaded, nlp, lexicon_for(claims), embedder=shared_embedder())
    elapsed = time.perf_counter() - started

    # Uncut, the line alone would keep spaCy busy for about 30 s in each file.
    assert elapsed < 10, f"{elapsed:.1f}s: a long line must not stall the run"
    cut = line.rfind(" ", 0, MAX_LINE_CHARS)   # at a space, not inside a word
    assert [str(p) for p in loaded.problems] == [
        f"{claims / 'long.md'}: line 7: is {len(line):,} characters long; only its first "
        f"{cut:,} were read (break it into paragraphs)",
        f"{evidence / 'long.md'}: line 6: is {len(line):,} characters long; only its first "
        f"{cut:,} were read (break it into paragraphs)"]
    assert all(len(s.text) < MAX_LINE_CHARS + 100 for s in loaded.statements)
    assert any(f.verdict is Verdict.CONTRADICTED for f in result.findings)
    document = json.loads(json_text(findings_document(result)))
    assert len(document["problems"]) == 2
    _markdown_inert(markdown_report(result), result)
