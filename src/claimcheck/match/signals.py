"""The judge's reasoning, one small named pure function per signal.

Each signal looks at one (claim, fact) pair and votes ``conflicts`` or ``supports``, or vetoes the
pair, or abstains (returns None). None of them knows a subject: they read polarity, modality,
figures, the words of refutation and correction, and reported speech, which mean the same in any
policy area. ``vote`` applies them all; the finding records the names of those that decided it, and
``claimcheck eval`` reports each one's coverage and precision on labelled data.

The signals, in the order ``vote`` weighs them:

- ``refusal_to_disclose``  (veto)      "not held centrally", "disproportionate cost", an FOI
  exemption: a reply that declines to say supports nothing and contradicts nothing.
- ``opinion_only``         (veto)      "we believe ...": a writer's view records no fact.
- ``different_period``     (veto)      both name their times, and the times do not meet.
- ``refutes_claim``        (conflicts) the fact says the claim's words were untrue or misleading.
- ``conflicting_figure``   (conflicts) the same measure, another value.
- ``opposite_polarity``    (conflicts) the same predication, affirmed by one and denied by the other.
- ``contrary_assessment``  (conflicts) "a great success" against "no significant impact": a
  favourable verdict on a matter and an unfavourable one on the same matter.
- ``share_against_whole``  (conflicts) "they're all done within 24 hours" against "84% were".
- ``agreeing_figure``      (supports)  the same measure, the same value (or within the claim's
  bounds: "more than 100,000" against 132,000).
- ``same_assertion``       (supports)  the same predication, the same polarity.
- ``reported_words``       (weight)    the fact is someone's report of what was said: it counts for
  less than the department's own words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from claimcheck.dates import Order, PartialDate, Precision, find_dates
from claimcheck.match.retrieve import Hit
from claimcheck.model import Claim, Evidence, Fact, Modality, Polarity, Proposition, Statement
from claimcheck.references import normalise_reference

# Verbs that carry no predication of their own ("is", "has"): two sentences sharing only these
# share no claim.
LIGHT_VERBS = frozenset({"be", "have", "do", "get", "make", "go", "come", "take", "give", "say",
                         "seem", "become", "remain", "put", "keep", "include", "see", "want",
                         "need", "continue", "ensure", "tell", "ask", "think", "believe", "know",
                         "confirm", "state", "note", "expect", "consider", "look"})
# Hedged propositions neither contradict nor support: "may facilitate", "would have raised".
HEDGED = (Modality.POSSIBILITY, Modality.CONDITIONAL)

# A reply that declines to answer: it records no fact about the matter asked.
REFUSAL = re.compile(
    r"\b(?:not\s+(?:held|readily\s+available|available|recorded|collected)\s+centrally|"
    r"(?:is|are)\s+not\s+(?:held|readily\s+available|recorded)|"
    r"(?:only\s+)?(?:be\s+)?(?:obtained|provided)\s+(?:only\s+)?at\s+disproportionate\s+cost|"
    r"disproportionate\s+cost|neither\s+confirm\s+nor\s+deny|"
    r"exempt(?:ion)?\s+(?:from\s+disclosure\s+)?under\s+section|section\s+\d+\s*(?:\(\d\))?\s*of\s+the\s+"
    r"Freedom\s+of\s+Information|withh[oe]ld|declined\s+to\s+(?:say|disclose|confirm|provide|"
    r"give|publish|reveal|comment)|refused\s+to\s+(?:say|disclose|confirm|provide|give|reveal|"
    r"comment)|would\s+not\s+(?:say|disclose|confirm|comment)|does\s+not\s+comment|"
    r"do\s+not\s+comment|not\s+(?:able|possible)\s+to\s+(?:provide|give|say)|"
    r"we\s+do\s+not\s+hold|no\s+information\s+(?:is\s+)?held|"
    r"(?:declined|refused|rejected)\s+(?:an?|the|this|their|his|her)\s+(?:Freedom\s+of\s+Information|"
    r"FOI|FoI|information)\s+request)\b", re.I)

# The claim's words said to be untrue: "that claim was not correct", "misleading".
REFUTATION = re.compile(
    r"\b(?:(?:was|were|is|are)\s+(?:not\s+(?:correct|accurate|true|right|the\s+case)|"
    r"incorrect|inaccurate|untrue|false|wrong|mistaken|misleading)|"
    r"misleading|inaccurate(?:ly)?|incorrect(?:ly)?|untrue|not\s+supported\s+by\s+the\s+"
    r"(?:data|statistics|evidence|figures)|does\s+not\s+(?:reflect|represent)\s+the|"
    r"not\s+borne\s+out|cannot\s+be\s+supported)\b", re.I)
# Verbs of misstating take a claim as their object ("overstated the number on the list"): the
# sentence is about a claim whatever it names.
MISSTATING = re.compile(r"\b(?:overstat|understat|exaggerat|misrepresent|misstat)(?:e|ed|es|ing)\b",
                        re.I)

# Words that report what someone else said: their text is second hand.
REPORTING = re.compile(
    r"\b(?:told\s+(?:the\s+)?[A-Z][\w.]*|said\s+that|says\s+that|according\s+to|reported(?:ly)?|"
    r"a\s+spokes(?:man|woman|person)|sources?\s+(?:said|say|close)|is\s+understood\s+to|"
    r"claimed\s+that|quoted\s+as)\b")

SIGNAL_NAMES = ("refusal_to_disclose", "opinion_only", "different_period", "refutes_claim",
                "conflicting_figure", "conflicting_date", "opposite_polarity", "abandoned_commitment",
                "contrary_assessment", "share_against_whole", "absent_against_present",
                "agreeing_figure", "same_assertion",
                "reported_words", "corrects_statement", "structured_polarity",
                "quoted_then_denied")


@dataclass(frozen=True)
class Pair:
    """A claim and a candidate fact, with what retrieval found they share."""

    claim: Claim
    fact: Fact
    hit: Hit
    statement: Statement | None = None
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Vote:
    signal: str
    relation: str            # "conflicts", "supports", "veto" or "weight"
    strength: float          # 0..1; for "weight", the factor applied to the pair's confidence
    claim_proposition: Proposition | None = None
    fact_proposition: Proposition | None = None


# ---------------------------------------------------------------------- relatedness

def related(pair: Pair, dense_at: float = 0.55, coverage_at: float = 0.4) -> bool:
    """Are the two sentences about the same matter? By meaning, or by their weighted words."""
    return pair.hit.dense >= dense_at or pair.hit.coverage >= coverage_at


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem, enough to see that "closure" and "close", "engagement" and "engage" agree."""
    word = word.lower()
    for suffix in ("ations", "ation", "ments", "ment", "ings", "ing", "ures", "ure", "ions",
                   "ion", "als", "al", "ers", "er", "ed", "es", "s", "e"):
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


# Actions that frame another: "committed to reopening", "plans to publish", "decided to close".
# Their object's verb is the predication that can be contradicted.
FRAME_ACTIONS = frozenset({"deliver", "commit", "pledge", "promise", "plan", "intend", "aim",
                           "target", "decide", "agree", "approve", "propose", "undertake",
                           "expect", "hope", "want", "continue", "start", "begin", "try"})


def same_predicate(claim_prop: Proposition, fact_prop: Proposition, claim_words: set[str],
                   fact_words: set[str]) -> bool:
    """Do the two propositions predicate the same action?

    The same lexicon action or lemma, or the same stem ("closure"/"close"). Where one side only
    frames an action ("committed to reopening"), the framed action, read from its words, is
    compared ("will not reopen").
    """
    a, b = claim_prop.action, fact_prop.action
    if a in LIGHT_VERBS and b in LIGHT_VERBS:
        # "remain open" and "are open": the predication is the complement they share, so only
        # sentences that share most of their words say the same thing.
        claim_stems, fact_stems = {stem(w) for w in claim_words}, {stem(w) for w in fact_words}
        shared = len(claim_stems & fact_stems)
        return shared >= 3 and shared * 2 > min(len(claim_stems), len(fact_stems))
    if a == b:
        return a not in LIGHT_VERBS
    if stem(a) == stem(b):
        return True
    if a in FRAME_ACTIONS and b not in LIGHT_VERBS and stem(b) in {stem(w) for w in claim_words}:
        return True
    return b in FRAME_ACTIONS and a not in LIGHT_VERBS and stem(a) in {stem(w) for w in fact_words}


def _comparable(prop: Proposition) -> bool:
    return prop.modality not in HEDGED


def _words(claim_or_fact) -> set[str]:
    return set(claim_or_fact.analysis.keywords)


# ---------------------------------------------------------------------- signals

# Predications that hold from when they begin until something ends them: knowing, having,
# being in force.
LASTING_STATES = frozenset({"be", "have", "inform", "know", "exist", "in_force", "hold", "remain",
                            "keep", "target", "aware", "own", "employ", "hire"})
SINCE = re.compile(r"\b(?:since|so\s+far|to\s+date|until\s+now|over\s+the\s+(?:last|past)|"
                   r"in\s+the\s+(?:last|past)|from)\b", re.I)


# "lower than the peak in 2017", "up from 2019", "compared with last year": a comparison's
# baseline. Its dates are what the sentence measures against, not the time it speaks of.
BASELINE = re.compile(r"\b(?:than|compared\s+(?:with|to)|up\s+from|down\s+from)\b[^,;.]*", re.I)


@functools.lru_cache(maxsize=65536)
def _dates_outside_baselines(text: str, dates: tuple[PartialDate, ...],
                             anchor: PartialDate | None) -> tuple[PartialDate, ...]:
    if not BASELINE.search(text):
        return dates
    return tuple(d for _, _, d in find_dates(BASELINE.sub(" ", text), anchor))


# A date given as the day something was written or said: "had written to the Committee on 29 June
# providing the most accurate data", "as I said in my statement yesterday".
TELLING_WORDS = (r"\b(?:wr(?:ote|itten|ites)|said|told|stated|announced|published|replied|"
                 r"letter|statement)\b")
TELLING_WORD = re.compile(TELLING_WORDS, re.I)
TELLING_DATE = re.compile(TELLING_WORDS + r"[^.;,]{0,50}?(?:\b(?:on|of|dated)\s+(?:the\s+)?)?$",
                          re.I)


@functools.lru_cache(maxsize=65536)
def _told_dates(text: str, anchor: PartialDate | None) -> frozenset[PartialDate]:
    """The dates ``text`` gives as the day something was written or said. Worked out once per
    text: every pair a claim or a fact is in asks it again, and most sentences have no telling
    word at all."""
    if not found_in(TELLING_WORD, text):
        return frozenset()
    return frozenset(d for start, _, d in find_dates(text, anchor)
                     if TELLING_DATE.search(text[max(0, start - 70):start]))


def period_dates(analysis, anchor: PartialDate | None) -> tuple[PartialDate, ...]:
    """The dates a sentence speaks of: "3,898 in autumn 2023, lower than the peak in 2017" speaks
    of autumn 2023; "had written on 29 June providing the data on the 1013 released" speaks of
    no period of its own: the day of the letter is not the time of the releases."""
    dates = _dates_outside_baselines(analysis.text, analysis.dates, anchor)
    if not dates:
        return dates
    told = _told_dates(analysis.text, anchor)
    return tuple(d for d in dates if d not in told)


# A period named by its length: "the five-year period", "a four-year spending period", "over
# three years".
PERIOD_LENGTH = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[\s-]"
                           r"(year|month|week)(?:s)?(?:\s+(?:spending|funding|review|settlement|"
                           r"budget|parliamentary))?\s+(?:period|cycle|term|window|programme)s?\b",
                           re.I)


def period_lengths(text: str) -> frozenset[tuple[float, str]]:
    """The lengths of the periods ``text`` names by length, as (how many, unit)."""
    found = set()
    for match in PERIOD_LENGTH.finditer(text):
        count = match[1].lower()
        value = float(count) if count.isdigit() else float(WORD_VALUES[count])
        found.add((value, match[2].lower()))
    return frozenset(found)


