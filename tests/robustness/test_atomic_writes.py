"""``write_atomic`` and ``write_all``: the old file or the new one, never part of one."""

from __future__ import annotations

import os
import stat

import pytest

from claimcheck import atomic
from claimcheck.atomic import write_all, write_atomic
from claimcheck.errors import OutputError


def _names(folder):
    return sorted(p.name for p in folder.iterdir())


def test_a_new_file_gets_the_umask_permissions_not_0600(tmp_path):
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "report.md", "text\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "report.md").stat().st_mode) == 0o644


def test_a_replaced_file_keeps_its_permissions(tmp_path):
    path = tmp_path / "report.md"
    path.write_text("old")
    path.chmod(0o640)
    write_atomic(path, "new")
    assert path.read_text() == "new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_bytes_are_written_as_they_are(tmp_path):
    write_atomic(tmp_path / "letter.docx", b"PK\x03\x04\x00\xff")
    assert (tmp_path / "letter.docx").read_bytes() == b"PK\x03\x04\x00\xff"


def test_text_is_utf8_with_unix_newlines(tmp_path):
    write_atomic(tmp_path / "a.md", "é\nline\n")
    assert (tmp_path / "a.md").read_bytes() == "é\nline\n".encode()


def test_every_file_is_synced_before_it_is_renamed(tmp_path, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: (events.append("fsync"), real_fsync(fd)))
    monkeypatch.setattr(atomic.os, "replace",
                        lambda a, b: (events.append("replace"), real_replace(a, b)))
    write_all({tmp_path / "findings.json": "{}", tmp_path / "report.md": "# r"})
    # Both files synced, then both renamed, then the folder synced.
    assert events[:4] == ["fsync", "fsync", "replace", "replace"]
    assert events[4:] == (["fsync"] if os.name == "posix" else [])


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_failure_mid_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch,
                                                                      failure):
    path = tmp_path / "report.md"
    path.write_text("old report")

    def fail(fd):
        raise failure
    monkeypatch.setattr(atomic.os, "fsync", fail)
    with pytest.raises(OutputError if isinstance(failure, OSError) else KeyboardInterrupt):
        write_atomic(path, "new report " * 1000)
    assert path.read_text() == "old report"
    assert _names(tmp_path) == ["report.md"]


def test_a_failure_on_the_second_file_changes_neither(tmp_path, monkeypatch):
    first, second = tmp_path / "findings.json", tmp_path / "report.md"
    first.write_text("old findings")
    second.write_text("old report")
    real_fdopen, calls = os.fdopen, []

    def fdopen(fd, *args, **kwargs):
        calls.append(fd)
        if len(calls) == 2:
            os.close(fd)
            raise OSError(28, "No space left on device")
        return real_fdopen(fd, *args, **kwargs)
    monkeypatch.setattr(atomic.os, "fdopen", fdopen)
    with pytest.raises(OutputError, match=r"cannot write .*report.md: No space left on device"):
        write_all({first: "new findings", second: "new report"})
    assert (first.read_text(), second.read_text()) == ("old findings", "old report")
    assert _names(tmp_path) == ["findings.json", "report.md"]


def test_an_unwritable_place_is_one_line(tmp_path):
    blocker = tmp_path / "reports"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(OutputError) as caught:
        write_atomic(blocker / "report.md", "text")
    assert str(caught.value).startswith(f"cannot write {blocker / 'report.md'}: ")
    assert "\n" not in str(caught.value)
