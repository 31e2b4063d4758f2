"""Match claims to the evidence facts that speak to the same thing.

Facts are indexed by (action, thing) and (action, entity) so that each claim looks only at the
facts that share its action and at least one of its arguments: the cost grows with the number of
candidates, not with statements x evidence. Candidates are then scored with rapidfuzz over their
normalised keywords and checked argument by argument by small pure functions.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import partial

from rapidfuzz import fuzz

from claimcheck.dates import PartialDate
from claimcheck.lexicon import Lexicon
from claimcheck.match.retrieve import Retriever, Trace
from claimcheck.match.signals import (
    HEDGED,
    Pair,
    assessed_as_done,
    changes_unopposed,
    claim_declines,
    conceded_only,
    denial_narrower,
    promises_apart,
    quotes_the_speaker,
    refusal_to_disclose,
    related,
    roles_clash,
    shares_of_a_whole,
    vote,
)
from claimcheck.model import Claim, Fact, Modality, Polarity, Proposition

# Verbs that name no action of their own: "the information is not available" and "there were 8.1
# million pupils" share the verb "be" and nothing else.
LIGHT_VERBS = frozenset({"be", "have", "do", "get", "make", "go", "come", "take", "give", "say",
                         "seem", "become", "remain", "put", "set", "keep"})


def comparable(prop: Proposition) -> bool:
    return prop.modality not in HEDGED and prop.action not in LIGHT_VERBS
MIN_SCORE = 0.55
# How many undecided facts each claim passes on as leads to check.
LEADS = 6


@dataclass(frozen=True)
class Match:
    """A fact that speaks to a claim's proposition, and whether it agrees."""

    claim: Claim
    claim_proposition: Proposition
    fact: Fact
    fact_proposition: Proposition
    conflicts: bool
    score: float              # 0..1: how surely the two are about the same thing
    shared: tuple[str, ...]   # the lexicon keys both name, for the rationale
    signals: tuple[str, ...] = ("structured_polarity",)   # what decided ``conflicts``
    about_statement: bool = False   # the fact is a verdict on the claim's words themselves
    # A fact close to the claim that no signal decided: a lead for a person to check, never a
    # ground for a verdict.
    lead: bool = False


@dataclass(frozen=True)
class _Entry:
    """A fact's proposition with what matching needs of it, computed once."""

    fact: Fact
    prop: Proposition
    broader_things: frozenset[str]
    keywords: str
    first_day: int    # the fact's interval as ordinals, for cheap comparisons
    last_day: int


def _filed_under(prop: Proposition, broader: frozenset[str]):
    """The buckets a fact's proposition is filed in: ("thing", action, thing) for each thing
    it names or one broader, ("entity", action, key) for each organisation and topic."""
    for key in broader:
        yield "thing", prop.action, key
    for key in prop.entities | prop.topics:
        yield "entity", prop.action, key


