"""The corruption corpus: whatever is wrong with the store file, every command exits 3, names the file,
the line and column and the newest good backup, never writes anything, and never prints a traceback."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterview.errors import StoreError
from afterview.store.codec import CorruptStore, parse_document
from afterview.store.storefile import Store
from tests.helpers import Result

Cli = Callable[..., Result]
WHERE = re.compile(r"line \d+ column \d+")

COMMANDS = [
    ("list",),
    ("list", "--json"),
    ("todo",),
    ("show", "1"),
    ("done", "1.1"),
    ("skip", "1.1"),
    ("log", "--company", "New", "--role", "r", "--no-input"),
    ("draft-thanks", "1"),
    ("interviewer", "1", "Ann Lee <ann@beta.com>"),
    ("profile", "--json"),
    ("profile", "--name", "Sam", "--no-input"),
    ("snooze", "1.1"),
    ("undo", "1.1"),
    ("task", "add", "1", "Sign the NDA"),
    ("ref", "list"),
    ("ref", "add", "Ann Lee"),
    ("outcome", "1", "rejected"),
    ("schedule",),
    ("remember", "1", "--prompt"),
    ("prep",),
    ("draft", "follow-up", "1"),
    ("export", "json"),
    ("export", "ics"),
    ("export", "csv"),
    ("export", "md"),
    ("export", "vcf"),
    ("import", "IMPORT"),
    ("stats",),
    ("edit", "1", "--role", "Lead"),
    ("rm", "1", "--yes"),
    ("doctor",),
    ("remind",),
]
"""Every command that reads the store. ``restore`` is the way out, so it is checked on its own."""


def corpus(good: bytes) -> dict[str, bytes]:
    """Broken versions of a real store file."""
    text = good.decode()
    first_at = re.search(r'"at": "[^"]+"', text)
    assert first_at is not None
    raw = json.loads(good)
    del raw["interviews"]
    return {
        "empty": b"",
        "blank": b"  \n\n",
        "brace": b"{",
        "nul-bytes": b"\0" * 64,
        "nul-inside": good[:200] + b"\0" + good[200:],
        "bom": b"\xef\xbb\xbf" + good,
        "utf-16": text.encode("utf-16"),
        "array": b"[]",
        "truncated": good[: len(good) // 2],
        "missing-keys": json.dumps(raw).encode(),
        "duplicate-key": text.replace('"revision": 2,', '"revision": 2,\n "revision": 3,').encode(),
        "nan": text.replace('"revision": 2,', '"revision": NaN,').encode(),
        "bad-date": (
            text[: first_at.start()] + '"at": "the day before yesterday"' + text[first_at.end() :]
        ).encode(),
        "bad-email": text.replace("jane@acme.com", "jane at acme").encode(),
    }


@pytest.fixture
def good(log: Callable[..., dict[str, Any]], store_file: Path) -> bytes:
    """A real store with two interviews, so there is a good backup."""
    log("--interviewer", "Jane Doe <jane@acme.com>")
    log(company="Beta")
    return store_file.read_bytes()


def snapshot(home: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and modification time; the lock file's time is left out (taking a lock may touch it,
    depending on the platform and filelock's version, and it holds no data)."""
    return {
        str(p): (p.read_bytes(), 0 if p.suffix == ".lock" else p.stat().st_mtime_ns)
        for p in home.rglob("*")
        if p.is_file()
    }


def store_and_backups(home: Path) -> dict[str, tuple[bytes, int]]:
    snap = snapshot(home)
    return {k: v for k, v in snap.items() if Path(k).name.startswith("afterview.json") or "backups" in k}


def newest_backup(home: Path) -> str:
    return sorted((home / "backups").iterdir())[-1].name


CASES = [
    "empty", "blank", "brace", "nul-bytes", "nul-inside", "bom", "utf-16", "array", "truncated",
    "missing-keys", "duplicate-key", "nan", "bad-date", "bad-email",
]  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_every_command_refuses_a_corrupt_store(
    case: str, good: bytes, cli: Cli, store_file: Path, home: Path
) -> None:
    importable = home.parent / "export.json"
    assert cli("export", "json", "-o", str(importable)).code == 0
    broken = corpus(good)
    assert sorted(broken) == sorted(CASES)
    store_file.write_bytes(broken[case])
    before = snapshot(home)
    backup = newest_backup(home)
    for command in COMMANDS:
        result = cli(*(str(importable) if part == "IMPORT" else part for part in command))
        said = result.out + result.err
        error = result.out if command == ("doctor",) else result.err  # doctor's report is its output
        assert result.code == 3, (command, said)
        assert str(store_file) in error, (command, said)
        assert WHERE.search(error), (command, said)
        assert backup in error, (command, said)
        assert "Traceback" not in said
        assert snapshot(home) == before, command  # nothing written, not even a backup or a temp file


def test_a_zero_byte_file_is_corrupt_not_empty(good: bytes, cli: Cli, store_file: Path) -> None:
    store_file.write_bytes(b"")
    result = cli("log", "--company", "New", "--role", "r", "--no-input")
    assert result.code == 3
    assert "empty (0 bytes)" in result.err
    assert store_file.read_bytes() == b""


def test_every_prefix_of_a_real_file_is_refused_with_a_place(good: bytes, store_file: Path, cli: Cli) -> None:
    """Each truncation (all but the complete file, which still parses without its final newline)."""
    store = Store(store_file, clock=lambda: dt.datetime(2026, 11, 27, tzinfo=dt.UTC))
    for length in range(len(good) - 1):
        prefix = good[:length]
        with pytest.raises(CorruptStore, match=WHERE):
            parse_document(prefix)
    for length in range(0, len(good) - 1, 97):  # and through the CLI, a sample of them
        store_file.write_bytes(good[:length])
        result = cli("list")
        assert result.code == 3
        assert WHERE.search(result.err)
        assert store_file.read_bytes() == good[:length]
    with pytest.raises(StoreError) as raised:
        store.read()
    assert raised.value.hint is not None
    assert "newest good backup" in raised.value.hint


def test_restore_still_lists_backups_of_a_corrupt_store(good: bytes, cli: Cli, store_file: Path) -> None:
    store_file.write_bytes(b"{")
    result = cli("restore")
    assert result.code == 0
    assert "r0000001" in result.out
