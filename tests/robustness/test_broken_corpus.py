"""Broken corpus files: each is named with the field or line that is wrong, in one line.

The table below is the contract. Each case is one file beside a good statement and a good evidence
file; ``message`` is the exact text of the problem (``{path}`` is the file). By default the file
is skipped (or, for ``loads=True``, used with the problem noted) and the rest of the corpus loads;
with ``strict=True`` the same text is raised as a ``CorpusError``. A case with no message loads
cleanly.
"""

from __future__ import annotations

import json
import os
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from claimcheck.cli.root import app
from claimcheck.corpus.load import MAX_LINE_CHARS, load_corpus
from claimcheck.dates import PartialDate
from claimcheck.errors import CorpusError

from .conftest import GOOD_STATEMENT, evidence, statement

Setup = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    name: str
    content: str | bytes | Setup
    message: str | None          # the exact problem, "{path}" standing for the file
    folder: str = "claims"
    loads: bool = False          # the item is used despite the problem
    check: Callable | None = None  # more to assert about the loaded item
    yaml_syntax: bool = False    # the wording after "not valid YAML:" is libyaml's


def _symlink_outside(path: Path) -> None:
    outside = path.parent.parent.parent / "outside.md"
    outside.write_text(GOOD_STATEMENT, encoding="utf-8")
    path.symlink_to(outside)


def _symlink_inside(path: Path) -> None:
    path.symlink_to(path.parent / "good.md")


def _symlink_loop(path: Path) -> None:
    path.symlink_to(path)


def _folder(path: Path) -> None:
    path.mkdir()
    (path / "inner.md").write_text(GOOD_STATEMENT, encoding="utf-8")


def _fifo(path: Path) -> None:
    os.mkfifo(path)   # reading it would wait for a writer for ever


def _sparse(size: int) -> Setup:
    def make(path: Path) -> None:
        with open(path, "wb") as handle:
            handle.write(GOOD_STATEMENT.encode())
            handle.truncate(size)
    return make


MEGABYTE_LINE = "x" * 1024 * 1024
NOT_A_DATE = ("is not a date: write YYYY-MM-DD, YYYY-MM or YYYY (or a UK form such as "
              "25 July 2016)")
VENUES = ("written-answer, oral, written-statement, committee, press, correspondence, meeting, "
          "foi-response")
KINDS = ("agreement, foi-response, letter, memo, email, minutes, report, correction, statement, "
         "testimony, guidance, news, statistics, enforcement, audit")

