"""Judge each claim against the facts matched to it.

The rules, in the order they decide:

1. A later correction on the record naming the statement's reference makes the matching claims
   ``corrected``.
2. A conflicting fact that held on or before the statement date makes the claim ``contradicted``.
   A document that creates the fact by being signed (an agreement, guidance) counts only once it
   was signed: a version signed after the statement but backdated over it is reported, not used.
3. A conflict whose timing the dates cannot settle ("2016" against 25 July 2016) leaves the claim
   ``unverified``, and the finding says so.
4. A conflict that only arises from later facts makes the claim ``overtaken``, never contradicted.
5. An agreeing fact that held at the time (or, for a promise, that came later) makes it
   ``supported``; otherwise it is ``unverified``.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import fuzz

from claimcheck.dates import MONTH_NAMES, Order, PartialDate, find_dates
from claimcheck.judge.calibration import Calibration, load_calibration
from claimcheck.lexicon import Lexicon
from claimcheck.match.matcher import Match
from claimcheck.match.signals import (
    CORRECTION_LANGUAGE,
    FILED_CORRECTION_SHARE,
    REFUTATION,
    CorrectionLink,
    corrects_statement,
    distinctive_figures,
    document_ties,
    document_words,
    found_in,
    names_speaker,
    office_names,
    stem,
    surname,
    text_stems,
    tie_words,
)
from claimcheck.model import (
    Citation,
    Claim,
    Evidence,
    Fact,
    Finding,
    Modality,
    Polarity,
    Proposition,
    Statement,
    Verdict,
)
from claimcheck.prose import plain_sentences
from claimcheck.references import normalise_reference

# How many leads an unsettled claim shows: the closest records that held when it was made.
SHOWN_LEADS = 3
# Documents whose facts come into being when they are signed, whatever date they take effect.
PERFORMATIVE_KINDS = ("agreement", "guidance")
CORRECTING = re.compile(r"\b(?:correct(?:ion|ed|s|ing)?|incorrect|erratum|inaccura\w*)\b", re.I)
FIGURES = re.compile(r"\b(?:figures?|numbers?|volume|totals?|statistics|counts?)\b", re.I)
VERSION = re.compile(r"\b(?:v(?:ersion)?\.?\s*\d+(?:\.\d+)*|\d+\.\d+)\b", re.I)


@dataclass(frozen=True)
class Timing:
    """Where a fact stands against a statement date."""

    status: str           # "before", "after", "undecided" or "ended"
    note: str | None = None


@dataclass(frozen=True)
class TiedDocument:
    """A later correcting document that something ties to a statement, read once for all of
    the statement's claims."""

    item: Evidence
    windows: list[tuple[str, str]]
    day_named: Callable[[str], bool]
    ties: tuple[list[str], bool]      # what ``document_ties`` found
    other_occasion_named: Callable[[str], bool]


@dataclass
class ReadLog:
    """What judging one statement read beyond the fields of the documents it looked up: the
    documents it read whole (corrections found by reference, documents tied to the statement
    or quoting its words) and, for each document whose timing it read, the ids of its later
    versions. The incremental check (``claimcheck.pipeline.reads``) keeps it with the findings,
    so that an evidence edit judges again only the statements it can reach."""

    documents: set[str] = field(default_factory=set)
    versions: dict[str, list[str]] = field(default_factory=dict)


