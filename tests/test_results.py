"""For every command that changes data, ``--json`` and the human view come from the same result object
(issue: one place for each thing a user does, item 2): each run calls the one renderer
(:func:`afterview.render.results.emit`) once, with a result of the same type with and without ``--json``,
and what ``--json`` prints is exactly that result's ``to_json()``."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from afterview.cli.main import COMMANDS
from afterview.render import results
from tests.helpers import Result

Cli = Callable[..., Result]
LOG = ("log", "--company", "Acme", "--role", "SRE", "--interviewer", "Jane Doe", "--at", "yesterday 10:00")

CHANGES: dict[str, tuple[list[tuple[str, ...]], tuple[str, ...]]] = {
    "log": ([], ("log", "--company", "Globex", "--role", "SRE", "--no-input")),
    "done": ([LOG], ("done", "1.1")),
    "skip": ([LOG], ("skip", "1.1", "--reason", "not needed")),
    "snooze": ([LOG], ("snooze", "1.1", "--until", "+3d")),
    "undo": ([LOG, ("done", "1.1")], ("undo", "1.1")),
    "task add": ([LOG], ("task", "add", "1", "Sign the NDA")),
    "task rm": ([LOG, ("task", "add", "1", "Sign the NDA")], ("task", "rm", "1.8")),
    "outcome": ([LOG], ("outcome", "1", "offer", "--deadline", "+7d")),
    "profile": ([LOG], ("profile", "--country", "DE", "--no-input")),
    "schedule": ([LOG], ("schedule", "follow_up_business_days=3")),
    "ref add": ([LOG], ("ref", "add", "Ann Smith", "--email", "ann@example.com")),
    "ref rm": ([LOG, ("ref", "add", "Ann Smith")], ("ref", "rm", "1")),
    "interviewer": ([LOG], ("interviewer", "1", "Bo Li, CTO <bo@acme.com>")),
    "edit": ([LOG], ("edit", "1", "--role", "Principal Engineer")),
    "rm": ([LOG], ("rm", "1", "--yes")),
}


@pytest.fixture
def emitted(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, bool, Any]]:
    """Every call of the one renderer, from every command module: (result, json_, what it printed)."""
    for name in COMMANDS:  # load every command's module, so each one's ``emit`` can be watched
        COMMANDS.function(name)
    calls: list[tuple[Any, bool, Any]] = []
    real = results.emit

    def spy(result: Any, *, json_: bool, human: Callable[[Any], None]) -> None:
        value = result.to_json()
        shown = list(value) if isinstance(value, Iterator) else value
        calls.append((result, json_, json.loads(json.dumps(shown))))
        real(result, json_=json_, human=human)

    modules = [m for n, m in list(sys.modules.items()) if n.startswith("afterview.cli.")]
    watched = [m for m in modules if getattr(m, "emit", None) is real]
    assert len(watched) >= 10, "the commands no longer render through afterview.render.results.emit"
    for module in watched:
        monkeypatch.setattr(module, "emit", spy)
    return calls


@pytest.mark.parametrize("command", sorted(CHANGES))
def test_json_and_the_human_view_come_from_one_result(
    command: str, cli: Cli, emitted: list[tuple[Any, bool, Any]], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup, args = CHANGES[command]
    kinds = []
    for json_ in (False, True):
        monkeypatch.setenv("AFTERVIEW_HOME", str(home / ("json" if json_ else "human")))
        for step in setup:
            done = cli(*step, *(["--no-input"] if step[0] == "log" else []))
            assert done.code == 0, (step, done.err)
        emitted.clear()
        result = cli(*args, *(["--json"] if json_ else []))
        assert result.code == 0, result.err
        assert len(emitted) == 1, f"{command} rendered {len(emitted)} results"
        value, as_json, shown = emitted[0]
        assert as_json is json_
        kinds.append(type(value))
        if json_:
            assert json.loads(result.out) == shown
        else:
            assert result.out.strip() or result.err.strip()  # the human view said something
    assert kinds[0] is kinds[1]
