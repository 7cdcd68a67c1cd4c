"""``afterview`` and ``python -m afterview``."""

from __future__ import annotations

import sys


def main() -> None:
    """The console script: run the CLI and exit with its status.

    ``afterview remind`` runs at every shell start, so it skips the Typer app and its imports.
    """
    if sys.argv[1:] == ["remind"]:
        from afterview.cli.remind import main as remind

        sys.exit(remind())
    from afterview.cli.main import run

    sys.exit(run())


if __name__ == "__main__":
    main()