class Judge:
    """Holds what judging needs about the whole evidence set: corrections and version chains.

    ``documents``, if given, is the mapping by id through which matched documents are looked up
    (the incremental check passes one that notes which fields are read); by default, a dict of
    ``evidence``. ``calibration`` gives each verdict its confidence (by default, the first looks
    shipped in ``data/calibration.toml``)."""

    def __init__(self, evidence: Sequence[Evidence], lexicon: Lexicon,
                 documents: Mapping[str, Evidence] | None = None,
                 calibration: Calibration | None = None) -> None:
        self.evidence = documents if documents is not None else {e.id: e for e in evidence}
        self.calibration = calibration or load_calibration()
        self._log: ReadLog | None = None
        self.lexicon = lexicon
        self.successors = supersession(evidence)
        # The documents whose words could correct a statement, found once for every statement.
        self._correcting = [e for e in evidence
                            if e.kind == "correction" or CORRECTION_LANGUAGE.search(e.text)]
        self._windows_of: dict[str, list[tuple[str, str]]] = {}
        self._tie_index: dict[str, tuple[frozenset[str], frozenset[PartialDate]]] = {}
        self._runs_of: dict[str, frozenset[tuple[str, ...]]] = {}
        self._by_reference: dict[str, list[Evidence]] = defaultdict(list)
        for item in evidence:
            refs = normalise_reference(" ".join((item.title, item.text, item.reference or "",
                                                 *item.corrects)))
            refs += tuple(_bare(r) for r in item.corrects)
            for ref in set(refs):
                self._by_reference[ref].append(item)

    def judge(self, statement: Statement, claims: Sequence[Claim],
              matches: dict[str, list[Match]], log: ReadLog | None = None) -> list[Finding]:
        """The findings on the statement's claims, given each claim's ``matches``. ``log``, if
        given, is told what the judging read (``ReadLog``)."""
        self._log = log
        try:
            return self._judge(statement, claims, matches)
        finally:
            self._log = None

    def _noted(self, documents: Iterable[Evidence]) -> None:
        """Note documents read whole in the log, if there is one."""
        if self._log is not None:
            self._log.documents.update(e.id for e in documents)

    def _judge(self, statement: Statement, claims: Sequence[Claim],
               matches: dict[str, list[Match]]) -> list[Finding]:
        corrections = self.corrections_for(statement)
        self._noted(corrections)
        corrected_claims = _claims_addressed(claims, corrections)
        tied: list[TiedDocument] | None = None
        findings = []
        for claim in claims:
            usable = [m for m in matches.get(claim.id, []) if not self._same_document(statement, m)]
            own = corrections if claim.id in corrected_claims else []
            links: list[CorrectionLink] = []
            possible: list[tuple[Evidence, str]] = []
            if not own:
                if tied is None:
                    tied = self._tied_to(statement)   # once for all the statement's claims
                    self._noted(doc.item for doc in tied)
                quoting = self._quoting(statement, claim, tied)
                self._noted(doc.item for doc in quoting)
                links = self.corrections_by_words(statement, claim, [*tied, *quoting])
                own = [self.evidence[link.evidence_id] for link in links if link.by_speaker]
                if not links:
                    possible = self.possible_corrections(claim, tied)
            findings.append(self._judge_claim(statement, claim, usable, own, links, possible))
        return unique_ids(findings)

    def possible_corrections(self, claim: Claim,
                             tied: list[TiedDocument]) -> list[tuple[Evidence, str]]:
        """Later documents tied to the statement (by its speaker, post, occasion or day) that
        say something was wrong and share a quarter of the claim's words, without what
        ``corrects_statement`` needs to link them: leads to check, with the sentence that says
        so. One that names another occasion's day is about that occasion."""
        words = _claim_words(claim)
        found = []
        for doc in tied:
            if len(words) < 2 or _word_share(words, doc.item.text) < FILED_CORRECTION_SHARE:
                continue
            said = next((sentence for sentence, window in doc.windows
                         if CORRECTION_LANGUAGE.search(sentence)
                         and not doc.other_occasion_named(window)), None)
            if said is not None and not restated_as_correct(doc.item.text, claim.analysis.text):
                found.append((doc.item, said))
        return found[:SHOWN_LEADS]

    def corrections_by_words(self, statement: Statement, claim: Claim,
                             tied: list[TiedDocument]) -> list[CorrectionLink]:
        """Later documents that correct this claim without naming a reference: correction
        language tied to the statement by its day or its speaker, and by the claim's words.
        ``tied`` is what ``_tied_to`` found for the statement, with the documents that quote
        the claim (``_quoting``)."""
        words = _claim_words(claim)
        if len(words) < 2:
            return []
        links = []
        grams = quoted_runs(claim.analysis.text)
        claimed = distinctive_figures(claim.analysis.text)
        for doc in tied:
            link = corrects_statement(
                statement, doc.item, doc.windows,
                word_share=lambda text: _word_share(words, text),
                statement_day_named=doc.day_named, ties=doc.ties,
                other_occasion_named=doc.other_occasion_named,
                quotes_claim=lambda text: bool(grams & quoted_runs(text)),
                figures_of_claim=claimed,
                told_that_day=lambda text, anchor=doc.item.date: _told_on(text, anchor,
                                                                          statement.date))
            if link is not None and not restated_as_correct(doc.item.text, claim.analysis.text) \
                    and not maintained_beside(doc.windows, link.sentence, words):
                links.append(link)
        return links

    def _tied_to(self, statement: Statement) -> list[TiedDocument]:
        """The later correcting documents that something ties to the statement (its speaker,
        post, occasion or day), with their sentence windows: worked out once per statement,
        not once per claim, since a document tied by nothing corrects none of its claims."""
        found = []
        wanted = tie_words(statement, self._offices(statement))
        for item in self.later_correcting(statement):
            if not self._could_tie(statement, wanted, item):
                continue
            doc = self._read_for(statement, item)
            if doc.ties[0] or doc.ties[1] or any(doc.day_named(w) for _, w in doc.windows):
                found.append(doc)
        return found

    def _could_tie(self, statement: Statement, wanted: frozenset[str], item: Evidence) -> bool:
        """Can anything tie ``item`` to the statement? Only if it holds one of the words a tie
        needs (``tie_words``) or names the statement's day: most correcting documents do
        neither, and are passed over without being read for the statement. The words and
        days of each document are worked out once."""
        known = self._tie_index.get(item.id)
        if known is None:
            windows = self._sentence_windows(item)
            days = frozenset().union(_days_named(item.title, item.date),
                                     *(_days_named(w, item.date) for _, w in windows))
            known = self._tie_index[item.id] = (
                document_words(f"{item.title}\n{item.text}"), days)
        words, days = known
        return (statement.date.day is not None and statement.date in days) \
            or not wanted.isdisjoint(words)

    def _sentence_windows(self, item: Evidence) -> list[tuple[str, str]]:
        """``_windows`` of ``item``'s text, worked out once per document."""
        windows = self._windows_of.get(item.id)
        if windows is None:
            windows = self._windows_of[item.id] = _windows(item.text)
        return windows

    def _read_for(self, statement: Statement, item: Evidence) -> TiedDocument:
        """``item`` as a correction of ``statement`` would be read: its windows, what ties it."""
        def day_named(text: str) -> bool:
            return _names_day(text, item.date, statement.date) or speakers_day_named(text,
                                                                                     statement)

        def other_occasion(text: str) -> bool:
            # Neither the statement's day (a day either way, for when an answer is dated by its
            # tabling) nor the document's own ("Letter of 5 June").
            return any(abs(day.days_until(statement.date)) > 1
                       and item.date.days_until(day) < -1
                       for day in _occasion_days(text, item.date))
        return TiedDocument(item, self._sentence_windows(item), day_named,
                            document_ties(statement, item, day_named, self._offices(statement)),
                            other_occasion)

    def _offices(self, statement: Statement) -> tuple[str, ...]:
        """The names of the office that speaks, for a department's or spokesperson's words."""
        return office_names(statement, self.lexicon.names_of)

    def _quoting(self, statement: Statement, claim: Claim,
                 tied: list[TiedDocument]) -> list[TiedDocument]:
        """Later correcting documents tied by nothing else that quote the claim word for word:
        a written statement correcting "assessed that there has not been a breach" by another
        minister, of a statement dated only to its month, is tied to it by the words it
        quotes."""
        grams = quoted_runs(claim.analysis.text)
        if not grams:
            return []
        tied_ids = {doc.item.id for doc in tied}
        found = []
        for item in self.later_correcting(statement):
            if item.id not in tied_ids and grams & self._quoted_runs(item):
                found.append(self._read_for(statement, item))
        return found

    def _quoted_runs(self, item: Evidence) -> frozenset[tuple[str, ...]]:
        runs = self._runs_of.get(item.id)
        if runs is None:
            runs = self._runs_of[item.id] = quoted_runs(item.text)
        return runs

    def later_correcting(self, statement: Statement) -> list[Evidence]:
        """The documents in correction language not dated before the statement: all that could
        correct it without naming its reference."""
        # A correction dated only to the month of the statement ("Ministerial Corrections, July
        # 2022") may well come after it: the precision does not rule it out.
        return [e for e in self._correcting
                if e.date.compare(statement.date) in (Order.AFTER, Order.SAME, Order.UNDECIDED)
                and not own_record(statement, e)]

    # ------------------------------------------------------------------ corrections

    def corrections_for(self, statement: Statement) -> list[Evidence]:
        """Later documents that correct this statement, found through its reference."""
        refs = normalise_reference(statement.reference or "")
        if not refs and statement.reference:
            refs = (_bare(statement.reference),)
        found = []
        for ref in refs:
            for item in self._by_reference.get(ref, ()):
                if item in found:
                    continue
                names_it = ref in {_bare(r) for r in item.corrects}
                if not (item.kind == "correction" or names_it or CORRECTING.search(item.text)):
                    continue
                if not names_it and own_record(statement, item):
                    continue
                order = item.date.compare(statement.date)
                later = order in (Order.AFTER, Order.SAME) or (
                    order is Order.UNDECIDED and item.date.on_or_before(statement.date) is None)
                # The same day counts only for a document that is plainly a correction of it.
                if later and (order is not Order.SAME or names_it or item.kind == "correction"):
                    found.append(item)
        return sorted(found, key=lambda e: e.date.start)

    def _same_document(self, statement: Statement, match: Match) -> bool:
        """A document cannot corroborate itself: the answer recorded as evidence too, or a
        report of the statement's own words."""
        item = self.evidence[match.fact.evidence_id]
        if item.kind == "correction":
            return False
        if reports_the_statement(statement, match.claim.analysis.text, item,
                                 match.fact.analysis.text):
            return True
        return _same_reference(statement, item) \
            and item.date.compare(statement.date).value in ("same", "undecided")

    # ------------------------------------------------------------------ timing

    def _timing_of(self, match: Match, statement_date: PartialDate) -> Timing:
        if match.about_statement:
            # A verdict on the claim's own words ("that figure was not correct") is about the
            # claim as it was made, whenever it was written.
            item = self.evidence[match.fact.evidence_id]
            return Timing("before", f"{item.title} ({item.date.human()}) says the claim was not "
                                    "true when it was made")
        return self.timing(match.fact, statement_date)

    def timing(self, fact: Fact, statement_date: PartialDate) -> Timing:
        item = self.evidence[fact.evidence_id]
        notes = []
        if item.kind in PERFORMATIVE_KINDS and fact.arose_from != "text":
            signed = item.date.on_or_before(statement_date)
            if signed is False:
                note = f"signed on {item.date.human()}, after the statement"
                if item.effective_from and item.effective_from.on_or_before(statement_date):
                    note += f", but backdated to take effect from {item.effective_from.human()}"
                return Timing("after", note)
            if signed is None:
                return Timing("undecided", f"signed in {item.date.human()}: the date cannot "
                                           f"tell whether before or after {statement_date.human()}")
        arose = fact.arose.on_or_before(statement_date)
        if arose is False:
            return Timing("after")
        if arose is None:
            return Timing("undecided", f"dated {fact.arose.human()}: the date cannot tell whether "
                                       f"this was before or after {statement_date.human()}")
        if fact.holds_until is not None and fact.holds_until.end < statement_date.start:
            return Timing("ended", f"no longer held after {fact.holds_until.human()}")
        successors = self.successors.get(item.id, ())
        if self._log is not None:
            self._log.versions[item.id] = [e.id for e in successors]
            self._noted(successors)
        for successor in successors:
            signed = successor.date.on_or_before(statement_date)
            start = successor.effective_from or successor.date
            if signed and start.on_or_before(statement_date):
                return Timing("ended", f"replaced by {successor.title} from {start.human()}")
            if signed is False and start.on_or_before(statement_date):
                notes.append(f"{successor.title} was signed on {successor.date.human()}, after the "
                             f"statement, and backdated to take effect from {start.human()}")
        return Timing("before", "; ".join(notes) or None)

    # ------------------------------------------------------------------ verdicts

    def _judge_claim(self, statement: Statement, claim: Claim, matches: list[Match],
                     corrections: list[Evidence],
                     links: Sequence[CorrectionLink] = (),
                     possible: Sequence[tuple[Evidence, str]] = ()) -> Finding:
        date = statement.date
        leads = [m for m in matches if m.lead]
        matches = [m for m in matches if not m.lead]
        timed = [(m, self._timing_of(m, date)) for m in matches]
        conflicts = {status: [(m, t) for m, t in timed if m.conflicts and t.status == status]
                     for status in ("before", "undecided", "after")}
        agreements = [(m, t) for m, t in timed if not m.conflicts
                      and (t.status == "before" or (t.status == "after" and _is_promise(m)))]
        notes: list[str] = []
        citations: list[Citation] = []

        decided: list[Match] = []
        best_before = _best(conflicts["before"])
        best_undecided = _best(conflicts["undecided"])
        outweighed = bool(best_before) and support_outweighs(
            best_before[0][0], _best(agreements)[0][0] if agreements else None)
        if corrections:
            verdict = Verdict.CORRECTED
            quotes = {link.evidence_id: link.sentence for link in links}
            citations += [self._correction_citation(statement, c, quotes.get(c.id))
                          for c in corrections]
            citations += [self._citation(statement, m, t, "contradicts") for m, t in best_before]
            rationale = self._corrected_rationale(statement, claim, corrections, quotes)
        elif best_before and not outweighed:
            verdict = Verdict.CONTRADICTED
            best = best_before
            decided = [m for m, _ in best]
            citations += [self._citation(statement, m, t, "contradicts") for m, t in best]
            rationale = self._conflict_rationale(statement, best[0][0], best[0][1], "contradicted")
            notes += [t.note for _, t in best if t.note]
        elif conflicts["after"]:
            # A later conflict is certain; one the dates cannot place may or may not have come
            # first, so it is reported beside the verdict, never made the verdict.
            verdict = Verdict.OVERTAKEN
            best = _best(conflicts["after"])
            decided = [m for m, _ in best]
            citations += [self._citation(statement, m, t, "overtakes") for m, t in best]
            citations += [self._citation(statement, m, t, "undecided") for m, t in best_undecided]
            rationale = self._conflict_rationale(statement, best[0][0], best[0][1], "overtaken")
            notes += [t.note for _, t in best + best_undecided if t.note]
        elif best_undecided:
            verdict = Verdict.UNVERIFIED
            best = best_undecided
            decided = [m for m, _ in best]
            citations += [self._citation(statement, m, t, "undecided") for m, t in best]
            m, t = best[0]
            rationale = (f"{self._describe(m)}; but {self._title(m)} is {t.note}, so the dates "
                         "cannot show that it was contradicted when it was said.")
            notes += [t.note for _, t in best if t.note]
        elif agreements:
            verdict = Verdict.SUPPORTED
            best = _best(agreements)
            decided = [m for m, _ in best]
            citations += [self._citation(statement, m, t, "supports") for m, t in best]
            m, t = best[0]
            rationale = (f"{self._describe(m)}; {self._title(m)} ({self._dates(m)}) agrees: "
                         f"\u201c{clip_quote(m.fact.analysis.text)}\u201d")
        else:
            verdict = Verdict.UNVERIFIED
            rationale = ("No evidence in the corpus speaks to this claim."
                         if not matches else
                         "The evidence that mentions the same subject neither confirms nor "
                         "contradicts this claim at the time it was made.")
            earlier = [(m, t) for m in leads
                       if (t := self._timing_of(m, date)).status == "before"][:SHOWN_LEADS]
            if earlier or possible:
                citations += [self._citation(statement, m, t, "lead") for m, t in earlier]
                citations += [replace(self._correction_citation(statement, item, sentence),
                                      relation="lead") for item, sentence in possible]
                told = []
                if earlier:
                    told.append(f"the {len(earlier)} closest records that held when it was made"
                                if len(earlier) > 1 else
                                "the closest record that held when it was made")
                if possible:
                    told.append("a later document tied to the statement that says something "
                                "was wrong" if len(possible) == 1 else
                                f"{len(possible)} later documents tied to the statement that "
                                "say something was wrong")
                rationale = (f"Nothing in the corpus settles this claim. Listed as leads to "
                             f"check, not as findings: {' and '.join(told)}.")
        if outweighed and not corrections:
            weak, _ = best_before[0]
            notes.append(f"{self._title(weak)} reads as conflicting (\u201c{clip_quote(weak.fact.analysis.text, 160)}"
                         "\u201d), but the evidence that agrees is much closer to the claim's words: "
                         "check both.")
        for _, t in timed:
            if t.note and "backdated" in t.note and t.note not in notes:
                notes.append(t.note)
        public = _publicly_known(citations, date) if verdict in (
            Verdict.CONTRADICTED, Verdict.CORRECTED) else None
        return Finding(
            id=finding_id(statement, claim),
            statement=statement,
            claim=claim,
            verdict=verdict,
            confidence=self.calibration.confidence(verdict),
            rationale=rationale,
            evidence=tuple(citations),
            publicly_known=public,
            notes=tuple(dict.fromkeys(notes)),
            signals=_signals(verdict, corrections, links, decided),
        )

    # ------------------------------------------------------------------ wording

    def _title(self, match: Match) -> str:
        return self.evidence[match.fact.evidence_id].title

    def _dates(self, match: Match) -> str:
        item = self.evidence[match.fact.evidence_id]
        parts = []
        if match.fact.arose_from == "text":
            parts.append(f"describing events of {match.fact.arose.human()}")
        elif item.effective_from is not None:
            parts.append(f"in force from {item.effective_from.human()}")
        verb = "signed" if item.kind in PERFORMATIVE_KINDS else "dated"
        parts.append(f"{verb} {item.date.human()}")
        if item.disclosed_on != item.date:
            parts.append(f"made public {item.disclosed_on.human()}")
        return ", ".join(parts)

    def _describe(self, match: Match) -> str:
        """What the claim asserts, in plain words: "The statement denies any plan for ..."."""
        prop = match.claim_proposition
        if prop.action not in self.lexicon.concepts \
                or not any(not self.lexicon.is_generic(t) for t in prop.things):
            # Nothing the lexicon can name ("says it is shared" says nothing), or an action it
            # cannot word ("says money is consider"): quote the claim.
            words = clip_quote(match.claim.analysis.text, 300).rstrip(".;:")
            return f"The statement says \u201c{words}\u201d"
        return "The statement " + describe(prop, self.lexicon)

    def _conflict_rationale(self, statement: Statement, match: Match, timing: Timing,
                            outcome: str) -> str:
        fact_polarity = "records the opposite" if match.fact_proposition.polarity is Polarity.AFFIRMED \
            else "records that it did not happen"
        if match.fact.implicit:
            # The document's own existence is the fact: its title is not words it records.
            kind = self.evidence[match.fact.evidence_id].kind
            text = (f"{self._describe(match)}. {self._title(match)} ({self._dates(match)}) is "
                    f"itself {'an' if kind[:1] in 'aeiou' else 'a'} {kind} in force.")
        else:
            text = (f"{self._describe(match)}. {self._title(match)} ({self._dates(match)}) "
                    f"{fact_polarity}: \u201c{clip_quote(match.fact.analysis.text)}\u201d")
        if outcome == "contradicted":
            # A verdict on the claim as made has no time of its own: its note says so.
            if not match.about_statement:
                days = match.fact.arose.days_until(statement.date)
                text += (f" That fact held from {match.fact.arose.human()}, {days} days before "
                         f"the statement of {statement.date.human()}.")
        else:
            text += (f" It arose on {match.fact.arose.human()}, after the statement of "
                     f"{statement.date.human()}: the claim was overtaken by later events, "
                     "not contradicted when made.")
        if timing.note:
            text += f" Note: {timing.note}."
        return text

    def _corrected_rationale(self, statement: Statement, claim: Claim,
                             corrections: list[Evidence], quotes: dict[str, str]) -> str:
        first = corrections[0]
        ref = statement.reference or statement.id
        quote = quotes.get(first.id) or _sentence_naming(first, ref)
        return (f"{first.title} ({first.date.human()}) corrects the record of {ref} of "
                f"{statement.date.human()}: \u201c{clip_quote(quote)}\u201d")

    def _citation(self, statement: Statement, match: Match, timing: Timing,
                  relation: str) -> Citation:
        item = self.evidence[match.fact.evidence_id]
        return Citation(
            evidence_id=item.id,
            title=item.title,
            kind=item.kind,
            relation=relation,
            quote=match.fact.analysis.text,
            fact_date=statement.date if match.about_statement else match.fact.arose,
            document_date=item.date,
            disclosed=item.disclosed_on,
            reference=item.reference,
            url=item.url,
            public_at_statement=item.disclosed_on.on_or_before(statement.date),
            days_fact_before_statement=(0 if match.about_statement
                                        else match.fact.arose.days_until(statement.date)),
            days_statement_to_disclosure=statement.date.days_until(item.disclosed_on),
            note=timing.note,
            # A verdict on the claim's own words is dated by the statement, which no source
            # names: the reports then say how they read it.
            fact_date_from=None if match.about_statement else match.fact.arose_from,
        )

    def _correction_citation(self, statement: Statement, item: Evidence,
                             quote: str | None = None) -> Citation:
        return Citation(
            evidence_id=item.id,
            title=item.title,
            kind=item.kind,
            relation="corrects",
            quote=quote or _sentence_naming(item, statement.reference or ""),
            fact_date=item.date,
            document_date=item.date,
            disclosed=item.disclosed_on,
            reference=item.reference,
            url=item.url,
            public_at_statement=False,
            days_fact_before_statement=item.date.days_until(statement.date),
            days_statement_to_disclosure=statement.date.days_until(item.disclosed_on),
            fact_date_from="date",
        )


