"""``claimcheck eval``: check a corpus and score the verdicts against gold labels.

A thin shell over :mod:`claimcheck.evaluate.gold`: load the gold file and the corpus, run the check,
compare, print a table (or ``--json``). Registered in ``cli.py`` as
``app.command("eval")(eval_command)``.
"""

from __future__ import annotations

import json
import textwrap
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
    NoCache,
    ReadingsCacheDir,
)
from claimcheck.cli.support import reported, warn
from claimcheck.cli.terminal import echo

if TYPE_CHECKING:
    from claimcheck.evaluate.gold import EvalReport


def eval_command(
    gold_file: Annotated[Path | None, typer.Argument(
        metavar="GOLD", show_default=False,
        help="Gold labels (TOML), e.g. eval/seed-gold.toml. Or give it with --gold.")] = None,
    gold: Annotated[Path | None, typer.Option(
        "--gold", metavar="FILE", show_default=False, help="Gold labels (TOML), e.g. eval/seed-gold.toml.")] = None,
    claims: ClaimsDir = CLAIMS,
    evidence: EvidenceDir = EVIDENCE,
    lexicon: LexiconFiles = None,
    cache_dir: ReadingsCacheDir = CACHE_DIR,
    no_cache: NoCache = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    aggregate: Annotated[bool, typer.Option(
        "--aggregate", help="Counts only: nothing that names a statement, a finding or a "
                            "document (for a blind corpus, whose cases must not be read).")] = False,
    no_dense: Annotated[bool, typer.Option(
        "--no-dense", help="Retrieve by words alone, without sentence embeddings (an ablation: "
                           "what retrieval by meaning adds).")] = False,
) -> None:
    """Check the corpus and score its verdicts against gold labels.

    Reports precision, recall and F1 for contradicted and for any flag (contradicted or
    corrected), accuracy per verdict, a confusion matrix, citations, temporal leaks, each
    signal's coverage and precision, and a reliability table of confidence against the share right.
    """
    if (gold_file is None) == (gold is None):
        raise typer.BadParameter("give the gold file once: GOLD or --gold FILE",
                                 param_hint="GOLD / --gold")
    with reported():
        # Imported here: `--help` need not wait for them.
        from claimcheck.evaluate.gold import evaluate, load_gold
        from claimcheck.pipeline.run import check_folders

        labels = load_gold(gold or gold_file)
        result = check_folders(claims, evidence, lexicon, None if no_cache else cache_dir,
                               dense=not no_dense, warn=warn)
        report = evaluate(result, labels)
    if as_json:
        typer.echo(json.dumps(report.to_dict(aggregate), indent=2, ensure_ascii=False))
    else:
        echo("\n".join(render(report, aggregate)))


def render(report: EvalReport, aggregate: bool = False) -> list[str]:
    """The report as lines of text for a terminal; with ``aggregate``, its counts alone."""
    from claimcheck.evaluate.gold import VERDICTS

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
        (f"{'leads':<16}{report.missed_with_lead} of {len(report.missed)} missed positives list "
         "the expected evidence as a lead to check"),
    ]
    f = report.flag_scores
    lines.insert(3, f"{'flagged':<16}precision {_num(f.precision)}  recall {_num(f.recall)}  "
                    f"F1 {_num(f.f1)}  (contradicted or corrected; tp {f.true_positives}, "
                    f"fp {f.false_positives}, fn {f.false_negatives})")
    lines += ["", f"{'signal':<22}{'decided':>8}{'right':>7}{'precision':>11}"]
    lines += [f"{name:<22}{n:>8}{right:>7}{_num(right / n if n else None):>11}"
              for name, n, right in report.signal_table]
    lines += ["", f"{'confidence':<22}{'findings':>8}{'right':>7}{'share':>11}"]
    lines += [f"{band:<22}{n:>8}{right:>7}{_num(right / n if n else None):>11}"
              for band, n, right in report.reliability]
    if report.by_kind:
        lines += ["", f"{'gold tag':<22}{'labelled':>8}{'right':>7}{'share':>11}"]
        lines += [f"{kind:<22}{n:>8}{right:>7}{_num(right / n if n else None):>11}"
                  for kind, n, right in report.by_kind]
    for leak in () if aggregate else report.leaks:
        lines.append(f"  {leak.finding_id}: said {leak.statement_date}, contradicting facts "
                     f"dated {', '.join(leak.fact_dates) or 'nothing'}")
    lines += ["", f"{'verdict':<14}{'gold':>6}{'correct':>9}{'accuracy':>10}"]
    for a in report.per_verdict:
        lines.append(f"{a.verdict.value:<14}{a.gold:>6}{a.correct:>9}{_num(a.accuracy):>10}")
    lines += ["", f"{'verdict given':<14}{'given':>6}{'right':>9}{'share':>10}"]
    lines += [f"{v.value:<14}{n:>6}{right:>9}{_num(right / n if n else None):>10}"
              for v, n, right in report.by_verdict_given]
    lines += ["", "confusion (rows: gold, columns: claimcheck)",
              " " * 14 + "".join(f"{v:>14}" for v in VERDICTS)]
    for verdict, row in zip(VERDICTS, report.confusion, strict=True):
        lines.append(f"{verdict:<14}" + "".join(f"{n:>14}" for n in row))
    if aggregate:
        return lines
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
