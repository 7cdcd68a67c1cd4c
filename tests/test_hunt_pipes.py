"""Bugs found by using afterview as a user would: output into a pipe the reader closes early."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import Result, afterview_command


@pytest.fixture
def many(cli: Callable[..., Result], tmp_path: Path) -> None:
    """Enough interviews that a listing is far larger than a pipe's buffer."""
    rows = "".join(f"Company {n},Role {n},2026-{1 + n % 11:02d}-{1 + n % 28:02d}\n" for n in range(1500))
    source = tmp_path / "many.csv"
    source.write_text("company,role,at\n" + rows, encoding="utf-8")
    assert cli("import", str(source)).code == 0


@pytest.mark.parametrize("args", [["list"], ["todo", "--all"], ["export", "csv"], ["export", "md"]])
def test_a_reader_that_stops_early_is_not_an_error(many: None, args: list[str]) -> None:
    with subprocess.Popen(
        [*afterview_command(), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "AFTERVIEW_QUIET": "1"},
    ) as child:
        assert child.stdout is not None
        assert child.stderr is not None
        assert child.stdout.readline()  # as `afterview list | head -1` does, then goes away
        child.stdout.close()
        error = child.stderr.read()
        code = child.wait(timeout=60)
    assert code == 0, error
    assert error == b""