def different_period(pair: Pair) -> Vote | None:
    """The claim is about one period and the fact about another: "in 2019 no target was set"
    says nothing about a target of 2021. Only when both sentences name their times, the dates of
    a comparison's baseline aside; or both name their periods by length and the lengths differ
    ("over those five-year periods" against "the current four-year spending period")."""
    claim_lengths = period_lengths(pair.claim.analysis.text)
    fact_lengths = period_lengths(pair.fact.analysis.text)
    if claim_lengths and fact_lengths and claim_lengths.isdisjoint(fact_lengths):
        return Vote("different_period", "veto", 1.0)
    claim_dates = period_dates(pair.claim.analysis,
                               pair.statement.date if pair.statement is not None else None)
    fact_dates = period_dates(pair.fact.analysis,
                              pair.evidence.date if pair.evidence is not None else None)
    if not claim_dates or not fact_dates:
        return None
    start, end = _span(claim_dates)
    if SINCE.search(pair.claim.analysis.text) and pair.statement is not None:
        end = max(end, pair.statement.date.end)
    fact_start, fact_end = _span(fact_dates)
    main = pair.claim.analysis.main
    lasting = main is not None and main.action in LASTING_STATES
    # An earlier event still bears on a lasting state ("not aware in February 2022" against a
    # complaint of 2019); it cannot bear on an event of another period.
    if fact_start > end or (fact_end < start and not lasting):
        return Vote("different_period", "veto", 1.0)
    return None


# A sentence that gives its writer's view ("we believe it is misrepresentative to claim ...")
# records an opinion, not a fact: it can neither bear a claim out nor contradict it.
OPINION = re.compile(r"\b(?:I|we)\s+(?:(?:strongly|firmly)\s+)?(?:believe|think|feel|suspect|"
                     r"fear|would\s+argue)\b|\bin\s+(?:my|our)\s+(?:view|opinion)\b|"
                     r"\b(?:he|she|they)\s+(?:said\s+(?:that\s+)?(?:he|she|they)\s+)?"
                     r"(?:thought|suspected|felt|feared)\b[^.;]*\b(?:perhaps|possibly|might|may)\b",
                     re.I)


@functools.lru_cache(maxsize=1 << 18)
def found_in(pattern: re.Pattern, text: str) -> bool:
    """Does ``pattern`` occur in ``text``? Worked out once per pattern and text: a claim meets
    a few dozen facts and a fact many claims, through the same patterns each time."""
    return pattern.search(text) is not None


def opinion_only(pair: Pair) -> Vote | None:
    """A writer's view of the matter ("we believe ...", "she thought he had perhaps ...")
    decides nothing."""
    if found_in(OPINION, pair.fact.analysis.text):
        return Vote("opinion_only", "veto", 1.0)
    return None


def refusal_to_disclose(pair: Pair) -> Vote | None:
    """A reply that declines to answer records nothing about the matter: it decides nothing."""
    if found_in(REFUSAL, pair.fact.analysis.text):
        return Vote("refusal_to_disclose", "veto", 1.0)
    return None


def refutes_claim(pair: Pair) -> Vote | None:
    """A third party says the claim's words were untrue: "the figure quoted was not correct".

    Only a sentence about a claim (it names a claim, statement, figure or what was said) and close
    to this one in meaning; a correction by the speaker is ``corrects_statement``'s business, and
    a refutation naming other references is about other statements.
    """
    text = pair.fact.analysis.text
    if pair.evidence is not None and pair.evidence.kind == "correction":
        return None
    if not found_in(MISSTATING, text) and (not found_in(REFUTATION, text)
                                           or not found_in(ABOUT_A_CLAIM, text)):
        return None
    if not related(pair, dense_at=0.6, coverage_at=0.55) or HEDGED_VIEW.search(text):
        return None   # "she thought the Minister had perhaps made an incorrect statement"
    if pair.statement is not None and POST_NAMED.search(text) and not (
            names_speaker(pair.statement, text) or _names_post(pair.statement, text)):
        return None   # the Prime Minister's statement refuted is not this minister's
    own = set(normalise_reference(pair.statement.reference or "")) if pair.statement else set()
    named = set(pair.fact.analysis.references)
    if named and not named & own:
        return None
    claim_denies = any(p.polarity is Polarity.DENIED for p in pair.claim.analysis.propositions)
    if claim_denies and re.search(r"\bnot\s+(?:the\s+case|true|correct)\b", text, re.I) and \
            not re.search(r"\b(?:claim|statement|assertion|suggestion)\b", text, re.I):
        # "It is not true that X" against a claim that already denies X agrees with it.
        return None
    if refutation_agrees(pair):
        return None
    return Vote("refutes_claim", "conflicts", 0.9)


# How much of the claim's words a record must give to be giving the claim.
QUOTING_SHARE = 0.6
TOLD = re.compile(r"\b(?:said|says|stated|states|told|claimed|claims|wrote|asserted|insisted|"
                  r"argued|believed|declared|announced|assured|maintained)\b", re.I)


def quotes_the_speaker(statement: Statement | None, claim: Claim, fact: Fact) -> bool:
    """Does the fact give the claim as the speaker's words ("In the Foreword, Mr Blair stated
    that he believed the 'assessed intelligence' had 'established beyond doubt' ...")? It names
    the speaker (or their post) telling, and most of the claim's words."""
    text = fact.analysis.text
    if statement is None or not found_in(TOLD, text):
        return False
    claimed = {stem(w) for w in claim.analysis.keywords if len(w) > 2}
    if len(claimed) < 3:
        return False
    given = {stem(w) for w in fact.analysis.keywords}
    if len(claimed & given) < QUOTING_SHARE * len(claimed):
        return False
    return names_speaker(statement, text) or _names_post(statement, text)


def refutation_agrees(pair: Pair) -> bool:
    """Does what the refutation leaves the record saying agree with the claim? "The
    suggestion that the council closed the depot is not correct" (read as the depot not
    closed) agrees with "the council did not close the depot": every predication the two
    share has one polarity in both. One that differs ("the statement that residents were
    consulted was not correct" against "residents were consulted") keeps the refutation."""
    claim_words, fact_words = _words(pair.claim), _words(pair.fact)
    shared = [(cp, fp) for cp, fp in _proposition_pairs(pair)
              if same_predicate(cp, fp, claim_words, fact_words)]
    return bool(shared) and all(cp.polarity is fp.polarity for cp, fp in shared)


# A view held, not a finding: "she thought ... had perhaps made an incorrect statement".
HEDGED_VIEW = re.compile(r"\b(?:perhaps|possibly|arguably|may\s+have|might\s+have|could\s+have|"
                         r"(?:he|she|they|I|we)\s+(?:thought|suspected|wondered|felt))\b", re.I)
# A ministerial post named as the one whose words were wrong.
# ("the Minister" alone is left out: it is as likely this minister as another.)
POST_NAMED = re.compile(r"\b(?:Prime\s+Minister|Chancellor|(?:Home|Foreign|Health|Defence|"
                        r"Education|Transport|Justice|Business|Environment|Culture|Work\s+and\s+"
                        r"Pensions)\s+Secretary)\b")


ABOUT_A_CLAIM = re.compile(
    r"\b(?:claim(?:ed|s)?|statement|assertion|suggestion|figure|figures|statistic|statistics|"
    r"said|says|stated|told|remarks?|comments?|answer|answered|responded|replied|quoted|"
    r"presentation|tweet|words)\b", re.I)


# Actions that undo or reverse each other, in any subject: "rose" against "fell", "opened"
# against "closed". Affirming one is denying the other.
ANTONYMS = {frozenset(p) for p in (
    ("increase", "decrease"), ("rise", "fall"), ("grow", "shrink"), ("grow", "fall"),
    ("increase", "fall"), ("rise", "decrease"), ("open", "close"), ("start", "stop"),
    ("begin", "end"), ("accept", "reject"), ("approve", "reject"), ("include", "exclude"),
    ("allow", "ban"), ("allow", "prohibit"), ("permit", "prohibit"), ("follow", "breach"),
    ("deliver", "cancel"), ("add", "remove"), ("hire", "dismiss"), ("win", "lose"),
    ("pass", "fail"), ("meet", "miss"), ("keep", "break"), ("improve", "worsen"),
    ("reopen", "close"), ("expand", "reduce"), ("extend", "shorten"), ("raise", "cut"),
    ("raise", "lower"), ("publish", "withhold"), ("support", "oppose"))}


def opposite_actions(a: str, b: str) -> bool:
    return frozenset((a, b)) in ANTONYMS or frozenset((stem(a), stem(b))) in {
        frozenset(stem(w) for w in pair) for pair in ANTONYMS}


def _proposition_pairs(pair: Pair):
    """Every comparable (claim proposition, fact proposition) pair, claim first."""
    for cp in pair.claim.analysis.propositions:
        if _comparable(cp):
            for fp in pair.fact.analysis.propositions:
                if _comparable(fp):
                    yield cp, fp


DIRECTIONS = {"higher": 1, "more": 1, "greater": 1, "larger": 1, "above": 1, "lower": -1,
              "fewer": -1, "less": -1, "smaller": -1, "below": -1}
COMPARISON = re.compile(r"\b(higher|lower|more|fewer|less|greater|smaller|larger|above|below)\s+"
                        r"(?:[^\s;]+\s+){0,6}?than\s+([^,;.]+)", re.I)


@functools.lru_cache(maxsize=65536)
def _comparisons(text: str) -> tuple[tuple[int, frozenset[str]], ...]:
    return tuple((DIRECTIONS[m[1].lower()], _head_words(m[2])) for m in COMPARISON.finditer(text))


def compared_alike(pair: Pair) -> bool:
    """Does the fact make the claim's own comparison, the same way? "18% lower than the peak in
    2017" and "has risen for the second year, but remains lower than the peak in 2017" agree on
    the comparison the claim makes; the rise is against another baseline."""
    made = _comparisons(pair.fact.analysis.text)
    return any(direction == d and baseline & b for direction, baseline
               in _comparisons(pair.claim.analysis.text) for d, b in made)


# What a comparison against a plan is made with: "far fewer young people than envisaged".
EXPECTATION_WORDS = frozenset(stem(w) for w in (
    "envisaged", "expected", "planned", "forecast", "anticipated", "projected", "intended",
    "hoped", "estimated", "targeted", "budgeted", "assumed"))


def compared_with_expectation(pair: Pair) -> bool:
    """Is the fact's comparison with what was planned ("will support far fewer young people
    than envisaged") where the claim's is not? Falling short of a plan is not a fall."""
    def against_plan(text: str) -> list[bool]:
        return [bool(baseline & EXPECTATION_WORDS) for _, baseline in _comparisons(text)]
    fact = against_plan(pair.fact.analysis.text)
    return bool(fact) and all(fact) and not any(against_plan(pair.claim.analysis.text))


def changes_unopposed(pair: Pair) -> bool:
    """Opposite changes that do not oppose each other: at other times (``changes_apart``),
    against another baseline (``compared_alike``) or only against a plan
    (``compared_with_expectation``). Asked of an opposite action read openly and of one the
    lexicon found alike."""
    return changes_apart(pair) or compared_alike(pair) or compared_with_expectation(pair)


def opposite_polarity(pair: Pair) -> Vote | None:
    """The same predication about the same matter, asserted by one and denied by the other; or
    opposite actions ("rose" against "fell") asserted by both."""
    if not related(pair, dense_at=0.5, coverage_at=0.3) or shares_of_a_whole(pair) \
            or promises_apart(pair):
        return None
    claim_words, fact_words = _words(pair.claim), _words(pair.fact)
    for cp, fp in _proposition_pairs(pair):
        if cp.polarity is fp.polarity:
            if not opposite_actions(cp.action, fp.action) or changes_unopposed(pair):
                continue
        elif not same_predicate(cp, fp, claim_words, fact_words):
            continue
        if not _shares_argument(pair, cp, fp) or roles_clash(cp, fp) or \
                denial_narrower(pair, cp, fp) or complements_apart(pair, cp, fp):
            continue
        return Vote("opposite_polarity", "conflicts", _strength(pair), cp, fp)
    return None


def shares_of_a_whole(pair: Pair) -> bool:
    """Both sentences give a share of something ("we pay around 80% of new claims on time",
    "the Department failed to pay 21% of new claimants on time"): a share done and a share not
    done are parts of one whole, not one assertion and its denial. Their figures decide, with
    the share not done read as its complement (``conflicting_figure``, ``agreeing_figure``)."""
    return any(f.kind == "percent" for f in figures(pair.claim.analysis.text)) and \
        any(f.kind == "percent" for f in figures(pair.fact.analysis.text))


def changes_apart(pair: Pair) -> bool:
    """Opposite changes at different times are no conflict: "to reduce the army to 72,500 by
    2025" says nothing against "the reserves increased by 400" six years before. A claim whose
    every date is after the statement is about a change to come; a fact from before the
    statement is about one that has been."""
    if pair.statement is None or not pair.claim.analysis.dates:
        return False
    said = pair.statement.date
    coming = all(d.start > said.end for d in pair.claim.analysis.dates)
    if coming and pair.fact.arose.end < said.start:
        return True
    # "fell by 35,000 between November 2022 and August 2023" against "a net increase between
    # 2010 and 2022": two periods that share a month or two are two changes.
    claim_dates, fact_dates = pair.claim.analysis.dates, pair.fact.analysis.dates
    if len(claim_dates) < 2 or len(fact_dates) < 2:
        return False   # a period of change is named by two dates ("between 2010 and 2022")
    claimed, recorded = _span(claim_dates), _span(fact_dates)
    shared = (min(claimed[1], recorded[1]) - max(claimed[0], recorded[0])).days
    shorter = min((claimed[1] - claimed[0]).days, (recorded[1] - recorded[0]).days)
    return shared < PERIOD_OVERLAP * shorter


