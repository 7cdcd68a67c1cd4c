"""Exit codes and the one exception type that carries a message for the user."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Every exit status afterview uses (listed in the README)."""

    OK = 0
    USER = 1
    USAGE = 2
    STORE = 3
    LOCKED = 75  # EX_TEMPFAIL: try again
    INTERRUPTED = 130


class AfterviewError(Exception):
    """A failure the user can act on: printed without a traceback, mapped to an exit code."""

    code: ExitCode = ExitCode.USER

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UserError(AfterviewError):
    """Bad input or an unknown id."""


class StoreError(AfterviewError):
    """The store is corrupt, newer than this afterview, or could not be saved."""

    code = ExitCode.STORE


class NotSavedError(AfterviewError):
    """A write failed; the store is as it was before the command."""

    code = ExitCode.USER


class StoreLockedError(AfterviewError):
    """Another afterview holds the store's lock."""

    code = ExitCode.LOCKED
