"""Find the evidence sentences that may speak to a claim, with no vocabulary given in advance.

Two retrievers, fused by reciprocal rank:

- lexical: BM25 over each sentence's lemmas, names and numbers, so "closed" meets "closure"
  through their lemma and a rare name ("Kestrel tunnel") weighs more than "Government";
- dense: sentence embeddings (``claimcheck.match.embed``), so "hired a consultancy" meets "engaged
  external consultants" though they share no word.

Retrieval only proposes candidates; ``claimcheck.match.signals`` decides what each one says about the
claim. The lexicon plays no part here: a subject nobody has written a lexicon for is found the
same way as one somebody has.

A (claim, fact) pair's scores depend on the pair alone. A term weighs by its rarity in English at
large (``wordfreq``), not in the evidence set, and a sentence's length is measured against a fixed
one: so a new or edited evidence file moves no other pair's score, and only a claim whose
candidate lists it enters, leaves or changes can be matched differently (what the incremental
check relies on, issue 14). ``search`` can say what it read (``Trace``): the facts on each list
and the last score that made the list, which a new fact must reach to enter it.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from claimcheck.model import Analysis, Claim, Fact

# How many candidates each retriever proposes, and how many survive fusion. Enough that the fact
# that decides a claim is among them on corpora where many documents share its subject; few
# enough that comparing each one in detail stays cheap.
PER_RETRIEVER = 24
KEEP = 16
RRF_K = 60
# A fact sentence with fewer content terms than this borrows the terms of the sentence before it.
SHORT_SENTENCE = 5
# Words that say nothing about what a parliamentary sentence is about.
PARLIAMENTARY_STOP = frozenset({
    "hon", "honourable", "right", "friend", "member", "members", "minister", "ministers",
    "government", "department", "secretary", "state", "house", "lord", "lords", "noble",
    "gentleman", "lady", "question", "answer", "say", "think", "know", "clear", "make", "ensure",
    "also", "would", "could", "will", "shall", "may", "must", "year", "today", "time", "place",
    "mr", "mrs", "ms", "sir", "dame", "baroness", "viscount", "earl", "dr",
})
WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")

# BM25's constants (Robertson's term frequency, as bm25s computes it), with a fixed length
# normaliser: the number of index terms of a typical evidence sentence, not the evidence set's.
K1 = 1.5
B = 0.75
TYPICAL_TERMS = 12.0
# A term's weight is BM25's idf over a notional collection of sentences of this many words, in
# which a word of frequency f (per word of English) occurs in a share 1 - (1 - f) ** n of them...
SENTENCE_WORDS = 20
# ...and in which a word English has never seen occurs as if in one sentence in this many.
RAREST = 10_000
# Coverage (the share of a claim's term weight a fact shares) is taken to this power. English at
# large finds a subject's own words rarer than its evidence set does, so they weigh more than an
# evidence-set idf gave them, and a raw share runs high; the power brings the shares the signals'
# thresholds read back to their old scale (measured on the development sets).
COVERAGE_POWER = 1.5


@functools.lru_cache(maxsize=1 << 17)
def term_weight(term: str) -> float:
    """How much sharing ``term`` says, from its frequency in English (``wordfreq``, offline):
    "kestrel" far more than "home". A number ("#2016") weighs as the number written out does."""
    from wordfreq import word_frequency

    frequency = word_frequency(term[1:] if term.startswith("#") else term, "en")
    share = 1.0 - (1.0 - min(frequency, 1.0)) ** SENTENCE_WORDS
    return math.log(1.0 + (1.0 - share) / (share + 1.0 / RAREST))


def fact_weights(terms: Sequence[str]) -> dict[str, float]:
    """Each term's BM25 weight in a sentence with these index ``terms``: its weight times
    Robertson's saturating term frequency, against the fixed length normaliser."""
    norm = K1 * (1.0 - B + B * len(terms) / TYPICAL_TERMS)
    return {t: term_weight(t) * (n / (n + norm)) for t, n in Counter(terms).items()}


def query_counts(terms: Sequence[str]) -> tuple[tuple[str, int], ...]:
    """A claim's terms with how often each occurs, in the order their scores are summed."""
    return tuple(sorted(Counter(terms).items()))


def lexical_score(counts: Sequence[tuple[str, int]], weights: dict[str, float]) -> float:
    """The BM25 score of a claim's ``counts`` against one fact's ``weights``, summed in the order
    ``Retriever.search`` sums it, so the two give the same number."""
    score = 0.0
    for term, n in counts:
        w = weights.get(term)
        if w is not None:
            score += n * w
    return score


