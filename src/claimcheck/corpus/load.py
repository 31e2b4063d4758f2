"""Load statements and evidence from Markdown files with YAML front matter.

This is the boundary: every file is read and every field validated here, once, and each problem
names the file and the field or line. By default a bad file is recorded as a ``Problem`` and the
rest of the corpus loads (a fact-checking run that silently lost a file would look like a claim
with no evidence); with ``strict=True`` the first problem raises ``CorpusError``.

What the loader promises about any file it is given, whatever its bytes:

- it raises nothing but ``CorpusError`` (``load_corpus`` turns each into a ``Problem``);
- it never follows a link out of the corpus folder, never reads a file bigger than
  ``MAX_FILE_BYTES`` (nor waits on a pipe or device), and never runs YAML tags;
- front matter values are read as text (``yes`` is "yes", ``1.10`` is "1.10"); only ``null`` and
  ``true``/``false`` are not, and dates are parsed by :func:`claimcheck.dates.parse_date`;
- CRLF and CR line endings and a UTF-8 byte order mark are accepted;
- control characters (terminal escapes and the like) are removed from the text, and a line longer
  than ``MAX_LINE_CHARS`` is cut there (reported), so no input can stall extraction.
"""

from __future__ import annotations

import codecs
import dataclasses
import difflib
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from claimcheck.dates import PartialDate, parse_date, shown
from claimcheck.errors import CorpusError, DateError
from claimcheck.files import read_bounded, size_text
from claimcheck.model import EVIDENCE_KINDS, HOUSES, VENUES, Corpus, Evidence, Problem, Statement

MAX_FILE_BYTES = 4 * 1024 * 1024
"""Larger files are refused unread: a text of more than ``MAX_TEXT_CHARS`` cannot be parsed in one
piece, and extraction reads about 30,000 characters a second. Split the document."""
MAX_TEXT_CHARS = 1_000_000
"""The longest body read: spaCy's own limit (``nlp.max_length``)."""
MAX_FRONT_MATTER_BYTES = 64 * 1024
"""Front matter is a few fields; more than this is a missing closing '---' or not front matter."""
MAX_LINE_CHARS = 20_000
"""A line longer than this (ten times the longest paragraph in the seed corpus) is not prose: it is
cut here, at a space where there is one, and the cut is reported. Without a cap one hostile line
could keep extraction busy for minutes."""
# A line ``<!-- page 12 -->`` marks where a page of a PDF begins (``claimcheck add`` writes them);
# it is there for the person checking a quote and is not part of the text that is judged.
PAGE_MARKER = re.compile(r"<!-- page \d+ -->")

STATEMENT_FIELDS = {"id", "date", "speaker", "role", "department", "venue", "house", "reference",
                    "url", "question", "provenance", "licence", "title", "tags", "body",
                    "reported_by"}
EVIDENCE_FIELDS = {"id", "title", "kind", "date", "effective_from", "effective_to", "disclosed",
                   "reference", "url", "version", "supersedes", "corrects", "provenance", "licence",
                   "tags", "authority", "status", "attachments", "body"}
# Fields whose value is one line of text: any line breaks or runs of spaces in them become one space.
ONE_LINE_FIELDS = {"id", "speaker", "role", "department", "venue", "house", "reference", "url",
                   "licence", "title", "version", "kind", "body", "reported_by"}
# What a file's body is: the source's own words, or the filer's summary of it in which only the
# fragments in quotation marks are the source's words (see docs/corpus-format.md).
BODY_KINDS = ("verbatim", "summary")
# Files with these endings are corpus files saved under the wrong name: named, not silently ignored.
NEAR_MISS_SUFFIXES = {".md", ".markdown", ".mdown", ".txt", ".yaml", ".yml"}


def load_corpus(claims_dir: Path, evidence_dir: Path, strict: bool = False) -> Corpus:
    """Read every ``*.md`` file in both folders. See docs/corpus-format.md for the format."""
    problems: list[Problem] = []
    statements = list(_load_folder(claims_dir, _statement_from, STATEMENT_FIELDS, problems,
                                   strict))
    evidence = list(_load_folder(evidence_dir, _evidence_from, EVIDENCE_FIELDS, problems, strict))
    statements = _drop_duplicate_ids(statements, problems, strict)
    evidence = _drop_duplicate_ids(evidence, problems, strict)
    return Corpus(tuple(statements), tuple(evidence), tuple(problems))


