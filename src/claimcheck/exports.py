"""Exports for other tools: ``findings.csv`` for spreadsheets, ``claimreview.json`` for the web.

**CSV.** One row per finding, written with the ``csv`` module. A spreadsheet runs a cell that starts
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a formula, so such cells are prefixed
with a single quote (the OWASP advice on CSV injection): outside text stays text. The file starts
with a UTF-8 byte order mark so that Excel reads the curly quotes of Hansard correctly.

**ClaimReview.** schema.org ``ClaimReview`` JSON-LD, one object per finding, with the properties
Google's fact-check markup requires (``claimReviewed``, ``reviewRating`` with its ``alternateName``,
``url``) and those it recommends (``author``, ``datePublished``, ``itemReviewed`` as a ``Claim``
with its ``author``, ``datePublished`` and ``appearance``; ``ratingValue``, ``bestRating``,
``worstRating``). The numeric scale is ``RATING_SCALE``. Findings a reviewer dismissed are left
out: they are not the organisation's word.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import quote

from .html_report import finding_anchor
from .inert import strip_unsafe, web_url
from .model import CheckResult, Finding, Verdict
from .report import json_text, sorted_findings
from .review import Review, review_status

CSV_COLUMNS = (
    "id", "statement_id", "date", "speaker", "role", "department", "venue", "house", "reference",
    "url", "claim", "verdict", "confidence", "publicly_known", "rationale", "evidence_ids",
    "evidence_titles", "evidence_quotes", "fact_dates", "disclosed_dates", "review_status",
    "reviewed_by", "reviewed_on", "review_note",
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
    for f in findings:
        s = f.statement
        state = states.get(f.id)
        review = state.review if state else None
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
            "rationale": f.rationale,
            "evidence_ids": "\n".join(c.evidence_id for c in f.evidence),
            "evidence_titles": "\n".join(c.title for c in f.evidence),
            "evidence_quotes": "\n".join(c.quote for c in f.evidence),
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
                 site_url: str | None = None, published: dt.date | None = None) -> dict[str, Any]:
    """The ClaimReview object for one finding."""
    s = finding.statement
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
            "ratingExplanation": finding.rationale,
        },
    }


def claim_reviews(result: CheckResult, reviews: Mapping[str, Review] | None = None,
                  organisation: str = DEFAULT_ORGANISATION, site_url: str | None = None,
                  published: dt.date | None = None) -> list[dict[str, Any]]:
    """One ClaimReview per finding, leaving out findings a reviewer dismissed."""
    findings = sorted_findings(result.findings)
    states = review_status(findings, reviews) if reviews is not None else {}
    return [claim_review(f, organisation, site_url, published) for f in findings
            if not (f.id in states and states[f.id].dismissed)]


def claimreview_json(result: CheckResult, reviews: Mapping[str, Review] | None = None,
                     organisation: str = DEFAULT_ORGANISATION, site_url: str | None = None,
                     published: dt.date | None = None) -> str:
    """The JSON-LD text: an array of ClaimReview objects, each with its ``@context``. Written as
    findings.json is, so invisible and reordering characters from outside text are escaped."""
    text = json_text(claim_reviews(result, reviews, organisation, site_url, published))
    # Ready to embed in <script type="application/ld+json">: "</script>" or "<!--" in a claim
    # must not end or change the element. These characters occur only inside JSON strings,
    # where the escape means the same.
    return text.translate(_EMBEDDED)


_EMBEDDED = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
