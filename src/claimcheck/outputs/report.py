"""Reports: ``findings.json`` for machines and ``report.md``, a briefing for people.

Both are built from the same ``CheckResult`` and written atomically (a temporary file in the same
folder, then a rename; see :mod:`claimcheck.atomic`), so an interrupted run leaves the previous
report or none, never half of one.
Every string that came from a statement or evidence file is escaped for the format it lands in.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from claimcheck import __version__
from claimcheck.atomic import write_all, write_atomic
from claimcheck.inert import strip_unsafe, web_url
from claimcheck.judge.calibration import load_calibration
from claimcheck.model import VERDICT_SEVERITY, CheckResult, Citation, Finding, Verdict
from claimcheck.outputs.briefing import (
    Briefed,
    Passage,
    brief,
    describe_tally,
    evidence_index,
    is_dismissed,
    lead_date,
    statement_review,
)
from claimcheck.outputs.freshness import SET_MARK, Digest, set_mark
from claimcheck.pipeline.run import statement_verdicts
from claimcheck.review.store import Review, ReviewState, review_status

OPEN_PARLIAMENT_NOTICE = ("Contains Parliamentary information licensed under the Open Parliament "
                          "Licence v3.0.")
SCHEMA_VERSION = 1


# ---------------------------------------------------------------------- JSON

def findings_document(result: CheckResult, generated_at: dt.datetime | None = None,
                      reviews: Mapping[str, Review] | None = None,
                      inputs: str | None = None) -> dict:
    """The ``findings.json`` contract. ``generated_at`` is its one volatile field; ``inputs`` is
    the fingerprint of what the run read (see ``claimcheck.outputs.freshness``)."""
    head, records, tail = _document_parts(result, generated_at, reviews, inputs)
    return {**head, "findings": list(records), **tail}


def _document_parts(result: CheckResult, generated_at: dt.datetime | None,
                    reviews: Mapping[str, Review] | None, inputs: str | None):
    """``findings.json`` as the fields before the findings, the findings' records (made as they
    are taken) and the fields after them."""
    findings = sorted_findings(result.findings)
    states = review_status(findings, reviews) if reviews is not None else {}
    verdicts = Counter(f.verdict.value for f in findings)
    per_statement = statement_verdicts(findings)
    head = {
        "schema": SCHEMA_VERSION,
        "generator": f"claimcheck {__version__}",
        "generated_at": (generated_at or dt.datetime.now(dt.UTC)).isoformat(
            timespec="seconds"),
        "inputs": inputs,
        "summary": {
            "statements": len(result.corpus.statements),
            "evidence": len(result.corpus.evidence),
            "claims": len(findings),
            "verdicts": {v.value: verdicts.get(v.value, 0) for v in VERDICT_SEVERITY},
            "statement_verdicts": {v.value: sum(1 for f in per_statement.values()
                                                if f.verdict is v) for v in VERDICT_SEVERITY},
            "skipped_inputs": sum(1 for p in result.problems if p.skipped),
            "input_warnings": sum(1 for p in result.problems if not p.skipped),
        },
    }
    records = (finding_record(f, states.get(f.id)) for f in findings)
    tail = {
        "unchecked_statements": sorted(s.id for s in result.corpus.statements
                                       if s.id not in per_statement),
        "problems": [{"path": str(p.path), "field": p.field, "message": p.message,
                      "skipped": p.skipped} for p in result.problems],
        "notices": notices(result),
    }
    return head, records, tail


def findings_chunks(result: CheckResult, generated_at: dt.datetime | None = None,
                    reviews: Mapping[str, Review] | None = None,
                    inputs: str | None = None) -> Iterator[str]:
    """``findings.json`` as text chunks, one finding at a time, so that writing it needs no
    more memory for 50,000 findings than for 50: the same text as
    ``json_text(findings_document(...))``."""
    head, records, tail = _document_parts(result, generated_at, reviews, inputs)
    # Nested two levels deep, a record's lines are indented by four more spaces; JSON strings
    # hold no raw newline, so every newline in a record's text is one of its own lines.
    yield _json_escaped(json.dumps(head, indent=2, ensure_ascii=False)[:-2]) + ",\n  \"findings\": ["
    first = True
    for record in records:
        text = json.dumps(record, indent=2, ensure_ascii=False).replace("\n", "\n    ")
        yield ("\n    " if first else ",\n    ") + _json_escaped(text)
        first = False
    yield ("]," if first else "\n  ],") + _json_escaped(
        json.dumps(tail, indent=2, ensure_ascii=False)[1:]) + "\n"


def finding_record(finding: Finding, review: ReviewState | None = None) -> dict[str, Any]:
    statement = finding.statement
    analysis = finding.claim.analysis
    main = analysis.main
    record = {
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
        "signals": list(finding.signals),
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
    if review is not None:
        record["review"] = review.record()
    return record


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
    return [OPEN_PARLIAMENT_NOTICE] if any(licence and "parliament" in licence.lower() for licence in licences) else []


# ---------------------------------------------------------------------- Markdown

def markdown_report(result: CheckResult, reviews: Mapping[str, Review] | None = None) -> str:
    """The briefing: a summary table, then each contradicted or corrected statement in full.

    Quotes are the sources' own words only (block quotes); a filer's summary is labelled as one.
    A finding a reviewer dismissed leaves the headline sections for a section of its own."""
    findings = sorted_findings(result.findings)
    states = review_status(findings, reviews) if reviews is not None else {}
    documents = evidence_index(result.corpus.evidence)
    per_statement = statement_verdicts(findings)
    lines = ["# claimcheck briefing", ""]
    lines += [f"{len(result.corpus.statements)} statements ({len(findings)} claims) checked "
              f"against {len(result.corpus.evidence)} evidence documents. "
              + ", ".join(statement_counts(findings, per_statement, states if reviews is not None
                                           else None)) + ".", ""]
    lines += ["## Summary", "",
              "| Date | Speaker | Reference | Verdict | Confidence | Publicly known then | Review |",
              "|---|---|---|---|---|---|---|"]
    statements = sorted(per_statement.values(), key=lambda f: (f.statement.date.start,
                                                               f.statement.id))
    grouped = by_statement_verdict(findings)
    for f in statements:
        s = f.statement
        shown = brief(f, documents)
        standing = statement_review(grouped[(s.id, f.verdict)], states) \
            if reviews is not None else "–"
        lines.append(f"| {s.date.human()} | {_inline(s.speaker)} | {_inline(s.reference or s.id)} | "
                     f"**{f.verdict.value}** | {shown.confidence:.2f}{'*' if shown.capped else ''}"
                     f" | {_known(f)} | {standing} |")
    lines += ["", "\\* capped: the finding rests only on a filer's summary or a reported "
              "account (see the finding).", ""] if any(
        brief(f, documents).capped for f in statements) else [""]
    lines += [load_calibration().describe(), ""]
    dismissed = []
    for verdict, heading in ((Verdict.CONTRADICTED, "Contradicted when made"),
                             (Verdict.CORRECTED, "Corrected on the record"),
                             (Verdict.OVERTAKEN, "Overtaken by later events")):
        chosen = [f for f in findings if f.verdict is verdict]
        dismissed += [f for f in chosen if is_dismissed(f, states)]
        chosen = [f for f in chosen if not is_dismissed(f, states)]
        if not chosen:
            continue
        lines += [f"## {heading}", ""]
        for f in chosen:
            lines += _finding_section(brief(f, documents), states.get(f.id))
    if dismissed:
        lines += ["## Dismissed by a reviewer", "",
                  "A reviewer checked these findings and rejected them; they are kept here so the "
                  "decision can be seen.", ""]
        for f in dismissed:
            lines.append(f"- **{f.verdict.value}**, dismissed: {_inline(f.statement.speaker)}, "
                         f"{f.statement.date.human()} "
                         f"({_inline(f.statement.reference or f.statement.id)}), finding "
                         f"`{_code(f.id)}`: {_inline(states[f.id].describe())}"
                         + (f": {_inline(states[f.id].review.note)}"
                            if states[f.id].review.note else ""))
        lines.append("")
    others = [f for f in statements if f.verdict in (Verdict.SUPPORTED, Verdict.UNVERIFIED)]
    if others:
        lines += ["## Supported or unverified", ""]
        for f in others:
            shown = brief(f, documents)
            lines.append(f"- **{f.verdict.value}**: {_inline(f.statement.speaker)}, "
                         f"{f.statement.date.human()} ({_inline(f.statement.reference or f.statement.id)})"
                         f": {_inline(shown.rationale())}"
                         + "".join(f" Caution: {_inline(c)}." for c in shown.caveats))
            for source in shown.sources:
                if source.citation.relation == "lead":
                    c, p = source.citation, source.passage
                    said = (f"\u201c{_inline(p.source_text)}\u201d"
                            if p.source_words else f"filer's summary: {_inline(p.text)}")
                    lines.append(f"  - lead to check: *{_inline(c.title)}* ({lead_date(c)}): "
                                 f"{said}")
        lines.append("")
    silent = sorted((s for s in result.corpus.statements if s.id not in per_statement),
                    key=lambda s: (s.date.start, s.id))
    if silent:
        lines += ["## Statements with nothing to check", "",
                  "No sentence of these statements asserts anything claimcheck can check.", ""]
        lines += [f"- {_inline(s.speaker)}, {s.date.human()} ({_inline(s.reference or s.id)})"
                  for s in silent]
        lines.append("")
    for skipped, heading, intro in (
            (True, "Inputs skipped", "These files were not used; fix them and run again."),
            (False, "Input warnings", "These files were used with the part named left out.")):
        chosen = [p for p in result.problems if p.skipped is skipped]
        if chosen:
            lines += [f"## {heading}", "", intro, ""]
            lines += [f"- `{_code(str(p.path))}`" + (f", field `{_code(p.field)}`" if p.field
                                                    else "") + f": {_inline(p.message)}"
                      for p in chosen]
            lines.append("")
    for notice in notices(result):
        lines += [f"_{notice}_", ""]
    lines += [f"_Generated by claimcheck {__version__}. Each finding is the tool's reading of the "
              "documents cited: check the quotes against the sources before relying on it._", ""]
    return "\n".join(lines)


def statement_counts(findings, per_statement: Mapping[str, Finding],
                     states: Mapping[str, ReviewState] | None) -> list[str]:
    """ "6 contradicted (1 confirmed, 1 dismissed, 4 waiting)", ...: each statement once, under its
    most serious verdict; with reviews, how many of those a reviewer has decided."""
    parts = []
    grouped = by_statement_verdict(findings) if states is not None else {}
    for verdict in VERDICT_SEVERITY:
        chosen = [f for f in per_statement.values() if f.verdict is verdict]
        tally = None
        if states is not None and verdict in FLAGGED:
            tally = {"confirmed": 0, "dismissed": 0, "waiting": 0}
            for f in chosen:
                tally[statement_review(grouped[(f.statement.id, verdict)], states)] += 1
        parts.append(describe_tally(len(chosen), verdict.value, tally))
    return parts


def by_statement_verdict(findings) -> defaultdict[tuple[str, Verdict], list[Finding]]:
    """Each statement's findings of each verdict, in the order given: found once for all
    statements, not by scanning every finding for each (minutes at 10,000 statements)."""
    grouped: defaultdict[tuple[str, Verdict], list[Finding]] = defaultdict(list)
    for finding in findings:
        grouped[(finding.statement.id, finding.verdict)].append(finding)
    return grouped


FLAGGED = (Verdict.CONTRADICTED, Verdict.CORRECTED, Verdict.OVERTAKEN)


def _finding_section(b: Briefed, review: ReviewState | None = None) -> list[str]:
    f = b.finding
    s = f.statement
    who = _inline(s.speaker) + (f", {_inline(s.role)}" if s.role else "")
    lines = [f"### {_inline(s.reference or s.id)}: {who}, {s.date.human()}", "",
             f"Finding `{_code(f.id)}`: **{f.verdict.value}** (confidence {b.confidence_text()}"
             + (f"; publicly known at the time: {_known(f)}" if f.publicly_known is not None else "")
             + (f"; review: {_inline(review.describe())}" if review is not None else "")
             + ")", ""]
    lines += _claim_lines(b)
    lines += [_inline(b.rationale()), ""]
    for caveat in b.caveats:
        lines += [f"Caution: {_inline(caveat)}.", ""]
    if b.sources:
        lines.append("Evidence:")
        lines.append("")
        for source in b.sources:
            c = source.citation
            dates = [f"fact from {c.fact_date.human()} ({source.fact_date_from})",
                     f"document {c.document_date.human()}", f"public {c.disclosed.human()}"]
            if c.days_statement_to_disclosure and c.days_statement_to_disclosure > 0:
                dates.append(f"{c.days_statement_to_disclosure} days after the statement")
            ref = f", {_inline(source.cite)}" if source.cite else ""
            link = f" <{_url(c.url)}>" if c.url else ""
            relation = c.relation + (" (a refusal to disclose: it supports nothing)"
                                     if source.refusal else "")
            lines.append(f"- *{_inline(c.title)}*{ref} ({relation}; {'; '.join(dates)}){link}")
            lines.append("")
            lines += ["  " + line if line else "" for line in
                      _passage_lines(source.passage, "the document")]
            if c.note:
                lines.append(f"  Note: {_inline(c.note)}.")
                lines.append("")
    for note in f.notes:
        if not any(c.note == note for c in f.evidence):
            lines += [f"Note: {_inline(note)}.", ""]
    return lines


def _claim_lines(b: Briefed) -> list[str]:
    """The claim: the speaker's words quoted; a reported account labelled as such."""
    if not b.claim.summary:
        return [_quote(b.claim.text), ""]
    by = b.attribution
    lines = [f"As reported (the filer's account, not the speaker's words): "
             f"{_inline(b.claim.text)}", ""]
    if b.claim.words:
        lines += [f"The words attributed to {_inline(by.describe() if by else 'the speaker')}:",
                  ""]
        lines += ["\n>\n".join(_quote(w) for w in b.claim.words), ""]
    else:
        lines += ["None of the speaker's own words are quoted.", ""]
    return lines


