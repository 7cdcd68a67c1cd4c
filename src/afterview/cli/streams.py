"""Standard output and error that never fail on a character they cannot encode."""

from __future__ import annotations

import contextlib
import sys


def tolerate_unencodable() -> None:
    """Make stdout and stderr write ``?`` for a character their encoding lacks (``PYTHONIOENCODING=ascii``,
    a latin-1 locale, an old Windows console) instead of crashing with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        # strict, or surrogateescape (Python's choice in the C locale without UTF-8 mode): both fail on
        # a character the encoding lacks
        if reconfigure is not None and getattr(stream, "errors", "strict") in ("strict", "surrogateescape"):
            with contextlib.suppress(ValueError, OSError):  # closed or detached: nothing to print to
                reconfigure(errors="replace")
