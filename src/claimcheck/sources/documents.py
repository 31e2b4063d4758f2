"""Text out of local documents (PDF, HTML, plain text), and HTML fragments from the APIs.

A web page's main content is taken by trafilatura, which leaves out navigation, headers, footers
and sidebars, and its title from the page. A PDF's lines are joined into paragraphs
(:mod:`claimcheck.sources.pdf`), and each page starts with a ``<!-- page N -->`` line, which the
corpus loader reads past, so that a quote can be found on its page.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from claimcheck.dates import parse_date
from claimcheck.errors import DateError, DocumentError, InputError
from claimcheck.sources.writer import Item, Provenance

# Elements that end a paragraph or line: their text is kept apart from the next element's.
_BLOCKS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "section", "article", "header", "footer", "pre", "hr", "dd", "dt",
})
_SKIPPED = frozenset({"script", "style", "head", "title", "noscript", "template"})
# A whole page's furniture, left out when trafilatura cannot find the main content.
_BOILERPLATE = _SKIPPED | {"nav", "header", "footer", "aside", "form"}

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})


class _TextCollector(HTMLParser):
    def __init__(self, skipped: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipped = skipped
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.skipped:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n" if tag != "br" else "\n")
        elif tag == "td":
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.skipped:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str, skipped: frozenset[str] = _SKIPPED) -> str:
    """Plain text of an HTML document or fragment: tags dropped, paragraphs kept apart, and the
    text inside ``skipped`` elements left out."""
    collector = _TextCollector(skipped)
    collector.feed(html)
    collector.close()
    return tidy("".join(collector.parts))


def tidy(text: str) -> str:
    """Collapse runs of spaces within lines and of blank lines between paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    paragraphs = re.split(r"\n\s*\n", text)
    cleaned = (" ".join(line.split()) for p in paragraphs for line in [p.replace("\n", " ")])
    return "\n\n".join(p for p in cleaned if p)


def page_marker(number: int) -> str:
    """The line that starts page ``number`` of a PDF in a corpus file (see corpus.PAGE_MARKER)."""
    return f"<!-- page {number} -->"


@dataclass(frozen=True)
class LocalText:
    text: str
    title: str | None = None    # what the document calls itself, if it says


def read_document(path: Path) -> LocalText:
    """The text, and the title when the file gives one, of a local PDF, HTML or text file."""
    path = Path(path)
    if not path.is_file():
        raise DocumentError("no such file", path)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return _pdf_document(path)
    if suffix in HTML_SUFFIXES:
        return web_page(_read_text(path))
    if suffix in TEXT_SUFFIXES:
        return LocalText(tidy(_read_text(path)))
    raise DocumentError(f"cannot read '{suffix or 'no suffix'}' files; save it as PDF, HTML or "
                        "plain text (.txt) first", path)


def extract_text(path: Path) -> str:
    """The text of a local PDF, HTML or plain-text file."""
    return read_document(path).text


def _pdf_document(path: Path) -> LocalText:
    from claimcheck.sources.pdf import read_pdf

    pdf = read_pdf(path)
    text = "\n\n".join(page_marker(number) + "\n\n" + "\n\n".join(paragraphs)
                        for number, paragraphs in enumerate(pdf.pages, start=1) if paragraphs)
    if not text:
        raise DocumentError("the PDF has no text layer (a scan?); run OCR on it first", path)
    return LocalText(text, pdf.title)


def web_page(html: str) -> LocalText:
    """A whole web page's main content (no navigation, header, footer or sidebar) and its
    title, by trafilatura; a page too small for it to judge is read whole, less its nav."""
    import trafilatura  # here, not at the top: only `claimcheck add` reads web pages

    found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                        include_tables=True)
    blocks = _blocks(found.body) if found is not None and found.body is not None else []
    title = (found.title or "").strip() if found is not None else ""
    # One block or none: trafilatura found no structure to go by (a page of a few lines), and its
    # fallback breaks lines at inline tags. Such a page is read whole, less its boilerplate.
    text = "\n\n".join(blocks) if len(blocks) > 1 else html_to_text(html, _BOILERPLATE)
    return LocalText(text, title or _html_title(html))


def _blocks(body) -> list[str]:
    """The paragraphs of trafilatura's main content: headings, paragraphs, quotes, list items and
    table rows, in order, each on one line."""
    kinds = ("head", "p", "quote", "item", "row")
    found = []
    for element in body.iter(*kinds):
        if any(ancestor.tag in kinds for ancestor in element.iterancestors()):
            continue  # its text is in the enclosing block's
        text = " ".join("".join(element.itertext()).split())
        if text:
            found.append(text)
    return found


def _html_title(html: str) -> str | None:
    match = re.search(r"<title[^>]*>(.*?)</title>", html, re.I | re.S)
    title = " ".join(html_to_text(match[1]).split()) if match else ""
    return title or None


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DocumentError("not UTF-8 text; re-save it as UTF-8", path) from None


# --- `claimcheck add`: a local document as an evidence or statement file -----------------------

EVIDENCE_KINDS = (
    "agreement", "foi-response", "letter", "memo", "email", "minutes", "report", "correction",
    "statement", "testimony", "guidance", "news", "statistics", "enforcement", "audit",
)
VENUES = (
    "written-answer", "oral", "written-statement", "committee", "press", "correspondence",
    "meeting", "foi-response",
)
LOCAL_FILE = "local file"


def partial_date(value: str, option: str) -> str:
    """A date in any form a corpus file accepts (2016, 2016-07, 2016-07-25, 25/07/2016,
    25 July 2016), checked at the boundary and written as ISO: ``2016-07-25``."""
    try:
        return parse_date(value).isoformat()
    except DateError as error:
        raise InputError(str(error), field=option) from None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "document"


@dataclass(frozen=True)
class Document:
    """What `claimcheck add` is told about a local file."""

    path: Path
    date: str
    title: str | None = None
    kind: str = "report"
    disclosed: str | None = None
    speaker: str | None = None  # for a statement (--as-claim)
    venue: str | None = None


def document_item(document: Document, *, as_claim: bool, fetched_at: str) -> Item:
    """The file's text as an evidence item, or as a statement with ``as_claim``."""
    path = Path(document.path)
    day = partial_date(document.date, "--date")
    read = read_document(path)
    title = document.title or read.title or path.stem.replace("_", " ")
    content = path.read_bytes()
    provenance = Provenance(str(path.resolve()), LOCAL_FILE, fetched_at,
                            hashlib.sha256(content).hexdigest())
    key = path.resolve().as_uri()  # file:///home/..., the file's own address
    # Before that, the key lacked its colon ("file//home/..."): a file added then is found again.
    former = (f"file/{path.resolve()}",)
    if as_claim:
        if not document.speaker:
            raise InputError("a statement needs a speaker", field="--speaker")
        if document.venue not in VENUES:
            raise InputError(f"a statement needs a venue, one of {', '.join(VENUES)}",
                             field="--venue")
        fields = {"date": day, "speaker": document.speaker, "venue": document.venue,
                  "title": title}
        return Item("statement", key, f"{day}-{_slug(path.stem)}", fields, read.text, provenance,
                    former)
    if document.kind not in EVIDENCE_KINDS:
        raise InputError(f"'{document.kind}' is not a kind of evidence; use one of "
                         f"{', '.join(EVIDENCE_KINDS)}", field="--kind")
    fields = {"title": title, "kind": document.kind, "date": day}
    if document.disclosed:
        fields["disclosed"] = partial_date(document.disclosed, "--disclosed")
    return Item("evidence", key, f"{day}-{_slug(path.stem)}", fields, read.text, provenance,
                former)
