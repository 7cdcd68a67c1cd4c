"""``afterview doctor``: exit 0 on a healthy store, 3 on a corrupt one, and loose permissions tightened."""

from __future__ import annotations

import json
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterview.store.doctor import Finding, Level, healthy, is_network, loose, mount_type
from tests.helpers import Result

Cli = Callable[..., Result]
Log = Callable[..., dict[str, Any]]


def test_no_store_yet_is_healthy(cli: Cli) -> None:
    result = cli("doctor")
    assert result.code == 0
    assert "no store yet" in result.out


def test_a_healthy_store(log: Log, cli: Cli) -> None:
    log()
    log(company="Beta")
    result = cli("doctor")
    assert result.code == 0, result.out
    assert "readable: revision 2, 2 interviews, schema 2" in result.out
    assert "1 good backup (keeping the last 20), newest holds revision 1" in result.out
    assert "The store is healthy." in result.out


def test_a_corrupt_store_exits_3_and_names_the_way_back(
    log: Log, cli: Cli, store_file: Path, home: Path
) -> None:
    log()
    log(company="Beta")
    store_file.write_bytes(b'{"format": "afterview", "schema_version": 1,\n "revision": oops}')
    result = cli("doctor")
    assert result.code == 3
    backup = next((home / "backups").iterdir()).name
    assert "PROBLEM" in result.out
    assert "corrupt: line 2 column 14" in result.out
    assert f"afterview restore {backup}" in result.out
    assert "needs attention" in result.out


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_loose_permissions_are_tightened(log: Log, cli: Cli, store_file: Path, home: Path) -> None:
    log()
    log(company="Beta")
    backup = next((home / "backups").iterdir())
    for path, mode in (
        (home, 0o755),
        (store_file, 0o644),
        (backup, 0o644),
        (home / "afterview.json.lock", 0o666),
    ):
        path.chmod(mode)
    result = cli("doctor")
    assert result.code == 0
    assert "was readable by others (0644); tightened to 0600" in result.out
    assert "was readable by others (0755); tightened to 0700" in result.out
    for path, mode in (
        (home, 0o700),
        (store_file, 0o600),
        (backup, 0o600),
        (home / "afterview.json.lock", 0o600),
    ):
        assert stat.S_IMODE(path.stat().st_mode) == mode


def test_leftover_temp_files_are_a_warning(log: Log, cli: Cli, home: Path) -> None:
    log()
    (home / ".afterview.json.4242.tmp").write_text("half a store")
    result = cli("doctor")
    assert result.code == 0
    assert "temp file left by an interrupted save" in result.out


def test_a_bad_backup_is_a_problem(log: Log, cli: Cli, home: Path) -> None:
    log()
    log(company="Beta")
    next((home / "backups").iterdir()).write_bytes(b"[]")
    result = cli("doctor", "--json")
    assert result.code == 3
    report = result.json()
    assert report["healthy"] is False
    assert [f["message"] for f in report["findings"] if f["level"] == "problem"] == [
        'this backup does not load: line 1 column 1: not an afterview store (no "format": "afterview")'
    ]


def test_a_newer_store_is_a_problem(cli: Cli, store_file: Path, home: Path) -> None:
    home.mkdir()
    store_file.write_text(json.dumps({"format": "afterview", "schema_version": 99, "revision": 1}))
    result = cli("doctor")
    assert result.code == 3
    assert "newer afterview" in result.out
    assert store_file.read_text() == json.dumps({"format": "afterview", "schema_version": 99, "revision": 1})


def test_json_report_lists_every_finding(log: Log, cli: Cli) -> None:
    log()
    report = cli("doctor", "--json").json()
    assert report["healthy"] is True
    assert {f["level"] for f in report["findings"]} == {"ok"}
    assert all(set(f) == {"level", "subject", "message"} for f in report["findings"])


MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
server:/export /home nfs4 rw,relatime 0 0
/dev/vdb /home/sam/local\\040disk ext4 rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "fstype"),
    [
        ("/home/sam/.local/share/afterview", "nfs4"),
        ("/home/sam/local disk/afterview", "ext4"),
        ("/var/lib", "ext4"),
        ("/tmp/x", "tmpfs"),
        ("/homely", "ext4"),
    ],
)
def test_mount_type_finds_the_closest_mount(path: str, fstype: str) -> None:
    assert mount_type(MOUNTS, Path(path)) == fstype


@pytest.mark.parametrize(
    ("fstype", "network"),
    [("nfs4", True), ("cifs", True), ("fuse.sshfs", True), ("9p", True), ("ext4", False), ("tmpfs", False),
     ("fuse", False), (None, False)],
)  # fmt: skip
def test_network_file_systems(fstype: str | None, network: bool) -> None:
    assert is_network(fstype) is network


def test_loose_and_healthy() -> None:
    assert [loose(mode) for mode in (0o644, 0o710, 0o600, 0o700)] == [True, True, False, False]
    assert healthy([Finding(Level.OK, "a", "b"), Finding(Level.WARNING, "a", "b")])
    assert not healthy([Finding(Level.PROBLEM, "a", "b")])
