"""The store protocol, seen from the commands: private files, backups, an empty and a newer store.

Every way a store can be corrupt, for every command: test_store_corruption.py."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Result

Log = Callable[..., dict[str, Any]]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_data_dir_is_private_and_files_are_0600(log: Log, home: Path) -> None:
    os.umask(0o022)
    log()
    log()
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert stat.S_IMODE((home / "afterview.json").stat().st_mode) == 0o600
    assert stat.S_IMODE((home / "backups").stat().st_mode) == 0o700
    for backup in (home / "backups").iterdir():
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_every_write_bumps_the_revision_and_keeps_the_previous_version(log: Log, store_file: Path) -> None:
    log()
    first = store_file.read_bytes()
    log()
    document = json.loads(store_file.read_bytes())
    assert document["revision"] == 2
    assert document["format"] == "afterview"
    assert document["schema_version"] == 2
    backups = sorted((store_file.parent / "backups").iterdir())
    assert backups[-1].read_bytes() == first


def test_an_empty_file_is_corrupt_not_an_empty_store(cli: Callable[..., Result], store_file: Path) -> None:
    """Even before any backup exists (test_store_corruption.py covers every command, with a backup)."""
    store_file.parent.mkdir(parents=True)
    store_file.write_bytes(b"")
    result = cli("log", "--company", "A", "--role", "B", "--no-input")
    assert result.code == 3
    assert store_file.read_bytes() == b""


def test_a_newer_schema_is_refused_and_left_alone(
    cli: Callable[..., Result], log: Log, store_file: Path
) -> None:
    log()
    document = json.loads(store_file.read_bytes())
    document["schema_version"] = 99
    store_file.write_text(json.dumps(document))
    before = store_file.read_bytes()
    for command in (("todo",), ("done", "1.1")):
        result = cli(*command)
        assert result.code == 3
        assert "newer afterview" in result.err
    assert store_file.read_bytes() == before


def test_unknown_keys_survive_a_write(cli: Callable[..., Result], log: Log, store_file: Path) -> None:
    log()
    document = json.loads(store_file.read_bytes())
    document["from_the_future"] = {"kept": True}
    document["interviews"][0]["mood"] = "hopeful"
    document["interviews"][0]["steps"][0]["colour"] = "green"
    store_file.write_text(json.dumps(document))
    assert cli("done", "1.1").code == 0
    after = json.loads(store_file.read_bytes())
    assert after["from_the_future"] == {"kept": True}
    assert after["interviews"][0]["mood"] == "hopeful"
    assert after["interviews"][0]["steps"][0]["colour"] == "green"


@pytest.mark.skipif(os.name != "posix", reason="symlinks need privileges on Windows")
def test_a_symlinked_store_stays_a_symlink(log: Log, store_file: Path, tmp_path: Path) -> None:
    log()
    real = tmp_path / "elsewhere.json"
    real.write_bytes(store_file.read_bytes())
    store_file.unlink()
    store_file.symlink_to(real)
    log()
    assert store_file.is_symlink()
    assert len(json.loads(real.read_bytes())["interviews"]) == 2
