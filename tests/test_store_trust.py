"""A write trusts the bytes afterview wrote itself when the index names the store file exactly as it is
(size, modification time, inode and change time): it validates them, but does not write them out again to
compare, nor digest the archive. Anything else, a hand edit above all, takes the full check as before; the
change time that gives a hand edit away is one no user can set back. The derived index is written without
fsync (it is rebuilt when it does not match); the store and its backup still are."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterview.store import codec, index, lock
from afterview.store.codec import ARCHIVE_KEY
from tests.helpers import Result, close_what_stays

Cli = Callable[..., Result]


@pytest.fixture
def archived(cli: Cli) -> None:
    """Acme (1, rejected: its round is archived) and Beta (2, open)."""
    for company in ("Acme", "Beta"):
        result = cli("log", "--no-input", "--company", company, "--role", "SRE", "--at", "yesterday 10:00")
        assert result.code == 0, result.err
    assert cli("outcome", "1", "rejected").code == 0
    close_what_stays(cli, 1)  # a rejection keeps a few steps pending; with them done, the round is archived


def never(*args: Any, **kwargs: Any) -> Any:
    raise AssertionError("the trusted path read the archive again")


@pytest.mark.usefixtures("archived")
def test_a_store_afterview_wrote_is_not_digested_or_written_out_again_to_compare(
    cli: Cli, store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert index.source_of(store_file) == index.stamp(store_file)
    monkeypatch.setattr(codec, "archive_digest", never)
    monkeypatch.setattr(codec, "_canonical_head", never)
    assert cli("done", "2.1").code == 0
    written = json.loads(store_file.read_bytes())
    assert [i["id"] for i in written["archive"]] == [1]  # copied as it was, its digest kept
    monkeypatch.undo()
    assert cli("doctor").code == 0  # and the whole file still checks out


@pytest.mark.usefixtures("archived")
def test_a_hand_edit_keeping_size_and_time_is_still_caught(cli: Cli, store_file: Path) -> None:
    """An edit in place of the archive, same size, modification time set back: the change time moved, so
    the index no longer vouches for the file, and the full check finds the bad round."""
    data = store_file.read_bytes()
    before = os.stat(store_file)
    at = data.index(ARCHIVE_KEY)
    edited = data[:at] + data[at:].replace(b'"stage": "other"', b'"stage": "othe!"', 1)
    assert edited != data
    assert len(edited) == len(data)
    with store_file.open("r+b") as file:  # in place: same inode
        file.write(edited)
    os.utime(store_file, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(store_file).st_mtime_ns == before.st_mtime_ns
    assert index.source_of(store_file) != index.stamp(store_file)
    result = cli("done", "2.1")
    assert result.code == 3
    assert "corrupt" in result.err
    assert "archive[0].stage" in " ".join(result.err.split())
    assert store_file.read_bytes() == edited  # never written over


@pytest.mark.usefixtures("archived")
def test_an_index_naming_another_file_vouches_for_nothing(
    cli: Cli, store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = index.path_for(store_file)
    found = json.loads(path.read_bytes())
    found["source"][2] += 1  # another inode
    path.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
    checked: list[bool] = []
    real = codec._canonical_head

    def counted(*args: Any, **kwargs: Any) -> bool:
        checked.append(True)
        return real(*args, **kwargs)

    monkeypatch.setattr(codec, "_canonical_head", counted)
    assert cli("done", "2.1").code == 0
    assert checked


@pytest.mark.usefixtures("archived")
def test_the_index_is_not_fsynced_but_the_store_and_its_backup_are(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[str] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}") if os.path.exists("/proc/self/fd") else str(fd))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    assert cli("done", "2.1").code == 0
    assert len(synced) == 4  # backup, its folder, the store, its folder
    assert not any(".index" in name for name in synced)


def test_the_lock_is_held_until_released(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    with lock.held(path, timeout=0, mode=0o600):
        assert oct(path.stat().st_mode & 0o777) == oct(0o600)
        with pytest.raises(lock.LockTimeout), lock.held(path, timeout=0.2, mode=0o600):
            pass
    with lock.held(path, timeout=0, mode=0o600):
        pass


def test_a_lock_that_cannot_be_created_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError), lock.held(tmp_path / "missing" / "x.lock", timeout=0, mode=0o600):
        pass


@pytest.mark.usefixtures("archived")
def test_the_archive_is_found_from_its_digest_even_with_arrays_after_it(store_file: Path) -> None:
    """The archive's end is found from the digest that follows it, without reading through the archive;
    an unknown key after the digest (kept from a hand edit or a newer minor version) does not fool it."""
    from afterview.store import layout

    data = store_file.read_bytes()
    assert layout.array_span(data, "archive", before="archive_digest") == layout.array_span(data, "archive")
    extended = data[: data.rindex(b"\n}")] + b',\n "later": [\n  1\n ]\n}\n'
    assert layout.array_span(extended, "archive", before="archive_digest") == layout.array_span(
        data, "archive"
    )
    assert layout.array_span(extended, "archive", before="missing") == layout.array_span(data, "archive")


def _store(store_file: Path) -> Any:
    import datetime as dt

    from afterview.store.storefile import Store

    return Store(store_file, clock=lambda: dt.datetime(2026, 11, 27, 16, tzinfo=dt.UTC))


@pytest.mark.usefixtures("archived")
def test_a_transaction_takes_over_a_document_just_read_when_the_file_is_unchanged(
    store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = _store(store_file)
    snapshot = store.read(open_only=True)
    monkeypatch.setattr(codec, "parse_document", never)  # nothing is read or validated again
    monkeypatch.setattr("afterview.store.storefile.parse_document", never)
    with store.transaction(open_only=True, taking=snapshot) as document:
        assert document is snapshot
        document.profile.name = "Ada"
    monkeypatch.undo()
    assert _store(store_file).read().profile.name == "Ada"
    assert snapshot.origin is None  # taken once


@pytest.mark.usefixtures("archived")
def test_a_document_read_before_another_write_is_not_taken_over(store_file: Path) -> None:
    store = _store(store_file)
    snapshot = store.read(open_only=True)
    with _store(store_file).transaction(open_only=True) as other:  # another afterview, meanwhile
        other.profile.email = "ada@acme.com"
    with store.transaction(open_only=True, taking=snapshot) as document:
        assert document is not snapshot
        assert document.profile.email == "ada@acme.com"
        document.profile.name = "Ada"
    kept = _store(store_file).read().profile
    assert (kept.name, kept.email) == ("Ada", "ada@acme.com")


@pytest.mark.usefixtures("archived")
def test_a_hand_edit_after_the_read_is_not_lost(store_file: Path) -> None:
    store = _store(store_file)
    snapshot = store.read(open_only=True)
    data = store_file.read_bytes()
    store_file.write_bytes(data.replace(b'"name": null', b'"name": "Grace"', 1))
    with store.transaction(open_only=True, taking=snapshot) as document:
        assert document.profile.name == "Grace"
        document.profile.email = "grace@acme.com"
    kept = _store(store_file).read().profile
    assert (kept.name, kept.email) == ("Grace", "grace@acme.com")


@pytest.mark.usefixtures("archived")
def test_log_reads_the_store_once(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from afterview.store import storefile

    reads: list[Path] = []
    real = storefile._read_stamped

    def counted(path: Path) -> Any:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(storefile, "_read_stamped", counted)
    result = cli(
        "log", "--no-input", "--company", "Delta", "--role", "SRE", "--interviewer", "Ada <ada@delta.io>"
    )
    assert result.code == 0, result.err
    assert len(reads) == 1