# Two named periods of change are one when they share at least this much of the shorter.
PERIOD_OVERLAP = 0.5


def _span(dates) -> tuple:
    """From the first day to the last that a sentence's dates cover."""
    return min(d.start for d in dates), max(d.end for d in dates)


# "They're all done within 24 hours", "every claim", "always": a claim about the whole of
# something. Idioms that quantify nothing are left out.
UNIVERSAL = re.compile(r"\b(?:all|every|each|always|without\s+exception)\b(?!\s+(?:of\s+us|"
                       r"right|the\s+best|along|too|but|over|in\s+all))", re.I)
NOT_UNIVERSAL_IDIOM = re.compile(r"\b(?:at\s+all|above\s+all|after\s+all|all\s+in\s+all|"
                                 r"first\s+of\s+all|once\s+and\s+for\s+all|all\s+of\s+us|"
                                 r"for\s+all\s+(?:of\s+)?(?:us|you|those))\b", re.I)


def share_against_whole(pair: Pair) -> Vote | None:
    """A claim about the whole ("they're all done within 24 hours") against a record of a share
    short of it ("84% of tests at drive-in centres were returned within 24 hours"). The share
    must count what the claim is about: its words are among the claim's."""
    claim_text = NOT_UNIVERSAL_IDIOM.sub(" ", pair.claim.analysis.text)
    if not UNIVERSAL.search(claim_text) or any(f.kind == "percent" for f in figures(claim_text)):
        return None
    main = pair.claim.analysis.main
    if main is None or main.polarity is Polarity.DENIED or main.modality in HEDGED \
            or main.modality in (Modality.FUTURE, Modality.PLAN):
        return None   # "not all", "may all", "will all": no claim about the whole as it is
    if not related(pair, dense_at=0.55, coverage_at=0.35):
        return None
    claimed = {stem(w) for w in _words(pair.claim)}
    # The share must be of what the claim says of the whole: "12 of the 40 keepers were aged over
    # 60" counts the keepers, and says nothing of whether all 40 were issued with radios.
    fact_words = _words(pair.fact)
    said_of_both = {stem(w) for w in _words(pair.claim) - LIGHT_VERBS
                    if any(derived(w, f) for f in fact_words)}
    counts = [share.context for share in figures(pair.fact.analysis.text)
              if share.kind == "percent" and 0 < share.value < 100 and share.bound == "exact"]
    # "248 out of 310 personnel": a count short of the whole it is counted of.
    counts += [whole.context for whole in figures(pair.fact.analysis.text)
               if whole.part_counted is not None and whole.part_counted < whole.value]
    for counted in counts:
        if counted & claimed and said_of_both - counted:
            return Vote("share_against_whole", "conflicts", _strength(pair))
    return None


# A misremembered day is near the real one; further apart, two dated events are two events.
MISDATED_WITHIN_DAYS = 31
DEADLINE_SLIP_DAYS = 183


def _own_date(analysis) -> PartialDate | None:
    """The date of the sentence's event: the one its main verb takes, or the only one it names
    ("committed that the Department will publish an update in June 2021")."""
    if analysis.event_date is not None:
        return analysis.event_date
    return analysis.dates[0] if len(analysis.dates) == 1 else None


def conflicting_date(pair: Pair) -> Vote | None:
    """The same event on another day: "the scheme opened fully on 31 March" against "opened fully
    on 30 March 2019", or a promise's deadline moved ("will publish in June 2021" against "will
    be published by 22 July 2021"). One of the sentences must date its event to the day (a month
    against a day in it agrees), and both say the same thing of it."""
    said, recorded = _own_date(pair.claim.analysis), _own_date(pair.fact.analysis)
    if said is None or recorded is None or Precision.DAY not in (said.precision,
                                                                  recorded.precision):
        return None
    if said.start <= recorded.end and recorded.start <= said.end:
        return None   # one contains the other, or they are the same day
    claim_words, fact_words = _words(pair.claim), _words(pair.fact)
    for cp, fp in _proposition_pairs(pair):
        promised = {cp.modality, fp.modality} & {Modality.FUTURE, Modality.PLAN}
        # A commitment's date is a deadline, and deadlines slip by months ("publish in June",
        # then "by 22 July"); an event's misremembered day is near the real one.
        within = DEADLINE_SLIP_DAYS if promised else MISDATED_WITHIN_DAYS
        if abs((said.start - recorded.start).days) > within:
            continue   # further apart, it is more likely another event of the same kind
        if not related(pair, dense_at=0.6 if promised else 0.7, coverage_at=0.5):
            continue
        if cp.polarity is fp.polarity and cp.polarity is Polarity.AFFIRMED \
                and same_predicate(cp, fp, claim_words, fact_words) \
                and _shares_argument(pair, cp, fp) and not roles_clash(cp, fp):
            return Vote("conflicting_date", "conflicts", _strength(pair), cp, fp)
    return None


# Verbs that stop or put off what was promised: "I will delay the implementation of these
# reforms for two years", "the project was scrapped".
ABANDONING = re.compile(
    r"\b(?:delay|postpone|defer|pause|scrap|cancel|drop|abandon|shelve|halt|suspend|axe|"
    r"ditch|withdraw|reverse)(?:s|ed|led|ped|ing|ling|ping)?\b\W+((?:\w+\W+){0,7})", re.I)
FRAME_STOP = frozenset({"plan", "plans", "government", "department", "programme", "decision",
                        "the", "these", "those", "its", "their", "our", "his", "her", "this"})


# A record that only forecasts: "is likely to be delivered later", "could be delayed".
# ("may" only in lower case: "in May 2019 the scheme was delayed" is a decision.)
FORECAST = re.compile(r"\b(?:[Ll]ikely\s+to|may|[Mm]ight|[Cc]ould|[Rr]isks?\s+being)\b")
PROMISING = frozenset({"commit", "pledge", "promise", "plan", "intend", "undertake", "guarantee"})


# What a promise is to do: "committed to building more homes", "pledged to replace every home".
PROMISED_ACT = re.compile(r"\b(?:commit(?:s|ted|ting)?|pledge[sd]?|pledging|promise[sd]?|"
                          r"promising|undert(?:ake|akes|ook|aken)|guarantee[sd]?)\s+"
                          r"(?:(?:itself|themselves|ourselves|himself|herself)\s+)?to\s+"
                          r"([a-z]+)", re.I)


def promised_acts(text: str) -> frozenset[str]:
    """The stems of the acts ``text`` promises: "committed to building" -> {"build"}."""
    return frozenset(stem(m[1].lower()) for m in PROMISED_ACT.finditer(text)
                     if m[1].lower() not in ("the", "a", "an", "this", "that", "its", "our"))


def promises_apart(pair: Pair) -> bool:
    """Do claim and fact promise, or deny promising, different acts ("committed to building
    more homes" against "didn't commit to replacing every home sold")? Then one does not bear
    on the other, whatever polarity each has."""
    claimed = promised_acts(pair.claim.analysis.text)
    recorded = promised_acts(pair.fact.analysis.text)
    return bool(claimed and recorded and claimed.isdisjoint(recorded))


def _commits(pair: Pair) -> bool:
    """Does the claim promise something: a future or a plan, or an act dated after it was said
    ("implementing our reforms from October 2023")?"""
    if any(p.modality in (Modality.FUTURE, Modality.PLAN) or p.action in PROMISING
           for p in pair.claim.analysis.propositions):
        return True
    return pair.statement is not None and any(
        d.start > pair.statement.date.end for d in pair.claim.analysis.dates)


def abandoned_commitment(pair: Pair) -> Vote | None:
    """The record puts off or stops what the claim promised: "we will introduce the cap from
    October 2023" against "I will delay the implementation of these reforms for two years".
    What is stopped must be what the claim names (a word of its own, not "the plans")."""
    if not _commits(pair) or not related(pair, dense_at=0.45, coverage_at=0.25):
        return None
    text = pair.fact.analysis.text
    if FORECAST.search(text):
        return None   # "is likely to be delivered even later": a forecast, not a decision
    claim_stems = {stem(w) for w in pair.claim.analysis.keywords}
    for found in ABANDONING.finditer(text):
        if text[max(0, found.start() - 1):found.start()] == "-":
            continue   # "the already-delayed network" describes delays before, not a new one
        stopped = {stem(w) for w in re.findall(r"[a-z][a-z'\-]+", found.group(1).lower())
                   if w not in FRAME_STOP and len(w) > 2}
        if stopped & claim_stems:
            return Vote("abandoned_commitment", "conflicts", _strength(pair))
    return None


def same_assertion(pair: Pair) -> Vote | None:
    """The same predication about the same matter, with the same polarity."""
    if not related(pair, dense_at=0.6, coverage_at=0.5) or figures_differ(pair):
        return None
    claim_words, fact_words = _words(pair.claim), _words(pair.fact)
    for cp, fp in _proposition_pairs(pair):
        if cp.polarity is fp.polarity and same_predicate(cp, fp, claim_words, fact_words) \
                and _shares_argument(pair, cp, fp):
            return Vote("same_assertion", "supports", _strength(pair), cp, fp)
    return None


def _shares_argument(pair: Pair, cp: Proposition, fp: Proposition) -> bool:
    """Beyond the verb, do they share what it is about (a thing, a name, a topic word)?"""
    verbs = {stem(cp.action), stem(fp.action)}
    shared = [w for w in pair.hit.shared if not w.startswith("#") and stem(w) not in verbs]
    if shared:
        return True
    if cp.things & fp.things or cp.topics & fp.topics:
        return True
    return pair.hit.dense >= 0.7


PRONOUN_WORDS = frozenset({"i", "we", "it", "they", "he", "she", "this", "that", "these",
                           "those", "there", "you", "who", "which", "what"})


@functools.lru_cache(maxsize=65536)
def _head_words(phrase: str) -> frozenset[str]:
    return frozenset(stem(w) for w in re.findall(r"[A-Za-z][A-Za-z'\-]+", phrase.lower())
                     if w not in CONTEXT_STOP and w not in PRONOUN_WORDS and len(w) > 2)


# A noun phrase's own words end where a preposition starts another's: "pupil data | with the
# Home Office".
PHRASE_ENDS = re.compile(r"\s(?:with|to|from|by|for|in|on|at|under|about|between|into|through|"
                         r"across|within|without|over|since|during|after|before)\s", re.I)
# Words that say how many of a thing, not which kind of it.
QUANTITY_WORDS = frozenset(stem(w) for w in (
    "any", "all", "some", "none", "such", "these", "those", "other", "further", "many", "much",
    "several", "few", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "hundred", "thousand", "million", "billion", "number", "total", "amount"))


def own_words(phrase: str) -> list[str]:
    """A noun phrase's own content words, stemmed, in order: those before any preposition,
    less words of quantity ("any", "four")."""
    own = PHRASE_ENDS.split(f" {phrase} ", maxsplit=1)[0]
    return [stem(w) for w in re.findall(r"[A-Za-z][A-Za-z\-]+", own.lower())
            if w not in CONTEXT_STOP and w not in PRONOUN_WORDS and len(w) > 2
            and stem(w) not in QUANTITY_WORDS]


def _object(prop: Proposition) -> str | None:
    return next((text for role, text in prop.arguments if role == "object"), None)


def denial_narrower(pair: Pair, cp: Proposition, fp: Proposition) -> bool:
    """Do the denial and the assertion name two kinds of one thing? "Nationality data will not
    be passed to the Home Office" says nothing against "the Department shares pupil data with
    the Home Office": the pupil data shared may hold no nationality. Each narrows "data" by
    its own words, and the assertion never names the denial's kind. An assertion of the
    denial's kind ("shares pupil nationality data"), or of the thing with no kind of its own
    ("a further two depots were closed"), does meet it."""
    if cp.polarity is fp.polarity:
        return False
    denied, asserted = (cp, fp) if cp.polarity is Polarity.DENIED else (fp, cp)
    asserted_text = (pair.fact if asserted is fp else pair.claim).analysis.text
    denied_object, asserted_object = _object(denied), _object(asserted)
    if denied_object is None or asserted_object is None:
        return False
    denied_words, asserted_words = own_words(denied_object), own_words(asserted_object)
    heads = [w for w in denied_words if w in asserted_words]
    if not heads:
        return False
    head = heads[-1]
    kinds = set(denied_words[:denied_words.index(head)])
    others = set(asserted_words[:asserted_words.index(head)])
    return bool(kinds and others and not kinds & others and not kinds & text_stems(asserted_text))


