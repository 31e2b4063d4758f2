"""``report.html``: the briefing as one self-contained page, with a timeline for each finding.

The page has no external assets (inline CSS and a few lines of plain JavaScript), so it works
offline and when emailed, and it prints. Every string that came from a statement or evidence file
goes through ``html.escape`` (attributes too); the script reads ``data-`` attributes and sets
``hidden`` and ``textContent``, never ``innerHTML``. A Content-Security-Policy with the hashes of
the inline style and script lets nothing else run, even if some markup slipped through.

Filters (verdict, speaker, department, review status) can be set from the address, so a filtered
view is a link: ``report.html#verdict=contradicted&speaker=Nick%20Gibb``.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from claimcheck import __version__
from claimcheck.dates import PartialDate, Precision
from claimcheck.inert import web_url
from claimcheck.judge.calibration import load_calibration
from claimcheck.model import VERDICT_SEVERITY, CheckResult, Finding, Verdict
from claimcheck.outputs.briefing import (
    Briefed,
    Source,
    brief,
    evidence_index,
    is_dismissed,
    lead_date,
)
from claimcheck.outputs.report import _printable, notices, sorted_findings, statement_counts
from claimcheck.pipeline.run import statement_verdicts
from claimcheck.review.store import Review, ReviewState, ReviewStatus, review_status

NO_DEPARTMENT = "(not given)"


def html_report(result: CheckResult, reviews: Mapping[str, Review] | None = None,
                generated_at: dt.datetime | None = None) -> str:
    """The whole page. ``reviews`` (from ``review.load_reviews``) adds each finding's review status;
    ``generated_at`` is the page's one volatile field."""
    findings = _by_severity(result.findings)
    states = review_status(findings, reviews) if reviews is not None else None
    documents = evidence_index(result.corpus.evidence)
    flagged = [f for f in findings if in_full(f, states)]
    # At most FULL_CARDS in full, the most serious (by verdict, then confidence), shown in the
    # page's order (by verdict, then date).
    shown_in_full = {f.id for f in sorted(flagged, key=lambda f: (
        VERDICT_SEVERITY.index(f.verdict), -f.confidence))[:FULL_CARDS]}
    full = [f for f in flagged if f.id in shown_in_full]
    rest = [f for f in findings if f.id not in shown_in_full]
    more = len(flagged) - len(full)
    body = "\n".join([
        _header(result, generated_at),
        _summary(result, states),
        _filters(findings, states),
        '<main id="findings">',
        f"<p class=\"legend\">{LEGEND}</p>" if full else "",
        *(_finding(brief(f, documents), states[f.id] if states else None, number)
          for number, f in enumerate(full, start=1)),
        ('<section id="the-rest"><h3>The rest, in brief</h3><p class="muted">'
         + (f"{more:,} more flagged findings (past the first {FULL_CARDS:,} in full), then "
            if more else "")
         + "supported, unverified and dismissed findings: one line each; findings.json has "
         "them in full.</p>" if rest else ""),
        *(_compact(brief(f, documents), states[f.id] if states else None) for f in rest),
        "</section>" if rest else "",
        "</main>",
        _problems(result),
        _footer(result),
    ])
    return _page(body)


FLAGGED = (Verdict.CONTRADICTED, Verdict.CORRECTED, Verdict.OVERTAKEN)
# How many flagged findings the page shows in full (about 7 KB each); past that they are listed
# in one line each like the rest, so that 10,000 statements give a page under about 10 MB.
FULL_CARDS = 400
# How many statements the summary table lists (the most serious first).
SUMMARY_ROWS = 400


def in_full(finding: Finding, states: Mapping[str, ReviewState] | None) -> bool:
    """Flagged findings not dismissed are shown in full; the rest in one line each, which keeps
    the page a size a person can open at 10,000 statements (findings.json stays complete)."""
    return finding.verdict in FLAGGED and not is_dismissed(finding, states)


