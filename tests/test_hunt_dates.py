"""Bugs found by using afterview as a user would: dates at the edge of the calendar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Result

Cli = Callable[..., Result]
Log = Callable[..., dict[str, Any]]


@pytest.mark.parametrize(
    "flags", [("--at", "9999-12-31"), ("--at", "9999-12-20T10:00"), ("--decision-by", "9999-12-31")]
)
def test_a_date_too_far_ahead_to_plan_is_a_clear_error(
    cli: Cli, store_file: Path, flags: tuple[str, str]
) -> None:
    result = cli("log", "--company", "Acme", "--role", "SRE", "--no-input", *flags)
    assert result.code == 1
    assert "unexpected problem" not in result.err
    assert "too far ahead" in result.err
    assert not store_file.exists()


def test_an_edit_too_far_ahead_changes_nothing(cli: Cli, log: Log, store_file: Path) -> None:
    log()
    before = store_file.read_bytes()
    result = cli("edit", "1", "--at", "9999-12-31")
    assert result.code == 1
    assert "too far ahead" in result.err
    assert store_file.read_bytes() == before


def test_a_csv_row_too_far_ahead_imports_nothing(cli: Cli, tmp_path: Path, store_file: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text("company,role,at\nAcme,SRE,2026-11-20\nGlobex,SRE,9999-12-31\n", encoding="utf-8")
    result = cli("import", str(rows))
    assert result.code == 1
    assert "too far ahead" in result.err
    assert not store_file.exists()
