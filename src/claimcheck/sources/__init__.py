"""Fetch statements and evidence from real sources into the corpus format.

    http         one polite HTTP client: retries, back-off, a politeness delay, an on-disk cache
    parliament   written questions and statements, Hansard, the Members API
    wdtk         Freedom of Information requests on WhatDoTheyKnow
    documents    text from local PDF, HTML and plain-text files (``claimcheck add``)
    writer       items rendered to Markdown with front matter, written atomically, hand edits kept

Each source turns what it fetches into :class:`~claimcheck.sources.writer.Item` records; the
:class:`~claimcheck.sources.writer.CorpusWriter` puts them in ``claims/`` and ``evidence/``.
"""

from claimcheck.sources.http import DiskCache, HttpClient, make_session
from claimcheck.sources.parliament import (
    LICENCE,
    OPEN_PARLIAMENT_LICENCE,
    HansardSearch,
    Parliament,
    ParliamentApis,
    QuestionSearch,
)
from claimcheck.sources.wdtk import WhatDoTheyKnow
from claimcheck.sources.writer import CorpusWriter, Item, KeptEdit, Provenance, WriteResult

__all__ = [
    "LICENCE",
    "OPEN_PARLIAMENT_LICENCE",
    "CorpusWriter",
    "DiskCache",
    "HansardSearch",
    "HttpClient",
    "Item",
    "KeptEdit",
    "Parliament",
    "ParliamentApis",
    "Provenance",
    "QuestionSearch",
    "WhatDoTheyKnow",
    "WriteResult",
    "make_session",
]
