"""Ctrl-C after the store is saved (issue 27): the change is kept and said to be, and what follows the save
(the index, the live calendar) is refreshed by the next command."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from afterview.actions import session
from afterview.store import index
from tests.helpers import Result

Cli = Callable[..., Result]


def press_ctrl_c_once(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> None:
    """The first call of ``module.name`` raises KeyboardInterrupt (as Ctrl-C there would); later ones run."""
    real = getattr(module, name)
    pressed: list[bool] = []

    def interrupted(*args: object, **kwargs: object) -> object:
        if not pressed:
            pressed.append(True)
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, interrupted)


def test_ctrl_c_while_the_live_calendar_is_written_says_saved_and_the_next_command_writes_it(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = tmp_path / "interviews.ics"
    assert cli("calendar", "--file", str(live)).code == 0
    press_ctrl_c_once(monkeypatch, session, "_after_save")
    result = cli("log", "--company", "Globex", "--role", "Eng", "--at", "2026-12-03 10:00", "--no-input")
    assert result.code == 130
    assert "nothing was saved" not in result.err
    assert "saved" in result.err
    assert "next command" in result.err
    assert [i["company"] for i in cli("list", "--json").json()] == ["Globex"]  # kept, once
    assert "Globex" in live.read_text(encoding="utf-8")  # the next command wrote the calendar


def test_ctrl_c_while_the_index_is_written_says_saved_and_todo_shows_the_change(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    press_ctrl_c_once(monkeypatch, index, "write")
    result = cli("log", "--company", "Globex", "--role", "Eng", "--no-input")
    assert result.code == 130
    assert "saved" in result.err
    assert "nothing was saved" not in result.err
    assert any(step["company"] == "Globex" for step in cli("todo", "--json").json())


def test_ctrl_c_before_the_save_still_says_nothing_was_saved(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from afterview.store import storefile

    monkeypatch.setattr(storefile, "checked_bytes", lambda document: (_ for _ in ()).throw(KeyboardInterrupt))
    result = cli("log", "--company", "Globex", "--role", "Eng", "--no-input")
    assert result.code == 130
    assert "nothing was saved" in result.err
    assert cli("list", "--json").json() == []
