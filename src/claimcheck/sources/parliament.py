"""Statements and evidence from UK Parliament: written questions, written statements, Hansard.

The API shapes are those in ``shared/PARLIAMENT_APIS.md``. Reading the JSON happens here, once:
the rest of claimcheck only sees :class:`~claimcheck.sources.writer.Item`. Every item made from
Parliament data is marked ``licence: Open Parliament Licence v3.0``, and a report that uses one
must print :data:`OPEN_PARLIAMENT_LICENCE`.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from claimcheck.errors import InputError, NotFoundError, ResponseError
from claimcheck.sources.documents import html_to_text
from claimcheck.sources.http import HttpClient, Response
from claimcheck.sources.writer import Item, Kind, Provenance

OPEN_PARLIAMENT_LICENCE = (
    "Contains Parliamentary information licensed under the Open Parliament Licence v3.0."
)
LICENCE = "Open Parliament Licence v3.0"

QUESTIONS_SITE = "https://questions-statements.parliament.uk"
HANSARD_SITE = "https://hansard.parliament.uk"

QUESTIONS_API = "UK Parliament Written Questions API"
STATEMENTS_API = "UK Parliament Written Statements API"
HANSARD_API = "UK Parliament Hansard API"

PAGE_SIZE = 20  # the documented default; the services' maximum is unverified
CORRECTING_LINKS = frozenset({"CorrectedAnswer", "CorrectedStatement"})

Report = Callable[[str], None]


def _ignore(message: str) -> None:
    """The default reporter, for library callers that do not show progress."""


@dataclass(frozen=True)
class ParliamentApis:
    """Base URLs of the three services; each can point at a mirror, a proxy or a test server."""

    questions: str = "https://questions-statements-api.parliament.uk"
    hansard: str = "https://hansard-api.parliament.uk"
    members: str = "https://members-api.parliament.uk"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ParliamentApis:
        env = os.environ if environ is None else environ
        defaults = cls()
        return cls(
            questions=env.get("CLAIMCHECK_QUESTIONS_API", defaults.questions).rstrip("/"),
            hansard=env.get("CLAIMCHECK_HANSARD_API", defaults.hansard).rstrip("/"),
            members=env.get("CLAIMCHECK_MEMBERS_API", defaults.members).rstrip("/"),
        )


@dataclass(frozen=True)
class QuestionSearch:
    """A written questions search. Only answered questions: an unanswered one states nothing."""

    text: str | None = None
    answered_from: date | None = None
    answered_to: date | None = None
    department: int | None = None  # answering body id (Department for Education = 60)
    house: str | None = None  # "commons" or "lords"

    def params(self) -> dict[str, Any]:
        return {
            "searchTerm": self.text,
            "answeredWhenFrom": _iso(self.answered_from),
            "answeredWhenTo": _iso(self.answered_to),
            "answeringBodies": self.department,
            "house": _api_house(self.house),
            "answered": "Answered",
        }


@dataclass(frozen=True)
class HansardSearch:
    """Spoken contributions by date, member or search term."""

    on: date | None = None
    member: int | None = None
    text: str | None = None
    house: str | None = None

    def params(self) -> dict[str, Any]:
        day = _iso(self.on)
        return {
            "queryParameters.house": _api_house(self.house),
            "queryParameters.startDate": day,
            "queryParameters.endDate": day,
            "queryParameters.memberId": self.member,
            "queryParameters.searchTerm": self.text,
            "queryParameters.orderBy": "SittingDateAsc",
        }


# --- small pure helpers -------------------------------------------------------------------------

def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _api_house(house: str | None) -> str | None:
    return house.capitalize() if house else None


def api_day(value: Any, what: str, url: str) -> date:
    """A day from the APIs' ``"2016-07-25T00:00:00"`` (no time zone: it is the UK date)."""
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ResponseError(f"{what} is {value!r}, not a date", url) from None


def uk_date(day: date) -> str:
    """``27 October 2016``, the form Hansard and corrections use."""
    return f"{day.day} {day:%B %Y}"


