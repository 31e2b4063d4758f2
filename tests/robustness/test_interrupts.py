"""Nothing half-written: a real ``claimcheck check`` is interrupted while it writes its reports.

Each run is a subprocess started through a small launcher that makes the write pause at a known
point (``os.fsync`` of the first report, after its bytes are written and before the rename), so
the signal lands mid-write every time rather than by luck. Afterwards the reports folder must hold
the previous reports, byte for byte, or none at all, and no temporary files.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.atomic import remove_stale_temporaries, write_atomic
from claimcheck.cli.root import app

from ..conftest import ROOT

HEALTH = ROOT / "tests/fixtures/health"

# Runs the real command line. CLAIMCHECK_TEST_PAUSE names a marker file: the first fsync creates
# it, then waits for a signal. CLAIMCHECK_TEST_FAIL makes the first fsync fail as a full disk
# would; CLAIMCHECK_TEST_CRASH makes the process die there with no cleanup at all (os._exit).
LAUNCHER = r"""
import errno, os, sys, time
pause, fail, crash = (os.environ.get(k) for k in
                      ("CLAIMCHECK_TEST_PAUSE", "CLAIMCHECK_TEST_FAIL", "CLAIMCHECK_TEST_CRASH"))
real_fsync = os.fsync
def fsync(fd):
    if pause:
        open(pause, "w").close()
        time.sleep(60)
    if fail:
        raise OSError(errno.ENOSPC, "No space left on device")
    if crash:
        os._exit(70)
    real_fsync(fd)
os.fsync = fsync
from claimcheck.cli.root import main
sys.argv = ["claimcheck", *sys.argv[1:]]
main()
"""


def _command(out: Path) -> list[str]:
    return [sys.executable, "-c", LAUNCHER, "check", "--claims", str(HEALTH / "claims"),
            "--evidence", str(HEALTH / "evidence"), "--out", str(out),
            # Every run really writes: with the cache on, an unchanged re-run would not.
            "--no-cache"]


@pytest.fixture(scope="module")
def finished(tmp_path_factory) -> Path:
    """The reports of one run that was not interrupted."""
    out = tmp_path_factory.mktemp("finished") / "reports"
    done = CliRunner().invoke(app, _command(out)[3:])
    assert done.exit_code == 0, done.output
    return out


def _previous_reports(finished: Path, out: Path) -> dict[str, bytes]:
    shutil.copytree(finished, out)
    return _contents(out)


def _contents(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())} if out.exists() else {}


def _start(out: Path, tmp_path: Path, **env: str) -> tuple[subprocess.Popen, Path]:
    marker = tmp_path / "writing"
    environment = {**os.environ, **env}
    if "CLAIMCHECK_TEST_FAIL" not in env and "CLAIMCHECK_TEST_CRASH" not in env:
        environment["CLAIMCHECK_TEST_PAUSE"] = str(marker)
    process = subprocess.Popen(_command(out), env=environment, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    return process, marker


def _wait_for(marker: Path, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the run never reached the write"
        time.sleep(0.02)


@pytest.mark.parametrize("signum, code, message, before", [
    (signal.SIGINT, 130, "claimcheck: interrupted; no file was left half-written\n",
     "previous reports"),
    (signal.SIGTERM, 143, "claimcheck: stopped by SIGTERM; no file was left half-written\n",
     "no reports"),
], ids=["SIGINT", "SIGTERM"])
def test_a_signal_while_writing_leaves_the_previous_reports_or_none(signum, code, message,
                                                                    before, finished, tmp_path):
    out = tmp_path / "reports"
    previous = _previous_reports(finished, out) if before == "previous reports" else {}
    process, marker = _start(out, tmp_path)
    _wait_for(marker, process)
    # The first report's bytes are in a temporary file now, not yet renamed.
    assert any(p.name.endswith(".tmp") for p in out.iterdir())

    process.send_signal(signum)
    stdout, stderr = process.communicate(timeout=30)

    assert process.returncode == code
    assert stderr == message, "one line, no traceback"
    assert _contents(out) == previous
    assert stdout == ""


def test_a_failed_write_leaves_the_previous_reports_and_no_temporary_files(finished, tmp_path):
    out = tmp_path / "reports"
    previous = _previous_reports(finished, out)
    process, _ = _start(out, tmp_path, CLAIMCHECK_TEST_FAIL="1")
    stdout, stderr = process.communicate(timeout=60)

    assert process.returncode == 1
    assert stdout == ""
    assert stderr == f"claimcheck: cannot write {out / 'findings.json'}: No space left on device\n"
    assert _contents(out) == previous


def test_a_crash_mid_write_never_leaves_a_truncated_report(finished, tmp_path):
    out = tmp_path / "reports"
    previous = _previous_reports(finished, out)
    process, _ = _start(out, tmp_path, CLAIMCHECK_TEST_CRASH="1")
    process.communicate(timeout=60)
    assert process.returncode == 70

    # The reports are the previous ones, whole; only the dead run's temporary file is left ...
    left = _contents(out)
    assert {k: v for k, v in left.items() if not k.endswith(".tmp")} == previous
    strays = [name for name in left if name.endswith(".tmp")]
    assert len(strays) == 1 and strays[0].startswith(".findings.json.claimcheck-")
    # ... and the next write into the folder clears it away.
    write_atomic(out / "report.md", previous["report.md"])
    assert _contents(out) == previous


def test_only_temporary_files_of_dead_runs_are_cleared(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    mine = tmp_path / f".report.md.claimcheck-{os.getpid()}-0123abcd.tmp"
    gone = tmp_path / f".report.md.claimcheck-{dead.stdout.strip()}-0123abcd.tmp"
    unrelated = tmp_path / ".report.md.tmp"
    for path in (mine, gone, unrelated):
        path.write_text("partial")
    assert remove_stale_temporaries(tmp_path) == [gone]
    assert mine.exists() and unrelated.exists() and not gone.exists()
