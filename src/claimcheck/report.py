"""Reports: ``findings.json`` for machines and ``report.md``, a briefing for people.

Both are built from the same ``CheckResult`` and written atomically (a temporary file in the same
folder, then a rename), so an interrupted run leaves the previous report or none, never half of one.
Every string that came from a statement or evidence file is escaped for the format it lands in.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from . import __version__
from .errors import OutputError
from .model import VERDICT_SEVERITY, CheckResult, Citation, Finding, Verdict
from .pipeline import statement_verdicts

OPEN_PARLIAMENT_NOTICE = ("Contains Parliamentary information licensed under the Open Parliament "
                          "Licence v3.0.")
SCHEMA_VERSION = 1


# ---------------------------------------------------------------------- JSON

def findings_document(result: CheckResult, generated_at: dt.datetime | None = None) -> dict:
    """The ``findings.json`` contract. ``generated_at`` is its one volatile field."""
    findings = sorted_findings(result.findings)
    verdicts = Counter(f.verdict.value for f in findings)
    per_statement = statement_verdicts(findings)
    return {
        "schema": SCHEMA_VERSION,
        "generator": f"claimcheck {__version__}",
        "generated_at": (generated_at or dt.datetime.now(dt.timezone.utc)).isoformat(
            timespec="seconds"),
        "summary": {
            "statements": len(result.corpus.statements),
            "evidence": len(result.corpus.evidence),
            "claims": len(findings),
            "verdicts": {v.value: verdicts.get(v.value, 0) for v in VERDICT_SEVERITY},
            "statement_verdicts": {v.value: sum(1 for f in per_statement.values()
                                                if f.verdict is v) for v in VERDICT_SEVERITY},
            "skipped_inputs": len(result.problems),
        },
        "findings": [finding_record(f) for f in findings],
        "unchecked_statements": sorted(s.id for s in result.corpus.statements
                                       if s.id not in per_statement),
        "problems": [{"path": str(p.path), "field": p.field, "message": p.message}
                     for p in result.problems],
        "notices": notices(result),
    }


def finding_record(finding: Finding) -> dict[str, Any]:
    statement = finding.statement
    analysis = finding.claim.analysis
    main = analysis.main
    return {
        "id": finding.id,
        "statement_id": statement.id,
        "claim": finding.claim.text,
        "claim_span": [analysis.start, analysis.end],
        "verdict": finding.verdict.value,
        "confidence": finding.confidence,
        "rationale": finding.rationale,
        "publicly_known": finding.publicly_known,
        "evidence": [citation_record(c) for c in finding.evidence],
        "notes": list(finding.notes),
        "statement": {
            "date": str(statement.date),
            "speaker": statement.speaker,
            "role": statement.role,
            "department": statement.department,
            "venue": statement.venue,
            "house": statement.house,
            "reference": statement.reference,
            "url": statement.url,
            "path": str(statement.path) if statement.path else None,
        },
        "analysis": {
            "polarity": main.polarity.value if main else None,
            "modality": main.modality.value if main else None,
            "predicate": main.action if main else None,
            "propositions": [{
                "predicate": p.action,
                "predicate_text": p.action_text,
                "polarity": p.polarity.value,
                "modality": p.modality.value,
                "agents": sorted(p.agents),
                "things": sorted(p.things),
                "recipients": sorted(p.recipients),
                "entities": sorted(p.entities),
                "arguments": [list(a) for a in p.arguments],
            } for p in analysis.propositions],
            "quantities": [{"value": q.value, "text": q.text, "unit": q.unit}
                           for q in analysis.quantities],
            "dates": [str(d) for d in analysis.dates],
            "resolved": [{"text": a, "refers_to": b} for a, b in analysis.resolved],
        },
    }


def citation_record(citation: Citation) -> dict[str, Any]:
    return {
        "id": citation.evidence_id,
        "title": citation.title,
        "kind": citation.kind,
        "relation": citation.relation,
        "quote": citation.quote,
        "fact_date": str(citation.fact_date),
        "document_date": str(citation.document_date),
        "disclosed": str(citation.disclosed),
        "reference": citation.reference,
        "url": citation.url,
        "public_at_statement": citation.public_at_statement,
        "days_fact_before_statement": citation.days_fact_before_statement,
        "days_statement_to_disclosure": citation.days_statement_to_disclosure,
        "note": citation.note,
    }


def sorted_findings(findings) -> list[Finding]:
    """Stable order: by statement date, statement id, then position of the claim in it."""
    return sorted(findings, key=lambda f: (f.statement.date.start, f.statement.id,
                                           f.claim.analysis.start))


def notices(result: CheckResult) -> list[str]:
    licences = {s.licence for s in result.corpus.statements} | {
        e.licence for e in result.corpus.evidence}
    return [OPEN_PARLIAMENT_NOTICE] if any(l and "parliament" in l.lower() for l in licences) else []


# ---------------------------------------------------------------------- Markdown

def markdown_report(result: CheckResult) -> str:
    """The briefing: a summary table, then each contradicted or corrected statement in full."""
    findings = sorted_findings(result.findings)
    per_statement = statement_verdicts(findings)
    lines = ["# claimcheck briefing", ""]
    counts = Counter(f.verdict for f in per_statement.values())
    lines += [f"{len(result.corpus.statements)} statements ({len(findings)} claims) checked "
              f"against {len(result.corpus.evidence)} evidence documents. "
              + ", ".join(f"{counts.get(v, 0)} {v.value}" for v in VERDICT_SEVERITY) + ".", ""]
    lines += ["## Summary", "",
              "| Date | Speaker | Reference | Verdict | Confidence | Publicly known then |",
              "|---|---|---|---|---|---|"]
    statements = sorted(per_statement.values(), key=lambda f: (f.statement.date.start,
                                                               f.statement.id))
    for f in statements:
        s = f.statement
        lines.append(f"| {s.date.human()} | {_cell(s.speaker)} | {_cell(s.reference or s.id)} | "
                     f"**{f.verdict.value}** | {f.confidence:.2f} | {_known(f)} |")
    lines.append("")
    for verdict, heading in ((Verdict.CONTRADICTED, "Contradicted when made"),
                             (Verdict.CORRECTED, "Corrected on the record"),
                             (Verdict.OVERTAKEN, "Overtaken by later events")):
        chosen = [f for f in findings if f.verdict is verdict]
        if not chosen:
            continue
        lines += [f"## {heading}", ""]
        for f in chosen:
            lines += _finding_section(f)
    others = [f for f in statements if f.verdict in (Verdict.SUPPORTED, Verdict.UNVERIFIED)]
    if others:
        lines += ["## Supported or unverified", ""]
        for f in others:
            lines.append(f"- **{f.verdict.value}**: {_inline(f.statement.speaker)}, "
                         f"{f.statement.date.human()} ({_inline(f.statement.reference or f.statement.id)})"
                         f": {_inline(f.rationale)}")
        lines.append("")
    silent = sorted((s for s in result.corpus.statements if s.id not in per_statement),
                    key=lambda s: (s.date.start, s.id))
    if silent:
        lines += ["## Statements with nothing to check", "",
                  "No sentence of these statements asserts anything claimcheck can check.", ""]
        lines += [f"- {_inline(s.speaker)}, {s.date.human()} ({_inline(s.reference or s.id)})"
                  for s in silent]
        lines.append("")
    if result.problems:
        lines += ["## Inputs skipped", "", "These files were not used; fix them and run again.", ""]
        lines += [f"- `{_code(str(p.path))}`" + (f", field `{_code(p.field)}`" if p.field else "")
                  + f": {_inline(p.message)}" for p in result.problems]
        lines.append("")
    for notice in notices(result):
        lines += [f"_{notice}_", ""]
    lines += [f"_Generated by claimcheck {__version__}. Each finding is the tool's reading of the "
              "documents cited: check the quotes against the sources before relying on it._", ""]
    return "\n".join(lines)


def _finding_section(f: Finding) -> list[str]:
    s = f.statement
    who = _inline(s.speaker) + (f", {_inline(s.role)}" if s.role else "")
    lines = [f"### {_inline(s.reference or s.id)}: {who}, {s.date.human()}", "",
             f"Finding `{_code(f.id)}`: **{f.verdict.value}** (confidence {f.confidence:.2f}"
             + (f"; publicly known at the time: {_known(f)}" if f.publicly_known is not None else "")
             + ")", "", _quote(f.claim.text), "", _inline(f.rationale), ""]
    if f.evidence:
        lines.append("Evidence:")
        lines.append("")
        for c in f.evidence:
            dates = [f"fact from {c.fact_date.human()}", f"document {c.document_date.human()}",
                     f"public {c.disclosed.human()}"]
            if c.days_statement_to_disclosure and c.days_statement_to_disclosure > 0:
                dates.append(f"{c.days_statement_to_disclosure} days after the statement")
            ref = f", {_inline(c.reference)}" if c.reference else ""
            link = f" <{_url(c.url)}>" if c.url else ""
            lines.append(f"- *{_inline(c.title)}*{ref} ({c.relation}; {'; '.join(dates)}){link}")
            lines.append("")
            lines.append("  " + _quote(c.quote).replace("\n", "\n  "))
            if c.note:
                lines.append(f"\n  Note: {_inline(c.note)}.")
            lines.append("")
    for note in f.notes:
        if not any(c.note == note for c in f.evidence):
            lines += [f"Note: {_inline(note)}.", ""]
    return lines


def _known(f: Finding) -> str:
    return {True: "yes", False: "no", None: "–"}[f.publicly_known]


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#!"})


def _inline(text: str) -> str:
    """Outside text as inert Markdown: no links, no HTML, no emphasis, one line."""
    text = " ".join(_printable(text).split())
    return text.translate(_MD_SPECIAL)


def _cell(text: str) -> str:
    return _inline(text)


def _code(text: str) -> str:
    return _printable(text).replace("`", "'")


def _quote(text: str) -> str:
    return "> " + _inline(text)


def _url(url: str) -> str:
    url = _printable(url).strip()
    return url.replace(">", "%3E").replace("<", "%3C").replace(" ", "%20") if url.startswith(
        ("http://", "https://")) else "about:blank"


def _printable(text: str) -> str:
    """Drop control characters and bidirectional overrides: they can disguise what text says."""
    return "".join(ch for ch in text if ch in "\n\t" or (ch.isprintable() and not (
        "\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069")))


# ---------------------------------------------------------------------- writing

def write_reports(result: CheckResult, out_dir: Path,
                  generated_at: dt.datetime | None = None) -> list[Path]:
    """Write ``findings.json`` and ``report.md`` into ``out_dir``; return their paths."""
    document = findings_document(result, generated_at)
    outputs = {
        out_dir / "findings.json": json.dumps(document, indent=2, ensure_ascii=False) + "\n",
        out_dir / "report.md": markdown_report(result),
    }
    for path, text in outputs.items():
        write_atomic(path, text)
    return list(outputs)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never part."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as error:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputError(f"cannot write {path}: {error.strerror}") from None
        raise
