"""Exports for other tools: ``findings.csv`` for spreadsheets, ``claimreview.json`` for the web.

**CSV.** One row per finding, written with the ``csv`` module. A spreadsheet runs a cell that starts
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a formula, so such cells are prefixed
with a single quote (the OWASP advice on CSV injection): outside text stays text. The file starts
with a UTF-8 byte order mark so that Excel reads the curly quotes of Hansard correctly.

**ClaimReview.** schema.org ``ClaimReview`` JSON-LD, one object per finding, with the properties
Google's fact-check markup requires (``claimReviewed``, ``reviewRating`` with its ``alternateName``,
``url``) and those it recommends (``author``, ``datePublished``, ``itemReviewed`` as a ``Claim``
with its ``author``, ``datePublished`` and ``appearance``; ``ratingValue``, ``bestRating``,
``worstRating``). The numeric scale is ``RATING_SCALE``. By default only what a reviewer
decided is published: *confirmed* findings that are ``contradicted`` or ``corrected``
(``decided_only=False`` publishes every finding not dismissed). A ClaimReview is the
organisation's word, so a lead nobody has checked is not one.

Both quote a source only in its own words: a filer's summary is marked as one (see
:mod:`claimcheck.outputs.briefing`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import quote

from claimcheck.inert import strip_unsafe, web_url
from claimcheck.model import CheckResult, Evidence, Finding, Verdict
from claimcheck.outputs.briefing import brief, evidence_index
from claimcheck.outputs.html_report import finding_anchor
from claimcheck.outputs.report import json_text, sorted_findings
from claimcheck.review.store import Review, ReviewState, ReviewStatus, review_status

CSV_COLUMNS = (
    "id", "statement_id", "date", "speaker", "role", "department", "venue", "house", "reference",
    "url", "claim", "verdict", "confidence", "publicly_known", "rationale", "evidence_ids",
    "evidence_titles", "evidence_quotes", "fact_dates", "disclosed_dates", "review_status",
    "reviewed_by", "reviewed_on", "review_note",
    # Added for briefings: whose words each quote is, where it sits, how its date was found.
    "claim_is_summary", "speaker_words", "reported_by", "confidence_shown", "caveats",
    "evidence_summaries", "evidence_locations", "fact_date_sources",
    # What each cited document is to the finding: contradicts, corrects, supports, overtakes,
    # undecided, or lead (a record to check that grounds nothing).
    "evidence_relations",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# The numeric rating: 1 (false) to 5 (true), as Google asks for: "the closer the numeric rating is
# to bestRating, the more true it is". The verdict itself is the textual rating (alternateName).
RATING_SCALE = {
    Verdict.CONTRADICTED: 1,   # false when made, by facts that already held
    Verdict.CORRECTED: 2,      # false, and the record was corrected
    Verdict.UNVERIFIED: 3,     # nothing settles it
    Verdict.OVERTAKEN: 4,      # true when made; later events changed it
    Verdict.SUPPORTED: 5,      # the evidence agrees
}
WORST_RATING, BEST_RATING = 1, 5
DEFAULT_ORGANISATION = "claimcheck"


# ---------------------------------------------------------------------- CSV

def neutralise(value: Any) -> str:
    """A cell's text, made inert for spreadsheets: control and bidirectional characters removed
    (they can disguise what a cell says), and formula-like text given a leading quote."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = strip_unsafe(str(value))
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_rows(result: CheckResult,
             reviews: Mapping[str, Review] | None = None) -> Iterator[dict[str, Any]]:
    """One dict per finding, in the report's order; the values as they are, not yet neutralised."""
    findings = sorted_findings(result.findings)
    states = review_status(findings, reviews) if reviews is not None else {}
    documents = evidence_index(result.corpus.evidence)
    for f in findings:
        s = f.statement
        state = states.get(f.id)
        review = state.review if state else None
        b = brief(f, documents)
        yield {
            "id": f.id,
            "statement_id": s.id,
            "date": str(s.date),
            "speaker": s.speaker,
            "role": s.role,
            "department": s.department,
            "venue": s.venue,
            "house": s.house,
            "reference": s.reference,
            "url": s.url,
            "claim": f.claim.text,
            "verdict": f.verdict.value,
            "confidence": f"{f.confidence:.2f}",
            "publicly_known": f.publicly_known,
            "rationale": b.rationale(),
            "evidence_ids": "\n".join(c.evidence_id for c in f.evidence),
            "evidence_titles": "\n".join(c.title for c in f.evidence),
            # The documents' own words only; a filer's summary goes in evidence_summaries.
            "evidence_quotes": "\n".join(" … ".join(x.passage.words) for x in b.sources),
            "evidence_summaries": "\n".join(x.passage.text if x.passage.summary else ""
                                            for x in b.sources),
            "evidence_locations": "\n".join(x.cite for x in b.sources),
            "fact_date_sources": "\n".join(x.fact_date_from for x in b.sources),
            "evidence_relations": "\n".join(c.relation for c in f.evidence),
            "claim_is_summary": b.claim.summary,
            "speaker_words": " … ".join(b.claim.words),
            "reported_by": b.attribution.reporter if b.attribution else None,
            "confidence_shown": f"{b.confidence:.2f}",
            "caveats": "\n".join(b.caveats),
            "fact_dates": "\n".join(str(c.fact_date) for c in f.evidence),
            "disclosed_dates": "\n".join(str(c.disclosed) for c in f.evidence),
            "review_status": state.status.value if state else None,
            "reviewed_by": review.by if review else None,
            "reviewed_on": review.date.isoformat() if review else None,
            "review_note": review.note if review else None,
        }