# ---------------------------------------------------------------------- pure helpers

# What a speaker says to correct words of their own on the same occasion.
EARLIER_THE_SAME_DAY = re.compile(r"\b(?:earlier\s+(?:today|this\s+(?:morning|afternoon|evening)|"
                                  r"in\s+(?:this|the)\s+(?:debate|sitting|session))|"
                                  r"a\s+(?:few\s+)?(?:moments?|minutes?)\s+ago|I\s+misspoke)\b", re.I)


def own_record(statement: Statement, item: Evidence) -> bool:
    """Is ``item`` the record of the statement's own occasion: filed under the statement's
    reference, on its day? The Foreign Secretary's statement of 21 February 2008 corrects what
    others told the House before; it cannot correct a sentence of itself. Words that correct
    something said earlier on the same occasion ("earlier in this debate I said") do."""
    if not statement.reference or not item.reference:
        return False
    same = _bare(statement.reference) == _bare(item.reference) or _same_reference(statement, item)
    return same and item.date.compare(statement.date) is Order.SAME \
        and not EARLIER_THE_SAME_DAY.search(item.text)


def _same_reference(statement: Statement, item: Evidence) -> bool:
    """Do the statement and the document carry a citation in common in their references?"""
    if not statement.reference or not item.reference:
        return False
    return bool(set(_references(statement.reference)) & set(_references(item.reference)))


