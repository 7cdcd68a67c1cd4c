"""Terminal manners on real processes: NO_COLOR, FORCE_COLOR, TERM=dumb, 60 columns, pipes, -q, Ctrl-C."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Result, Spawn, afterview_command, interrupt, posix_only

ESC = "\x1b"
LONG = "Acme Very Long Company Name Incorporated International"


@pytest.fixture
def busy(log: Callable[..., dict[str, Any]]) -> None:
    """An interview with long names, so lines would wrap, and overdue steps, so some lines are styled."""
    log("--interviewer", "Jane Doe With A Long Name", "--at", "3 days ago 10:00", company=LONG)


def in_terminal(*args: str, columns: int = 120, env: dict[str, str] | None = None) -> str:
    """What ``afterview ARGS`` shows in a real pseudo-terminal ``columns`` wide, with ``env`` on top (``""``
    removes a variable)."""
    import pexpect

    environment = {**os.environ, "COLUMNS": str(columns), **(env or {})}
    for name in [name for name, value in (env or {}).items() if value == ""]:
        del environment[name]
    child = pexpect.spawn(
        afterview_command()[0], list(args), env=environment, encoding="utf-8", dimensions=(50, columns)
    )
    child.expect(pexpect.EOF, timeout=30)
    child.close()
    assert child.exitstatus == 0, child.before
    return str(child.before).replace("\r\n", "\n")


@posix_only
@pytest.mark.usefixtures("busy")
def test_a_terminal_gets_colour_by_default() -> None:
    assert ESC in in_terminal("todo", env={"NO_COLOR": "", "TERM": "xterm-256color"})


@posix_only
@pytest.mark.usefixtures("busy")
@pytest.mark.parametrize(
    "env", [{"NO_COLOR": "1"}, {"NO_COLOR": "", "TERM": "dumb"}], ids=["NO_COLOR", "dumb"]
)
def test_no_color_and_a_dumb_terminal_get_no_escape_codes_at_all(env: dict[str, str]) -> None:
    shown = in_terminal("todo", env={"TERM": "xterm-256color", **env})
    assert "OVERDUE" in shown
    assert ESC not in shown


@pytest.mark.usefixtures("busy")
def test_piped_output_is_plain_and_never_wrapped(process: Spawn, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = {"TERM": "xterm-256color", "COLUMNS": "60"}
    monkeypatch.delenv("NO_COLOR")
    result = process("todo", env=plain)
    assert result.returncode == 0
    assert ESC not in result.stdout + result.stderr
    steps = json.loads(process("todo", "--json").stdout)
    lines = result.stdout.splitlines()
    assert len(lines) == len(steps)  # one line per step, however long
    assert all(line.endswith(f"[{LONG}]") for line in lines)


@pytest.mark.usefixtures("busy")
def test_force_color_colours_even_a_pipe(process: Spawn, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    result = process("todo", env={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert ESC in result.stdout
    assert len(result.stdout.splitlines()) == len(json.loads(process("todo", "--json").stdout))


@posix_only
@pytest.mark.usefixtures("busy")
def test_at_60_columns_every_step_id_and_due_date_is_visible(cli: Callable[..., Result]) -> None:
    shown = in_terminal("todo", columns=60).splitlines()
    assert all(len(line) <= 60 for line in shown)
    for step in cli("todo", "--json").json():
        line = next(line for line in shown if line.startswith(step["id"] + " "))
        assert line.split("  ", 1)[1].lstrip().startswith(("OVERDUE", "today", "tomorrow", "in "))
        assert line.count(",") >= 1  # "in 4 days, Tue 1 Dec": relative and absolute both on the id's line
        day = step["due"][8:10].lstrip("0")
        assert f" {day} " in line + " "


def step_blocks(shown: str, ids: list[str]) -> dict[str, list[str]]:
    """The lines of each step in ``todo``'s terminal output: its id's line and the ones wrapped under it."""
    blocks: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in shown.splitlines():
        first = line.split(" ", 1)[0]
        if first in ids:
            current = blocks.setdefault(first, [])
        elif not line.startswith(" "):
            current = None
        if current is not None:
            current.append(line)
    return blocks


@posix_only
@pytest.mark.usefixtures("busy")
@pytest.mark.parametrize("columns", [60, 80])
def test_a_wrapped_step_title_continues_under_the_title(cli: Callable[..., Result], columns: int) -> None:
    """A hanging indent: the lines of a wrapped title all start in the title's column, never at column 0."""
    steps = cli("todo", "--json").json()
    shown = in_terminal("todo", columns=columns)
    blocks = step_blocks(shown, [step["id"] for step in steps])
    assert set(blocks) == {step["id"] for step in steps}
    assert any(len(lines) > 1 for lines in blocks.values())  # something did wrap
    for step in steps:
        first, *rest = blocks[step["id"]]
        assert len(first) <= columns
        assert all(len(line) <= columns for line in rest)
        indents = {len(line) - len(line.lstrip(" ")) for line in rest}
        assert len(indents) <= 1, rest  # every continuation in the same column
        if not rest:
            continue
        (column,) = indents
        word = step["title"].split()[0]
        # beside the id and "when" when there is room, else on the next line; either way in that column
        assert first[column:].startswith(word) or rest[0][column:].startswith(word), [first, *rest]
        text = " ".join(line.strip() for line in [first, *rest])
        assert " ".join(step["title"].split()) in " ".join(text.split())


@posix_only
@pytest.mark.parametrize("columns", [120, 80, 60])
def test_the_demo_never_breaks_a_line_inside_a_command(columns: int) -> None:
    shown = in_terminal("demo", columns=columns)
    assert "(afterview remember 3)" in shown
    for line in shown.splitlines():
        if "(afterview " in line:
            assert ")" in line.split("(afterview ", 1)[1], line


