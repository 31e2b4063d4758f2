"""Text out of local documents (PDF, HTML, plain text), and HTML fragments from the APIs."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from claimcheck.errors import DocumentError, InputError
from claimcheck.sources.writer import Item, Provenance

# Elements that end a paragraph or line: their text is kept apart from the next element's.
_BLOCKS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "section", "article", "header", "footer", "pre", "hr", "dd", "dt",
})
_SKIPPED = frozenset({"script", "style", "head", "title", "noscript", "template"})

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n" if tag != "br" else "\n")
        elif tag == "td":
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of an HTML document or fragment: tags dropped, paragraphs kept apart."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return tidy("".join(collector.parts))


def tidy(text: str) -> str:
    """Collapse runs of spaces within lines and of blank lines between paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    paragraphs = re.split(r"\n\s*\n", text)
    cleaned = (" ".join(line.split()) for p in paragraphs for line in [p.replace("\n", " ")])
    return "\n\n".join(p for p in cleaned if p)


def pdf_to_text(path: Path) -> str:
    from pypdf import PdfReader  # here, not at the top: only `claimcheck add` reads PDFs
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, OSError, ValueError) as error:
        raise DocumentError(f"cannot read this PDF ({error})", path) from None
    # Page breaks are paragraph breaks; line breaks inside a page are kept as they come, because
    # pypdf's lines follow the layout and joining them can merge a heading into its paragraph.
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise DocumentError("the PDF has no text layer (a scan?); run OCR on it first", path)
    return text


def extract_text(path: Path) -> str:
    """The text of a local PDF, HTML or plain-text file."""
    path = Path(path)
    if not path.is_file():
        raise DocumentError("no such file", path)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return pdf_to_text(path)
    if suffix in HTML_SUFFIXES:
        return html_to_text(_read_text(path))
    if suffix in TEXT_SUFFIXES:
        return tidy(_read_text(path))
    raise DocumentError(f"cannot read '{suffix or 'no suffix'}' files; save it as PDF, HTML or "
                        "plain text (.txt) first", path)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DocumentError("not UTF-8 text; re-save it as UTF-8", path) from None


def pdf_title(path: Path) -> str | None:
    """The title in a PDF's metadata, when it has a useful one."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        metadata = PdfReader(path).metadata
        title = metadata.title if metadata else None
    except (PdfReadError, OSError, ValueError):
        return None
    return title.strip() if isinstance(title, str) and title.strip() else None


# --- `claimcheck add`: a local document as an evidence or statement file -----------------------

EVIDENCE_KINDS = (
    "agreement", "foi-response", "letter", "memo", "email", "minutes", "report", "correction",
    "statement", "testimony", "guidance", "news", "statistics", "enforcement", "audit",
)
VENUES = (
    "written-answer", "oral", "written-statement", "committee", "press", "correspondence",
    "meeting", "foi-response",
)
_PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
LOCAL_FILE = "local file"


def partial_date(value: str, option: str) -> str:
    """A corpus date (``2016``, ``2016-07`` or ``2016-07-25``), checked at the boundary."""
    value = value.strip()
    if not _PARTIAL_DATE.match(value):
        raise InputError(f"'{value}' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY",
                         field=option)
    return value


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
    text = extract_text(path)
    day = partial_date(document.date, "--date")
    title = document.title or (pdf_title(path) if path.suffix.lower() == ".pdf" else None) \
        or path.stem.replace("_", " ")
    content = path.read_bytes()
    provenance = Provenance(str(path.resolve()), LOCAL_FILE, fetched_at,
                            hashlib.sha256(content).hexdigest())
    key = f"file/{path.resolve()}"
    if as_claim:
        if not document.speaker:
            raise InputError("a statement needs a speaker", field="--speaker")
        if document.venue not in VENUES:
            raise InputError(f"a statement needs a venue, one of {', '.join(VENUES)}",
                             field="--venue")
        fields = {"date": day, "speaker": document.speaker, "venue": document.venue,
                  "title": title}
        return Item("statement", key, f"{day}-{_slug(path.stem)}", fields, text, provenance)
    if document.kind not in EVIDENCE_KINDS:
        raise InputError(f"'{document.kind}' is not a kind of evidence; use one of "
                         f"{', '.join(EVIDENCE_KINDS)}", field="--kind")
    fields = {"title": title, "kind": document.kind, "date": day}
    if document.disclosed:
        fields["disclosed"] = partial_date(document.disclosed, "--disclosed")
    return Item("evidence", key, f"{day}-{_slug(path.stem)}", fields, text, provenance)
