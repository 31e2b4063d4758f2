"""Making outside text inert when it is shown: one definition of what must not reach a reader.

Statements and evidence are written by others. Shown on a terminal or in a report, some
characters act instead of showing: C0 controls but tab and newline, DEL, C1 controls (ESC [ ... and
the 8-bit CSI U+009B start terminal escape sequences; a carriage return can hide what came before
it on the line), the line and paragraph separators, and the bidirectional controls that can make a
line read in an order other than the one it was written in.
"""

import re

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def strip_unsafe(text: str) -> str:
    """``text`` without the characters that would act instead of show."""
    return UNSAFE.sub("", text)


_WEB = re.compile(r"https?://", re.IGNORECASE)


def web_url(url: str | None) -> str | None:
    """``url`` (inert, trimmed) when it is an http or https address; None for anything else
    (``javascript:``, ``data:``, ``file:``, a relative path), which no report may link to."""
    url = strip_unsafe(url or "").strip()
    return url if _WEB.match(url) else None
