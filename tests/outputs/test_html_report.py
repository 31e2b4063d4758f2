"""report.html as text: self-contained, escaped, highlighted, with a policy matching its code."""

import base64
import datetime as dt
import hashlib
import re

from claimcheck.judge.calibration import load_calibration
from claimcheck.model import Verdict
from claimcheck.outputs.html_report import (
    SCRIPT,
    STYLE,
    content_security_policy,
    finding_anchor,
    html_report,
    timeline_events,
    timeline_svg,
)
from claimcheck.review.store import decide

FIXED = dt.datetime(2026, 1, 5, tzinfo=dt.UTC)


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_the_page_is_self_contained_and_deterministic(seed_result):
    page = html_report(seed_result, generated_at=FIXED)
    assert page == html_report(seed_result, generated_at=FIXED)
    # No external assets: nothing is loaded from anywhere, only linked to.
    assert re.search(r"<(link|img|iframe|object|embed)\b", page) is None
    assert re.search(r"\bsrc=", page) is None
    assert page.count("<script>") == 1 and page.count("<style>") == 1


def test_the_content_security_policy_allows_exactly_the_inline_style_and_script(seed_result):
    page = html_report(seed_result, generated_at=FIXED)
    policy = content_security_policy()
    assert f'<meta http-equiv="Content-Security-Policy" content="{policy}">' in page
    assert f"script-src {_sha(SCRIPT)}" in policy and f"style-src {_sha(STYLE)}" in policy
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    assert f"<script>{SCRIPT}</script>" in page and f"<style>{STYLE}</style>" in page
    assert "innerHTML" not in SCRIPT


def test_each_finding_shows_its_statement_with_the_claim_marked(seed_result, pq42842):
    page = html_report(seed_result, generated_at=FIXED)
    section = page[page.index(f'id="{finding_anchor(pq42842.id)}"'):]
    section = section[:section.index("</article>")]
    assert ("<mark>There are currently no plans to share the data with other government "
            "departments unless we are legally required to do so.</mark>") in section
    assert "The data will be collected solely for the Department’s internal use" in section
    assert 'data-verdict="contradicted"' in section and 'data-speaker="Nick Gibb"' in section
    calibrated = load_calibration().confidence(Verdict.CONTRADICTED)
    assert f"Confidence {calibrated:.2f}</li>" in section and "capped from" not in section
    assert "Publicly known at the time: no" in section
    assert ("fact from July 2015 (the document&#x27;s effective_from; the sentence gives no "
            "date); document 18 December 2015; public 15 December 2016") in section
    # The MOU sentence is the filer's summary: labelled, never a block quote of the MOU.
    assert re.search(r'<p class="summary-text"><span class="label">Filer\'s summary, not the '
                     r"document's words</span><br>Under the agreement the Department", section)
    assert "<blockquote>Under the agreement" not in section
    assert '<svg class="timeline"' in section


def test_the_timeline_places_fact_statement_disclosure_and_correction(seed_result, pq42842):
    kinds = [(e.kind, str(e.date)) for e in timeline_events(pq42842)]
    # Two documents: the FOI reply of August 2016 recording sharing since April 2012, and the
    # MOU v1.0 in force from July 2015, signed in December 2015, made public in December 2016.
    assert kinds == [("fact", "2012-04"), ("fact", "2015-07"), ("made", "2015-12-18"),
                     ("statement", "2016-07-25"), ("disclosed", "2016-08-01"),
                     ("disclosed", "2016-12-15")]
    svg = timeline_svg(pq42842)
    # July 2015 is known only to the month: drawn as a band, not a point.
    assert '<rect class="ev ev-fact"' in svg and "known only to the month" in svg
    corrected = next(f for f in seed_result.findings if f.verdict.value == "corrected")
    assert ("correction", "2017-11-27") in [(e.kind, str(e.date))
                                            for e in timeline_events(corrected)]
    assert 'class="ev ev-correction"' in timeline_svg(corrected)


def test_review_status_is_shown_and_filterable(seed_result, pq42842):
    reviews = {pq42842.id: decide(pq42842, "confirmed", "A. Reviewer", dt.date(2026, 1, 5),
                                  "Checked para 15.2.6")}
    page = html_report(seed_result, reviews, generated_at=FIXED)
    assert 'data-filter="review"' in page
    assert page.count('data-review="confirmed"') == 1
    assert "confirmed by A. Reviewer on 5 January 2026" in page
    assert 'data-filter="review"' not in html_report(seed_result, generated_at=FIXED)


def test_outside_text_is_escaped_everywhere(hostile_result):
    page = html_report(hostile_result, generated_at=FIXED)
    body = page[page.index("<body>"):page.index(f"<script>{SCRIPT}")]
    # No tag or attribute came from the corpus: every "<" in the body is the report's own markup.
    assert "<script" not in body and "<svg onload" not in body and "<img" not in body
    assert "<b onmouseover" not in body
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in body
    assert 'data-department="Department for Education&quot;&gt;&lt;script&gt;' in body
    # A javascript: address is never a link.
    assert not [href for href in re.findall(r'href="([^"]*)"', body) if "javascript" in href]


def test_past_the_limit_flagged_findings_are_listed_in_one_line(seed_result, monkeypatch):
    from claimcheck.outputs import html_report as module

    monkeypatch.setattr(module, "FULL_CARDS", 2)
    page = html_report(seed_result, generated_at=FIXED)
    flagged = [f for f in seed_result.findings if module.in_full(f, None)]
    assert page.count('<article class="finding" ') == 2
    assert page.count('<article class="finding compact"') == len(seed_result.findings) - 2
    assert f"{len(flagged) - 2:,} more flagged findings (past the first 2 in full)" in page
