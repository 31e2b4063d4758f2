"""claimcheck: find ministerial statements contradicted by facts that already existed when made.

The library is the product; the ``claimcheck`` command is a thin shell over it::

    from claimcheck import check, load_pipeline
    result = check(Path("claims"), Path("evidence"), load_pipeline())
    for finding in result.findings:
        print(finding.verdict, finding.rationale)
"""

__version__ = "0.1.0"

from .corpus import load_corpus  # noqa: E402
from .errors import ClaimcheckError, CorpusError, DateError, InputError  # noqa: E402
from .lexicon import load_lexicon  # noqa: E402
from .model import Finding, Verdict  # noqa: E402
from .nlp import load_pipeline  # noqa: E402
from .pipeline import check, check_corpus  # noqa: E402

__all__ = ["__version__", "check", "check_corpus", "load_corpus", "load_lexicon", "load_pipeline",
           "ClaimcheckError", "CorpusError", "DateError", "InputError", "Finding", "Verdict"]