def text_stems(text: str) -> set[str]:
    """Every word of ``text``, stemmed: what a sentence says, to look a phrase's words up in."""
    return {stem(w) for w in re.findall(r"[A-Za-z][A-Za-z\-]+", text.lower())}


def complements_apart(pair: Pair, cp: Proposition, fp: Proposition) -> bool:
    """Does one accept (or deny, or confirm) a thing and the other a proposition about something
    else? "I do not entirely accept the statistics that the noble Baroness mentioned" says
    nothing against "the Government accept that ... the guidance did not accurately reflect the
    statutory position": a "that" clause is what is accepted there, and it never names the
    statistics. "... accept that the statistics were wrong" does meet it."""
    for one, other, other_text in ((cp, fp, pair.fact.analysis.text),
                                   (fp, cp, pair.claim.analysis.text)):
        thing = _object(one)
        if thing is None or _object(other) is not None:
            continue
        clause = re.search(rf"\b{re.escape(other.action_text)}\s+that\b(.*)", other_text, re.I)
        if clause is None:
            continue
        # The object's head noun: the last of its own words before any clause describing it.
        words = own_words(re.split(r"\b(?:that|which|who|whom)\b", thing, flags=re.I)[0])
        if words and words[-1] not in text_stems(clause[1]):
            return True
    return False


def roles_clash(cp: Proposition, fp: Proposition) -> bool:
    """Do the two propositions name different doers or different things done to?

    "That child has not committed an offence" and "a parent who is suspected of an offence" share
    the offence but not the doer. A passive subject is the thing done to ("No depots have been
    closed" against "the Agency closed four depots"), so it is compared with the other's object.
    """
    def roles(prop: Proposition) -> tuple[set[str], set[str]]:
        objects = [t for r, t in prop.arguments if r == "object"]
        subjects = [t for r, t in prop.arguments if r == "subject" and t not in objects]
        doer = set().union(*(_head_words(t) for t in subjects)) if subjects else set()
        done_to = set().union(*(_head_words(t) for t in objects)) if objects else set()
        return doer, done_to

    c_doer, c_theme = roles(cp)
    f_doer, f_theme = roles(fp)
    if c_theme and f_theme and not c_theme & f_theme and not c_theme & f_doer:
        return True
    return bool(c_doer and f_doer and not c_doer & f_doer and not c_doer & f_theme
                and not cp.entities & fp.entities)


def _strength(pair: Pair) -> float:
    return round(min(1.0, 0.5 + 0.5 * max(pair.hit.dense, pair.hit.coverage)), 3)


# ---------------------------------------------------------------------- figures

@dataclass(frozen=True)
class Figure:
    value: float
    kind: str               # "money", "percent" or "count"
    context: frozenset[str]  # stems of the words that say what is counted
    bound: str = "exact"    # "exact", "at least", "at most" or "about"
    baseline: bool = False  # "up from £240 million": a comparison's earlier value
    change: bool = False    # "2,200 more doctors", "up by 5%": a difference, not a level
    part: bool = False      # "a further 188", "of these, 6,620": one part of a larger count
    per: str | None = None  # "50 schools a year": a rate per year, month, week or day
    span_years: float | None = None  # "500 schools over a 10-year programme": a total over years
    # On the 40 of "23 of the 40 keepers": the part (23) counted of this whole.
    part_counted: float | None = None
    expected: bool = False  # "expects to put around 168,000 into jobs": a forecast, not a count


# "A further 188 officers", "of these, 6,620", "including 40": a part, beside others, of a count.
PART_BEFORE = re.compile(r"(?:\ba\s+further|\banother|\bof\s+(?:these|them|which|whom)\b[\s,:\-]*"
                         r"(?:[\w'\-]+\s+){0,3}|\bincluding)\s*$", re.I)
# "now expects to put around 168,000", "is forecast to reach £2 billion", "aims to recruit":
# what comes before a figure that is expected, not counted.
EXPECTED_BEFORE = re.compile(r"\b(?:expects?|expected|expecting|aims?|aiming|plans?|planned|"
                             r"planning|projected|projects|forecasts?|forecast|intends?|hopes?|"
                             r"estimated\s+to|likely\s+to|on\s+course\s+to|set\s+to)\b"
                             r"(?:\s+[\w'\-,]+){0,5}\s*$", re.I)
# "50 harbour walls a year that will be rebuilt": a figure whose own clause is to come.
EXPECTED_AFTER = re.compile(r"^(?:[\s,]+[\w'\-]+){0,5}?\s+(?:that|which|who)\s+(?:will|would|are\s+to|"
                            r"is\s+to)\b", re.I)
# "23 of the 40", "248 out of 310", "1,200 of the 3,400": what comes before the whole that a
# part is counted of, with the part.
WHOLE_BEFORE = re.compile(r"(?<![\d,.])(\d{1,3}(?:,\d{3})+|\d+)\s+(?:out\s+)?of\s+"
                          r"(?:the\s+|its\s+|their\s+|these\s+|those\s+)?$")
# "50 schools a year", "£3 million per month", "annually": a figure given as a rate.
RATE = re.compile(r"^(?:[\s,]*[\w'\-]+){0,4}?[\s,]+(?:(?:a|per|each|every)\s+(year|month|week|day)\b|"
                  r"(annually|yearly|monthly|weekly))", re.I)
RATE_UNITS = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week"}
# "500 schools over a 10-year programme", "over the next ten years": a total over a span.
SPAN = re.compile(r"^(?:[\s,]*[\w'\-]+){0,4}?\s+over\s+(?:a|an|the|its)?\s*"
                  r"(?:next\s+|last\s+|past\s+|first\s+)?([\w.]+)[\s-]+years?\b", re.I)


def _rate_and_span(following: str) -> tuple[str | None, float | None]:
    rate = RATE.match(following)
    if rate:
        unit = (rate[1] or rate[2]).lower()
        return RATE_UNITS.get(unit, unit), None
    span = SPAN.match(following)
    if span:
        word = span[1].lower()
        years = float(word) if word.replace(".", "").isdigit() else WORD_VALUES.get(word)
        if years:
            return None, float(years)
    return None, None


SCALE = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9,
         "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
WORD_VALUES = {"no": 0, "zero": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4,
               "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
               "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
               "hundred": 100, "half": 0.5, "a dozen": 12, "dozen": 12}
FIGURE = re.compile(
    r"(?P<before>(?:more|fewer|less|over|under|up\s+to|at\s+least|at\s+most|almost|nearly|"
    r"around|about|approximately|roughly|some|over|above|below|just\s+over|just\s+under|"
    r"up\s+from|down\s+from|from|compared\s+with|than|originally|previously|initially)\s+"
    r"(?:than\s+)?(?:the\s+|a\s+)?)?"
    r"(?P<currency>[£$€])?\s?(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"a\s+dozen|half)\b(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|tn|m|k)\b)?"
    r"(?:\s?(?P<percent>%|per\s?cent|percent))?"
    r"(?P<after>(?:\s+(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|half)\b)[A-Za-z'\-]+){0,4})", re.I)
BASELINE_WORDS = ("up from", "down from", "from", "compared with", "than", "originally",
                  "previously", "initially")
AT_LEAST = ("more", "over", "at least", "above", "just over")
AT_MOST = ("fewer", "less", "under", "up to", "at most", "below", "just under")
ABOUT = ("almost", "nearly", "around", "about", "approximately", "roughly", "some")
YEARISH = re.compile(r"^(?:19|20)\d\d$")
CONTEXT_STOP = frozenset({"the", "a", "an", "of", "in", "for", "to", "and", "by", "on", "at",
                          "new", "more", "than", "per", "each", "every", "from", "with", "was",
                          "were", "is", "are", "has", "have", "had", "been", "will", "would"})


@functools.lru_cache(maxsize=65536)
def figures(text: str) -> tuple[Figure, ...]:
    """The figures a sentence states: money, percentages and counts, with what they count."""
    return tuple(_figures(text))


def distinctive_figures(text: str) -> frozenset[tuple[str, float]]:
    """The figures of ``text`` precise enough to name it: three or more significant digits
    ("3,631 centres", "£2.341 billion"), not round ones ("£100,000", "1.8 billion") that any
    number of sentences give."""
    return frozenset((f.kind, f.value) for f in figures(text)
                     if len(f"{f.value:.0f}".rstrip("0")) >= 3 and f.value == int(f.value))


def _figures(text: str) -> list[Figure]:
    found = []
    for m in FIGURE.finditer(text):
        raw = m.group("number").lower()
        if YEARISH.match(raw) and not m.group("currency") and not m.group("scale"):
            continue  # a year, not a figure
        if raw.replace(".", "").isdigit() or "," in raw:
            value = float(raw.replace(",", ""))
        else:
            value = float(WORD_VALUES.get(" ".join(raw.split()), -1))
            if value < 0:
                continue
        # A day of the month ("on 12 January") or a paragraph number is not a figure.
        after_words = (m.group("after") or "").split()
        if after_words and after_words[0].lower().rstrip(",.") in MONTHS:
            continue
        start_context = text[max(0, m.start() - 12):m.start()].lower()
        if re.search(r"(?:para(?:graph)?|section|clause|col(?:umn)?|vol(?:ume)?|no|page|pq|"
                     r"uin|hc|hl|version|v)\.?\s*$", start_context):
            continue
        scale = (m.group("scale") or "").lower()
        value *= SCALE.get(scale, 1.0)
        kind = "money" if m.group("currency") else "percent" if m.group("percent") else "count"
        before = " ".join((m.group("before") or "").lower().split())
        before = re.sub(r"\s+(?:than|the|a)$", "", before).strip()
        before = re.sub(r"\s+(?:than|the|a)$", "", before).strip()
        bound = ("at least" if before in AT_LEAST else "at most" if before in AT_MOST
                 else "about" if before in ABOUT else "exact")
        baseline = before in BASELINE_WORDS
        # What is counted is named after the figure ("six new vessels") or, for money and
        # shares, often before it ("a budget of £240 million", "debt at 97 per cent of GDP").
        before_words = re.findall(r"[A-Za-z'\-]+", text[max(0, m.start() - 40):m.start()])[-3:]
        words = after_words + (before_words if kind != "count" else [])
        context = frozenset(stem(w.strip(",.;:")) for w in words
                            if w.lower().strip(",.;:") not in CONTEXT_STOP and w.isalpha()
                            and w.lower() not in MONTHS) - TIME_UNITS
        preceding = text[max(0, m.start() - 20):m.start()].lower()
        change = bool(after_words and after_words[0].lower() in CHANGE_AFTER) or bool(
            CHANGE_BEFORE.search(preceding))
        rest = m.start("after") if m.group("after") is not None else m.end()
        per, span_years = _rate_and_span(text[rest:rest + 60])
        part = bool(PART_BEFORE.search(text[max(0, m.start() - 30):m.start()]))
        of = WHOLE_BEFORE.search(text[max(0, m.start("number") - 40):m.start("number")])
        part_counted = float(of[1].replace(",", "")) if of else None
        expected = bool(EXPECTED_BEFORE.search(text[max(0, m.start() - 50):m.start()])
                        or EXPECTED_AFTER.match(text[rest:rest + 50]))
        found.append(Figure(value, kind, context, bound, baseline, change, part, per, span_years,
                            part_counted, expected))
    return found


MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"}


TIME_UNITS = frozenset(stem(w) for w in ("day", "days", "week", "weeks", "month", "months",
                                          "year", "years", "hour", "hours", "minute", "minutes",
                                          "time", "times", "occasion", "occasions"))


CHANGE_AFTER = frozenset({"more", "fewer", "less", "extra", "additional", "further"})
# "rose by 5%", "fell 5 per cent", "an increase of £3 billion" give a change; "rose to 5%" a level.
CHANGE_BEFORE = re.compile(r"(?:\bby|increase\s+of|rise\s+of|fall\s+of|cut\s+of|drop\s+of|"
                           r"\ban?\s+(?:extra|additional)|"
                           r"\bup|\bdown|growth\s+of|reduction\s+of|\b(?:rose|risen|fell|fallen|"
                           r"grew|grown|increased|decreased|dropped|reduced|shrank|shrunk))"
                           r"\s*[£$€]?\s*$")


