"""Concurrency with real processes: writers never lose an update, readers never see a torn file, a held
lock fails fast with exit 75 and changes nothing, and a killed holder does not leave the store locked."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from afterview.store.storefile import Store
from tests.helpers import afterview_command, stored_companies

WORKER = str(Path(__file__).with_name("store_worker.py"))


def worker(*args: object, stdin: int | None = None) -> subprocess.Popen[str]:
    """Start a store worker (see store_worker.py) as a separate process."""
    return subprocess.Popen(
        [sys.executable, WORKER, *map(str, args)], stdout=subprocess.PIPE, stdin=stdin, text=True
    )


def store_at(path: Path) -> Store:
    return Store(path, clock=lambda: dt.datetime(2026, 11, 27, 15, tzinfo=dt.UTC), lock_timeout=60)


@pytest.fixture
def memory_store(store_file: Path) -> Iterator[Path]:
    """A store in a RAM-backed directory when there is one (Linux ``/dev/shm``), else the usual one.

    These tests are about the lock, not the disk: with 1,000 serialised saves, four fsyncs each would
    time the disk rather than prove anything more. Durability has its own tests (call order, faults).
    """
    shm = Path("/dev/shm")
    if not (shm.is_dir() and os.access(shm, os.W_OK)):
        yield store_file
        return
    directory = Path(tempfile.mkdtemp(prefix="afterview-test-", dir=shm))
    try:
        yield directory / "afterview.json"
    finally:
        shutil.rmtree(directory)


def test_twenty_writers_lose_nothing(memory_store: Path) -> None:
    """20 processes x 50 additions: exactly 1,000 interviews, 1,000 distinct ids, revision 1,000."""
    store_file = memory_store
    writers = [worker("add", store_file, 50, f"w{n}") for n in range(20)]
    for process in writers:
        process.communicate(timeout=170)
        assert process.returncode == 0
    document = store_at(store_file).read()
    assert len(document.interviews) == 1000
    assert len({interview.id for interview in document.interviews}) == 1000
    assert document.revision == 1000
    assert {interview.company for interview in document.interviews} == {
        f"w{n}-{i}" for n in range(20) for i in range(50)
    }


def test_eight_times_five_real_log_commands(store_file: Path, process: Callable[..., object]) -> None:
    """8 concurrent workers each running ``afterview log`` 5 times: 40 interviews, ids 1..40."""
    command = afterview_command()

    def five(worker_number: int) -> list[int]:
        codes = []
        for index in range(5):
            result = subprocess.run(
                [*command, "log", "--company", f"c{worker_number}-{index}", "--role", "r", "--no-input"],
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            codes.append(result.returncode)
        return codes

    with ThreadPoolExecutor(8) as pool:
        codes = [code for batch in pool.map(five, range(8)) for code in batch]
    assert codes == [0] * 40
    document = json.loads(store_file.read_bytes())
    assert sorted(i["id"] for i in document["interviews"]) == list(range(1, 41))
    assert document["revision"] == 40


def test_readers_never_see_a_torn_file(memory_store: Path) -> None:
    """Writers and readers together: every read parses, and the count never goes down."""
    store_file = memory_store
    writers = [worker("add", store_file, 25, f"w{n}") for n in range(4)]
    readers = [worker("read", store_file, 100) for _ in range(2)]
    for process in writers:
        process.communicate(timeout=120)
        assert process.returncode == 0
    for process in readers:
        out, _ = process.communicate(timeout=120)
        assert process.returncode == 0
        lines = out.split()
        assert "error" not in lines
        counts = [int(line) for line in lines]
        assert counts == sorted(counts)
        assert counts[-1] == 100
    assert len(store_at(store_file).read().interviews) == 100


def test_a_held_lock_fails_fast_with_exit_75(
    store_file: Path, log: Callable[..., object], process: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    log()
    before = store_file.read_bytes()
    holder = worker("hold", store_file, stdin=subprocess.PIPE)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        result = process(
            "log", "--company", "Beta", "--role", "r", "--no-input", env={"AFTERVIEW_LOCK_TIMEOUT": "0.5"}
        )
        waited = time.monotonic() - started
    finally:
        holder.communicate(input="", timeout=30)
    assert result.returncode == 75
    assert "locked by another afterview" in result.stderr
    assert "Traceback" not in result.stderr
    assert store_file.read_bytes() == before
    assert waited < 8  # well under the 10 s default timeout: the short timeout was honoured


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_lock_holder_does_not_block_the_next_write(
    store_file: Path, log: Callable[..., object], process: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    log()
    holder = worker("hold", store_file, stdin=subprocess.PIPE)
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    os.kill(holder.pid, signal.SIGKILL)
    holder.communicate(timeout=30)
    result = process(
        "log", "--company", "Beta", "--role", "r", "--no-input", env={"AFTERVIEW_LOCK_TIMEOUT": "5"}
    )
    assert result.returncode == 0, result.stderr
    assert stored_companies(json.loads(store_file.read_bytes())) == ["Acme", "Beta"]
