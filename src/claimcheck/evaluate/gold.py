"""Measure a check against gold labels: how often claimcheck reaches the analyst's verdict.

A gold file is TOML with one table per statement id::

    [statements."2016-07-25-gibb-pq-42842"]
    verdict = "contradicted"        # the statement's verdict: the most serious of its claims'
    evidence = ["2015-12-18-mou-home-office-dfe-v1-0"]   # a correct finding cites one of these
    note = "why"

``load_gold`` validates the file once, at the boundary; ``evaluate`` compares a ``CheckResult``
with it at statement level and returns an ``EvalReport``. Both are pure: nothing here prints, runs
the pipeline or reads anything but the gold file.

What is measured:

- precision, recall and F1 for ``contradicted``;
- accuracy per gold verdict and overall, and the confusion matrix (gold x predicted);
- of the statements flagged (``contradicted`` or ``corrected``), the share whose flagging findings
  cite at least one expected evidence id as the ground of the flag;
- temporal leaks: ``contradicted`` findings none of whose contradicting citations has a fact date
  on or before the statement date (the goal is always zero);
- what could not be compared: labelled statements missing from the corpus, statements without a
  label, statements that yielded no claim, expected evidence ids absent from the corpus, and the
  inputs the check skipped. Nothing is dropped silently.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimcheck.errors import EvalError
from claimcheck.files import read_bounded
from claimcheck.model import VERDICT_SEVERITY, CheckResult, Finding, Verdict
from claimcheck.pipeline.run import statement_verdicts

VERDICTS = tuple(v.value for v in VERDICT_SEVERITY)
FLAGGED = (Verdict.CONTRADICTED, Verdict.CORRECTED)
# The citation relation that grounds each flagged verdict.
GROUNDS = {Verdict.CONTRADICTED: "contradicts", Verdict.CORRECTED: "corrects"}
LABEL_KEYS = ("verdict", "evidence", "note", "kind")


# ---------------------------------------------------------------------- gold labels

@dataclass(frozen=True)
class GoldLabel:
    """What an analyst says one statement's verdict is, and what a correct finding cites."""

    statement_id: str
    verdict: Verdict
    evidence: tuple[str, ...] = ()
    note: str = ""
    kinds: tuple[str, ...] = ()   # tags: "later-document", "correction-no-ref", "hard-negative"


@dataclass(frozen=True)
class Gold:
    path: Path
    labels: tuple[GoldLabel, ...]

    def by_id(self) -> dict[str, GoldLabel]:
        return {label.statement_id: label for label in self.labels}


MAX_GOLD_BYTES = 16 * 1024 * 1024


def load_gold(path: Path) -> Gold:
    """Read and validate a gold file. Raises ``EvalError`` naming the file and the key."""
    try:
        raw = read_bounded(path, MAX_GOLD_BYTES, EvalError,
                           hint="a label takes a few hundred bytes")
    except FileNotFoundError:
        raise EvalError("no such gold file", path) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise EvalError("not UTF-8 text", path) from None
    except tomllib.TOMLDecodeError as error:
        raise EvalError(f"not valid TOML: {error}", path) from None
    return gold_from(data, path)


def gold_from(data: Mapping[str, Any], path: Path) -> Gold:
    """Validate parsed gold data (the TOML document as a dict)."""
    unknown = sorted(set(data) - {"statements"})
    if unknown:
        raise EvalError("unknown top-level key; a gold file holds only [statements.\"<id>\"] "
                        "tables", path, unknown[0])
    statements = data.get("statements")
    if statements is None or statements == {}:
        raise EvalError('no statements labelled; add a [statements."<statement id>"] table',
                        path, "statements")
    if not isinstance(statements, dict):
        raise EvalError('must be tables, one per statement: [statements."<statement id>"]',
                        path, "statements")
    labels = [_label(path, sid, table) for sid, table in statements.items()]
    return Gold(path, tuple(labels))


