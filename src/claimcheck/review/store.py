"""People's decisions on findings, kept in ``reviews.toml`` beside ``claims/`` and ``evidence/``.

A finding is a lead until a person has checked it against the sources. A reviewer confirms or
dismisses it; the decision is written to a plain TOML file, one table per finding, sorted by
finding id, so a team reviews through git and a diff shows who decided what::

    ["2016-07-25-gibb-pq-42842:23cf6b1913"]
    decision = "confirmed"
    by = "A. Reviewer"
    date = "2026-01-05"
    note = "Checked para 15.2.6 against the MoU as released."
    verdict = "contradicted"
    claim = "There are currently no plans to share the data ..."
    evidence = ["2015-12-18-mou-home-office-dfe-v1-0@3f2a9c1b07e4"]
    fingerprint = "9d0c..."

    [["2016-07-25-gibb-pq-42842:23cf6b1913".history]]
    decision = "dismissed"
    by = "B. Reviewer"
    date = "2025-12-01"
    note = "Thought v1.0 was never in force."

A decision that replaces an earlier one keeps it in ``history``; a note given without a decision
is recorded there too, and the decision standing is unchanged (with no decision yet, the note is
the finding's only entry and it stays unreviewed).

Finding ids are stable across runs (``judge.finding_id``: the statement and the claim's words), so
a decision survives every re-check. What was reviewed is pinned by a fingerprint of the claim's
words, the verdict, and each cited evidence id with a hash of its quote. When any of these changes,
the finding is *needs re-review*, with the reasons. A claim whose wording changed gets a new id; its
old review is matched to it by statement and wording, and flagged the same way.
"""

from __future__ import annotations

import datetime as dt
import enum
import errno
import hashlib
import json
import time
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from rapidfuzz import fuzz

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

from claimcheck.atomic import write_atomic
from claimcheck.errors import ReviewError
from claimcheck.files import read_bounded
from claimcheck.model import VERDICT_SEVERITY, Finding

REVIEWS_FILE = "reviews.toml"
MAX_REVIEWS_BYTES = 16 * 1024 * 1024   # tens of thousands of reviews; no pipe or device is read
DECISIONS = ("confirmed", "dismissed")
# How alike an old claim's words must be to a new claim of the same statement (rapidfuzz ratio,
# 0-100) for the old review to carry over as "needs re-review" rather than be left orphaned.
REWORDED_SIMILARITY = 80.0


class ReviewStatus(enum.StrEnum):
    UNREVIEWED = "unreviewed"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"
    NEEDS_REREVIEW = "needs re-review"


@dataclass(frozen=True)
class Entry:
    """One earlier decision, or a note, on a finding."""

    decision: str            # "confirmed", "dismissed", or "" for a note alone
    by: str
    date: dt.date
    note: str = ""

    def describe(self) -> str:
        """ "dismissed by B. Reviewer on 1 December 2025" or "noted by ..." """
        return f"{self.decision or 'noted'} by {self.by} on {_human(self.date)}"


@dataclass(frozen=True)
class Review:
    """One reviewer's decision on one finding, and what the finding said when it was made."""

    finding_id: str
    decision: str            # "confirmed" or "dismissed"; "" when only a note was given
    by: str
    date: dt.date
    fingerprint: str
    note: str = ""
    verdict: str = ""
    claim: str = ""
    evidence: tuple[str, ...] = ()   # "evidence-id@quote-hash", sorted
    history: tuple[Entry, ...] = ()  # earlier decisions and notes, oldest first

    def entry(self) -> Entry:
        return Entry(self.decision, self.by, self.date, self.note)


def with_history(previous: Review | None, new: Review) -> Review:
    """What to record when ``new`` is given on a finding whose review was ``previous``.

    A decision becomes the finding's review and ``previous`` goes into its history. A note alone
    goes into the history and leaves the standing decision in place."""
    if previous is None:
        return new
    if not new.decision and previous.decision:
        return replace(previous, history=(*previous.history, new.entry()))
    return replace(new, history=(*previous.history, previous.entry()))


