"""What each statement's judgment read, so that a changed evidence file is judged again only
against the statements it can reach (issue 14).

A statement's findings are cached with the evidence set they were judged against (its "world")
and with what matching and judging read of it (``reads``):

- the documents read whole: those that correct the statement (by its reference or by words
  tied to it), and the later versions of any document whose timing was read, with what those
  versions are;
- of every other document, the fields the signals and the judge read (``WatchedEvidence``), with
  a digest of each;
- per claim, every fact on its two retrieval lists and every lexicon-index candidate; the score
  a new fact must reach to enter each list (``retrieve.Trace``); the lexicon-index buckets it
  looked in; and a digest of what the two found (``found_digest``).

Retrieval scores depend on the (claim, fact) pair alone (``claimcheck.match.retrieve``), so when
the evidence differs from the world a statement was judged against, its findings still hold
unless a document that was added, removed or edited

- is one it read whole, has another value in a field it read, or holds, then or now, a fact
  it listed that reads otherwise now;
- files a fact, then or now, in a bucket one of its claims looked in, or has a fact that
  reaches a claim's lexical or dense floor, and so could enter its list, and the claim's
  candidates, found again, differ from those recorded (``found_digest``);
- would correct it (``Judge.corrections_for`` and the judge's ties by words, asked of the
  changed documents alone); or
- changes the later versions of a document it read.

Every test errs towards judging again: a score that ties the floor counts as entering.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from claimcheck.judge.rules import Judge, ReadLog
from claimcheck.lexicon import Lexicon
from claimcheck.match.matcher import FactIndex, Match, Matcher
from claimcheck.match.retrieve import Hit, Trace, claim_text, lexical_score
from claimcheck.model import Claim, Evidence, Fact, Finding, Statement

# Scores are compared with a margin, so that a sum taken in another order, or a vector product
# blocked otherwise, never lets a fact that enters a list pass for one that does not.
LEXICAL_MARGIN = 1e-9
DENSE_MARGIN = 1e-5


class _Watched:
    """An evidence document that notes which of its fields are read."""

    __slots__ = ("_item", "_seen")

    def __init__(self, item: Evidence, seen: set[str]) -> None:
        object.__setattr__(self, "_item", item)
        object.__setattr__(self, "_seen", seen)

    def __getattr__(self, name: str):
        self._seen.add(name)
        return getattr(self._item, name)

    def __setattr__(self, name: str, value) -> None:
        raise AttributeError("an evidence document is read-only")


class WatchedEvidence(Mapping):
    """Evidence documents by id, each handed out as a ``_Watched`` that notes in ``seen``
    which of its fields the matcher's signals and the judge read."""

    def __init__(self, items: dict[str, Evidence]) -> None:
        self._items = items
        self.seen: dict[str, set[str]] = defaultdict(set)

    def __getitem__(self, key: str) -> _Watched:
        return _Watched(self._items[key], self.seen[key])

    def __iter__(self):
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def digests(self) -> dict[str, dict[str, str]]:
        """What was read: each document's fields read, with a digest of each one's value."""
        return {key: {name: field_digest(self._items[key], name) for name in sorted(names)}
                for key, names in sorted(self.seen.items()) if names}


def field_digest(item: Evidence, name: str) -> str:
    """A digest of one field of ``item`` (a method's differs every time: never taken as the
    same)."""
    return hashlib.sha256(repr(getattr(item, name, None)).encode()).hexdigest()[:20]


def watching_judge(evidence: Sequence[Evidence], lexicon: Lexicon) -> Judge:
    """A judge whose document look-ups go through ``WatchedEvidence`` (its ``evidence``), so
    that the fields it reads, and those the matcher's signals read, are noted."""
    return Judge(evidence, lexicon, documents=WatchedEvidence({e.id: e for e in evidence}))


