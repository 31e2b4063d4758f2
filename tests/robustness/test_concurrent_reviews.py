"""Reviews recorded at the same time are all kept: the reviews file is locked while it is read,
changed and written back."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from claimcheck.review.store import load_reviews

PROCESSES = 20

# One reviewer's decision, recorded the moment the start file appears.
RECORD = r"""
import datetime as dt, sys, time
from pathlib import Path
from claimcheck.review.store import Review, save_review
path, start, n = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
while not start.exists():
    time.sleep(0.001)
for attempt in range(5):
    save_review(path, Review(finding_id=f"s{n}:{attempt}", decision="confirmed", by=f"R{n}",
                             date=dt.date(2026, 1, 5), fingerprint="f" * 64))
print("recorded")
"""


def test_twenty_reviewers_at_once_lose_no_decision(tmp_path):
    path, start = tmp_path / "reviews.toml", tmp_path / "go"
    processes = [subprocess.Popen([sys.executable, "-c", RECORD, str(path), str(start), str(n)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for n in range(PROCESSES)]
    time.sleep(1.0)   # let every process start and wait
    start.touch()
    outputs = [p.communicate(timeout=120) for p in processes]
    assert all(p.returncode == 0 for p in processes), [err for _, err in outputs if err][:1]
    assert [out for out, _ in outputs] == ["recorded\n"] * PROCESSES
    assert len(load_reviews(path)) == PROCESSES * 5
    assert sorted(p.name for p in tmp_path.iterdir()) == [".reviews.toml.lock", "go",
                                                         "reviews.toml"]


def test_a_lock_left_by_a_killed_reviewer_does_not_block(tmp_path):
    path = tmp_path / "reviews.toml"
    (tmp_path / ".reviews.toml.lock").write_text("")   # an flock dies with its process
    done = subprocess.run([sys.executable, "-c", RECORD, str(path), str(path.parent), "0"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert len(load_reviews(Path(path))) == 5
