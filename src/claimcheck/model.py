"""The domain records that flow through the pipeline: load -> extract -> match -> judge -> report.

All are small frozen dataclasses. Validation of outside input happens once, in ``corpus``; records
built here are trusted afterwards.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.dates import PartialDate

VENUES = ("written-answer", "oral", "written-statement", "committee", "press", "correspondence",
          "meeting", "foi-response")
EVIDENCE_KINDS = ("agreement", "foi-response", "letter", "memo", "email", "minutes", "report",
                  "correction", "statement", "testimony", "guidance", "news", "statistics",
                  "enforcement", "audit")
HOUSES = ("commons", "lords")


class Polarity(enum.StrEnum):
    AFFIRMED = "affirmed"
    DENIED = "denied"


class Modality(enum.StrEnum):
    """How a clause commits to its content."""

    FACT = "fact"                # "the information is kept within the Department"
    PLAN = "plan"                # "there are no plans to share"
    FUTURE = "future"            # "these data will not be passed"
    ABILITY = "ability"          # "parents can retract", "could only be obtained"
    POSSIBILITY = "possibility"  # "may facilitate", "might"
    CONDITIONAL = "conditional"  # "would have raised these"


class Verdict(enum.StrEnum):
    CONTRADICTED = "contradicted"
    CORRECTED = "corrected"
    OVERTAKEN = "overtaken"
    SUPPORTED = "supported"
    UNVERIFIED = "unverified"


# The order in which a statement's verdict is taken from its claims' verdicts: the most serious.
VERDICT_SEVERITY = (Verdict.CONTRADICTED, Verdict.CORRECTED, Verdict.OVERTAKEN, Verdict.SUPPORTED,
                    Verdict.UNVERIFIED)


@dataclass(frozen=True)
class Statement:
    """Something said or written on the record: the thing being checked."""

    id: str
    date: PartialDate
    speaker: str
    venue: str
    text: str
    path: Path | None = None
    role: str | None = None
    department: str | None = None
    house: str | None = None
    reference: str | None = None
    url: str | None = None
    question: str | None = None
    licence: str | None = None
    content_hash: str = ""
    title: str | None = None      # the debate, hearing or programme ("Pienaar's Politics")
    # The body is the filer's account (a report of what was said), not the speaker's words: only
    # its fragments in quotation marks are theirs. ``reported_by`` is who reported them.
    summary: bool = False
    reported_by: str | None = None


@dataclass(frozen=True)
class Evidence:
    """A document that records facts, with its three times: fact, making and disclosure."""

    id: str
    title: str
    kind: str
    date: PartialDate
    text: str
    path: Path | None = None
    effective_from: PartialDate | None = None
    effective_to: PartialDate | None = None
    disclosed: PartialDate | None = None
    reference: str | None = None
    url: str | None = None
    version: str | None = None
    supersedes: tuple[str, ...] = ()
    corrects: tuple[str, ...] = ()
    licence: str | None = None
    content_hash: str = ""
    # The body is the filer's summary of the document: only its quoted fragments are its words.
    summary: bool = False

    @property
    def disclosed_on(self) -> PartialDate:
        return self.disclosed or self.date


@dataclass(frozen=True)
class Problem:
    """An input that could not be used, and why. Reported, never silently dropped."""

    path: Path
    message: str
    field: str | None = None
    skipped: bool = True   # False: the file was used, with this part ignored or cut

    def __str__(self) -> str:
        where = f"{self.path}" + (f", field '{self.field}'" if self.field else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Quantity:
    value: float
    text: str
    unit: str | None = None


@dataclass(frozen=True)
class Proposition:
    """One predication in a sentence: who does what to what, for whom, affirmed or denied.

    Concept sets hold lexicon keys (``home_office``) where the lexicon knows the term, otherwise the
    lemma of the head word, so matching works on subjects the lexicon has never heard of.
    """

    action: str
    action_text: str
    polarity: Polarity
    modality: Modality
    agents: frozenset[str] = frozenset()
    things: frozenset[str] = frozenset()
    recipients: frozenset[str] = frozenset()
    entities: frozenset[str] = frozenset()
    arguments: tuple[tuple[str, str], ...] = ()   # (role, text) as written: ("object", "the data")
    # What the clause is about beyond the lexicon: other actions it names ("@enforce" in "targets
    # for removals") and nouns the lexicon does not know ("~hs2"). They let subjects the lexicon
    # has never heard of be matched, at a lower score.
    topics: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Analysis:
    """What extraction read in one sentence of a statement or evidence document."""

    text: str
    start: int
    end: int
    propositions: tuple[Proposition, ...]
    quantities: tuple[Quantity, ...] = ()
    dates: tuple[PartialDate, ...] = ()
    resolved: tuple[tuple[str, str], ...] = ()   # ("the data", "country of birth data")
    keywords: tuple[str, ...] = ()               # normalised content words, for fuzzy scoring
    references: tuple[str, ...] = ()             # normalised citations named: ("48635",)
    event_date: PartialDate | None = None         # the date the sentence gives its main event
    # What the sentence says there is none of, as lemmas with their modifiers first: "No formal
    # complaint was made" -> ("formal complaint",); "awarded without competition" -> ("competition",)
    absent: tuple[str, ...] = ()

    @property
    def main(self) -> Proposition | None:
        return self.propositions[0] if self.propositions else None


@dataclass(frozen=True)
class Claim:
    """A check-worthy sentence of a statement."""

    id: str
    statement_id: str
    analysis: Analysis

    @property
    def text(self) -> str:
        return self.analysis.text


@dataclass(frozen=True)
class Fact:
    """A sentence of an evidence document, placed in time."""

    id: str
    evidence_id: str
    analysis: Analysis
    arose: PartialDate            # when the fact began to hold
    arose_from: str               # "text", "effective_from" or "date": where ``arose`` came from
    holds_until: PartialDate | None = None
    implicit: bool = False        # made from the document's metadata, not a sentence


@dataclass(frozen=True)
class Citation:
    """One piece of evidence a finding rests on, with every date a reader needs."""

    evidence_id: str
    title: str
    kind: str
    relation: str                 # contradicts, supports, corrects, overtakes, undecided, lead
    quote: str
    fact_date: PartialDate
    document_date: PartialDate
    disclosed: PartialDate
    reference: str | None = None
    url: str | None = None
    public_at_statement: bool | None = None
    days_fact_before_statement: int | None = None
    days_statement_to_disclosure: int | None = None
    note: str | None = None
    # Where ``fact_date`` came from, as ``Fact.arose_from`` records it ("text", "effective_from",
    # "date"); None when the judge did not say (the reports then work it out from the document).
    fact_date_from: str | None = None


@dataclass(frozen=True)
class Finding:
    """The judgement on one claim."""

    id: str
    statement: Statement
    claim: Claim
    verdict: Verdict
    confidence: float
    rationale: str
    evidence: tuple[Citation, ...] = ()
    publicly_known: bool | None = None
    notes: tuple[str, ...] = ()
    signals: tuple[str, ...] = ()   # the named reasoning signals that decided the verdict


@dataclass(frozen=True)
class Corpus:
    statements: tuple[Statement, ...]
    evidence: tuple[Evidence, ...]
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class CheckResult:
    corpus: Corpus
    findings: tuple[Finding, ...]
    problems: tuple[Problem, ...] = field(default=())
