"""claimreview.json: schema.org ClaimReview with the fields Google's fact-check markup requires.

Google's documentation ("Fact check (ClaimReview) structured data") requires, on ClaimReview:
claimReviewed, reviewRating and url; on the Rating: alternateName. It recommends author,
datePublished and itemReviewed (a Claim with author, datePublished and appearance), and on the
Rating ratingValue within worstRating..bestRating. These tests check all of them.
"""

import datetime as dt
import json

from claimcheck.model import Verdict
from claimcheck.outputs.exports import (
    RATING_SCALE,
    claim_reviews,
    claimreview_json,
    publisher_warnings,
)
from claimcheck.review.store import decide

PUBLISHED = dt.date(2026, 1, 5)


def google_problems(review: dict) -> list[str]:
    """What Google's fact-check markup would reject (required) or flag (recommended)."""
    problems = []
    if review.get("@context") != "https://schema.org" or review.get("@type") != "ClaimReview":
        problems.append("@context/@type")
    for field in ("claimReviewed", "url", "datePublished"):
        if not isinstance(review.get(field), str) or not review[field].strip():
            problems.append(field)
    rating = review.get("reviewRating") or {}
    if rating.get("@type") != "Rating" or not str(rating.get("alternateName", "")).strip():
        problems.append("reviewRating.alternateName")
    value, best, worst = (rating.get(k) for k in ("ratingValue", "bestRating", "worstRating"))
    if not all(isinstance(v, int) for v in (value, best, worst)) or not worst <= value <= best:
        problems.append("reviewRating.ratingValue")
    author = review.get("author") or {}
    if author.get("@type") not in ("Organization", "Person") or not author.get("name"):
        problems.append("author")
    claim = review.get("itemReviewed") or {}
    if claim.get("@type") != "Claim":
        problems.append("itemReviewed")
    claim_author = claim.get("author") or {}
    if claim_author.get("@type") not in ("Organization", "Person") or not claim_author.get("name"):
        problems.append("itemReviewed.author")
    appearance = claim.get("appearance") or {}
    if appearance.get("@type") != "CreativeWork" or not appearance.get("datePublished"):
        problems.append("itemReviewed.appearance")
    try:
        dt.date.fromisoformat(review.get("datePublished", ""))
    except ValueError:
        problems.append("datePublished format")
    return problems


def test_every_finding_has_a_valid_claim_review(seed_result):
    reviews = json.loads(claimreview_json(seed_result, published=PUBLISHED, decided_only=False))
    assert len(reviews) == len(seed_result.findings)
    for review in reviews:
        assert google_problems(review) == [], review["url"]


def test_the_pq_42842_review(seed_result, pq42842):
    confirmed = {pq42842.id: decide(pq42842, "confirmed", "A. Checker", PUBLISHED)}
    review = next(r for r in claim_reviews(seed_result, confirmed, organisation="defenddigitalme",
                                           site_url="https://example.org/briefing/",
                                           published=PUBLISHED)
                  if r["claimReviewed"] == pq42842.claim.text)
    assert review["url"] == ("https://example.org/briefing/report.html"
                             "#finding-2016-07-25-gibb-pq-42842:23cf6b1913")
    assert review["datePublished"] == "2026-01-05"
    assert review["author"] == {"@type": "Organization", "name": "defenddigitalme",
                                "url": "https://example.org/briefing/"}
    assert review["itemReviewed"] == {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "Nick Gibb",
                   "jobTitle": "Minister of State for School Standards",
                   "affiliation": {"@type": "Organization", "name": "Department for Education"}},
        "datePublished": "2016-07-25",
        "appearance": {"@type": "CreativeWork", "datePublished": "2016-07-25",
                       "name": "PQ 42842"},
    }
    rating = review["reviewRating"]
    assert (rating["alternateName"], rating["ratingValue"], rating["worstRating"],
            rating["bestRating"]) == ("contradicted", 1, 1, 5)
    # The MOU sentence is the filer's summary: never quoted as the agreement's words.
    explanation = rating["ratingExplanation"]
    assert explanation.startswith(pq42842.rationale.split(" records the opposite")[0])
    assert "[filer's summary: Since April 2012 the Department for Education has shared" in explanation
    assert "“Since April 2012" not in explanation
    assert "Caution: every quote it rests on is a filer's summary" in explanation


def test_a_department_is_an_organization_and_the_default_author_is_claimcheck(seed_result):
    review = next(r for r in claim_reviews(seed_result, published=PUBLISHED, decided_only=False)
                  if r["itemReviewed"]["author"]["name"] == "Department for Education")
    assert review["itemReviewed"]["author"]["@type"] == "Organization"
    assert review["author"] == {"@type": "Organization", "name": "claimcheck"}
    assert review["url"].startswith("report.html#finding-")


def test_the_rating_scale_runs_from_false_to_true():
    assert [RATING_SCALE[v] for v in (Verdict.CONTRADICTED, Verdict.CORRECTED, Verdict.UNVERIFIED,
                                      Verdict.OVERTAKEN, Verdict.SUPPORTED)] == [1, 2, 3, 4, 5]


def test_dismissed_findings_are_not_published(seed_result, pq42842):
    reviews = {pq42842.id: decide(pq42842, "dismissed", "B. Checker", PUBLISHED)}
    published = claim_reviews(seed_result, reviews, published=PUBLISHED, decided_only=False)
    assert len(published) == len(seed_result.findings) - 1
    assert pq42842.claim.text not in [r["claimReviewed"] for r in published]


def test_by_default_only_confirmed_contradicted_or_corrected_findings_are_published(seed_result):
    assert claim_reviews(seed_result, published=PUBLISHED) == []
    decided = {}
    for f in seed_result.findings:
        decision = "dismissed" if f.verdict is Verdict.CORRECTED else "confirmed"
        decided[f.id] = decide(f, decision, "A. Checker", PUBLISHED)
    published = claim_reviews(seed_result, decided, published=PUBLISHED)
    wanted = [f for f in seed_result.findings if f.verdict is Verdict.CONTRADICTED]
    assert sorted(r["claimReviewed"] for r in published) == sorted(f.claim.text for f in wanted)
    assert {r["reviewRating"]["alternateName"] for r in published} == {"contradicted"}


def test_publishing_without_an_organisation_or_site_warns():
    assert [w.split(":")[1].split()[0] for w in publisher_warnings(None, None)] == [
        "CLAIMCHECK_ORGANISATION", "CLAIMCHECK_SITE_URL"]
    assert publisher_warnings("defenddigitalme", "javascript:alert(1)")[0].startswith(
        "claimreview.json: CLAIMCHECK_SITE_URL")
    assert publisher_warnings("defenddigitalme", "https://example.org/") == []