def pq_reference(uin: str) -> str:
    """``PQ 42842``, or ``PQ HL1234`` for a Lords question."""
    return f"PQ {uin.strip().upper()}"


_PQ_IN_TEXT = re.compile(r"\b(?:PQ|UIN)\s?((?:HL)?\d{2,7})\b", re.IGNORECASE)


def pq_references_in(text: str) -> list[str]:
    """Every question a text names ("PQ48635", "PQ 48635", "UIN HL1234"), in order, once each."""
    return list(dict.fromkeys(pq_reference(m.group(1)) for m in _PQ_IN_TEXT.finditer(text)))


def government_posts_on(posts: Iterable[Mapping[str, Any]], day: date) -> list[str]:
    """Names of the posts held on ``day``: started on or before it, not ended before it."""
    held = []
    for post in posts:
        start = _maybe_day(post.get("startDate"))
        end = _maybe_day(post.get("endDate"))
        if start is not None and start <= day and (end is None or end > day):
            held.append((start, str(post.get("name", "")).strip()))
    return [name for _, name in sorted(held) if name]


def _maybe_day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _value(payload: Any, url: str) -> dict[str, Any]:
    """The ``value`` object the Parliament APIs wrap every item in."""
    if isinstance(payload, dict) and isinstance(payload.get("value"), dict):
        return payload["value"]
    raise ResponseError("the answer has no 'value' object; is the API base URL right?", url)


def _results(payload: Any, url: str) -> tuple[list[dict[str, Any]], int]:
    if not isinstance(payload, dict) or not isinstance(payload.get("results"), list):
        raise ResponseError("the answer has no 'results' list; is the API base URL right?", url)
    total = conform(payload, {"totalResults": (int, float)}, url).get("totalResults") or 0
    if not math.isfinite(total) or total < 0:
        raise ResponseError(f"'totalResults' is {_shown(total)}, not a count", url)
    return payload["results"], int(total)


# --- what each endpoint must give: checked once, before an answer is used or cached ------------

Schema = Mapping[str, Any]   # field -> a type, a tuple of types, or a nested Schema (an object)

_REF = {"name": str}
QUESTION: Schema = {
    "id": int, "uin": str, "house": str, "dateTabled": str, "dateAnswered": str,
    "questionText": str, "answeringBodyName": str, "answerText": str, "answeringMemberId": int,
    "answeringMember": _REF, "dateAnswerCorrected": str, "answerIsCorrection": bool,
    "originalAnswerText": str, "correctingMemberId": int, "heading": str}
STATEMENT: Schema = {
    "id": int, "uin": str, "dateMade": str, "title": str, "text": str, "house": str,
    "answeringBodyName": str, "memberId": int, "member": _REF, "memberRole": str,
    "linkedStatements": list}
LINK: Schema = {"linkedStatementId": int, "linkType": str, "linkDate": str}
LISTED: Schema = {"id": int}
BIOGRAPHY: Schema = {"governmentPosts": list}
POST: Schema = {"name": str, "startDate": str, "endDate": str}
# Paging stops here whatever the service says its total is: narrow the search for more.
MAX_RESULTS = 1000


def conform(value: Mapping[str, Any], schema: Schema, url: str, required: tuple[str, ...] = (),
            where: str = "") -> Mapping[str, Any]:
    """``value``, if each field in ``schema`` is absent, null or of its type (``required`` ones
    present); otherwise ``ResponseError`` naming the field. True is not a number here."""
    for name, kind in schema.items():
        item = value.get(name)
        label = f"{where}{name}"
        if item is None:
            if name in required:
                raise ResponseError(f"the answer has no '{label}'", url)
            continue
        if isinstance(kind, Mapping):
            if not isinstance(item, dict):
                raise ResponseError(f"'{label}' is {_shown(item)}, not an object", url)
            conform(item, kind, url, where=f"{label}.")
        elif (isinstance(item, bool) and kind is not bool) or not isinstance(item, kind):
            names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
            raise ResponseError(f"'{label}' is {_shown(item)}, not {_KINDS.get(names, names)}",
                                url)
    return value


