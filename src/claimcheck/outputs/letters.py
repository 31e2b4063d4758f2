"""Correction requests: a letter asking a Minister (or department) to correct the record.

A request is drafted only for a finding that is *contradicted* (a fact that held on or before the
statement conflicts with it; a corrected statement is *corrected*, not contradicted) and that no
reviewer has dismissed. The letter quotes the statement and the evidence with their dates, cites the
edition of the Ministerial Code in force on the statement date, and proposes wording in the shape
of the House of Commons' own ministerial corrections: "An error has been identified in the answer
given on ... The answer given was: "X". The correct information is: Y".

The letter is built once as a list of blocks and rendered to Markdown (always) and Word (.docx,
what briefing teams edit). Outside text is escaped for Markdown; python-docx escapes XML itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from claimcheck.atomic import write_all
from claimcheck.dates import PartialDate, Precision
from claimcheck.errors import FindingError, OutputError
from claimcheck.model import Citation, Evidence, Finding, Verdict
from claimcheck.outputs.briefing import Briefed, Passage, Source, brief
from claimcheck.outputs.report import _inline, _printable
from claimcheck.review.store import ReviewState, ReviewStatus

PARLIAMENTARY_VENUES = ("written-answer", "oral", "written-statement", "committee")
DUTY = ("it is of paramount importance that Ministers give accurate and truthful information to "
        "Parliament, correcting any inadvertent error at the earliest opportunity")
HOUSE_RESOLUTION = ("the resolution on ministerial accountability agreed by the House of Commons "
                    "on 19 March 1997 and the House of Lords on 20 March 1997")


@dataclass(frozen=True)
class CodeEdition:
    """One edition of the Ministerial Code and where it puts the duty of accuracy to Parliament."""

    issued: PartialDate
    name: str
    issued_by: str
    paragraph: str | None   # None where claimcheck has not verified the paragraph number


# Each new Prime Minister issues the Code; an edition is in force until the next is issued.
# Paragraph numbers were checked against the published texts and commentary on them: the 1997 Code
# (para 1(iii), printed as Appendix 3 to PASC's HC 235, 2000-01); the May 2010 and October 2015
# Codes (para 1.2, whose principle (c) is the duty; the 2015 change to para 1.2's opening words is
# discussed in Public Law for Everyone, 26 October 2015); the 2018, 2019 and 2022 Codes (para 1.3,
# principle (c)). The 2001, 2005, 2007 and November 2024 paragraph numbers are not verified, and a
# letter citing those editions asks the drafter to add them.
MINISTERIAL_CODE = (
    CodeEdition(PartialDate(1997, 7), "July 1997", "Tony Blair", "1(iii)"),
    CodeEdition(PartialDate(2001, 6), "June 2001", "Tony Blair", None),
    CodeEdition(PartialDate(2005, 7), "July 2005", "Tony Blair", None),
    CodeEdition(PartialDate(2007, 7), "July 2007", "Gordon Brown", None),
    CodeEdition(PartialDate(2010, 5, 21), "May 2010", "David Cameron", "1.2(c)"),
    CodeEdition(PartialDate(2015, 10), "October 2015", "David Cameron", "1.2(c)"),
    CodeEdition(PartialDate(2018, 1), "January 2018", "Theresa May", "1.3(c)"),
    CodeEdition(PartialDate(2019, 8), "August 2019", "Boris Johnson", "1.3(c)"),
    CodeEdition(PartialDate(2022, 5), "May 2022", "Boris Johnson", "1.3(c)"),
    CodeEdition(PartialDate(2024, 11, 6), "November 2024", "Keir Starmer", None),
)


def code_editions_in_force(on: PartialDate) -> tuple[CodeEdition, ...]:
    """The edition in force on ``on``; two when ``on`` is too coarse to tell which (``2015``)."""
    surely, maybe = None, []
    for edition in MINISTERIAL_CODE:
        issued = edition.issued.on_or_before(on)
        if issued is True:
            surely, maybe = edition, []
        elif issued is None:
            maybe.append(edition)
    return tuple(([surely] if surely else []) + maybe)


def cite_code(edition: CodeEdition) -> str:
    where = f", paragraph {edition.paragraph}" if edition.paragraph else ""
    return f"the Ministerial Code ({edition.name} edition{where})"


# ---------------------------------------------------------------------- the letter

@dataclass(frozen=True)
class Block:
    kind: str                       # heading, para, quote, items
    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Letter:
    finding_id: str
    title: str
    blocks: tuple[Block, ...]


_ORGANISATION = re.compile(r"\b(department|ministry|office|agency|government|officials|"
                           r"spokesperson)\b", re.I)
_MINISTER = re.compile(r"\b(minister|secretary of state|under-secretary|chancellor|"
                       r"paymaster|solicitor general|attorney general)\b", re.I)


def check_eligible(finding: Finding, state: ReviewState | None = None) -> None:
    """Raise ``FindingError`` unless ``finding`` may feed a correction request."""
    if finding.verdict is not Verdict.CONTRADICTED:
        why = {Verdict.CORRECTED: "the record has already been corrected"}.get(
            finding.verdict, "only a contradicted finding can feed a correction request")
        raise FindingError(f"it is {finding.verdict.value}: {why}", finding.id)
    if state is not None and state.dismissed:
        review = state.review
        raise FindingError(f"a reviewer dismissed it ({review.by}, {review.date.isoformat()}"
                           + (f": {review.note}" if review.note else "")
                           + "): a dismissed finding never feeds a correction request",
                           finding.id)
    if not _contradicting(finding):
        raise FindingError("it cites no contradicting evidence", finding.id)


def _contradicting(finding: Finding) -> list[Citation]:
    return [c for c in finding.evidence if c.relation == "contradicts"]


def correction_request(finding: Finding, today: dt.date, state: ReviewState | None = None,
                       sender: str | None = None,
                       evidence: Mapping[str, Evidence] | None = None) -> Letter:
    """The letter for one contradicted, undismissed finding. ``today`` dates the letter;
    ``evidence`` (the corpus's documents by id) tells the documents' words from a filer's summary
    of them, which the letter never puts in quotation marks as the document's wording."""
    check_eligible(finding, state)
    briefed = brief(finding, evidence)
    s = finding.statement
    organisation = s.speaker == s.department or bool(_ORGANISATION.search(s.speaker))
    parliamentary = s.venue in PARLIAMENTARY_VENUES
    reference = s.reference or s.id
    said = "the Department said" if organisation else "you said"
    blocks: list[Block] = []

    to = [s.department or s.speaker] if organisation else (
        [s.speaker + (f", {s.role}" if s.role else "")] + ([s.department] if s.department else []))
    blocks.append(Block("items", items=(
        "To: " + "; ".join(to),
        "From: " + (sender or "[your name and organisation]"),
        "Date: " + _human(today),
        f"Subject: Request to correct the record: {reference}"
        + ("" if s.date.human() in reference else f", {s.date.human()}"),
    )))
    if organisation:
        salutation = "Dear Sir or Madam,"
    elif s.role and _MINISTER.search(s.role):
        salutation = "Dear Minister,"
    else:
        salutation = f"Dear {s.speaker},"
    blocks.append(Block("para", salutation))
    who = briefed.attribution
    if briefed.claim.source_words:
        blocks.append(Block("para", f"On {s.date.human()}, {_venue_phrase(s.venue, s.house)} "
                                    f"({reference}), {said}:"))
        blocks.append(Block("quote", briefed.claim.source_text))
    elif briefed.claim.words:
        reported = f", as reported by {who.reporter}" if who and who.reporter else ""
        blocks.append(Block("para", f"On {s.date.human()}, {_venue_phrase(s.venue, s.house)} "
                                    f"({reference}), {said}{reported}:"))
        blocks.append(Block("quote", items=briefed.claim.words))
        blocks.append(Block("para", f"The report in full reads: {briefed.claim.text}"))
    else:
        blocks.append(Block("para", f"On {s.date.human()}, {_venue_phrase(s.venue, s.house)} "
                                    f"({reference}), it was reported that {said[4:]} "
                                    f"the following (our summary, not the words used): "
                                    f"{briefed.claim.text}"))

    sources = [x for x in briefed.sources if x.citation.relation == "contradicts"]
    citations = [x.citation for x in sources]
    blocks.append(Block("para", "That was not accurate when it was said. "
                        + ("These records, each of which held before the statement was made, "
                           "show otherwise:" if len(citations) > 1 else
                           "This record, which held before the statement was made, shows "
                           "otherwise:")))
    for x in sources:
        c = x.citation
        cite = f", {x.cite}" if x.cite else ""
        if x.passage.source_words:
            blocks.append(Block("para", f"{c.title}{cite} ({_dates(c)}):"))
            blocks.append(Block("quote", x.passage.source_text))
        else:
            blocks.append(Block("para", f"{c.title}{cite} ({_dates(c)}) records, in our summary "
                                        f"(not the document's wording): {x.passage.text}"))
            if x.passage.words:
                blocks.append(Block("para", "In the document's own words:"))
                blocks.append(Block("quote", items=x.passage.words))
        timing = (f"That fact held from {c.fact_date.human()} "
                  f"(dated by {x.fact_date_from})")
        if c.days_fact_before_statement and c.days_fact_before_statement > 0:
            timing += f", {c.days_fact_before_statement} days before the statement"
        if c.public_at_statement is False and c.days_statement_to_disclosure:
            timing += (f". It was made public on {c.disclosed.human()}, "
                       f"{c.days_statement_to_disclosure} days after the statement")
        blocks.append(Block("para", timing + "." + (f" Note: {c.note}." if c.note else "")))

    editions = code_editions_in_force(s.date)
    blocks.append(Block("para", _duty_paragraph(s.date, editions, parliamentary)))
    blocks.append(Block("para", "We have found no correction of this "
                        + ("answer" if s.venue == "written-answer" else "statement")
                        + " on the record. We ask you to correct it at the earliest opportunity"
                        + (", by a ministerial correction in the form the House uses."
                           if parliamentary else ", publicly and in the same place.")
                        + " It could read:"))
    blocks.append(Block("quote", items=_proposed_correction(briefed, sources)))
    blocks.append(Block("para", "Yours sincerely,"))
    blocks.append(Block("para", sender or "[your name]"))

    blocks.append(Block("heading", "Sources"))
    blocks.append(Block("items", items=tuple(_source_line(x) for x in sources)
                        + ((f"The statement: {reference}"
                            + ("" if s.date.human() in reference else f", {s.date.human()}")
                            + (f", {s.url}" if s.url else ""),)
                           )))
    blocks.append(Block("heading", "Drafting notes (delete before sending)"))
    blocks.append(Block("items", items=tuple(_drafting_notes(briefed, state, editions,
                                                             organisation))))
    return Letter(finding.id, f"Request to correct the record: {reference}", tuple(blocks))


def _venue_phrase(venue: str, house: str | None) -> str:
    chamber = {"commons": "the House of Commons", "lords": "the House of Lords"}.get(
        house or "", "Parliament")
    return {
        "written-answer": "in answer to a written parliamentary question",
        "oral": f"in {chamber}",
        "written-statement": f"in a written ministerial statement to {chamber}",
        "committee": "in evidence to a parliamentary committee",
        "press": "in a statement to the press",
        "correspondence": "in correspondence",
        "meeting": "at a meeting",
        "foi-response": "in a response to a Freedom of Information request",
    }.get(venue, "on the record")


def _dates(c: Citation) -> str:
    parts = [c.kind, f"fact from {c.fact_date.human()}"]
    if c.document_date != c.fact_date:
        parts.append(f"dated {c.document_date.human()}")
    parts.append(f"made public {c.disclosed.human()}")
    return "; ".join(parts)


def _duty_paragraph(on: PartialDate, editions: tuple[CodeEdition, ...],
                    parliamentary: bool) -> str:
    when = ("on " if on.precision is Precision.DAY else "in ") + on.human()
    if len(editions) == 1:
        code = _capital(cite_code(editions[0])) + f", in force {when},"
    elif editions:
        code = (f"The Ministerial Code in force {when} (the "
                + " or the ".join(cite_code(e).removeprefix("the Ministerial Code (")[:-1]
                                  for e in editions) + ")")
    else:
        code = "The Ministerial Code"
    duty = f'{code} says that "{DUTY}". {_capital(HOUSE_RESOLUTION)} says the same.'
    if parliamentary:
        return duty
    return ("This statement was made outside Parliament, but Ministers answer to Parliament for "
            "what their departments say, and the same standard of accuracy applies. " + duty)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _proposed_correction(briefed: Briefed, sources: list[Source]) -> tuple[str, ...]:
    finding = briefed.finding
    s = finding.statement
    thing = {"written-answer": "the written answer", "oral": "the response",
             "written-statement": "the written statement", "committee": "the evidence"}.get(
        s.venue, "the statement")
    lines = [f"An error has been identified in {thing} given on {s.date.human()} "
             f"({s.reference or s.id}).",
             ("The answer given was" if s.venue == "written-answer" else "The words used were")
             + ": " + _quoted_or_summary(briefed.claim, briefed)]
    facts = "; ".join(f"{x.citation.title}" + (f", {x.cite}" if x.cite else "")
                      + f" ({'in force' if x.citation.kind == 'agreement' else 'holding'} from "
                      + f"{x.citation.fact_date.human()}), records "
                      + _quoted_or_summary(x.passage)
                      for x in sources)
    lines.append(f"The correct information is: {facts}")
    return tuple(lines)


def _quoted_or_summary(p: Passage, briefed: Briefed | None = None) -> str:
    """Words in quotation marks only when they are the source's; a summary says it is one."""
    if p.source_words:
        return f'"{p.source_text}"'
    who = briefed.attribution if briefed else None
    if p.words and briefed is not None:
        return " … ".join(f'"{w}"' for w in p.words) + (
            f" (as reported by {who.reporter})" if who and who.reporter else " (as reported)")
    return f"in summary (not its wording), {p.text.rstrip('.')}"


def _source_line(x: Source) -> str:
    c = x.citation
    return (f"{c.title}" + (f", {x.cite}" if x.cite else "") + f" ({_dates(c)})"
            + (f", {c.url}" if c.url else ""))


def _drafting_notes(briefed: Briefed, state: ReviewState | None,
                    editions: tuple[CodeEdition, ...], organisation: bool) -> Iterable[str]:
    finding = briefed.finding
    s = finding.statement
    yield (f"claimcheck finding {finding.id}: {finding.verdict.value}, confidence "
           f"{briefed.confidence_text()}.")
    for caveat in briefed.caveats:
        yield f"Caution: {caveat}."
    if any(x.passage.summary and not x.passage.source_words for x in briefed.sources):
        yield ("The evidence is quoted from a filer's summary: obtain the documents and quote "
               "their own wording before sending.")
    if state is None or state.status is ReviewStatus.UNREVIEWED:
        yield ("Not yet reviewed: check the finding against the sources and record a decision "
               f"(claimcheck review {finding.id} --confirm --by NAME) before sending.")
    elif state.status is ReviewStatus.NEEDS_REREVIEW:
        yield f"Review status: {state.describe()}. Review it again before sending."
    else:
        yield f"Review status: {state.describe()}."
    if not organisation:
        yield (f"Check that {s.speaker} still holds the post"
               + (f" of {s.role}" if s.role else "") + "; if not, address the Minister who does "
               "now: the duty to correct falls on the department's Ministers.")
    for edition in editions:
        if edition.paragraph is None:
            yield (f"Add the paragraph number of the duty of accuracy in the {edition.name} "
                   "edition of the Ministerial Code: claimcheck has not verified it.")
    if len(editions) > 1:
        yield "The statement's date is not precise enough to tell which edition was in force."
    if finding.publicly_known is False:
        yield ("The contradicting record was not public when the statement was made: the letter "
               "does not say anyone knew the statement was wrong, and should not.")
    yield "Check every quotation against the source document before sending."


def _human(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


# ---------------------------------------------------------------------- rendering

def letter_markdown(letter: Letter) -> str:
    """The letter as Markdown; every outside string made inert."""
    lines = [f"# {_inline(letter.title)}", ""]
    for block in letter.blocks:
        if block.kind == "heading":
            lines += [f"## {_inline(block.text)}", ""]
        elif block.kind == "para":
            lines += [_inline(block.text), ""]
        elif block.kind == "quote":
            texts = block.items or (block.text,)
            lines += ["\n>\n".join("> " + _inline(t) for t in texts), ""]
        elif block.kind == "items":
            lines += [f"- {_inline(item)}" for item in block.items] + [""]
    return "\n".join(lines)


def letter_docx(letter: Letter) -> bytes:
    """The letter as a Word document (.docx bytes)."""
    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise OutputError("writing .docx needs python-docx: pip install python-docx") from None
    document = docx.Document()
    document.core_properties.title = _clean(letter.title)
    document.core_properties.author = "claimcheck"
    document.add_heading(_clean(letter.title), level=1)
    for block in letter.blocks:
        if block.kind == "heading":
            document.add_heading(_clean(block.text), level=2)
        elif block.kind == "para":
            document.add_paragraph(_clean(block.text))
        elif block.kind == "quote":
            for text in block.items or (block.text,):
                document.add_paragraph(_clean(text), style="Quote")
        elif block.kind == "items":
            for item in block.items:
                document.add_paragraph(_clean(item), style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# What XML 1.0 cannot hold beyond the controls _printable drops: surrogates (from undecodable
# command-line bytes) and the non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    """XML cannot hold control characters or non-characters; bidi overrides can disguise text.
    Drop them all."""
    return " ".join(_NOT_XML.sub("", _printable(text)).split())


def letter_filename(finding_id: str) -> str:
    """A file name for the finding's letter that every file system accepts (no ':')."""
    return re.sub(r'[<>:"/\\|?*\s]', "_", finding_id)


# What claimcheck wrote into a corrections folder, by file name: the SHA-256 of each draft as
# written, so that a draft someone has edited since is recognised and never overwritten.
DRAFTS_FILE = ".claimcheck-drafts.json"


@dataclass(frozen=True)
class WrittenLetter:
    paths: tuple[Path, ...]          # the draft written: Markdown, then Word
    kept: tuple[Path, ...] = ()      # earlier drafts edited since claimcheck wrote them, untouched


def write_letter(letter: Letter, folder: Path, force: bool = False) -> WrittenLetter:
    """Write ``<finding>.md`` and ``<finding>.docx`` into ``folder``, together or not at all.

    A draft edited since claimcheck wrote it (or not written by claimcheck) is kept, and the new
    draft goes to the next free ``<finding>-2.md``, ``-3`` and so on; ``force`` overwrites it.
    """
    written = _drafts(folder)
    texts = (letter_markdown(letter), letter_docx(letter))
    base, kept = letter_filename(letter.finding_id), []
    for number in itertools.count(1):
        stem = base if number == 1 else f"{base}-{number}"
        paths = (folder / f"{stem}.md", folder / f"{stem}.docx")
        edited = [p for p in paths if p.exists() and written.get(p.name) != _digest(p.read_bytes())]
        if force or not edited:
            break
        kept += edited
    written.update({p.name: _digest(text) for p, text in zip(paths, texts, strict=True)})
    write_all({**dict(zip(paths, texts, strict=True)),
               folder / DRAFTS_FILE: json.dumps(written, indent=1, sort_keys=True) + "\n"})
    return WrittenLetter(paths, tuple(kept))


def _digest(data: str | bytes) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def _drafts(folder: Path) -> dict[str, str]:
    """The record of drafts written into ``folder``; none if it is missing or unreadable (every
    existing draft then counts as edited, so nothing is lost)."""
    try:
        record = json.loads((folder / DRAFTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in record.items() if isinstance(v, str)} if isinstance(record, dict) else {}