def _same_measure(a: Figure, b: Figure, pair: Pair, strict: bool = True) -> bool:
    if a.kind != b.kind or a.change != b.change:
        return False   # "2,200 more doctors" is not "38,000 doctors"
    if _expected(b, pair.fact) and not _expected(a, pair.claim):
        # "expects to put 168,000 into jobs" is no count of "130,000 have benefited"; a count
        # recorded does bear on a figure promised ("will procure six vessels").
        return False
    if a.per != b.per:
        return False   # "50 schools a year" is not "400 schools in the programme"
    if strict and (a.part or b.part):
        return False   # "a further 188 officers" is one part of the count, not the count
    # The same unit is not the same measure: what is counted must be named alike, and the
    # sentences must be about the same matter: more surely so to conflict than to agree, since
    # an equal figure named alike is itself evidence of the same measure.
    if strict:
        return _counted_alike(a, b) and related(pair, dense_at=0.5, coverage_at=0.4)
    return bool(a.context & b.context)


def _expected(figure: Figure, sentence) -> bool:
    """A figure forecast, planned or promised: by its own words, or by its sentence's."""
    main = sentence.analysis.main
    return figure.expected or (main is not None
                               and main.modality in (Modality.FUTURE, Modality.PLAN))


def _counted_alike(a: Figure, b: Figure) -> bool:
    """Do two figures count the same thing? "105,000 families with children back in school" and
    "the lives of 120,000 families in England" share only the counted noun, and each says more of
    its own: they count different families. One that says nothing more is the same count."""
    shared = a.context & b.context
    if not shared:
        return False
    return len(shared) >= 2 or not (a.context - shared) or not (b.context - shared)


def _agrees(claimed: Figure, recorded: Figure) -> bool:
    c, r = claimed.value, recorded.value
    if claimed.bound == "at least":
        return r >= c
    if claimed.bound == "at most":
        return r <= c
    # "20,951 additional officers" against "more than 20,000": within the record's bound.
    if recorded.bound == "at least":
        return c >= r
    if recorded.bound == "at most":
        return c <= r
    tolerance = 0.1 if claimed.bound == "about" or recorded.bound == "about" \
        or _round(c) else 0.02
    if c == r:
        return True
    return abs(c - r) <= tolerance * max(abs(c), abs(r))


def _round(value: float) -> bool:
    """ "20,000 officers", "£3 billion": a round figure is said to the nearest round unit."""
    if value < 1000:
        return False
    digits = f"{value:.0f}".rstrip("0")
    return len(digits) <= 2


def _figure_pairs(pair: Pair, strict: bool = True):
    if not related(pair, dense_at=0.45, coverage_at=0.3) or measured_apart(pair):
        return
    claimed = [f for f in figures(pair.claim.analysis.text) if not f.baseline]
    recorded = [f for f in figures(pair.fact.analysis.text) if not f.baseline]
    if _opposite_mains(pair):
        # "failed to pay 21% on time" is "paid 79% on time": a share not done is compared as
        # the share done.
        recorded = [replace(f, value=100.0 - f.value) if f.kind == "percent" and f.value <= 100
                    else f for f in recorded]
    for c in claimed:
        for r in recorded:
            r = _as_rate_of(r, c)
            if _same_measure(c, r, pair, strict):
                yield c, r


def _as_rate_of(total: Figure, rate: Figure) -> Figure:
    """ "500 schools over a 10-year programme" read against "about 50 schools a year"."""
    if rate.per == "year" and total.per is None and total.span_years:
        return replace(total, value=total.value / total.span_years, per="year", span_years=None)
    return total


def _opposite_mains(pair: Pair) -> bool:
    said, recorded = pair.claim.analysis.main, pair.fact.analysis.main
    return said is not None and recorded is not None and said.polarity is not recorded.polarity


# A figure recorded this long before or after a statement measures another moment.
FIGURE_YEARS_APART_DAYS = 365


def measured_apart(pair: Pair) -> bool:
    """Were the two figures taken at moments too far apart to be the same measurement?

    Counts and totals change: "12,000 more nurses than a year ago" in July 2020 says nothing of
    "27,000 more" in March 2022. A statement's figure with no period of its own is taken on the
    statement's day; it meets a fact of more than a year before or after only when the claim
    names the period the fact falls in ("in 2019-20, 1,500 requests"). A promised figure is
    measured when it falls due, so no later count before then meets it.
    """
    if pair.statement is None:
        return False
    arose = pair.fact.arose
    if running_totals_apart(pair):
        return True
    if any(d.start <= arose.start <= d.end for d in pair.claim.analysis.dates):
        return False
    after = pair.statement.date.days_until(arose)
    main = pair.claim.analysis.main
    if main is not None and main.modality is Modality.FUTURE and after > 0:
        # "There will be 50,000 more in ten years' time": a count taken on the way there is not
        # the promised one.
        return True
    if any(d.start > pair.statement.date.end and arose.end < d.start
           for d in pair.claim.analysis.dates):
        return True   # "recruiting 20,000 by March 2023": a count before the deadline is progress
    return abs(after) > FIGURE_YEARS_APART_DAYS


# "so far", "to date", "as of 15 July", "between January and September": a figure that totals
# what has happened up to a day.
RUNNING_TOTAL = re.compile(r"\b(?:so\s+far|to\s+date|already|as\s+(?:of|at)|in\s+total|"
                           r"cumulative(?:ly)?|since\b|between\b[^.;]{0,60}?\band\b|"
                           r"from\b[^.;]{0,40}?\b(?:to|until)\b)", re.I)
# Two running totals taken further apart than this are two measurements.
RUNNING_TOTAL_DAYS = 31


def _measured_on(analysis, otherwise: PartialDate) -> int:
    """The day a running total is taken: the last day its sentence names, else ``otherwise``."""
    return max((d.end for d in analysis.dates), default=otherwise.end).toordinal()


def running_totals_apart(pair: Pair) -> bool:
    """A total "so far" is a total on its day: "as of 15 July, £411 million has been paid" says
    nothing against "£44 million has already been paid" in March, and a count "between 11
    January and 30 September 2021" nothing against one to March 2024."""
    if pair.statement is None or not (found_in(RUNNING_TOTAL, pair.claim.analysis.text)
                                      or found_in(RUNNING_TOTAL, pair.fact.analysis.text)):
        return False
    claimed_on = _measured_on(pair.claim.analysis, pair.statement.date)
    recorded_on = _measured_on(pair.fact.analysis, pair.fact.arose)
    return abs(claimed_on - recorded_on) > RUNNING_TOTAL_DAYS


def figures_differ(pair: Pair) -> bool:
    """Do the two give different values for what they count alike, whenever each was taken?
    Such a pair does not bear the claim out, even where the figures are too far apart in time
    to conflict."""
    recorded = figures(pair.fact.analysis.text)
    pairs = [(c, r) for c in figures(pair.claim.analysis.text) for r in recorded
             if c.kind == r.kind and c.change == r.change and c.context & r.context]
    return bool(pairs) and not any(_agrees(c, r) for c, r in pairs)


def conflicting_figure(pair: Pair) -> Vote | None:
    """The same measure with a different value: "a budget of £240 million" against £410 million."""
    pairs = list(_figure_pairs(pair))
    if not pairs or any(_agrees(c, r) for c, r in pairs):
        return None
    return Vote("conflicting_figure", "conflicts", _strength(pair))


def agreeing_figure(pair: Pair) -> Vote | None:
    """The same measure with the same value, or within the claim's bound."""
    for c, r in _figure_pairs(pair, strict=False):
        if r.part_counted is not None and c.part_counted is None:
            continue   # "23 of the 40 keepers were trained" does not bear out "all 40 were"
        if _agrees(c, r):
            return Vote("agreeing_figure", "supports", _strength(pair))
    return None


def reported_words(pair: Pair) -> Vote | None:
    """A report of someone's words ("told the BBC that ...") weighs less than the words."""
    if REPORTING.search(pair.fact.analysis.text) or (
            pair.evidence is not None and pair.evidence.kind == "news"):
        return Vote("reported_words", "weight", 0.8)
    return None


# A minister's verdict on a programme, and an auditor's or evaluator's verdict against it, in
# the words of assessment any policy area uses. Two kinds of verdict, which only meet their own
# kind: how delivery is going ("on track" against "behind schedule") and what it achieved ("a
# great success" against "no significant impact"). A programme can be on schedule and achieve
# nothing, so "on track" is never answered by "no impact".
DELIVERY_FAVOURABLE = re.compile(
    r"\b(?:on\s+(?:track|course|schedule|time|budget|target)|within\s+budget|ahead\s+of\s+"
    r"schedule)\b", re.I)
DELIVERY_UNFAVOURABLE = re.compile(
    r"\b(?:(?:behind|off)\s+(?:schedule|track|target)|not\s+(?:on\s+(?:track|schedule|course|"
    r"time|budget))|over\s+budget|overspen[dt]|exceed(?:ed|s)?\s+(?:its|the|their)\s+budget|"
    r"cost\s+overruns?|(?:significantly|seriously|badly)\s+delayed|"
    r"(?:years?|months?)\s+late)\b", re.I)
OUTCOME_FAVOURABLE = re.compile(
    r"\b(?:(?:a\s+(?:great|huge|real|resounding|big)\s+)?success(?:ful(?:ly)?)?|"
    r"(?:highly\s+|very\s+)?effective(?:ly)?|(?:good|excellent|great)\s+value(?:\s+for\s+money)?|"
    r"value\s+for\s+money|fit\s+for\s+purpose|work(?:ing|ed)\s+well|robust(?:ly)?|"
    r"rigorous(?:ly)?|thorough(?:ly)?|world[-\s]class|well\s+managed|efficient(?:ly)?|"
    r"streamlined|(?:proper|full|appropriate)?\s*due\s+diligence|lawful(?:ly)?|"
    r"(?:running|run|working|operating|conducted|managed)\s+(?:properly|smoothly|effectively)|"
    r"(?:absolutely\s+)?the\s+right\s+decision)\b", re.I)
OUTCOME_UNFAVOURABLE = re.compile(
    r"\b(?:no\s+(?:significant|discernible|measurable|clear|statistically\s+significant|"
    r"real|lasting)\s+(?:or\s+\w+\s+)?(?:impact|effect|improvement|difference|benefit|change)|"
    r"(?:no|unable\s+to\s+find|did\s+not\s+find|found\s+no)\s+(?:\w+\s+)?evidence\s+"
    r"(?:that\s+(?:\w+\s+){1,5}(?:had|has|made)\s+any\s+(?:\w+\s+){0,3}(?:impact|effect|"
    r"difference)|of\s+(?:any\s+)?(?:\w+\s+)?(?:impact|benefit|improvement))|"
    r"did\s+not\s+(?:in\s+itself\s+)?(?:result\s+in|cause|lead\s+to)\s+(?:or\s+\w+\s+)?any\s+"
    r"(?:\w+\s+)?(?:change|improvement|difference)|"
    r"(?:not|neither)\s+(?:been\s+|proved\s+|proven\s+)?(?:successful|effective|fit\s+for\s+"
    r"purpose|robust|value\s+for\s+money|good\s+value)|"
    r"(?:poor|questionable|low|not\s+demonstrated)\s+value(?:\s+for\s+money)?|"
    r"ineffective|unsuccessful|failed\s+to\s+(?:meet|achieve|deliver|reach|work)|fell\s+short|"
    r"(?:did|does|has|have)\s+not\s+(?:achieve[ds]?|meet|met|deliver(?:ed)?|work(?:ed)?|"
    r"succeed(?:ed)?)|(?:significant|serious|major|systemic)\s+(?:problems|weaknesses|failings|"
    r"shortcomings|flaws)|not\s+(?:always\s+)?(?:adequately|properly|consistently)|"
    r"inadequate(?:ly)?|poorly\s+(?:managed|designed|implemented|targeted)|flawed|"
    r"(?:significant|serious|major|fundamental|unacceptable)\s+(?:\w+\s+)?(?:flaws|errors|"
    r"mistakes|failures)|mistakes\s+(?:were|had\s+been|have\s+been)\s+made|unlawful(?:ly)?|"
    r"inefficient|not\s+(?:running|working|operating)\s+(?:properly|smoothly|effectively))\b",
    re.I)
ASSESSMENTS = ((DELIVERY_FAVOURABLE, DELIVERY_UNFAVOURABLE),
               (OUTCOME_FAVOURABLE, OUTCOME_UNFAVOURABLE))


# The share of the claim's words for the matter assessed that the fact must name.
MATTER_SHARE = 0.6
# Where the clause that carries a verdict begins: "I can inform the House that | the scheme ...".
CLAUSE_START = re.compile(r"(?:^|[;:.!?]\s|\bthat\s|\bbut\s|\bwhile\s|\bbecause\s)", re.I)


