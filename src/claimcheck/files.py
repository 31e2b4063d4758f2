"""Reading a file claimcheck was pointed at: only a regular file, and never more than a cap.

A path given to claimcheck may be a link to ``/dev/zero`` or a 3 GB file, or a pipe nobody writes
to. :func:`read_bounded` follows links, refuses anything that is not a regular file before opening
it (so a pipe never blocks), refuses a file over ``limit`` unread, and never reads more than
``limit`` bytes even from a file that grows while it is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from claimcheck.errors import InputError


def size_text(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.0f} MB"
    return f"{n / 1024:.0f} KB"


def read_bounded(path: Path, limit: int, error: type[InputError] = InputError,
                 hint: str = "") -> bytes:
    """The bytes of the regular file at ``path`` (links followed), at most ``limit`` of them.

    Raises ``error(message, path)``: not a regular file, larger than ``limit`` (``hint`` says
    what to do), or unreadable. ``FileNotFoundError`` passes through for callers to whom a
    missing file means "none yet"."""
    suffix = f" ({hint})" if hint else ""
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise error("is a folder, not a file", path)
        if not stat.S_ISREG(info.st_mode):
            raise error("is not a regular file (a pipe, device or socket)", path)
        if info.st_size > limit:
            raise error(f"is {size_text(info.st_size)}; the limit is {size_text(limit)}{suffix}",
                        path)
        # O_NOFOLLOW on the resolved path: what was checked must not have become a link since.
        descriptor = os.open(Path(path).resolve(), os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
                             | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise error("is not a regular file (a pipe, device or socket)", path)
            raw = handle.read(limit + 1)   # never more, even if the file grows
    except FileNotFoundError:
        raise
    except OSError as failure:
        raise error(f"cannot be read: {failure.strerror or failure}", path) from None
    if len(raw) > limit:
        raise error(f"is more than {size_text(limit)}, the limit{suffix}", path)
    return raw