def findings_csv(result: CheckResult, reviews: Mapping[str, Review] | None = None) -> str:
    """The CSV text (with a byte order mark); several evidence items share a cell, one a line."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for row in csv_rows(result, reviews):
        writer.writerow({key: neutralise(value) for key, value in row.items()})
    return "\ufeff" + buffer.getvalue()


# ---------------------------------------------------------------------- ClaimReview

_ORGANISATION_WORDS = re.compile(
    r"\b(department|ministry|office|agency|government|council|committee|authority|service|"
    r"executive|commission|officials|spokesperson|press office|HM)\b", re.I)


def claim_author(finding: Finding) -> dict[str, Any]:
    """Who made the claim: a Person with their post, or the Organization that spoke."""
    s = finding.statement
    if s.speaker == s.department or _ORGANISATION_WORDS.search(s.speaker):
        return {"@type": "Organization", "name": s.speaker}
    author: dict[str, Any] = {"@type": "Person", "name": s.speaker}
    if s.role:
        author["jobTitle"] = s.role
    if s.department:
        author["affiliation"] = {"@type": "Organization", "name": s.department}
    return author


def review_url(finding: Finding, site_url: str | None) -> str:
    """Where the fact check is read: the finding's section of ``report.html``."""
    base = (site_url.rstrip("/") + "/") if site_url else ""
    return f"{base}report.html#{quote(finding_anchor(finding.id), safe=':-._')}"


def claim_review(finding: Finding, organisation: str = DEFAULT_ORGANISATION,
                 site_url: str | None = None, published: dt.date | None = None,
                 evidence: Mapping[str, Evidence] | None = None) -> dict[str, Any]:
    """The ClaimReview object for one finding. ``evidence`` (documents by id) lets the
    explanation mark a filer's summary as one rather than quote it as a document's words."""
    s = finding.statement
    b = brief(finding, evidence)
    explanation = b.rationale() + "".join(f" Caution: {c}." for c in b.caveats)
    appearance: dict[str, Any] = {"@type": "CreativeWork", "datePublished": str(s.date)}
    if s.reference:
        appearance["name"] = s.reference
    site_url = web_url(site_url)
    if web_url(s.url):
        appearance["url"] = web_url(s.url)
    publisher: dict[str, Any] = {"@type": "Organization", "name": organisation}
    if site_url:
        publisher["url"] = site_url
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": review_url(finding, site_url),
        "claimReviewed": finding.claim.text,
        "datePublished": (published or dt.date.today()).isoformat(),
        "author": publisher,
        "itemReviewed": {
            "@type": "Claim",
            "author": claim_author(finding),
            "datePublished": str(s.date),
            "appearance": appearance,
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING_SCALE[finding.verdict],
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": finding.verdict.value,
            "ratingExplanation": explanation,
        },
    }


PUBLISHED_VERDICTS = (Verdict.CONTRADICTED, Verdict.CORRECTED)


def publishable(finding: Finding, state: ReviewState | None, decided_only: bool = True) -> bool:
    """Whether a finding goes into ``claimreview.json``: never when dismissed; by default only
    when a reviewer confirmed it (and it still stands as reviewed) and it is contradicted or
    corrected."""
    if state is not None and state.dismissed:
        return False
    if not decided_only:
        return True
    return (finding.verdict in PUBLISHED_VERDICTS and state is not None
            and state.status is ReviewStatus.CONFIRMED)


def claim_reviews(result: CheckResult, reviews: Mapping[str, Review] | None = None,
                  organisation: str = DEFAULT_ORGANISATION, site_url: str | None = None,
                  published: dt.date | None = None,
                  decided_only: bool = True) -> list[dict[str, Any]]:
    """One ClaimReview per published finding (see :func:`publishable`)."""
    findings = sorted_findings(result.findings)
    states = review_status(findings, reviews or {})
    documents = evidence_index(result.corpus.evidence)
    return [claim_review(f, organisation, site_url, published, documents) for f in findings
            if publishable(f, states.get(f.id), decided_only)]


def publisher_warnings(organisation: str | None, site_url: str | None) -> list[str]:
    """What is missing for ClaimReview to be published as anyone's word."""
    warnings = []
    if not organisation:
        warnings.append("claimreview.json: CLAIMCHECK_ORGANISATION is not set, so the reviews name "
                        f"'{DEFAULT_ORGANISATION}' as their author; set it to your organisation")
    if not web_url(site_url):
        warnings.append("claimreview.json: CLAIMCHECK_SITE_URL is not set (or not an http(s) "
                        "address), so each review's url is relative; set it to where report.html "
                        "is published")
    return warnings


def claimreview_json(result: CheckResult, reviews: Mapping[str, Review] | None = None,
                     organisation: str = DEFAULT_ORGANISATION, site_url: str | None = None,
                     published: dt.date | None = None, decided_only: bool = True) -> str:
    """The JSON-LD text: an array of ClaimReview objects, each with its ``@context``. Written as
    findings.json is, so invisible and reordering characters from outside text are escaped."""
    text = json_text(claim_reviews(result, reviews, organisation, site_url, published,
                                   decided_only))
    # Ready to embed in <script type="application/ld+json">: "</script>" or "<!--" in a claim
    # must not end or change the element. These characters occur only inside JSON strings,
    # where the escape means the same.
    return text.translate(_EMBEDDED)


_EMBEDDED = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
