"""``done``, ``skip``, ``outcome``, ``log``, ``list`` and ``show`` answer without starting Typer
(:mod:`afterview.cli.fast_lines`), and say and do exactly what the Typer commands say and do: the same
output, exit code and store, in real processes. What the fast path duplicates (the grammars, the handlers'
parameters, the exit codes) is held to Typer here."""

from __future__ import annotations

import inspect
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import typer

from afterview.cli import fast_lines
from afterview.cli.argv import Grammar, parse
from afterview.cli.main import app
from tests.helpers import afterview_command, loaded

TYPER = [sys.executable, "-c", "import sys; from afterview.cli.main import run; sys.exit(run())"]
"""The full CLI in a process of its own, as ``afterview`` runs it when no fast path applies."""


@pytest.fixture
def interviews(log: Callable[..., dict[str, Any]]) -> None:
    log("--interviewer", "Jane Doe <jane@acme.com>", "--at", "yesterday 10:00")
    log("--interviewer", "Alan Turing", "--at", "yesterday 14:00", company="Globex", role="SRE")


def both(home: Path, *args: str, env: dict[str, str] | None = None) -> list[tuple[Any, ...]]:
    """Run ``afterview ARGS`` the fast way and through Typer, each on the same copy of the home; return
    for each its exit code, output, errors and every file it left (bytes)."""
    pristine = home.with_name("pristine")
    shutil.copytree(home, pristine)
    seen = []
    for command in (afterview_command(), TYPER):
        shutil.rmtree(home)
        shutil.copytree(pristine, home)
        run = subprocess.run(
            [*command, *args],
            capture_output=True,
            text=True,
            env={**os.environ, **(env or {})},
            timeout=60,
            check=False,
        )
        files = {
            str(path.relative_to(home)): path.read_bytes()
            for path in sorted(home.rglob("*"))
            if path.is_file() and path.suffix not in (".lock", ".index")  # the index names the file's inode
        }
        seen.append((run.returncode, run.stdout, run.stderr, files))
    shutil.rmtree(pristine)
    return seen


@pytest.mark.usefixtures("interviews")
@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["done", "1.2"], 0),
        (["done", "1.2", "--note", "emailed Jane"], 0),
        (["done", "--note=first", "1.2", "2.1", "--note", "last wins"], 0),
        (["skip", "1.3", "--reason", "met them already", "--json"], 0),
        (["done", "1.2", "--json", "1.2"], 0),
        (["done", "1.1", "1.1"], 0),  # closed already: nothing changes
        (["done", "1.9"], 1),  # no such step: nothing changes
        (["done", "1.2", "9.1"], 1),
        (["skip", "1.2", "--reason", "two\nlines"], 1),  # the catalogue's one-line rule
        (["done", "1.2", "--note", "x" * 5_000], 1),  # past the field's limit
    ],
)
def test_done_and_skip_say_and_do_what_the_typer_commands_do(
    home: Path, cli: Callable[..., Any], args: list[str], code: int
) -> None:
    assert cli("done", "1.1").code == 0
    fast, typer = both(home, *args)
    assert fast == typer
    assert fast[0] == code


@pytest.mark.usefixtures("interviews")
def test_quiet_leaves_out_the_same_notes(home: Path, cli: Callable[..., Any]) -> None:
    assert cli("done", "1.1").code == 0
    fast, typer = both(home, "done", "1.1", "1.2", env={"AFTERVIEW_QUIET": "1"})
    assert fast == typer
    assert "Already closed" not in fast[2]


@pytest.mark.usefixtures("interviews")
def test_a_corrupt_store_is_the_same_error_and_is_left_as_it_is(home: Path, store_file: Path) -> None:
    store_file.write_bytes(store_file.read_bytes()[:-40])
    fast, typer = both(home, "done", "1.2")
    assert fast == typer
    assert fast[0] == 3
    assert "corrupt" in fast[2]


