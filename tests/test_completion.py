"""Shell completion: interview ids with their company, pending step ids with their text (real processes)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterview.cli import completion, fast
from tests.helpers import Result, Spawn, afterview_command, bash, command_paths


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


def bash_environment(words: str) -> dict[str, str]:
    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    return {"_AFTERVIEW_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}


def typer_answer(words: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    """What Typer's own completion prints for ``words``, run in this process."""
    from afterview.cli.main import run

    for name, value in bash_environment(words).items():
        monkeypatch.setenv(name, value)
    capsys.readouterr()
    with pytest.raises(SystemExit) as exited:
        run([])
    assert exited.value.code == 0
    return capsys.readouterr().out


@pytest.mark.usefixtures("two")
def test_the_bash_fast_path_answers_exactly_as_typer_does(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every command, at the places ids go: where the fast path answers, Typer would have said the same."""
    assert cli("done", "1.1").code == 0
    names = {command[0] for command in command_paths()}
    fast_commands = fast.STEP_COMMANDS | fast.INTERVIEW_COMMANDS
    assert fast_commands <= names
    answered = set()
    for name in sorted(names):
        for rest in ("", "1", "1.", "2.", "1.2 ", "1.2 2", "-", "--to "):
            words = f"afterview {name} {rest}"
            capsys.readouterr()
            code = fast.complete(bash_environment(words))
            quick = capsys.readouterr().out
            if code is not None:
                assert quick == typer_answer(words, monkeypatch, capsys), words
                answered.add(name)
    assert answered == fast_commands


@pytest.mark.parametrize(
    "environment",
    [
        {"_AFTERVIEW_COMPLETE": "complete_powershell", "_TYPER_COMPLETE_ARGS": "afterview done "},
        {"_AFTERVIEW_COMPLETE": "complete_bash", "COMP_WORDS": "afterview", "COMP_CWORD": "1"},
        {"_AFTERVIEW_COMPLETE": "complete_bash", "COMP_WORDS": "afterview -q done ", "COMP_CWORD": "3"},
        {"_AFTERVIEW_COMPLETE": "complete_bash", "COMP_WORDS": "afterview done 'x", "COMP_CWORD": "2"},
        {"_AFTERVIEW_COMPLETE": "complete_bash", "COMP_WORDS": "afterview done ", "COMP_CWORD": "two"},
        {"_AFTERVIEW_COMPLETE": "complete_bash", "COMP_WORDS": "afterview show 1 ", "COMP_CWORD": "3"},
    ],
)
def test_the_fast_path_leaves_everything_else_to_typer(environment: dict[str, str]) -> None:
    assert fast.complete(environment) is None


@pytest.mark.skipif(shutil.which("bash") is None or sys.platform == "win32", reason="needs a POSIX bash")
@pytest.mark.usefixtures("two")
def test_real_bash_with_the_installed_script_offers_the_step_ids(process: Spawn) -> None:
    """The script from ``--show-completion bash``, run by bash, fills COMPREPLY for ``afterview done ``."""
    script = process("--show-completion", "bash").stdout
    assert "_afterview_completion" in script
    driver = (
        f"{script}\nCOMP_WORDS=(afterview done ''); COMP_CWORD=2\n"
        "_afterview_completion afterview\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
    )
    directory = str(Path(afterview_command()[0]).parent)
    result = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", driver],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": directory + os.pathsep + os.environ.get("PATH", "")},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "1.2  Send Jane Doe a thank-you note (afterview draft-thanks 1)" in result.stdout.splitlines()


def test_undo_offers_the_steps_it_can_reopen(
    process: Spawn, cli: Callable[..., Result], log: Callable[..., dict[str, Any]]
) -> None:
    log("--interviewer", "Jane Doe <jane@acme.com>", "--at", "yesterday 10:00")
    assert cli("done", "1.1").code == 0
    assert cli("skip", "1.2", "--reason", "called instead").code == 0
    lines = bash(process, "afterview undo ")
    assert [line.split()[0] for line in lines] == ["1.1", "1.2"]
    assert "1.2  Send Jane Doe a thank-you note (afterview draft-thanks 1)" in lines
    assert bash(process, "afterview undo 1.1 ") == ["1.2"]  # one left: the bare id, for bash to insert
    assert bash(process, "afterview undo 1.3") == []  # pending: nothing to reopen
