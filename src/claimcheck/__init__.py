"""claimcheck: find ministerial statements contradicted by facts that already existed when made.

The library is the product; the ``claimcheck`` command is a thin shell over it::

    from claimcheck import check, load_pipeline
    result = check(Path("claims"), Path("evidence"), load_pipeline())
    for finding in result.findings:
        print(finding.verdict, finding.rationale)

The names below are imported on first use, not with the package, so that ``claimcheck --help``
and every command that does not parse text start without importing spaCy.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    "check": "pipeline.run", "check_corpus": "pipeline.run", "load_corpus": "corpus.load",
    "load_lexicon": "lexicon", "load_pipeline": "extract.nlp", "Finding": "model", "Verdict": "model",
    "ClaimcheckError": "errors", "CorpusError": "errors", "DateError": "errors",
    "InputError": "errors",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'claimcheck' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