CASES = [
    # --- front matter: present, closed, a mapping
    Case("no-front-matter", "Just the text of an answer.\n",
         "{path}: line 1: does not start with front matter: the first line must be '---'"),
    Case("empty-file", b"",
         "{path}: line 1: does not start with front matter: the first line must be '---'"),
    Case("blank-line-first", "\n" + statement(),
         "{path}: line 1: does not start with front matter: the first line must be '---'"),
    Case("toml-front-matter", "+++\ndate = 2016-07-25\n+++\nText.\n",
         "{path}: line 1: has TOML front matter ('+++'); claimcheck reads YAML front matter "
         "between '---' lines"),
    Case("unclosed-front-matter", "---\ndate: 2016-07-25\nspeaker: X\nvenue: oral\nText.\n",
         "{path}: line 1: front matter is not closed: add a line '---' after the fields"),
    Case("front-matter-is-a-list", "---\n- date\n- speaker\n---\nText.\n",
         "{path}: line 2: front matter is a list, not a mapping of 'field: value' lines"),
    Case("front-matter-is-a-string", "---\njust some words\n---\nText.\n",
         "{path}: line 2: front matter is a single value, not a mapping of 'field: value' lines"),
    Case("empty-front-matter", "---\n---\nText.\n", "{path}, field 'venue': is required"),
    Case("huge-front-matter", statement(*(f"x{i}: {'y' * 60}" for i in range(1200))),
         "{path}: line 1: front matter is 79 KB; the limit is 64 KB (is a closing '---' "
         "missing?)"),
    # --- YAML syntax, with the line to fix
    Case("unclosed-flow-list", statement("venue: [oral", "role: Minister"),
         "{path}: line 4: front matter is not valid YAML: did not find expected ',' or ']' "
         "(while parsing a flow sequence)", yaml_syntax=True),
    Case("unclosed-quote", statement('speaker: "Nick Gibb'),
         "{path}: line 3: front matter is not valid YAML: found unexpected end of stream "
         "(while scanning a quoted scalar)", yaml_syntax=True),
    Case("colon-in-value", statement("speaker: Nick Gibb: Minister"),
         "{path}: line 3: front matter is not valid YAML: mapping values are not allowed in "
         "this context", yaml_syntax=True),
    Case("tab-indentation", "---\ndate: 2016-07-25\n\tspeaker: X\nvenue: oral\n---\nText.\n",
         "{path}: line 3: front matter is not valid YAML: found a tab character that violates "
         "indentation (while scanning a plain scalar, from line 2); indent with spaces, not tabs",
         yaml_syntax=True),
    Case("tab-after-colon", "---\ndate:\t2016-07-25\nspeaker:\tX\nvenue:\toral\n---\nText.\n",
         None, check=lambda s: s.speaker == "X"),
    Case("unhashable-key", statement("? [a, b]\n: c"),
         "{path}: line 5: front matter is not valid YAML: found unhashable key (while "
         "constructing a mapping, from line 2)",
         yaml_syntax=True),
    Case("control-character-in-yaml", statement("speaker: Nick\x1b[31m Gibb"),
         "{path}: line 3: front matter holds the control character U+001B, which YAML does not "
         "allow: remove it"),
    Case("python-tag-is-not-run",
         statement("date: !!python/object/apply:os.system ['touch pwned']"),
         "{path}: line 2: front matter is not valid YAML: could not determine a constructor for "
         "the tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
    Case("field-given-twice", statement("role: Minister", "speaker: Nick Gibb\nspeaker: Gibb"),
         "{path}, field 'speaker': line 4: is given twice (lines 3 and 4); keep one"),
    Case("deeply-nested", statement("role: " + "[" * 2000 + "]" * 2000),
         "{path}: line 5: front matter is not valid YAML: exceeded maximum nesting depth",
         yaml_syntax=True),
    # --- required fields and their types
    Case("missing-date", statement("-date"),
         "{path}, field 'date': is required (YYYY-MM-DD, YYYY-MM or YYYY)"),
    Case("date-null", statement("date: null"),
         "{path}, field 'date': is required (YYYY-MM-DD, YYYY-MM or YYYY)"),
    Case("date-empty", statement("date:"),
         "{path}, field 'date': is required (YYYY-MM-DD, YYYY-MM or YYYY)"),
    Case("missing-speaker", statement("-speaker"), "{path}, field 'speaker': is required"),
    Case("missing-venue", statement("-venue"), "{path}, field 'venue': is required"),
    Case("evidence-missing-title", evidence("-title"), "{path}, field 'title': is required",
         folder="evidence"),
    Case("speaker-is-a-list", statement("speaker: [Nick Gibb, Justine Greening]"),
         "{path}, field 'speaker': must be one name, not a list (write one statement file per "
         "speaker)"),
    Case("speaker-is-a-mapping", statement("speaker: {name: Nick Gibb}"),
         "{path}, field 'speaker': must be text, not a mapping"),
    Case("speaker-is-true", statement("speaker: true"),
         "{path}, field 'speaker': must be text, not true (put it in quotes if you mean the "
         "word)"),
    Case("speaker-yes-is-text", statement("speaker: yes"), None,
         check=lambda s: s.speaker == "yes"),
    Case("version-keeps-its-digits", evidence("version: 1.10"), None, folder="evidence",
         check=lambda e: e.version == "1.10"),
    Case("id-empty", statement("id: ''"), "{path}, field 'id': must be a non-empty name"),
    Case("id-is-a-list", statement("id: [a]"), "{path}, field 'id': must be a non-empty name"),
    # --- dates
    Case("impossible-date", statement("date: 2016-02-30"),
         "{path}, field 'date': 2016-02-30 does not exist (February 2016 has 29 days)"),
    Case("impossible-quoted-date", statement("date: '2016-02-30'"),
         "{path}, field 'date': 2016-02-30 does not exist (February 2016 has 29 days)"),
    Case("month-13", statement("date: 2016-13-01"),
         "{path}, field 'date': month 13 does not exist"),
    Case("us-month-first", statement("date: 07/25/2016"),
         "{path}, field 'date': '07/25/2016' is read day first (DD/MM/YYYY), never month first, "
         "and there is no month 25; if you meant 25 July 2016, write 2016-07-25"),
    Case("slashed-iso", statement("date: 2016/07/25"),
         "{path}, field 'date': '2016/07/25' is ambiguous: write it as YYYY-MM-DD"),
    Case("words-not-a-date", statement("date: last Tuesday"),
         "{path}, field 'date': 'last Tuesday' " + NOT_A_DATE),
    Case("year-five-digits", statement("date: 20166"),
         "{path}, field 'date': '20166' " + NOT_A_DATE),
    Case("uk-long-date", statement("date: 25 July 2016"), None,
         check=lambda s: s.date == PartialDate(2016, 7, 25)),
    Case("uk-numeric-date", statement("date: 25/07/2016"), None,
         check=lambda s: s.date == PartialDate(2016, 7, 25)),
    Case("uk-numeric-date-is-day-first", statement("date: 06/10/2016"), None,
         check=lambda s: s.date == PartialDate(2016, 10, 6)),
    Case("iso-date-and-time", statement("date: 2016-07-25T10:30:00Z"), None,
         check=lambda s: s.date == PartialDate(2016, 7, 25)),
    Case("effective-to-before-from",
         evidence("effective_from: 2016-01", "effective_to: 2015-06"),
         "{path}, field 'effective_to': effective_to 2015-06 is before effective_from 2016-01",
         folder="evidence"),
    # --- values from a fixed list
    Case("venue-misspelt", statement("venue: writen-answer"),
         f"{{path}}, field 'venue': 'writen-answer' is not one of {VENUES} (did you mean "
         "'written-answer'?)"),
    Case("venue-unknown", statement("venue: debate"),
         f"{{path}}, field 'venue': 'debate' is not one of {VENUES}"),
    Case("kind-misspelt", evidence("kind: agrement"),
         f"{{path}}, field 'kind': 'agrement' is not one of {KINDS} (did you mean "
         "'agreement'?)", folder="evidence"),
    Case("house-misspelt", statement("house: common"),
         "{path}, field 'house': 'common' is not one of commons, lords (did you mean "
         "'commons'?)"),
    Case("unknown-field", statement("refrence: PQ 1"),
         "{path}, field 'refrence': unknown field, ignored (did you mean 'reference'?)",
         loads=True),
    # --- the body
    Case("empty-body", statement(body=""), "{path}: line 6: has no text after the front matter"),
    Case("body-of-controls-only", statement(body="\x1b\x07\x08\n \x7f \n"),
         "{path}: line 6: has no text after the front matter"),
    Case("megabyte-line", statement(body="Intro.\n" + MEGABYTE_LINE + "\n"),
         f"{{path}}: line 7: is 1,048,576 characters long; only its first {MAX_LINE_CHARS:,} "
         "were read (break it into paragraphs)", loads=True,
         check=lambda s: len(s.text) == len("Intro.\n") + MAX_LINE_CHARS),
    Case("text-too-long", statement(body=("A sentence of text. " * 50 + "\n") * 1050),
         "{path}: its text is 1,051,048 characters; the limit is 1,000,000 (split the "
         "document into smaller files)"),
    # --- bytes and encodings
    Case("binary", b"---\x00\x01\x02\xff", "{path}: is a binary file, not Markdown text"),
    Case("utf-16", statement().encode("utf-16"), "{path}: is UTF-16 text; save it as UTF-8"),
    Case("latin-1", statement(body="Caf\xe9 society.\n").encode("latin-1"),
         "{path}: line 6: is not UTF-8 text (byte 0xE9 at offset 69); save it as UTF-8"),
    Case("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
         "{path}: is a PDF file, not Markdown: make an evidence file of it with 'claimcheck add'",
         folder="evidence"),
    Case("byte-order-mark", "\ufeff" + statement(), None),
    Case("crlf-line-endings", statement("role: Minister", body="One.\nTwo.\n").replace(
        "\n", "\r\n"), None, check=lambda s: s.text == "One.\nTwo." and s.role == "Minister"),
    Case("cr-line-endings", statement(body="One.\nTwo.\n").replace("\n", "\r"), None,
         check=lambda s: s.text == "One.\nTwo."),
    Case("escape-sequences-in-body", statement(body="Safe \x1b[31mred\x1b[0m \x9b2J text.\n"),
         None, check=lambda s: s.text == "Safe [31mred[0m 2J text."),
    Case("escape-sequence-in-a-quoted-value", statement('speaker: "Nick\\e[2J Gibb"'), None,
         check=lambda s: s.speaker == "Nick[2J Gibb"),
    # --- what is at the path
    Case("fifty-megabytes", _sparse(50 * 1024 * 1024),
         "{path}: is 50 MB; the limit is 4 MB (split the document into smaller files)",
         folder="evidence"),
    Case("link-outside-the-corpus", _symlink_outside,
         "{path}: is a link to {outside}, outside the corpus folder; copy the file in instead"),
    Case("link-inside-the-corpus", _symlink_inside, None),
    Case("link-to-itself", _symlink_loop,
         "{path}: is a link that leads nowhere (a loop of links)"),
    Case("a-folder", _folder, "{path}: is a folder, not a file"),
    Case("a-pipe", _fifo, "{path}: is not a regular file (a pipe, device or socket)"),
]


def _write(case: Case, claims: Path, evidence_dir: Path) -> Path:
    folder = claims if case.folder == "claims" else evidence_dir
    path = folder / f"{case.name}.md"
    if callable(case.content):
        case.content(path)
    elif isinstance(case.content, bytes):
        path.write_bytes(case.content)
    else:
        path.write_bytes(case.content.encode("utf-8"))
    return path


def _expected(case: Case, path: Path) -> str:
    outside = path.parent.parent.parent / "outside.md"
    return case.message.format(path=path, outside=outside.resolve())


def _same(actual: str, expected: str, case: Case) -> bool:
    if case.yaml_syntax and not yaml.__with_libyaml__:
        # PyYAML's pure-Python parser words its errors differently; the line must still agree.
        return actual.split("YAML:")[0] == expected.split("YAML:")[0]
    return actual == expected


def test_there_are_at_least_thirty_broken_inputs():
    assert sum(1 for case in CASES if case.message) >= 30


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_a_broken_file_is_named_and_the_rest_loads(case: Case, corpus, tmp_path):
    claims, evidence_dir = corpus
    path = _write(case, claims, evidence_dir)
    started = time.perf_counter()
    loaded = load_corpus(claims, evidence_dir)
    assert time.perf_counter() - started < 5, "a broken file must be refused quickly"

    items = loaded.statements if case.folder == "claims" else loaded.evidence
    ids = [item.id for item in items]
    assert "good" in ids, "a broken file must not stop the others loading"
    if case.message is None:
        assert [str(p) for p in loaded.problems] == []
    else:
        problem, = loaded.problems
        assert _same(str(problem), _expected(case, path), case), str(problem)
        assert "\n" not in str(problem)
    used = case.message is None or case.loads
    assert (path.stem in ids) is used
    if case.check is not None:
        item = next(i for i in items if i.id == path.stem)
        assert case.check(item)
    assert not (tmp_path / "pwned").exists() and not Path("pwned").exists()


@pytest.mark.parametrize("case", [c for c in CASES if c.message], ids=lambda case: case.name)
def test_strict_raises_the_same_line(case: Case, corpus):
    claims, evidence_dir = corpus
    path = _write(case, claims, evidence_dir)
    with pytest.raises(CorpusError) as caught:
        load_corpus(claims, evidence_dir, strict=True)
    assert _same(str(caught.value), _expected(case, path), case), str(caught.value)


def test_duplicate_ids_name_both_files(corpus):
    claims, evidence_dir = corpus
    (claims / "a.md").write_text(statement("id: pq-42842"), encoding="utf-8")
    (claims / "b.md").write_text(statement("id: pq-42842"), encoding="utf-8")
    loaded = load_corpus(claims, evidence_dir)
    assert [str(p) for p in loaded.problems] == [
        f"{claims / 'b.md'}, field 'id': id 'pq-42842' is already used by {claims / 'a.md'}"]
    assert sorted(s.id for s in loaded.statements) == ["good", "pq-42842"]
    with pytest.raises(CorpusError, match="already used by"):
        load_corpus(claims, evidence_dir, strict=True)


@pytest.mark.parametrize("name", ["upper.MD", "notes.txt", "long.markdown"])
def test_a_corpus_file_with_the_wrong_ending_is_named_not_ignored(corpus, name):
    claims, evidence_dir = corpus
    (claims / name).write_text(statement(), encoding="utf-8")
    (claims / ".DS_Store").write_bytes(b"\x00\x00")   # not a corpus file: ignored
    (claims / "README").write_text("notes", encoding="utf-8")
    assert [str(p) for p in load_corpus(claims, evidence_dir).problems] == [
        f"{claims / name}: was not read: corpus files must end in '.md'"]


def test_an_unreadable_file_is_named(corpus, monkeypatch):
    claims, evidence_dir = corpus
    path = claims / "locked.md"
    path.write_text(statement(), encoding="utf-8")
    path.chmod(0)
    if os.geteuid() == 0 if hasattr(os, "geteuid") else False:
        # Root reads through file modes: refuse the open the way the system would for others.
        real_open = os.open

        def refusing_open(target, flags, *args, **kwargs):
            if Path(target).name == "locked.md":
                raise PermissionError(13, "Permission denied", str(target))
            return real_open(target, flags, *args, **kwargs)
        monkeypatch.setattr(os, "open", refusing_open)
    try:
        loaded = load_corpus(claims, evidence_dir)
    finally:
        path.chmod(0o644)
    assert [str(p) for p in loaded.problems] == [f"{path}: cannot be read: Permission denied"]


def test_fifty_megabytes_are_refused_without_being_read(corpus):
    claims, evidence_dir = corpus
    path = evidence_dir / "big.md"
    with open(path, "wb") as handle:   # real bytes on disk, not a sparse file
        chunk = (GOOD_STATEMENT * 400).encode()
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(chunk)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        loaded = load_corpus(claims, evidence_dir)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 1.0
    assert peak < 5 * 1024 * 1024, f"{peak} bytes were allocated to refuse the file"
    assert [p.message for p in loaded.problems] == [
        "is 50 MB; the limit is 4 MB (split the document into smaller files)"]


def test_the_command_lists_every_skipped_file_and_strict_stops_at_one(corpus, tmp_path):
    claims, evidence_dir = corpus
    broken = [c for c in CASES if c.message and not c.loads and not callable(c.content)]
    for case in broken:
        _write(case, claims, evidence_dir)
    runner = CliRunner()
    out = tmp_path / "out"
    args = ["check", "--claims", str(claims), "--evidence", str(evidence_dir), "--out", str(out)]

    result = runner.invoke(app, args)

    assert result.exit_code == 0, result.output
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == len(broken)
    document = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    assert document["summary"]["skipped_inputs"] == len(broken)
    assert {Path(p["path"]).stem for p in document["problems"]} == {c.name for c in broken}
    report = (out / "report.md").read_text(encoding="utf-8")
    assert report.count("\n- `") >= len(broken) and "## Inputs skipped" in report
    assert document["summary"]["statements"] == 1 and document["summary"]["evidence"] == 1

    strict = runner.invoke(app, [*args, "--out", str(tmp_path / "strict"), "--strict"])
    assert strict.exit_code == 1
    assert strict.stderr.count("\n") == 1 and strict.stderr.startswith("claimcheck: ")
    assert not (tmp_path / "strict").exists()