def _passage_lines(p: Passage, whose: str) -> list[str]:
    """A cited sentence: block-quoted when it is the source's words; otherwise the filer's summary,
    labelled, with any fragments of the source's own words quoted below it."""
    if p.source_words:
        return [_quote(p.source_text), ""]
    lines = [f"Filer's summary (not {whose}'s words): {_inline(p.text)}", ""]
    if p.words:
        lines += [f"In {whose}'s own words:", ""]
        lines += ["\n>\n".join(_quote(w) for w in p.words), ""]
    else:
        lines += [f"None of {whose}'s own words are quoted.", ""]
    return lines


def _known(f: Finding) -> str:
    return {True: "yes", False: "no", None: "–"}[f.publicly_known]


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#!"})


def _inline(text: str) -> str:
    """Outside text as inert Markdown: no links, no HTML, no emphasis, one line."""
    text = " ".join(_printable(text).split())
    return text.translate(_MD_SPECIAL)


def _code(text: str) -> str:
    """Outside text (a file name) as the inside of a code span: one line, no backtick, so that
    nothing in it can end the span or the list item and start Markdown or HTML of its own."""
    return " ".join(_printable(text).split()).replace("`", "'")


def _quote(text: str) -> str:
    return "> " + _inline(text)


def _url(url: str) -> str:
    url = web_url(url)
    return url.replace(">", "%3E").replace("<", "%3C").replace(" ", "%20") if url else \
        "about:blank"


