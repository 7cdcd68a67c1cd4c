"""Fault injection: whatever fails mid-save, the store stays byte-identical, no temp file is left, and the
user gets a clear "not saved" error and a non-zero exit. Plus the order of the durable-write calls, and a
real short write under ``RLIMIT_FSIZE``."""

from __future__ import annotations

import errno
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Result, afterview_command, stored_companies

Log = Callable[..., dict[str, Any]]
Cli = Callable[..., Result]


def temp_files(home: Path) -> list[Path]:
    return list(home.rglob("*.tmp"))


class Faults:
    """Wraps ``os.open/write/fsync/replace/link``: records each call by file name and fails the chosen one;
    with ``no_links``, every hard link fails as on a file system without them (FAT, some network shares)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[tuple[str, str]] = []
        self.names: dict[int, str] = {}
        self.fail: tuple[str, str, BaseException] | None = None
        self.no_links = False
        real_open, real_write, real_fsync, real_replace = os.open, os.write, os.fsync, os.replace
        real_link = os.link

        def fake_open(path: Any, flags: int, mode: int = 0o777, **kwargs: Any) -> int:
            fd = real_open(path, flags, mode, **kwargs)
            self.names[fd] = Path(path).name
            return fd

        def fake_write(fd: int, data: Any) -> int:
            self._call("write", self.names.get(fd, "?"))
            return real_write(fd, data)

        def fake_fsync(fd: int) -> None:
            self._call("fsync", self.names.get(fd, "?"))
            real_fsync(fd)

        def fake_replace(source: Any, target: Any) -> None:
            self._call("replace", f"{Path(source).name}->{Path(target).name}")
            real_replace(source, target)

        def fake_link(source: Any, target: Any, **kwargs: Any) -> None:
            self._call("link", f"{Path(source).name}->{Path(target).name}")
            if self.no_links:
                raise OSError(errno.EPERM, "Operation not permitted")
            real_link(source, target, **kwargs)

        monkeypatch.setattr(os, "open", fake_open)
        monkeypatch.setattr(os, "link", fake_link)
        monkeypatch.setattr(os, "write", fake_write)
        monkeypatch.setattr(os, "fsync", fake_fsync)
        monkeypatch.setattr(os, "replace", fake_replace)

    def _call(self, what: str, name: str) -> None:
        self.calls.append((what, name))
        if self.fail and self.fail[0] == what and self.fail[1] in name:
            raise self.fail[2]


@pytest.fixture
def faults(monkeypatch: pytest.MonkeyPatch) -> Faults:
    return Faults(monkeypatch)


@pytest.fixture
def saved(log: Log, store_file: Path) -> bytes:
    """A store with two interviews (so there is a backup too); its bytes."""
    log()
    log(company="Beta")
    return store_file.read_bytes()


@pytest.mark.parametrize("links", [True, False], ids=["backup-linked", "backup-copied"])
def test_a_save_is_write_fsync_replace_fsync_dir(
    saved: bytes, faults: Faults, cli: Cli, home: Path, links: bool
) -> None:
    faults.no_links = not links
    assert cli("log", "--company", "Gamma", "--role", "r", "--no-input").code == 0
    calls = faults.calls
    replaced = next(
        n for n, (what, name) in enumerate(calls) if what == "replace" and name.endswith("->afterview.json")
    )
    temp = calls[replaced][1].split("->")[0]
    assert re.fullmatch(r"\.afterview\.json\.\d+\.tmp", temp)
    to_temp = [what for what, name in calls[:replaced] if name == temp]
    assert to_temp[-1] == "fsync"
    assert set(to_temp[:-1]) == {"write"}
    assert calls[replaced + 1] == ("fsync", home.name)  # the directory, so the rename itself is durable
    # the backup of the previous version is durable before the store is replaced: the old file under a
    # second name (its data synced, then the backups folder), or where there are no hard links, a copy
    if links:
        backup = next((home / "backups").glob("*-r0000002-*"))
        linked = calls.index(("link", f"afterview.json->{backup.name}"))
        assert ("fsync", "afterview.json") in calls[:linked]
        assert ("fsync", "backups") in calls[linked:replaced]
        assert not any(what == "write" and "r0000002" in name for what, name in calls)
        assert backup.read_bytes() == saved
    else:
        backup_fsync = next(
            n for n, (what, name) in enumerate(calls) if what == "fsync" and "r0000002" in name
        )
        assert backup_fsync < replaced


@pytest.mark.parametrize(
    ("what", "which", "error", "message"),
    [
        ("fsync", ".afterview.json.", OSError(errno.EIO, "Input/output error"), "Input/output error"),
        ("replace", ".afterview.json.", OSError(errno.ENOSPC, "No space left on device"), "No space left"),
        (
            "replace",
            ".afterview.json.",
            PermissionError(errno.EACCES, "Permission denied"),
            "Permission denied",
        ),
        ("write", "-r0000002-afterview.json", OSError(errno.ENOSPC, "No space left on device"), "backup"),
        ("fsync", "-r0000002-afterview.json", OSError(errno.EIO, "Input/output error"), "backup"),
        ("fsync", "backups", OSError(errno.EIO, "Input/output error"), "backup"),
    ],
    ids=[
        "fsync-EIO", "replace-ENOSPC", "replace-EACCES", "backup-write-ENOSPC", "backup-fsync-EIO",
        "backup-folder-fsync-EIO",
    ],
)  # fmt: skip
def test_a_failed_save_leaves_the_store_as_it_was(
    saved: bytes,
    faults: Faults,
    cli: Cli,
    store_file: Path,
    home: Path,
    what: str,
    which: str,
    error: OSError,
    message: str,
) -> None:
    backups_before = sorted(p.name for p in (home / "backups").iterdir())
    faults.no_links = "-r0000002-" in which  # the copy is written where there are no hard links
    faults.fail = (what, which, error)
    result = cli("log", "--company", "Gamma", "--role", "r", "--no-input")
    assert result.code != 0
    assert "nothing was saved" in result.err
    assert message in result.err
    assert "Traceback" not in result.err
    assert store_file.read_bytes() == saved
    assert temp_files(home) == []
    # nothing was pruned, and no copy of the unchanged store was added to crowd out older backups
    assert sorted(p.name for p in (home / "backups").iterdir()) == backups_before


def test_interrupted_mid_write_saves_nothing(
    saved: bytes, faults: Faults, cli: Cli, store_file: Path, home: Path
) -> None:
    faults.fail = ("write", ".afterview.json.", KeyboardInterrupt())
    result = cli("log", "--company", "Gamma", "--role", "r", "--no-input")
    assert result.code == 130
    assert "nothing was saved" in result.err
    assert store_file.read_bytes() == saved
    assert temp_files(home) == []


def test_short_writes_are_completed(saved: bytes, cli: Cli, store_file: Path) -> None:
    """``os.write`` may write less than asked; the rest must follow."""
    real_write = os.write
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[:7])))
        assert cli("log", "--company", "Gamma", "--role", "r", "--no-input").code == 0
    assert stored_companies(json.loads(store_file.read_bytes())) == [
        "Acme",
        "Beta",
        "Gamma",
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_real_short_write_past_the_file_size_limit(saved: bytes, store_file: Path, home: Path) -> None:
    """A child limited to files just above the store's size saves a large note: EFBIG, store untouched."""
    import resource

    limit = len(saved) + 512

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # report EFBIG instead of killing the process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    result = subprocess.run(
        [
            *afterview_command(),
            "log",
            "--company",
            "Big",
            "--role",
            "r",
            "--no-input",
            "--note",
            "x" * 60_000,
        ],
        capture_output=True,
        text=True,
        preexec_fn=limit_file_size,
        timeout=60,
        check=False,
        env=os.environ.copy(),
    )
    assert result.returncode != 0
    assert "File too large" in result.stderr
    assert "nothing was saved" in result.stderr
    assert "Traceback" not in result.stderr
    assert store_file.read_bytes() == saved
    assert temp_files(home) == []