_KINDS = {"int": "a whole number", "str": "text", "bool": "true or false", "list": "a list",
          "int or float": "a number"}


def _shown(item: Any) -> str:
    text = json.dumps(item, ensure_ascii=True, default=str)
    return text if len(text) <= 40 else text[:39] + "…"


def _text(value: Mapping[str, Any], name: str) -> str:
    return str(value.get(name) or "").strip()


def _provenance(response: Response, api: str) -> Provenance:
    return Provenance(response.url, api, response.fetched_at, response.sha256)


def question_url(tabled: date, uin: str) -> str:
    return f"{QUESTIONS_SITE}/written-questions/detail/{tabled.isoformat()}/{uin}"


def statement_url(made: date, uin: str) -> str:
    return f"{QUESTIONS_SITE}/written-statements/detail/{made.isoformat()}/{uin}"


# --- written questions -------------------------------------------------------------------------

@dataclass(frozen=True)
class Answer:
    """A written question and its answer, read from the API once."""

    id: int
    uin: str
    house: str
    tabled: date
    answered: date
    question: str
    department: str
    answer_html: str
    member_id: int | None
    member_name: str
    corrected: date | None
    original_html: str
    correcting_member_id: int | None
    heading: str

    @classmethod
    def from_api(cls, value: Mapping[str, Any], url: str) -> Answer:
        conform(value, QUESTION, url, required=("id", "uin"))
        uin = _text(value, "uin")
        if not uin:
            raise ResponseError("the question has no 'uin'", url)
        if not value.get("dateAnswered") or not _text(value, "answerText"):
            raise ResponseError(f"{pq_reference(uin)} has not been answered yet", url)
        corrected = value.get("dateAnswerCorrected") if value.get("answerIsCorrection") else None
        return cls(
            id=int(value["id"]),
            uin=uin,
            house=_text(value, "house").lower() or "commons",
            tabled=api_day(value.get("dateTabled"), "dateTabled", url),
            answered=api_day(value.get("dateAnswered"), "dateAnswered", url),
            question=_text(value, "questionText"),
            department=_text(value, "answeringBodyName"),
            answer_html=_text(value, "answerText"),
            member_id=value.get("answeringMemberId"),
            member_name=_text(value.get("answeringMember") or {}, "name"),
            corrected=api_day(corrected, "dateAnswerCorrected", url) if corrected else None,
            original_html=_text(value, "originalAnswerText"),
            correcting_member_id=value.get("correctingMemberId"),
            heading=_text(value, "heading"),
        )

    @property
    def reference(self) -> str:
        return pq_reference(self.uin)

    @property
    def statement_html(self) -> str:
        # After a correction, which field holds which wording is unverified. We read
        # originalAnswerText as the answer first given and answerText as the corrected wording,
        # and fall back to answerText for both when no original is kept.
        return self.original_html if self.corrected and self.original_html else self.answer_html


def answer_items(answer: Answer, provenance: Provenance, speaker: str,
                 role: str | None) -> list[Item]:
    """The answer as a statement, and a correction of it, if any, as evidence."""
    fields = {
        "date": answer.answered.isoformat(),
        "speaker": speaker,
        "role": role,
        "department": answer.department or None,
        "venue": "written-answer",
        "house": answer.house,
        "reference": answer.reference,
        "url": question_url(answer.tabled, answer.uin),
        "question": answer.question or None,
        "licence": LICENCE,
    }
    stem = f"{answer.answered.isoformat()}-pq-{answer.uin.lower()}"
    items = [Item("statement", f"pq/{answer.id}/answer", stem, _present(fields),
                  html_to_text(answer.statement_html), provenance)]
    if answer.corrected:
        items.append(correction_item(answer, answer.corrected, provenance))
    return items


