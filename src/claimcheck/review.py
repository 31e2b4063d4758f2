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
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

from .errors import ReviewError
from .files import read_bounded
from .model import VERDICT_SEVERITY, Finding

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
class Review:
    """One reviewer's decision on one finding, and what the finding said when it was made."""

    finding_id: str
    decision: str            # "confirmed" or "dismissed"
    by: str
    date: dt.date
    fingerprint: str
    note: str = ""
    verdict: str = ""
    claim: str = ""
    evidence: tuple[str, ...] = ()   # "evidence-id@quote-hash", sorted


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
        decided = f"{self.review.decision} by {self.review.by} on {_human(self.review.date)}"
        if self.status is ReviewStatus.NEEDS_REREVIEW:
            return f"needs re-review (was {decided}: {'; '.join(self.reasons)})"
        return decided

    def record(self) -> dict:
        """The JSON form, for ``findings.json``, the CSV and the HTML report."""
        review = self.review
        return {
            "status": self.status.value,
            "decision": review.decision if review else None,
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
    """A reviewer's decision on ``finding`` as it stands now."""
    if decision not in DECISIONS:
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
            if not reasons:
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
    def text(name: str, required: bool = False) -> str:
        value = table.get(name, "")
        if not isinstance(value, str) or (required and not value.strip()):
            raise ReviewError(f"'{name}' must be {'a non-empty' if required else 'a'} string",
                              path, field=f"{finding_id}.{name}")
        return value

    decision = text("decision", required=True)
    if decision not in DECISIONS:
        raise ReviewError(f"decision must be one of {', '.join(DECISIONS)}", path,
                          field=f"{finding_id}.decision")
    date = table.get("date")
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date)
        except ValueError:
            date = None
    if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
        raise ReviewError("date must be YYYY-MM-DD", path, field=f"{finding_id}.date")
    evidence = table.get("evidence", [])
    if not isinstance(evidence, list) or not all(isinstance(e, str) for e in evidence):
        raise ReviewError("evidence must be a list of strings", path,
                          field=f"{finding_id}.evidence")
    return Review(finding_id=finding_id, decision=decision, by=text("by", required=True),
                  date=date, fingerprint=text("fingerprint", required=True), note=text("note"),
                  verdict=text("verdict"), claim=text("claim"), evidence=tuple(sorted(evidence)))


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
    return "\n".join(lines)


def save_review(path: Path, review: Review) -> dict[str, Review]:
    """Record ``review`` in the file at ``path`` (replacing any earlier one for that finding)."""
    # Imported here, not at the top: report.py imports this module to show review status.
    from .report import write_atomic
    with _locked(path):
        reviews = load_reviews(path)
        reviews[review.finding_id] = review
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
