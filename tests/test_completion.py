"""Shell completion: interview ids with their company, pending step ids with their text (real processes)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterview.cli import completion
from tests.conftest import Result

Spawn = Callable[..., subprocess.CompletedProcess[str]]


def bash(process: Spawn, words: str) -> list[str]:
    """What Typer's bash completion script gets back for the command line ``words`` (cursor at its end)."""
    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    result = process(
        env={"_AFTERVIEW_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    )
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if line]


@pytest.fixture
def two(log: Callable[..., dict[str, Any]]) -> None:
    """Two interviews: Acme (with an interviewer) and Globex."""
    log("--interviewer", "Jane Doe <jane@acme.com>", "--at", "yesterday 10:00")
    log(company="Globex", role="Platform Lead")


@pytest.mark.usefixtures("two")
def test_done_lists_pending_step_ids_with_their_text(process: Spawn, cli: Callable[..., Result]) -> None:
    assert cli("done", "1.1").code == 0
    lines = bash(process, "afterview done ")
    pending = cli("todo", "--json").json()
    assert len(lines) == len(pending)
    assert {line.split()[0] for line in lines} == {s["id"] for s in pending}
    assert "1.1" not in {line.split()[0] for line in lines}
    assert "1.2  Send Jane Doe a thank-you note (afterview draft-thanks 1)" in lines
    assert any(line.startswith("2.2  Check in with Globex") for line in lines)


@pytest.mark.usefixtures("two")
def test_an_id_already_typed_is_not_offered_again_and_a_single_match_is_bare(process: Spawn) -> None:
    lines = bash(process, "afterview skip 1.2 1.")
    assert lines
    assert not any(line.startswith("1.2 ") for line in lines)
    assert all(line.startswith("1.") for line in lines)
    assert bash(process, "afterview done 2.3") == ["2.3"]


@pytest.mark.usefixtures("two")
def test_interview_ids_complete_with_company_and_role(process: Spawn) -> None:
    assert bash(process, "afterview show ") == ["2  Globex — Platform Lead", "1  Acme — Staff Engineer"]
    assert bash(process, "afterview draft-thanks 1") == ["1"]


@pytest.mark.usefixtures("two")
def test_zsh_gets_the_text_as_description(process: Spawn) -> None:
    result = process(env={"_AFTERVIEW_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "afterview show "})
    assert result.returncode == 0
    assert '"1":"Acme — Staff Engineer"' in result.stdout


def test_no_store_or_a_corrupt_one_offers_nothing(store_file: Path) -> None:
    assert completion.interview_ids("") == []
    store_file.parent.mkdir(parents=True)
    store_file.write_text("{not json", encoding="utf-8")
    assert completion.interview_ids("") == []
    store_file.write_text('{"interviews": {"odd": 1}}', encoding="utf-8")
    assert completion.interview_ids("") == []


def test_long_text_is_shortened(log: Callable[..., dict[str, Any]]) -> None:
    log(company="A" * 80)
    ((value, text),) = completion.interview_ids("1")
    assert value == "1"
    assert len(text) == 60
    assert text.endswith("…")
