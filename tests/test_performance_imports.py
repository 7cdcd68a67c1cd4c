"""Start-up stays light: what the hot commands import, checked in a real process (no timing asserted)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterview.cli.main import COMMANDS
from tests.helpers import Result, Spawn, loaded

HEAVY = ("rich.table", "afterview.models", "pydantic.main", "icalendar", "holidays")
"""Modules the hot paths must not load: Rich's tables, the store's models, calendars, public holidays."""


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.startswith(HEAVY))


def test_help_lists_every_command_without_loading_them() -> None:
    """``--help`` shows each command's summary, yet imports no command module, Rich or the models."""
    modules, printed = loaded("--help")
    assert heavy(modules) == []
    assert not any(m.startswith("rich") for m in modules)
    for name, summary in COMMANDS.summaries.items():
        assert name in printed
        assert " ".join(summary.split()[:3]) in " ".join(printed.split())
    assert not {target.partition(":")[0] for target in COMMANDS.targets.values()} & modules


@pytest.mark.parametrize("command", [c for c in ("remind",) if c in COMMANDS.targets] + ["todo"])
def test_hot_commands_stay_light(command: str, log: Callable[..., dict[str, Any]], process: Spawn) -> None:
    """``todo`` (and ``remind`` when present), piped, read the derived index: no Typer, Pydantic or Rich."""
    log("--interviewer", "Jane Doe <jane@acme.com>")
    real = process(command)
    assert real.returncode == (1 if command == "remind" else 0), real.stderr  # remind: 1 when steps are due
    modules, printed = loaded(command, code=real.returncode, err=real.stderr)
    assert heavy(modules) == []
    assert not any(m.startswith(("pydantic", "typer", "rich")) for m in modules)
    assert printed
    assert printed == real.stdout + real.stderr


def test_tab_completion_stays_light(log: Callable[..., dict[str, Any]], process: Spawn) -> None:
    """Completing a step id reads the derived index only."""
    log("--interviewer", "Jane Doe <jane@acme.com>")
    env = {"_AFTERVIEW_COMPLETE": "complete_bash", "COMP_WORDS": "afterview done 1.", "COMP_CWORD": "2"}
    modules, printed = loaded(env=env)
    assert not any(m.startswith(("pydantic", "typer", "rich")) for m in modules)
    assert "1.1" in printed.split()
    assert printed == process(env=env).stdout


@pytest.mark.parametrize("name", list(COMMANDS))
def test_registry_summary_is_the_docstring_summary(name: str) -> None:
    """The one-line summary ``--help`` shows is the first line of the command's own help."""
    help_text = COMMANDS[name].help or ""
    assert COMMANDS.summaries[name] == help_text.strip().splitlines()[0]


def test_a_mistyped_command_is_still_suggested(cli: Callable[..., Result]) -> None:
    """The lazy registry still knows every name: a typo gets a suggestion and the usage exit code."""
    result = cli("lgo")
    assert result.code == 2
    assert "Did you mean 'log'?" in result.err


def test_a_group_of_commands_has_the_same_plain_help(cli: Callable[..., Result]) -> None:
    """A lazily loaded group (``export``) lists its commands, without completion options of its own."""
    result = cli("export", "--help")
    assert result.code == 0
    assert "ics" in result.out
    assert "--install-completion" not in result.out


def test_remind_reads_the_index_without_pathlib_or_typing(log: Callable[..., dict[str, Any]]) -> None:
    """``remind`` runs at every shell start: from the index it needs neither pathlib nor typing."""
    log("--interviewer", "Jane Doe <jane@acme.com>")
    modules, printed = loaded("remind", code=1)  # 1: steps are due
    assert not {"pathlib", "typing", "afterview.store.paths"} & modules
    assert "due" in printed or "overdue" in printed


@pytest.mark.parametrize("xdg", [None, "/srv/data", "relative/ignored"])
def test_remind_finds_the_store_where_the_app_does(
    xdg: str | None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """remind's pathlib-free store path is the app's, with or without AFTERVIEW_HOME and XDG_DATA_HOME."""
    from afterview.cli.remind import line as remind
    from afterview.store import paths

    assert remind.store_path() == str(paths.store_path())
    monkeypatch.delenv("AFTERVIEW_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    assert remind.store_path() == str(paths.store_path())


_COLLECTOR = """
import gc, json, sys
sys.argv = ["afterview", *json.loads(sys.argv[1])]
before = gc.get_stats()[0]["collections"]
from afterview.__main__ import main
try:
    main()
finally:
    seen = [before, gc.get_stats()[0]["collections"], gc.get_freeze_count()]
    sys.stderr.write("\\nCOLLECTOR " + json.dumps(seen) + "\\n")
"""


def test_a_write_does_not_wake_the_cyclic_collector_every_700_allocations_nor_at_shutdown(
    log: Callable[..., dict[str, Any]],
) -> None:
    """A command raises the youngest generation's threshold before it imports anything heavy: a write that
    imports the models, reads, plans and saves collects it a handful of times at most, not the dozens of
    times CPython's default (every 700 allocations) would. When it is over, its objects are frozen, so the
    interpreter's shutdown does not walk them all again."""
    import json
    import os
    import subprocess
    import sys

    log("--interviewer", "Jane Doe <jane@acme.com>")
    argv = ["log", "--no-input", "--company", "Globex", "--role", "SRE", "--interviewer", "Ada Lovelace"]
    result = subprocess.run(
        [sys.executable, "-c", _COLLECTOR, json.dumps(argv)],
        capture_output=True, text=True, env=dict(os.environ), timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    before, after, frozen = json.loads(result.stderr.rpartition("\nCOLLECTOR ")[2])
    assert after - before <= 2, result.stderr
    assert frozen > 10_000, result.stderr  # the models, the store read, the modules: all frozen
