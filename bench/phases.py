"""Where a cold ``check`` spends its time, phase by phase, as the command runs it (fresh cache,
the processes ``check`` picks), with the retriever's share shown:

    python bench/phases.py CORPUS_DIR [--jobs N]

CORPUS_DIR holds claims/ and evidence/ (``bench/synthetic.py`` writes them). Wall seconds for
loading the files, reading (spaCy and claimcheck's reading, both kinds), the retriever's BM25
index, embedding the evidence sentences and the claims, and matching plus judging; and, inside
matching (summed over the worker processes, CPU seconds), the retriever's searches and scores.
Reports are not written (``claimcheck check`` adds that).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import claimcheck.match.retrieve as retrieve
import claimcheck.pipeline.run as pipeline

WALL: dict[str, float] = {}
CPU = {"search": 0.0, "score": 0.0}
CPU_DIR = Path(tempfile.mkdtemp(prefix="phases-"))
_run_chunk = pipeline._run_chunk


def counted_chunk(number: int) -> list:
    """A worker's chunk, then what the worker's searches and scores have cost so far."""
    result = _run_chunk(number)
    (CPU_DIR / str(os.getpid())).write_text(f"{CPU['search']} {CPU['score']}")
    return result


def timed_wall(owner, name: str, phase: str) -> None:
    original = getattr(owner, name)

    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            WALL[phase] = WALL.get(phase, 0.0) + time.perf_counter() - start
    setattr(owner, name, wrapper)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--jobs", type=int, default=0)
    args = parser.parse_args()
    from claimcheck.match import embed

    for name in CPU:
        original = getattr(retrieve.Retriever, name)

        def wrapper(*a, _original=original, _name=name, **k):
            start = time.process_time()
            try:
                return _original(*a, **k)
            finally:
                CPU[_name] += time.process_time() - start
        setattr(retrieve.Retriever, name, wrapper)
    pipeline._run_chunk = counted_chunk
    timed_wall(pipeline, "load_corpus", "load the files")
    timed_wall(retrieve.Retriever, "__init__", "BM25 index (and vectors) of the evidence")
    timed_wall(retrieve.Retriever, "prepare", "embed the claims")
    # A generator: timed as it is consumed.
    in_parallel = pipeline._in_parallel

    def consumed(*a, **k):
        start = time.perf_counter()
        yield from in_parallel(*a, **k)
        WALL["match and judge"] = time.perf_counter() - start
    pipeline._in_parallel = consumed
    encode = embed.Embedder.encode
    init = retrieve.Retriever.__init__

    def retriever_init(self, facts, embedder=None):
        def encode_facts(*a, **k):
            start = time.perf_counter()
            try:
                return encode(*a, **k)
            finally:
                WALL["embed the evidence sentences"] = time.perf_counter() - start
        embed.Embedder.encode = encode_facts
        try:
            init(self, facts, embedder)
        finally:
            embed.Embedder.encode = encode
    retrieve.Retriever.__init__ = retriever_init
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as cache:
        result = pipeline.check_folders(args.corpus / "claims", args.corpus / "evidence",
                                        cache_dir=Path(cache), jobs=args.jobs)
    total = time.perf_counter() - start
    WALL["read (spaCy and claimcheck), the rest"] = total - sum(WALL.values())
    worker = [tuple(map(float, p.read_text().split())) for p in CPU_DIR.iterdir()] or \
        [(CPU["search"], CPU["score"])]
    print(f"{len(result.findings)} findings, {total:.1f} s in all (load average "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())})")
    print("| phase | seconds | share |\n|---|---:|---:|")
    for phase, seconds in WALL.items():
        print(f"| {phase} | {seconds:.1f} | {seconds / total:.0%} |")
    print(f"\nInside matching (CPU seconds, all workers): retriever search "
          f"{sum(w[0] for w in worker):.1f}, retriever score {sum(w[1] for w in worker):.1f}")


if __name__ == "__main__":
    sys.exit(main())
