"""What a finding may say in a briefing: whose words each quote is, where it sits, and how sure.

Every output (``report.md``, ``report.html``, letters, CSV, ClaimReview) reads a finding through
:func:`brief`, so they all draw the same lines:

- **The source's words and the filer's summary are kept apart.** A corpus file marked
  ``body: summary`` is the filer's account; only the fragments in quotation marks in it are the
  source's words (:func:`passage`). An output quotes only those as the source's; the rest is shown
  as the summary it is.
- **Reported speech names the speaker and the reporter.** "The Department told the BBC that
  "these data ..."": the speaker's words are the quoted fragment, "as reported by the BBC"
  (:func:`attribution`).
- **A location is cited only where it belongs.** An evidence file's ``reference`` that is a
  place in the document ("paragraph 15.2.6") is cited only for a quote that names it; a page is
  cited from the ``<!-- page N -->`` marker before the quote (:func:`location`).
- **A fact date says how it was found**: the sentence's own date, the document's
  ``effective_from``, or its ``date`` (:func:`fact_date_source`).
- **Confidence shown reflects the evidence's standing.** A finding whose every quote is a filer's
  summary with none of the source's words is shown capped at ``SUMMARY_ONLY_CAP``, with the reason;
  the judge's own figure stays in ``findings.json``.
- **Reviews are counted**: "6 contradicted (1 confirmed, 1 dismissed, 4 waiting)"
  (:func:`review_tally`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from claimcheck.dates import find_dates
from claimcheck.model import Citation, Evidence, Finding, Statement
from claimcheck.review.store import ReviewState, ReviewStatus

# The most a finding resting only on a filer's summary is shown with: a paraphrase is a lead to
# the document, not the document.
SUMMARY_ONLY_CAP = 0.60
# The most a finding about reported words (a speaker's words as a journalist gave them) is shown
# with, when the report gives none of the speaker's words.
REPORTED_ONLY_CAP = 0.70

# A quotation inside a summary: straight or curly double quotes, at least two characters.
_QUOTED = re.compile(r'"([^"\n]{2,}?)"|“([^”\n]{2,}?)”')
# "told the BBC that", "said to Schools Week", "confirmed to Sky News that", "told defenddigitalme".
_REPORTED = re.compile(
    r"\b(?:told|said to|confirmed to|assured|wrote to)\s+(?P<who>(?:the\s+)?[A-Za-z][\w&'.-]*"
    r"(?:\s+[A-Z][\w&'.-]*)*)")
# References that are a place in a document rather than the document's own identifier.
_LOCATION = re.compile(
    r"^\s*(?P<kind>paragraphs?|paras?\.?|sections?|s\.|clauses?|points?|pages?|pp?\.|columns?|"
    r"cols?\.?|annex|schedule|article)\s*(?P<where>[\w.()/-]+)", re.I)
_PAGE = re.compile(r"<!-- page (\d+) -->")
# Replies that decline to say: they neither support nor contradict what they were asked about.
_REFUSAL = re.compile(r"\b(declined|refused|refuses|declines|will not (?:disclose|release|"
                      r"provide|publish)|not held|cannot (?:confirm|provide)|neither confirm)\b",
                      re.I)


@dataclass(frozen=True)
class Passage:
    """A sentence as filed, and which parts of it are the source's own words."""

    text: str
    summary: bool                 # the file is the filer's summary, not the source's words
    words: tuple[str, ...]        # the source's own words: all of ``text``, or quoted fragments

    @property
    def verbatim(self) -> bool:
        return not self.summary

    @property
    def summary_only(self) -> bool:
        """A summary with none of the source's words in it."""
        return self.summary and not self.words

    @property
    def wholly_quoted(self) -> bool:
        """A summary sentence that is one quotation, bar its closing punctuation: all words."""
        return self.summary and len(self.words) == 1 and \
            len(self.words[0]) >= len(self.text.strip(' .:;"“”')) - 1

    @property
    def source_words(self) -> bool:
        return self.verbatim or self.wholly_quoted

    @property
    def source_text(self) -> str:
        """The source's words to quote: the whole of a verbatim sentence, else its first (for a
        wholly quoted summary, its only) quoted fragment."""
        return self.words[0] if self.summary else self.text


def quoted_fragments(text: str) -> tuple[str, ...]:
    """The fragments of a filer's summary in quotation marks: the source's own words."""
    return tuple(" ".join((m[1] or m[2]).split()) for m in _QUOTED.finditer(text))


def passage(text: str, summary: bool) -> Passage:
    return Passage(text, summary, quoted_fragments(text) if summary else (text,))