def load_statement(path: Path) -> Statement:
    """Read one statement file, raising ``CorpusError`` on any problem."""
    item = read_item(path, path.parent)
    return _statement_from(path, item.meta, item.body, item.digest)


def load_evidence(path: Path) -> Evidence:
    """Read one evidence file, raising ``CorpusError`` on any problem."""
    item = read_item(path, path.parent)
    return _evidence_from(path, item.meta, item.body, item.digest)


def is_evidence_file(path: Path) -> bool:
    """An evidence file has a title and no speaker; a statement the reverse."""
    item = read_item(path, path.parent)
    return "title" in item.meta and "speaker" not in item.meta


def problem_of(error: CorpusError, skipped: bool = True) -> Problem:
    """The ``Problem`` recording ``error``; its text matches ``str(error)``."""
    message = f"line {error.line}: {error.message}" if error.line else error.message
    return Problem(error.path or Path(), message, error.field, skipped)


def _load_folder(folder: Path, build, known: set[str], problems: list[Problem],
                 strict: bool) -> Iterator:
    if not folder.exists():
        raise CorpusError("folder does not exist", folder)
    if not folder.is_dir():
        raise CorpusError("is not a folder", folder)
    root = folder.resolve()

    def report(error: CorpusError, skipped: bool = True) -> None:
        if strict:
            raise error
        problems.append(problem_of(error, skipped))

    for path in sorted(folder.iterdir()):
        if path.suffix != ".md":
            if path.suffix.lower() in NEAR_MISS_SUFFIXES and not path.name.startswith("."):
                report(CorpusError("was not read: corpus files must end in '.md'", path))
            continue
        try:
            item = read_item(path, root)
            built, impossible = _possible(build(path, item.meta, item.body, item.digest))
        except CorpusError as error:
            report(error)
            continue
        # An unknown field is most often a typo ("venu"): the item is still usable, so it
        # loads, but the problem is reported (and is fatal under --strict). So is a cut line.
        for key in item.meta:
            if str(key) not in known:
                hint = _nearest(str(key), sorted(known))
                report(CorpusError(f"unknown field, ignored{hint}", path, shown(str(key))[1:-1]),
                       skipped=False)
        for warning in (*item.warnings, *impossible):
            report(warning, skipped=False)
        yield built


def _possible(item):
    """``item`` without the parts that cannot be true, and a warning for each: a document cannot
    have been made public before it was made, so such a ``disclosed`` is ignored (the document
    counts as public from its ``date``) rather than making a finding "publicly known"."""
    if isinstance(item, Evidence) and item.disclosed and item.disclosed.end < item.date.start:
        warning = CorpusError(f"{item.disclosed} is before the document's date {item.date}; "
                              "ignored (a document cannot be public before it was made: is "
                              "'date' the date of the facts? then use 'effective_from')",
                              item.path, "disclosed")
        return dataclasses.replace(item, disclosed=None), (warning,)
    return item, ()


# ---------------------------------------------------------------------- reading one file

@dataclass(frozen=True)
class RawItem:
    """One file's front matter, cleaned body and content hash, and what was cut from it."""

    meta: dict[str, Any]
    body: str
    digest: str
    warnings: tuple[CorpusError, ...] = field(default=())