def finding_anchor(finding_id: str) -> str:
    """The ``id`` of a finding's section in the page (and the fragment that links to it)."""
    return "finding-" + re.sub(r"[^A-Za-z0-9_.:-]", "-", finding_id)


# ---------------------------------------------------------------------- page furniture

STYLE = """
:root { --ink: #1b1b1b; --muted: #595959; --rule: #d0d0d0; --paper: #fff; --mark: #fff2a8;
  --contradicted: #b3261e; --corrected: #6a3fa0; --overtaken: #a15c00; --supported: #1e6b35;
  --unverified: #5a5a5a; --public: #1f5fa8; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: var(--ink); background: var(--paper); margin: 0 auto; max-width: 60rem;
  padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; margin: .5rem 0 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.05rem; margin: 0; }
.lede, .muted, figcaption { color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--rule);
  vertical-align: top; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; list-style: none; }
.counts li { border: 1px solid var(--rule); border-radius: .4rem; padding: .25rem .6rem; }
.badge { display: inline-block; border-radius: .3rem; padding: 0 .45rem; color: #fff;
  font-weight: 600; font-size: .85rem; letter-spacing: .02em; }
.v-contradicted { background: var(--contradicted); } .v-corrected { background: var(--corrected); }
.v-overtaken { background: var(--overtaken); } .v-supported { background: var(--supported); }
.v-unverified { background: var(--unverified); }
.review { border: 1px solid var(--rule); border-radius: .3rem; padding: 0 .4rem;
  font-size: .85rem; }
.r-needs-re-review { border-color: var(--overtaken); color: var(--overtaken); font-weight: 600; }
.r-dismissed { text-decoration: line-through; }
.filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; margin: 1rem 0;
  padding: .75rem; background: #f5f5f5; border-radius: .4rem; }
.filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
.filters select, .filters button { font: inherit; font-size: .95rem; padding: .2rem; }
.filters p { margin: 0 0 .2rem; }
.finding { border: 1px solid var(--rule); border-radius: .5rem; padding: 1rem 1.25rem;
  margin: 1rem 0; }
.finding header { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .5rem; }
.facts { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; font-size: .9rem; margin: .4rem 0;
  padding: 0; list-style: none; }
.statement { white-space: pre-wrap; margin: .75rem 0; padding: .5rem .75rem;
  border-left: 4px solid var(--rule); }
mark { background: var(--mark); padding: 0 .1em; }
blockquote { margin: .25rem 0 .5rem; padding: .25rem .75rem; border-left: 3px solid var(--rule);
  white-space: pre-wrap; }
.evidence { padding-left: 1.25rem; }
.evidence li { margin-bottom: .6rem; }
.dates { font-size: .88rem; color: var(--muted); }
figure { margin: .75rem 0 0; }
svg.timeline { width: 100%; height: auto; max-width: 56rem; font-family: inherit; }
a { color: var(--public); overflow-wrap: anywhere; }
footer { margin-top: 2rem; font-size: .85rem; color: var(--muted); }
.summary-text { margin: .25rem 0 .5rem; padding: .25rem .75rem; border-left: 3px dashed #999;
  font-style: italic; color: #333; }
.label { font-size: .8rem; font-weight: 600; color: var(--muted); font-style: normal;
  text-transform: uppercase; letter-spacing: .03em; }
.caveat { border-left: 4px solid var(--overtaken); padding: .2rem .6rem; background: #fff7e6; }
.finding.compact { padding: .35rem .75rem; margin: .3rem 0; font-size: .9rem; }
.finding.compact p { margin: .15rem 0; }
.finding-foot { margin: .5rem 0 0; font-size: .8rem; color: var(--muted); }
.legend { font-size: .85rem; color: var(--muted); }
code { overflow-wrap: anywhere; }
@media (max-width: 40rem) {
  body { padding: .5rem .6rem 2rem; font-size: 15px; }
  #summary table, #summary thead, #summary tbody, #summary tr, #summary td { display: block; }
  #summary thead { display: none; }
  #summary tr { border-bottom: 1px solid var(--rule); padding: .3rem 0; }
  #summary td { border: 0; padding: .05rem .2rem; }
  #summary td::before { content: attr(data-label) ": "; color: var(--muted); font-size: .8rem; }
  .finding { padding: .6rem .7rem; }
}
@page { size: A4; margin: 11mm 11mm; }
@media print {
  html { font-size: 9pt; }
  body { max-width: none; padding: 0; font-size: 8.5pt; line-height: 1.25; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .filters { display: none; }
  /* Sized so that two ordinary cards share an A4 page: the embedded corpus's twelve full
     cards then print in about a dozen pages, not one card to a page. */
  .finding { break-inside: avoid; page-break-inside: avoid; border-color: #999; margin: .35rem 0;
    padding: .35rem .6rem; }
  .finding p { margin: .25rem 0; }
  h4 { margin: .35rem 0 .15rem; }
  .finding.compact { margin: .15rem 0; padding: .15rem .5rem; }
  h2, h3 { break-after: avoid; }
  tr { break-inside: avoid; }
  /* On paper a card shows the claim itself, not the whole statement around it (the screen
     view and findings.json keep the statement whole), so that no card outgrows a page. */
  .statement { font-size: 0; margin: .3rem 0; padding: .2rem .5rem; }
  .statement mark { font-size: 10pt; background: none; font-weight: 600; }
  #summary table { font-size: 8.5pt; }
  th, td { padding: .1rem .3rem; }
  .finding.compact { font-size: 8.5pt; }
  .finding.compact p { margin: 0; }
  blockquote, .summary-text { margin: .15rem 0 .3rem; padding: .1rem .5rem; }
  .evidence li { margin-bottom: .3rem; }
  h2 { margin: 1rem 0 .3rem; }
  svg.timeline { width: auto; max-width: 100%; max-height: 4.2rem; }
  figure { margin: .3rem 0 0; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .8em; }
}
"""

