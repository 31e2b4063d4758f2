"""``claimcheck correction``, ``claimcheck review`` and the extra formats of ``claimcheck check``.

A thin shell over :mod:`claimcheck.letters`, :mod:`claimcheck.review`,
:mod:`claimcheck.html_report` and :mod:`claimcheck.exports`: each command parses its options, runs
the check, calls the library and prints what it wrote (stdout) and warnings (stderr). A
ClaimcheckError becomes one line on stderr and exit status 1.

Environment: ``CLAIMCHECK_ORGANISATION`` names the organisation that publishes the ClaimReview
output (default ``claimcheck``); ``CLAIMCHECK_SITE_URL`` is where ``report.html`` will be published,
so each ClaimReview's ``url`` is absolute; ``CLAIMCHECK_REVIEWER`` is the default for ``--by``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Annotated

import typer

from .cli_support import print_problems, reported, warn
from .errors import FindingError, InputError, ReviewError
from .exports import DEFAULT_ORGANISATION, claimreview_json, findings_csv
from .html_report import html_report
from .letters import correction_request, write_letter
from .model import CheckResult, Finding
from .pipeline import check_folders
from .review import (
    Review,
    ReviewState,
    ReviewStatus,
    decide,
    load_reviews,
    needing_review,
    orphaned,
    review_status,
    reviews_path,
    save_review,
)
from .terminal import echo

FORMATS = ("html", "csv", "claimreview")
FILE_NAMES = {"html": "report.html", "csv": "findings.csv", "claimreview": "claimreview.json"}

ClaimsDir = Annotated[Path, typer.Option("--claims", help="Folder of statement files.")]
EvidenceDir = Annotated[Path, typer.Option("--evidence", help="Folder of evidence files.")]
LexiconFiles = Annotated[list[Path] | None, typer.Option(
    "--lexicon", help="Extra lexicon TOML file (repeatable).")]
ReviewsFile = Annotated[Path | None, typer.Option(
    "--reviews", help="The reviews file (default: reviews.toml beside the claims folder).")]


# ---------------------------------------------------------------------- shared

def parse_formats(value: str | Iterable[str]) -> tuple[str, ...]:
    """``"html,csv"`` (or a list of names) as a tuple of known format names, in order, once each."""
    names = value.split(",") if isinstance(value, str) else list(value)
    chosen: list[str] = []
    for name in (n.strip().lower() for n in names):
        if not name or name == "none":
            continue
        if name not in FORMATS:
            raise InputError(f"unknown format '{name}': choose from {', '.join(FORMATS)}",
                             field="--format")
        if name not in chosen:
            chosen.append(name)
    return tuple(chosen)


def extra_outputs(result: CheckResult, out_dir: Path, formats: str | Iterable[str],
                  reviews: Mapping[str, Review] | None = None,
                  generated_at: dt.datetime | None = None) -> dict[Path, str]:
    """The text of ``report.html``, ``findings.csv`` and/or ``claimreview.json``, by path.

    ``formats`` is ``"html,csv,claimreview"`` or a list of those names. ClaimReview takes its
    publisher from ``CLAIMCHECK_ORGANISATION`` and ``CLAIMCHECK_SITE_URL``."""
    when = generated_at or dt.datetime.now(dt.UTC)
    outputs = {}
    for name in parse_formats(formats):
        if name == "html":
            text = html_report(result, reviews, generated_at=when)
        elif name == "csv":
            text = findings_csv(result, reviews)
        else:
            text = claimreview_json(
                result, reviews,
                organisation=os.environ.get("CLAIMCHECK_ORGANISATION") or DEFAULT_ORGANISATION,
                site_url=os.environ.get("CLAIMCHECK_SITE_URL") or None,
                published=when.date())
        outputs[out_dir / FILE_NAMES[name]] = text
    return outputs


def _check(claims: Path, evidence: Path, lexicon: list[Path] | None) -> CheckResult:
    result = check_folders(claims, evidence, lexicon, Path(".claimcheck-cache"), warn=warn)
    print_problems(result.problems)
    return result


def find_finding(findings: Iterable[Finding], wanted: str) -> Finding:
    """The finding with id ``wanted``, or the only one whose id starts with it."""
    findings = list(findings)
    for finding in findings:
        if finding.id == wanted:
            return finding
    matches = [f for f in findings if f.id.startswith(wanted)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise FindingError("more than one finding starts with that: "
                           + ", ".join(sorted(f.id for f in matches)), wanted)
    statement = wanted.split(":", 1)[0]
    siblings = sorted(f.id for f in findings if f.statement.id == statement)
    hint = (f"; the findings of {statement} are " + ", ".join(siblings) if siblings else
            "; run `claimcheck review` to list the findings")
    raise FindingError("no such finding" + hint, wanted)


# ---------------------------------------------------------------------- commands

def correction(
    finding_id: Annotated[str, typer.Argument(
        help="The finding's id, as in findings.json (or a unique start of it).")],
    claims: ClaimsDir = Path("claims"),
    evidence: EvidenceDir = Path("evidence"),
    out: Annotated[Path, typer.Option(
        "--out", help="Reports folder; the letter goes in its corrections/ folder.")]
        = Path("reports"),
    by: Annotated[str | None, typer.Option(
        "--by", help="Who signs the letter: your name and organisation.")] = None,
    reviews_file: ReviewsFile = None,
    lexicon: LexiconFiles = None,
) -> None:
    """Draft a letter asking the Minister to correct the record (Markdown and Word)."""
    with reported():
        result = _check(claims, evidence, lexicon)
        finding = find_finding(result.findings, finding_id)
        reviews = load_reviews(reviews_file or reviews_path(claims))
        state = review_status(result.findings, reviews)[finding.id]
        letter = correction_request(finding, dt.date.today(), state, sender=by)
        paths = write_letter(letter, out / "corrections")
    if state.status in (ReviewStatus.UNREVIEWED, ReviewStatus.NEEDS_REREVIEW):
        echo(f"note: finding {finding.id} is {state.describe()}; review it before sending",
                   err=True)
    for path in paths:
        echo(f"wrote {path}")


def review(
    finding_id: Annotated[str | None, typer.Argument(
        help="The finding's id (or a unique start of it). Without it, list the findings not yet "
             "reviewed or needing re-review.")] = None,
    decision: Annotated[bool | None, typer.Option(
        "--confirm/--dismiss", help="Record that the finding is confirmed, or dismissed.",
        show_default=False)] = None,
    note: Annotated[str, typer.Option("--note", help="Why: what you checked.")] = "",
    by: Annotated[str | None, typer.Option(
        "--by", help="Who reviewed it (default: the CLAIMCHECK_REVIEWER variable).")] = None,
    claims: ClaimsDir = Path("claims"),
    evidence: EvidenceDir = Path("evidence"),
    reviews_file: ReviewsFile = None,
    lexicon: LexiconFiles = None,
) -> None:
    """Record a reviewer's decision on a finding, or list the findings waiting for one."""
    with reported():
        path = reviews_file or reviews_path(claims)
        reviews = load_reviews(path)
        result = _check(claims, evidence, lexicon)
        if finding_id is None:
            if decision is not None:
                raise ReviewError("give the finding's id to --confirm or --dismiss",
                                  field="FINDING_ID")
            _list_waiting(result, reviews)
            return
        finding = find_finding(result.findings, finding_id)
        if decision is None:
            _show(finding, review_status(result.findings, reviews)[finding.id])
            return
        reviewer = by or os.environ.get("CLAIMCHECK_REVIEWER") or ""
        record = decide(finding, "confirmed" if decision else "dismissed", reviewer,
                        dt.date.today(), note)
        save_review(path, record)
    echo(f"{record.decision} {finding.id} (by {record.by}); recorded in {path}")


