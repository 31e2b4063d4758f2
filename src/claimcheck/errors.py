"""The exceptions claimcheck raises, in one place.

    ClaimcheckError                 base: catch this to handle anything claimcheck reports
    ├── InputError                  a file or value given to claimcheck is wrong; carries the
    │   │                           path and the field or line it is about
    │   ├── CorpusError             a statement or evidence file cannot be read
    │   ├── LexiconError            a lexicon file is malformed
    │   ├── DocumentError           a local PDF, HTML or text file cannot be turned into text
    │   ├── EvalError               a gold-label file for ``claimcheck eval`` is malformed
    │   └── ReviewError             the reviews file (reviews.toml) is malformed, or a review
    │                               decision given on the command line is incomplete
    ├── DateError                   a date string is not a valid partial date (ValueError too)
    ├── ModelError                  no English spaCy pipeline could be loaded
    ├── SourceError                 a remote source did not give what was asked; carries the URL
    │   ├── NetworkError            unreachable, timed out, or still failing (429, 5xx) after
    │   │                           every retry: worth trying again later
    │   ├── ResponseError           answered, but with an error status or a body that cannot be
    │   │   │                       read: retrying will not help
    │   │   └── NotFoundError       the item asked for does not exist (HTTP 404)
    │   └── OfflineError            offline mode, and the request is not in the on-disk cache
    ├── FindingError                no finding has the id asked for, or the finding cannot be
    │                               used for what was asked (a correction request for a finding
    │                               that is not contradicted, or that a reviewer dismissed)
    ├── OutputError                 a report or fetched file could not be written
    └── ClusterError                the Dask cluster asked for with ``--cluster`` cannot be
                                    reached or used (Dask missing, a worker that differs)

The command line turns each into one line (``str(error)``) and a non-zero exit; library callers
catch the class that fits what they can do about it.
"""

from __future__ import annotations

from pathlib import Path


class ClaimcheckError(Exception):
    """Base class of every error claimcheck raises on purpose."""


class InputError(ClaimcheckError):
    """Something given to claimcheck is wrong. Names the file and the field or line."""

    def __init__(self, message: str, path: Path | str | None = None, field: str | None = None,
                 line: int | None = None) -> None:
        self.message = message
        self.path = Path(path) if path is not None else None
        self.field = field
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = []
        if self.path is not None:
            where.append(str(self.path))
        if self.field:
            where.append(f"field '{self.field}'")
        prefix = ", ".join(where)
        message = f"line {self.line}: {self.message}" if self.line else self.message
        return f"{prefix}: {message}" if prefix else message


class CorpusError(InputError):
    """A statement or evidence file cannot be read as the corpus format requires."""


class LexiconError(InputError):
    """A lexicon file is not valid TOML of the documented shape."""


class DateError(ClaimcheckError, ValueError):
    """A string is not a date in one of the accepted forms."""


class ModelError(ClaimcheckError):
    """No English spaCy pipeline could be loaded."""


class OutputError(ClaimcheckError):
    """A report or fetched file could not be written."""


class DocumentError(InputError):
    """A local document (PDF, HTML, text) cannot be read or holds no text."""


class EvalError(InputError):
    """A gold-label file is not valid TOML of the documented shape (see ``claimcheck.evaluate.gold``)."""


class SourceError(ClaimcheckError):
    """A remote source (Parliament, WhatDoTheyKnow) did not give what was asked."""

    def __init__(self, message: str, url: str | None = None) -> None:
        self.message = message
        self.url = url
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.url}: {self.message}" if self.url else self.message


class NetworkError(SourceError):
    """The service could not be reached, or kept failing after every retry. Try again later."""


class ResponseError(SourceError):
    """The service answered with an error status or an unreadable body. Retrying will not help."""


class NotFoundError(ResponseError):
    """The item asked for does not exist at the source (HTTP 404)."""


class OfflineError(SourceError):
    """Offline mode was asked for and the request is not in the on-disk cache."""


class ReviewError(InputError):
    """The reviews file cannot be read, or a review decision is incomplete."""


class FindingError(ClaimcheckError):
    """No finding has the id asked for, or the finding cannot be used for what was asked."""

    def __init__(self, message: str, finding_id: str | None = None) -> None:
        self.message = message
        self.finding_id = finding_id
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"finding {self.finding_id}: {self.message}" if self.finding_id else self.message


class ClusterError(ClaimcheckError):
    """The cluster cannot be reached or used: Dask is missing, the scheduler does not answer, a
    worker has another pipeline, or a task failed there."""