def _assessed_matter(text: str, verdict: re.Match, keywords: set[str]) -> set[str]:
    """The claim's keywords in the clause of its verdict, before the verdict ("the Coastal
    Skills Fund has been | a great success"), or after it when nothing comes before ("a success
    for the Coastal Skills Fund")."""
    starts = [m.end() for m in CLAUSE_START.finditer(text, 0, verdict.start())]
    before = text[starts[-1] if starts else 0:verdict.start()]
    words = {w for w in re.findall(r"[\w'-]+", before.lower()) if w in keywords}
    if not words:
        after = re.split(r"[;:.!?]", text[verdict.end():], maxsplit=1)[0]
        words = {w for w in re.findall(r"[\w'-]+", after.lower()) if w in keywords}
    return words


# A clause that says what was to be checked, not what was found: "ordered examinations to
# reassure her that the process remained robust", "asked whether it was sound".
TO_BE_TESTED = re.compile(r"\b(?:to\s+(?:reassure|ensure|check|confirm|establish|test|see|satisfy|"
                          r"verify|assess|determine|make\s+sure)\b|whether\b)[^.;:!?]*$", re.I)


def verdict_to_be_tested(text: str, at: int) -> bool:
    """Is the verdict at ``at`` inside a clause of what was to be checked ("examinations to
    reassure her that the process remained robust")? It is not asserted."""
    return TO_BE_TESTED.search(text, 0, at) is not None


# A verdict on what is done: "was robust", "has been a great success", "had proven to be".
PAST_VERDICT = re.compile(r"\b(?:was|were|had\s+been|has\s+been|have\s+been|had\s+proven|"
                          r"has\s+proven|had\s+proved|proved|turned\s+out)\b[^.;:!?]{0,40}$", re.I)


def assessed_as_done(claim: Claim) -> bool:
    """Does the claim's favourable verdict judge something already done ("the first programme,
    which finished in 2015, was successful", "its process was robust")? A later finding on the
    same matter judges the same past, not a later one: what a finished process was does not
    change afterwards."""
    text = claim.analysis.text
    for favourable, _ in ASSESSMENTS:
        verdict = favourable.search(text)
        if verdict is not None and PAST_VERDICT.search(text, 0, verdict.start()):
            return True
    return False


def contrary_assessment(pair: Pair) -> Vote | None:
    """The claim judges a matter favourably and the fact, on the same matter, unfavourably, in
    the same kind of verdict: "the scheme has been a great success" against "the evaluation
    found no significant impact on employment". Most of what the claim's verdict is about must
    be named in the fact."""
    claim_text, fact_text = pair.claim.analysis.text, pair.fact.analysis.text
    if any(found_in(unfavourable, claim_text) for _, unfavourable in ASSESSMENTS):
        return None   # a claim that is itself critical is no favourable verdict to refute
    main = pair.claim.analysis.main
    if main is not None and (main.modality in HEDGED or main.polarity is Polarity.DENIED):
        return None   # "may be a success", "is not yet on track": no favourable verdict
    for favourable, unfavourable in ASSESSMENTS:
        verdict = favourable.search(claim_text)
        if verdict is None or not found_in(unfavourable, fact_text) \
                or verdict_to_be_tested(claim_text, verdict.start()):
            continue
        # The matter is what the clause of the verdict names ("the first programme, which
        # finished in 2015, was successful"): most of it must be in the fact.
        matter = _assessed_matter(claim_text, verdict, _words(pair.claim))
        named = matter & set(pair.hit.shared)
        if named and len(named) >= MATTER_SHARE * len(matter):
            return Vote("contrary_assessment", "conflicts", _strength(pair))
    return None


# Nouns that "no" quantifies idiomatically, not as a thing that did or did not happen: "no
# doubt", "no question of", "no reason to".
IDIOMATIC_ABSENCE = frozenset({"doubt", "question", "reason", "way", "time", "point", "need",
                               "matter", "sense", "longer", "one", "thing", "problem", "issue"})
ABSENT_DENSE = 0.35
DERIVING = ("ment", "ion", "tion", "ation", "ition", "al", "ance", "ence", "ure", "t", "s", "ing")


def derived(a: str, b: str) -> bool:
    """Are two lemmas one word and its derivative? "pay" and "payment", "approve" and
    "approval", "compete" and "competition", "decide" and "decision"."""
    if a == b or stem(a) == stem(b):
        return True
    for x, y in ((a, b), (b, a)):
        if len(x) < 3:
            continue
        if y.startswith(x) and y[len(x):] in DERIVING:
            return True
        if x.endswith("e") and y.startswith(x[:-1]) and y[len(x) - 1:] in DERIVING:
            return True
        if x.endswith("de") and y == x[:-2] + "sion":
            return True
    return False


def _argument_words(analysis) -> set[str]:
    """The stems of the nouns a sentence's propositions are about, as the sentence words them
    (arguments and topics) or names organisations; not their verbs, and not the things a
    lexicon reads into a verb ("breach" implies guidance)."""
    words: set[str] = set()
    for prop in analysis.propositions:
        words |= {stem(t.lstrip("~")) for t in prop.topics if not t.startswith("@")}
        words |= {stem(t) for t in prop.entities}
        for _, text in prop.arguments:
            words |= _head_words(text)
    return words


def absent_against_present(pair: Pair) -> Vote | None:
    """One sentence says there was none of a thing and the other that there was: "no formal
    complaint was made" against "he made a formal complaint in March 2019", "the contract was
    awarded after open competition" against "awarded without competition". The thing's
    narrowing words must be in both, and beyond the thing the two must share what it concerns.
    The thing named in both lets the sentences be further apart in meaning than other signals
    allow: "no payments were made to the consultancy" against "the department paid the
    consultancy £450,000" measures 0.47."""
    if not related(pair, dense_at=ABSENT_DENSE, coverage_at=0.15) or shares_of_a_whole(pair) \
            or changes_apart(pair):
        return None
    claim, fact = pair.claim.analysis, pair.fact.analysis
    # What both concern beyond the thing: the nouns of their arguments. "Received no objections
    # to the bypass" and "received 40 objections to the housing scheme" share a verb and a thing
    # and concern two matters.
    shared = _argument_words(claim) & _argument_words(fact)
    for absent_side, present_side in ((claim, fact), (fact, claim)):
        present_main, absent_main = present_side.main, absent_side.main
        if present_main is None or present_main.polarity is Polarity.DENIED \
                or present_main.modality in HEDGED \
                or (absent_main is not None and absent_main.modality in HEDGED):
            continue
        absent_there = [p.split()[-1] for p in present_side.absent]
        words = set(present_side.keywords)
        for phrase in absent_side.absent:
            *narrowing, head = phrase.split()
            if narrowing[:1] == ["without"]:
                # "announced without consultation" says nothing of a consultation on another act.
                narrowing = narrowing[1:]
                if not any(derived(cp.action, fp.action) for cp in claim.propositions
                           for fp in fact.propositions):
                    continue
            if head in IDIOMATIC_ABSENCE or any(derived(head, w) for w in absent_there):
                continue
            if not any(derived(head, w) for w in words) or not all(
                    any(derived(n, w) for w in words) for n in narrowing):
                continue
            beyond = shared - {stem(w) for w in (head, *narrowing)}
            if not beyond and pair.hit.dense < 0.7 \
                    and not _names_the_same(phrase, present_side.keywords):
                continue
            return Vote("absent_against_present", "conflicts", _strength(pair), claim.main,
                        fact.main)
    return None


def _names_the_same(phrase: str, keywords: tuple[str, ...]) -> bool:
    """Is ``phrase`` a name ("Harbour Levy": two or more words, capitalised as the extractor keeps
    a name) that ``keywords`` give in the same words and order? A name is a thing of its own, so
    naming it in both sentences is what they concern. One capitalised word is as often a title
    used as a kind ("no Minister was present"), and "a levy on harbour berths" names no levy."""
    words = phrase.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    name = [stem(w) for w in words]
    stems = [stem(w) for w in keywords]
    return any(stems[i:i + len(name)] == name for i in range(len(stems) - len(name) + 1))


CONFLICT_SIGNALS: tuple[Callable[[Pair], Vote | None], ...] = (
    refutes_claim, conflicting_figure, opposite_polarity, abandoned_commitment,
    contrary_assessment, share_against_whole, absent_against_present)
SUPPORT_SIGNALS: tuple[Callable[[Pair], Vote | None], ...] = (agreeing_figure, same_assertion)


def vote(pair: Pair) -> tuple[str | None, list[Vote]]:
    """Apply every signal to ``pair``: ("conflicts" | "supports" | None, the votes cast).

    A veto ends it. Conflicts outrank support: a sentence that agrees in its wording but states
    another figure conflicts. ``reported_words`` only weighs.
    """
    veto = refusal_to_disclose(pair) or opinion_only(pair)
    if veto is not None:
        return None, [veto]
    # The same event on a nearby day is the one conflict a difference of period makes.
    misdated = conflicting_date(pair)
    if misdated is not None:
        return "conflicts", [misdated, *filter(None, [reported_words(pair)])]
    veto = different_period(pair)
    if veto is not None:
        return None, [veto]
    votes = [v for v in (s(pair) for s in CONFLICT_SIGNALS) if v is not None]
    outcome = "conflicts" if votes else None
    if outcome is None:
        votes = [v for v in (s(pair) for s in SUPPORT_SIGNALS) if v is not None]
        outcome = "supports" if votes else None
    if outcome is not None:
        weight = reported_words(pair)
        if weight is not None:
            votes.append(weight)
    return outcome, votes


# A concessive clause set aside before the assertion: "While we do not comment on leaked
# reports, ..." declines nothing that the rest of the sentence says.
CONCESSIVE_CLAUSE = re.compile(r"\b(?:while|whilst|although|though)\b[^,;]*[,;]", re.I)


# "I used Anglo Saxon language in the presence of police officers but I did not swear at them":
# what comes after "but ... not" is what the sentence asserts.
BUT_NOT = re.compile(r"\bbut\s+(?:not\b|(?:I|we|he|she|they|it|this|that)\s+(?:did|do|does|have|"
                     r"has|had|was|were|am|is|are|will|would|could|can)(?:\s+not|n[\'\u2019]t)\b|"
                     r"(?:I|we|he|she|they|it)\s+never\b)", re.I)


def conceded_only(claim: Claim, prop: Proposition) -> bool:
    """Is ``prop`` the part a claim concedes before the denial it makes ("I used Anglo Saxon
    language ... but I did not swear at them")? A record of the concession ("He admits using an
    expletive") does not bear out the denial, so it supports nothing."""
    text = claim.analysis.text
    turn = BUT_NOT.search(text)
    if turn is None or not prop.action_text:
        return False
    at = text.find(prop.action_text)
    return 0 <= at < turn.start()


# Not knowing what is still to happen: "We still cannot know how many outbreaks there will be",
# "it is too early to say whether the scheme will meet its target".
UNKNOWABLE_YET = re.compile(
    r"\b(?:(?:cannot|can\s*not|can't|do\s+not|don't|does\s+not|doesn't)\s+(?:yet\s+|now\s+)?"
    r"(?:know|say|tell|predict|forecast|estimate)|(?:too\s+early|impossible)\s+to\s+"
    r"(?:know|say|tell|predict))\s+(?:how|what|when|whether|where|which|if)\b[^.;]*?"
    r"\b(?:will|would|is\s+going\s+to|are\s+going\s+to)\b", re.I)


def claim_declines(claim: Claim) -> bool:
    """A claim that only declines to answer ("not held centrally"), or says that what is still to
    happen cannot be known yet, asserts nothing a record can contradict. "We did not know how
    many outbreaks there were" is about the past, and can be."""
    text = CONCESSIVE_CLAUSE.sub(" ", claim.analysis.text)
    return bool(REFUSAL.search(text) or UNKNOWABLE_YET.search(text))


# ---------------------------------------------------------------------- corrections