@dataclass(frozen=True)
class ReviewState:
    """Where a finding stands with its reviewers now."""

    finding_id: str
    status: ReviewStatus
    review: Review | None = None
    reasons: tuple[str, ...] = ()    # why it needs re-review

    @property
    def dismissed(self) -> bool:
        """Dismissed by its latest decision, even if the finding has changed since."""
        return self.review is not None and self.review.decision == "dismissed"

    def describe(self) -> str:
        """One line for people: "confirmed by A. Reviewer on 5 January 2026"."""
        if self.review is None:
            return self.status.value
        if not self.review.decision:
            return f"{self.status.value} ({self.review.entry().describe()})"
        decided = self.review.entry().describe()
        if self.status is ReviewStatus.NEEDS_REREVIEW:
            return f"needs re-review (was {decided}: {'; '.join(self.reasons)})"
        return decided

    def record(self) -> dict:
        """The JSON form, for ``findings.json``, the CSV and the HTML report."""
        review = self.review
        return {
            "status": self.status.value,
            "decision": (review.decision or None) if review else None,
            "by": review.by if review else None,
            "date": review.date.isoformat() if review else None,
            "note": review.note if review else None,
            "reasons": list(self.reasons),
        }


# ---------------------------------------------------------------------- fingerprints

def _normal(text: str) -> str:
    return " ".join(text.split())


def _hash(text: str, length: int = 12) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def evidence_keys(finding: Finding) -> tuple[str, ...]:
    """Each cited evidence item as ``id@hash-of-its-quote``, sorted."""
    return tuple(sorted({f"{c.evidence_id}@{_hash(_normal(c.quote))}" for c in finding.evidence}))


def fingerprint(finding: Finding) -> str:
    """What a reviewer saw: the claim's words, the verdict, the evidence ids and their quotes."""
    canonical = json.dumps({"claim": _normal(finding.claim.text), "verdict": finding.verdict.value,
                            "evidence": list(evidence_keys(finding))},
                           sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def decide(finding: Finding, decision: str, by: str, on: dt.date, note: str = "") -> Review:
    """A reviewer's decision on ``finding`` as it stands now; ``decision`` "" records ``note``
    alone."""
    if not decision and not note.strip():
        raise ReviewError("give a decision (--confirm or --dismiss), a --note, or both",
                          field="decision")
    if decision and decision not in DECISIONS:
        raise ReviewError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}",
                          field="decision")
    if not by.strip():
        raise ReviewError("say who reviewed it (--by NAME)", field="--by")
    return Review(finding_id=finding.id, decision=decision, by=by.strip(), date=on,
                  fingerprint=fingerprint(finding), note=note.strip(),
                  verdict=finding.verdict.value, claim=_normal(finding.claim.text),
                  evidence=evidence_keys(finding))


# ---------------------------------------------------------------------- status

def review_status(findings: Iterable[Finding],
                  reviews: Mapping[str, Review] | None) -> dict[str, ReviewState]:
    """Each finding's review state, by finding id. ``reviews`` as ``load_reviews`` returns them."""
    findings = list(findings)
    reviews = reviews or {}
    current = {f.id for f in findings}
    orphans = [r for r in reviews.values() if r.finding_id not in current]
    states: dict[str, ReviewState] = {}
    for finding in findings:
        review = reviews.get(finding.id)
        if review is not None:
            reasons = _changes(review, finding)
            if not review.decision:
                states[finding.id] = ReviewState(finding.id, ReviewStatus.UNREVIEWED, review)
            elif not reasons:
                states[finding.id] = ReviewState(finding.id, ReviewStatus(review.decision), review)
            else:
                states[finding.id] = ReviewState(finding.id, ReviewStatus.NEEDS_REREVIEW, review,
                                                 reasons)
            continue
        old = _reworded_from(finding, orphans)
        if old is not None:
            orphans.remove(old)
            reasons = ("the claim's wording changed",) + tuple(
                r for r in _changes(old, finding) if r != "the claim's wording changed")
            states[finding.id] = ReviewState(finding.id, ReviewStatus.NEEDS_REREVIEW, old, reasons)
        else:
            states[finding.id] = ReviewState(finding.id, ReviewStatus.UNREVIEWED)
    return states


