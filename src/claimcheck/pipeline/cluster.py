"""The read stage on a Dask cluster: spaCy and the sentence embeddings, run where there are cores.

Reading is the bulk of a check and each file is read on its own, so it is sent to Dask
distributed (``claimcheck check --cluster ADDRESS``, or ``--cluster local`` for a cluster of this
machine's cores). Matching and judging stay in this process. Items are sharded by content hash,
so the same files always make the same tasks; each worker loads the English pipeline, the lexicon
and the embedding model once, and sends back plain JSON (``claimcheck.pipeline.codec``), read here
as claimcheck's own records only. What comes back lands in the readings cache like any reading.

Dask is an optional dependency (``pip install 'claimcheck[cluster]'``); it is imported only when a
cluster is asked for. The workers need the same claimcheck, spaCy pipeline and embedding model as
this process: a worker with another pipeline is refused, since its readings would differ.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from typing import Any

from claimcheck.errors import ClaimcheckError, ClusterError
from claimcheck.lexicon import Lexicon
from claimcheck.model import Claim, Evidence, Fact, Statement
from claimcheck.pipeline.codec import decode, encode

# Items per task: enough that spaCy batches well and a task outweighs its scheduling; small
# enough that every worker has several.
SHARD = 128
TEXTS_PER_TASK = 512
LOCAL_WORKERS = 2
# How long to wait for a scheduler to answer before saying it cannot be reached.
CONNECT_SECONDS = 30


class Cluster:
    """A Dask client, and the read stage run through it."""

    def __init__(self, address: str, lexicon: Lexicon, pipeline: tuple[str, str]) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ClusterError("--cluster needs Dask distributed: pip install "
                               "'claimcheck[cluster]' (or dask[distributed])") from None
        self._lexicon = lexicon
        self._pipeline = pipeline
        self._local = None
        try:
            if address == "local":
                # Processes, one thread each: spaCy holds the GIL while it parses.
                self._local = LocalCluster(n_workers=LOCAL_WORKERS, threads_per_worker=1,
                                           processes=True, dashboard_address=None)
                self.client = Client(self._local)
            else:
                self.client = Client(address, timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError, ValueError) as error:
            self.close()
            raise ClusterError(f"cannot reach the Dask scheduler at {address}: {error}") from None

    def read(self, kind: str, items: Sequence[Statement | Evidence]) -> Iterator[tuple[Any, Any]]:
        """(item, reading) for each of ``items``, in their order, read on the cluster."""
        reading = list[Claim] if kind == "statement" else list[Fact]
        shards = _shards(items, SHARD)
        futures = self.client.map(
            _read_shard, [kind] * len(shards), shards, [self._lexicon] * len(shards),
            [self._pipeline] * len(shards), pure=True,
            key=[f"claimcheck-read-{kind}-{_shard_digest(shard)}" for shard in shards])
        found: dict[int, Any] = {}
        for shard, future in zip(shards, futures, strict=True):
            for item, text in zip(shard, self._result(future), strict=True):
                found[id(item)] = decode(reading, json.loads(text))
        for item in items:
            yield item, found[id(item)]

    def embed(self, texts: Sequence[str]) -> dict[str, Any]:
        """Unit vectors of ``texts``, worked out on the cluster (the same bits as here: vectors
        do not depend on the batch)."""
        import numpy as np

        texts = sorted(set(texts))
        chunks = [texts[i:i + TEXTS_PER_TASK] for i in range(0, len(texts), TEXTS_PER_TASK)]
        futures = self.client.map(_embed_texts, chunks, pure=True,
                                  key=[f"claimcheck-embed-{_digest(chunk)}" for chunk in chunks])
        vectors: dict[str, Any] = {}
        for chunk, future in zip(chunks, futures, strict=True):
            raw = self._result(future)
            block = np.frombuffer(raw, dtype="<f4").reshape(len(chunk), -1).astype(np.float32)
            vectors.update(zip(chunk, block, strict=True))
        return vectors

    def _result(self, future):
        try:
            return future.result()
        except ClaimcheckError:
            raise
        except Exception as error:  # a worker's failure arrives as whatever it raised
            raise ClusterError(f"a task failed on the cluster: {type(error).__name__}: "
                               f"{error}") from None

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self._local is not None:
            self._local.close()


def _shards(items: Sequence, size: int) -> list[list]:
    """``items`` in shards of ``size`` by content hash: the same files make the same shards."""
    ordered = sorted(items, key=lambda item: (item.content_hash, item.id))
    return [ordered[i:i + size] for i in range(0, len(ordered), size)]


def _shard_digest(shard: list) -> str:
    return _digest([f"{item.id}\x00{item.content_hash}" for item in shard])


def _digest(texts: list[str]) -> str:
    return hashlib.sha256("\x00".join(texts).encode()).hexdigest()[:32]


# ---------------------------------------------------------------------- on the workers

_worker_state: dict[str, Any] = {}


def _read_shard(kind: str, items: list, lexicon: Lexicon, pipeline: tuple[str, str]) -> list[str]:
    """Run on a worker: the readings of ``items`` as JSON texts, in order."""
    from claimcheck.extract.extractor import Extractor
    from claimcheck.extract.nlp import load_pipeline

    nlp = _worker_state.get("nlp")
    if nlp is None:
        nlp = _worker_state["nlp"] = load_pipeline()
    have = (nlp.meta.get("name", ""), nlp.meta.get("version", ""))
    if have != tuple(pipeline):
        raise ClusterError(f"a worker has the English pipeline {' '.join(have)}, not "
                           f"{' '.join(pipeline)}: install the same on every worker")
    key = hashlib.sha256(repr(sorted(lexicon.concepts.items())).encode()).hexdigest()
    extractor = _worker_state.get(("extractor", key))
    if extractor is None:
        extractor = _worker_state[("extractor", key)] = Extractor(nlp, lexicon)
    reader = extractor.claims_of if kind == "statement" else extractor.facts_of
    return [json.dumps(encode(reading), ensure_ascii=False, separators=(",", ":"))
            for _, reading in reader(items)]


def _embed_texts(texts: list[str]) -> bytes:
    """Run on a worker: the vectors of ``texts`` as little-endian float32 bytes, row by row."""
    import numpy as np

    from claimcheck.match.embed import load_embedder

    embedder = _worker_state.get("embedder")
    if embedder is None:
        embedder, why_not = load_embedder()
        if embedder is None:
            raise ClusterError(f"a worker cannot embed: {why_not}")
        _worker_state["embedder"] = embedder
    return np.asarray(embedder.encode(texts), dtype="<f4").tobytes()
