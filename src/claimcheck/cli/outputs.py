"""``claimcheck correction``, ``claimcheck review`` and the extra formats of ``claimcheck check``.

A thin shell over :mod:`claimcheck.outputs.letters`, :mod:`claimcheck.review.store`,
:mod:`claimcheck.outputs.html_report` and :mod:`claimcheck.outputs.exports`: each command parses its options, runs
the check, calls the library and prints what it wrote (stdout) and warnings (stderr). A
ClaimcheckError becomes one line on stderr and exit status 1.

Environment: ``CLAIMCHECK_ORGANISATION`` names the organisation that publishes the ClaimReview
output (default ``claimcheck``, with a warning); ``CLAIMCHECK_SITE_URL`` is where ``report.html``
will be published, so each ClaimReview's ``url`` is absolute (a warning without it);
``CLAIMCHECK_CLAIMREVIEW=all`` publishes every finding not dismissed instead of only the
confirmed contradicted and corrected ones; ``CLAIMCHECK_REVIEWER`` is the default for ``--by``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimcheck.cli.options import (
    CACHE_DIR,
    CLAIMS,
    EVIDENCE,
    ClaimsDir,
    EvidenceDir,
    LexiconFiles,
    ReviewsFile,
)
from claimcheck.cli.support import print_problems, reported, warn
from claimcheck.cli.terminal import echo
from claimcheck.errors import FindingError, InputError

# The library modules (the reports, letters, reviews and the check) are imported by the commands
# that use them, so that `claimcheck --help` and an up-to-date `check` do not wait for them.
if TYPE_CHECKING:
    from claimcheck.model import CheckResult, Finding
    from claimcheck.review.store import Review, ReviewState

FORMATS = ("html", "csv", "claimreview")
FILE_NAMES = {"html": "report.html", "csv": "findings.csv", "claimreview": "claimreview.json"}

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
    from claimcheck.outputs.exports import (
        DEFAULT_ORGANISATION,
        claimreview_json,
        findings_csv,
        publisher_warnings,
    )
    from claimcheck.outputs.html_report import html_report

    when = generated_at or dt.datetime.now(dt.UTC)
    outputs = {}
    for name in parse_formats(formats):
        if name == "html":
            text = html_report(result, reviews, generated_at=when)
        elif name == "csv":
            text = findings_csv(result, reviews)
        else:
            organisation = os.environ.get("CLAIMCHECK_ORGANISATION") or None
            site_url = os.environ.get("CLAIMCHECK_SITE_URL") or None
            for warning in publisher_warnings(organisation, site_url):
                warn(warning)
            text = claimreview_json(
                result, reviews, organisation=organisation or DEFAULT_ORGANISATION,
                site_url=site_url, published=when.date(),
                decided_only=os.environ.get("CLAIMCHECK_CLAIMREVIEW", "").lower() != "all")
        outputs[out_dir / FILE_NAMES[name]] = text
    return outputs


def _check(claims: Path, evidence: Path, lexicon: list[Path] | None) -> CheckResult:
    from claimcheck.pipeline.run import check_folders

    result = check_folders(claims, evidence, lexicon, CACHE_DIR, warn=warn)
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
        metavar="FINDING_ID",
        help="The finding's id, as in findings.json (or a unique start of it).")],
    claims: ClaimsDir = CLAIMS,
    evidence: EvidenceDir = EVIDENCE,
    out: Annotated[Path, typer.Option(
        "--out", metavar="DIR",
        help="Reports folder; the letter goes in its corrections/ folder.")]
        = Path("reports"),
    by: Annotated[str | None, typer.Option(
        "--by", metavar="NAME", help="Who signs the letter: your name and organisation.")] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Overwrite the draft even if it was edited since it was written.")] = False,
    reviews_file: ReviewsFile = None,
    lexicon: LexiconFiles = None,
) -> None:
    """Draft a letter asking the Minister to correct the record.

    Writes it as Markdown and as a Word document in the corrections/ folder of --out. A draft
    you have edited is never overwritten: the new draft gets the next number (-2, -3, ...).
    """
    from claimcheck.outputs.letters import correction_request, write_letter
    from claimcheck.review.store import ReviewStatus, load_reviews, review_status, reviews_path

    with reported():
        result = _check(claims, evidence, lexicon)
        finding = find_finding(result.findings, finding_id)
        reviews = load_reviews(reviews_file or reviews_path(claims))
        state = review_status(result.findings, reviews)[finding.id]
        letter = correction_request(finding, dt.date.today(), state, sender=by,
                                    evidence={e.id: e for e in result.corpus.evidence})
        written = write_letter(letter, out / "corrections", force=force)
    if state.status in (ReviewStatus.UNREVIEWED, ReviewStatus.NEEDS_REREVIEW):
        echo(f"note: finding {finding.id} is {state.describe()}; review it before sending",
                   err=True)
    for path in written.kept:
        echo(f"kept {path}: it was edited since claimcheck wrote it (--force overwrites it)",
                   err=True)
    for path in written.paths:
        echo(f"wrote {path}")
    echo(f"note: letters are kept in {out / 'corrections'}. The default reports/ folder is "
               "ignored by git; to keep a letter in git, add it with "
               f"'git add -f {written.paths[0]}', or give --out a folder git tracks", err=True)


def review(
    finding_id: Annotated[str | None, typer.Argument(
        metavar="FINDING_ID",
        help="The finding's id (or a unique start of it). Without it, list the findings not yet "
             "reviewed or needing re-review.")] = None,
    confirm: Annotated[bool, typer.Option(
        "--confirm", help="Record that the finding is confirmed.")] = False,
    dismiss: Annotated[bool, typer.Option(
        "--dismiss", help="Record that the finding is dismissed.")] = False,
    note: Annotated[str, typer.Option("--note", metavar="TEXT", help=(
        "Why: what you checked. Given alone, it is recorded without changing the decision."))] = "",
    by: Annotated[str | None, typer.Option(
        "--by", metavar="NAME", help="Who reviewed it (default: the CLAIMCHECK_REVIEWER variable).")] = None,
    claims: ClaimsDir = CLAIMS,
    evidence: EvidenceDir = EVIDENCE,
    reviews_file: ReviewsFile = None,
    lexicon: LexiconFiles = None,
) -> None:
    """Record a review, or list the findings waiting for one.

    A decision that replaces someone's earlier one says whose it was and when; the earlier one
    is kept in the history in reviews.toml.
    """
    if confirm and dismiss:
        raise typer.BadParameter("give one of them: a finding is confirmed or dismissed, not both",
                                 param_hint="--confirm / --dismiss")
    decision = "confirmed" if confirm else "dismissed" if dismiss else ""
    if finding_id is None and (decision or note):
        raise typer.BadParameter("give the id of the finding to review", param_hint="FINDING_ID")
    from claimcheck.review.store import (
        decide,
        load_reviews,
        review_status,
        reviews_path,
        save_review,
    )

    with reported():
        path = reviews_file or reviews_path(claims)
        reviews = load_reviews(path)
        result = _check(claims, evidence, lexicon)
        if finding_id is None:
            _list_waiting(result, reviews)
            return
        finding = find_finding(result.findings, finding_id)
        if not decision and not note:
            _show(finding, review_status(result.findings, reviews)[finding.id])
            return
        reviewer = by or os.environ.get("CLAIMCHECK_REVIEWER") or ""
        record = decide(finding, decision, reviewer, dt.date.today(), note)
        save_review(path, record)
    previous = reviews.get(finding.id)
    if decision:
        echo(f"{decision} {finding.id} (by {record.by}); recorded in {path}")
    else:
        echo(f"noted {finding.id} (by {record.by}); recorded in {path}")
    if decision and previous is not None and previous.decision and (
            previous.decision, previous.by) != (decision, record.by):
        echo(f"note: this replaces the decision {previous.entry().describe()}"
                   + (f" ({previous.note})" if previous.note else "")
                   + f"; it is kept in the history in {path}", err=True)


def _list_waiting(result: CheckResult, reviews: Mapping[str, Review]) -> None:
    from claimcheck.review.store import needing_review, orphaned

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
    for entry in state.review.history if state.review else ():
        echo(f"  earlier: {entry.describe()}" + (f": {entry.note}" if entry.note else ""))


def _where(finding: Finding) -> str:
    s = finding.statement
    reference, when = s.reference or s.id, s.date.human()
    return reference if when in reference else f"{reference}, {when}"
