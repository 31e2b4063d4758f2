"""The rendered reports: a golden briefing, the JSON contract, and inert outside text."""

import datetime as dt
import json
import os
import re

from claimcheck.corpus.load import load_corpus
from claimcheck.outputs.report import findings_document, markdown_report, write_reports
from claimcheck.pipeline.run import check_corpus, lexicon_for

from .conftest import ROOT, shared_embedder, write_item

HEALTH = ROOT / "tests/fixtures/health"
GOLDEN = ROOT / "tests/golden/health-report.md"
FIXED_TIME = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def health_result(nlp):
    corpus = load_corpus(HEALTH / "claims", HEALTH / "evidence", strict=True)
    return check_corpus(corpus, nlp, lexicon_for(HEALTH / "claims"), embedder=shared_embedder())


def test_report_md_matches_the_golden_file(nlp):
    """Set CLAIMCHECK_UPDATE_GOLDEN=1 to rewrite the golden file after an intended change."""
    # Paths in the report are the corpus's own: make them relative so the file is portable.
    rendered = markdown_report(health_result(nlp)).replace(str(ROOT) + "/", "")
    if os.environ.get("CLAIMCHECK_UPDATE_GOLDEN"):
        GOLDEN.write_text(rendered, encoding="utf-8")
    assert rendered == GOLDEN.read_text(encoding="utf-8")


def test_findings_json_is_deterministic_apart_from_generated_at(nlp, tmp_path):
    first = findings_document(health_result(nlp), FIXED_TIME)
    second = findings_document(health_result(nlp), FIXED_TIME)
    assert json.dumps(first) == json.dumps(second)
    assert first["generated_at"] == "2026-01-01T00:00:00+00:00"
    assert first["summary"]["statement_verdicts"] == {
        "contradicted": 1, "corrected": 1, "overtaken": 1, "supported": 1, "unverified": 1}


def test_write_reports_leaves_no_temporary_files(nlp, tmp_path):
    paths = write_reports(health_result(nlp), tmp_path, FIXED_TIME)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["findings.json", "report.md"]
    assert all(p.stat().st_size > 0 for p in paths)


def test_hostile_text_is_inert_in_the_markdown(nlp, corpus_dirs):
    claims, evidence = corpus_dirs
    write_item(claims, "evil", {"date": "2016-09-26", "speaker": "<img src=x onerror=alert(1)>",
                                "venue": "press", "reference": "[click](javascript:alert(1))"},
               "The data will not be passed to the Home Office. <script>alert(1)</script>\u202e")
    write_item(evidence, "e", {"title": "Record", "date": "2016-08-01"},
               "The Department shares pupil data with the Home Office.")
    result = check_corpus(load_corpus(claims, evidence), nlp, lexicon_for(claims), embedder=shared_embedder())
    text = markdown_report(result)
    # Every "<" is backslash-escaped, so CommonMark shows it as text and starts no HTML.
    assert re.search(r"(?<!\\)<", text) is None
    assert "\\<img src=x onerror=alert(1)\\>" in text and "\u202e" not in text
    assert "\\[click\\](javascript:alert(1))" in text


def test_a_statement_with_nothing_to_check_is_listed_not_dropped(nlp, corpus_dirs):
    claims, evidence = corpus_dirs
    write_item(claims, "thanks", {"date": "2016-09-26", "speaker": "Lord X", "venue": "oral"},
               "I thank the noble Lord.")
    write_item(evidence, "e", {"title": "Record", "date": "2016-08-01"}, "Nothing here.")
    result = check_corpus(load_corpus(claims, evidence), nlp, lexicon_for(claims), embedder=shared_embedder())
    assert result.findings == ()
    assert "## Statements with nothing to check" in markdown_report(result)
    assert findings_document(result, FIXED_TIME)["unchecked_statements"] == ["thanks"]
