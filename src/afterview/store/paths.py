"""Where afterview keeps things: ``AFTERVIEW_HOME`` when set, else the platform's usual places."""

from __future__ import annotations

import os
from pathlib import Path

STORE_NAME = "afterview.json"
HOME_VARIABLE = "AFTERVIEW_HOME"


def _home() -> Path | None:
    home = os.environ.get(HOME_VARIABLE)
    return Path(home).expanduser() if home else None


def data_dir() -> Path:
    """The directory holding the store, its lock and its backups."""
    home = _home()
    if home is not None:
        return home
    import platformdirs

    return platformdirs.user_data_path("afterview", appauthor=False)


def config_dir() -> Path:
    """The directory holding the user's templates and settings."""
    home = _home()
    if home is not None:
        return home / "config"
    import platformdirs

    return platformdirs.user_config_path("afterview", appauthor=False)


def store_path() -> Path:
    """The store file."""
    return data_dir() / STORE_NAME


def cache_dir() -> Path:
    """The directory holding derived files that are safe to delete (the holidays afterview looked up)."""
    home = _home()
    if home is not None:
        return home / "cache"
    import platformdirs

    return platformdirs.user_cache_path("afterview", appauthor=False)