class FactIndex:
    """Facts blocked by action and argument, for fast candidate lookup."""

    # Each claim fully scores at most this many facts per kind of candidate (agreeing or
    # conflicting, before or after the statement), best overlap first, so that the cost stays
    # flat however many documents speak to one subject.
    PER_CLASS = 40
    # And it looks at most this many facts on either side of its date in each bucket: the facts
    # nearest in time to a statement are the ones that can bear on it, and a bounded window keeps
    # the lookup from growing with the evidence.
    WINDOW = 100

    def __init__(self, facts: Iterable[Fact], lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._by_thing: dict[tuple[str, str], list[_Entry]] = defaultdict(list)
        self._by_entity: dict[tuple[str, str], list[_Entry]] = defaultdict(list)
        for fact in facts:
            keywords = _keyword_text(fact.analysis.keywords)
            for prop, broader in self._indexed(fact):
                first, last = fact.arose.start.toordinal(), fact.arose.end.toordinal()
                entry = _Entry(fact, prop, broader, keywords, first, last)
                for kind, action, key in _filed_under(prop, broader):
                    self._buckets(kind)[(action, key)].append(entry)
        # Buckets in date order, so a statement finds the facts around its date by bisection.
        self._starts: dict[int, list[int]] = {}
        for buckets in (self._by_thing, self._by_entity):
            for bucket in buckets.values():
                bucket.sort(key=lambda e: (e.first_day, e.fact.id))
                self._starts[id(bucket)] = [e.first_day for e in bucket]

    def _indexed(self, fact: Fact):
        """(proposition, the things it is filed under) for each of ``fact``'s propositions the
        index holds."""
        for prop in fact.analysis.propositions:
            if comparable(prop):
                yield prop, frozenset(b for t in prop.things for b in self.lexicon.broader(t))

    def buckets_of(self, fact: Fact) -> set[tuple[str, str, str]]:
        """The buckets ``fact`` is filed in, named as ``Trace.buckets`` names them: a claim that
        looked in none of them cannot have it, or miss it, among its candidates."""
        return {bucket for prop, broader in self._indexed(fact)
                for bucket in _filed_under(prop, broader)}

    def _buckets(self, kind: str) -> dict[tuple[str, str], list[_Entry]]:
        return self._by_thing if kind == "thing" else self._by_entity

    def candidates(self, claim: Claim, home: str | None = None,
                   date: PartialDate | None = None, trace: Trace | None = None) -> list[Match]:
        """Facts that speak to any proposition of ``claim``, best first. ``trace``, if given,
        is told which buckets the claim looked in."""
        found: dict[tuple[str, str, str], Match] = {}
        keywords = _keyword_text(claim.analysis.keywords)
        for prop in claim.analysis.propositions:
            if not comparable(prop):
                continue
            if trace is not None:
                trace.buckets.update(self._keys(prop))
            for entry in self._shortlist(prop, date):
                # The fuzzy similarity is worked out only for a pair that passes the cheap tests.
                match = score_match(claim, prop, entry.fact, entry.prop, self.lexicon, home,
                                    similarity=partial(_similarity, keywords, entry.keywords))
                if match is None:
                    continue
                key = (entry.fact.id, prop.action, entry.prop.action)
                if key not in found or found[key].score < match.score:
                    found[key] = match
        # Ties broken by every field that can differ, so the order never depends on hashing.
        return sorted(found.values(), key=lambda m: (-m.score, m.fact.id, m.claim_proposition.action,
                                                     m.fact_proposition.action))

    def _shortlist(self, prop: Proposition, date: PartialDate | None) -> list[_Entry]:
        pool = self._lookup(prop, date)
        if len(pool) <= self.PER_CLASS:
            return pool
        specific = {t for t in prop.things if not self.lexicon.is_generic(t)}
        opposite = self.lexicon.opposite(prop.action)
        first, last = (date.start.toordinal(), date.end.toordinal()) if date else (0, 0)
        classes: dict[tuple[bool, int], list[tuple[int, str, _Entry]]] = defaultdict(list)
        for entry in pool:
            overlap = (2 * len(specific & entry.broader_things)
                       + len(prop.topics & entry.prop.topics)
                       + len(prop.entities & entry.prop.entities))
            disagree = (prop.polarity != entry.prop.polarity) != (entry.prop.action == opposite)
            # Before, after or overlapping the statement's date (the judge decides exactly).
            when = 0 if not date else (-1 if entry.last_day <= first else
                                       1 if entry.first_day > last else 0)
            classes[(disagree, when)].append((-overlap, entry.fact.id, entry))
        shortlist = []
        for _, members in sorted(classes.items()):
            members.sort(key=lambda m: (m[0], m[1]))
            shortlist.extend(entry for _, _, entry in members[:self.PER_CLASS])
        return shortlist

    def _around(self, bucket: list[_Entry], date: PartialDate | None) -> list[_Entry]:
        """The bucket's facts nearest ``date`` in time, at most WINDOW on each side."""
        if date is None or len(bucket) <= 2 * self.WINDOW:
            return bucket
        middle = bisect_right(self._starts[id(bucket)], date.end.toordinal())
        return bucket[max(0, middle - self.WINDOW):middle + self.WINDOW]

    def _keys(self, prop: Proposition) -> list[tuple[str, str, str]]:
        """The buckets a claim's proposition looks in, in order: ("thing", action, thing) or
        ("entity", action, key)."""
        specific = sorted(t for t in prop.things if not self.lexicon.is_generic(t))
        opposite = self.lexicon.opposite(prop.action)
        keys = []
        for action in (prop.action, *self.lexicon.related(prop.action),
                       *([opposite] if opposite else [])):
            if specific:
                keys += [("thing", action, thing) for thing in specific]
            else:
                # No thing to block on ("there is no sanction for parents"): the organisations
                # and topics it names must do.
                entities = [k for e in sorted(prop.recipients or prop.entities)
                            for k in self._entity_keys(e)]
                keys += [("entity", action, key) for key in [*entities, *sorted(prop.topics)]]
        return keys

    def _lookup(self, prop: Proposition, date: PartialDate | None = None) -> list[_Entry]:
        pool: dict[tuple[str, int], _Entry] = {}
        for kind, action, key in self._keys(prop):
            for entry in self._around(self._buckets(kind).get((action, key), []), date):
                pool[(entry.fact.id, id(entry.prop))] = entry
        return list(pool.values())

    def _entity_keys(self, entity: str) -> list[str]:
        concept = self.lexicon.concepts.get(entity)
        if concept is not None and concept.covers:
            return [c.key for c in self.lexicon.of("entities") if c.kind == concept.covers]
        return [entity]


def _keyword_text(keywords: Iterable[str]) -> str:
    return " ".join(sorted(set(keywords)))


def _similarity(a: str, b: str) -> float:
    """0..1 similarity of two sentences' content words, by rapidfuzz's token set ratio."""
    if not a or not b:
        return 0.0
    return fuzz.token_set_ratio(a, b) / 100.0


def things_compatible(claim_things: frozenset[str], fact_things: frozenset[str],
                      lexicon: Lexicon) -> tuple[bool, tuple[str, ...]]:
    """Is the fact about the claim's thing, or about a kind of it?

    A fact about nationality data speaks to a claim about pupil data (nationality data is pupil
    data); a fact about pupil data in general does not speak to a claim about nationality data.
    """
    specific = {t for t in claim_things if not lexicon.is_generic(t)}
    if not specific:
        return True, ()
    shared = tuple(sorted(t for f in fact_things for t in lexicon.broader(f) if t in specific))
    return bool(shared), tuple(dict.fromkeys(shared))


def entities_compatible(claim_prop: Proposition, fact_prop: Proposition, lexicon: Lexicon,
                        home: str | None) -> tuple[bool, tuple[str, ...]]:
    """Does the fact involve whom the claim names as recipient, and not a different actor?"""
    shared: list[str] = []
    if claim_prop.recipients:
        shared = [e for r in sorted(claim_prop.recipients) for e in sorted(fact_prop.entities)
                  if lexicon.covers(r, e, home)]
        if not shared:
            return False, ()
    if claim_prop.agents and fact_prop.agents:
        # A minister answers for the department and the bodies under it, so any two public
        # actors may be the same actor; parents or schools doing something are another matter.
        same_actor = any(lexicon.covers(a, b, None) or lexicon.covers(b, a, None)
                         or (lexicon.is_public_authority(a) and lexicon.is_public_authority(b))
                         for a in claim_prop.agents for b in fact_prop.agents)
        if not same_actor:
            return False, ()
    return True, tuple(dict.fromkeys(shared))


def keyword_similarity(claim: Claim, fact: Fact) -> float:
    """0..1 similarity of the two sentences' content words."""
    return _similarity(_keyword_text(claim.analysis.keywords), _keyword_text(fact.analysis.keywords))


def score_match(claim: Claim, prop: Proposition, fact: Fact, fact_prop: Proposition,
                lexicon: Lexicon, home: str | None,
                similarity: float | Callable[[], float] | None = None) -> Match | None:
    related = fact_prop.action in lexicon.related(prop.action)
    opposed = fact_prop.action == lexicon.opposite(prop.action)
    if prop.action != fact_prop.action and not related and not opposed:
        return None
    if related and prop.polarity != fact_prop.polarity:
        return None  # a related action bears a claim out; it is not the same act to contradict
    things_ok, shared_things = things_compatible(prop.things, fact_prop.things, lexicon)
    if not things_ok:
        return None
    entities_ok, shared_entities = entities_compatible(prop, fact_prop, lexicon, home)
    if not entities_ok:
        return None
    shared_topics = tuple(sorted(prop.topics & fact_prop.topics))
    if not shared_things:
        all_shared = tuple(sorted(e for e in prop.entities for f in fact_prop.entities
                                  if lexicon.covers(e, f, home)))
        shared_entities = tuple(dict.fromkeys(shared_entities + all_shared))
    if not shared_things and not shared_entities and not shared_topics:
        # Nothing but the action in common: "sanctions" in a job title is not a sanction.
        return None
    if not shared_things and not shared_topics and not prop.recipients:
        return None  # the same organisation doing the same kind of thing is not enough
    score = 0.40 if related else 0.45
    score += 0.25 if shared_things else 0.0
    score += 0.15 if shared_entities else 0.0
    score += min(0.2, 0.1 * len(shared_topics))
    if similarity is None:
        similarity = keyword_similarity(claim, fact)
    elif callable(similarity):
        similarity = similarity()
    score += 0.15 * similarity
    if score < MIN_SCORE:
        return None
    conflicts = (prop.polarity == fact_prop.polarity) if opposed else (
        prop.polarity != fact_prop.polarity)
    return Match(claim, prop, fact, fact_prop, conflicts=conflicts,
                 score=round(min(score, 1.0), 3),
                 shared=shared_things + shared_entities + shared_topics)


# ---------------------------------------------------------------------- open matching

# A claim with no proposition (a bare figure) still needs one to be described and compared.
_BARE = Proposition(action="state", action_text="", polarity=Polarity.AFFIRMED,
                    modality=Modality.FACT)


def _conflict_stands(pair: Pair, open_match: Match | None, match: Match) -> bool:
    """Does the lexicon's conflict survive the reasoning the open signals apply to any pair? A
    veto (a refusal, an opinion, another period) ends it; so does a share of a whole ("80%
    paid" against "21% not paid"), an opposite change at another time, a fact that makes the
    claim's own comparison the same way or compares only with a plan ("fewer than envisaged"),
    and an open reading that found the pair agrees ("failed to pay 21%" is "paid 79%")."""
    if open_match is not None and not open_match.conflicts:
        return False
    if open_match is None:
        outcome, votes = vote(pair)
        if outcome == "supports" or any(v.relation == "veto" for v in votes):
            return False
    claim_prop, fact_prop = match.claim_proposition, match.fact_proposition
    return not (shares_of_a_whole(pair) or changes_unopposed(pair) or promises_apart(pair)
                or denial_narrower(pair, claim_prop, fact_prop) or only_a_name_shared(claim_prop, fact_prop))


def only_a_name_shared(claim_prop: Proposition, fact_prop: Proposition) -> bool:
    """Do the two share nothing but a name, and do different things to different things? "We
    did not know of the outbreak before it was reported to Parliament" and "he had then told
    Parliament" share Parliament and a verb of telling; what was known is not what was told. A
    thing or a topic word in common ("consultants", "a consultancy"), or the same doer ("Treasury
    officials have costed", "civil servants were not involved in the calculation"), leaves the
    lexicon's reading to stand, however the sentences word their roles."""
    if claim_prop.things & fact_prop.things or claim_prop.topics & fact_prop.topics \
            or claim_prop.agents & fact_prop.agents:
        return False
    return roles_clash(claim_prop, fact_prop)


def _denies_what_it_quoted(match: Match, quoting: set[str], statement) -> bool:
    """A document that gives the claim as the speaker's words and, in a sentence dated by
    nothing of its own, says the contrary ("The assessed intelligence had not established beyond
    doubt that ..."), is judging the claim as it was made, however much later it was written. A
    sentence that dates its own event keeps that date."""
    return match.conflicts and match.fact.evidence_id in quoting \
        and match.fact.arose_from != "text" and not match.about_statement \
        and not quotes_the_speaker(statement, match.claim, match.fact)


class Matcher:
    """Candidates for each claim from two sources, judged pair by pair by the named signals.

    - the lexicon index (``FactIndex``): facts that share the claim's action and an argument, as
      the lexicon names them; precise where the lexicon knows the words, blind where it does not;
    - open retrieval (``Retriever``): facts found by their lemmas, names, numbers and meaning,
      with no vocabulary given in advance.

    Every retrieved pair goes through ``signals.vote``; a refusal to disclose vetoes a fact from
    both sources.
    """

    def __init__(self, index: FactIndex, retriever: Retriever, evidence: dict | None = None) -> None:
        self.index = index
        self.retriever = retriever
        self.evidence = evidence or {}

    def candidates(self, claim: Claim, home: str | None = None, date: PartialDate | None = None,
                   statement=None, trace: Trace | None = None) -> list[Match]:
        """The claim's matches, best first. ``trace``, if given, is told what they were chosen
        from (``Trace``): what a change to the evidence must touch to change them."""
        if claim_declines(claim):
            return []   # "not held centrally": the claim asserts nothing to check
        structured = {m.fact.id: m for m in self.index.candidates(claim, home, date, trace)}
        if trace is not None:
            trace.facts.update(structured)
            trace.candidates = list(structured.values())
        found: dict[str, Match] = {}
        vetoed: set[str] = set()
        undecided = []
        quoting: set[str] = set()   # documents that give the claim as the speaker's words
        for hit in self.retriever.search(claim, trace=trace):
            if quotes_the_speaker(statement, claim, hit.fact):
                quoting.add(hit.fact.evidence_id)
            pair = Pair(claim, hit.fact, hit, statement, self.evidence.get(hit.fact.evidence_id))
            outcome, votes = vote(pair)
            if outcome is None:
                if any(v.relation == "veto" for v in votes):
                    vetoed.add(hit.fact.id)
                elif related(pair, dense_at=0.5, coverage_at=0.3):
                    undecided.append(hit)
                continue
            deciding = [v for v in votes if v.relation != "weight"]
            weight = next((v.strength for v in votes if v.relation == "weight"), 1.0)
            first = deciding[0]
            claim_prop = first.claim_proposition or claim.analysis.main or _BARE
            fact_prop = first.fact_proposition or hit.fact.analysis.main or _BARE
            score = round(min(1.0, max(v.strength for v in deciding) * weight), 3)
            found[hit.fact.id] = Match(
                claim, claim_prop, hit.fact, fact_prop, conflicts=outcome == "conflicts",
                score=score, shared=hit.shared, signals=tuple(v.signal for v in votes),
                about_statement=first.signal == "refutes_claim" or (
                    first.signal == "contrary_assessment" and assessed_as_done(claim)))
        for fact_id, match in structured.items():
            if fact_id in vetoed or refusal_to_disclose(Pair(claim, match.fact, None)):
                continue  # vetoed by time, or a reply that declines to answer decides nothing
            # Scored once, and only for the tests below that read the score.
            needs_score = not match.fact.implicit and (fact_id not in found or match.conflicts)
            hit = self.retriever.score(claim, match.fact) if needs_score else None
            if fact_id not in found and hit is not None and not related(
                    Pair(claim, match.fact, hit), dense_at=0.45, coverage_at=0.3):
                continue  # the lexicon's action and an organisation in common, nothing more
            open_match = found.get(fact_id)
            if open_match is not None and open_match.conflicts and not match.conflicts:
                continue  # a figure or a refutation outweighs agreeing wording
            if match.conflicts and hit is not None and not _conflict_stands(
                    Pair(claim, match.fact, hit, statement,
                         self.evidence.get(match.fact.evidence_id)), open_match, match):
                continue
            found[fact_id] = match
        for fact_id, match in found.items():
            if _denies_what_it_quoted(match, quoting, statement):
                found[fact_id] = replace(match, about_statement=True,
                                         signals=(*match.signals, "quoted_then_denied"))
        found = {fact_id: match for fact_id, match in found.items()
                 if match.conflicts or not conceded_only(claim, match.claim_proposition)}
        decided = sorted(found.values(), key=lambda m: (-m.score, m.fact.id,
                                                        m.claim_proposition.action,
                                                        m.fact_proposition.action))
        return decided + self._leads(claim, undecided, found)

    def _leads(self, claim: Claim, undecided: list, found: dict[str, Match]) -> list[Match]:
        """The closest facts no signal decided, in retrieval's order: what a person checking
        the claim would read first. The judge decides nothing on them."""
        leads = []
        for hit in undecided:
            if hit.fact.id in found or hit.fact.implicit:
                continue
            leads.append(Match(claim, claim.analysis.main or _BARE, hit.fact,
                               hit.fact.analysis.main or _BARE, conflicts=False,
                               score=round(max(hit.dense, hit.coverage), 3), shared=hit.shared,
                               signals=(), lead=True))
            if len(leads) == LEADS:
                break
        return leads