def _list_waiting(result: CheckResult, reviews: Mapping[str, Review]) -> None:
    waiting = needing_review(result.findings, reviews)
    for finding, state in waiting:
        claim = " ".join(finding.claim.text.split())
        claim = claim if len(claim) <= 90 else claim[:89] + "…"
        echo(f"{state.status.value:<17}{finding.verdict.value:<14}{finding.id}")
        echo(f"{'':<31}{_where(finding)}: {claim}")
        for reason in state.reasons:
            echo(f"{'':<31}changed: {reason}")
    for stale in orphaned(result.findings, reviews):
        echo(f"{'orphaned':<17}{stale.verdict or '':<14}{stale.finding_id}  "
                   "(no finding has this id any more; its review is kept)")
    echo(f"{len(waiting)} of {len(result.findings)} findings waiting for review")


def _show(finding: Finding, state: ReviewState) -> None:
    echo(f"{finding.id}: {finding.verdict.value} (confidence {finding.confidence:.2f})")
    echo(f"  {_where(finding)}, {finding.statement.speaker}")
    echo(f"  claim: {' '.join(finding.claim.text.split())}")
    for citation in finding.evidence:
        echo(f"  {citation.relation}: {citation.evidence_id} ({citation.fact_date})")
    echo(f"  review: {state.describe()}")
    if state.review and state.review.note:
        echo(f"  note: {state.review.note}")


def _where(finding: Finding) -> str:
    s = finding.statement
    reference, when = s.reference or s.id, s.date.human()
    return reference if when in reference else f"{reference}, {when}"
