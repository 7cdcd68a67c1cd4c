"""Chained pure migrations from every released schema to the current one (no I/O).

Every schema version ever released has a frozen example under ``tests/fixtures/``; add one with each bump.
The migrations themselves live with the models (:mod:`afterview.models.migrations`), so ``import`` can read
an older export through the same functions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from afterview.models.document import SCHEMA_VERSION
from afterview.models.migrations import schema_1_to_2

Migration = Callable[[dict[str, Any]], dict[str, Any]]

MIGRATIONS: dict[int, Migration] = {1: schema_1_to_2}
"""``MIGRATIONS[n]`` turns a schema-``n`` document into schema ``n + 1`` (pure)."""


def migrate(
    raw: dict[str, Any], *, migrations: Mapping[int, Migration] | None = None, target: int | None = None
) -> dict[str, Any]:
    """Bring a document of an older schema up to ``target`` (default: current), one migration at a time."""
    steps = MIGRATIONS if migrations is None else migrations
    version: int = raw["schema_version"]
    while version < (SCHEMA_VERSION if target is None else target):
        raw = steps[version](raw)
        version += 1
        raw["schema_version"] = version
    return raw
