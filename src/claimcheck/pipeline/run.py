"""The whole check, stage by stage: load -> extract -> match -> judge.

``check`` is what the command line runs and what library users call. The ``nlp`` pipeline is made
by the caller (``claimcheck.extract.nlp.load_pipeline``) and passed in.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from claimcheck.corpus.load import load_corpus
from claimcheck.lexicon import Lexicon, load_lexicon
from claimcheck.model import VERDICT_SEVERITY, CheckResult, Claim, Corpus, Fact, Finding, Problem
from claimcheck.pipeline.cache import ExtractionCache, Judged

if TYPE_CHECKING:
    from claimcheck.extract.extractor import Extractor
    from claimcheck.pipeline.cluster import Cluster

Progress = Callable[[str, int, int], None]


def lexicon_for(claims_dir: Path, extra: list[Path] | tuple[Path, ...] = ()) -> Lexicon:
    """The default lexicon, then a ``lexicon.toml`` beside the corpus folders, then ``extra``."""
    beside = claims_dir.resolve().parent / "lexicon.toml"
    files = ([beside] if beside.is_file() else []) + list(extra)
    return load_lexicon(files)


def check(claims_dir: Path, evidence_dir: Path, nlp, lexicon: Lexicon | None = None,
          strict: bool = False, progress: Progress | None = None,
          embedder=None) -> CheckResult:
    """Check the folders with the ``nlp`` pipeline (and, for retrieval by meaning, the
    ``embedder`` from ``claimcheck.match.embed.load_embedder``; without it, by words alone)."""
    corpus = load_corpus(claims_dir, evidence_dir, strict=strict)
    lexicon = lexicon or lexicon_for(claims_dir)
    return check_corpus(corpus, nlp, lexicon, progress, embedder=embedder)


# From this many files, starting a second process pays for itself.
LARGE_CORPUS = 2000


def check_folders(claims_dir: Path, evidence_dir: Path, lexicon_files: list[Path] | None = None,
                  cache_dir: Path | None = None, strict: bool = False, jobs: int = 0,
                  progress: Progress | None = None, dense: bool = True,
                  warn: Callable[[str], None] | None = None,
                  cluster: str | None = None) -> CheckResult:
    """What the commands run: load the folders, the lexicon (the default, a lexicon.toml beside
    the folders, then ``lexicon_files``) and the English pipeline, then check, reusing the
    readings cached in ``cache_dir`` (None: no cache). ``jobs`` 0 picks the number of processes
    from the corpus size. spaCy is imported only if something is not in the cache. ``warn`` is
    told when the cache had to be discarded or given up. ``cluster`` (a Dask scheduler's
    address, or "local") runs the reading there (``claimcheck.pipeline.cluster``)."""
    from claimcheck.extract.nlp import DeferredPipeline

    corpus = load_corpus(claims_dir, evidence_dir, strict=strict)
    lexicon = lexicon_for(claims_dir, lexicon_files or [])
    nlp = DeferredPipeline()
    # The embedding model, like spaCy, is loaded only if the result is not cached.
    embedder = _load_embedder if dense else None
    cache = (ExtractionCache(cache_dir / "readings.sqlite3", nlp, lexicon, warn=warn)
             if cache_dir else None)
    size = len(corpus.statements) + len(corpus.evidence)
    processes = jobs or (min(2, os.cpu_count() or 1) if size >= LARGE_CORPUS else 1)
    remote = None
    try:
        if cluster is not None:
            from claimcheck.pipeline.cluster import Cluster

            remote = Cluster(cluster, lexicon, (nlp.meta.get("name", ""),
                                                nlp.meta.get("version", "")))
        return check_corpus(corpus, nlp, lexicon, progress, cache=cache, n_process=processes,
                            embedder=embedder, cluster=remote)
    finally:
        if remote is not None:
            remote.close()
        if cache is not None:
            cache.close()


def check_corpus(corpus: Corpus, nlp, lexicon: Lexicon, progress: Progress | None = None,
                 cache: ExtractionCache | None = None, n_process: int = 1,
                 embedder=None, cluster: Cluster | None = None) -> CheckResult:
    """Judge every claim of ``corpus``. ``cache`` skips extraction of unchanged items;
    ``embedder`` (an ``Embedder``, or ``embed.load_embedder`` to load one only if the result is
    not cached) adds retrieval by meaning;
    ``n_process`` > 1 runs spaCy in that many processes (worth it from a few thousand items).
    ``nlp`` may be a ``DeferredPipeline``: it is loaded only when the result is not cached.
    With a ``cluster``, what is not cached is read (and embedded) there instead."""
    # Each statement's findings are cached with the evidence set they were judged against (the
    # "world") and what their judging read of it (``claimcheck.pipeline.reads``): a changed
    # statement is judged again alone, a changed evidence file with the statements it can
    # reach, and an unchanged corpus not at all.
    mode = "dense" if embedder is not None else "lexical"
    world = cache.world_key([(e.id, e.content_hash) for e in corpus.evidence], mode) \
        if cache else None
    keys = [cache.judged_key(mode, s.id, str(s.path), s.content_hash) if world else None
            for s in corpus.statements] if cache else [None] * len(corpus.statements)
    known: list[Judged | None] = cache.get_many(keys, Judged) if cache else [None] * len(keys)
    if all(k is not None and k.world == world for k in known):
        return CheckResult(corpus, tuple(f for k in known for f in k.findings), corpus.problems)
    # Here, not at the top: extract imports spaCy, which cached findings do not need.
    from claimcheck.extract.extractor import Extractor
    from claimcheck.extract.nlp import loaded
    from claimcheck.judge.rules import Judge
    from claimcheck.match.matcher import FactIndex, Matcher
    from claimcheck.match.retrieve import Retriever, claim_text
    from claimcheck.pipeline.reads import judge_traced, watching_judge

    asked_dense = embedder is not None
    if callable(embedder) and not hasattr(embedder, "encode"):
        embedder, why_not = embedder()
        if embedder is None:
            corpus = Corpus(corpus.statements, corpus.evidence, corpus.problems + (
                Problem(Path("embedding model"), f"{why_not}; retrieving by words alone",
                        skipped=False),))
        elif cache is not None:
            from claimcheck.match.embed import StoredVectors

            embedder.store = StoredVectors(cache)
        elif cluster is not None:
            embedder.store = _Vectors()
    # Without the embedding model the findings are judged by words alone: not what the keys
    # say, so neither used nor remembered.
    if (embedder is not None) != asked_dense:
        cache, keys, known = None, [None] * len(keys), [None] * len(keys)
    extractor = Extractor(loaded(nlp), lexicon)
    report = progress or (lambda stage, done, total: None)
    facts = []
    read = _cached(extractor, "evidence", corpus.evidence, cache, n_process, cluster)
    for done, (_, item_facts) in enumerate(read, start=1):
        facts.extend(item_facts)
        report("evidence", done, len(corpus.evidence))
    by_id = {e.id: e for e in corpus.evidence}
    index = FactIndex(facts, lexicon)
    # With the cache, what judging reads is kept with the findings: the judge and the
    # matcher's signals look documents up through one mapping that notes each field read.
    tracing = cache is not None
    judge = watching_judge(corpus.evidence, lexicon) if tracing else \
        Judge(corpus.evidence, lexicon)
    matcher = Matcher(index, Retriever(facts, embedder), judge.evidence if tracing else by_id)
    if cache is not None:
        known = _still_holding(cache, corpus, known, world, facts, index, matcher, judge,
                               lexicon, extractor)
    missing = [s for s, k in zip(corpus.statements, known, strict=True) if k is None]
    missing_keys = [key for key, k in zip(keys, known, strict=True) if k is None]
    # Read every statement first, so that their claims are embedded in a few large batches.
    read = list(_cached(extractor, "statement", missing, cache, n_process, cluster))
    if cluster is not None and embedder is not None:
        _embed_on(cluster, embedder, [f.analysis.text for f in facts if not f.implicit]
                  + [claim_text(claim) for _, claims in read for claim in claims])
    matcher.retriever.prepare(claim for _, claims in read for claim in claims)

    def judged(statement, claims) -> tuple[list[Finding], str]:
        home = extractor.home_of(statement)
        if tracing:
            return judge_traced(matcher, judge, statement, claims, home, embedder is not None)
        matches = {claim.id: matcher.candidates(claim, home, statement.date, statement)
                   for claim in claims}
        return judge.judge(statement, claims, matches), ""

    fresh: dict[str, list[Finding]] = {s.id: [] for s in missing}
    reads: dict[str, str] = {}
    done = len(corpus.statements) - len(missing)
    for some in _in_parallel(judged, read, n_process):
        for (statement, _), (findings, what) in some:
            fresh[statement.id].extend(findings)
            reads[statement.id] = what
        done += len(some)
        report("statements", done, len(corpus.statements))
    if cache is not None and world is not None:
        cache.put_many([(cache.listing_key(world), json.dumps(
            [[e.id, e.content_hash] for e in corpus.evidence], separators=(",", ":")))]
            + [(key, Judged(world, reads[s.id], tuple(fresh[s.id])))
               for s, key in zip(missing, missing_keys, strict=True) if key is not None])
    findings = [f for s, k in zip(corpus.statements, known, strict=True)
                for f in (k.findings if k is not None else fresh[s.id])]
    return CheckResult(corpus, tuple(findings), corpus.problems)


def _still_holding(cache: ExtractionCache, corpus: Corpus, known: list, world: str | None,
                   facts: list[Fact], index, matcher, judge, lexicon: Lexicon,
                   extractor: Extractor) -> list:
    """``known`` with None for each statement judged against another evidence set that the
    differences since may reach (``claimcheck.pipeline.reads``)."""
    from claimcheck.pipeline.reads import change_between, dense_reached, found_again, still_holds

    worlds: dict[str, list[int]] = {}
    for n, k in enumerate(known):
        if k is not None and k.world != world:
            worlds.setdefault(k.world, []).append(n)
    now = {e.id: e.content_hash for e in corpus.evidence}
    for then, members in sorted(worlds.items()):
        listing = cache.get_strings([cache.listing_key(then)])[0]
        old = {i: h for i, h in json.loads(listing)} if listing is not None else None
        gone = [(i, h) for i, h in old.items() if now.get(i) != h] if old is not None else []
        readings = cache.get_many([cache.key("evidence", i, h) for i, h in gone], list[Fact])
        if old is None or any(r is None for r in readings):
            for n in members:
                known[n] = None   # what it was judged against is not known: judged again
            continue
        change = change_between(old, corpus.evidence, facts,
                                [f for r in readings for f in r], index, matcher, judge, lexicon)
        reads = {n: json.loads(known[n].reads) for n in members}
        recheck = {n: still_holds(corpus.statements[n], reads[n], change) for n in members}
        holding = [n for n in members if recheck[n] is not None]
        for n, more in zip(holding, dense_reached([reads[n] for n in holding], change,
                                                  matcher.retriever.claim_vectors),
                           strict=True):
            recheck[n] |= more
        # A claim the change may reach is matched again: its findings stand if what retrieval
        # and the lexicon index find for it is what they found before.
        doubtful = [n for n in holding if recheck[n]]
        statements = [corpus.statements[n] for n in doubtful]
        claims = cache.get_many([cache.key("statement", s.id, s.content_hash)
                                 for s in statements], list[Claim])
        for n, statement, some in zip(doubtful, statements, claims, strict=True):
            if some is None:
                recheck[n] = None
                continue
            home = extractor.home_of(statement)
            recorded = {c["id"]: c["found"] for c in reads[n]["claims"]}
            by_id = {c.id: c for c in some}
            if any(i not in by_id or found_again(matcher, by_id[i], home, statement)
                   != recorded[i] for i in recheck[n]):
                recheck[n] = None
        for n in members:
            if recheck[n] is None:
                known[n] = None
    return known


def _cached(extractor: Extractor, kind: str, items, cache: ExtractionCache | None,
            n_process: int, cluster: Cluster | None = None):
    """Yield (item, reading) in input order, reading only what the cache does not hold (on the
    ``cluster``, when there is one)."""
    def read(chosen, n_process):
        if cluster is not None:
            return cluster.read(kind, list(chosen))
        return read_items(extractor, kind, list(chosen), n_process)

    if cache is None:
        yield from read(items, n_process=n_process)
        return
    keys = [cache.key(kind, item.id, item.content_hash) for item in items]
    reading = list[Claim] if kind == "statement" else list[Fact]
    known = [cache.get(key, reading) for key in keys]
    missing = [item for item, value in zip(items, known, strict=True) if value is None]
    fresh = iter(read(missing, n_process=n_process)) if missing else iter(())
    new_entries = []
    for item, key, value in zip(items, keys, known, strict=True):
        if value is None:
            _, value = next(fresh)
            if key is not None:
                new_entries.append((key, value))
        yield item, value
    if new_entries:
        cache.put_many(new_entries)


class _Vectors(dict):
    """Vectors worked out on the cluster, for an embedder with no readings cache to keep them."""

    def get_many(self, texts) -> dict:
        return {t: self[t] for t in texts if t in self}

    def put_many(self, vectors: dict) -> None:
        self.update(vectors)


def _embed_on(cluster: Cluster, embedder, texts: list[str]) -> None:
    """Embed on the cluster the ``texts`` the embedder's store does not hold, into the store,
    where the retriever will find them."""
    wanted = sorted(set(texts))
    have = embedder.store.get_many(wanted)
    fresh = [t for t in wanted if t not in have]
    if fresh:
        embedder.store.put_many(cluster.embed(fresh))


# Items per task sent to a worker process: large enough that spaCy batches well, small enough
# that both workers stay busy to the end (a small corpus is cut into more, smaller tasks).
CHUNK = 256
# How often a worker looks whether the process that started it is still there.
ORPHAN_CHECK_SECONDS = 0.5
_worker_task: Callable[[list], list] | None = None
_worker_chunks: list[list] = []
_STOPPING = (signal.SIGINT, signal.SIGTERM)


def read_items(extractor: Extractor, kind: str, items: list, n_process: int = 1):
    """Read ``items`` with ``extractor``, in ``n_process`` forked processes when that pays.

    A forked worker inherits the loaded pipeline and lexicon, so nothing is loaded twice; it runs
    the whole reading (spaCy and claimcheck's own) on a chunk and sends back small records. Where
    fork is not available (Windows, macOS spawn) the reading runs in this process.
    """
    reader = extractor.claims_of if kind == "statement" else extractor.facts_of
    if not _forks(n_process, items):
        yield from reader(items)
        return
    for chunk, readings in _forked(lambda chunk: [r for _, r in reader(chunk)], items,
                                   n_process):
        yield from zip(chunk, readings, strict=True)


def _in_parallel(judged: Callable, read: list, n_process: int):
    """Lists of ((statement, claims), judged(statement, claims)) for ``read``'s (statement,
    claims) in input order: each statement is matched and judged on its own, so forked workers
    (which inherit the indexes, the claims' vectors and the judge) give what a serial run
    gives."""
    if not _forks(n_process, read):
        for statement, claims in read:
            yield [((statement, claims), judged(statement, claims))]
        return

    def task(chunk: list) -> list:
        return [judged(statement, claims) for statement, claims in chunk]
    for chunk, results in _forked(task, read, n_process):
        yield list(zip(chunk, results, strict=True))


def _forks(n_process: int, items: list) -> bool:
    return n_process > 1 and len(items) >= 2 and "fork" in mp.get_all_start_methods()


def _forked(task: Callable[[list], list], items: list, n_process: int):
    """(chunk, task(chunk)) for chunks of ``items`` in order, run in ``n_process`` forked
    processes, which inherit ``task`` and whatever it uses.

    Workers leave Ctrl-C and SIGTERM to this process: they ignore SIGINT and die at once on
    SIGTERM, instead of running the command line's handlers (which raise, and left the pool
    deadlocked). On success the pool is closed and joined; on any error, Ctrl-C, SIGTERM or an
    abandoned generator it is terminated and joined, so no worker outlives the work. A worker
    whose parent is killed outright (SIGKILL) notices within ``ORPHAN_CHECK_SECONDS`` and exits.
    """
    global _worker_task, _worker_chunks
    size = max(1, min(CHUNK, -(-len(items) // (4 * n_process))))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    _worker_task, _worker_chunks = task, chunks
    # Signals stay blocked while the workers are forked, so none arrives before a worker has
    # set its own handling; this process receives any that came meanwhile right after.
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
    try:
        pool = mp.get_context("fork").Pool(n_process, initializer=_worker_start,
                                           initargs=(os.getpid(),))
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    try:
        # Workers are sent chunk numbers, not chunks: they inherited the chunks.
        yield from zip(chunks, pool.imap(_run_chunk, range(len(chunks))), strict=True)
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
        _worker_task, _worker_chunks = None, []


def _worker_start(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING)
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK_SECONDS)
    os._exit(1)


def _run_chunk(number: int) -> list:
    assert _worker_task is not None, "set by the parent before forking"
    return _worker_task(_worker_chunks[number])


def statement_verdicts(findings: tuple[Finding, ...] | list[Finding]) -> dict[str, Finding]:
    """Each statement's most serious finding: what a briefing leads with."""
    worst: dict[str, Finding] = {}
    rank = {v: i for i, v in enumerate(VERDICT_SEVERITY)}
    for finding in findings:
        current = worst.get(finding.statement.id)
        if current is None or (rank[finding.verdict], -finding.confidence) < (
                rank[current.verdict], -current.confidence):
            worst[finding.statement.id] = finding
    return worst


def _load_embedder():
    from claimcheck.match.embed import load_embedder

    return load_embedder()