def _label(path: Path, sid: str, table: Any) -> GoldLabel:
    where = f'statements."{sid}"'
    if not isinstance(table, dict):
        raise EvalError('must be a table with verdict, evidence and note', path, where)
    for key in table:
        if key not in LABEL_KEYS:
            raise EvalError(f"unknown key; a label has {', '.join(LABEL_KEYS)}"
                            + _did_you_mean(key, LABEL_KEYS), path, f"{where}.{key}")
    value = table.get("verdict")
    if value is None:
        raise EvalError(f"missing; one of {', '.join(VERDICTS)}", path, f"{where}.verdict")
    if value not in VERDICTS:
        raise EvalError(f"{value!r} is not one of {', '.join(VERDICTS)}"
                        + _did_you_mean(str(value), VERDICTS), path, f"{where}.verdict")
    verdict = Verdict(value)
    evidence = table.get("evidence", [])
    if not isinstance(evidence, list) or not all(isinstance(e, str) and e.strip()
                                                  for e in evidence):
        raise EvalError("must be a list of evidence ids (file names without .md)",
                        path, f"{where}.evidence")
    if verdict in FLAGGED and not evidence:
        raise EvalError(f"a {verdict.value} label must name the evidence a correct finding "
                        "cites", path, f"{where}.evidence")
    note = table.get("note", "")
    if not isinstance(note, str):
        raise EvalError("must be a string", path, f"{where}.note")
    kinds = table.get("kind", ())
    kinds = (kinds,) if isinstance(kinds, str) else kinds
    if not isinstance(kinds, (list, tuple)) or not all(isinstance(k, str) for k in kinds):
        raise EvalError("must be a tag or a list of tags", path, f"{where}.kind")
    return GoldLabel(sid, verdict, tuple(e.strip() for e in evidence), note,
                     tuple(k.strip() for k in kinds if k.strip()))


