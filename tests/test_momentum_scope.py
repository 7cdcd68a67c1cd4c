"""When only the search's momentum moves (a new process is logged), the transaction plans the touched
process and those that held or now hold the momentum step, not every round: the same store as planning
every round again (:meth:`afterview.actions.changes.Change.planned`)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from afterview.actions import changes
from tests.helpers import Result

Cli = Callable[..., Result]
NEW = ("log", "--no-input", "--company", "Zeta", "--role", "SRE", "--at", "2026-11-26 10:00")


@pytest.fixture
def search(cli: Cli) -> None:
    """Four processes over three weeks, one with an offer, the momentum step ticked off once."""
    for company, at in (
        ("Acme", "2026-11-02 10:00"),
        ("Beta", "2026-11-09 11:00"),
        ("Gamma", "2026-11-16 12:00"),
    ):
        assert cli("log", "--no-input", "--company", company, "--role", "SRE", "--at", at).code == 0
    assert cli("outcome", "2", "offer", "--deadline", "2026-12-04", "--no-input").code == 0
    momentum = [s["id"] for s in cli("todo", "--json").json() if s["kind"] == "momentum"]
    assert momentum
    assert cli("done", *momentum).code == 0
    assert (
        cli("log", "--no-input", "--company", "Delta", "--role", "SRE", "--at", "2026-11-23 09:00").code == 0
    )


@pytest.mark.usefixtures("search")
def test_moving_the_momentum_plans_what_planning_everything_plans(
    cli: Cli, home: Path, store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pristine = home.with_name("pristine")
    shutil.copytree(home, pristine)
    assert cli(*NEW).code == 0
    scoped = json.loads(store_file.read_bytes())
    shutil.rmtree(home)
    shutil.copytree(pristine, home)
    monkeypatch.setattr(changes.Change, "_scope", lambda self, facts: None)  # every round, as before
    assert cli(*NEW).code == 0
    everything = json.loads(store_file.read_bytes())
    assert scoped == everything
    pending = [
        s
        for i in scoped["interviews"]
        for s in i["steps"]
        if s["kind"] == "momentum" and s["state"] == "pending"
    ]
    assert [s["id"].split(".")[0] for s in pending] == [str(scoped["interviews"][-1]["id"])]