@pytest.mark.usefixtures("interviews")
def test_done_loads_neither_typer_nor_rich() -> None:
    modules, printed = loaded("done", "1.2")
    unwanted = ("typer", "rich", "filelock", "email_validator", "holidays")
    assert not any(m.startswith(unwanted) for m in modules)
    assert printed.startswith("Done 1.2: ")


@pytest.mark.parametrize(
    "argv",
    [
        ["done"],
        ["done", "--help"],
        ["done", "-h"],
        ["done", "1.2", "--note"],
        ["done", "1.2", "--note", "-x"],
        ["done", "--", "1.2"],
        ["done", "1.2", "--jsn"],
        ["done", "1.2", "--reason", "x"],
        ["skip", "1.2", "--note", "x"],
        ["-q", "done", "1.2"],
        ["snooze", "1.2", "--until", "friday"],
        ["outcome", "7"],
        ["outcome", "7", "rejected", "extra"],
        ["outcome", "7", "rejected", "--json=1"],
        ["outcome", "7", "rejected", "--no-input", "--quiet"],
        ["log", "--company"],
        ["log", "--from", "-"],
        ["log", "--interviewer", "--json"],
        ["log", "Acme"],
        ["list", "--status"],
        ["list", "--help"],
        ["show"],
        ["show", "1", "2"],
        ["show", "-1"],
    ],
)
def test_anything_else_is_left_to_typer(argv: list[str]) -> None:
    assert fast_lines.answer(argv) is None