def test_a_replace_refused_for_a_moment_is_retried(
    saved: bytes, cli: Cli, store_file: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows, another afterview reading the store makes ``os.replace`` fail for a moment: retry."""
    from afterview.store import files

    real_replace = os.replace
    attempts: list[str] = []
    waits: list[float] = []

    def flaky_replace(source: Any, target: Any) -> None:
        attempts.append(Path(target).name)
        if attempts.count("afterview.json") <= 2 and Path(target).name == "afterview.json":
            raise PermissionError(errno.EACCES, "Access is denied")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", flaky_replace)
    monkeypatch.setattr(time, "sleep", waits.append)
    result = cli("log", "--company", "Gamma", "--role", "r", "--no-input")
    assert result.code == 0, result.err
    assert attempts.count("afterview.json") == 3
    assert waits == list(files.REPLACE_RETRIES[:2])
    assert sum(files.REPLACE_RETRIES) <= 1.5
    assert stored_companies(json.loads(store_file.read_bytes()))[-1] == "Gamma"
    assert temp_files(home) == []


def test_a_replace_refused_for_good_gives_up_after_about_a_second(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from afterview.store import files

    waits: list[float] = []

    def refuse(source: Any, target: Any) -> None:
        raise PermissionError(errno.EACCES, "Access is denied")

    monkeypatch.setattr(os, "replace", refuse)
    monkeypatch.setattr(time, "sleep", waits.append)
    target = tmp_path / "file.json"
    target.write_bytes(b"old")
    with pytest.raises(PermissionError):
        files.replace_bytes(target, b"new")
    assert waits == list(files.REPLACE_RETRIES)
    assert target.read_bytes() == b"old"
    assert list(tmp_path.glob("*.tmp")) == []


def test_a_second_name_is_given_only_to_the_file_that_was_read(tmp_path: Path) -> None:
    from afterview.store import files, index

    store = tmp_path / "afterview.json"
    store.write_bytes(b"version one")
    read = index.stamp(store)
    assert files.second_name(store, tmp_path / "kept", stamp=read)
    assert (tmp_path / "kept").read_bytes() == b"version one"
    assert not files.second_name(store, tmp_path / "kept", stamp=index.stamp(store))  # the name is taken
    store.write_bytes(b"version two, edited by hand after it was read")
    assert not files.second_name(store, tmp_path / "again", stamp=read)
    assert not (tmp_path / "again").exists()