CORRECTION_LANGUAGE = re.compile(
    r"\b(?:not\s+(?:accurate|correct|right|the\s+case)|inaccurate|incorrect(?:ly)?|"
    r"not\s+(?:fully\s+)?accurately\s+(?:report|reflect|represent|describe|convey|state|record)\w*|"
    r"(?:was|were)\s+[\"'‘“]?(?:\w+ly\s+)?(?:wrong|mistaken|in\s+error)|mistaken(?:ly)?|in\s+error|"
    r"an\s+error\s+(?:has\s+been|was)\s+(?:identified|made)|error\s+in\s+(?:my|the)|"
    r"errors\s+(?:had|have|were)\s+(?:been\s+)?(?:identified|made)|retracting|"
    r"correct(?:ed|ing|s)\s+(?:the\s+|its\s+|his\s+|her\s+|my\s+|their\s+|earlier\s+)?"
    r"(?:record|statements?|answers?|wording|remarks|words)|"
    r"should\s+(?:not\s+)?have\s+(?:said|stated|been|read|referred|suggested|claimed|acknowledged|"
    r"made\s+clear|included)|"
    r"(?:the\s+)?correct\s+(?:figure|number|total|amount|date|position|information|answer|"
    r"response|wording)\s+(?:is|was|should)|misleading|misled|untrue|"
    r"(?:was|were|is|are)\s+(?:\w+ly\s+)?false|erroneous(?:ly)?|"
    r"(?:I\s+am|I'm|we\s+are|we're|am|are)\s+(?:very\s+|deeply\s+|truly\s+)?sorry|"
    r"(?:overstat|understat|exaggerat|misstat)(?:ed|ing)|"
    r"\bgot\s+(?:it|that|this|the\s+\w+)\s+(?:\w+ly\s+)?wrong|I\s+apologi[sz]e|apologi[sz](?:e|es|ed|ing)\s+(?:to|for)|"
    r"correct\s+the\s+record|set\s+the\s+record\s+straight|inadvertently|misspoke|"
    r"I\s+(?:wish|want)\s+to\s+correct|correction|clarif(?:y|ies|ied|ication)|"
    r"(?:deeply|hugely|sincerely|I)\s+regret(?:s|ted)?|retract(?:ed|s)?|withdr[ae]w(?:n)?\s+(?:the|my|those|his|her)\s+"
    r"(?:remarks?|comments?|words|claim|statement))\b", re.I)
# Words by which a speaker or department owns an error: an apology or a correction.
OWNING = re.compile(r"\b(?:apologi[sz]e|correct(?:ed|ion|ing)?)\b", re.I)
# A report that the speaker admitted the error ("Barker has admitted his prediction ... was
# 'spectacularly wrong'") or took the words back ("she later retracted the claim"): owning it
# too, once the report is surely later than the statement.
ADMITTING = re.compile(r"\b(?:admit(?:s|ted|ting)?|retract(?:s|ed|ing)?|withdr[ae]w(?:s|n)?|"
                       r"withdrawing|backtrack(?:s|ed|ing)?|correct(?:s|ed)\s+(?:his|her|their)\s+"
                       r"(?:own\s+)?(?:statement|answer|remarks|words|evidence))\b", re.I)
FIRST_PERSON_TELLING = re.compile(
    r"\b(?:I\s+(?:told|said|stated|informed|gave|suggested|indicated|referred)|my\s+(?:(?:press\s+)?"
    r"answers?|repl(?:y|ies)|responses?|statements?|letters?|remarks|contributions?|words|"
    r"interviews?|comments)|I\s+apologi[sz]e|"
    r"I\s+(?:mis-?spoke|misstated|was\s+wrong|got\s+(?:it|that|this)\s+wrong|made\s+(?:an?\s+)?"
    r"(?:error|mistake)))\b", re.I)

# An office (a department, No 10) owning its words speaks as "we": "In retrospect we should have
# acknowledged [this]".
OFFICE_FIRST_PERSON = re.compile(
    r"\b(?:we\s+(?:should\s+(?:not\s+)?have|were\s+wrong|got\s+(?:it|that|this)\s+wrong|"
    r"made\s+(?:an?\s+)?(?:error|mistake)|(?:told|said|stated))|our\s+(?:statement|answer|"
    r"figures?|error|mistake))\b", re.I)


@dataclass(frozen=True)
class CorrectionLink:
    """How a later document was tied to the statement it corrects."""

    evidence_id: str
    sentence: str
    by_speaker: bool     # the speaker or their department corrects their own words
    links: tuple[str, ...]   # "date", "speaker", "reference", "words"


# A speaker who is an office, not a person: a department, or one who speaks for it.
SPEAKING_OFFICE = re.compile(r"\b(?:Department|Office|Ministry|Treasury|Government|Agency|"
                             r"[Ss]pokes(?:person|man|woman)|[Pp]ress\s+[Oo]ffice|"
                             r"[Ss]pokes(?:people|persons))\b")


def surname(speaker: str) -> str | None:
    """The name a correction would use: "Nick Gibb" -> "Gibb", "Lord Younger of Leckie" ->
    "Younger". Departments ("Department for Education") and their spokespeople ("the Prime
    Minister's Official Spokesman") have none."""
    words = [w for w in re.findall(r"[A-Z][a-zA-Z'\-]+", speaker or "")
             if w not in TITLES]
    if not words or SPEAKING_OFFICE.search(speaker or ""):
        return None
    if " of " in speaker:
        before = speaker.split(" of ", 1)[0]
        words = [w for w in re.findall(r"[A-Z][a-zA-Z'\-]+", before) if w not in TITLES] or words
    return words[-1]


def names_speaker(statement: Statement, text: str, office_names: tuple[str, ...] = ()) -> bool:
    """Does ``text`` name the statement's speaker, by surname ("Freeman", "Younger")? A speaker
    who is an office (a department, its spokesperson) is named by the office's names,
    ``office_names`` ("Downing Street", "No 10" for the Prime Minister's Office)."""
    name = surname(statement.speaker)
    if name:
        return re.search(rf"\b{re.escape(name)}\b", text) is not None
    return any(_office_speaking(n, text) for n in office_names)


# What an office does when it speaks for itself: "Downing Street yesterday apologised", "a No 10
# spokesman said". An office merely named ("data held by the Department for Education") is not
# speaking: a department's name is in most documents about its work.
OFFICE_SPEAKING = (r"(?:said|says|apologi[sz]ed|apologi[sz]es|admitted|admits|conceded|concedes|"
                   r"accepted|accepts|acknowledged|acknowledges|confirmed|confirms|clarified|"
                   r"clarifies|corrected|corrects|retracted|withdrew|told|stated|states|explained|"
                   r"insisted|regrets|regretted|spokes(?:man|woman|person|people))")


def _office_speaking(name: str, text: str) -> bool:
    office = rf"(?<![\w'’]){re.escape(name)}(?![\w'’])"
    return re.search(rf"{office}(?:['’]s)?\W+(?:\w+\W+){{0,3}}?{OFFICE_SPEAKING}\b"
                     rf"|\bspokes(?:man|woman|person)\s+(?:for|at)\s+(?:the\s+)?{office}",
                     text, re.I) is not None


def office_names(statement: Statement, aliases: Callable[[str], tuple[str, ...]]) -> tuple[str, ...]:
    """The names of the office that speaks, when the speaker is one (no surname): its
    department as filed, and that department's other names, ``aliases(name)``. Posts among
    them ("Home Secretary") are people, not the office."""
    if surname(statement.speaker) is not None:
        return ()
    filed = [n for n in (statement.department, statement.speaker) if n and len(n) > 6
             and not re.search(r"[Ss]pokes|[Oo]fficial", n)]
    names = dict.fromkeys([*filed, *(a for n in filed for a in aliases(n))])
    return tuple(n for n in names if len(n) > 2 and not _a_post(n))


def _a_post(name: str) -> bool:
    """ "Home Secretary", "Chancellor of the Exchequer": a person, where "Prime Minister's
    Office" is an office."""
    if re.search(r"\b(?:Office|Department|Ministry)\b", name):
        return False
    return MINISTER_NAMED.search(name) is not None \
        or re.search(r"\b(?:Chancellor|officials?)\b", name, re.I) is not None


TITLES = {"Lord", "Lady", "Baroness", "Baron", "Viscount", "Earl", "Sir", "Dame", "Mr", "Mrs",
          "Ms", "Miss", "Dr", "Rt", "Hon", "The", "Rt.", "Hon.", "Professor", "Countess", "Duke",
          "Marquess"}


# Words of a post that say nothing about which post it is.
ROLE_STOP = frozenset({"minister", "secretary", "state", "of", "for", "the", "and", "under",
                       "parliamentary", "permanent", "deputy", "chief", "lord", "to", "in",
                       "department", "his", "her", "majesty's", "majestys", "office", "chair",
                       "member", "government", "spokesperson", "spokesman", "spokeswoman",
                       "official", "press", "adviser", "advisor", "prime", "affairs"})
# A filed correction tied to a statement in two other ways needs this share of the claim's words
# anywhere in it (an apology rarely repeats the words it regrets).
FILED_CORRECTION_SHARE = 0.25
# A correction filed by the speaker, naming the occasion, within this many days needs none of the
# words: "the day after his interview on Pienaar's Politics, ... hugely regret if my comment ...".
SOON_AFTER = 14


def named_words(phrase: str | None, stop: frozenset[str] = ROLE_STOP) -> set[str]:
    """The distinguishing words of a role or a programme's title: "Minister of State for
    Immigration" -> {"immigration"}; "Pienaar's Politics, BBC Radio 5 Live" -> its names."""
    if not phrase:
        return set()
    words = (re.sub(r"['’]s$", "", w.lower())
             for w in re.findall(r"[A-Za-z][A-Za-z'’\-]{2,}", phrase.split(",")[0]))
    return {w for w in words if w not in stop}


# A minister's post, not a post that serves one ("the Prime Minister's official spokesman").
MINISTERIAL = re.compile(r"\b(?:minister|secretary)\b(?!['’]s)", re.I)
MINISTER_NAMED = re.compile(r"\b(?:minister|secretary)", re.I)


def _names_post(statement: Statement, text: str) -> bool:
    """ "the Immigration Minister's remarks" names the Minister of State for Immigration. Only a
    ministerial post, by the words that are not its department's: a spokesperson for a
    department is not named by the department's name."""
    if not statement.role or not MINISTERIAL.search(statement.role) \
            or not MINISTER_NAMED.search(text):
        return False
    if any(re.search(rf"\b{re.escape(name)}\b", text) for name in short_posts(statement.role)):
        return True
    own = named_words(statement.role)
    if not own and len(statement.role.split()) >= 2:
        # A post of general words only is one office ("Prime Minister"): named by the phrase.
        return re.search(rf"\b{re.escape(statement.role)}\b", text, re.I) is not None
    return _names_all(own - named_words(statement.department), text)


SECRETARY_OF_STATE = re.compile(r"\bSecretary\s+of\s+State\s+for\s+(?:the\s+)?((?:[A-Z][\w'’]*"
                                r"(?:\s+(?:and|&)\s+|\s+)?)+)")


def short_posts(role: str) -> tuple[str, ...]:
    """What a Secretary of State is called for short: "Secretary of State for Foreign and
    Commonwealth Affairs" is the "Foreign Secretary", "Secretary of State for Work and Pensions"
    the "Work and Pensions Secretary", "for the Home Department" the "Home Secretary"."""
    found = SECRETARY_OF_STATE.search(role or "")
    if not found:
        return ()
    words = found[1].split()
    names = [f"{words[0]} Secretary", f"{' '.join(words)} Secretary"]
    return tuple(dict.fromkeys(names))


def _names_department(statement: Statement, text: str) -> bool:
    department = statement.department or ""
    return len(department) > 6 and department.lower() in text.lower()


def _names_all(words: set[str], text: str) -> bool:
    lowered = text.lower()
    return bool(words) and all(re.search(rf"\b{re.escape(w)}\b", lowered) for w in words)


def tie_words(statement: Statement, offices: tuple[str, ...] = ()) -> frozenset[str]:
    """Words of which a document must hold at least one (as a whole word, any case) for
    ``document_ties`` to tie it to the statement by speaker, post or occasion: what lets a
    judge pass over, unread, the correcting documents that cannot be about this statement.

    Each tie needs a phrase word for word (the surname, the post's own words or its whole
    title, the occasion's words, the names of the office that speaks, ``offices``), so it
    needs every maximal run of word characters in that phrase as a word of the document."""
    phrases = [surname(statement.speaker) or "", *offices]
    if statement.role and MINISTERIAL.search(statement.role):
        own = named_words(statement.role)
        phrases += own if own else [statement.role]
    occasion = named_words(statement.title, frozenset())
    if len(occasion) >= 2:
        phrases += occasion
    return frozenset().union(*(document_words(phrase) for phrase in phrases))


def document_words(text: str) -> frozenset[str]:
    """The whole words of ``text``, lowercased, as ``tie_words`` asks for them."""
    return frozenset(re.findall(r"\w+", text.lower()))


