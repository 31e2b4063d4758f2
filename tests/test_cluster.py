"""The read stage on a local Dask cluster of two workers gives the findings a local run gives."""

from __future__ import annotations

import shutil
import sys

import pytest
from typer.testing import CliRunner

from claimcheck.cli.root import app
from claimcheck.errors import ClusterError
from claimcheck.outputs.report import findings_document, json_text
from claimcheck.pipeline import cluster
from claimcheck.pipeline.run import check_folders

from .conftest import ROOT


def findings_json(result) -> str:
    document = findings_document(result)
    document["generated_at"] = None
    return json_text(document)


@pytest.fixture
def small(tmp_path):
    """Part of the embedded corpus: PQ 42842 and the papers that decide it, and a few more."""
    for folder, names in (("claims", ["2016-07-25-gibb-pq-42842", "2016-10-27-gibb-pq-48635",
                                      "2016-10-12-younger-lords-not-passed-home-office"]),
                          ("evidence", ["2015-12-18-mou-home-office-dfe-v1-0",
                                        "2016-10-18-mou-home-office-dfe-v2-1",
                                        "2017-11-27-hcws272-ministerial-correction",
                                        "2016-08-01-dfe-foi-2016-0032573",
                                        "2016-10-31-home-office-foi-41221"])):
        (tmp_path / folder).mkdir()
        for name in names:
            shutil.copy(ROOT / folder / f"{name}.md", tmp_path / folder)
    return tmp_path / "claims", tmp_path / "evidence"


def test_cluster_local_gives_byte_identical_findings(small, tmp_path):
    claims, evidence = small
    here = check_folders(claims, evidence, cache_dir=None)
    assert any(f.verdict.value == "contradicted" for f in here.findings)
    there = check_folders(claims, evidence, cache_dir=tmp_path / "cache", cluster="local")
    assert findings_json(there) == findings_json(here)
    # The readings and vectors landed in the cache: a run without the cluster reads nothing
    # again and gives the same.
    again = check_folders(claims, evidence, cache_dir=tmp_path / "cache")
    assert findings_json(again) == findings_json(here)


def test_an_unreachable_scheduler_is_one_clear_line(monkeypatch, small, tmp_path):
    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 2)
    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        check_folders(*small, cache_dir=None, cluster="tcp://127.0.0.1:9")
    claims, evidence = small
    result = CliRunner().invoke(app, ["check", "--claims", str(claims), "--evidence",
                                      str(evidence), "--out", str(tmp_path / "out"),
                                      "--no-cache", "--cluster", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    line, = result.stderr.strip().splitlines()
    assert line.startswith("claimcheck: cannot reach the Dask scheduler at tcp://127.0.0.1:9: ")


def test_without_dask_the_option_says_what_to_install(monkeypatch, small):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ClusterError, match=r"pip install 'claimcheck\[cluster\]'"):
        check_folders(*small, cache_dir=None, cluster="local")
