"""Reading a file the user names, or stdin, with a size cap: ``/dev/zero`` or a runaway pipe is a clear
error after the cap, never a read until memory runs out."""

from __future__ import annotations

import sys
from pathlib import Path

from afterview.errors import UserError

MB = 1_000_000


def read_capped(source: str | Path, *, cap: int, what: str) -> bytes:
    """The bytes of ``source`` (a path, or ``-`` for stdin), at most ``cap`` of them.

    Raises UserError naming ``what`` (``an invitation``) when it cannot be read or holds more than ``cap``;
    one read of ``cap + 1`` bytes at most, so memory stays bounded whatever the source.
    """
    where = "stdin" if str(source) == "-" else str(source)
    try:
        if str(source) == "-":
            binary = getattr(sys.stdin, "buffer", None)  # none when stdin was replaced by text
            data = binary.read(cap + 1) if binary is not None else sys.stdin.read(cap + 1).encode("utf-8")
        else:
            with Path(source).expanduser().open("rb") as file:
                data = file.read(cap + 1)
    except OSError as error:
        raise UserError(f"Cannot read {where}: {error.strerror or error}.") from None
    except MemoryError:  # the cap itself did not fit in what the process may use
        raise UserError(_over(where, cap, what), hint="Check that it is the right file.") from None
    if len(data) > cap:
        raise UserError(_over(where, cap, what), hint="Check that it is the right file.")
    return data


def _over(where: str, cap: int, what: str) -> str:
    megabytes = cap // 1024**2 if cap % 1024**2 == 0 else cap // MB  # as the cap was written
    return f"{where} holds more than {megabytes:,} MB, more than {what} ever needs; nothing was read."