def document_ties(statement: Statement, item: Evidence,
                  statement_day_named: Callable[[str], bool],
                  offices: tuple[str, ...] = ()) -> tuple[list[str], bool]:
    """What ties a whole document to the statement, whatever sentence corrects it: its speaker
    (by name or post, or an office by ``offices``, its names), its occasion; and whether its
    title names the statement's day ("Letter of correction to the Official Report of 19 April
    2023")."""
    whole = f"{item.title}\n{item.text}"
    tied = []
    if names_speaker(statement, whole, offices):
        tied.append("speaker")
    elif _names_post(statement, whole):
        tied.append("post")
    occasion = named_words(statement.title, frozenset())
    if (len(occasion) >= 2 and _names_all(occasion, whole)) or press_occasion_named(statement, whole):
        tied.append("occasion")
    return tied, statement_day_named(item.title)


# The outlet or programme of an interview, as a question or title names it: "Interview with The
# Spectator", "interview on the Today programme".
INTERVIEW_OUTLET = re.compile(r"\b[Ii]nterview\s+(?:with|on|for|to)\s+(?:[Tt]he\s+)?"
                              r"((?:[A-Z][\w'’&-]*)(?:\s+[A-Z][\w'’&-]*){0,3})")


def press_occasion_named(statement: Statement, text: str) -> bool:
    """Does ``text`` name the press occasion the statement was given on: the interview, by its
    outlet or programme ("Statement by Tracey Crouch MP after her Spectator interview", of words
    given in an "Interview with The Spectator"), or the tweet, press release or blog post its
    question or title says it was?"""
    if statement.venue != "press":
        return False
    for phrase in (statement.title, statement.question):
        match = INTERVIEW_OUTLET.search(phrase or "")
        outlet = named_words(match[1], frozenset({"the"})) if match else set()
        if outlet and _names_all(outlet, text) and re.search(r"\binterview", text, re.I):
            return True
        # A tweet, a press release or a blog post: the form the words took names them too
        # ("Foreign Office spokesman's statement on the removal of a tweet", of a "Tweet posted
        # by @foreignoffice").
        medium = MEDIUM.search(phrase or "")
        if medium and re.search(r"\b" + r"\s+".join(medium[1].split()), text, re.I):
            return True
    return False


MEDIUM = re.compile(r"\b(tweet|press\s+release|blog\s+post)s?\b", re.I)


# Two or more capitalised words: how a question names a member ("(Mike Amesbury, Weaver Vale)").
PERSON_NAMED = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][A-Za-z'’\-]+)+")


# Where remarks were made, as a correction names the occasion: "my remarks on the subject before
# the Foreign Affairs Committee", "in my interview", "on the Today programme".
VENUES_NAMED = (
    ("committee", re.compile(r"\b(?:before|at|in\s+front\s+of|evidence\s+to|told)\s+the\s+(?:[A-Z][\w'’&-]*\s+"
                             r"(?:and\s+|of\s+|on\s+)?)*(?:Sub-)?Committee\b|\b(?:answers?|evidence|"
                             r"remarks)\s+to\s+the\s+(?:[A-Za-z]+\s+){0,3}?(?:sub-)?committee\b")),
    # Words given in legal proceedings: "Mr Byers told the court ... that was untrue".
    ("court", re.compile(r"\b(?:told|before|evidence\s+to|admitted\s+to|testified\s+to)\s+the\s+"
                         r"(?:High\s+)?court\b", re.I)),
    ("press", re.compile(r"\b(?:in\s+(?:an?|my|the|his|her|that)\s+(?:\w+\s+)?interview|on\s+the\s+"
                         r"[A-Z]\w*(?:\s+[A-Z]\w*)*\s+programme)\b")),
)


def other_venue_named(statement: Statement, text: str) -> bool:
    """Does a correcting document name an occasion of another kind than the statement's ("my
    remarks ... before the Foreign Affairs Committee", of an answer in the House)? It corrects
    what was said there, and its apologies ("words I used were open to being misinterpreted")
    are for those words. One that names the statement's own kind of occasion too ("his answer to
    the committee had been untruthful ... he told the court") may be correcting it."""
    named = {venue for venue, pattern in VENUES_NAMED if found_in(pattern, text)}
    return bool(named - {statement.venue}) and statement.venue not in named


def questioner_named(statement: Statement, text: str) -> bool:
    """Does ``text`` name someone the statement's question names, other than the speaker? "The
    response I gave to the hon. Member for Weaver Vale (Mike Amesbury)" names who was answered."""
    if not statement.question:
        return False
    speaker = statement.speaker or ""
    # The speaker's own office by another of its names ("the Foreign Office", of the Foreign and
    # Commonwealth Office's words) is not whom it answered.
    own = {w for w in re.findall(r"[A-Z][a-z]+", " ".join(
        filter(None, (speaker, statement.department, statement.role)))) if w not in TITLES}
    names = {m.group(0) for m in PERSON_NAMED.finditer(statement.question)
             if m.group(0) not in speaker and m.group(0).split()[0] not in TITLES
             and not set(m.group(0).split()) <= own | {"Office", "Department", "Ministry"}}
    return any(re.search(rf"\b{re.escape(name)}\b", text) for name in names)


def admitted_later(statement: Statement, item: Evidence, sentence: str) -> bool:
    """Does ``sentence`` report that the speaker admitted an error, in a document surely made
    after the statement? One dated so close that it may come first, or on the same day (a
    report of the month, of the day), may be reporting the statement itself: "You are right,
    we anticipated more plans" is the admission, not a claim it corrects."""
    return ADMITTING.search(sentence) is not None \
        and statement.date.compare(item.date) is Order.BEFORE


# The words by which a correction names an occasion of each venue: "my interviews on Monday
# night" is the press, "my answer of 12 March" a written or oral answer.
OCCASION_NOUNS = {
    "press": r"interviews?|press\s+(?:statements?|conference|briefing)|broadcast|programme|"
             r"remarks|comments",
    "written-answer": r"answers?|repl(?:y|ies)|response",
    "oral": r"debate|House|answers?|repl(?:y|ies)|remarks|comments|contribution|speech|statement|"
            r"questions",
    "written-statement": r"statement",
    "committee": r"evidence|Committee|hearing|session",
    "correspondence": r"letters?|wrote|e-?mail",
    "meeting": r"meeting",
    "foi-response": r"response|reply",
}
# Venues where one speaker gives many items a day (a minister answers a batch of written
# questions): naming the day does not say which answer.
MANY_A_DAY = ("written-answer",)


def own_occasion_corrected(statement: Statement, window: str, speaker_named: bool,
                           day_told: bool, answer_singled_out: bool) -> bool:
    """Does ``window`` hold the speaker's own correction of what they said on the statement's
    day, at the statement's kind of venue: "I may have given a misleading impression in my
    interviews on Monday night" (``day_told``: the text gives that day as the day something was
    said)? It needs the speaker named and in the first person, the occasion named by a word of
    the statement's venue, and, where one speaker gives many items a day, something that
    singles the answer out (``answer_singled_out``: whom it answered, or a share of its words)."""
    if not (speaker_named and day_told and FIRST_PERSON_TELLING.search(window)):
        return False
    nouns = OCCASION_NOUNS.get(statement.venue)
    if nouns is None or not re.search(rf"\b(?:{nouns})\b", window, re.I):
        return False
    return answer_singled_out or statement.venue not in MANY_A_DAY


def corrects_statement(statement: Statement, item: Evidence,
                       windows: Iterable[tuple[str, str]], word_share: Callable[[str], float],
                       statement_day_named: Callable[[str], bool],
                       ties: tuple[list[str], bool] | None = None,
                       other_occasion_named: Callable[[str], bool] | None = None,
                       quotes_claim: Callable[[str], bool] | None = None,
                       figures_of_claim: frozenset[tuple[str, float]] = frozenset(),
                       told_that_day: Callable[[str], bool] | None = None,
                       ) -> CorrectionLink | None:
    """Does ``item`` correct this statement? Correction language in a sentence that is tied to
    the statement by its words and by its day, its speaker (by name or post) or its occasion
    (the debate, hearing or programme).

    ``windows`` holds each sentence with its neighbours (the words corrected are often in the
    sentence before "That was not accurate"); ``word_share(text)`` says how much of the claim's
    words the text shares; ``statement_day_named(text)`` whether it names the statement's day,
    and ``other_occasion_named(text)`` whether it names the day of another occasion of telling
    ("in my answer of 12 March"): a correction that names another day and not this one corrects
    what was said that day, however alike one minister's words on one subject are.
    ``quotes_claim(text)`` says whether the text quotes the claim word for word: a tie of its
    own, and the words. ``figures_of_claim`` are the claim's ``distinctive_figures``: a
    correction naming one ("the department's earlier figure of 3,631 ... was inaccurate") is
    about the words that gave it, as much as one repeating them.
    A document filed as a correction and tied in two ways needs fewer of the claim's words: an
    apology ("I hugely regret if my comment caused offence") seldom repeats them.
    ``told_that_day(text)`` says whether the text gives the statement's day as the day something
    was said ("in my interviews on Monday night"): the speaker correcting what they said on
    that occasion needs none of the words (``own_occasion_corrected``).
    """
    whole = f"{item.title}\n{item.text}"
    # ``ties``: what ``document_ties`` found, when the caller has it for all the claims.
    tied, titled_day = ties or document_ties(statement, item, statement_day_named)
    if other_venue_named(statement, whole):
        return None
    first_person = bool(FIRST_PERSON_TELLING.search(item.text)) or (
        surname(statement.speaker) is None and OFFICE_FIRST_PERSON.search(item.text) is not None)
    # The sentence quoted is the one that says what was wrong ("An error has been identified in
    # the response I gave"), before one that only names the document ("Letter of correction").
    said = [(sentence, window, CORRECTION_LANGUAGE.search(sentence)) for sentence, window in windows]
    said = sorted((w for w in said if w[2]), key=lambda w: w[2][0].lower() == "correction")
    # Filed as a correction within days: the two ways of tying it that need none of the words.
    filed_soon_after = item.kind == "correction" \
        and 0 <= statement.date.days_until(item.date) <= SOON_AFTER
    # A document that quotes the claim word for word and gives the day it was said ("On 12
    # December 2005 ... stating: '...'") is about those words wherever its correction stands:
    # "the need to correct those and other statements" may come paragraphs later.
    quoted_with_day = quotes_claim is not None and quotes_claim(whole) \
        and (titled_day or statement_day_named(whole))
    for sentence, window, _ in said:
        links = (["date"] if titled_day or statement_day_named(window) or quoted_with_day
                 else []) + tied
        quoted = quotes_claim is not None and (quoted_with_day or quotes_claim(window))
        if quoted:
            links.append("quote")
        if not links:
            continue
        if "date" not in links and other_occasion_named is not None \
                and other_occasion_named(window):
            continue
        # Filed as a correction and tied in two ways, or the speaker's own in the first person
        # within days ("Yes, I misspoke - it was 2014 when Viacom bought C5"): a quarter of
        # the claim's words anywhere in it will do.
        # So, whatever it is filed as, is a sentence that names the statement's day beside a
        # document naming its speaker ("John Nott's statement of 4 May ... the errors and
        # misleading impressions in that statement").
        filed_and_tied = (item.kind == "correction" and (
            len(links) >= 2 or (filed_soon_after and first_person and "speaker" in links))) \
            or {"date", "speaker"} <= set(links)
        if quoted or word_share(window) >= 0.5 or (
                filed_and_tied and word_share(whole) >= FILED_CORRECTION_SHARE):
            links.append("words")
        elif figures_of_claim & distinctive_figures(window):
            links.append("figure")
        elif filed_soon_after and "speaker" in links and questioner_named(statement, whole):
            # The speaker's filed correction, soon after, naming whom they answered or were
            # asked about, and no other occasion: "Errors have been identified in the response I
            # gave to the hon. Member for Weaver Vale (Mike Amesbury)", or a letter of apology to
            # the Commissioner they were asked about, needs none of the words.
            links.append("questioner")
        elif told_that_day is not None and own_occasion_corrected(
                statement, window, "speaker" in links, told_that_day(window),
                questioner_named(statement, whole) or word_share(whole) >= FILED_CORRECTION_SHARE):
            links.append("occasion")
        elif not (filed_soon_after and {"speaker", "occasion"} <= set(links)):
            continue
        # The speaker or their department corrects its own words: a correction filed as one,
        # in the first person, naming the speaker with an apology or a correction, or under a
        # title naming the statement's department ("Foreign Office written statement
        # correcting statements to Parliament").
        by_speaker = item.kind == "correction" or first_person or (
            "speaker" in links and OWNING.search(sentence) is not None) or (
            {"speaker", "post"} & set(links) and admitted_later(statement, item, sentence)) or (
            OWNING.search(window) is not None and _names_department(statement, item.title))
        return CorrectionLink(item.id, sentence.strip(), by_speaker, tuple(links))
    return None
