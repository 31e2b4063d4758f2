"""What every command shares: turning claimcheck's errors into one line and exit status 1."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer

from .errors import ClaimcheckError


@contextmanager
def reported() -> Iterator[None]:
    """Run a command body; a ``ClaimcheckError`` becomes ``claimcheck: <message>`` on stderr."""
    try:
        yield
    except ClaimcheckError as error:
        typer.echo(f"claimcheck: {error}", err=True)
        raise typer.Exit(code=1) from None