def _bare(reference: str) -> str:
    """A reference as an index key: "PQ 48635" and "pq48635" alike."""
    return reference.upper().replace(" ", "")


@lru_cache(maxsize=65536)
def _references(text: str) -> tuple[str, ...]:
    return normalise_reference(text)


def unique_ids(findings: list[Finding]) -> list[Finding]:
    """The same sentence twice in one statement: the second finding is "<id>-2", the third
    "<id>-3". The first keeps its id, so reviews recorded against it stay where they are."""
    seen: dict[str, int] = {}
    out = []
    for finding in findings:
        seen[finding.id] = seen.get(finding.id, 0) + 1
        out.append(finding if seen[finding.id] == 1 else
                   replace(finding, id=f"{finding.id}-{seen[finding.id]}"))
    return out


def finding_id(statement: Statement, claim: Claim) -> str:
    """Stable across runs: the statement and the claim's words, not its position or the clock."""
    words = " ".join(claim.text.lower().split())
    digest = hashlib.sha1(f"{statement.id}\x00{words}".encode()).hexdigest()[:10]
    return f"{statement.id}:{digest}"


def supersession(evidence: Iterable[Evidence]) -> dict[str, list[Evidence]]:
    """For each document, the later versions that replace it.

    Declared with ``supersedes``, or inferred: two agreements whose titles are the same once version
    numbers and dates are removed are versions of one agreement, ordered by the date signed.
    """
    items = list(evidence)
    by_id = {e.id: e for e in items}
    successors: dict[str, list[Evidence]] = defaultdict(list)
    for item in items:
        for old in item.supersedes:
            if old in by_id and item not in successors[old]:
                successors[old].append(item)
    # Agreements grouped by title read without versions and dates: the fuzzy score is taken once
    # per pair of distinct titles, not per pair of agreements, which on one subject are nearly all
    # versions of a few titles. Within a group, "signed before" is found by bisecting on dates.
    groups: dict[str, list[Evidence]] = defaultdict(list)
    for e in items:
        if e.kind == "agreement" and (e.version or VERSION.search(e.title)):
            groups[_unversioned(e.title)].append(e)
    position = {id(e): i for i, e in enumerate(items)}
    by_start = {title: sorted(members, key=lambda e: e.date.start.toordinal())
                for title, members in groups.items()}
    starts = {title: [e.date.start.toordinal() for e in members] for title, members in by_start.items()}
    for title, near in _similar_titles(list(groups)).items():
        for a in groups[title]:
            # b was signed after a when it starts after a ends (``PartialDate.compare``).
            later = [b for other in near
                     for b in by_start[other][bisect.bisect_right(starts[other], a.date.end.toordinal()):]]
            # In corpus order within a day, as the pairs were once taken: the sort below is stable.
            later.sort(key=lambda b: (b.date.start.toordinal(), position[id(b)]))
            have = successors[a.id]
            if have:   # declared with ``supersedes``: each successor once
                later = [b for b in later if b not in have]
            have.extend(later)
    return {k: sorted(v, key=lambda e: e.date.start) for k, v in successors.items() if v}


