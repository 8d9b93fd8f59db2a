"""Atomic saves: a temporary file in the same folder, flushed to disk, then renamed over the target.

If anything fails the old file is untouched and the temporary file is removed, so a crash or a full
disk never leaves the user with half a project.
"""
from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path
from typing import BinaryIO, Callable

from simulator.errors import ProjectFileError


def write_atomically(path: str | os.PathLike, write: Callable[[BinaryIO], None]) -> None:
    """Call ``write(stream)`` on a temporary file beside ``path``, then rename it to ``path``.

    An OSError becomes a one-line ProjectFileError naming the file; anything else is re-raised after
    the temporary file is removed.
    """
    path = Path(path)
    folder = path.parent
    temporary = folder / f".{path.name}.{secrets.token_hex(6)}.tmp"
    created = False
    try:
        with open(temporary, "xb") as stream:
            created = True
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(OSError):  # keep the permissions of the file being replaced
            os.chmod(temporary, stat.S_IMODE(os.stat(path).st_mode))
        os.replace(temporary, path)
    except BaseException as error:
        if created:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        if isinstance(error, OSError):
            raise ProjectFileError(f"{path}: could not be saved: {error.strerror or error}") from error
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open a folder, and does not need to."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