def index_terms(analysis: Analysis, extra: Iterable[str] = ()) -> list[str]:
    """The terms a sentence is retrieved by: its content lemmas, its numbers, ``extra`` words."""
    terms = [k for k in analysis.keywords if k not in PARLIAMENTARY_STOP and len(k) > 1]
    terms += [_number_term(q.value) for q in analysis.quantities]
    for text in extra:
        terms += [w.lower() for w in WORD.findall(text)
                  if w.lower() not in PARLIAMENTARY_STOP and len(w) > 2 and w.lower() not in _STOP]
    return terms


def _number_term(value: float) -> str:
    return f"#{value:g}"


# "She told the committee: ...", "Summary: the Prime Minister told the House that ...": the frame
# says who spoke, not what was claimed, and its words ("committee", "told") would match any
# evidence that mentions a committee.
FRAME = re.compile(
    r"^\s*(?:Summary(?:\s+of[^:]{0,60})?:\s*)?(?:[^\"\u201c:]{0,120}?\b(?:told|tells|said|says|"
    r"added|adds|stated|states|confirmed|confirms|assured|assures|insisted|insists|claimed|"
    r"claims|wrote|writes|replied|replies|answered|announced|announces|argued|explained|"
    r"reassured|promised|pledged|declared|tweeted|posted)\b[^\"\u201c:]{0,80}?"
    r"(?:\s+that\b|:|,)\s*)?", re.I)


def assertion_text(text: str) -> str:
    """What a claim asserts, without the frame that reports it."""
    stripped = FRAME.sub("", text, count=1).strip()
    return stripped if len(stripped) >= 12 else text


def claim_text(claim: Claim) -> str:
    """The claim as it stands alone: its frame dropped, "the data" replaced by what it refers
    to."""
    text = assertion_text(claim.analysis.text)
    for generic, meant in claim.analysis.resolved:
        if generic and meant and generic in text:
            # Kept beside its referent: "the data (country of birth)" still says it is data.
            # A list item taken with its predicate reads as the whole: "we will deliver X".
            text = text.replace(generic, meant if meant.endswith(generic) else
                                f"{generic} ({meant})", 1)
    return text


def _top(scores, k: int) -> list[int]:
    """The indexes of the ``k`` highest scores, highest first, ties by index: a partial sort,
    since only a handful of tens of thousands are wanted. Every score tied with the k-th is
    considered, so which of them is kept depends on the indexes alone."""
    import numpy as np

    if len(scores) > k:
        kth = np.partition(scores, len(scores) - k)[len(scores) - k]
        chosen = np.flatnonzero(scores >= kth)
    else:
        chosen = np.arange(len(scores))
    return [int(i) for i in sorted(chosen, key=lambda i: (-scores[i], i))[:k]]


# How far apart BLAS's blocked product and a row's own product can put one fact's cosine: far
# more than float32 rounding gives (about 1e-7), far less than any two sentences' difference.
BLAS_NOISE = 1e-4


def row_products(vectors, vector):
    """Each row of ``vectors`` times ``vector``, each row on its own (``numpy.einsum``'s own
    loop, not BLAS): a row gets the same number whatever matrix it is in."""
    import numpy as np

    return np.einsum("ij,j->i", vectors, vector)


def dense_scores(vectors, vector, k: int = PER_RETRIEVER):
    """Each fact's cosine with a claim's ``vector``, exact for the ``k`` best. BLAS's blocked
    product rounds a row by where it falls in the matrix (two facts with the same words at
    different places can score a last bit apart, and swap ranks when a file is added), so it
    only shortlists: the facts within ``BLAS_NOISE`` of its ``k``-th score are worked out again
    row by row, the numbers a fact gets wherever it stands. The rest get -2.0, below any
    cosine: ``search`` ranks only the shortlist."""
    import numpy as np

    approximate = (vectors @ vector[:, None])[:, 0]
    if len(approximate) <= k:
        return row_products(vectors, vector)
    kth = np.partition(approximate, len(approximate) - k)[-k]
    near = np.flatnonzero(approximate >= kth - BLAS_NOISE)
    scores = np.full(len(approximate), -2.0, dtype=np.float32)
    scores[near] = row_products(vectors[near], vector)
    return scores


