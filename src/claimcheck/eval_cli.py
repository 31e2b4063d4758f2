"""``claimcheck eval``: check a corpus and score the verdicts against gold labels.

A thin shell over :mod:`claimcheck.evaluate`: load the gold file and the corpus, run the check,
compare, print a table (or ``--json``). Registered in ``cli.py`` as
``app.command("eval")(eval_command)``.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Annotated

import typer

from .cli_support import reported, warn
from .evaluate import VERDICTS, EvalReport, evaluate, load_gold
from .pipeline import check_folders
from .terminal import echo


def eval_command(
    gold_file: Annotated[Path | None, typer.Argument(
        metavar="GOLD", show_default=False,
        help="Gold labels (TOML), e.g. eval/seed-gold.toml. Or give it with --gold.")] = None,
    gold: Annotated[Path | None, typer.Option(
        "--gold", show_default=False, help="Gold labels (TOML), e.g. eval/seed-gold.toml.")] = None,
    claims: Annotated[Path, typer.Option("--claims", help="Folder of statement files.")]
        = Path("claims"),
    evidence: Annotated[Path, typer.Option("--evidence", help="Folder of evidence files.")]
        = Path("evidence"),
    lexicon: Annotated[list[Path] | None, typer.Option(
        "--lexicon", help="Extra lexicon TOML file (repeatable); a lexicon.toml beside the claims "
                          "folder is read too.")] = None,
    cache_dir: Annotated[Path, typer.Option(
        "--cache-dir", help="Where readings of unchanged files are kept between runs.")]
        = Path(".claimcheck-cache"),
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Read every file afresh.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Check the corpus and score its verdicts against gold labels: precision, recall and F1 for
    contradicted, accuracy per verdict, a confusion matrix, citations and temporal leaks."""
    if (gold_file is None) == (gold is None):
        raise typer.BadParameter("give the gold file once: GOLD or --gold FILE",
                                 param_hint="GOLD / --gold")
    with reported():
        labels = load_gold(gold or gold_file)
        result = check_folders(claims, evidence, lexicon, None if no_cache else cache_dir,
                               warn=warn)
        report = evaluate(result, labels)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        echo("\n".join(render(report)))


def render(report: EvalReport) -> list[str]:
    """The report as lines of text for a terminal."""
    s = report.scores
    lines = [
        (f"gold {report.gold_path}: {len(report.outcomes)} statements compared, "
        f"{report.findings} findings"),
        "",
        (f"{'contradicted':<16}precision {_num(s.precision)}  recall {_num(s.recall)}  "
        f"F1 {_num(s.f1)}  (tp {s.true_positives}, fp {s.false_positives}, "
        f"fn {s.false_negatives})"),
        (f"{'accuracy':<16}{_num(report.accuracy)} "
        f"({sum(o.agrees for o in report.outcomes)} of {len(report.outcomes)})"),
        (f"{'citations':<16}{report.citing_expected} of {len(report.flagged)} flagged statements "
        f"cite the expected evidence ({_num(report.citation_share)})"),
        f"{'temporal leaks':<16}{len(report.leaks)}",
    ]
    for leak in report.leaks:
        lines.append(f"  {leak.finding_id}: said {leak.statement_date}, contradicting facts "
                     f"dated {', '.join(leak.fact_dates) or 'nothing'}")
    lines += ["", f"{'verdict':<14}{'gold':>6}{'correct':>9}{'accuracy':>10}"]
    for a in report.per_verdict:
        lines.append(f"{a.verdict.value:<14}{a.gold:>6}{a.correct:>9}{_num(a.accuracy):>10}")
    lines += ["", "confusion (rows: gold, columns: claimcheck)",
              " " * 14 + "".join(f"{v:>14}" for v in VERDICTS)]
    for verdict, row in zip(VERDICTS, report.confusion, strict=True):
        lines.append(f"{verdict:<14}" + "".join(f"{n:>14}" for n in row))
    if report.disagreements:
        lines += ["", "disagreements"]
    for o in report.disagreements:
        confidence = "" if o.confidence is None else f", confidence {o.confidence:.2f}"
        lines.append(f"- {o.statement_id}: gold {o.gold.value}, claimcheck "
                     f"{o.predicted.value}{confidence}")
        lines += _wrapped("claimcheck: ", o.rationale)
        if o.note:
            lines += _wrapped("gold: ", o.note)
    not_citing = [o for o in report.flagged if not o.cites_expected]
    if not_citing:
        lines += ["", "flagged without the expected evidence"]
        lines += [f"- {o.statement_id}: cites {', '.join(o.cited) or 'nothing'}; expected "
                  f"{', '.join(o.expected_evidence) or 'nothing (gold: ' + o.gold.value + ')'}"
                  for o in not_citing]
    coverage = [("labelled but not in the corpus", report.missing_from_corpus),
                ("in the corpus but not labelled", report.unlabelled),
                ("no claim found (counted unverified)", report.without_claims),
                ("expected evidence not in the corpus",
                 tuple(f"{e} (for {sid})" for sid, e in report.unknown_evidence)),
                ("inputs skipped", report.problems)]
    for title, items in coverage:
        if items:
            lines += ["", f"{title}: {len(items)}"] + [f"- {item}" for item in items]
    return lines


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _wrapped(label: str, text: str, width: int = 100) -> list[str]:
    return textwrap.wrap(text, width=width, initial_indent="    " + label,
                         subsequent_indent="    " + " " * len(label))
