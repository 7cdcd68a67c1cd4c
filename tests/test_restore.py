"""``afterview restore``: list the backups, bring one back atomically, and keep (never delete) a corrupt
version it replaces, once however often it runs."""

from __future__ import annotations

import json
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Result, stored_companies

Cli = Callable[..., Result]
Log = Callable[..., dict[str, Any]]


@pytest.fixture
def three(log: Log) -> None:
    """Three saves, so two backups (revisions 1 and 2)."""
    log()
    log(company="Beta")
    log(company="Gamma")


def companies(store_file: Path) -> list[str]:
    return stored_companies(json.loads(store_file.read_bytes()))


def test_lists_backups_newest_first(three: None, cli: Cli) -> None:
    result = cli("restore")
    assert result.code == 0
    rows = [line.split() for line in result.out.splitlines()[1:3]]
    assert [(row[0], row[6], row[7]) for row in rows] == [("1", "2", "2"), ("2", "1", "1")]
    assert "Fri 27 Nov 2026 16:00:00" in result.out  # saved times, in local time
    listed = cli("restore", "--json").json()
    assert [(b["number"], b["revision"], b["interviews"], b["problem"]) for b in listed] == [
        (1, 2, 2, None),
        (2, 1, 1, None),
    ]


def test_no_backups_yet(cli: Cli) -> None:
    result = cli("restore")
    assert result.code == 0
    assert "No backups yet" in result.out


def test_restores_a_backup_and_keeps_the_current_version(three: None, cli: Cli, store_file: Path) -> None:
    result = cli("restore", "2")
    assert result.code == 0, result.err
    assert "Restored revision 1 (1 interview); the store is now revision 4." in result.out
    assert companies(store_file) == ["Acme"]
    assert json.loads(store_file.read_bytes())["revision"] == 4
    assert cli("restore", "--json").json()[0]["interviews"] == 3  # the replaced version is a backup now
    assert cli("restore", "1").code == 0  # so the restore can itself be undone
    assert companies(store_file) == ["Acme", "Beta", "Gamma"]


def test_a_backup_can_be_named_by_file(three: None, cli: Cli, store_file: Path, home: Path) -> None:
    oldest = sorted((home / "backups").iterdir())[0]
    assert cli("restore", oldest.name).code == 0
    assert companies(store_file) == ["Acme"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_a_corrupt_store_is_kept_aside_once(three: None, cli: Cli, store_file: Path, home: Path) -> None:
    store_file.write_bytes(b"{ broken")
    result = cli("restore", "1")
    assert result.code == 0, result.err
    assert "The unreadable version is kept as" in result.err
    kept = list(home.glob("afterview.json.corrupt-*"))
    assert [k.read_bytes() for k in kept] == [b"{ broken"]
    assert stat.S_IMODE(kept[0].stat().st_mode) == 0o600
    assert companies(store_file) == ["Acme", "Beta"]
    store_file.write_bytes(b"{ broken")  # the same damage again: no second copy
    assert cli("restore", "1").code == 0
    assert list(home.glob("afterview.json.corrupt-*")) == kept
    store_file.write_bytes(b"{ broken differently")  # different damage: kept as well, nothing overwritten
    assert cli("restore", "1").code == 0
    assert sorted(k.read_bytes() for k in home.glob("afterview.json.corrupt-*")) == [
        b"{ broken",
        b"{ broken differently",
    ]
    assert cli("log", "--company", "Delta", "--role", "r", "--no-input").code == 0
    assert len(list(home.glob("afterview.json.corrupt-*"))) == 2  # never deleted


def test_an_unknown_backup_changes_nothing(three: None, cli: Cli, store_file: Path) -> None:
    before = store_file.read_bytes()
    result = cli("restore", "9")
    assert result.code == 1
    assert "There is no backup '9'" in result.err
    assert store_file.read_bytes() == before


def test_a_bad_backup_is_not_restored(three: None, cli: Cli, store_file: Path, home: Path) -> None:
    before = store_file.read_bytes()
    sorted((home / "backups").iterdir())[-1].write_bytes(b"[]")
    result = cli("restore", "1")
    assert result.code == 3
    assert "cannot be restored" in result.err
    assert store_file.read_bytes() == before
