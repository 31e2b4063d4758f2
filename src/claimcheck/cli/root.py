"""The ``claimcheck`` command: parse options, call the library, print. Nothing else lives here.

Exit codes: 0 done; 1 a claimcheck error (bad input, unwritable output; one line on stderr), or
with ``--strict`` any skipped input; 2 a usage error (unknown option, missing argument).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from claimcheck import __version__
from claimcheck.cli.evaluate import eval_command
from claimcheck.cli.fetch import add, fetch_app
from claimcheck.cli.options import (
    CACHE_DIR,
    CLAIMS,
    EVIDENCE,
    ClaimsDir,
    EvidenceDir,
    LexiconFiles,
    NoCache,
    ReadingsCacheDir,
)
from claimcheck.cli.outputs import FILE_NAMES, correction, extra_outputs, parse_formats, review
from claimcheck.cli.support import PlainGroup, PlainHelp, echo, print_problems, reported, warn

# Each command imports the library modules it uses, and `check` only once it knows the reports
# are out of date: `--help`, `version` and an up-to-date check start in a fraction of a second.

app = typer.Typer(cls=PlainGroup, no_args_is_help=True, add_completion=False,
                  rich_markup_mode=None,
                  help="Find ministerial statements contradicted by facts that already existed "
                       "when they were made.")

def _progress():
    """Progress on stderr for people at a terminal; silence for pipes and CI logs."""
    if not sys.stderr.isatty():
        return None
    state: dict[str, int] = {}

    def report(stage: str, done: int, total: int) -> None:
        step = max(1, total // 20)
        if done == total or done - state.get(stage, 0) >= step:
            state[stage] = done
            typer.echo(f"\r{stage}: {done}/{total}", err=True, nl=done == total)
    return report


def _not_negative(value: int) -> int:
    if value < 0:
        raise typer.BadParameter("must be 0 or more")
    return value


@app.command(cls=PlainHelp)
def check(
    claims: ClaimsDir = CLAIMS,
    evidence: EvidenceDir = EVIDENCE,
    out: Annotated[Path, typer.Option("--out", metavar="DIR", help="Folder for findings.json, report.md and the other reports (report.html, ...).")]
        = Path("reports"),
    lexicon: LexiconFiles = None,
    strict: Annotated[bool, typer.Option("--strict", help="Stop at the first bad input file "
                                                            "instead of skipping it.")] = False,
    cache_dir: ReadingsCacheDir = CACHE_DIR,
    no_cache: NoCache = False,
    formats: Annotated[str, typer.Option(
        "--format", metavar="FORMATS", help="Outputs besides findings.json and report.md, comma-separated: html, "
                         "csv, claimreview (or none).")] = "html",
    jobs: Annotated[int, typer.Option("--jobs", metavar="N", callback=_not_negative,
                                      help="Processes for spaCy (0, the default: 2 for corpora "
                                           "of 2,000 files or more, else 1).")] = 0,
    cluster: Annotated[str | None, typer.Option(
        "--cluster", metavar="ADDRESS",
        help="Read the corpus (spaCy and embeddings) on a Dask cluster: a scheduler's address "
             "(tcp://host:8786), or 'local' for one on this machine. Needs "
             "'claimcheck[cluster]'.")] = None,
) -> None:
    """Judge every claim against the evidence and write the reports.

    With the cache on, a run whose inputs (corpus files, lexicons, reviews, options, claimcheck
    itself) are unchanged since the reports in --out were written does nothing and says so.
    """
    from claimcheck.outputs.freshness import inputs_fingerprint, up_to_date
    from claimcheck.review.store import reviews_path

    with reported():
        chosen = parse_formats(formats)
        inputs = inputs_fingerprint(
            [claims, evidence],
            [claims.resolve().parent / "lexicon.toml", reviews_path(claims), *(lexicon or [])],
            [f"strict={strict}", f"formats={','.join(chosen)}"],
            manifest=None if no_cache else cache_dir / "manifest.json")
        expected = ["findings.json", "report.md", *(FILE_NAMES[name] for name in chosen)]
        recorded = None if no_cache else up_to_date(out, inputs, expected)
        if recorded is not None:
            summary = recorded["summary"]
            _summarise(summary["statements"], summary["claims"], summary["evidence"],
                       summary["statement_verdicts"])
            echo(f"nothing changed since {recorded['generated_at']}: the reports in {out} are "
                 "up to date")
            return
        from claimcheck.outputs.report import write_reports
        from claimcheck.pipeline.run import check_folders, statement_verdicts
        from claimcheck.review.store import load_reviews

        result = check_folders(claims, evidence, lexicon, None if no_cache else cache_dir,
                               strict=strict, jobs=jobs, progress=_progress(), warn=warn,
                               cluster=cluster)
        reviews = load_reviews(reviews_path(claims))
        when = dt.datetime.now(dt.UTC)
        paths = write_reports(result, out, when, reviews,
                              extra=extra_outputs(result, out, chosen, reviews, when),
                              inputs=inputs)
    print_problems(result.problems)
    worst = statement_verdicts(result.findings)
    counts = Counter(f.verdict.value for f in worst.values())
    _summarise(len(result.corpus.statements), len(result.findings), len(result.corpus.evidence),
               counts)
    for path in paths:
        echo(f"wrote {path}")


def _summarise(statements: int, claims: int, evidence: int, verdicts) -> None:
    from claimcheck.model import VERDICT_SEVERITY

    echo(f"{statements} statements, {claims} claims, {evidence} evidence documents")
    echo(f"{'verdict':<14}{'statements':>10}")
    for verdict in VERDICT_SEVERITY:
        echo(f"{verdict.value:<14}{verdicts.get(verdict.value, 0):>10}")


@app.command(cls=PlainHelp)
def claims(
    file: Annotated[Path, typer.Argument(
        metavar="FILE", help="A statement file (claims/*.md) or an evidence file (evidence/*.md).")],
    lexicon: LexiconFiles = None,
) -> None:
    """Show how one statement's claims, or one document's facts, were read.

    For each claim: its polarity, modality, action and arguments, what "the data" and similar
    words refer to, and the claim as it stands alone. For each fact of an evidence file: when it
    held and where that time came from.
    """
    with reported():
        # extractor imports spaCy: only the commands that parse text import it.
        from claimcheck.corpus.load import is_evidence_file, load_evidence, load_statement
        from claimcheck.extract.extractor import Extractor
        from claimcheck.extract.nlp import load_pipeline
        from claimcheck.match.retrieve import claim_text
        from claimcheck.pipeline.run import lexicon_for

        evidence = is_evidence_file(file)
        item = load_evidence(file) if evidence else load_statement(file)
        extractor = Extractor(load_pipeline(), lexicon_for(file.parent, lexicon or []))
        found = extractor.facts(item) if evidence else extractor.claims(item)
    if evidence:
        echo(f"{item.id}: {item.title}, dated {item.date.human()}, {len(found)} fact(s)")
    else:
        echo(f"{item.id}: {item.speaker}, {item.date.human()}, {len(found)} claim(s)")
    for reading in found:
        a = reading.analysis
        echo(f"\n[{reading.id}] {a.text}")
        if evidence:
            echo(f"  held from {reading.arose.human()} ({FACT_TIME_SOURCES[reading.arose_from]})"
                 + (f" until {reading.holds_until.human()}" if reading.holds_until else ""))
        for p in a.propositions:
            args = "; ".join(f"{role}: {text}" for role, text in p.arguments)
            echo(f"  {p.polarity.value} {p.modality.value} '{p.action}' ({p.action_text})"
                 + (f" things={','.join(sorted(p.things))}" if p.things else "")
                 + (f" to={','.join(sorted(p.recipients))}" if p.recipients else "")
                 + (f" [{args}]" if args else ""))
        for text, meaning in a.resolved:
            echo(f"  '{text}' refers to '{meaning}'")
        if not evidence and a.resolved:
            echo(f"  stands alone as: {claim_text(reading)}")
        if a.quantities:
            echo("  quantities: " + ", ".join(q.text + (f" {q.unit}" if q.unit else "")
                                              for q in a.quantities))
        if a.dates:
            echo("  dates: " + ", ".join(d.human() for d in a.dates))


FACT_TIME_SOURCES = {"text": "the date the sentence gives", "effective_from":
                     "the document's effective_from", "date": "the document's date"}


app.add_typer(fetch_app, name="fetch")
app.command("add", cls=PlainHelp)(add)
app.command("eval", cls=PlainHelp)(eval_command)
app.command("correction", cls=PlainHelp)(correction)
app.command("review", cls=PlainHelp)(review)


@app.command(cls=PlainHelp)
def version() -> None:
    """Print claimcheck's version."""
    echo(f"claimcheck {__version__}")


def main() -> None:
    app()