SCRIPT = """
(function () {
  "use strict";
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var shown = document.getElementById("shown");
  function apply() {
    var count = 0;
    findings.forEach(function (el) {
      var keep = selects.every(function (s) {
        var name = "data-" + s.getAttribute("data-filter");
        return s.value === "" || el.getAttribute(name) === s.value;
      });
      el.hidden = !keep;
      if (keep) { count += 1; }
    });
    shown.textContent = String(count);
    document.body.setAttribute("data-shown", String(count));
  }
  function fromAddress() {
    var params = new URLSearchParams(window.location.hash.slice(1));
    selects.forEach(function (s) {
      var wanted = params.get(s.getAttribute("data-filter"));
      var known = Array.prototype.some.call(s.options, function (o) { return o.value === wanted; });
      s.value = known ? wanted : "";
    });
    apply();
  }
  function toAddress() {
    var params = new URLSearchParams();
    selects.forEach(function (s) {
      if (s.value) { params.set(s.getAttribute("data-filter"), s.value); }
    });
    try {
      window.history.replaceState(null, "", "#" + params.toString());
    } catch (e) { /* some browsers refuse this for file: pages; the filter still applies */ }
    apply();
  }
  selects.forEach(function (s) { s.addEventListener("change", toAddress); });
  document.getElementById("reset").addEventListener("click", function () {
    selects.forEach(function (s) { s.value = ""; });
    toAddress();
  });
  window.addEventListener("hashchange", fromAddress);
  fromAddress();
  document.body.setAttribute("data-ready", "true");
}());
"""


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy() -> str:
    """Nothing loads or runs but the page's own inline style and script."""
    return (f"default-src 'none'; style-src {_csp_hash(STYLE)}; script-src {_csp_hash(SCRIPT)}; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def _page(body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{content_security_policy()}\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"referrer\" content=\"no-referrer\">\n"
        "<title>claimcheck briefing</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n{body}\n"
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n")


def _t(text: str | None) -> str:
    """Outside text, escaped for HTML text and attributes alike; control characters dropped."""
    return escape(_printable(text or ""), quote=True)


def _href(url: str | None) -> str | None:
    url = web_url(url)
    return escape(url, quote=True) if url else None


def _by_severity(findings) -> list[Finding]:
    rank = {v: i for i, v in enumerate(VERDICT_SEVERITY)}
    return sorted(sorted_findings(findings), key=lambda f: rank[f.verdict])


def _header(result: CheckResult, generated_at: dt.datetime | None) -> str:
    when = (generated_at or dt.datetime.now(dt.UTC)).strftime("%d %B %Y").lstrip("0")
    return (f"<header><h1>claimcheck briefing</h1>\n<p class=\"lede\">"
            f"{len(result.corpus.statements)} statements ({len(result.findings)} claims) checked "
            f"against {len(result.corpus.evidence)} evidence documents. Generated {when}.</p>"
            "</header>")


def _summary(result: CheckResult, states: Mapping[str, ReviewState] | None = None) -> str:
    worst = statement_verdicts(result.findings)
    counts = statement_counts(result.findings, worst, states)
    documents = evidence_index(result.corpus.evidence)
    items = "".join(f'<li><span class="badge v-{v.value}">{v.value}</span> '
                    f"{_t(text.split(' ', 1)[0])}"
                    + (f' <span class="muted">{_t(text[text.index("("):])}</span>'
                       if "(" in text else "") + "</li>"
                    for v, text in zip(VERDICT_SEVERITY, counts, strict=True))
    rows = []
    # A large corpus lists its most serious statements here (every finding is listed below).
    chosen = sorted(worst.values(), key=lambda f: (VERDICT_SEVERITY.index(f.verdict),
                                                   -f.confidence))[:SUMMARY_ROWS]
    left_out = len(worst) - len(chosen)
    for f in sorted(chosen, key=lambda f: (f.statement.date.start, f.statement.id)):
        s = f.statement
        rows.append(
            f'<tr><td data-label="Date">{_t(s.date.human())}</td>'
            f'<td data-label="Speaker">{_t(s.speaker)}</td>'
            f'<td data-label="Reference"><a href="#{_t(finding_anchor(f.id))}">'
            f"{_t(s.reference or s.id)}</a></td>"
            f'<td data-label="Verdict"><span class="badge v-{f.verdict.value}">'
            f"{f.verdict.value}</span></td>"
            f'<td data-label="Confidence">{brief(f, documents).confidence:.2f}</td>'
            f'<td data-label="Publicly known then">{_known(f.publicly_known)}</td></tr>')
    return ("<section id=\"summary\"><h2>Summary</h2>\n"
            "<p>Each statement counts once, under its most serious verdict."
            + (f" The table lists the {len(chosen):,} most serious of {len(worst):,} statements;"
               " every finding is listed below." if left_out else "") + "</p>\n"
            f'<ul class="counts">{items}</ul>\n'
            "<table><thead><tr><th>Date</th><th>Speaker</th><th>Reference</th><th>Verdict</th>"
            "<th>Confidence</th><th>Publicly known then</th></tr></thead>\n<tbody>"
            + "\n".join(rows) + "</tbody></table>\n"
            f'<p class="muted">{_t(load_calibration().describe())}</p></section>')


def _filters(findings: list[Finding], states: dict[str, ReviewState] | None) -> str:
    def select(name: str, label: str, values: list[str]) -> str:
        options = "".join(f'<option value="{_t(v)}">{_t(v)}</option>' for v in values)
        return (f'<label>{label}<select data-filter="{name}" id="filter-{name}">'
                f'<option value="">all</option>{options}</select></label>')

    controls = [
        select("verdict", "Verdict", [v.value for v in VERDICT_SEVERITY]),
        select("speaker", "Speaker", sorted({_printable(f.statement.speaker) for f in findings})),
        select("department", "Department",
               sorted({_printable(f.statement.department or NO_DEPARTMENT) for f in findings})),
    ]
    if states is not None:
        controls.append(select("review", "Review", sorted({s.status.value
                                                           for s in states.values()})))
    return ('<h2>Findings</h2>\n<form class="filters" id="filters" role="search">'
            + "".join(controls)
            + '<button type="button" id="reset">Show all</button>'
            f'<p aria-live="polite">Showing <strong id="shown">{len(findings)}</strong> of '
            f"{len(findings)} findings</p></form>")


def _known(value: bool | None) -> str:
    return {True: "yes", False: "no", None: "–"}[value]


# ---------------------------------------------------------------------- one finding

def _review_item(state: ReviewState | None) -> tuple[str, str]:
    if state is None:
        return "", ""
    return (f' data-review="{_t(state.status.value)}"',
            f'<li>Review: <span class="review r-{state.status.value.replace(" ", "-")}">'
            f"{_t(state.describe())}</span>"
            + (f" — {_t(state.review.note)}" if state.review and state.review.note else "")
            + "</li>")


def _attrs(f: Finding) -> str:
    s = f.statement
    return (f'data-verdict="{f.verdict.value}" data-speaker="{_t(s.speaker)}" '
            f'data-department="{_t(s.department or NO_DEPARTMENT)}"')


def _finding(b: Briefed, state: ReviewState | None, number: int = 0) -> str:
    f = b.finding
    s = f.statement
    who = _t(s.speaker) + (f", {_t(s.role)}" if s.role else "")
    review_attr, review = _review_item(state)
    capped = (f' <span class="muted">(capped from {f.confidence:.2f})</span>' if b.capped else "")
    parts = [
        f'<article class="finding" id="{_t(finding_anchor(f.id))}" {_attrs(f)}{review_attr}>',
        f"<header><h3>{number}. {_t(s.reference or s.id)}: {who}, {_t(s.date.human())}</h3>"
        f'<span class="badge v-{f.verdict.value}">{f.verdict.value}</span></header>',
        '<ul class="facts">'
        f"<li>Confidence {b.confidence:.2f}{capped}</li>"
        f"<li>Publicly known at the time: {_known(f.publicly_known)}</li>"
        + (f"<li>{_t(s.department)}</li>" if s.department else "")
        + f"<li>{_t(s.venue)}</li>"
        + review + "</ul>",
        f'<p class="statement">{_highlighted(f)}</p>',
    ]
    if b.claim.summary:
        by = b.attribution.describe() if b.attribution else "the speaker"
        parts.append('<p class="muted">The statement above is the filer\'s account of what was '
                     "said, not the speaker's words.</p>")
        if b.claim.words:
            parts.append(f'<p><span class="label">Words attributed to {_t(by)}</span></p>'
                         + "".join(f"<blockquote>{_t(w)}</blockquote>" for w in b.claim.words))
    parts.append(f"<p>{_t(b.rationale())}</p>")
    parts += [f'<p class="caveat">Caution: {_t(c)}.</p>' for c in b.caveats]
    if b.sources:
        parts.append("<h4>Evidence</h4><ol class=\"evidence\">"
                     + "".join(_citation(x) for x in b.sources) + "</ol>")
    for note in f.notes:
        if not any(c.note == note for c in f.evidence):
            parts.append(f"<p class=\"muted\">Note: {_t(note)}.</p>")
    parts.append(timeline_svg(f))
    parts.append(f'<p class="finding-foot">Finding {number}: <code>{_t(f.id)}</code></p>')
    parts.append("</article>")
    return "\n".join(parts)


def _compact(b: Briefed, state: ReviewState | None) -> str:
    """One finding in a line or two: what it says and why, without the statement, quotes or
    timeline."""
    f = b.finding
    s = f.statement
    review_attr, review = _review_item(state)
    review_text = (f" · review: {_t(state.describe())}" if state is not None
                   and state.status is not ReviewStatus.UNREVIEWED else "")
    return (f'<article class="finding compact" id="{_t(finding_anchor(f.id))}" {_attrs(f)}'
            f'{review_attr}><p><span class="badge v-{f.verdict.value}">{f.verdict.value}</span> '
            f"<strong>{_t(s.reference or s.id)}</strong>, {_t(s.speaker)}, "
            f"{_t(s.date.human())} · confidence {b.confidence:.2f}{review_text}</p>"
            f"<br>{_t(_shorten(f.claim.text, 140))}</p>{_leads(b)}</article>")


def _leads(b: Briefed) -> str:
    """An unsettled claim's leads, by title and date only: the page stays small, and
    findings.json and report.md quote them."""
    leads = [x.citation for x in b.sources if x.citation.relation == "lead"]
    if not leads:
        return ""
    return ('<p class="muted">Leads to check: ' + "; ".join(
        f"{_t(_shorten(c.title, 90))} ({_t(lead_date(c))})" for c in leads)
        + "</p>")


def _shorten(text: str, most: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[:most].rsplit(" ", 1)[0] + " …"


def _highlighted(f: Finding) -> str:
    """The statement in full, the claim's own words marked."""
    text = f.statement.text
    start, end = f.claim.analysis.start, f.claim.analysis.end
    if not 0 <= start <= end <= len(text):
        return f"<mark>{_t(f.claim.text)}</mark>"
    return _t(text[:start]) + "<mark>" + _t(text[start:end]) + "</mark>" + _t(text[end:])


def _citation(x: Source) -> str:
    c = x.citation
    dates = [f"fact from {c.fact_date.human()} ({x.fact_date_from})",
             f"document {c.document_date.human()}", f"public {c.disclosed.human()}"]
    if c.days_fact_before_statement and c.days_fact_before_statement > 0:
        dates.append(f"fact held {c.days_fact_before_statement} days before the statement")
    if c.days_statement_to_disclosure and c.days_statement_to_disclosure > 0:
        dates.append(f"made public {c.days_statement_to_disclosure} days after the statement")
    href = _href(c.url)
    link = f' <a href="{href}" rel="noopener noreferrer">source</a>' if href else ""
    ref = f", {_t(x.cite)}" if x.cite else ""
    note = f'<p class="muted">Note: {_t(c.note)}.</p>' if c.note else ""
    relation = c.relation + ("; a refusal to disclose: it supports nothing" if x.refusal else "")
    p = x.passage
    if p.source_words:
        quoted = f"<blockquote>{_t(p.source_text)}</blockquote>"
    else:
        quoted = (f'<p class="summary-text"><span class="label">Filer\'s summary, not the '
                  f"document's words</span><br>{_t(p.text)}</p>"
                  + ("".join(f"<blockquote>{_t(w)}</blockquote>" for w in p.words)
                     if p.words else ""))
    return (f"<li><strong>{_t(c.title)}</strong>{ref} ({_t(c.kind)}; {_t(relation)}){link}"
            f'<div class="dates">{_t("; ".join(dates))}</div>{quoted}{note}</li>')


# ---------------------------------------------------------------------- the timeline

@dataclass(frozen=True)
class Event:
    kind: str        # fact, made, statement, disclosed, correction
    label: str
    date: PartialDate


_COLOURS = {"fact": "#b3261e", "made": "#7a7a7a", "statement": "#1b1b1b",
            "disclosed": "#1f5fa8", "correction": "#6a3fa0"}
_NAMES = {"fact": "Fact arose", "made": "Document made", "statement": "Statement made",
          "disclosed": "Made public", "correction": "Corrected"}


def timeline_events(f: Finding) -> list[Event]:
    """When each fact arose, the statement, each disclosure and any correction, without repeats."""
    events = [Event("statement", "Statement", f.statement.date)]
    many = len(f.evidence) > 1
    for number, c in enumerate(f.evidence, start=1):
        tag = f" [{number}]" if many else ""
        if c.relation == "corrects":
            events.append(Event("correction", "Corrected" + tag, c.document_date))
            continue
        if c.disclosed == c.fact_date:
            events.append(Event("fact", "Fact, public" + tag, c.fact_date))
            continue
        events.append(Event("fact", "Fact" + tag, c.fact_date))
        if c.document_date not in (c.fact_date, c.disclosed):
            events.append(Event("made", "Made" + tag, c.document_date))
        events.append(Event("disclosed", "Public" + tag, c.disclosed))
    unique: dict[tuple[str, PartialDate], Event] = {}
    for event in events:
        key = (event.kind, event.date)
        if key in unique and many:
            unique[key] = Event(event.kind, _merge(unique[key].label, event.label), event.date)
        else:
            unique.setdefault(key, event)
    return sorted(unique.values(), key=lambda e: (e.date.start, e.kind != "statement"))


def _merge(a: str, b: str) -> str:
    return a[:-1] + "," + b[b.rindex("[") + 1:] if a.endswith("]") and b.endswith("]") else a


WIDTH, LEFT, RIGHT, AXIS_Y, ROW = 720, 20, 20, 42, 30


def timeline_svg(f: Finding) -> str:
    """A dated line: the statement, and around it when each fact arose and became public."""
    events = timeline_events(f)
    if len(events) == 1:
        return ('<p class="muted timeline-none">No dated evidence to draw a timeline from.</p>')
    # Day numbers, not dates: padding round 0001-01-01 or 9999-12-31 must not leave the calendar.
    first = min(e.date.start for e in events).toordinal()
    last = max(e.date.end for e in events).toordinal() + 1
    pad = max((last - first) // 20, 10)
    first, last = first - pad, last + pad
    span = last - first
    usable = WIDTH - LEFT - RIGHT

    def x(day: dt.date | int) -> float:
        number = day if isinstance(day, int) else day.toordinal()
        return round(LEFT + usable * (number - first) / span, 1)

    rows_end: list[float] = []
    labels, marks = [], []
    for event in events:
        x0, x1 = x(event.date.start), x(event.date.end.toordinal() + 1)
        centre = round((x0 + x1) / 2, 1)
        colour = _COLOURS[event.kind]
        name = _NAMES[event.kind] + (" and made public" if event.label.startswith("Fact, public")
                                     else "")
        title = f"{name}: {event.date.human()}"
        if event.date.precision is not Precision.DAY:
            marks.append(f'<rect class="ev ev-{event.kind}" x="{x0}" y="{AXIS_Y - 7}" '
                         f'width="{max(x1 - x0, 3):.1f}" height="14" fill="{colour}" '
                         f'fill-opacity="0.35" stroke="{colour}"><title>{_t(title)} '
                         f"(the date is known only to the {event.date.precision.name.lower()})"
                         "</title></rect>")
        if event.kind == "statement":
            marks.append(f'<line class="ev ev-statement" x1="{centre}" x2="{centre}" '
                         f'y1="{AXIS_Y - 16}" y2="{AXIS_Y + 16}" stroke="{colour}" '
                         f'stroke-width="3"><title>{_t(title)}</title></line>')
        else:
            marks.append(_marker(event.kind, centre, colour, title))
        text = f"{event.label}: {_short(event.date)}"
        width = 7.0 * len(text)
        anchor, tx = "middle", centre
        if centre - width / 2 < 2:
            anchor, tx = "start", max(centre - 4, 2)
        elif centre + width / 2 > WIDTH - 2:
            anchor, tx = "end", min(centre + 4, WIDTH - 2)
        left = {"middle": tx - width / 2, "start": tx, "end": tx - width}[anchor]
        row = next((i for i, end in enumerate(rows_end) if end < left), len(rows_end))
        if row == len(rows_end):
            rows_end.append(0.0)
        rows_end[row] = left + width + 10
        y = AXIS_Y + 34 + ROW * row
        labels.append(f'<line x1="{centre}" x2="{centre}" y1="{AXIS_Y + 9}" y2="{y - 12}" '
                      f'stroke="{colour}" stroke-opacity="0.5"/>'
                      f'<text x="{tx}" y="{y}" text-anchor="{anchor}" font-size="12" '
                      f'fill="{colour}">{_t(text)}</text>')
    height = AXIS_Y + 34 + ROW * max(len(rows_end) - 1, 0) + 12
    ticks = []
    for year in _tick_years(first, last):
        tx = x(dt.date(year, 1, 1))
        ticks.append(f'<line x1="{tx}" x2="{tx}" y1="{AXIS_Y - 4}" y2="{AXIS_Y + 4}" '
                     f'stroke="#999"/><text x="{tx}" y="{AXIS_Y - 22}" text-anchor="middle" '
                     f'font-size="11" fill="#777">{year}</text>')
    summary = "; ".join(f"{_NAMES[e.kind]} {e.date.human()}" for e in events)
    return (f'<figure><svg class="timeline" role="img" viewBox="0 0 {WIDTH} {height}" '
            f'width="{WIDTH}" height="{height}" xmlns="http://www.w3.org/2000/svg" '
            f'aria-label="Timeline: {_t(summary)}"><title>Timeline: {_t(summary)}</title>'
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{AXIS_Y}" y2="{AXIS_Y}" stroke="#999" '
            f'stroke-width="2"/>{"".join(ticks)}{"".join(marks)}{"".join(labels)}</svg>'
            "</figure>")


LEGEND = ("Timelines: fact arose (red; ringed blue when public the same day), document made "
          "(grey), statement (black bar), made public (blue), corrected (purple). A band is a "
          "date known only to the month or year. Quotes in a solid-ruled block are the "
          "source's own words; a filer's summary is shown in italics with a dashed rule.")


def _tick_years(first: int, last: int, most: int = 20) -> range:
    """The years to mark between two day numbers: each 1 January inside, at most ``most``."""
    def year(day: int) -> int:
        return dt.date.fromordinal(min(max(day, 1), dt.date.max.toordinal())).year
    low, high = year(first) + 1, year(last)
    step = max(1, -(-(high - low + 1) // most))
    return range(-(-low // step) * step, high + 1, step)


def _marker(kind: str, cx: float, colour: str, title: str) -> str:
    tip = f"<title>{_t(title)}</title>"
    if kind == "disclosed":
        return (f'<rect class="ev ev-disclosed" x="{cx - 6}" y="{AXIS_Y - 6}" width="12" '
                f'height="12" fill="{colour}">{tip}</rect>')
    if kind == "correction":
        points = f"{cx},{AXIS_Y - 8} {cx + 8},{AXIS_Y + 6} {cx - 8},{AXIS_Y + 6}"
        return (f'<polygon class="ev ev-correction" points="{points}" '
                f'fill="{colour}">{tip}</polygon>')
    radius = 4 if kind == "made" else 6
    ring = (f' stroke="{_COLOURS["disclosed"]}" stroke-width="2.5"'
            if kind == "fact" and "made public" in title else "")
    return (f'<circle class="ev ev-{kind}" cx="{cx}" cy="{AXIS_Y}" r="{radius}" '
            f'fill="{colour}"{ring}>{tip}</circle>')


def _short(day: PartialDate) -> str:
    if day.precision is Precision.DAY:
        return dt.date(day.year, day.month, day.day).strftime("%d %b %Y").lstrip("0")
    if day.precision is Precision.MONTH:
        return dt.date(day.year, day.month, 1).strftime("%b %Y")
    return str(day.year)


# ---------------------------------------------------------------------- the rest

def _problems(result: CheckResult) -> str:
    if not result.problems:
        return ""
    items = "".join(f"<li><code>{_t(str(p.path))}</code>"
                    + (f", field <code>{_t(p.field)}</code>" if p.field else "")
                    + f": {_t(p.message)}</li>" for p in result.problems)
    return ("<section id=\"problems\"><h2>Inputs skipped</h2>"
            f"<p>These files were not used; fix them and run again.</p><ul>{items}</ul></section>")


def _footer(result: CheckResult) -> str:
    lines = [f"<p>{_t(n)}</p>" for n in notices(result)]
    lines.append(f"<p>Generated by claimcheck {_t(__version__)}. Each finding is the tool's "
                 "reading of the documents cited: check the quotes against the sources before "
                 "relying on it.</p>")
    return "<footer>" + "".join(lines) + "</footer>"