def _printable(text: str) -> str:
    """Drop control characters and bidirectional overrides: they can disguise what text says."""
    return strip_unsafe(text)


# ---------------------------------------------------------------------- writing

def write_reports(result: CheckResult, out_dir: Path, generated_at: dt.datetime | None = None,
                  reviews: Mapping[str, Review] | None = None,
                  extra: Mapping[Path, str | bytes] | None = None,
                  inputs: str | None = None) -> list[Path]:
    """Write ``findings.json``, ``report.md`` and any ``extra`` outputs; return their paths.

    All are written in full to temporary files before any is renamed into place, so a run that
    fails or is interrupted leaves the previous set (or nothing), not new files beside old ones.
    """
    when = generated_at or dt.datetime.now(dt.UTC)
    head, _, _ = _document_parts(result, when, reviews, inputs)
    findings = Digest(findings_chunks(result, when, reviews, inputs))
    outputs = {
        out_dir / "findings.json": findings,
        out_dir / "report.md": markdown_report(result, reviews),
        **(extra or {}),
    }
    write_all(outputs)
    if inputs is not None:
        # Last, once every report is in place: what declares the set whole and up to date.
        write_atomic(out_dir / SET_MARK, set_mark(inputs, {
            path.name: data.encode("utf-8") if isinstance(data, str) else data
            for path, data in outputs.items()}, {key: head[key]
                                                 for key in ("summary", "generated_at")}))
    return list(outputs)


# Characters that are valid in a JSON string but can make a file say something other than what it
# holds when it is shown: C1 controls (an 8-bit terminal's CSI is U+009B), bidirectional
# overrides and isolates, and the line and paragraph separators that break JavaScript.
_JSON_ESCAPED = re.compile("[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
                           "\u2066-\u2069]")


def json_text(document: Any) -> str:
    """``document`` as indented UTF-8 JSON with every invisible or reordering character escaped
    (``\\u202e``): the same value when parsed, inert when looked at."""
    return _json_escaped(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def _json_escaped(text: str) -> str:
    # These characters can only occur inside JSON strings, where an escape means the same.
    return _JSON_ESCAPED.sub(lambda m: f"\\u{ord(m[0]):04x}", text)