@posix_only
@pytest.mark.usefixtures("busy")
def test_at_60_columns_list_wraps_under_the_name_and_cuts_nothing(log: Callable[..., dict[str, Any]]) -> None:
    log(company="Northwind Analytics", role="Principal Site Reliability Engineer, Platform Infrastructure")
    shown = in_terminal("list", columns=60)
    assert "…" not in shown
    lines = shown.splitlines()
    assert all(len(line) <= 60 for line in lines)
    assert all(line.startswith(("P", "    ")) for line in lines)  # a process, its rounds, or wrapped under
    words = " ".join(shown.split())
    assert "Principal Site Reliability Engineer, Platform Infrastructure" in words
    assert LONG in words


@pytest.mark.usefixtures("busy")
@pytest.mark.parametrize(
    ("args", "env"),
    [(("--quiet", "todo"), {}), (("-q", "todo"), {}), (("todo",), {"AFTERVIEW_QUIET": "1"})],
    ids=["--quiet", "-q", "AFTERVIEW_QUIET"],
)
def test_quiet_leaves_out_hints_but_not_results(
    process: Spawn, args: tuple[str, ...], env: dict[str, str]
) -> None:
    result = process(*args, env=env)
    assert result.returncode == 0
    assert result.stderr == ""
    assert LONG in result.stdout
    assert "Tick steps off" in process("todo").stderr


def test_quiet_keeps_errors(process: Spawn) -> None:
    result = process("--quiet", "show", "9")
    assert result.returncode == 1
    assert "There is no interview 9" in result.stderr


# Every prompt of `log`, reached by answering the ones before it; Ctrl-C at each must change nothing.
LOG_PROMPTS = [
    ("Company", "Acme"),
    ("Role", "Engineer"),
    ("When (date or date-time) [now]", ""),
    ("Stage (screen/technical/onsite/final/other) [other]", ""),
    ("Format (video/phone/onsite) [video]", ""),
    ("Interviewer 1 name", "Jane Doe"),
    ("Title", ""),
    ("Email", ""),
    ("Interviewer 2 name", ""),
    ("next steps", ""),
    ("hear back", ""),
    ("Item", ""),
    ("May they contact your references? [y/N]", ""),
]


@posix_only
@pytest.mark.parametrize("stop", range(len(LOG_PROMPTS)), ids=[p for p, _ in LOG_PROMPTS])
def test_ctrl_c_at_any_log_prompt_exits_130_and_the_store_is_byte_identical(
    stop: int, log: Callable[..., dict[str, Any]], store_file: Path
) -> None:
    import pexpect

    log(company="Earlier")
    before = store_file.read_bytes()
    child = pexpect.spawn(afterview_command()[0], ["log"], env=dict(os.environ), encoding="utf-8", timeout=30)
    for prompt, answer in LOG_PROMPTS[:stop]:
        child.expect_exact(prompt)
        child.sendline(answer)
    child.expect_exact(LOG_PROMPTS[stop][0])
    interrupt(child)
    child.close()
    assert child.exitstatus == 130
    assert "nothing was saved" in str(child.before)
    assert store_file.read_bytes() == before


@posix_only
def test_ctrl_c_at_a_profile_prompt_exits_130_and_writes_nothing(
    profile: None, store_file: Path, cli: Callable[..., Result]
) -> None:
    import pexpect

    before = store_file.read_bytes()
    child = pexpect.spawn(
        afterview_command()[0], ["profile"], env=dict(os.environ), encoding="utf-8", timeout=30
    )
    child.expect_exact("Name [Sam Lee]")  # the current value is the default, shown
    child.sendline("Someone Else")
    child.expect_exact("Email [sam@example.com]")
    interrupt(child)
    child.close()
    assert child.exitstatus == 130
    assert store_file.read_bytes() == before


@pytest.fixture
def many(cli: Callable[..., Result], tmp_path: Path) -> None:
    """Enough interviews that a listing is far larger than a pipe's buffer."""
    rows = "".join(f"Company {n},Role {n},2026-{1 + n % 11:02d}-{1 + n % 28:02d}\n" for n in range(1500))
    source = tmp_path / "many.csv"
    source.write_text("company,role,at\n" + rows, encoding="utf-8")
    assert cli("import", str(source)).code == 0


@pytest.mark.parametrize("args", [["list"], ["todo", "--all"], ["export", "csv"], ["export", "md"]])
def test_a_reader_that_stops_early_is_not_an_error(many: None, args: list[str]) -> None:
    with subprocess.Popen(
        [*afterview_command(), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "AFTERVIEW_QUIET": "1"},
    ) as child:
        assert child.stdout is not None
        assert child.stderr is not None
        assert child.stdout.readline()  # as `afterview list | head -1` does, then goes away
        child.stdout.close()
        error = child.stderr.read()
        code = child.wait(timeout=60)
    assert code == 0, error
    assert error == b""


@pytest.mark.parametrize(
    "items",
    [[], [{"a": 1}], [{"id": 7, "steps": [{"note": "line one\nline two", "due": None}]}, "Zürich", [], {}]],
    ids=["empty", "one", "nested"],
)
def test_a_json_array_printed_item_by_item_is_the_same_text(
    items: list[object], capsys: pytest.CaptureFixture[str]
) -> None:
    """``list --json`` prints 10,000 interviews one at a time (issue 18): the text must not change."""
    from afterview.render import console

    console.print_json(items)
    whole = capsys.readouterr().out
    console.print_json_array(iter(items))
    assert capsys.readouterr().out == whole