def correction_item(answer: Answer, corrected: date, provenance: Provenance) -> Item:
    """The correction of an answer, as evidence that names what it corrects."""
    what = f"Correction to the answer to {answer.reference} of {uk_date(answer.answered)}."
    title = f"Correction to the answer to {answer.reference}"
    fields = {
        "title": f"{title}: {answer.heading}" if answer.heading else title,
        "kind": "correction",
        "date": corrected.isoformat(),
        "reference": answer.reference,
        "corrects": [answer.reference],
        "url": question_url(answer.tabled, answer.uin),
        "licence": LICENCE,
    }
    stem = f"{corrected.isoformat()}-pq-{answer.uin.lower()}-correction"
    body = f"{what}\n\n{html_to_text(answer.answer_html)}"
    return Item("evidence", f"pq/{answer.id}/correction", stem, fields, body, provenance)


def _present(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Leave out fields the source did not give, rather than writing empty ones."""
    return {k: v for k, v in fields.items() if v not in (None, "", [])}


# --- written statements ------------------------------------------------------------------------

@dataclass(frozen=True)
class Link:
    id: int
    type: str
    day: date | None


@dataclass(frozen=True)
class WrittenStatement:
    id: int
    uin: str
    made: date
    title: str
    html: str
    house: str
    department: str
    member_id: int | None
    member_name: str
    member_role: str
    links: tuple[Link, ...]

    @classmethod
    def from_api(cls, value: Mapping[str, Any], url: str) -> WrittenStatement:
        conform(value, STATEMENT, url, required=("id", "uin"))
        uin = _text(value, "uin")
        if not uin:
            raise ResponseError("the statement has no 'uin'", url)
        for link in value.get("linkedStatements") or []:
            conform(link if isinstance(link, dict) else {}, LINK, url, where="linkedStatements.")
        links = tuple(
            Link(int(link["linkedStatementId"]), str(link.get("linkType") or ""),
                 _maybe_day(link.get("linkDate")))
            for link in value.get("linkedStatements") or []
            if isinstance(link, dict) and link.get("linkedStatementId") is not None
        )
        return cls(
            id=int(value["id"]),
            uin=uin,
            made=api_day(value.get("dateMade"), "dateMade", url),
            title=_text(value, "title"),
            html=_text(value, "text"),
            house=_text(value, "house").lower() or "commons",
            department=_text(value, "answeringBodyName"),
            member_id=value.get("memberId"),
            member_name=_text(value.get("member") or {}, "name"),
            member_role=_text(value, "memberRole"),
            links=links,
        )

    def corrects_earlier(self, link: Link) -> bool:
        """Whether this statement is the correction in a correcting link.

        The direction of a link is unverified: the later of the two items must be the correction,
        so a link to something dated after this statement means it corrects us, not we it.
        """
        return link.type in CORRECTING_LINKS and (link.day is None or link.day <= self.made)


def statement_item(statement: WrittenStatement, provenance: Provenance, *, as_claim: bool,
                   corrects: list[str], speaker: str) -> Item:
    text = html_to_text(statement.html)
    common = {
        "reference": statement.uin,
        "url": statement_url(statement.made, statement.uin),
        "licence": LICENCE,
    }
    if as_claim:
        kind: Kind = "statement"
        fields = {
            "date": statement.made.isoformat(),
            "speaker": speaker,
            "role": statement.member_role or None,
            "department": statement.department or None,
            "venue": "written-statement",
            "house": statement.house,
            **common,
        }
    else:
        kind = "evidence"
        is_correction = bool(corrects) or bool(re.search(r"\bcorrect", statement.title, re.I))
        refs = list(dict.fromkeys([*corrects, *pq_references_in(text)])) if is_correction else []
        fields = {
            "title": statement.title or statement.uin,
            "kind": "correction" if is_correction else "statement",
            "date": statement.made.isoformat(),
            **common,
            "corrects": refs,
        }
    stem = f"{statement.made.isoformat()}-{statement.uin.lower()}"
    return Item(kind, f"wms/{statement.id}", stem, _present(fields), text, provenance)


# --- Hansard -----------------------------------------------------------------------------------

_PARTY = re.compile(r"\s*\(([^()]*)\)\s*$")
_COLUMN_SPAN = re.compile(r"data-column-number\s*=\s*[\"']?(\d+)", re.IGNORECASE)


def parse_attribution(attributed_to: str) -> tuple[str, str | None]:
    """Speaker and post from Hansard's ``AttributedTo``.

    ``The Minister of State, Department for Education (Lord Nash) (Con)`` gives
    (``Lord Nash``, ``The Minister of State, Department for Education``); ``Lord Storey (LD)``
    gives (``Lord Storey``, None). Posts in Hansard begin with "The", which is how a post in
    front of a name in brackets is told from a name in front of a party.
    """
    text = attributed_to.strip()
    groups: list[str] = []
    while (match := _PARTY.search(text)) and len(groups) < 2:
        groups.insert(0, match.group(1).strip())
        text = text[:match.start()].strip()
    if groups and text.startswith("The ") and not text.endswith(")"):
        return groups[0], text.rstrip(" ,")
    return text or attributed_to.strip(), None


def _column(value: Any) -> int | None:
    digits = re.sub(r"\D", "", str(value or ""))
    return int(digits) if digits else None


def puts_question(text: str) -> bool:
    return "?" in text or text.lower().startswith("to ask")


def hansard_slug(title: str) -> str:
    return "".join(word[:1].upper() + word[1:] for word in re.findall(r"[A-Za-z0-9]+", title))


@dataclass(frozen=True)
class Contribution:
    ext_id: str
    member_id: int | None
    speaker: str
    role: str | None
    text: str
    column: int | None
    question: str | None


def contributions(items: Iterable[Mapping[str, Any]]) -> Iterator[Contribution]:
    """The debate's contributions, each with the column it starts in and the question it answers.

    Columns are carried forward from the last ``hs_ColumnNumber`` item, or from a
    ``data-column-number`` span inside an earlier contribution.
    """
    column: int | None = None
    previous: Contribution | None = None
    for item in items:
        if item.get("HRSTag") == "hs_ColumnNumber":
            column = _column(item.get("Value")) or column
            continue
        html = str(item.get("Value") or "")
        if item.get("ItemType") != "Contribution" or not item.get("AttributedTo"):
            continue
        speaker, role = parse_attribution(str(item["AttributedTo"]))
        text = html_to_text(html)
        asked = (previous.text if previous and previous.speaker != speaker
                 and puts_question(previous.text) else None)
        current = Contribution(str(item.get("ExternalId") or item.get("ItemId") or ""),
                               item.get("MemberId"), speaker, role, text, column, asked)
        yield current
        if spans := _COLUMN_SPAN.findall(html):
            column = int(spans[-1])
        previous = current


@dataclass(frozen=True)
class Debate:
    ext_id: str
    title: str
    house: str  # "Commons" or "Lords", as the API and the website spell it
    sitting: date
    items: tuple[Mapping[str, Any], ...]

    @classmethod
    def from_api(cls, payload: Any, ext_id: str, url: str) -> Debate:
        if not isinstance(payload, dict) or not isinstance(payload.get("Overview"), dict):
            raise ResponseError("the debate has no 'Overview'; is the Hansard base URL right?", url)
        overview = payload["Overview"]
        return cls(
            ext_id=str(overview.get("ExtId") or ext_id),
            title=_text(overview, "Title"),
            house=_text(overview, "House") or "Commons",
            sitting=api_day(overview.get("Date"), "Overview.Date", url),
            items=tuple(i for i in payload.get("Items") or [] if isinstance(i, dict)),
        )


def contribution_item(debate: Debate, contribution: Contribution, provenance: Provenance) -> Item:
    prefix = "HL" if debate.house.lower() == "lords" else "HC"
    reference = f"{prefix} Deb {uk_date(debate.sitting)}"
    if contribution.column is not None:
        reference += f", col {contribution.column}"
    url = (f"{HANSARD_SITE}/{debate.house}/{debate.sitting.isoformat()}/debates/{debate.ext_id}/"
           f"{hansard_slug(debate.title)}#contribution-{contribution.ext_id}")
    fields = {
        "date": debate.sitting.isoformat(),
        "speaker": contribution.speaker,
        "role": contribution.role,
        "venue": "oral",
        "house": debate.house.lower(),
        "reference": reference,
        "title": debate.title or None,  # the debate's title
        "url": url,
        "question": contribution.question,
        "licence": LICENCE,
    }
    column = f"col{contribution.column}" if contribution.column is not None else "nocol"
    stem = (f"{debate.sitting.isoformat()}-{prefix.lower()}-deb-{column}-"
            f"{contribution.ext_id[:8].lower()}")
    return Item("statement", f"hansard/{contribution.ext_id.lower()}", stem, _present(fields),
                contribution.text, provenance)


def _question_ids(payload: Any, url: str) -> tuple[list[int], int]:
    """The ids on one page of a questions search, and the total the service reports."""
    results, total = _results(payload, url)
    values = [conform(_value(result, url), LISTED, url, required=("id",)) for result in results]
    return [value["id"] for value in values], total


# --- the client --------------------------------------------------------------------------------

class Parliament:
    """Fetches from the three Parliament services through one :class:`HttpClient`.

    ``report`` receives progress and anything worth telling the user (a link that could not be
    followed); the command line prints it.
    """

    def __init__(self, http: HttpClient, apis: ParliamentApis | None = None,
                 report: Report = _ignore, page_size: int = PAGE_SIZE) -> None:
        self.http = http
        self.apis = apis or ParliamentApis()
        self.report = report
        self.page_size = page_size

    # Members API

    def member_name(self, member_id: int) -> str:
        url = f"{self.apis.members}/api/Members/{member_id}"
        value = _value(self.http.get_json(url), url)
        name = _text(value, "nameDisplayAs") or _text(value, "nameListAs")
        if not name:
            raise ResponseError("the member has no name", url)
        return name

    def government_role(self, member_id: int | None, day: date) -> str | None:
        """The member's government post on ``day`` (several are joined with "; ")."""
        if member_id is None:
            return None
        url = f"{self.apis.members}/api/Members/{member_id}/Biography"
        biography = conform(_value(self.http.get_json(url), url), BIOGRAPHY, url)
        posts = [conform(post, POST, url, where="governmentPosts.")
                 for post in biography.get("governmentPosts") or [] if isinstance(post, dict)]
        return "; ".join(government_posts_on(posts, day)) or None

    def answering_body_id(self, name: str) -> int:
        """The id of a department, from part of its name ("Education" gives 60)."""
        url = f"{self.apis.members}/api/Reference/AnsweringBodies"
        payload = self.http.get_json(url, {"nameContains": name})
        # The shape of this list is unverified: accept a bare list or {"items": [...]}, each
        # entry a body or {"value": body}.
        entries = payload.get("items", []) if isinstance(payload, dict) else payload
        bodies = [e.get("value", e) for e in entries or [] if isinstance(e, dict)]
        exact = [b for b in bodies if str(b.get("name", "")).lower() == name.lower()]
        matches = exact or bodies
        if len(matches) != 1:
            found = ", ".join(f"{b.get('name')} ({b.get('id')})" for b in matches) or "none"
            raise InputError(f"{len(matches)} departments match '{name}' ({found}); "
                             "give the department's id", field="--department")
        return int(matches[0]["id"])

    def member_id(self, name: str) -> int:
        url = f"{self.apis.members}/api/Members/Search"
        payload = self.http.get_json(url, {"Name": name, "take": 20})
        people = [e.get("value", {}) for e in (payload or {}).get("items", [])
                  if isinstance(e, dict)]
        if len(people) != 1:
            found = ", ".join(f"{p.get('nameDisplayAs')} ({p.get('id')})" for p in people)
            raise InputError(f"{len(people)} members match '{name}' ({found or 'none'}); "
                             "give the member's id", field="--member")
        return int(people[0]["id"])

    # Written questions

    def question(self, *, question_id: int | None = None, tabled: date | None = None,
                 uin: str | None = None) -> list[Item]:
        """One answered question, by id or by date tabled and UIN."""
        base = f"{self.apis.questions}/api/writtenquestions/questions"
        if question_id is not None:
            url = f"{base}/{question_id}"
        elif tabled is not None and uin:
            url = f"{base}/{tabled.isoformat()}/{uin.strip()}"
        else:
            raise InputError("give a question id, or the date tabled and the UIN")
        response = self.http.get(url, {"expandMember": True},
                                 validate=lambda payload: Answer.from_api(_value(payload, url), url))
        answer = Answer.from_api(_value(response.json(), url), response.url)
        speaker = answer.member_name or self._member_name_or_none(answer.member_id)
        if not speaker:
            raise ResponseError(f"{answer.reference} names no answering member", response.url)
        role = self.government_role(answer.member_id, answer.answered)
        return answer_items(answer, _provenance(response, QUESTIONS_API), speaker, role)

    def _member_name_or_none(self, member_id: int | None) -> str | None:
        return self.member_name(member_id) if member_id is not None else None

    def question_ids(self, search: QuestionSearch) -> Iterator[int]:
        """Ids of every question the search finds, page by page."""
        url = f"{self.apis.questions}/api/writtenquestions/questions"
        skip = 0
        while True:
            page = {"skip": skip, "take": self.page_size}
            payload = self.http.get_json(url, {**search.params(), **page},
                                         validate=lambda p: _question_ids(p, url))
            ids, total = _question_ids(payload, url)
            self.report(f"questions {skip + 1}-{skip + len(ids)} of {total}")
            yield from ids[:MAX_RESULTS - skip]
            skip += len(ids)
            if not self._another_page("questions", len(ids), skip, total):
                return

    def questions(self, search: QuestionSearch) -> Iterator[Item]:
        """Every question the search finds, each fetched by id: the list truncates answers."""
        for question_id in self.question_ids(search):
            yield from self.question(question_id=question_id)

    # Written statements

    def statement(self, made: date, uin: str, *, as_claim: bool = False,
                  follow: bool = True) -> list[Item]:
        """A written statement, with the statements it is linked to (always as evidence)."""
        url = f"{self.apis.questions}/api/writtenstatements/statements/{made.isoformat()}/{uin}"
        response = self.http.get(url, {"expandMember": True},
                                 validate=lambda p: WrittenStatement.from_api(_value(p, url), url))
        statement = WrittenStatement.from_api(_value(response.json(), url), response.url)
        items = [self._statement_item(statement, response, as_claim=as_claim)]
        if follow:
            for link in statement.links:
                if link.type != "CorrectedAnswer":
                    items.extend(self._linked_statement(link, statement))
        return items

    def _statement_item(self, statement: WrittenStatement, response: Response, *,
                        as_claim: bool) -> Item:
        corrects = [ref for link in statement.links if statement.corrects_earlier(link)
                    for ref in self._reference_of(link)]
        speaker = (statement.member_name or self._member_name_or_none(statement.member_id)
                   or statement.department)
        return statement_item(statement, _provenance(response, STATEMENTS_API),
                              as_claim=as_claim, corrects=corrects, speaker=speaker)

    def _reference_of(self, link: Link) -> list[str]:
        """The citation of what a correcting link points at: ``PQ 48635`` or ``HCWS123``."""
        try:
            if link.type == "CorrectedAnswer":
                url = f"{self.apis.questions}/api/writtenquestions/questions/{link.id}"
                return [pq_reference(_text(_value(self.http.get_json(url), url), "uin"))]
            linked = self._statement_by_id(link)
            return [linked[0].uin] if linked else []
        except NotFoundError as error:
            self.report(f"could not follow the {link.type} link to {link.id}: {error}")
            return []

    def _statement_by_id(self, link: Link) -> tuple[WrittenStatement, Response] | None:
        """Find a linked statement: the API looks statements up by date and UIN, not id."""
        if link.day is None:
            self.report(f"the link to statement {link.id} has no date; not followed")
            return None
        url = f"{self.apis.questions}/api/writtenstatements/statements"
        day = link.day.isoformat()
        response = self.http.get(url, {"madeWhenFrom": day, "madeWhenTo": day,
                                       "expandMember": True, "take": 100})
        results, _ = _results(response.json(), url)
        for result in results:
            value = _value(result, url)
            if value.get("id") == link.id:
                return WrittenStatement.from_api(value, response.url), response
        self.report(f"statement {link.id} is not among the statements of {day}; not followed")
        return None

    def _linked_statement(self, link: Link, origin: WrittenStatement) -> list[Item]:
        found = self._statement_by_id(link)
        if found is None:
            return []
        listed, _ = found
        # The list may truncate text, as it does for answers: fetch the statement itself.
        url = (f"{self.apis.questions}/api/writtenstatements/statements/"
               f"{listed.made.isoformat()}/{listed.uin}")
        response = self.http.get(url, {"expandMember": True})
        linked = WrittenStatement.from_api(_value(response.json(), url), response.url)
        self.report(f"{origin.uin} is linked ({link.type}) to {linked.uin}")
        return [self._statement_item(linked, response, as_claim=False)]

    # Hansard

    def debate(self, ext_id: str) -> tuple[Debate, Response]:
        url = f"{self.apis.hansard}/debates/debate/{ext_id}.json"
        response = self.http.get(url)
        return Debate.from_api(response.json(), ext_id, response.url), response

    def debate_items(self, ext_id: str, *, member: int | None = None,
                     only: frozenset[str] | None = None) -> Iterator[Item]:
        """Contributions of one debate; ``only`` keeps those ids (compared case-insensitively)."""
        debate, response = self.debate(ext_id)
        provenance = _provenance(response, HANSARD_API)
        for contribution in contributions(debate.items):
            if member is not None and contribution.member_id != member:
                continue
            if only is not None and contribution.ext_id.lower() not in only:
                continue
            yield contribution_item(debate, contribution, provenance)

    def hansard(self, search: HansardSearch) -> Iterator[Item]:
        """Spoken contributions found by a search, read from their debates for column numbers."""
        # GUIDs arrive in either case: group by the lower-case form, fetch by the first seen.
        debates: dict[str, str] = {}
        wanted: dict[str, set[str]] = {}
        for result in self._contribution_results(search):
            debate_id = str(result.get("DebateSectionExtId") or "")
            if debate_id:
                debates.setdefault(debate_id.lower(), debate_id)
                wanted.setdefault(debate_id.lower(), set()).add(
                    str(result.get("ContributionExtId") or "").lower())
        for n, (key, debate_id) in enumerate(debates.items(), 1):
            self.report(f"debate {n} of {len(debates)}: {debate_id}")
            yield from self.debate_items(debate_id, only=frozenset(wanted[key]))

    def _contribution_results(self, search: HansardSearch) -> Iterator[dict[str, Any]]:
        url = f"{self.apis.hansard}/search/contributions/Spoken.json"
        skip = 0
        while True:
            payload = self.http.get_json(url, {**search.params(),
                                               "queryParameters.skip": skip,
                                               "queryParameters.take": self.page_size})
            if not isinstance(payload, dict) or not isinstance(payload.get("Results"), list):
                raise ResponseError("the search answer has no 'Results' list", url)
            results = payload["Results"]
            conform(payload, {"SpokenResultCount": int, "TotalResultCount": int}, url)
            total = payload.get("SpokenResultCount") or payload.get("TotalResultCount") or 0
            self.report(f"contributions {skip + 1}-{skip + len(results)} of {total}")
            yield from (r for r in results if isinstance(r, dict))
            skip += len(results)
            if not self._another_page("contributions", len(results), skip, total):
                return

    def _another_page(self, what: str, got: int, seen: int, total: int) -> bool:
        """Whether to ask for the next page: not after an empty one, the total, or the cap."""
        if seen >= MAX_RESULTS and total > seen:
            self.report(f"stopped at the first {seen} of {total} {what}; narrow the search "
                        "for the rest")
            return False
        return bool(got) and seen < total