# Titles this similar (token_sort_ratio) are taken for versions of one agreement.
SAME_AGREEMENT = 85


def _similar_titles(titles: list[str]) -> dict[str, list[str]]:
    """Each title with the titles (itself included) scoring at least ``SAME_AGREEMENT``.

    Titles whose lengths alone rule the score out are never scored: the ratio is at most
    ``2 * shorter / (both lengths)``."""
    near: dict[str, list[str]] = {t: [] for t in titles}
    for i, a in enumerate(titles):
        near[a].append(a)   # a title scores 100 against itself
        for b in titles[i + 1:]:
            shorter, total = min(len(a), len(b)), len(a) + len(b)
            if total and 200 * shorter < SAME_AGREEMENT * total:
                continue
            if fuzz.token_sort_ratio(a, b) >= SAME_AGREEMENT:
                near[a].append(b)
                near[b].append(a)
    return near


def _unversioned(title: str) -> str:
    title = VERSION.sub(" ", title)
    title = re.sub(r"\b\d{1,2}\s+\w+\s+\d{4}\b|\b\d{4}\b|\(.*?\)", " ", title)
    return " ".join(title.lower().split())


def _claims_addressed(claims: Sequence[Claim], corrections: list[Evidence]) -> set[str]:
    """Which of a statement's claims a correction is about.

    A correction of "figures" or "numbers" addresses the claims that state quantities; otherwise
    the claims whose words it shares; if it names none in particular, the whole statement.
    """
    if not corrections:
        return set()
    text = " ".join(c.text for c in corrections)
    if FIGURES.search(text):
        numeric = {c.id for c in claims if c.analysis.quantities}
        if numeric:
            return numeric
    words = {w for c in corrections for w in c.text.lower().split()}
    close = {c.id for c in claims
             if fuzz.token_set_ratio(" ".join(c.analysis.keywords), " ".join(words)) >= 70}
    return close or {c.id for c in claims}