def claim_terms(claim: Claim, extra: Iterable[str] = ()) -> list[str]:
    """A claim's retrieval terms, less the words only its frame uses ("told the committee")."""
    terms = index_terms(claim.analysis, [m for _, m in claim.analysis.resolved] + list(extra))
    asserted = assertion_text(claim.analysis.text)
    if asserted == claim.analysis.text:
        return terms
    frame = claim.analysis.text[: max(0, claim.analysis.text.find(asserted[:20]))].lower()
    kept = asserted.lower()
    return [t for t in terms if t.startswith("#") or t[:4] in kept or t[:4] not in frame]


@dataclass(frozen=True)
class _Terms:
    """A claim's retrieval terms with their set and its total idf weight."""

    terms: list[str]
    unique: set[str]
    weight: float

    @classmethod
    def of(cls, terms: list[str], idf) -> _Terms:
        unique = set(terms)
        return cls(terms, unique, sum(idf(t) for t in unique) or 1.0)


@dataclass
class Trace:
    """What matching one claim read: every fact on either retrieval list (and, from the
    matcher, every lexicon-index candidate), the score a fact must reach to enter each list
    (``lexical_floor`` above 0.0, and ``dense_floor``; None when the list is short, so any fact
    would enter), and the lexicon index's buckets the claim looked in (``FactIndex``). Of a
    listed fact's document, matching reads only its kind (``signals.Pair``)."""

    searched: bool = False
    counts: tuple[tuple[str, int], ...] = ()
    lexical_floor: float = 0.0
    dense_floor: float | None = None
    facts: set[str] = field(default_factory=set)
    buckets: set[tuple[str, str, str]] = field(default_factory=set)
    hits: list = field(default_factory=list)           # what ``search`` found
    candidates: list = field(default_factory=list)     # what the lexicon index found


@dataclass(frozen=True)
class Hit:
    """A candidate fact for a claim and how it was found."""

    fact: Fact
    coverage: float     # 0..1: the share of the claim's term weight the fact shares
    dense: float        # cosine similarity of the two sentences; 0.0 without an embedder
    shared: tuple[str, ...]


