"""``afterview log``: recording an interview with flags and planning its steps."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.helpers import Result


def test_log_prints_id_steps_and_next_command(cli: Callable[..., Result]) -> None:
    result = cli(
        "log", "--company", "Acme", "--role", "Staff Engineer", "--interviewer", "Jane Doe <jane@acme.com>"
    )
    assert result.code == 0, result.err
    assert "Logged interview 1: Acme · Staff Engineer" in result.out
    assert "Send Jane Doe a thank-you note" in result.out
    assert "afterview remember 1" in result.out


def test_missing_company_without_input_names_the_field(cli: Callable[..., Result], store_file: Path) -> None:
    result = cli("log", "--role", "SRE", "--no-input")
    assert result.code == 1
    assert "company" in result.err
    assert "Traceback" not in result.err
    assert not store_file.exists()


def test_ids_are_given_in_order(log: Callable[..., dict[str, Any]]) -> None:
    assert [log()["id"], log()["id"], log()["id"]] == [1, 2, 3]