# Signals that read a conflict from wording alone, which a misparse can invent; a figure or a
# refutation is read from the text itself.
WORDING_SIGNALS = frozenset({"opposite_polarity", "structured_polarity"})


def support_outweighs(conflict: Match, support: Match | None) -> bool:
    """A conflict read from wording gives way to evidence that says the same thing far more
    closely: the evidence that agrees best is the better reading of what the record says."""
    if support is None or not set(conflict.signals) <= WORDING_SIGNALS:
        return False
    return support.score >= conflict.score + 0.1


def _is_promise(match: Match) -> bool:
    return match.claim_proposition.modality in (Modality.FUTURE, Modality.PLAN)


def _best(pairs: list) -> list:
    """The strongest few matches, one per evidence document."""
    seen: set[str] = set()
    out = []
    for m, t in sorted(pairs, key=lambda p: (-p[0].score, p[0].fact.arose.start, p[0].fact.id)):
        if m.fact.evidence_id in seen:
            continue
        seen.add(m.fact.evidence_id)
        out.append((m, t))
    return out[:3]


def _publicly_known(citations: list[Citation], date: PartialDate) -> bool | None:
    relevant = [c for c in citations if c.relation == "contradicts"]
    if not relevant:
        return None
    answers = [c.disclosed.on_or_before(date) for c in relevant]
    if any(a is True for a in answers):
        return True
    if all(a is False for a in answers):
        return False
    return None


