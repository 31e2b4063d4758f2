"""Everything claimcheck prints goes through here: outside text reaches a terminal as text.

File names, speakers, quotes, server messages and reviewers' notes can hold terminal escapes
(ESC [ ..., OSC ESC ] ... BEL), a carriage return that hides the start of a line, or right-to-left
overrides; :func:`echo` removes what a terminal would act on (see :mod:`claimcheck.inert`) and
prints the rest.
"""

from __future__ import annotations

import typer

from claimcheck.inert import strip_unsafe


def terminal_safe(text: str) -> str:
    """``text`` with every character that a terminal would act on instead of show removed."""
    return strip_unsafe(text)


def echo(message: str = "", err: bool = False, nl: bool = True) -> None:
    """``typer.echo`` for anything that may hold outside text: file names, titles, quotes."""
    typer.echo(terminal_safe(message), err=err, nl=nl)
