"""``claimcheck fetch ...`` and ``claimcheck add``: a thin shell over :mod:`claimcheck.sources`.

Each command parses its options, builds the one HTTP client and the corpus writer, calls the
library and prints what was written (stdout) and progress and notes (stderr). A ClaimcheckError
becomes one line on stderr and exit status 1.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimcheck.cli.options import CACHE_DIR, CLAIMS, EVIDENCE
from claimcheck.cli.support import PlainGroup, PlainHelp, reported
from claimcheck.cli.terminal import echo
from claimcheck.errors import InputError

# claimcheck.sources (requests, pypdf) is imported by the commands that use it, so that
# `claimcheck --help` and the commands that never fetch do not wait for it.
if TYPE_CHECKING:
    from claimcheck.sources.http import HttpClient
    from claimcheck.sources.parliament import Parliament
    from claimcheck.sources.writer import Item, WriteResult

fetch_app = typer.Typer(
    cls=PlainGroup, no_args_is_help=True, rich_markup_mode=None,
    help="Fetch from Parliament and WhatDoTheyKnow into the corpus.\n\nStatements go to "
         "claims/ and evidence to evidence/, one Markdown file per item.",
)


class House(StrEnum):
    commons = "commons"
    lords = "lords"


DAY = ["%Y-%m-%d"]

Claims = Annotated[Path, typer.Option("--claims", metavar="DIR", help="Folder for statements.")]
Evidence = Annotated[Path, typer.Option("--evidence", metavar="DIR", help="Folder for evidence.")]
Offline = Annotated[bool, typer.Option("--offline", help="Use only the on-disk cache; no network.")]
FetchCacheDir = Annotated[Path, typer.Option("--cache-dir", metavar="DIR", help="Where fetched answers are cached.")]
HouseOption = Annotated[House | None, typer.Option("--house", metavar="HOUSE", help="commons or lords.")]


def _say(message: str) -> None:
    echo(message, err=True)


def _http(offline: bool, cache_dir: Path) -> HttpClient:
    from claimcheck.sources.http import DiskCache, HttpClient, make_session

    return HttpClient(make_session(), DiskCache(cache_dir), offline=offline, report=_say)


def _parliament(offline: bool, cache_dir: Path) -> Parliament:
    from claimcheck.sources.parliament import Parliament, ParliamentApis

    return Parliament(_http(offline, cache_dir), ParliamentApis.from_env(), report=_say)


def _write(items: Iterable[Item], claims: Path, evidence: Path) -> list[WriteResult]:
    """Write each item as it arrives, saying what happened to each file."""
    from claimcheck.sources.writer import CorpusWriter

    writer = CorpusWriter(claims, evidence)
    results = []
    for item in items:
        result = writer.write(item)
        results.append(result)
        echo(f"{result.action} {result.path}")
        for edit in result.kept:
            _say(f"kept your edit of '{edit.field}' in {result.path} "
                 f"(the source says: {_short(edit.fetched)})")
    if not results:
        _say("nothing found")
    return results


def _short(value: object, limit: int = 80) -> str:
    text = " ".join(str(value).split()) if value is not None else "nothing"
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


@fetch_app.command("question", cls=PlainHelp)
def question(
    uin: Annotated[str | None, typer.Argument(metavar="UIN", help="The question's UIN: 42842, or HL1234.")] = None,
    tabled: Annotated[datetime | None, typer.Option(
        "--tabled", "--date", metavar="DATE", formats=DAY, help="Date the question was tabled (with UIN).")] = None,
    question_id: Annotated[int | None, typer.Option("--id", metavar="ID", help="The API's question id.")] = None,
    search: Annotated[str | None, typer.Option("--search", metavar="WORDS", help="Words to search for.")] = None,
    answered_from: Annotated[datetime | None, typer.Option(
        "--answered-from", metavar="DATE", formats=DAY, help="Answered on or after this date.")] = None,
    answered_to: Annotated[datetime | None, typer.Option(
        "--answered-to", metavar="DATE", formats=DAY, help="Answered on or before this date.")] = None,
    department: Annotated[str | None, typer.Option(
        "--department", metavar="DEPARTMENT", help="Answering department: its id (60) or name (Education).")] = None,
    house: HouseOption = None,
    claims: Claims = CLAIMS,
    evidence: Evidence = EVIDENCE,
    offline: Offline = False,
    cache_dir: FetchCacheDir = CACHE_DIR,
) -> None:
    """Fetch written answers to parliamentary questions.

    One by its UIN and --tabled date, or by --id, or all that a search finds.
    """
    from claimcheck.sources.parliament import QuestionSearch

    with reported():
        parliament = _parliament(offline, cache_dir)
        if question_id is not None or uin:
            if uin and tabled is None and question_id is None:
                raise InputError("a UIN needs the date the question was tabled", field="--tabled")
            items: Iterable[Item] = parliament.question(
                question_id=question_id, tabled=_day(tabled), uin=uin)
        elif search or answered_from or answered_to or department or house:
            items = parliament.questions(QuestionSearch(
                text=search,
                answered_from=_day(answered_from),
                answered_to=_day(answered_to),
                department=_department_id(parliament, department),
                house=house.value if house else None,
            ))
        else:
            raise InputError("give a UIN with --tabled, an --id, or a search (--search, "
                             "--answered-from/--answered-to, --department, --house)")
        _write(items, claims, evidence)


def _department_id(parliament: Parliament, department: str | None) -> int | None:
    if not department:
        return None
    return int(department) if department.isdigit() else parliament.answering_body_id(department)


@fetch_app.command("statement", cls=PlainHelp)
def statement(
    uin: Annotated[str, typer.Argument(metavar="UIN", help="The statement's UIN: HCWS272, or HLWS98.")],
    made: Annotated[datetime, typer.Option("--date", metavar="DATE", formats=DAY, help="Date it was made.")],
    as_claim: Annotated[bool, typer.Option(
        "--as-claim", help="Write it as a statement to check, not as evidence.")] = False,
    follow: Annotated[bool, typer.Option(
        "--follow/--no-follow", help="Also fetch linked statements (as evidence).")] = True,
    claims: Claims = CLAIMS,
    evidence: Evidence = EVIDENCE,
    offline: Offline = False,
    cache_dir: FetchCacheDir = CACHE_DIR,
) -> None:
    """Fetch a written ministerial statement.

    A correction of the record becomes evidence; any other statement too, unless --as-claim.
    """
    with reported():
        parliament = _parliament(offline, cache_dir)
        _write(parliament.statement(made.date(), uin, as_claim=as_claim, follow=follow),
               claims, evidence)


@fetch_app.command("hansard", cls=PlainHelp)
def hansard(
    on: Annotated[datetime | None, typer.Option(
        "--date", metavar="DATE", formats=DAY, help="Sitting date.")] = None,
    member: Annotated[str | None, typer.Option(
        "--member", metavar="MEMBER", help="Member id (4017) or name.")] = None,
    search: Annotated[str | None, typer.Option("--search", metavar="WORDS", help="Words to search for.")] = None,
    debate: Annotated[str | None, typer.Option(
        "--debate", metavar="ID", help="A debate's id (DebateSectionExtId) for all its contributions.")] = None,
    house: HouseOption = None,
    claims: Claims = CLAIMS,
    offline: Offline = False,
    cache_dir: FetchCacheDir = CACHE_DIR,
) -> None:
    """Fetch spoken contributions from Hansard.

    Each contribution keeps its column number, for citations.
    """
    from claimcheck.sources.parliament import HansardSearch

    with reported():
        if not (on or member or search or debate):
            raise InputError("give --date, --member, --search or --debate")
        parliament = _parliament(offline, cache_dir)
        member_id = None
        if member:
            member_id = int(member) if member.isdigit() else parliament.member_id(member)
        if debate:
            items = parliament.debate_items(debate, member=member_id)
        else:
            items = parliament.hansard(HansardSearch(
                on=_day(on), member=member_id, text=search,
                house=house.value if house else None))
        _write(items, claims, EVIDENCE)


@fetch_app.command("foi", cls=PlainHelp)
def foi(
    request: Annotated[str, typer.Argument(
        metavar="REQUEST", help="The request's URL title (or its address on WhatDoTheyKnow).")],
    evidence: Evidence = EVIDENCE,
    offline: Offline = False,
    cache_dir: FetchCacheDir = CACHE_DIR,
) -> None:
    """Fetch an FOI request from WhatDoTheyKnow as evidence."""
    from claimcheck.sources.wdtk import WhatDoTheyKnow, site_from_env

    with reported():
        wdtk = WhatDoTheyKnow(_http(offline, cache_dir), site_from_env())
        _write([wdtk.request(request)], CLAIMS, evidence)


def add(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A PDF, HTML or text file.")],
    on: Annotated[str, typer.Option(
        "--date", metavar="DATE", help="When the document was made, written as in corpus "
                                       "files: 2016-07-25, 25/07/2016, 25 July 2016, 2016-07 or "
                                       "2016.")],
    title: Annotated[str | None, typer.Option(
        "--title", metavar="TEXT",
        help="Its title (default: the PDF's or web page's own title, else the file name).")] = None,
    kind: Annotated[str, typer.Option("--kind", metavar="KIND", help="Kind of evidence (agreement, "
                                      "foi-response, letter, minutes, ...).")] = "report",
    disclosed: Annotated[str | None, typer.Option(
        "--disclosed", metavar="DATE", help="When it became public, if later than --date.")] = None,
    as_claim: Annotated[bool, typer.Option(
        "--as-claim", help="Add it as a statement to check (needs --speaker, --venue).")] = False,
    speaker: Annotated[str | None, typer.Option("--speaker", metavar="NAME", help="Who said it.")] = None,
    venue: Annotated[str | None, typer.Option(
        "--venue", metavar="VENUE", help="Where it was said (press, correspondence, ...).")] = None,
    claims: Claims = CLAIMS,
    evidence: Evidence = EVIDENCE,
) -> None:
    """Add a local PDF, HTML or text file as evidence or a statement.

    It becomes an evidence file, or with --as-claim a statement file to check.
    """
    from claimcheck.sources.documents import Document, document_item

    with reported():
        document = Document(file, on, title=title, kind=kind, disclosed=disclosed,
                            speaker=speaker, venue=venue)
        fetched_at = datetime.now(UTC).isoformat(timespec="seconds")
        _write([document_item(document, as_claim=as_claim, fetched_at=fetched_at)],
               claims, evidence)
