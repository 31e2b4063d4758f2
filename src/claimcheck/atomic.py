"""Writing a file so that readers see the old one or the new one, never part of one.

Reports, letters, the review store and the fetched corpus files are all written here: each file
goes to a temporary file in the same folder, is synced to disk, then is renamed into place.
On the ground floor, so that every room that writes can use it.
"""

from __future__ import annotations

import os
import re
import secrets
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path

from claimcheck.errors import OutputError


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never part.

    The data goes to a temporary file in the same folder
    (``.<name>.claimcheck-<pid>-<random>.tmp``), is flushed to disk, then renamed over ``path``.
    A new file gets the permissions the umask allows (not a temporary file's 0600); a replaced
    file keeps its own. On any failure, including Ctrl-C, the temporary file is removed and
    ``path`` is untouched. Raises ``OutputError``.
    """
    write_all({path: text})


def write_all(outputs: Mapping[Path, str | bytes | Iterable[str]]) -> None:
    """Write several files as one step: all are written and synced before any is renamed.

    A file's data may be a stream of text chunks, written as they come: a large report is
    never held whole in memory."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in outputs.items():
            staged.append((_stage(path, data), path))
        for temporary, path in staged:
            try:
                os.replace(temporary, path)
            except OSError as error:
                raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
        for directory in dict.fromkeys(path.parent for _, path in staged):
            _sync_directory(directory)
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)
    for directory in dict.fromkeys(path.parent for path in outputs):
        remove_stale_temporaries(directory)


def _stage(path: Path, data: str | bytes | Iterable[str]) -> Path:
    """Write ``data`` to a new temporary file beside ``path``, synced; return its path."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    chunks = (payload,) if isinstance(payload, bytes) else payload
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
        except FileNotFoundError:
            mode = None
        while True:
            name = f".{path.name}.claimcheck-{os.getpid()}-{secrets.token_hex(4)}.tmp"
            temporary = path.parent / name
            try:
                # 0o666 less the umask, as for any new file; O_EXCL: never someone else's file.
                descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                                     | getattr(os, "O_BINARY", 0), 0o666)
                break
            except FileExistsError:
                continue
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk if isinstance(chunk, bytes) else chunk.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), mode)
    except BaseException as error:
        temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
        raise
    return temporary


def _sync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` survive a power cut, where the system allows it."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


_TEMPORARY = re.compile(r"^\..+\.claimcheck-(\d+)-[0-9a-f]{8}\.tmp$")


def remove_stale_temporaries(directory: Path) -> list[Path]:
    """Remove temporary files that a killed run (SIGKILL, power cut) left in ``directory``.

    Only files named by :func:`write_atomic` whose process is gone are removed: a run writing
    into the same folder at the same time keeps its own. Returns what was removed.
    """
    if os.name != "posix":
        return []
    removed = []
    try:
        names = sorted(p for p in directory.iterdir() if _TEMPORARY.match(p.name))
    except OSError:
        return []
    for candidate in names:
        pid = int(_TEMPORARY.match(candidate.name)[1])
        if pid == os.getpid() or _alive(pid):
            continue
        try:
            candidate.unlink()
            removed.append(candidate)
        except OSError:
            continue
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True   # someone else's process, or a name we cannot read: leave it
    return True
