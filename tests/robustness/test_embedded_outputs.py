"""Outside text that lands inside a report's structure: file names in report.md, URLs and
``</script>`` in ClaimReview JSON-LD meant to be embedded in a page."""

from __future__ import annotations

import json
import re

import pytest

from claimcheck.corpus.load import load_corpus
from claimcheck.model import CheckResult
from claimcheck.outputs.exports import claim_review, claimreview_json
from claimcheck.outputs.report import markdown_report
from claimcheck.pipeline.run import check_corpus, lexicon_for

from .conftest import evidence, statement

NAMES = ["x\n\n<script>alert(1)\n\n# Owned\n\n[click](javascript:alert(1)).md",
         "y\r\n| a | b |\n.md", "`z` <img src=x onerror=alert(1)>.md"]


def test_file_names_in_report_md_stay_one_inert_line_each(corpus, nlp):
    claims, evidence_dir = corpus
    for name in NAMES:
        (claims / name).write_text("no front matter", encoding="utf-8")
    result = check_corpus(load_corpus(claims, evidence_dir), nlp, lexicon_for(claims))
    text = markdown_report(result)
    section = text.split("## Inputs skipped\n\n", 1)[1].split("\n## ", 1)[0].split("\n_", 1)[0]
    items = [line for line in section.splitlines() if line.startswith("- ")]
    assert len(items) == len(NAMES), section
    assert [line for line in section.splitlines()[2:] if line and not line.startswith("- ")] == []
    assert not re.search(r"^#\s*Owned", text, re.M)
    outside_code = re.sub(r"`[^`\n]*`", "", text)
    assert "<script>" not in outside_code and "<img" not in outside_code


@pytest.fixture
def hostile_result(corpus, nlp) -> CheckResult:
    claims, evidence_dir = corpus
    (claims / "good.md").write_text(statement(
        "venue: press", "url: \"javascript:alert(1)\"",
        body="The data will not be passed to the Home Office </script><script>alert(1)"
             "</script>.\n"), encoding="utf-8")
    (evidence_dir / "good.md").write_text(evidence(
        body="The Department shares pupil data with the Home Office.\n"), encoding="utf-8")
    return check_corpus(load_corpus(claims, evidence_dir), nlp, lexicon_for(claims))


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x",
                                 "vbscript:x", "file:///etc/passwd"])
def test_claimreview_drops_unsafe_url_schemes(hostile_result, url):
    finding = hostile_result.findings[0]
    from dataclasses import replace
    finding = replace(finding, statement=replace(finding.statement, url=url))
    review = claim_review(finding, site_url=url)
    assert url.strip().lower() not in json.dumps(review).lower()
    assert review["url"].startswith("report.html#")


def test_claimreview_json_can_be_embedded_in_a_script_element(hostile_result):
    text = claimreview_json(hostile_result, decided_only=False)
    assert "</script" not in text.lower() and "<" not in text and ">" not in text
    assert "&" not in text
    reviews = json.loads(text)
    assert "</script><script>alert(1)</script>" in reviews[0]["claimReviewed"]
    assert "javascript:" not in text


def test_an_https_appearance_is_kept(hostile_result):
    from dataclasses import replace
    finding = hostile_result.findings[0]
    finding = replace(finding, statement=replace(finding.statement, url="https://x.test/a"))
    assert claim_review(finding)["itemReviewed"]["appearance"]["url"] == "https://x.test/a"
