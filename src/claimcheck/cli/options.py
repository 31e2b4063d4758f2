"""The options the commands share, defined once, so that a flag says the same in every command.

``check``, ``claims``, ``eval``, ``correction`` and ``review`` read a corpus; ``fetch`` and ``add``
write one and keep their own folder options (``--claims`` there is where statements go). Every
command that caches uses the same folder by default.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

CLAIMS = Path("claims")
EVIDENCE = Path("evidence")
CACHE_DIR = Path(".claimcheck-cache")

ClaimsDir = Annotated[Path, typer.Option("--claims", metavar="DIR", help="Folder of statement files.")]
EvidenceDir = Annotated[Path, typer.Option("--evidence", metavar="DIR", help="Folder of evidence files.")]
LexiconFiles = Annotated[list[Path] | None, typer.Option(
    "--lexicon", metavar="FILE", help="Extra lexicon TOML file (repeatable); a lexicon.toml beside the claims "
                      "folder is read too.")]
ReviewsFile = Annotated[Path | None, typer.Option(
    "--reviews", metavar="FILE", help="The reviews file (default: reviews.toml beside the claims folder).")]
ReadingsCacheDir = Annotated[Path, typer.Option(
    "--cache-dir", metavar="DIR", help="Where readings of unchanged files are kept between runs.")]
NoCache = Annotated[bool, typer.Option("--no-cache", help="Read every file afresh.")]