@dataclass(frozen=True)
class Attribution:
    """Whose words a statement quotes, and who reported them."""

    speaker: str
    reporter: str | None

    def describe(self) -> str:
        return self.speaker + (f", as reported by {self.reporter}" if self.reporter else "")


def attribution(statement: Statement) -> Attribution | None:
    """Who spoke and who reported it, for a statement that is someone's report of words: a file
    marked ``body: summary`` or ``reported_by``, or a press line or meeting note that says so
    ("told the BBC that ...")."""
    reporter = statement.reported_by
    match = _REPORTED.search(statement.text)
    if reporter is None and match and statement.venue in ("press", "meeting"):
        reporter = match["who"]
    if not (statement.summary or reporter):
        return None
    speaker = statement.role or statement.speaker
    if statement.role and statement.speaker not in statement.role:
        speaker = f"{statement.speaker} ({statement.role})"
    return Attribution(speaker, reporter)


def location(citation: Citation, evidence: Evidence | None) -> tuple[str | None, str | None]:
    """(the place the quote sits, the document's identifier): each None when it has none.

    A ``reference`` that names a place ("paragraph 15.2.6") is the quote's place only when the
    quote names it too; otherwise it belongs to another sentence and is not cited at all."""
    reference, place = citation.reference, None
    if reference:
        match = _LOCATION.match(reference)
        if match:
            reference = None
            where = match["where"].rstrip(".")
            if re.search(rf"(?<![\w.]){re.escape(where)}(?![\w]|\.\d)", citation.quote):
                place = citation.reference
    if evidence is not None and place is None:
        at = evidence.text.find(citation.quote)
        pages = list(_PAGE.finditer(evidence.text, 0, at)) if at >= 0 else []
        if pages:
            place = f"page {pages[-1][1]}"
    return place, reference


FACT_DATE_SOURCES = {
    "text": "the date the sentence gives",
    "effective_from": "the document's effective_from; the sentence gives no date",
    "date": "the document's date; the sentence gives no date",
}


def fact_date_source(citation: Citation, evidence: Evidence | None) -> str:
    """How the fact's date was found, in words a reader can check against the document."""
    how = citation.fact_date_from
    if how is None:
        how = _infer_source(citation, evidence)
    return FACT_DATE_SOURCES.get(how, how)


def _infer_source(citation: Citation, evidence: Evidence | None) -> str:
    anchor = evidence.date if evidence is not None else citation.document_date
    try:
        given = [d for _, _, d in find_dates(citation.quote, anchor)]
    except Exception:   # a sentence's dates never stop a report  # noqa: BLE001
        given = []
    if citation.fact_date in given:
        return "text"
    if evidence is not None and evidence.effective_from == citation.fact_date:
        return "effective_from"
    if citation.fact_date == citation.document_date:
        return "date"
    return "text" if given else "unknown (claimcheck could not say)"


@dataclass(frozen=True)
class Source:
    """One cited piece of evidence, as a briefing may show it."""

    citation: Citation
    passage: Passage
    place: str | None              # "paragraph 15.2.6", "page 5": only where the quote sits
    reference: str | None          # the document's identifier ("FOI 2016-0032573")
    fact_date_from: str
    refusal: bool                  # a reply that declines to say: it supports nothing

    @property
    def cite(self) -> str:
        return ", ".join(x for x in (self.reference, self.place) if x)


@dataclass(frozen=True)
class Briefed:
    """A finding as every output shows it."""

    finding: Finding
    claim: Passage
    attribution: Attribution | None
    sources: tuple[Source, ...]
    confidence: float              # as shown: capped when it rests on summaries
    caveats: tuple[str, ...]       # why it was capped, and what to read it as

    @property
    def capped(self) -> bool:
        return self.confidence < self.finding.confidence

    def confidence_text(self) -> str:
        if not self.capped:
            return f"{self.confidence:.2f}"
        return f"{self.confidence:.2f}, capped from {self.finding.confidence:.2f}"

    def rationale(self) -> str:
        """The judge's rationale with a summary never put in quotation marks as someone's
        words (it is shown as ``[filer's summary: ...]``), and a cut quote cut at a word."""
        passages = [self.claim] + [s.passage for s in self.sources]
        return _QUOTE_IN_RATIONALE.sub(lambda m: _requote(m[1], passages), self.finding.rationale)


_QUOTE_IN_RATIONALE = re.compile(r"“([^”]+)”")


