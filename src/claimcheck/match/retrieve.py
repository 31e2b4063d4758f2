"""Find the evidence sentences that may speak to a claim, with no vocabulary given in advance.

Two retrievers, fused by reciprocal rank:

- lexical: BM25 (``bm25s``) over each sentence's lemmas, names and numbers, so "closed" meets
  "closure" through their lemma and a rare name ("Kestrel tunnel") weighs more than "Government";
- dense: sentence embeddings (``claimcheck.match.embed``), so "hired a consultancy" meets "engaged
  external consultants" though they share no word.

Retrieval only proposes candidates; ``claimcheck.match.signals`` decides what each one says about the
claim. The lexicon plays no part here: a subject nobody has written a lexicon for is found the
same way as one somebody has.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

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
    since only a handful of tens of thousands are wanted."""
    import numpy as np

    if len(scores) > k:
        chosen = np.argpartition(-scores, k)[:k]
    else:
        chosen = np.arange(len(scores))
    return [int(i) for i in sorted(chosen, key=lambda i: (-scores[i], i))]


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
        documents = Counter(t for terms in self._terms for t in set(terms))
        total = max(1, len(self.facts))
        self._idf = {t: math.log(1 + (total - n + 0.5) / (n + 0.5)) for t, n in documents.items()}
        self._default_idf = math.log(1 + (total + 0.5) / 0.5)
        self._bm25 = None
        if self.facts:
            import bm25s

            self._bm25 = bm25s.BM25()
            self._bm25.index([terms or ["\x00"] for terms in self._terms], show_progress=False)
        self.embedder = embedder
        self._vectors = None
        if embedder is not None and self.facts:
            self._vectors = embedder.encode([f.analysis.text for f in self.facts])

    def prepare(self, claims: Iterable[Claim]) -> None:
        """Embed every claim in length-sorted batches now, rather than one at a time later."""
        if self.embedder is not None:
            self.embedder.encode([claim_text(c) for c in claims])

    def idf(self, term: str) -> float:
        return self._idf.get(term, self._default_idf)

    def search(self, claim: Claim, extra: Iterable[str] = ()) -> list[Hit]:
        """The facts most likely to speak to ``claim``, best first."""
        if not self.facts:
            return []
        weighed = _Terms.of(claim_terms(claim, extra), self.idf) if extra else \
            self._claim_terms(claim)
        terms = weighed.terms
        ranked: list[list[int]] = []
        if terms:
            scores = self._bm25.get_scores(terms)
            ranked.append([i for i in _top(scores, PER_RETRIEVER) if scores[i] > 0])
        dense = None
        if self._vectors is not None:
            # As a one-column product: OpenBLAS gives the same numbers as the matrix-vector
            # product, without starting its threads for each claim (25 times faster here).
            dense = (self._vectors @ self._claim_vector(claim)[:, None])[:, 0]
            ranked.append(_top(dense, PER_RETRIEVER))
        fused: dict[int, float] = {}
        for order in ranked:
            for rank, i in enumerate(order):
                fused[i] = fused.get(i, 0.0) + 1.0 / (RRF_K + rank)
        best = sorted(fused, key=lambda i: (-fused[i], self.facts[i].id))[:KEEP]
        return [self._hit(weighed, i, float(dense[i]) if dense is not None else None)
                for i in best]

    def score(self, claim: Claim, fact: Fact) -> Hit:
        """How close one given fact is to ``claim``, measured as ``search`` measures its hits."""
        weighed = self._claim_terms(claim)
        terms = weighed.terms
        position = self._position.get(fact.id)
        if position is None:
            shared = set(terms) & set(index_terms(fact.analysis))
            weight = sum(self.idf(t) for t in set(terms)) or 1.0
            return Hit(fact, round(sum(self.idf(t) for t in shared) / weight, 3), 0.0,
                       tuple(sorted(shared)))
        similarity = None
        if self._vectors is not None:
            # One fact: one dot product, not the whole matrix.
            similarity = float(self._vectors[position] @ self._claim_vector(claim))
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
        coverage = sum(self.idf(t) for t in shared) / weighed.weight
        return Hit(self.facts[i], round(coverage, 3),
                   round(similarity, 3) if similarity is not None else 0.0,
                   tuple(sorted(shared)))


_STOP = frozenset({
    "the", "and", "for", "that", "this", "with", "from", "which", "what", "whether", "have", "has",
    "had", "are", "was", "were", "been", "being", "not", "any", "all", "its", "their", "there",
    "they", "them", "how", "many", "much", "into", "onto", "upon", "such", "than", "then", "when",
    "who", "whom", "why", "our", "his", "her", "she", "him", "you", "your", "ask", "to", "of", "in",
})
