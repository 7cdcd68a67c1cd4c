"""``afterview`` and ``python -m afterview``."""

from __future__ import annotations

import sys


def main() -> None:
    """The console script: run the CLI and exit with its status."""
    from afterview.cli.main import run

    sys.exit(run())


if __name__ == "__main__":
    main()