def judge_traced(matcher: Matcher, judge: Judge, statement: Statement,
                 claims: Sequence[Claim], home: str | None,
                 dense: bool) -> tuple[list[Finding], str]:
    """The statement's findings, and what they read as ``reads`` JSON. ``judge`` is a
    ``watching_judge`` and the matcher's ``evidence`` its ``evidence``, so what the signals read
    is noted too."""
    watched: WatchedEvidence = judge.evidence
    watched.seen.clear()
    log = ReadLog()
    traces, matches = [], {}
    for claim in claims:
        trace = Trace()
        matches[claim.id] = matcher.candidates(claim, home, statement.date, statement, trace)
        traces.append((claim, trace))
    findings = judge.judge(statement, claims, matches, log)
    reads = {
        "evidence": sorted(log.documents),
        "fields": watched.digests(),
        "facts": sorted(set().union(*(t.facts for _, t in traces))),
        "versions": sorted(log.versions.items()),
        "claims": [{"counts": [list(c) for c in t.counts], "lexical": t.lexical_floor,
                    "dense": t.dense_floor, "text": claim_text(claim) if dense else "",
                    "buckets": sorted(list(b) for b in t.buckets),
                    "id": claim.id, "found": found_digest(claim, t.hits, t.candidates)}
                   for claim, t in traces if t.searched or t.buckets],
    }
    return findings, json.dumps(reads, separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True)
class Change:
    """How the evidence differs from an earlier world, as the tests of ``still_holds`` need it."""

    documents: frozenset[str]                       # added, removed or edited evidence ids
    now: dict[str, Evidence]                        # those of them there are now
    facts: frozenset[str]                           # their facts, then or now, that differ
    buckets: frozenset[tuple[str, str, str]]        # the buckets those facts are filed in
    weights: list[dict[str, float]]                 # each new indexed fact's BM25 weights
    by_term: dict[str, list[int]]                   # term -> the new facts that hold it
    vectors: object                                 # the new facts' vectors (None: lexical)
    judge: Judge                                    # the new and edited documents alone
    versions: dict[str, list[str]]                  # later versions in the evidence as it is


def _as_indexed(facts: Iterable[Fact]) -> dict[str, tuple]:
    """Each fact with what retrieval reads of it: itself and, since a short sentence borrows
    the terms of the one before it in its document (``Retriever``), that one."""
    out, before = {}, {}
    for fact in facts:
        out[fact.id] = (fact, None if fact.implicit else before.get(fact.evidence_id))
        if not fact.implicit:
            before[fact.evidence_id] = fact
    return out


def change_between(old: dict[str, str], evidence: Sequence[Evidence],
                   facts_now: Sequence[Fact], facts_then: Iterable[Fact], index: FactIndex,
                   matcher: Matcher, judge: Judge, lexicon: Lexicon) -> Change:
    """The ``Change`` from the world ``old`` (evidence id -> content hash) to ``evidence``,
    whose facts are ``facts_now``; ``facts_then`` are the facts of the documents the old world
    had and this one lacks or holds edited. A fact of an edited document that reads the same
    is no change to a statement that only listed it (what it read of the document itself is
    compared field by field)."""
    now = {e.id: e.content_hash for e in evidence}
    documents = frozenset({i for i, h in old.items() if now.get(i) != h}
                          | {i for i in now if i not in old})
    then = _as_indexed(facts_then)
    current = _as_indexed(f for f in facts_now if f.evidence_id in documents)
    kept = {i for i, read in current.items() if then.get(i) == read}
    fresh = [read[0] for i, read in current.items() if i not in kept]
    gone = [read[0] for i, read in then.items() if i not in kept]
    buckets = set()
    for fact in [*fresh, *gone]:
        buckets |= index.buckets_of(fact)
    retriever = matcher.retriever
    indexed = [f for f in fresh if retriever.fact_weights(f.id) is not None]
    weights = [retriever.fact_weights(f.id) for f in indexed]
    by_term: dict[str, list[int]] = defaultdict(list)
    for n, w in enumerate(weights):
        for term in w:
            by_term[term].append(n)
    vectors = retriever.fact_vectors([f.id for f in indexed]) if indexed else None
    new_documents = [e for e in evidence if e.id in documents]
    return Change(documents, {e.id: e for e in new_documents},
                  frozenset(f.id for f in [*fresh, *gone]), frozenset(buckets),
                  weights, dict(by_term), vectors, Judge(new_documents, lexicon),
                  {k: [e.id for e in v] for k, v in judge.successors.items()})


