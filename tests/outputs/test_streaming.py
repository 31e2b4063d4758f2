"""findings.json is written one finding at a time, and says exactly what the whole document
encoded at once says."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from claimcheck.model import CheckResult, Corpus
from claimcheck.outputs.report import findings_chunks, findings_document, json_text, write_reports

WHEN = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)


def test_the_stream_is_the_document_byte_for_byte(seed_result):
    streamed = "".join(findings_chunks(seed_result, WHEN, {}, "inputs-digest"))
    assert streamed == json_text(findings_document(seed_result, WHEN, {}, "inputs-digest"))
    assert len(json.loads(streamed)["findings"]) == len(seed_result.findings) > 20


def test_no_findings_stream_as_an_empty_list():
    empty = CheckResult(Corpus((), (), ()), (), ())
    assert "".join(findings_chunks(empty, WHEN)) == json_text(findings_document(empty, WHEN))


def test_the_set_mark_records_the_streamed_bytes(seed_result, tmp_path):
    write_reports(seed_result, tmp_path, WHEN, inputs="x")
    mark = json.loads((tmp_path / ".claimcheck-set.json").read_text())
    data = (tmp_path / "findings.json").read_bytes()
    assert mark["files"]["findings.json"] == {"bytes": len(data),
                                              "sha256": hashlib.sha256(data).hexdigest()}
    assert mark["recorded"]["summary"] == json.loads(data)["summary"]