def _did_you_mean(value: str, allowed: Sequence[str]) -> str:
    close = difflib.get_close_matches(value, allowed, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


# ---------------------------------------------------------------------- the report

@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 for one verdict; ``None`` where the ratio is undefined (0/0)."""

    verdict: Verdict
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float | None:
        return _ratio(self.true_positives, self.true_positives + self.false_positives)

    @property
    def recall(self) -> float | None:
        return _ratio(self.true_positives, self.true_positives + self.false_negatives)

    @property
    def f1(self) -> float | None:
        tp = self.true_positives
        return _ratio(2 * tp, 2 * tp + self.false_positives + self.false_negatives)


@dataclass(frozen=True)
class VerdictAccuracy:
    """Of the statements the gold gives ``verdict``, how many the check gave it too."""

    verdict: Verdict
    gold: int
    correct: int

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.gold)


@dataclass(frozen=True)
class Outcome:
    """One labelled statement: the gold verdict against the check's, with the check's reasons."""

    statement_id: str
    gold: Verdict
    predicted: Verdict
    expected_evidence: tuple[str, ...]
    cited: tuple[str, ...]          # evidence ids grounding the predicted verdict's findings
    confidence: float | None
    rationale: str
    note: str = ""
    signals: tuple[str, ...] = ()   # the signals that decided the headline finding
    kinds: tuple[str, ...] = ()
    leads: tuple[str, ...] = ()     # evidence ids the statement's findings list as leads

    @property
    def agrees(self) -> bool:
        return self.gold is self.predicted

    @property
    def cites_expected(self) -> bool:
        return bool(set(self.cited) & set(self.expected_evidence))


@dataclass(frozen=True)
class Leak:
    """A ``contradicted`` finding resting only on facts not shown to hold when it was said."""

    finding_id: str
    statement_id: str
    statement_date: str
    fact_dates: tuple[str, ...]     # the contradicting citations' fact dates (may be empty)


@dataclass(frozen=True)
class EvalReport:
    gold_path: Path
    outcomes: tuple[Outcome, ...]
    scores: Scores
    per_verdict: tuple[VerdictAccuracy, ...]
    confusion: tuple[tuple[int, ...], ...]   # rows: gold, columns: predicted, VERDICT_SEVERITY order
    leaks: tuple[Leak, ...]
    missing_from_corpus: tuple[str, ...]    # labelled, but no such statement was checked
    unlabelled: tuple[str, ...]             # checked, but the gold has no label for it
    without_claims: tuple[str, ...]         # checked, labelled, no claim found: counted unverified
    unknown_evidence: tuple[tuple[str, str], ...]   # (statement id, evidence id not in the corpus)
    problems: tuple[str, ...]               # inputs the check skipped
    findings: int = 0

    @property
    def flag_scores(self) -> Scores:
        """Contradicted-or-corrected as one flag: what a briefing puts in front of a minister."""
        return _scores(Verdict.CONTRADICTED, lambda v: v in FLAGGED,
                       [(o.gold, o.predicted) for o in self.outcomes])

    @property
    def signal_table(self) -> tuple[tuple[str, int, int], ...]:
        """(signal, statements it decided, of those how many got the gold verdict), per signal:
        a rule that only fires on the corpus it was written beside shows here."""
        fired: dict[str, list[bool]] = {}
        for o in self.outcomes:
            for signal in o.signals:
                fired.setdefault(signal, []).append(o.agrees)
        return tuple((name, len(v), sum(v)) for name, v in sorted(fired.items()))

    @property
    def reliability(self) -> tuple[tuple[str, int, int], ...]:
        """(confidence band, statements in it, of those how many got the gold verdict)."""
        bands = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]
        rows = []
        for low, high in bands:
            inside = [o for o in self.outcomes if o.confidence is not None
                      and low <= o.confidence < high]
            label = f"{low:.1f}-{min(high, 1.0):.1f}"
            rows.append((label, len(inside), sum(o.agrees for o in inside)))
        return tuple(rows)

    @property
    def by_verdict_given(self) -> tuple[tuple[Verdict, int, int], ...]:
        """(verdict, statements claimcheck gave it, of those how many got the gold verdict): on a
        set's first look, the row ``data/calibration.toml`` takes when the set is retired."""
        return tuple((v, sum(o.predicted is v for o in self.outcomes),
                      sum(o.predicted is v and o.agrees for o in self.outcomes))
                     for v in Verdict)

    @property
    def by_kind(self) -> tuple[tuple[str, int, int], ...]:
        """(gold tag, statements with it, of those how many got the gold verdict)."""
        kinds = sorted({k for o in self.outcomes for k in o.kinds})
        return tuple((k, sum(k in o.kinds for o in self.outcomes),
                      sum(k in o.kinds and o.agrees for o in self.outcomes)) for k in kinds)

    @property
    def accuracy(self) -> float | None:
        return _ratio(sum(o.agrees for o in self.outcomes), len(self.outcomes))

    @property
    def flagged(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.predicted in FLAGGED)

    @property
    def citing_expected(self) -> int:
        return sum(o.cites_expected for o in self.flagged)

    @property
    def citation_share(self) -> float | None:
        return _ratio(self.citing_expected, len(self.flagged))

    @property
    def missed(self) -> tuple[Outcome, ...]:
        """Gold positives the check did not flag."""
        return tuple(o for o in self.outcomes if o.gold in FLAGGED and o.predicted not in FLAGGED)

    @property
    def missed_with_lead(self) -> int:
        """Of the missed positives, how many list the expected evidence as a lead to check."""
        return sum(bool(set(o.leads) & set(o.expected_evidence)) for o in self.missed)

    @property
    def disagreements(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if not o.agrees)

    def to_dict(self, aggregate: bool = False) -> dict[str, Any]:
        """Plain JSON-ready data, for ``claimcheck eval --json``. With ``aggregate``, counts
        only (``aggregate_only``)."""
        whole = self._whole_dict()
        return aggregate_only(whole) if aggregate else whole

    def _whole_dict(self) -> dict[str, Any]:
        return {
            "gold": str(self.gold_path),
            "statements": len(self.outcomes),
            "findings": self.findings,
            "flagged": {
                "precision": _round(self.flag_scores.precision),
                "recall": _round(self.flag_scores.recall),
                "true_positives": self.flag_scores.true_positives,
                "false_positives": self.flag_scores.false_positives,
                "false_negatives": self.flag_scores.false_negatives,
            },
            "signals": [{"signal": n, "decided": d, "right": r} for n, d, r in self.signal_table],
            "reliability": [{"band": b, "findings": n, "right": r} for b, n, r in self.reliability],
            "by_kind": [{"kind": k, "labelled": n, "right": r} for k, n, r in self.by_kind],
            "by_verdict_given": {v.value: {"given": n, "right": r}
                                 for v, n, r in self.by_verdict_given},
            "contradicted": {
                "precision": _round(self.scores.precision),
                "recall": _round(self.scores.recall),
                "f1": _round(self.scores.f1),
                "true_positives": self.scores.true_positives,
                "false_positives": self.scores.false_positives,
                "false_negatives": self.scores.false_negatives,
            },
            "accuracy": _round(self.accuracy),
            "accuracy_per_verdict": {
                a.verdict.value: {"gold": a.gold, "correct": a.correct,
                                  "accuracy": _round(a.accuracy)}
                for a in self.per_verdict},
            "confusion": {
                "rows": "gold", "columns": "predicted", "labels": list(VERDICTS),
                "matrix": [list(row) for row in self.confusion]},
            "citation": {
                "flagged": len(self.flagged),
                "citing_expected": self.citing_expected,
                "share": _round(self.citation_share),
                "not_citing": [o.statement_id for o in self.flagged if not o.cites_expected]},
            "leads": {
                "missed_positives": len(self.missed),
                "with_expected_evidence_as_lead": self.missed_with_lead},
            "temporal_leaks": {
                "count": len(self.leaks),
                "findings": [{"finding_id": leak.finding_id, "statement_id": leak.statement_id,
                              "statement_date": leak.statement_date,
                              "fact_dates": list(leak.fact_dates)} for leak in self.leaks]},
            "coverage": {
                "missing_from_corpus": list(self.missing_from_corpus),
                "unlabelled": list(self.unlabelled),
                "without_claims": list(self.without_claims),
                "unknown_evidence": [{"statement_id": s, "evidence_id": e}
                                     for s, e in self.unknown_evidence],
                "problems": list(self.problems)},
            "outcomes": [{
                "statement_id": o.statement_id, "gold": o.gold.value,
                "predicted": o.predicted.value, "agrees": o.agrees,
                "expected_evidence": list(o.expected_evidence), "cited": list(o.cited),
                "confidence": o.confidence, "rationale": o.rationale} for o in self.outcomes],
        }


def aggregate_only(report: dict[str, Any]) -> dict[str, Any]:
    """The report with nothing that names a statement, a finding or a document: what may be
    read of a blind corpus without learning any of its cases (its ids, its verdicts one by one,
    the evidence its flags cite). Lists become their lengths."""
    kept = {key: value for key, value in report.items() if key != "outcomes"}
    kept["citation"] = {k: v for k, v in report["citation"].items() if k != "not_citing"}
    kept["temporal_leaks"] = {"count": report["temporal_leaks"]["count"]}
    kept["coverage"] = {k: len(v) for k, v in report["coverage"].items()}
    return kept


# ---------------------------------------------------------------------- comparing

def evaluate(result: CheckResult, gold: Gold) -> EvalReport:
    """Compare a check with the gold labels, statement by statement."""
    labels = gold.by_id()
    statements = {s.id: s for s in result.corpus.statements}
    evidence_ids = {e.id for e in result.corpus.evidence}
    worst = statement_verdicts(result.findings)
    by_statement: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_statement.setdefault(finding.statement.id, []).append(finding)

    outcomes = []
    without_claims = []
    for sid, label in labels.items():
        if sid not in statements:
            continue
        finding = worst.get(sid)
        if finding is None:
            without_claims.append(sid)
            predicted, confidence, rationale = Verdict.UNVERIFIED, None, "No claim was found."
        else:
            predicted, confidence, rationale = (finding.verdict, finding.confidence,
                                                finding.rationale)
        outcomes.append(Outcome(sid, label.verdict, predicted, label.evidence,
                                grounds(by_statement.get(sid, []), predicted), confidence,
                                rationale, label.note,
                                finding.signals if finding is not None else (), label.kinds,
                                _leads(by_statement.get(sid, []))))

    return EvalReport(
        gold_path=gold.path,
        outcomes=tuple(outcomes),
        scores=scores_for(Verdict.CONTRADICTED, [(o.gold, o.predicted) for o in outcomes]),
        per_verdict=per_verdict_accuracy([(o.gold, o.predicted) for o in outcomes]),
        confusion=confusion_matrix([(o.gold, o.predicted) for o in outcomes]),
        leaks=temporal_leaks(result.findings),
        missing_from_corpus=tuple(sid for sid in labels if sid not in statements),
        unlabelled=tuple(sid for sid in statements if sid not in labels),
        without_claims=tuple(without_claims),
        unknown_evidence=tuple((label.statement_id, e) for label in labels.values()
                               for e in label.evidence if e not in evidence_ids),
        problems=tuple(str(p) for p in result.problems),
        findings=len(result.findings),
    )


def scores_for(verdict: Verdict, pairs: Sequence[tuple[Verdict, Verdict]]) -> Scores:
    """True and false positives and negatives for ``verdict`` over (gold, predicted) pairs."""
    return _scores(verdict, lambda v: v is verdict, pairs)


def _scores(label: Verdict, positive, pairs: Sequence[tuple[Verdict, Verdict]]) -> Scores:
    """Positives are the verdicts ``positive`` accepts: one verdict, or a flag of several."""
    tp = sum(positive(g) and positive(p) for g, p in pairs)
    fp = sum(not positive(g) and positive(p) for g, p in pairs)
    fn = sum(positive(g) and not positive(p) for g, p in pairs)
    return Scores(label, tp, fp, fn)


def per_verdict_accuracy(pairs: Sequence[tuple[Verdict, Verdict]]) -> tuple[VerdictAccuracy, ...]:
    return tuple(VerdictAccuracy(v, sum(g is v for g, _ in pairs),
                                 sum(g is v and p is v for g, p in pairs))
                 for v in VERDICT_SEVERITY)


def confusion_matrix(pairs: Sequence[tuple[Verdict, Verdict]]) -> tuple[tuple[int, ...], ...]:
    """Counts of (gold, predicted), rows and columns in ``VERDICT_SEVERITY`` order."""
    return tuple(tuple(sum(g is row and p is column for g, p in pairs)
                       for column in VERDICT_SEVERITY) for row in VERDICT_SEVERITY)


def _leads(findings: Sequence[Finding]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c.evidence_id for f in findings for c in f.evidence
                               if c.relation == "lead"))


def grounds(findings: Sequence[Finding], verdict: Verdict) -> tuple[str, ...]:
    """Evidence ids that ground a statement's ``verdict``: the citations of the relation that
    makes it (``contradicts``, ``corrects``) in its findings with that verdict; for the other
    verdicts, every citation of those findings."""
    relation = GROUNDS.get(verdict)
    cited = [c.evidence_id for f in findings if f.verdict is verdict for c in f.evidence
             if (relation is None and c.relation != "lead") or c.relation == relation]
    return tuple(dict.fromkeys(cited))


def temporal_leaks(findings: Sequence[Finding]) -> tuple[Leak, ...]:
    """``contradicted`` findings with no contradicting citation surely on or before the statement.

    A fact whose date cannot be placed ("2016" against 25 July 2016) does not count as before.
    """
    leaks = []
    for finding in findings:
        if finding.verdict is not Verdict.CONTRADICTED:
            continue
        dates = [c.fact_date for c in finding.evidence if c.relation == "contradicts"]
        if not any(d.on_or_before(finding.statement.date) is True for d in dates):
            leaks.append(Leak(finding.id, finding.statement.id,
                              finding.statement.date.isoformat(), tuple(str(d) for d in dates)))
    return tuple(leaks)


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
