"""Tab completion in zsh and fish takes the fast path bash has (the derived index, no Typer, no Pydantic),
and answers exactly as Typer's own zsh and fish completion does: same candidates, same descriptions, same
quoting, same exit codes (fish asks twice: whether to complete arguments, then which)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterview.cli import fast
from afterview.store import index
from tests.helpers import Result, Spawn, command_paths, loaded

SHELLS = [
    {"_AFTERVIEW_COMPLETE": "complete_zsh"},
    {"_AFTERVIEW_COMPLETE": "complete_fish", "_TYPER_COMPLETE_FISH_ACTION": "get-args"},
    {"_AFTERVIEW_COMPLETE": "complete_fish", "_TYPER_COMPLETE_FISH_ACTION": "is-args"},
]


@pytest.fixture
def two(log: Callable[..., dict[str, Any]], cli: Callable[..., Result]) -> None:
    """Two interviews (one with an interviewer and quotes in its role), one step already done."""
    log("--interviewer", "Jane Doe <jane@acme.com>", "--at", "yesterday 10:00", role="Staff 'SRE' $HOME")
    log(company="Globex", role="Platform Lead")
    assert cli("done", "1.1").code == 0


def typer_answer(
    environment: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    """Typer's own completion for ``environment``, run in this process: exit code and output."""
    from afterview.cli.main import run

    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    capsys.readouterr()
    with pytest.raises(SystemExit) as exited:
        run([])
    return int(exited.value.code or 0), capsys.readouterr().out


@pytest.mark.usefixtures("two")
@pytest.mark.parametrize("shell", SHELLS, ids=["zsh", "fish get-args", "fish is-args"])
def test_zsh_and_fish_fast_paths_answer_exactly_as_typer_does(
    shell: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every command, at the places ids go: where the fast path answers, Typer says the same."""
    names = {command[0] for command in command_paths()}
    answered = set()
    for name in sorted(names):
        for rest in ("", "1", "1.", "2.", "1.2 ", "1.2 2", "9", "-", "--to "):
            environment = {**shell, "_TYPER_COMPLETE_ARGS": f"afterview {name} {rest}"}
            capsys.readouterr()
            code = fast.complete(environment)
            quick = capsys.readouterr().out
            if code is not None:
                assert (code, quick) == typer_answer(environment, monkeypatch, capsys), environment
                answered.add(name)
    assert answered == fast.STEP_COMMANDS | fast.INTERVIEW_COMMANDS


@pytest.mark.usefixtures("two")
def test_step_ids_come_with_their_text_in_zsh_and_fish(process: Spawn) -> None:
    zsh = process(env={"_AFTERVIEW_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "afterview done 1."})
    assert zsh.stdout.startswith("_arguments '*: :((")
    assert '"1.2":"Send Jane Doe a thank-you note (afterview draft-thanks 1)"' in zsh.stdout
    assert '"1.1"' not in zsh.stdout  # done already
    ids = process(env={"_AFTERVIEW_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "afterview show "})
    assert "\"1\":\"Acme — Staff ''SRE'' \\$HOME\"" in ids.stdout  # quoted for zsh, as Typer quotes
    fish = process(
        env={
            "_AFTERVIEW_COMPLETE": "complete_fish",
            "_TYPER_COMPLETE_FISH_ACTION": "get-args",
            "_TYPER_COMPLETE_ARGS": "afterview skip 1.",
        }
    )
    assert "1.2\tSend Jane Doe a thank-you note (afterview draft-thanks 1)" in fish.stdout.splitlines()


@pytest.mark.usefixtures("two")
@pytest.mark.parametrize("shell", SHELLS, ids=["zsh", "fish get-args", "fish is-args"])
def test_zsh_and_fish_completion_load_neither_typer_nor_pydantic(
    shell: dict[str, str], process: Spawn
) -> None:
    env = {**shell, "_TYPER_COMPLETE_ARGS": "afterview done 1."}
    real = process(env=env)
    assert real.returncode == 0
    modules, printed = loaded(env=env)
    assert not any(m.startswith(("pydantic", "typer", "rich")) for m in modules)
    assert printed == real.stdout


@pytest.mark.usefixtures("two")
def test_text_that_rich_markup_could_change_is_left_to_typer(store_file: Path) -> None:
    """Typer reads descriptions as Rich markup; a title with a tag-like ``[...]`` goes to Typer, whatever
    it makes of it, so the fast path never answers differently."""
    path = index.path_for(store_file)
    found = json.loads(path.read_bytes())
    found["pending"][0]["title"] = "Bring the [bold] form"
    path.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
    environment = {"_AFTERVIEW_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "afterview done "}
    assert fast.complete(environment) is None
    found["pending"][0]["title"] = "Call at 10:00:00"  # an emoji code, to Rich
    path.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
    assert fast.complete(environment) is None


@pytest.mark.usefixtures("two")
def test_the_momentum_step_with_its_colon_takes_the_fast_path(capsys: pytest.CaptureFixture[str]) -> None:
    """One colon is no emoji code: every store has the search's momentum step, whose title has one."""
    environment = {"_AFTERVIEW_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "afterview done "}
    assert fast.complete(environment) == 0
    assert "Keep your search moving\\\\: line up" in capsys.readouterr().out


@pytest.mark.parametrize(
    "environment",
    [
        {"_AFTERVIEW_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "afterview"},
        {"_AFTERVIEW_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "afterview -q done "},
        {"_AFTERVIEW_COMPLETE": "complete_fish", "_TYPER_COMPLETE_ARGS": "afterview done 'x"},
        {"_AFTERVIEW_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "afterview show 1 "},
    ],
)
def test_the_zsh_and_fish_fast_path_leaves_everything_else_to_typer(environment: dict[str, str]) -> None:
    assert fast.complete(environment) is None
