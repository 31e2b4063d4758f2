"""The same corpus gives the same reports, byte for byte, whatever the hash seed.

``generated_at`` in ``findings.json`` is the one field allowed to differ; ``report.md`` holds no
time and must be identical. The runs are real ``claimcheck check`` processes, all started at once
so the test costs about one run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import ROOT

CORPORA = {
    "health": (ROOT / "tests/fixtures/health/claims", ROOT / "tests/fixtures/health/evidence"),
    "embedded": (ROOT / "claims", ROOT / "evidence"),
}
SEEDS = ("0", "12345")
VOLATILE = "generated_at"


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[tuple[str, str], Path]:
    root = tmp_path_factory.mktemp("determinism")
    started = {}
    for name, (claims, evidence) in CORPORA.items():
        for seed in SEEDS:
            out = root / f"{name}-{seed}"
            started[name, seed] = (out, subprocess.Popen(
                [sys.executable, "-m", "claimcheck", "check", "--claims", str(claims),
                 "--evidence", str(evidence), "--out", str(out), "--no-cache"],
                env={**os.environ, "PYTHONHASHSEED": seed}, stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, text=True))
    for _out, process in started.values():
        _, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr
    return {key: out for key, (out, _) in started.items()}


def _without_timestamp(path: Path) -> bytes:
    document = json.loads(path.read_text(encoding="utf-8"))
    assert VOLATILE in document
    lines = path.read_bytes().splitlines(keepends=True)
    kept = [line for line in lines if not line.lstrip().startswith(f'"{VOLATILE}"'.encode())]
    assert len(kept) == len(lines) - 1, "generated_at is one line of its own"
    return b"".join(kept)


@pytest.mark.parametrize("corpus", CORPORA)
def test_findings_are_byte_identical_across_hash_seeds(runs, corpus):
    first, second = (runs[corpus, seed] for seed in SEEDS)
    assert _without_timestamp(first / "findings.json") == \
        _without_timestamp(second / "findings.json")
    assert (first / "report.md").read_bytes() == (second / "report.md").read_bytes()


def test_the_runs_found_something(runs):
    document = json.loads((runs["embedded", "0"] / "findings.json").read_text(encoding="utf-8"))
    assert document["summary"]["verdicts"]["contradicted"] > 0


def test_a_second_run_in_process_matches_too(runs, nlp, tmp_path):
    # Same seed as this process, so this checks run-to-run state (caches, lexicon order), not
    # hashing.
    from claimcheck.outputs.report import write_reports
    from claimcheck.pipeline.run import check
    from claimcheck.review.store import load_reviews, reviews_path
    claims, evidence = CORPORA["health"]
    # The command also records the fingerprint of its inputs (claimcheck.outputs.freshness); give the
    # library call the same one, so that everything else must match byte for byte.
    inputs = json.loads((runs["health", "0"] / "findings.json").read_text())["inputs"]
    for out in (tmp_path / "a", tmp_path / "b"):
        # As the command does: review status is part of what it reports.
        write_reports(check(claims, evidence, nlp), out,
                      reviews=load_reviews(reviews_path(claims)), inputs=inputs)
    assert _without_timestamp(tmp_path / "a/findings.json") == \
        _without_timestamp(tmp_path / "b/findings.json")
    assert _without_timestamp(tmp_path / "a/findings.json") == \
        _without_timestamp(runs["health", "0"] / "findings.json")
