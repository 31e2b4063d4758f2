"""What every command shares: one line and a non-zero exit for errors and interruptions, and
terminal output that text from outside cannot take over. The options they share are in
:mod:`claimcheck.cli.options`; the program starts in :mod:`claimcheck.cli.entry`.

Exit codes: 1 a claimcheck error; 130 interrupted (Ctrl-C, SIGINT); 143 stopped by SIGTERM.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from claimcheck.cli.terminal import echo, terminal_safe
from claimcheck.errors import ClaimcheckError

__all__ = ["echo", "terminal_safe", "reported", "print_problems", "warn"]

EXIT_INTERRUPTED = 130   # 128 + SIGINT, as shells report it
EXIT_TERMINATED = 143    # 128 + SIGTERM


class Terminated(BaseException):
    """SIGTERM arrived. Raised like ``KeyboardInterrupt`` so that every ``finally`` and cleanup
    runs (temporary files are removed) instead of the process vanishing mid-write."""


def warn(message: str) -> None:
    """A warning about claimcheck's own state (its cache), one line on stderr."""
    echo(f"warning: {message}", err=True)


class _QuickHelpOption:
    """Typer leaves the --help flag's value None when it is not given, and coerces None through
    pydantic, which it imports for that (0.15 s): a command with no other options, such as
    ``version``, paid for it on every run. A flag not given is False."""

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None and option.default is None:
            option.default = False
        return option


class PlainHelp(_QuickHelpOption, TyperCommand):
    """A command whose help names each value by its metavar (DIR, FILE, N, FINDING_ID) and shows
    none of Typer's type labels (``<path>``, ``<bool>``, ``<int range>``). Typer prints a label
    beside every argument whatever its metavar; options show their metavar instead."""

    def format_help(self, ctx, formatter) -> None:
        for param in self.params:
            if isinstance(param, TyperArgument):
                param.display_type_rich = _no_type_label
        super().format_help(ctx, formatter)


class PlainGroup(_QuickHelpOption, TyperGroup):
    """The command groups (``claimcheck``, ``claimcheck fetch``), with the same quick --help."""


def _no_type_label(ctx) -> None:
    return None


def raise_terminated(signum, frame) -> None:
    raise Terminated()


@contextmanager
def reported() -> Iterator[None]:
    """Run a command body; a ``ClaimcheckError`` becomes ``claimcheck: <message>`` on stderr and
    exit status 1. Ctrl-C and SIGTERM end it with one line and status 130 or 143, after the
    cleanup of whatever was being written."""
    installed = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, raise_terminated) if installed else None
    try:
        yield
    except ClaimcheckError as error:
        echo(f"claimcheck: {error}", err=True)
        raise typer.Exit(code=1) from None
    except KeyboardInterrupt:
        echo("claimcheck: interrupted; no file was left half-written", err=True)
        raise typer.Exit(code=EXIT_INTERRUPTED) from None
    except Terminated:
        echo("claimcheck: stopped by SIGTERM; no file was left half-written", err=True)
        raise typer.Exit(code=EXIT_TERMINATED) from None
    finally:
        if installed:
            signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


def print_problems(problems) -> None:
    """One line per input problem: skipped files, and files used with a part left out."""
    for problem in problems:
        echo(f"{'skipped' if problem.skipped else 'warning'} {problem}", err=True)
