"""Every command of this group has a summary, an example, and a place in the README."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import Result

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "command",
    [("edit",), ("rm",), ("import",), ("stats",), ("export", "json"), ("export", "csv"), ("export", "md"),
     ("export", "vcf")],
)  # fmt: skip
def test_help_has_an_example_and_the_readme_shows_it(
    cli: Callable[..., Result], command: tuple[str, ...]
) -> None:
    result = cli(*command, "--help")
    assert result.code == 0
    assert "Example" in result.out
    assert f"afterview {' '.join(command)}" in README