def _changes(review: Review, finding: Finding) -> tuple[str, ...]:
    """What changed in ``finding`` since ``review`` was recorded, in words; empty if nothing."""
    if review.fingerprint == fingerprint(finding):
        return ()
    reasons = []
    if review.claim and review.claim != _normal(finding.claim.text):
        reasons.append("the claim's wording changed")
    if review.verdict and review.verdict != finding.verdict.value:
        reasons.append(f"the verdict changed from {review.verdict} to {finding.verdict.value}")
    old = dict(key.rsplit("@", 1) for key in review.evidence if "@" in key)
    new = dict(key.rsplit("@", 1) for key in evidence_keys(finding))
    for evidence_id in sorted(old.keys() & new.keys()):
        if old[evidence_id] != new[evidence_id]:
            reasons.append(f"the quoted text of {evidence_id} changed")
    for evidence_id in sorted(new.keys() - old.keys()):
        reasons.append(f"{evidence_id} is now cited")
    for evidence_id in sorted(old.keys() - new.keys()):
        reasons.append(f"{evidence_id} is no longer cited")
    return tuple(reasons) or ("what the finding rests on changed",)


def _reworded_from(finding: Finding, orphans: list[Review]) -> Review | None:
    """An orphaned review of the same statement whose claim reads much like this one."""
    statement_prefix = finding.statement.id + ":"
    best, best_score = None, REWORDED_SIMILARITY
    for review in orphans:
        if not review.finding_id.startswith(statement_prefix) or not review.claim:
            continue
        score = fuzz.ratio(review.claim, _normal(finding.claim.text))
        if score >= best_score:
            best, best_score = review, score
    return best


def needing_review(findings: Iterable[Finding],
                   reviews: Mapping[str, Review] | None) -> list[tuple[Finding, ReviewState]]:
    """Findings not yet reviewed or needing re-review: the most serious verdicts first."""
    findings = list(findings)
    states = review_status(findings, reviews)
    rank = {v: i for i, v in enumerate(VERDICT_SEVERITY)}
    waiting = [(f, states[f.id]) for f in findings
               if states[f.id].status in (ReviewStatus.UNREVIEWED, ReviewStatus.NEEDS_REREVIEW)]
    return sorted(waiting, key=lambda pair: (pair[1].status is ReviewStatus.UNREVIEWED,
                                             rank[pair[0].verdict], pair[0].statement.date.start,
                                             pair[0].id))


def orphaned(findings: Iterable[Finding], reviews: Mapping[str, Review]) -> list[Review]:
    """Reviews whose finding no longer exists and that no reworded claim took over."""
    findings = list(findings)
    states = review_status(findings, reviews)
    used = {s.review.finding_id for s in states.values() if s.review is not None}
    return [r for r in reviews.values() if r.finding_id not in used]


# ---------------------------------------------------------------------- the file

def reviews_path(claims_dir: Path) -> Path:
    """``reviews.toml`` beside the corpus folders, like ``lexicon.toml``."""
    return claims_dir.resolve().parent / REVIEWS_FILE


def load_reviews(path: Path) -> dict[str, Review]:
    """Read a reviews file; a missing file means no reviews yet."""
    try:
        text = read_bounded(path, MAX_REVIEWS_BYTES, ReviewError,
                            hint="one review takes well under 1 KB").decode("utf-8")
    except FileNotFoundError:
        return {}
    except UnicodeDecodeError as error:
        raise ReviewError(f"cannot read the reviews file: {error}", path) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ReviewError(f"not valid TOML: {error}", path) from None
    reviews = {}
    for finding_id, table in data.items():
        if not isinstance(table, dict):
            raise ReviewError("each review must be a table: [\"finding-id\"]", path,
                              field=finding_id)
        reviews[finding_id] = _review_from(finding_id, table, path)
    return reviews


def _review_from(finding_id: str, table: dict, path: Path) -> Review:
    entry = _entry_from(table, path, finding_id)
    evidence = table.get("evidence", [])
    if not isinstance(evidence, list) or not all(isinstance(e, str) for e in evidence):
        raise ReviewError("evidence must be a list of strings", path,
                          field=f"{finding_id}.evidence")
    history = table.get("history", [])
    if not isinstance(history, list) or not all(isinstance(h, dict) for h in history):
        raise ReviewError("history must be a list of tables", path, field=f"{finding_id}.history")
    return Review(finding_id=finding_id, decision=entry.decision, by=entry.by, date=entry.date,
                  fingerprint=_text(table, "fingerprint", path, finding_id, required=True),
                  note=entry.note, verdict=_text(table, "verdict", path, finding_id),
                  claim=_text(table, "claim", path, finding_id), evidence=tuple(sorted(evidence)),
                  history=tuple(_entry_from(h, path, f"{finding_id}.history[{i}]")
                                for i, h in enumerate(history)))