class Retriever:
    """Lexical and dense indexes over every fact of the corpus, built once per check."""

    def __init__(self, facts: Sequence[Fact], embedder=None) -> None:
        self.facts = [f for f in facts if not f.implicit]
        own = [index_terms(f.analysis) for f in self.facts]
        self._terms = list(own)
        for i in range(1, len(self.facts)):
            # "In 2020 a further two depots were closed.": a short sentence goes on about what
            # the one before it named, so it is found by those words too.
            if len(set(own[i])) < SHORT_SENTENCE and \
                    self.facts[i - 1].evidence_id == self.facts[i].evidence_id:
                self._terms[i] = own[i] + [t for t in own[i - 1] if not t.startswith("#")]
        self._term_sets = [set(terms) for terms in self._terms]
        self._position = {f.id: i for i, f in enumerate(self.facts)}
        # Per claim, worked out once however many facts it meets: its terms, their set and the
        # set's weight; and its vector.
        self._terms_by_claim: dict[str, _Terms] = {}
        self._claim_vectors: dict[str, object] = {}
        # An inverted index: each term's facts and its BM25 weight in each.
        postings: dict[str, tuple[list[int], list[float]]] = {}
        for i, terms in enumerate(self._terms):
            for term, weight in fact_weights(terms).items():
                where, weights = postings.setdefault(term, ([], []))
                where.append(i)
                weights.append(weight)
        import numpy as np

        self._postings = {t: (np.array(where, dtype=np.int64), np.array(weights))
                          for t, (where, weights) in postings.items()}
        self.embedder = embedder
        self._vectors = None
        if embedder is not None and self.facts:
            self._vectors = embedder.encode([f.analysis.text for f in self.facts])

    def prepare(self, claims: Iterable[Claim]) -> None:
        """Embed every claim in length-sorted batches now, rather than one at a time later."""
        if self.embedder is not None:
            self.embedder.encode([claim_text(c) for c in claims])

    def idf(self, term: str) -> float:
        return term_weight(term)

    def lexical_scores(self, counts: Sequence[tuple[str, int]]):
        """Every fact's BM25 score for a claim's term ``counts`` (``query_counts``)."""
        import numpy as np

        scores = np.zeros(len(self.facts))
        for term, n in counts:
            posting = self._postings.get(term)
            if posting is not None:
                scores[posting[0]] += n * posting[1]
        return scores

    def fact_weights(self, fact_id: str) -> dict[str, float] | None:
        """The BM25 weights of an indexed fact's terms, as ``search`` scores them."""
        position = self._position.get(fact_id)
        return None if position is None else fact_weights(self._terms[position])

    def fact_vectors(self, fact_ids: Sequence[str]):
        """The sentence vectors of indexed facts (None without an embedder)."""
        if self._vectors is None:
            return None
        return self._vectors[[self._position[f] for f in fact_ids]]

    def claim_vectors(self, texts: Sequence[str]):
        """The vectors of claims' texts (``claim_text``), as ``search`` compares them."""
        return self.embedder.encode(list(texts))

    def search(self, claim: Claim, extra: Iterable[str] = (),
               trace: Trace | None = None) -> list[Hit]:
        """The facts most likely to speak to ``claim``, best first. ``trace``, if given, is told
        what the search read."""
        if trace is not None:
            trace.searched = True   # with no facts yet, floors that any fact passes
        if not self.facts:
            return []
        weighed = _Terms.of(claim_terms(claim, extra), self.idf) if extra else \
            self._claim_terms(claim)
        terms = weighed.terms
        ranked: list[list[int]] = []
        counts = query_counts(terms)
        if trace is not None:
            trace.counts = counts
        if terms:
            scores = self.lexical_scores(counts)
            top = _top(scores, PER_RETRIEVER)
            ranked.append([i for i in top if scores[i] > 0])
            if trace is not None:
                trace.lexical_floor = float(scores[top[-1]]) if len(top) == PER_RETRIEVER \
                    else 0.0
        dense = vector = None
        if self._vectors is not None:
            vector = self._claim_vector(claim)
            dense = dense_scores(self._vectors, vector)
            top = _top(dense, PER_RETRIEVER)
            ranked.append(top)
            if trace is not None and len(top) == PER_RETRIEVER:
                trace.dense_floor = float(dense[top[-1]])
        if trace is not None:
            trace.facts.update(self.facts[i].id for order in ranked for i in order)
        fused: dict[int, float] = {}
        for order in ranked:
            for rank, i in enumerate(order):
                fused[i] = fused.get(i, 0.0) + 1.0 / (RRF_K + rank)
        best = sorted(fused, key=lambda i: (-fused[i], self.facts[i].id))[:KEEP]
        # Each hit's cosine row by row, whichever list it came from (``dense_scores``).
        similarities = row_products(self._vectors[best], vector) if dense is not None else None
        hits = [self._hit(weighed, i, None if similarities is None else float(similarities[n]))
                for n, i in enumerate(best)]
        if trace is not None:
            trace.hits = hits
        return hits

    def score(self, claim: Claim, fact: Fact) -> Hit:
        """How close one given fact is to ``claim``, measured as ``search`` measures its hits."""
        weighed = self._claim_terms(claim)
        terms = weighed.terms
        position = self._position.get(fact.id)
        if position is None:
            shared = set(terms) & set(index_terms(fact.analysis))
            return Hit(fact, self._coverage(weighed, shared), 0.0, tuple(sorted(shared)))
        similarity = None
        if self._vectors is not None:
            # One fact: one row, not the whole matrix.
            similarity = float(row_products(self._vectors[position:position + 1],
                                            self._claim_vector(claim))[0])
        return self._hit(weighed, position, similarity)

    def _claim_terms(self, claim: Claim) -> _Terms:
        """A claim's terms, worked out once however many facts it is compared with."""
        if claim.id not in self._terms_by_claim:
            self._terms_by_claim[claim.id] = _Terms.of(claim_terms(claim), self.idf)
        return self._terms_by_claim[claim.id]

    def _claim_vector(self, claim: Claim):
        if claim.id not in self._claim_vectors:
            self._claim_vectors[claim.id] = self.embedder.encode([claim_text(claim)])[0]
        return self._claim_vectors[claim.id]

    def _hit(self, weighed: _Terms, i: int, similarity: float | None) -> Hit:
        shared = weighed.unique & self._term_sets[i]
        return Hit(self.facts[i], self._coverage(weighed, shared),
                   round(similarity, 3) if similarity is not None else 0.0,
                   tuple(sorted(shared)))

    def _coverage(self, weighed: _Terms, shared: set[str]) -> float:
        """The share of the claim's term weight that ``shared`` holds, on the signals' scale."""
        return round((sum(self.idf(t) for t in shared) / weighed.weight) ** COVERAGE_POWER, 3)


_STOP = frozenset({
    "the", "and", "for", "that", "this", "with", "from", "which", "what", "whether", "have", "has",
    "had", "are", "was", "were", "been", "being", "not", "any", "all", "its", "their", "there",
    "they", "them", "how", "many", "much", "into", "onto", "upon", "such", "than", "then", "when",
    "who", "whom", "why", "our", "his", "her", "she", "him", "you", "your", "ask", "to", "of", "in",
})
