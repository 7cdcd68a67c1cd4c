"""Terminals as they are (issue 27): ``--copy`` into a pipe, ``COLUMNS=0``, completion of hostile or
malformed data, and the C locale without Python's UTF-8 mode."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Result, Spawn, afterview_command, bash, posix_only

Cli = Callable[..., Result]


@posix_only
def test_copy_into_a_pipe_returns_at_once_while_the_clipboard_tool_holds_on(
    cli: Cli, profile: None, log: Callable[..., dict[str, Any]], tmp_path: Path
) -> None:
    """A stand-in xclip that, like the real one, stays in the background owning the selection with the
    descriptors it was given: ``draft-thanks 1 --copy | cat`` must not wait for it."""
    log("--interviewer", "Jane Doe <jane@acme.com>")
    tools = tmp_path / "bin"
    tools.mkdir()
    pids = tmp_path / "xclip.pid"
    (tools / "xclip").write_text(
        f'#!/bin/sh\ncat > "{tmp_path}/clipboard"\n( sleep 60 ) &\necho $! > "{pids}"\nexit 0\n',
        encoding="utf-8",
    )
    (tools / "xclip").chmod(0o755)
    env = {**os.environ, "DISPLAY": ":99", "PATH": f"{tools}:{os.environ['PATH']}"}
    env.pop("WAYLAND_DISPLAY", None)
    started = time.monotonic()
    try:
        result = subprocess.run(
            [*afterview_command(), "draft-thanks", "1", "--copy"],
            capture_output=True, text=True, env=env, timeout=30, check=False,
        )  # fmt: skip
    finally:
        if pids.exists():
            os.kill(int(pids.read_text(encoding="utf-8")), signal.SIGTERM)
    assert time.monotonic() - started < 20
    assert result.returncode == 0, result.stderr
    assert "Jane" in (tmp_path / "clipboard").read_text(encoding="utf-8")
    assert "Jane" in result.stdout


@posix_only
@pytest.mark.parametrize("args", [("todo",), ("list",), ()])
def test_columns_zero_on_a_terminal_falls_back_to_80(
    log: Callable[..., dict[str, Any]], args: tuple[str, ...]
) -> None:
    import pexpect

    log(company="Acme")
    child = pexpect.spawn(
        afterview_command()[0],
        list(args),
        env={**os.environ, "COLUMNS": "0", "TERM": "xterm-256color"},
        encoding="utf-8",
        timeout=30,
    )
    child.expect(pexpect.EOF)
    child.close()
    assert "Acme" in child.before


def test_columns_zero_into_a_pipe_prints_the_steps(
    log: Callable[..., dict[str, Any]], process: Spawn
) -> None:
    log(company="Acme")
    result = process("todo", env={"COLUMNS": "0"})
    assert "Acme" in result.stdout


def hostile_store(store_file: Path) -> None:
    """A hand edit put ESC and U+202E in a company and a step's title (the input rules never would)."""
    data = json.loads(store_file.read_text(encoding="utf-8"))
    data["processes"][0]["company"] = "Acme\x1b]0;owned\x07\u202e"
    store_file.write_text(json.dumps(data), encoding="utf-8")


def test_completion_escapes_what_it_prints(
    log: Callable[..., dict[str, Any]], process: Spawn, store_file: Path
) -> None:
    log(company="Acme")
    log(company="Beta")
    hostile_store(store_file)
    lines = bash(process, "afterview show ")
    assert lines
    assert not any(ch in "".join(lines) for ch in "\x1b\x07\u202e")
    assert any("\\x1b" in line for line in lines)


@pytest.mark.parametrize(
    "change",
    [
        {"pending": 5},
        {"pending": [{"id": 3}]},
        {"interviews": [["x"]]},
        {"interviews": None, "pending": None},
        {"upcoming": [5]},
        {"pending": [{"id": "1.1", "interview_id": 1}]},
        {"interviews": [[1, None, 5]], "timezone": 7},
    ],
)
def test_a_malformed_index_is_rebuilt(
    log: Callable[..., dict[str, Any]], process: Spawn, store_file: Path, change: dict[str, Any]
) -> None:
    log(company="Acme")
    index = store_file.with_name(store_file.name + ".index")
    found = json.loads(index.read_text(encoding="utf-8"))
    index.write_text(json.dumps({**found, **change}), encoding="utf-8")
    todo = process("todo")
    assert todo.returncode == 0, todo.stderr
    assert "Acme" in todo.stdout
    assert "Traceback" not in todo.stderr
    assert "1" in bash(process, "afterview show ")
    assert any(line.startswith("1.") for line in bash(process, "afterview done "))


@posix_only
@pytest.mark.parametrize("args", [("todo",), ("remind",), ("list",)])
def test_the_c_locale_without_utf8_mode_works(
    log: Callable[..., dict[str, Any]], process: Spawn, args: tuple[str, ...]
) -> None:
    import pexpect

    log(company="Acme")
    env = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": "", "PYTHONCOERCECLOCALE": "0"}
    piped = process(*args, env=env)
    assert "Traceback" not in piped.stderr
    assert piped.returncode in (0, 1), piped.stderr
    child = pexpect.spawn(
        afterview_command()[0],
        list(args),
        env={**os.environ, **env},
        encoding="utf-8",
        codec_errors="replace",
        timeout=30,
    )
    child.expect(pexpect.EOF)
    child.close()
    assert "Traceback" not in child.before
    assert "Acme" in child.before or args == ("remind",)
