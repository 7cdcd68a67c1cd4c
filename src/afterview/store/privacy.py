"""Private directories: the ones afterview creates are 0700; one set up for sharing is left as it is.

``AFTERVIEW_HOME`` may name a directory that already exists and is shared on purpose (``/tmp``-like 1777, a
group's 2775, someone else's). chmod-ing it would drop its sticky or setgid bit and lock the others out, so
afterview tightens only directories it created or that are plainly the user's own, and warns about the rest.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

PRIVATE_DIR = 0o700


def shared(path: Path) -> str | None:
    """Why ``path`` looks set up for sharing (sticky or setgid bit, writable by others, someone else's), or
    ``None`` when it is plainly the user's own (POSIX; elsewhere always ``None``)."""
    if os.name != "posix":
        return None
    try:
        info = path.stat()
    except OSError:
        return None
    mode = stat.S_IMODE(info.st_mode)
    reasons = []
    if mode & stat.S_ISVTX:
        reasons.append("sticky")
    if mode & stat.S_ISGID:
        reasons.append("setgid")
    if mode & 0o022:
        reasons.append("writable by others")
    if info.st_uid != os.getuid():
        reasons.append("owned by someone else")
    return f"mode {mode:04o}: {', '.join(reasons)}" if reasons else None


def shared_warning(path: Path | None, why: str) -> str:
    """What to tell the user about a shared directory afterview keeps its files in (``path`` left out where
    the report already names it)."""
    return (
        f"{f'{path} is a' if path else 'A'} shared directory ({why}); afterview leaves its permissions "
        "alone. Your files in it are still private (0600), but others can see their names. Set "
        "AFTERVIEW_HOME to a directory of your own to keep even that private."
    )


def private_dir(path: Path) -> str | None:
    """Make sure ``path`` exists; create it 0700, tighten it if it is plainly the user's own, and return a
    warning instead of touching it if it is shared (:func:`shared`)."""
    try:
        path.mkdir(mode=PRIVATE_DIR)
    except FileExistsError:
        why = shared(path)
        if why is not None:
            return shared_warning(path, why)
        tighten(path, PRIVATE_DIR)
        return None
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        return private_dir(path)
    if os.name == "posix":  # exactly 0700: no setgid inherited from a shared parent
        path.chmod(PRIVATE_DIR)
    return None


def tighten(path: Path, mode: int) -> bool:
    """Remove group and other permissions from ``path`` if it has any (POSIX only); say if it had."""
    if os.name != "posix":
        return False
    try:
        current = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return False
    if not current & 0o077:
        return False
    path.chmod(current & mode)
    return True
