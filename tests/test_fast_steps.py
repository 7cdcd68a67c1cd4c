"""``afterview done`` and ``skip`` answer without starting Typer (:mod:`afterview.cli.fast_steps`), and say
and do exactly what the Typer commands say and do: the same output, exit code and store, in real processes.
What the fast path duplicates, the argument parsing and the exit codes, is held to Typer here."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterview.cli import fast_steps
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
    ],
)
def test_anything_else_is_left_to_typer(argv: list[str]) -> None:
    assert fast_steps.parse(argv) is None


@pytest.mark.parametrize(
    ("value", "quiet"), [("", False), ("1", True), ("yes", True), ("off", False), ("maybe", None)]
)
def test_afterview_quiet_reads_as_click_reads_it(
    value: str, quiet: bool | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AFTERVIEW_QUIET", value)
    assert fast_steps.quiet() is quiet


@pytest.mark.usefixtures("interviews")
def test_a_value_click_would_refuse_goes_to_typer(home: Path) -> None:
    fast, typer = both(home, "done", "1.2", env={"AFTERVIEW_QUIET": "maybe"})
    assert fast == typer
    assert fast[0] == 2
