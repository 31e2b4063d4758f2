"""Parallel runs (``--jobs 2``) finish, stop cleanly on Ctrl-C and SIGTERM, and leave no orphans.

The corpora are tiny and ``pipeline.CHUNK`` is set to 1, so that even four files are read by two
forked workers: the pool is started and shut down as often as possible, quickly. Each run is a
subprocess with a deadline, so a hang fails the test instead of stalling the suite.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import GOOD_EVIDENCE, GOOD_STATEMENT

LOOPS = 50

# Fifty parallel checks in one process, each under the command line's own signal handling (the
# SIGTERM handler that forked workers used to inherit), each compared with a serial check.
LOOP = r"""
import sys
from pathlib import Path
from claimcheck.pipeline import run as pipeline
from claimcheck.cli.support import reported
from claimcheck.corpus.load import load_corpus
from claimcheck.extract.nlp import load_pipeline
pipeline.CHUNK = 1
claims, evidence, loops = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
nlp, lexicon = load_pipeline(), pipeline.lexicon_for(claims)
corpus = load_corpus(claims, evidence)
serial = pipeline.check_corpus(corpus, nlp, lexicon).findings
for n in range(loops):
    with reported():
        parallel = pipeline.check_corpus(corpus, nlp, lexicon, n_process=2).findings
    assert parallel == serial, n
print("finished", loops)
"""

# The real command line with --jobs 2, whose workers each write their pid to a file in
# CLAIMCHECK_TEST_WORKERS and then take a minute over their first task.
SLOW_WORKERS = r"""
import os, sys, time
from pathlib import Path
from claimcheck.pipeline import run as pipeline
from claimcheck.extract.extractor import Extractor
pipeline.CHUNK = 1
parent, folder, real = os.getpid(), Path(os.environ["CLAIMCHECK_TEST_WORKERS"]), Extractor.facts_of
def facts_of(self, items, *args, **kwargs):
    if os.getpid() != parent:
        (folder / str(os.getpid())).touch()
        time.sleep(60)
    return real(self, items, *args, **kwargs)
Extractor.facts_of = facts_of
from claimcheck.cli.root import main
sys.argv = ["claimcheck", *sys.argv[1:]]
main()
"""


@pytest.fixture
def small(corpus) -> tuple[Path, Path]:
    claims, evidence = corpus
    for n in range(3):
        (evidence / f"more-{n}.md").write_text(GOOD_EVIDENCE, encoding="utf-8")
        (claims / f"more-{n}.md").write_text(GOOD_STATEMENT, encoding="utf-8")
    return claims, evidence


def test_fifty_parallel_checks_finish_with_the_serial_findings_and_no_traceback(small):
    claims, evidence = small
    done = subprocess.run([sys.executable, "-c", LOOP, str(claims), str(evidence), str(LOOPS)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout == f"finished {LOOPS}\n"
    assert done.stderr == "", "no worker printed anything"


def _start(small, tmp_path: Path) -> tuple[subprocess.Popen, list[int]]:
    claims, evidence = small
    workers = tmp_path / "workers"
    workers.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-c", SLOW_WORKERS, "check", "--claims", str(claims), "--evidence",
         str(evidence), "--out", str(tmp_path / "reports"), "--no-cache", "--jobs", "2"],
        env={**os.environ, "CLAIMCHECK_TEST_WORKERS": str(workers)}, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while len(list(workers.iterdir())) < 2:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the workers never started"
        time.sleep(0.02)
    return process, [int(p.name) for p in workers.iterdir()]


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")   # a zombie has ended; only its exit status is left


def _gone_within(pids: list[int], seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return [pid for pid in pids if _alive(pid)]


pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


@pytest.mark.parametrize("signum, to_group, code, message", [
    (signal.SIGTERM, False, 143, "claimcheck: stopped by SIGTERM; no file was left half-written\n"),
    (signal.SIGINT, True, 130, "claimcheck: interrupted; no file was left half-written\n"),
], ids=["SIGTERM to the parent", "Ctrl-C to the process group"])
def test_a_signal_during_a_parallel_read_stops_every_process_in_one_line(
        signum, to_group, code, message, small, tmp_path):
    process, workers = _start(small, tmp_path)
    if to_group:
        os.killpg(process.pid, signum)
    else:
        process.send_signal(signum)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == code
    assert stderr == message, "one line, no worker tracebacks"
    assert _gone_within(workers, 5) == []
    assert not (tmp_path / "reports").exists()


def test_no_worker_outlives_a_killed_parent(small, tmp_path):
    process, workers = _start(small, tmp_path)
    process.kill()
    process.communicate(timeout=30)
    assert _gone_within(workers, 5) == [], "orphaned workers"