@pytest.mark.parametrize(
    ("value", "quiet"), [("", False), ("1", True), ("yes", True), ("off", False), ("maybe", None)]
)
def test_afterview_quiet_reads_as_click_reads_it(
    value: str, quiet: bool | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AFTERVIEW_QUIET", value)
    assert fast_lines.quiet() is quiet


@pytest.mark.usefixtures("interviews")
def test_a_value_click_would_refuse_goes_to_typer(home: Path) -> None:
    fast, typer = both(home, "done", "1.2", env={"AFTERVIEW_QUIET": "maybe"})
    assert fast == typer
    assert fast[0] == 2


def _typer_command(name: str) -> Any:
    return typer.main.get_command(app).get_command(None, name)  # type: ignore[attr-defined]


def _grammar_of(command: Any) -> Grammar:
    """The grammar of a Click command, built from its parameters as Typer declared them."""
    arguments: list[str] = []
    rest: str | None = None
    options: dict[str, str] = {}
    many: dict[str, str] = {}
    flags: dict[str, tuple[str, bool]] = {}
    for param in command.params:
        if param.param_type_name == "argument":
            if param.nargs == -1:
                rest = param.name
            else:
                arguments.append(param.name)
        elif param.is_flag:
            flags.update(dict.fromkeys(param.opts, (param.name, True)))
            flags.update(dict.fromkeys(param.secondary_opts, (param.name, False)))
        else:
            assert param.nargs == 1, param.name
            (many if param.multiple else options).update(dict.fromkeys(param.opts, param.name))
    return Grammar(arguments=tuple(arguments), rest=rest, options=options, many=many, flags=flags)


def test_main_sends_exactly_the_commands_fast_lines_answers() -> None:
    from afterview.__main__ import LINE_COMMANDS

    assert set(fast_lines.LINES) == LINE_COMMANDS


@pytest.mark.parametrize("name", sorted(fast_lines.LINES))
def test_each_grammar_is_the_typer_commands(name: str) -> None:
    grammar, _ = fast_lines.LINES[name]
    assert grammar == _grammar_of(_typer_command(name))


@pytest.mark.parametrize("name", sorted(fast_lines.LINES))
def test_each_handler_takes_the_typer_commands_parameters_and_defaults(name: str) -> None:
    _, target = fast_lines.LINES[name]
    handler = fast_lines.handler_of(target)
    command = _typer_command(name).callback
    expected = {p.name: p.default for p in inspect.signature(command).parameters.values()}
    found = {p.name: p.default for p in inspect.signature(handler).parameters.values()}
    required = {key for key, value in expected.items() if value is inspect.Parameter.empty}
    assert {key: value for key, value in found.items() if key not in required} == {
        key: value for key, value in expected.items() if key not in required
    }
    assert all(found[key] is inspect.Parameter.empty for key in required)
    assert all(
        p.kind is inspect.Parameter.KEYWORD_ONLY for p in inspect.signature(handler).parameters.values()
    )


@pytest.mark.parametrize(
    ("words", "given"),
    [
        (["7", "rejected"], {"interview_id": "7", "status": "rejected"}),
        (["--on=monday", "P2", "offer", "--note", "x", "--note", "y"],
         {"on": "monday", "interview_id": "P2", "status": "offer", "note": "y"}),
        (["rejected"], None),
        (["7", "rejected", "--on", ""], {"interview_id": "7", "status": "rejected", "on": ""}),
    ],
)  # fmt: skip
def test_outcome_lines_read_as_click_reads_them(words: list[str], given: dict[str, object] | None) -> None:
    assert parse(fast_lines.LINES["outcome"][0], words) == given


def test_repeated_options_keep_every_value_in_order() -> None:
    words = ["--interviewer", "A", "--no-references", "--interviewer=B", "--references", "--json"]
    assert parse(fast_lines.LINES["log"][0], words) == {
        "interviewer": ["A", "B"], "references": True, "json_": True,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["outcome", "1", "rejected", "--no-input"], 0),
        (["outcome", "P1", "offer", "--deadline", "friday", "--note", "95k", "--json"], 0),
        (["outcome", "2", "next-round", "--at", "tuesday 10:00", "--stage", "onsite", "--no-input"], 0),
        (["outcome", "2", "rejected", "--reapply-in", "6m", "--feedback", "more SQL", "--no-input"], 0),
        (["outcome", "9", "rejected", "--no-input"], 1),
        (["outcome", "1", "hired", "--no-input"], 1),
        (["outcome", "1", "offer", "--deadline", "someday", "--no-input"], 1),
        (["log", "--no-input", "--company", "Initech", "--role", "SRE", "--interviewer", "Zhang Wei",
          "--interviewer", "María José García <mj@initech.example>", "--at", "yesterday 15:00"], 0),
        (["log", "--no-input", "--company", "Globex", "--role", "SRE", "--json", "--no-references"], 0),
        (["log", "--no-input", "--company", "Acme", "--process", "P1", "--at", "today 09:00"], 0),
        (["log", "--no-input", "--company", "Initech"], 1),
        (["log", "--no-input", "--company", "Initech", "--role", "SRE", "--tz", "Mars/Olympus"], 1),
        (["list"], 0),
        (["list", "--status", "waiting", "--company", "glob"], 0),
        (["list", "--since", "yesterday", "--json"], 0),
        (["list", "--status", "hired"], 1),
        (["show", "1"], 0),
        (["show", "P2", "--json"], 0),
        (["show", "42"], 1),
    ],
)  # fmt: skip
@pytest.mark.usefixtures("interviews")
def test_every_line_says_and_does_what_the_typer_command_does(home: Path, args: list[str], code: int) -> None:
    fast, typer_ = both(home, *args)
    assert fast == typer_
    assert fast[0] == code


@pytest.mark.usefixtures("interviews")
@pytest.mark.parametrize(
    "args",
    [
        ("outcome", "1", "rejected", "--no-input"),
        (
            "log",
            "--no-input",
            "--company",
            "Initech",
            "--role",
            "SRE",
            "--interviewer",
            "Ada <ada@x.example>",
        ),
        ("list",),
        ("show", "1"),
    ],
)
def test_the_commands_people_run_most_load_neither_typer_nor_rich_into_a_pipe(args: tuple[str, ...]) -> None:
    modules, _ = loaded(*args)
    unwanted = ("typer", "rich", "filelock", "holidays", "email_validator")  # a plain address: no library
    assert not [m for m in modules if m.startswith(unwanted)]
