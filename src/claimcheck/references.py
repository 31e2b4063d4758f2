"""Citations named in text (PQ numbers, written statements, Hansard columns), normalised so that
two ways of writing one citation agree. On the ground floor: extraction, the judge and the
signals all compare references the same way."""

from __future__ import annotations

import re

from claimcheck.dates import parse_text_date

REFERENCE = re.compile(
    r"\b(?:PQ|UIN|WQ|Written\s+(?:Parliamentary\s+)?Questions?|Parliamentary\s+Questions?|"
    r"questions?)\s*(?:No\.?|number)?\s*:?\s*((?:HL\s?)?\d{3,7})\b"
    r"|\b(H[CL]WS\s?\d{1,5})\b", re.I)


HANSARD_COLUMN = re.compile(
    r"\b(?:H[CL]\s+Deb|Official\s+Report)\s*,?\s*(\d{1,2}\s+[A-Za-z]+\s+\d{4})"
    r"(?:\s*,\s*Vol\.?\s*\d+)?\s*,\s*(?:cols?\.?|columns?|c\.)\s*(\d+)", re.I)


def normalise_reference(text: str) -> tuple[str, ...]:
    """Citations named in ``text``, normalised so that two ways of writing one citation agree.

    "PQ 48635", "PQ48635" and "UIN 48635" give "48635"; "HC Deb 11 January 2024, vol 743, col 524"
    and "[Official Report, 11 January 2024, Vol. 743, c. 524.]" give "DEB:2024-01-11:C524" (a
    debate without a column is too broad to identify one statement, so it gives nothing).
    """
    found = []
    for match in REFERENCE.finditer(text or ""):
        found.append((match.group(1) or match.group(2)).upper().replace(" ", ""))
    for match in HANSARD_COLUMN.finditer(text or ""):
        day = parse_text_date(match.group(1), whole=True)
        if day is not None:
            found.append(f"DEB:{day.isoformat()}:C{match.group(2)}")
    return tuple(dict.fromkeys(found))
