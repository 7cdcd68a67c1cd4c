"""``afterview`` and ``python -m afterview``: a fast path when one applies, else the full CLI.

Each fast path looks at the arguments (and environment) and either answers, returning an exit code, or
returns ``None`` without importing anything heavy. To add one, write a small function here and list it in
``FAST_PATHS``; keep its imports inside it.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable


def _completion(argv: list[str]) -> int | None:
    """Tab completion of step and interview ids (bash, zsh, fish), from the derived index."""
    if os.environ.get("_AFTERVIEW_COMPLETE") not in ("complete_bash", "complete_zsh", "complete_fish"):
        return None
    from afterview.cli.fast import complete

    return complete(os.environ)


def _todo(argv: list[str]) -> int | None:
    """``afterview todo`` and ``afterview todo --json``, from the derived index."""
    if argv not in (["todo"], ["todo", "--json"]):
        return None
    from afterview.cli.fast import todo

    return todo(json_="--json" in argv)


def _remind(argv: list[str]) -> int | None:
    """``afterview remind`` runs at every shell start: it reads the store with the standard library only."""
    if argv != ["remind"]:
        return None
    from afterview.cli.remind.line import main as remind

    return remind()


LINE_COMMANDS = frozenset({"done", "skip", "outcome", "log", "list", "show"})
"""The commands :mod:`afterview.cli.fast_lines` answers (named here, so no other command imports it; a test
holds the two together)."""


def _lines(argv: list[str]) -> int | None:
    """``done``, ``skip``, ``outcome``, ``log``, ``list`` and ``show``: their handlers, without Typer."""
    if not argv or argv[0] not in LINE_COMMANDS:
        return None
    from afterview.cli.fast_lines import answer

    return answer(argv)


FAST_PATHS: tuple[Callable[[list[str]], int | None], ...] = (_completion, _remind, _todo, _lines)

YOUNG_GENERATION_THRESHOLD = 200_000
"""Allocations between two collections of the youngest generation (CPython's default is 700): see
:func:`main`."""


def main() -> None:
    """The console script: answer from a fast path if one applies, else run the full CLI."""
    # afterview uses no Pydantic plugin; without this, building the first model scans the metadata of every
    # installed distribution for one (importlib.metadata, email, zipfile, csv), a few ms of every write.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # A command is a short process whose objects (models, parsed JSON, rows) reference counting frees; woken
    # every 700 allocations, the cyclic collector spent 25-30 ms of a write at 1,000 interviews (74 passes)
    # and found next to nothing. Waking it every 200,000 (as mypy does) skips that and still bounds the
    # memory of a long import. The older generations keep their thresholds.
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, *gc.get_threshold()[1:])
    try:
        sys.exit(_answer(sys.argv[1:]))
    finally:
        # The command is over: what is left is the interpreter's shutdown, whose two full passes of the
        # cyclic collector over every object still alive cost about 5 % of a write (45 million of its
        # 895 million instructions at 1,000 interviews). Frozen objects are not examined; everything else
        # at shutdown (atexit, flushing, closing) happens as before.
        gc.freeze()


def _answer(argv: list[str]) -> int:
    """The exit code of ``afterview ARGV``: from the first fast path that answers, else the full CLI."""
    from afterview.cli.streams import tolerate_unencodable

    tolerate_unencodable()
    for fast_path in FAST_PATHS:
        try:
            code = fast_path(argv)
        except BrokenPipeError:  # the reader went away (``afterview todo | head``), as in cli.main.run
            sys.stderr.close()
            return 0
        if code is not None:
            return code
    from afterview.cli.main import run

    return run()


if __name__ == "__main__":
    main()