def read_item(path: Path, root: Path) -> RawItem:
    """Read one corpus file below ``root``, or raise ``CorpusError`` naming the file and line."""
    raw = _read_bytes(path, root)
    text = _decode(path, raw)
    lines = text.split("\n")
    if lines[0].strip() != "---":
        if lines[0].strip() == "+++":
            raise CorpusError("has TOML front matter ('+++'); claimcheck reads YAML front matter "
                              "between '---' lines", path, line=1)
        raise CorpusError("does not start with front matter: the first line must be '---'", path,
                          line=1)
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if closing is None:
        raise CorpusError("front matter is not closed: add a line '---' after the fields", path,
                          line=1)
    block = "\n".join(lines[1:closing])
    if len(block.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        raise CorpusError(f"front matter is {size_text(len(block.encode('utf-8')))}; the limit is "
                          f"{size_text(MAX_FRONT_MATTER_BYTES)} (is a closing '---' missing?)", path,
                          line=1)
    meta = _front_matter(path, block)
    body, warnings = _clean_body(path, lines[closing + 1:], first_line=closing + 2)
    if not body:
        raise CorpusError("has no text after the front matter", path, line=closing + 2)
    if len(body) > MAX_TEXT_CHARS:
        raise CorpusError(f"its text is {len(body):,} characters; the limit is "
                          f"{MAX_TEXT_CHARS:,} (split the document into smaller files)", path)
    return RawItem(meta, body, hashlib.sha256(raw).hexdigest(), tuple(warnings))


def _read_bytes(path: Path, root: Path) -> bytes:
    """The file's bytes: a regular file inside ``root``, no bigger than ``MAX_FILE_BYTES``."""
    try:
        target = path.resolve()
    except (OSError, RuntimeError):  # a loop of links
        raise CorpusError("is a link that leads nowhere (a loop of links)", path) from None
    if not target.is_relative_to(root.resolve()):
        raise CorpusError(f"is a link to {target}, outside the corpus folder; copy the file in "
                          "instead", path)
    try:
        return read_bounded(path, MAX_FILE_BYTES, CorpusError,
                            hint="split the document into smaller files")
    except FileNotFoundError:
        raise CorpusError("cannot be read: No such file or directory", path) from None


def _decode(path: Path, raw: bytes) -> str:
    if raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise CorpusError("is UTF-32 text; save it as UTF-8", path)
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise CorpusError("is UTF-16 text; save it as UTF-8", path)
    if raw.startswith(b"%PDF-"):
        raise CorpusError("is a PDF file, not Markdown: make an evidence file of it with "
                          "'claimcheck add'", path)
    if b"\x00" in raw:
        raise CorpusError("is a binary file, not Markdown text", path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise CorpusError(f"is not UTF-8 text (byte 0x{raw[error.start]:02X} at offset "
                          f"{error.start}); save it as UTF-8", path, line=line) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


# Control characters other than tab and newline (C0, DEL, C1): terminal escapes and the like.
# They never carry meaning in a statement or a document and must not reach any output.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"[\x0b\x0c\x85\u2028\u2029]")


def clean_text(text: str) -> str:
    """``text`` without control characters; vertical tab, form feed and Unicode line and
    paragraph separators become newlines."""
    return _CONTROL.sub("", _LINE_BREAKS.sub("\n", text))


def _clean_body(path: Path, lines: list[str], first_line: int) -> tuple[str, list[CorpusError]]:
    warnings = []
    kept = []
    for number, line in enumerate(lines, start=first_line):
        if PAGE_MARKER.fullmatch(line.strip()):
            line = ""
        if len(line) > MAX_LINE_CHARS:
            cut = line.rfind(" ", MAX_LINE_CHARS - 200, MAX_LINE_CHARS)
            cut = cut if cut > 0 else MAX_LINE_CHARS
            warnings.append(CorpusError(
                f"is {len(line):,} characters long; only its first {cut:,} were read (break it "
                "into paragraphs)", path, line=number))
            line = line[:cut]
        kept.append(line)
    return clean_text("\n".join(kept)).strip(), warnings


# ---------------------------------------------------------------------- YAML

class _DuplicateField(yaml.YAMLError):
    def __init__(self, name: str, first: yaml.Mark, again: yaml.Mark) -> None:
        super().__init__(name)
        self.name, self.first, self.again = name, first, again


class _FrontMatterLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML in which a plain value is text: only null and true/false are not.

    The usual YAML 1.1 guesses misread front matter: ``speaker: yes`` as True, ``version: 1.10``
    as 1.1, ``date: 2016-02-30`` as an error deep in the parser. A key given twice is an error,
    not a silent overwrite.
    """

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, yaml.Mark] = {}
            for key, _ in node.value:
                if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                    if key.value in seen:
                        raise _DuplicateField(key.value, seen[key.value], key.start_mark)
                    seen[key.value] = key.start_mark
        return super().construct_mapping(node, deep)


_FrontMatterLoader.yaml_implicit_resolvers = {}
_FrontMatterLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
_FrontMatterLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_FrontMatterLoader.add_implicit_resolver(
    "tag:yaml.org,2002:merge", re.compile(r"^(?:<<)$"), ["<"])
# An explicit tag is read as text too ("!!int 42" is "42"); the tags that build other Python types
# are refused rather than run.
for _tag in ("int", "float", "timestamp", "binary"):
    _FrontMatterLoader.add_constructor(f"tag:yaml.org,2002:{_tag}",
                                       yaml.SafeLoader.construct_scalar)


def _refuse_tag(loader, node):
    raise yaml.constructor.ConstructorError(
        None, None, f"the tag {node.tag!r} is not used in front matter", node.start_mark)


for _tag in ("set", "omap", "pairs"):
    _FrontMatterLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse_tag)


_UNCLOSED = ("found unexpected end of stream", "did not find expected", "could not find expected",
             "expected ',' or", "found unexpected end")


def _front_matter(path: Path, block: str) -> dict[str, Any]:
    """The front matter's fields. Line numbers are the file's: the block starts on line 2."""
    try:
        meta = yaml.load(block, Loader=_FrontMatterLoader)  # a safe loader
    except _DuplicateField as error:
        raise CorpusError(f"is given twice (lines {error.first.line + 2} and "
                          f"{error.again.line + 2}); keep one", path,
                          shown(error.name)[1:-1], line=error.again.line + 2) from None
    except yaml.reader.ReaderError as error:
        line = block.count("\n", 0, max(0, error.position)) + 2
        raise CorpusError(f"front matter holds the control character U+{error.character:04X}, "
                          "which YAML does not allow: remove it", path, line=line) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 2 if mark is not None else None
        problem = error.problem or error.context or "is not valid YAML"
        started = ""
        if error.context and error.context_mark is not None:
            start = error.context_mark.line + 2
            if problem.startswith(_UNCLOSED):
                # Something opened on an earlier line was never closed: that line is the one
                # to fix, not the one where the parser gave up.
                line, started = start, f" ({error.context})"
            elif start != line:
                started = f" ({error.context}, from line {start})"
        hint = "; indent with spaces, not tabs" if "tab" in problem else ""
        raise CorpusError(f"front matter is not valid YAML: {problem}{started}{hint}", path,
                          line=line) from None
    except yaml.YAMLError:
        raise CorpusError("front matter is not valid YAML", path) from None
    except RecursionError:
        raise CorpusError("front matter is nested too deeply to be fields", path) from None
    except (ValueError, TypeError, OverflowError, IndexError, KeyError) as error:
        # A constructor's own failure on a value it cannot build.
        raise CorpusError(f"front matter cannot be read: {shown(str(error), 80)[1:-1]}",
                          path) from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        kind = "a list" if isinstance(meta, list) else "a single value"
        raise CorpusError(f"front matter is {kind}, not a mapping of 'field: value' lines", path,
                          line=2)
    return meta


# ---------------------------------------------------------------------- fields

def _statement_from(path: Path, meta: dict[str, Any], body: str, digest: str) -> Statement:
    venue = _choice(path, meta, "venue", VENUES, required=True)
    house = _choice(path, meta, "house", HOUSES, required=False)
    return Statement(
        id=_id(path, meta),
        date=_date(path, meta, "date", required=True),
        speaker=_text(path, meta, "speaker", required=True),
        venue=venue,
        text=body,
        path=path,
        role=_text(path, meta, "role"),
        department=_text(path, meta, "department"),
        house=house,
        reference=_text(path, meta, "reference"),
        url=_text(path, meta, "url"),
        question=_text(path, meta, "question"),
        licence=_text(path, meta, "licence"),
        content_hash=digest,
        title=_text(path, meta, "title"),
        summary=_is_summary(path, meta),
        reported_by=_text(path, meta, "reported_by"),
    )


def _evidence_from(path: Path, meta: dict[str, Any], body: str, digest: str) -> Evidence:
    kind = _choice(path, meta, "kind", EVIDENCE_KINDS, required=False) or "report"
    date = _date(path, meta, "date", required=True)
    effective_from = _date(path, meta, "effective_from")
    effective_to = _date(path, meta, "effective_to")
    if effective_from and effective_to and effective_to.end < effective_from.start:
        raise CorpusError(f"effective_to {effective_to} is before effective_from {effective_from}",
                          path, "effective_to")
    disclosed = _date(path, meta, "disclosed")
    return Evidence(
        id=_id(path, meta),
        title=_text(path, meta, "title", required=True),
        kind=kind,
        date=date,
        text=body,
        path=path,
        effective_from=effective_from,
        effective_to=effective_to,
        disclosed=disclosed,
        reference=_text(path, meta, "reference"),
        url=_text(path, meta, "url"),
        version=_text(path, meta, "version"),
        supersedes=_text_list(path, meta, "supersedes"),
        corrects=_text_list(path, meta, "corrects"),
        licence=_text(path, meta, "licence"),
        content_hash=digest,
        summary=_is_summary(path, meta),
    )


def _is_summary(path: Path, meta: dict[str, Any]) -> bool:
    return _choice(path, meta, "body", BODY_KINDS, required=False) == "summary"


def _id(path: Path, meta: dict[str, Any]) -> str:
    value = meta.get("id", path.stem)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise CorpusError("must be a non-empty name", path, "id")
    value = " ".join(clean_text(str(value)).split())
    if not value:
        raise CorpusError("must be a non-empty name", path, "id")
    return value


def _text(path: Path, meta: dict[str, Any], name: str, required: bool = False) -> str | None:
    value = meta.get(name)
    if isinstance(value, str):
        value = clean_text(value)
        value = " ".join(value.split()) if name in ONE_LINE_FIELDS else value.strip()
    if value is None or value == "":
        if required:
            raise CorpusError("is required", path, name)
        return None
    if isinstance(value, (dict, list)):
        if name in ("provenance", "attachments"):
            return None
        if name == "speaker" and isinstance(value, list):
            raise CorpusError("must be one name, not a list (write one statement file per "
                              "speaker)", path, name)
        kind = "a list" if isinstance(value, list) else "a mapping"
        raise CorpusError(f"must be text, not {kind}", path, name)
    if isinstance(value, bool):
        raise CorpusError(f"must be text, not {str(value).lower()} (put it in quotes if you mean "
                          "the word)", path, name)
    if not isinstance(value, str):   # a number or date from an explicit YAML tag
        value = str(value)
    return value


def _text_list(path: Path, meta: dict[str, Any], name: str) -> tuple[str, ...]:
    value = meta.get(name)
    if value is None:
        return ()
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in values):
        raise CorpusError("must be a name or a list of names", path, name)
    names = tuple(" ".join(clean_text(str(v)).split()) for v in values)
    return tuple(n for n in names if n)


def _date(path: Path, meta: dict[str, Any], name: str, required: bool = False) -> PartialDate | None:
    value = meta.get(name)
    if value is None or value == "":
        if required:
            raise CorpusError("is required (YYYY-MM-DD, YYYY-MM or YYYY)", path, name)
        return None
    try:
        return parse_date(value)
    except DateError as error:
        raise CorpusError(str(error), path, name) from None


def _choice(path: Path, meta: dict[str, Any], name: str, allowed: Iterable[str],
            required: bool) -> str | None:
    value = _text(path, meta, name, required=required)
    if value is None:
        return None
    allowed = tuple(allowed)
    normal = value.strip().lower().replace("_", "-").replace(" ", "-")
    if normal not in allowed:
        hint = _nearest(normal[:100], allowed)
        raise CorpusError(f"{shown(value)} is not one of {', '.join(allowed)}{hint}", path, name)
    return normal


def _nearest(value: str, allowed: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(allowed), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _drop_duplicate_ids(items: list, problems: list[Problem], strict: bool) -> list:
    seen: dict[str, Path | None] = {}
    kept = []
    for item in items:
        if item.id in seen:
            error = CorpusError(f"id {shown(item.id)} is already used by {seen[item.id]}",
                                item.path, "id")
            if strict:
                raise error
            problems.append(problem_of(error))
            continue
        seen[item.id] = item.path
        kept.append(item)
    return kept
