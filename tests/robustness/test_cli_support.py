"""The shared command-line helpers: one line and the right exit status for every way a run ends."""

from __future__ import annotations

import signal

import pytest
import typer

from claimcheck.cli import root as cli
from claimcheck.cli.entry import entry_point
from claimcheck.cli.support import EXIT_INTERRUPTED, EXIT_TERMINATED, Terminated, reported
from claimcheck.errors import CorpusError


@pytest.mark.parametrize("raised, code, line", [
    (CorpusError("is required", "claims/x.md", "date"), 1,
     "claimcheck: claims/x.md, field 'date': is required\n"),
    (CorpusError("bad \x1b[2J\u202etext", "claims/\x1b]0;t\x07x.md"), 1,
     "claimcheck: claims/]0;tx.md: bad [2Jtext\n"),
    (KeyboardInterrupt(), EXIT_INTERRUPTED,
     "claimcheck: interrupted; no file was left half-written\n"),
    (Terminated(), EXIT_TERMINATED,
     "claimcheck: stopped by SIGTERM; no file was left half-written\n"),
])
def test_reported_ends_every_failure_in_one_safe_line(capsys, raised, code, line):
    with pytest.raises(typer.Exit) as caught:
        with reported():
            raise raised
    assert caught.value.exit_code == code
    assert capsys.readouterr().err == line


def test_reported_turns_sigterm_into_terminated_and_restores_the_handler(capsys):
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(typer.Exit) as caught:
        with reported():
            signal.raise_signal(signal.SIGTERM)
    assert caught.value.exit_code == EXIT_TERMINATED
    assert signal.getsignal(signal.SIGTERM) == before


@pytest.mark.parametrize("raised, code, line", [
    (KeyboardInterrupt, EXIT_INTERRUPTED, "claimcheck: interrupted\n"),
    (Terminated, EXIT_TERMINATED, "claimcheck: stopped by SIGTERM\n"),
])
def test_the_entry_point_ends_an_interrupted_start_in_one_line(monkeypatch, capsys, raised, code,
                                                              line):
    def interrupted():
        raise raised()
    monkeypatch.setattr(cli, "main", interrupted)
    before = signal.getsignal(signal.SIGTERM)
    try:
        with pytest.raises(SystemExit) as caught:
            entry_point()
    finally:
        signal.signal(signal.SIGTERM, before)
    assert caught.value.code == code
    assert capsys.readouterr().err == line
