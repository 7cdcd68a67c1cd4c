"""Bugs found by using afterview as a user would: interviewers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.helpers import Result

Cli = Callable[..., Result]


def test_the_same_interviewer_again_changes_nothing(
    cli: Cli, log: Callable[..., dict[str, Any]], store_file: Path
) -> None:
    log("--interviewer", "Jane Doe, CTO <jane@acme.com>")
    before = store_file.read_bytes()
    for spec in ("Jane Doe, CTO <jane@acme.com>", "jane doe", "Jane Doe <jane@acme.com>"):
        result = cli("interviewer", "1", spec)
        assert result.code == 0, result.err
        assert "Nothing changed: Jane Doe is already on interview 1 as given." in result.out
        assert "Updated" not in result.out
    assert store_file.read_bytes() == before
    assert "Updated Jane Doe" in cli("interviewer", "1", "Jane Doe, VP").out