def _text(table: dict, name: str, path: Path, where: str, required: bool = False) -> str:
    value = table.get(name, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise ReviewError(f"'{name}' must be {'a non-empty' if required else 'a'} string",
                          path, field=f"{where}.{name}")
    return value


def _entry_from(table: dict, path: Path, where: str) -> Entry:
    """The decision, reviewer, date and note of a review or of one entry in its history."""
    decision = _text(table, "decision", path, where)
    if decision not in ("", *DECISIONS):
        raise ReviewError(f"decision must be one of {', '.join(DECISIONS)}, or empty with a note",
                          path, field=f"{where}.decision")
    if not decision and not _text(table, "note", path, where).strip():
        raise ReviewError("an entry without a decision must have a note", path,
                          field=f"{where}.note")
    date = table.get("date")
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date)
        except ValueError:
            date = None
    if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
        raise ReviewError("date must be YYYY-MM-DD", path, field=f"{where}.date")
    return Entry(decision, _text(table, "by", path, where, required=True), date,
                 _text(table, "note", path, where))


def reviews_toml(reviews: Mapping[str, Review]) -> str:
    """The file's text: sorted by finding id, fixed key order, one value a line."""
    lines = ["# claimcheck reviews: one table per finding, written by `claimcheck review`.",
             "# A finding whose claim, verdict or quoted evidence changed since its review is",
             "# shown as needing re-review.", ""]
    for finding_id in sorted(reviews):
        r = reviews[finding_id]
        lines += [f"[{_toml_string(finding_id)}]",
                  f"decision = {_toml_string(r.decision)}",
                  f"by = {_toml_string(r.by)}",
                  f"date = {r.date.isoformat()}",
                  f"note = {_toml_string(r.note)}",
                  f"verdict = {_toml_string(r.verdict)}",
                  f"claim = {_toml_string(r.claim)}",
                  "evidence = [" + ", ".join(_toml_string(e) for e in r.evidence) + "]",
                  f"fingerprint = {_toml_string(r.fingerprint)}",
                  ""]
        for entry in r.history:
            lines += [f"[[{_toml_string(finding_id)}.history]]",
                      f"decision = {_toml_string(entry.decision)}",
                      f"by = {_toml_string(entry.by)}",
                      f"date = {entry.date.isoformat()}",
                      f"note = {_toml_string(entry.note)}",
                      ""]
    return "\n".join(lines)


def save_review(path: Path, review: Review) -> dict[str, Review]:
    """Record ``review`` in the file at ``path``; an earlier review of that finding goes into
    its history (see ``with_history``)."""
    with _locked(path):
        reviews = load_reviews(path)
        reviews[review.finding_id] = with_history(reviews.get(review.finding_id), review)
        write_atomic(path, reviews_toml(reviews))
    return reviews


LOCK_WAIT_SECONDS = 30.0


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold ``.<name>.lock`` beside the reviews file, so that reviews recorded at the same time
    each read the file with the others' decisions in it. The lock is the system's (``flock``,
    ``msvcrt.locking``): it ends with the process holding it, so a killed review leaves none."""
    lock = path.parent / f".{path.name}.lock"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock, "a+b")  # closed below, which lets the lock go
    except OSError as error:
        raise ReviewError(f"cannot lock the reviews file: {error.strerror or error}",
                          lock) from None
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    try:
        while not _try_lock(handle):
            if time.monotonic() > deadline:
                raise ReviewError(f"another review has held {lock.name} for "
                                  f"{LOCK_WAIT_SECONDS:.0f}s; try again", path)
            time.sleep(0.01)
        yield
    finally:
        handle.close()   # closing lets the lock go


def _try_lock(handle) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:  # pragma: no cover - Windows
            import msvcrt
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    except (BlockingIOError, PermissionError):
        return False
    except OSError as error:
        if error.errno in (errno.EACCES, errno.EAGAIN, errno.EDEADLK):
            return False
        raise
    return True


_TOML_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f",
                 "\r": "\\r"}


def _toml_string(value: str) -> str:
    """A TOML basic string; control characters escaped, never written raw."""
    out = []
    for ch in value:
        if ch in _TOML_ESCAPES:
            out.append(_TOML_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _human(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"
