"""Backups: the last N previous good versions (default 20, ``AFTERVIEW_BACKUPS`` to change), each one the
exact bytes of the version it replaced, pruned only after a successful save."""

from __future__ import annotations

import datetime as dt
import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterview.errors import UserError
from afterview.store.storefile import (
    DEFAULT_KEEP_BACKUPS,
    Store,
    Unchanged,
    backup_revision,
    configured_backups,
)
from tests.helpers import Result

Cli = Callable[..., Result]
NOW = dt.datetime(2026, 11, 27, 15, tzinfo=dt.UTC)


def revisions(home: Path) -> list[int | None]:
    return [backup_revision(p) for p in sorted((home / "backups").iterdir())]


def test_the_last_twenty_versions_are_kept(store_file: Path, home: Path) -> None:
    store = Store(store_file, clock=lambda: NOW)
    assert store.keep_backups == DEFAULT_KEEP_BACKUPS == 20
    versions = []
    for _ in range(25):
        with store.transaction() as document:
            document.next_id += 1
        versions.append(store_file.read_bytes())
    assert revisions(home) == list(range(5, 25))
    assert [p.read_bytes() for p in store.backups()] == versions[4:24]


def test_the_number_kept_is_configurable(
    log: Callable[..., dict[str, Any]], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AFTERVIEW_BACKUPS", "3")
    for _ in range(6):
        log()
    assert revisions(home) == [3, 4, 5]


@pytest.mark.parametrize("value", ["0", "-1", "lots", "1001"])
def test_a_bad_backup_count_is_refused_clearly(value: str, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AFTERVIEW_BACKUPS", value)
    with pytest.raises(UserError):
        configured_backups()
    result = cli("log", "--company", "A", "--role", "r", "--no-input")
    assert result.code == 1
    assert "AFTERVIEW_BACKUPS" in result.err


def test_backups_are_pruned_only_after_a_successful_save(
    log: Callable[..., dict[str, Any]], home: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AFTERVIEW_BACKUPS", "2")
    for _ in range(3):
        log()
    assert revisions(home) == [1, 2]

    real_replace = os.replace

    def full(source: object, target: object) -> None:
        if str(target).endswith(os.sep + "afterview.json"):  # the backup is written, the store is not
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(source, target)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "replace", full)
        assert cli("log", "--company", "A", "--role", "r", "--no-input").code != 0
    assert revisions(home) == [1, 2]  # nothing pruned, no copy of the unchanged store added: the save failed
    log()
    assert revisions(home) == [2, 3]


def test_a_change_that_saves_nothing_makes_no_backup(store_file: Path, home: Path) -> None:
    store = Store(store_file, clock=lambda: NOW)
    with store.transaction():
        pass
    with store.transaction():
        raise Unchanged
    assert store.backups() == []
    assert store.read().revision == 1


def test_a_first_save_has_nothing_to_back_up(log: Callable[..., dict[str, Any]], home: Path) -> None:
    log()
    assert not (home / "backups").exists() or revisions(home) == []