def found_digest(claim: Claim, hits: Sequence[Hit], candidates: Sequence[Match]) -> str:
    """A digest of what retrieval and the lexicon index found for ``claim``: all that matching
    reads of the evidence besides the facts themselves and their documents' kinds."""
    def where(prop, props) -> int:
        return props.index(prop) if prop in props else -1
    found = [[h.fact.id, h.coverage, h.dense, list(h.shared)] for h in hits]
    found += [[m.fact.id, where(m.claim_proposition, claim.analysis.propositions),
               where(m.fact_proposition, m.fact.analysis.propositions), m.conflicts, m.score,
               list(m.shared), list(m.signals), m.about_statement] for m in candidates]
    text = json.dumps(found, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def found_again(matcher: Matcher, claim: Claim, home: str | None, statement: Statement) -> str:
    """``found_digest`` of the claim against the evidence as it is now, as ``Matcher`` finds."""
    trace = Trace()
    candidates = matcher.index.candidates(claim, home, statement.date, trace)
    hits = matcher.retriever.search(claim, trace=trace)
    return found_digest(claim, hits, candidates)


def still_holds(statement: Statement, reads: dict, change: Change) -> set[str] | None:
    """None if the change may reach the statement's findings; otherwise the ids of its claims
    whose retrieval lists or lexicon-index candidates it may reach (``found_again`` tells), an
    empty set when it reaches none (the dense floors apart: ``dense_reached``)."""
    if change.documents.intersection(reads["evidence"]) or change.facts.intersection(
            reads["facts"]):
        return None
    for key in change.documents.intersection(reads["fields"]):
        item = change.now.get(key)
        if item is None or any(field_digest(item, name) != digest
                               for name, digest in reads["fields"][key].items()):
            return None
    for key, later in reads["versions"]:
        if change.versions.get(key, []) != later:
            return None
    # Any changed document that could correct the statement (by its reference, or later and in
    # correction language, however it is tied: by speaker, day, or the words it quotes) has it
    # judged again.
    if change.judge.corrections_for(statement) or change.judge.later_correcting(statement):
        return None
    recheck = set()
    for claim in reads["claims"]:
        if change.buckets and any(tuple(b) in change.buckets for b in claim["buckets"]):
            recheck.add(claim["id"])
            continue
        floor = claim["lexical"]
        scored: set[int] = set()
        for term, _ in claim["counts"]:
            scored.update(change.by_term.get(term, ()))
        for n in scored:
            score = lexical_score(claim["counts"], change.weights[n])
            if score > 0 and score >= floor - LEXICAL_MARGIN * max(1.0, floor):
                recheck.add(claim["id"])
                break
    return recheck


def dense_reached(reads: Sequence[dict], change: Change, claim_vectors) -> list[set[str]]:
    """For each statement's ``reads``, the ids of its claims whose dense floor a new fact
    reaches (a short list's, none, is reached by any). ``claim_vectors(texts)`` gives the
    claims' vectors."""
    if change.vectors is None or not len(change.weights):
        return [set() for _ in reads]
    texts = sorted({c["text"] for r in reads for c in r["claims"] if c["dense"] is not None})
    best = {}
    if texts:
        similarity = claim_vectors(texts) @ change.vectors.T
        best = {t: float(row.max()) for t, row in zip(texts, similarity, strict=True)}
    return [{c["id"] for c in r["claims"]
             if c["dense"] is None or best[c["text"]] >= c["dense"] - DENSE_MARGIN}
            for r in reads]
