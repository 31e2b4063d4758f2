"""Text out of a PDF as paragraphs, page by page, with the page numbers kept.

A PDF has no paragraphs, only lines placed on a page. pypdf gives each line with where it was
drawn; lines are joined into a paragraph unless something says a new one starts:

- a vertical gap clearly larger than the page's usual line spacing, or a change of font size;
- a first line indented from the page's left margin;
- a line that starts a numbered or bulleted item ("15.2.6", "(a)", "•");
- a short line that ends a sentence, or a short line with no final punctuation followed by a
  capital (a heading).

A word broken with a hyphen at the end of a line ("pro-" / "vided") is joined whole.

pypdf is imported by these functions, not with the module: only ``claimcheck add`` reads PDFs.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from claimcheck.errors import DocumentError

# How much larger than the usual line spacing a gap must be to end a paragraph.
PARAGRAPH_GAP = 1.4
# A line this much shorter than the page's longest line can end a paragraph or be a heading.
SHORT_SENTENCE_END, SHORT_HEADING = 0.8, 0.6
_ITEM = re.compile(r"^(\d+(\.\d+)*\.?|\(?[a-z0-9]{1,3}\)|[•·▪◦‣*–-])\s")
_ENDS_SENTENCE = re.compile(r"[.!?:;][\"'”’)\]]*$")


@dataclass
class Line:
    text: str
    x: float | None = None       # where it starts; None when pypdf gave no position
    y: float | None = None
    size: float | None = None


@dataclass(frozen=True)
class PdfText:
    title: str | None                     # from the PDF's metadata, when it has a useful one
    pages: tuple[tuple[str, ...], ...]    # each page's paragraphs, page 1 first


def read_pdf(path: Path) -> PdfText:
    """The title and each page's paragraphs. Raises ``DocumentError`` for an unreadable PDF."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        pages = tuple(tuple(paragraphs(_lines(page))) for page in reader.pages)
        metadata = reader.metadata
    except (PdfReadError, OSError, ValueError, KeyError, TypeError) as error:
        raise DocumentError(f"cannot read this PDF ({error})", path) from None
    title = metadata.title if metadata else None
    title = title.strip() if isinstance(title, str) and title.strip() else None
    return PdfText(title, pages)


def _lines(page) -> list[Line]:
    """The page's lines with their positions, as pypdf draws them; plain lines if the positions
    do not add up to the same text."""
    plain = page.extract_text() or ""
    lines: list[Line] = []
    current: Line | None = None

    def visit(text, cm, tm, font, size) -> None:
        nonlocal current
        for part_index, part in enumerate(text.split("\n")):
            if part_index:
                current = None  # a newline ends the line
            if not part.strip():
                continue
            if current is None:
                x = tm[4] * cm[0] + cm[4]
                y = tm[5] * cm[3] + cm[5]
                current = Line("", x, y, size * abs(cm[3] or 1))
                lines.append(current)
            current.text += part

    page.extract_text(visitor_text=visit)
    if " ".join("".join(line.text for line in lines).split()) != " ".join(
            "".join(plain.splitlines()).split()):
        return [Line(text) for text in plain.splitlines()]
    return lines


def paragraphs(lines: list[Line]) -> list[str]:
    """``lines`` of one page joined into paragraphs."""
    lines = [Line(" ".join(line.text.split()), line.x, line.y, line.size) for line in lines]
    lines = [line for line in lines if line.text]
    if not lines:
        return []
    longest = max(len(line.text) for line in lines)
    gaps = [a.y - b.y for a, b in pairwise(lines) if a.y is not None and b.y is not None
            and a.y > b.y]
    spacing = statistics.median(gaps) if gaps else None
    margin = min((line.x for line in lines if line.x is not None), default=None)
    found, current = [], lines[0].text
    for before, line in pairwise(lines):
        if _starts_paragraph(before, line, longest, spacing, margin):
            found.append(current)
            current = line.text
        elif current.endswith("-") and current[-2:-1].isalpha() and line.text[:1].islower():
            current = current[:-1] + line.text
        else:
            current = f"{current} {line.text}"
    found.append(current)
    return found


def _starts_paragraph(before: Line, line: Line, longest: int, spacing: float | None,
                      margin: float | None) -> bool:
    if spacing and before.y is not None and line.y is not None:
        if before.y - line.y > PARAGRAPH_GAP * spacing or line.y > before.y:
            return True
    if before.size and line.size and abs(before.size - line.size) > 0.5:
        return True
    if margin is not None and line.x is not None and before.x is not None \
            and line.x - margin > (line.size or 10) and before.x - margin < 1:
        return True
    if _ITEM.match(line.text):
        return True
    short = len(before.text) / longest
    if _ENDS_SENTENCE.search(before.text):
        return short < SHORT_SENTENCE_END
    return short < SHORT_HEADING and line.text[:1].isupper()
