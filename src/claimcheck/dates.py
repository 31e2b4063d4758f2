"""Dates with explicit precision.

Sources say "July 2015", "Summer 2015" or "18 December 2015". A ``PartialDate`` keeps what the
source said: a year, a month or a day. It covers an interval of days, and comparisons between two
partial dates answer "before", "after", "same day" or "undecided" when the intervals overlap, so
that "2016" against 2016-07-25 is never guessed either way.

Day-first is the only order read for numeric dates (25/07/2016 is 25 July): this is a UK tool, and a
misread date is worse than a rejected one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from dataclasses import dataclass

from claimcheck.errors import DateError

# English month names, fixed: calendar.month_name follows the user's locale, and UK reports and
# sources are in English whatever the machine's settings.
MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")


class Precision(enum.IntEnum):
    YEAR = 1
    MONTH = 2
    DAY = 3


class Order(enum.Enum):
    """How one partial date stands to another."""

    BEFORE = "before"
    SAME = "same"          # the same single day
    AFTER = "after"
    UNDECIDED = "undecided"  # the intervals overlap: the precision does not tell


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise DateError(f"year {self.year} is out of range")
        if self.month is None and self.day is not None:
            raise DateError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateError(f"month {self.month} does not exist")
        if self.day is not None:
            last = calendar.monthrange(self.year, self.month or 1)[1]
            if not 1 <= self.day <= last:
                raise DateError(
                    f"{self.year:04d}-{self.month:02d}-{self.day:02d} does not exist "
                    f"({MONTH_NAMES[self.month or 1]} {self.year} has {last} days)")

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def start(self) -> dt.date:
        return dt.date.fromordinal(self._span[0])

    @property
    def end(self) -> dt.date:
        return dt.date.fromordinal(self._span[1])

    @property
    def _span(self) -> tuple[int, int]:
        """First and last day as ordinals, computed once: matching compares dates millions of
        times. Kept outside the fields, so equality, ordering and hashing are unchanged."""
        span = self.__dict__.get("_span_days")
        if span is None:
            first = dt.date(self.year, self.month or 1, self.day or 1).toordinal()
            if self.day is not None:
                last = first
            else:
                month = self.month or 12
                last = dt.date(self.year, month, calendar.monthrange(self.year, month)[1]).toordinal()
            span = (first, last)
            object.__setattr__(self, "_span_days", span)
        return span

    def compare(self, other: PartialDate) -> Order:
        (start, end), (other_start, other_end) = self._span, other._span
        if end < other_start:
            return Order.BEFORE
        if start > other_end:
            return Order.AFTER
        if self.day is not None and other.day is not None:
            return Order.SAME
        return Order.UNDECIDED

    def on_or_before(self, other: PartialDate) -> bool | None:
        """True if surely on or before ``other``, False if surely after, None if undecided."""
        order = self.compare(other)
        if order in (Order.BEFORE, Order.SAME):
            return True
        if order is Order.AFTER:
            return False
        # Overlapping intervals can still settle the question: "July 2016" is on or before any day
        # of 31 July 2016 onwards, because its last day is the other's first.
        if self._span[1] <= other._span[0]:
            return True
        return None

    def days_until(self, other: PartialDate) -> int:
        """Days from the start of this date to the start of ``other`` (negative when later)."""
        return other._span[0] - self._span[0]

    def isoformat(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def human(self) -> str:
        """UK style: 25 July 2016, July 2016, 2016."""
        if self.day is not None:
            return f"{self.day} {MONTH_NAMES[self.month or 1]} {self.year}"
        if self.month is not None:
            return f"{MONTH_NAMES[self.month]} {self.year}"
        return str(self.year)

    def __str__(self) -> str:
        return self.isoformat()

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        return cls(value.year, value.month, value.day)


_MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES) if name}
_MONTHS.update({name[:3].lower(): i for i, name in enumerate(MONTH_NAMES) if name})
_MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))

_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_NUMERIC_DMY = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_US_OR_ISO_SLASH = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")
_DAY_MONTH_YEAR = re.compile(
    rf"(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})", re.I)
_MONTH_DAY_YEAR = re.compile(rf"({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.I)
_MONTH_YEAR = re.compile(rf"({_MONTH_RE})\.?,?\s+(\d{{4}})", re.I)
_SEASON_YEAR = re.compile(r"(?:spring|summer|autumn|winter|early|late|mid)[- ]?\s*(\d{4})", re.I)
_YEAR = re.compile(r"(?:in\s+)?(\d{4})")
# A bare year in prose: not part of a reference ("2016-0032573"), a sum or a longer number.
_PROSE_YEAR = re.compile(r"(?<![\d£$,.\-/])(1[89]\d\d|20\d\d)(?!\d|,\d|-\d|/\d)")


_DATETIME = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
                       r"(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?", re.I)
_EXPECTED = "write YYYY-MM-DD, YYYY-MM or YYYY (or a UK form such as 25 July 2016)"
MAX_DATE_CHARS = 60
"""No date is longer: longer text is refused before any pattern is tried on it."""


def parse_date(value: object) -> PartialDate:
    """Read a front-matter date: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a UK day-first form.

    Numeric dates are read day first (25/07/2016) and never month first: ``07/25/2016`` is refused
    with a message that names the reading it did not make. An ISO date and time
    (``2016-07-25T10:00:00Z``) is read as its day. Raises ``DateError`` (and only that) with a
    message saying what was expected.
    """
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, dt.datetime):
        return PartialDate.from_date(value.date())
    if isinstance(value, dt.date):
        return PartialDate.from_date(value)
    if isinstance(value, bool) or value is None:
        raise DateError(f"expected a date like 2016-07-25, 2016-07 or 2016, got {value!r}")
    if isinstance(value, int):
        if not 1 <= value <= 9999:
            raise DateError(f"year {value} is out of range")
        return PartialDate(value)
    if not isinstance(value, str):
        raise DateError(f"expected a date like 2016-07-25, 2016-07 or 2016, got "
                        f"{shown(repr(value))}")
    text = " ".join(value.split())
    if len(text) > MAX_DATE_CHARS:
        raise DateError(f"{shown(text)} is not a date: {_EXPECTED}")
    match = _ISO.fullmatch(text) or _DATETIME.fullmatch(text)
    if match and match.re is _DATETIME:
        match = _ISO.fullmatch(match[1])
    if match:
        year, month, day = (int(g) if g else None for g in match.groups())
        return PartialDate(year, month, day)
    if _US_OR_ISO_SLASH.fullmatch(text):
        raise DateError(f"'{text}' is ambiguous: write it as YYYY-MM-DD")
    match = _NUMERIC_DMY.fullmatch(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        if month > 12:
            hint = ""
            if 1 <= day <= 12:
                try:
                    hint = f"; if you meant {PartialDate(year, day, month).human()}, write " \
                           f"{PartialDate(year, day, month).isoformat()}"
                except DateError:
                    hint = ""
            raise DateError(f"'{text}' is read day first (DD/MM/YYYY), never month first, and "
                            f"there is no month {month}{hint or '; write it as YYYY-MM-DD'}")
        return PartialDate(year, month, day)
    found = parse_text_date(text, whole=True)
    if found is not None:
        return found
    raise DateError(f"{shown(text)} is not a date: {_EXPECTED}")


def shown(text: str, limit: int = 40) -> str:
    """``text`` quoted for a one-line message: control characters dropped, cut at ``limit``."""
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    text = " ".join(text.split())
    return f"'{text[:limit]}…'" if len(text) > limit else f"'{text}'"


def parse_text_date(text: str, whole: bool = False) -> PartialDate | None:
    """Read a date written in prose ("19 June 2020", "June 19, 2020", "July 2015", "summer 2015").

    With ``whole`` the entire string must be the date; otherwise the first date found is returned.
    Returns None when there is no date; raises ``DateError`` for an impossible one.
    """
    text = text.strip()
    for pattern, build in (
        (_DAY_MONTH_YEAR, lambda m: PartialDate(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))),
        (_MONTH_DAY_YEAR, lambda m: PartialDate(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))),
        (_ISO, lambda m: PartialDate(int(m[1]), int(m[2]) if m[2] else None,
                                     int(m[3]) if m[3] else None)),
        (_MONTH_YEAR, lambda m: PartialDate(int(m[2]), _MONTHS[m[1].lower()])),
        (_SEASON_YEAR, lambda m: PartialDate(int(m[1]))),
        (_YEAR, lambda m: PartialDate(int(m[1]))),
    ):
        match = pattern.fullmatch(text) if whole else pattern.search(text)
        if match:
            return build(match)
    return None


_DAY_MONTH = re.compile(rf"\b(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+({_MONTH_RE})\b"
                        rf"(?!\.?,?\s+\d{{4}})", re.I)
# "on April 1", as US and some UK news copy writes it, with the year left to the document.
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}}|\d|[,.:]\d)",
                        re.I)
_RELATIVE_YEAR = re.compile(r"\b(?:earlier|later)\s+this\s+year\b|\bthis\s+year\b|"
                            r"\b(?:last|previous)\s+year\b", re.I)
# "September last year", "in March of this year", "last September": a month the anchor's year
# implies.
_MONTH_OF_RELATIVE_YEAR = re.compile(rf"\b({_MONTH_RE})\s+(?:of\s+)?(last|this|the\s+previous)"
                                     r"\s+year\b", re.I)
_LAST_MONTH_NAMED = re.compile(rf"\blast\s+({_MONTH_RE})\b(?!\s+\d)", re.I)
# "last week", "last month": the month a week or a month before a dated document.
_RELATIVE_WEEK_MONTH = re.compile(r"\b(?:last|the\s+previous)\s+(week|month)\b", re.I)
# "since the start of the year", "at the end of last year": a month the anchor implies.
_YEAR_EDGE = re.compile(r"\b(?:the\s+)?(start|beginning|end)\s+of\s+(the|this|last|the\s+previous)"
                        r"\s+year\b", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# "on Monday night", "last Tuesday", "yesterday", "last night": a day the document's own day
# implies, in reports and letters that say what was done or said days before. Not "next
# Monday", "every Monday" or "Monday 29 March" (the date itself is read), nor a weekday in a
# document dated only to its month.
_DAY_BEFORE = re.compile(r"\b(?:yesterday|last\s+night)(?:['’]s)?\b", re.I)
# "The House will vote on Monday": a weekday still to come is not a day before the text.
_FUTURE_BEFORE = re.compile(r"\b(?:will|shall|going\s+to|due\s+to|to\s+be|plans?\s+to|intends?\s+"
                            r"to|expects?\s+to|until|from)\b|['’]ll\b", re.I)
_WEEKDAY = re.compile(r"(?<!next\s)(?<!every\s)(?<!each\s)(?<!coming\s)\b(?:last\s+)?"
                      rf"({'|'.join(_WEEKDAYS)})(?:['’]s)?"
                      r"(?:\s+(?:night|morning|afternoon|evening))?\b"
                      rf"(?!,?\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\b|,?\s+(?:{_MONTH_RE})\b|s\b)",
                      re.I)


def find_dates(text: str, anchor: PartialDate | None = None) -> list[tuple[int, int, PartialDate]]:
    """Every date written in ``text`` as (start, end, date), most precise reading first, left to right.

    Impossible dates in prose ("30 February 2016") are skipped: prose is evidence, not input to
    validate, and a bad date there must not stop a check.

    With ``anchor`` (the date of the document the text comes from), dates that lean on it are
    read too: "on 17 May" (or "on May 17") is the last 17 May on or before the anchor,
    "earlier this year" the anchor's year, "last year" the year before, "September last year"
    and "last September" the September before, "the start of the year" the anchor's January and
    "the end of last year" the December before, and, in a document dated to the day, "last week"
    and "last month" the month a week or a month before, "yesterday" and "last night" the day
    before, and "on Monday" or "last Monday" the latest Monday before the anchor. Without an
    anchor they are not dates.
    """
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, PartialDate]] = []
    if anchor is not None:
        found += _anchored_dates(text, anchor, taken)
    for pattern, groups in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy"),
                            (_MONTH_YEAR, "my"), (_SEASON_YEAR, "y"),
                            (_PROSE_YEAR, "y")):
        for match in pattern.finditer(text):
            span = match.span()
            if _overlaps(span, taken):
                continue
            try:
                if groups == "dmy":
                    value = PartialDate(int(match[3]), _MONTHS[match[2].lower()], int(match[1]))
                elif groups == "mdy":
                    value = PartialDate(int(match[3]), _MONTHS[match[1].lower()], int(match[2]))
                elif groups == "my":
                    value = PartialDate(int(match[2]), _MONTHS[match[1].lower()])
                else:
                    value = PartialDate(int(match[1]))
            except DateError:
                continue
            taken.append(span)
            found.append((span[0], span[1], value))
    return sorted(found, key=lambda item: item[0])


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    """Is part of ``span`` already read as a date?"""
    return any(start < span[1] and span[0] < end for start, end in taken)


def _anchored_dates(text: str, anchor: PartialDate, taken: list[tuple[int, int]]):
    found = []
    # "on 17 May" and "on May 17": the day in the anchor's year, or the year before if it is
    # later in the year than the anchor ("on 17 May" in a letter of March: the May before).
    days = [(m, m[2], m[1]) for m in _DAY_MONTH.finditer(text)]
    days += [(m, m[1], m[2]) for m in _MONTH_DAY.finditer(text)
             if m[1][0].isupper()]   # not "may 5 people"
    for match, month_name, day_text in days:
        if _overlaps(match.span(), taken):
            continue
        month, day = _MONTHS[month_name.lower()], int(day_text)
        year = anchor.year
        if anchor.month is not None and (month, day) > (anchor.month, anchor.day or 31):
            year -= 1
        try:
            value = PartialDate(year, month, day)
        except DateError:
            continue
        taken.append(match.span())
        found.append((match.start(), match.end(), value))
    for match in _MONTH_OF_RELATIVE_YEAR.finditer(text):
        if match[1] == "may":
            continue   # "it may last year-round"
        year = anchor.year if match[2].lower() == "this" else anchor.year - 1
        taken.append(match.span())
        found.append((match.start(), match.end(), PartialDate(year, _MONTHS[match[1].lower()])))
    for match in _LAST_MONTH_NAMED.finditer(text):
        if anchor.month is None or match[1] == "may" or _overlaps(match.span(), taken):
            continue
        month = _MONTHS[match[1].lower()]
        # The latest such month before the document's: "last September" in June 2018 is 2017's.
        year = anchor.year if month < anchor.month else anchor.year - 1
        taken.append(match.span())
        found.append((match.start(), match.end(), PartialDate(year, month)))
    for match in _YEAR_EDGE.finditer(text):
        year = anchor.year - 1 if match[2].lower() in ("last", "the previous") else anchor.year
        month = 12 if match[1].lower() == "end" else 1
        taken.append(match.span())
        found.append((match.start(), match.end(), PartialDate(year, month)))
    for match in _RELATIVE_YEAR.finditer(text):
        if _overlaps(match.span(), taken):
            continue   # part of "the start of this year", read above
        year = anchor.year - 1 if match[0].lower().startswith(("last", "previous")) else anchor.year
        taken.append(match.span())
        found.append((match.start(), match.end(), PartialDate(year)))
    if anchor.day is not None:
        for match in _RELATIVE_WEEK_MONTH.finditer(text):
            if _overlaps(match.span(), taken):
                continue
            day = anchor.start - dt.timedelta(days=7) if match[1].lower() == "week" else \
                anchor.start.replace(day=1) - dt.timedelta(days=1)
            taken.append(match.span())
            # Known only to the month: "last week" names no day.
            found.append((match.start(), match.end(), PartialDate(day.year, day.month)))
        found += _days_before(text, anchor.start, taken)
    return found


def _days_before(text: str, today: dt.date, taken: list[tuple[int, int]]):
    """ "yesterday", "last night" and weekdays, in a text written on ``today``: the latest such
    day before it (a report of Thursday's "on Monday night" means three days before)."""
    found = []
    for match in _DAY_BEFORE.finditer(text):
        if not _overlaps(match.span(), taken):
            day = today - dt.timedelta(days=1)
            taken.append(match.span())
            found.append((match.start(), match.end(), PartialDate(day.year, day.month, day.day)))
    for match in _WEEKDAY.finditer(text):
        if _overlaps(match.span(), taken) or _FUTURE_BEFORE.search(
                text[max(0, match.start() - 60):match.start()].split(".")[-1]):
            continue
        back = (today.weekday() - _WEEKDAYS.index(match[1].lower())) % 7 or 7
        day = today - dt.timedelta(days=back)
        taken.append(match.span())
        found.append((match.start(), match.end(), PartialDate(day.year, day.month, day.day)))
    return found