def _sentence_naming(item: Evidence, reference: str) -> str:
    refs = set(normalise_reference(reference))
    for sentence in plain_sentences(item.text):
        if refs & set(normalise_reference(sentence)):
            return sentence
    return item.text.split("\n")[0].strip()


def describe(prop: Proposition, lexicon: Lexicon) -> str:
    """A proposition in plain words, for rationales: "says pupil data will not be shared with
    the Home Office", "denies any plan for nationality data to be shared with other departments"."""
    things = _join([lexicon.label(t) for t in sorted(prop.things) if not lexicon.is_generic(t)])
    subject = things or "it"
    done = lexicon.done(prop.action)
    whom = _join([lexicon.label(r) for r in sorted(prop.recipients)])
    tail = f" {'with' if prop.action == 'share' else 'to'} {whom}" if whom else ""
    denied = prop.polarity is Polarity.DENIED
    be = "are" if subject.endswith(("data", "records", "addresses", "parents", "schools")) else "is"
    if prop.modality is Modality.PLAN:
        return (f"{'denies any' if denied else 'states a'} plan for {subject} to be {done}{tail}")
    if prop.modality is Modality.FUTURE:
        return f"says {subject} will{' not' if denied else ''} be {done}{tail}"
    if prop.modality is Modality.ABILITY:
        return f"says {subject} can{'not' if denied else ''} be {done}{tail}"
    return f"says {subject} {be}{' not' if denied else ''} {done}{tail}"


def _join(words: list[str]) -> str:
    words = list(dict.fromkeys(w for w in words if w))
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


# A report of a statement repeats it nearly word for word, within days of it.
REPORT_WORDING = 88
REPORT_WITHIN_DAYS = 7


def reports_the_statement(statement: Statement, claim_text: str, item: Evidence,
                          fact_text: str) -> bool:
    """Is the fact only the record of the statement itself ("Schools Week reports that Lord Nash
    wrote that ...")? Nearly the same words, about the same speaker, within days: it repeats the
    claim and can neither bear it out nor contradict it. One that says the words were untrue
    ("... told reporters that X. That was not accurate.") is a verdict on them, not a record."""
    if found_in(REFUTATION, fact_text):
        return False
    if abs(statement.date.days_until(item.date)) > REPORT_WITHIN_DAYS and \
            item.date.compare(statement.date) not in (Order.SAME, Order.UNDECIDED):
        return False
    if fuzz.token_set_ratio(claim_text.lower(), fact_text.lower()) < REPORT_WORDING:
        return False
    whole = f"{item.title} {item.text}"
    return names_speaker(statement, whole) or (
        statement.department is not None and statement.department.lower() in whole.lower())


# Where a long quote may end, best first: a sentence's end, then a clause's.
QUOTE_BREAKS = (re.compile(r"[.!?](?=\s)"), re.compile(r"[;:\u2014\u2013](?=\s)"),
                re.compile(r",(?=\s)"))


def clip_quote(text: str, limit: int = 600) -> str:
    """A quote short enough for a rationale that still reads as the source wrote it: cut after
    the last sentence or clause that fits (at least half the room), else after a whole word, and
    marked "[…]" as an editor marks an omission, so nobody can say the words were run on. The
    room is that of a long sentence: a briefing quotes whole sentences wherever it can."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = text[:limit]
    for breaks in QUOTE_BREAKS:
        ends = [m.end() for m in breaks.finditer(room) if m.end() >= limit // 2
                and room.count("(", 0, m.end()) <= room.count(")", 0, m.end())]
        if ends:
            return room[:ends[-1]].rstrip(",;:\u2014\u2013 ") + " [\u2026]"
    return room.rsplit(" ", 1)[0] + " [\u2026]"




def _windows(text: str) -> list[tuple[str, str]]:
    """Each sentence of ``text`` with the sentences either side: a correction often says "That
    was not accurate" after the sentence that quotes the words."""
    sentences = plain_sentences(text)
    # "The correct response should have been:" is followed by the whole corrected answer, and
    # the words corrected may be anywhere in it.
    return [(s, " ".join(sentences[max(0, i - 1):None if CORRECT_WORDING.search(s) else i + 2]))
            for i, s in enumerate(sentences)]


# Where a correction gives the words that should have been said: "The correct response should
# have been:", "I should have said".
CORRECT_WORDING = re.compile(r"\b(?:should\s+have\s+(?:been|said|stated|read)|correct\s+"
                             r"(?:response|answer|version|figure|wording)\s+(?:is|was|should))",
                             re.I)


# Words by which a correcting document says what still stands: "From the outset I have been
# clear that I did not download ...", "I have always maintained", "The main point he was making,
# that no such reports were seen by Ministers, stands."
MAINTAINING = re.compile(r"\b(?:(?:I|we)\s+(?:have\s+)?(?:always\s+|consistently\s+)?(?:been\s+clear|"
                         r"maintained|maintain|said\s+all\s+along)|(?:I|we)\s+stand\s+by|"
                         r"(?:still\s+)?stands|remains?\s+(?:true|the\s+case|correct|accurate))\b",
                         re.I)


