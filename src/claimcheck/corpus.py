"""Load statements and evidence from Markdown files with YAML front matter.

This is the boundary: every field is validated here, once, and each problem names the file and the
field. By default a bad file is recorded as a ``Problem`` and the rest of the corpus loads (a
fact-checking run that silently lost a file would look like a claim with no evidence); with
``strict=True`` the first problem raises ``CorpusError``.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from .dates import PartialDate, parse_date
from .errors import CorpusError, DateError
from .model import EVIDENCE_KINDS, HOUSES, VENUES, Corpus, Evidence, Problem, Statement

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Larger files are refused: no real statement or release is this big as text, and extraction
would take minutes. Split the document, or raise this for a special run."""

STATEMENT_FIELDS = {"id", "date", "speaker", "role", "department", "venue", "house", "reference",
                    "url", "question", "provenance", "licence", "title", "tags"}
EVIDENCE_FIELDS = {"id", "title", "kind", "date", "effective_from", "effective_to", "disclosed",
                   "reference", "url", "version", "supersedes", "corrects", "provenance", "licence",
                   "tags", "authority", "status", "attachments"}


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
    return _statement_from(path, *_read_item(path, path.parent))


def _load_folder(folder: Path, build, known: set[str], problems: list[Problem],
                 strict: bool) -> Iterator:
    if not folder.exists():
        raise CorpusError("folder does not exist", folder)
    if not folder.is_dir():
        raise CorpusError("is not a folder", folder)
    root = folder.resolve()
    for path in sorted(folder.glob("*.md")):
        try:
            meta, body, digest = _read_item(path, root)
            item = build(path, meta, body, digest)
            # An unknown field is most often a typo ("venu"): the item is still usable, so it
            # loads, but the problem is reported (and is fatal under --strict).
            for key in meta:
                if str(key) not in known:
                    hint = _nearest(str(key), sorted(known))
                    error = CorpusError(f"unknown field, ignored{hint}", path, str(key))
                    if strict:
                        raise error
                    problems.append(Problem(path, error.message, error.field))
            yield item
        except CorpusError as error:
            if strict:
                raise
            problems.append(Problem(path, error.message, error.field))


def _read_item(path: Path, root: Path) -> tuple[dict[str, Any], str, str]:
    """Return (front matter, body, content hash) of one file, or raise ``CorpusError``."""
    if path.is_symlink() and not path.resolve().is_relative_to(root.resolve()):
        raise CorpusError(f"is a link to {path.resolve()}, outside the corpus folder; "
                          "copy the file in instead", path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CorpusError(f"is {size / 1e6:.0f} MB; the limit is {MAX_FILE_BYTES // 10**6} MB "
                              "(split the document into smaller files)", path)
        raw = path.read_bytes()
    except OSError as error:
        raise CorpusError(f"cannot be read: {error.strerror}", path) from None
    if b"\x00" in raw:
        raise CorpusError("is a binary file, not Markdown text", path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CorpusError(f"is not UTF-8 text (byte {error.start}); save it as UTF-8", path) from None
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise CorpusError("does not start with front matter: the first line must be '---'", path,
                          line=1)
    closing = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---"), None)
    if closing is None:
        raise CorpusError("front matter is not closed: add a line '---' after the fields", path)
    # The handler's own steps rather than frontmatter.loads(), which silently drops front matter
    # that is not a mapping: a list or a bare string there must be reported.
    handler = frontmatter.YAMLHandler()
    try:
        block, content = handler.split(text)
        meta = handler.load(block)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None  # +1 for 1-based, +1 for the '---'
        problem = getattr(error, "problem", None) or "is not valid YAML"
        raise CorpusError(f"front matter is not valid YAML: {problem}", path, line=line) from None
    except ValueError:
        raise CorpusError("front matter cannot be read", path) from None
    if not isinstance(meta, dict):
        raise CorpusError("front matter is not a mapping of 'field: value' lines", path)
    body = content.strip()
    if not body:
        raise CorpusError("has no text after the front matter", path)
    return meta, body, hashlib.sha256(raw).hexdigest()


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
    )


def _id(path: Path, meta: dict[str, Any]) -> str:
    value = meta.get("id", path.stem)
    if not isinstance(value, (str, int)) or not str(value).strip():
        raise CorpusError("must be a non-empty name", path, "id")
    return str(value).strip()


def _text(path: Path, meta: dict[str, Any], name: str, required: bool = False) -> str | None:
    value = meta.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise CorpusError("is required", path, name)
        return None
    if isinstance(value, (dict, list)):
        if name in ("provenance", "attachments"):
            return None
        raise CorpusError("must be text, not a list or mapping", path, name)
    return str(value).strip()


def _text_list(path: Path, meta: dict[str, Any], name: str) -> tuple[str, ...]:
    value = meta.get(name)
    if value is None:
        return ()
    if isinstance(value, (str, int, float)):
        return (str(value).strip(),)
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return tuple(str(v).strip() for v in value)
    raise CorpusError("must be a name or a list of names", path, name)


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
        hint = _nearest(normal, allowed)
        raise CorpusError(f"'{value}' is not one of {', '.join(allowed)}{hint}", path, name)
    return normal


def _nearest(value: str, allowed: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(allowed), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _drop_duplicate_ids(items: list, problems: list[Problem], strict: bool) -> list:
    seen: dict[str, Path | None] = {}
    kept = []
    for item in items:
        if item.id in seen:
            error = CorpusError(f"id '{item.id}' is already used by {seen[item.id]}", item.path, "id")
            if strict:
                raise error
            problems.append(Problem(item.path, error.message, "id"))
            continue
        seen[item.id] = item.path
        kept.append(item)
    return kept
