"""A large CSV import: every row in file order in one save, or nothing at all (issue 18).

The rows come from the benchmark's own generator (``benchmarks/csv_rows.py``), so the file the benchmark
times is the one these tests check, at a size that runs in seconds. No timing is asserted: machines are
shared and noisy.
"""

from __future__ import annotations

import csv
import gc
import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.helpers import Result

ROWS = 2_000
GENERATOR = Path(__file__).resolve().parent.parent / "benchmarks" / "csv_rows.py"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("csv_rows", GENERATOR)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def big_csv(tmp_path: Path) -> Path:
    """A realistic tracker's CSV of :data:`ROWS` interviews over six years (a few still to come)."""
    path = tmp_path / "interviews.csv"
    _generator().write(path, ROWS)
    return path


def _with_last_row(path: Path, column: str, value: str) -> None:
    """Append a row like the first one, with ``value`` in ``column``."""
    with path.open(encoding="utf-8", newline="") as file:
        header, first = list(csv.reader(file))[:2]
    row = dict(zip(header, first, strict=True))
    row[column] = value
    with path.open("a", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\r\n").writerow(row[name] for name in header)


def test_every_row_becomes_an_interview_in_file_order(cli: Callable[..., Result], big_csv: Path) -> None:
    """Ids are given in the file's order, one process a row; past steps are closed, none overdue."""
    result = cli("import", str(big_csv))
    assert result.code == 0, result.err
    assert f"Imported {ROWS} interviews: 1, 2, 3," in result.out
    assert f"and {ROWS - 20} more." in result.out
    assert gc.isenabled()
    export: dict[str, Any] = cli("export", "json").json()
    with big_csv.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    companies = {process["id"]: process["company"] for process in export["processes"]}
    assert [i["id"] for i in export["interviews"]] == list(range(1, ROWS + 1))
    assert [companies[i["process_id"]] for i in export["interviews"]] == [row["company"] for row in rows]
    assert export["next_ids"]["interview"] == ROWS + 1
    todo = cli("todo", "--json").json()
    assert todo
    assert not any(step["overdue"] for step in todo)
    again = cli("import", str(big_csv))
    assert again.code == 0, again.err
    assert f"Nothing to import: all {ROWS} already there." in again.out


@pytest.mark.parametrize(
    ("column", "value", "problem"),
    [
        ("at", "2026-13-01", "column at: '2026-13-01' is not an ISO 8601 date"),
        ("company", "Acme\x1b[2J", "column company: control character U+001B (ESC) at position 5"),
        ("status", "hired", "column status: 'hired' is not one of"),
    ],
)
def test_a_bad_last_row_imports_nothing_and_names_it(
    cli: Callable[..., Result],
    log: Callable[..., dict[str, Any]],
    big_csv: Path,
    store_file: Path,
    home: Path,
    column: str,
    value: str,
    problem: str,
) -> None:
    """Thousands of good rows and one bad one at the very end: the store is left byte for byte as it was."""
    log()
    before = store_file.read_bytes()
    files = sorted(home.rglob("*"))
    _with_last_row(big_csv, column, value)
    result = cli("import", str(big_csv))
    assert result.code == 1
    assert f"CSV row {ROWS + 1} (line {ROWS + 2}), {problem}" in result.err
    assert "Traceback" not in result.err
    assert store_file.read_bytes() == before
    assert sorted(home.rglob("*")) == files  # no backup, temp file or index either
    assert gc.isenabled()


def test_dry_run_of_a_large_file_shows_its_first_rows_and_writes_nothing(
    cli: Callable[..., Result], big_csv: Path, store_file: Path
) -> None:
    result = cli("import", str(big_csv), "--dry-run")
    assert result.code == 0, result.err
    assert f"The first 5 of {ROWS} rows as afterview reads them:" in result.out
    assert "  5. " in result.out
    assert "  6. " not in result.out
    assert f"Would import {ROWS} interviews" in result.out
    assert not store_file.exists()