def maintained_beside(windows: Sequence[tuple[str, str]], correcting: str,
                      words: set[str]) -> bool:
    """Does the document maintain the claim in a sentence of its own, beside the one that
    corrects something? A resignation letter that says "I have been clear that I did not
    download ... pornography on my Parliamentary computers" and then "I should have been clear
    ... that police lawyers talked to my lawyers" corrects what was said about the police, and
    maintains the denial: the claim whose words the maintaining sentence holds (half or more,
    and more than the correcting sentence holds) stands."""
    corrected_share = _word_share(words, correcting)
    return any(sentence != correcting and MAINTAINING.search(sentence)
               and _word_share(words, sentence) >= max(0.5, corrected_share + 1e-9)
               for sentence, _ in windows)


def restated_as_correct(correction: str, claim_text: str) -> bool:
    """Does the correction repeat the claim word for word as part of what should have been
    said? "The correct response should have been: ... Since 2010, crime is down by 50% ..."
    corrects another sentence of the answer, not this one."""
    marker = CORRECT_WORDING.search(correction)
    if marker is None:
        return False
    def flat(text: str) -> str:
        return " ".join(re.findall(r"[\w%£$.,]+", text.lower())).rstrip(".")
    return flat(claim_text) in flat(correction[marker.end():])


# A run of this many words of a claim, found in a correction, quotes it.
QUOTED_RUN = 8
# A claim this long or longer, but shorter than a run, is quoted only whole.
SHORTEST_QUOTED = 6


@lru_cache(maxsize=1 << 16)
def quoted_runs(text: str) -> frozenset[tuple[str, ...]]:
    """Every run of QUOTED_RUN words of ``text``, lowercased, punctuation and quote marks aside:
    what a verbatim quotation of it shares with it."""
    words = re.findall(r"[a-z0-9£$%]+(?:['’][a-z]+)?", text.lower())
    if len(words) < QUOTED_RUN:
        return frozenset([tuple(words)]) if len(words) >= SHORTEST_QUOTED else frozenset()
    return frozenset(tuple(words[i:i + QUOTED_RUN]) for i in range(len(words) - QUOTED_RUN + 1))


def _claim_words(claim: Claim) -> set[str]:
    """The claim's content words that a correction's words are measured against."""
    return {w for w in claim.analysis.keywords if len(w) > 2}


def _word_share(words: set[str], text: str) -> float:
    """The share of the claim's content words (by lemma, crudely stemmed) found in ``text``."""
    have = text_stems(text)
    stems = {stem(w) for w in words}
    return len(stems & have) / max(1, len(stems))


_SPEAKERS_OCCASION = (r"['\u2019]s\s+(?:[a-z]+\s+){0,2}?(?:statement|answer|speech|remarks|evidence|"
                      r"letter|reply|words)\s+(?:of|on)\s+(\d{1,2})\s+(" + "|".join(MONTH_NAMES[1:])
                      + r")\b(?!,?\s+\d{4})")


def speakers_day_named(text: str, statement: Statement) -> bool:
    """Does ``text`` name the statement by its speaker and its day and month, with no year ("John
    Nott's statement of 4 May", in a letter of 1984 on the statement of 4 May 1982)? A year
    left out there is the statement's, however long after the document was written."""
    name = surname(statement.speaker)
    if name is None or statement.date.day is None:
        return False
    return any(int(m[1]) == statement.date.day and m[2].lower() ==
               MONTH_NAMES[statement.date.month].lower()
               for m in re.finditer(rf"\b{re.escape(name)}{_SPEAKERS_OCCASION}", text, re.I))


def _names_day(text: str, anchor: PartialDate, day: PartialDate) -> bool:
    """Does ``text`` name the statement's day ("on 17 May", "of 25 July 2016")?"""
    return day.day is not None and day in _days_named(text, anchor)


@lru_cache(maxsize=1 << 17)
def _days_named(text: str, anchor: PartialDate) -> frozenset[PartialDate]:
    """The days ``text`` names, read once per text: every statement asks it of the same few
    correcting documents."""
    return frozenset(d for _, _, d in find_dates(text, anchor) if d.day is not None)


# Words that make a day the day of something said: "in my answer of 12 March", "I told the
# House on 12 March", "[Official Report, 12 March 2023; Vol. 729, c. 40]".
TELLING_NEAR = re.compile(r"\b(?:said|told|stated|answer(?:ed|s)?|repl(?:y|ied)|debate|Official\s+"
                          r"Report|interviews?|remarks|comments|contributions?|evidence\s+session|"
                          r"letters?|wrote|statements?)\b", re.I)


def _told_on(text: str, anchor: PartialDate, day: PartialDate) -> bool:
    """Does ``text`` give the statement's ``day`` as the day something was said?"""
    return day.day is not None and day in _occasion_days(text, anchor)


@lru_cache(maxsize=1 << 16)
def _occasion_days(text: str, anchor: PartialDate) -> tuple[PartialDate, ...]:
    """The days ``text`` gives as the day something was said, by the telling words within a
    few words of the date."""
    days = []
    for start, end, day in find_dates(text, anchor):
        if day.day is not None and TELLING_NEAR.search(text[max(0, start - 40):end + 25]):
            days.append(day)
    return tuple(days)


def _signals(verdict: Verdict, corrections: list[Evidence], links: Sequence[CorrectionLink],
             decided: list[Match]) -> tuple[str, ...]:
    if verdict is Verdict.CORRECTED:
        return ("corrects_statement",) if links else ("correction_reference",)
    return tuple(dict.fromkeys(s for m in decided[:1] for s in m.signals))
