"""Crash safety: a writer killed with SIGKILL at random moments never leaves a store that does not parse,
never loses a committed write, and the next write clears whatever temp file it left behind."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from afterview.store.storefile import Store

WORKER = str(Path(__file__).with_name("store_worker.py"))
NOW = dt.datetime(2026, 11, 27, 15, tzinfo=dt.UTC)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("batch", range(3))
def test_sigkill_at_random_moments_loses_nothing(batch: int, store_file: Path) -> None:
    """3 batches x 10 trials = 30 kills of a process saving in a loop."""
    rng = random.Random(batch)
    store = Store(store_file, clock=lambda: NOW, lock_timeout=30)
    for _ in range(10):
        child = subprocess.Popen(
            [sys.executable, WORKER, "loop", str(store_file)], stdout=subprocess.PIPE, text=True
        )
        assert child.stdout is not None
        committed = [int(child.stdout.readline())]
        time.sleep(rng.uniform(0, 0.08))
        os.kill(child.pid, signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
        committed += [int(line) for line in out.split()]

        document = store.read()  # always parses
        assert document.revision >= max(committed)  # nothing committed is lost
        assert [i.id for i in document.interviews] == list(range(1, document.revision + 1))

        with store.transaction() as document:  # the next write succeeds and clears the debris
            process = document.add_process(company="after", role="r", now=NOW)
            document.add_interview({"at": NOW}, process=process, now=NOW)
        assert store.temp_files() == []
        assert len(store.read().interviews) == document.revision
