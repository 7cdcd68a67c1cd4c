"""The archive is read lazily only when nothing can tell a lazy read from a whole one: a change that would
plan an archived round again reads it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from afterview.store.codec import parse_document, serialise
from tests.helpers import Result

Cli = Callable[..., Result]


def log(cli: Cli, company: str) -> None:
    result = cli(
        "log", "--no-input", "--company", company, "--role", "SRE", "--at", "2026-11-20 10:00",
        "--interviewer", f"Ada Lovelace <ada@{company.lower()}.example>",
    )  # fmt: skip
    assert result.code == 0, result.err


def stored(store_file: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(store_file.read_bytes())
    return loaded


def assert_round_trips(store_file: Path) -> None:
    """The file is what afterview writes for it, and a lazy read holds what a whole read does."""
    data = store_file.read_bytes()
    whole = parse_document(data)
    assert serialise(whole) == data
    lazy = parse_document(data, open_only=True)
    assert serialise(lazy) == data
    lazy.unpack()
    assert lazy == whole


def pending(cli: Cli) -> list[tuple[str, str]]:
    steps = cli("todo", "--all", "--json").json()
    return [(step["id"], step["kind"]) for step in steps if step["state"] == "pending"]


def test_accepting_an_offer_again_reopens_the_withdraw_steps_of_archived_processes(
    cli: Cli, store_file: Path
) -> None:
    log(cli, "Beta")
    log(cli, "Acme")
    assert cli("outcome", "2", "offer", "--deadline", "2026-12-04").code == 0
    assert cli("outcome", "2", "accepted").code == 0
    withdraw = [step for step, kind in pending(cli) if kind == "withdraw"]
    assert withdraw == ["1.8"]
    assert cli("outcome", "2", "declined").code == 0  # Beta's withdraw step closes; Beta is archived
    assert [i["id"] for i in stored(store_file)["archive"]] == [1]
    result = cli("outcome", "2", "accepted")
    assert result.code == 0, result.err
    assert "1.8" in result.out
    assert ("1.8", "withdraw") in pending(cli)
    assert [i["id"] for i in stored(store_file)["interviews"]] == [1, 2]
    assert_round_trips(store_file)