def _requote(inner: str, passages: list[Passage]) -> str:
    # The judge marks a cut quote "[…]"; findings written before it used a bare "…".
    cut = inner.endswith("…") or inner.endswith("[…]")
    text = inner.removesuffix("[…]").rstrip("…").strip()
    bare = text.strip('"')
    for p in passages:
        at = p.text.find(text)
        if at < 0:
            continue
        following = p.text[at + len(text):at + len(text) + 1]
        if cut and following.isalnum() and " " in bare:
            bare = bare.rsplit(" ", 1)[0]           # never end a quote inside a word
        ending = " […]" if cut else ""
        if p.source_words:
            return f"“{bare}{ending}”"
        if bare in p.words:
            return f"“{bare}”"
        return f"[filer's summary: {text.strip()}{ending}]"
    return f"“{inner}”"


def claim_in_full(finding: Finding) -> str:
    """The claim with the start of its sentence when the claim begins inside it ("[...] requests
    ..." after "Between July 2015 and September 2016"): a qualifier is never lost."""
    text, start = finding.statement.text, finding.claim.analysis.start
    claim = finding.claim.text
    if not (claim.startswith("[") or claim[:1].islower()) or \
            text[start:start + len(claim)] != claim:
        return claim
    begin = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    return (text[begin:start] + claim).strip()


def lead_date(c: Citation) -> str:
    """When a lead's fact held, or, for a later document that may correct the statement, when
    it was made."""
    if c.days_fact_before_statement is not None and c.days_fact_before_statement < 0:
        return f"dated {c.fact_date.human()}, after the statement"
    return f"fact from {c.fact_date.human()}"


def brief(finding: Finding, evidence: Mapping[str, Evidence] | None = None) -> Briefed:
    """``finding`` read for a briefing; ``evidence`` is the corpus's documents by id."""
    evidence = evidence or {}
    who = attribution(finding.statement)
    claim = passage(claim_in_full(finding), finding.statement.summary or bool(who))
    sources = []
    for c in finding.evidence:
        document = evidence.get(c.evidence_id)
        place, reference = location(c, document)
        # A fact made from the document's own metadata quotes its title: the document's name,
        # never the filer's summary of what it says.
        summary = bool(document and document.summary) and c.quote != c.title
        sources.append(Source(c, passage(c.quote, summary), place,
                              reference, fact_date_source(c, document),
                              c.relation == "supports" and bool(_REFUSAL.search(c.quote))))
    confidence, caveats = finding.confidence, []
    deciding = [s for s in sources if s.citation.relation not in ("undecided", "lead")]
    if deciding and all(s.passage.summary_only for s in deciding):
        confidence = min(confidence, SUMMARY_ONLY_CAP)
        caveats.append("every quote it rests on is a filer's summary, with none of the source's "
                       "own words: check the documents themselves")
    if who and who.reporter and not claim.words:
        confidence = min(confidence, REPORTED_ONLY_CAP)
        caveats.append(f"the statement is {who.reporter}'s report of what was said, with none "
                       "of the speaker's own words")
    if any(s.refusal for s in sources):
        caveats.append("a reply that declines to say supports nothing: it is listed, not relied on")
    return Briefed(finding, claim, who, tuple(sources), confidence, tuple(caveats))


def evidence_index(documents: Iterable[Evidence]) -> dict[str, Evidence]:
    return {e.id: e for e in documents}


# ---------------------------------------------------------------------- reviews

WAITING = (ReviewStatus.UNREVIEWED, ReviewStatus.NEEDS_REREVIEW)


def review_tally(findings: Iterable[Finding],
                 states: Mapping[str, ReviewState] | None) -> dict[str, int]:
    """How many of ``findings`` are confirmed, dismissed and waiting for a reviewer."""
    tally = {"confirmed": 0, "dismissed": 0, "waiting": 0}
    for f in findings:
        state = (states or {}).get(f.id)
        if state is None or state.status in WAITING:
            tally["waiting"] += 1
        else:
            tally[state.status.value] += 1
    return tally


def statement_review(findings: Iterable[Finding],
                     states: Mapping[str, ReviewState] | None) -> str:
    """One statement's standing from its findings of its verdict: confirmed if any is, dismissed if
    all are, otherwise waiting."""
    tally = review_tally(findings, states)
    if tally["confirmed"]:
        return "confirmed"
    if tally["dismissed"] and not tally["waiting"]:
        return "dismissed"
    return "waiting"


def describe_tally(count: int, name: str, tally: Mapping[str, int] | None) -> str:
    """ "6 contradicted (1 confirmed, 1 dismissed, 4 waiting)"; no brackets without reviews."""
    if not count or tally is None:
        return f"{count} {name}"
    parts = [f"{tally[k]} {k}" for k in ("confirmed", "dismissed", "waiting") if tally.get(k)]
    return f"{count} {name} ({', '.join(parts)})"


def is_dismissed(finding: Finding, states: Mapping[str, ReviewState] | None) -> bool:
    state = (states or {}).get(finding.id)
    return bool(state and state.dismissed)

