"""``afterview ref add|list|rm`` and the heads-up steps they give interviews that may call references."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.helpers import Result

Log = Callable[..., dict[str, Any]]
Cli = Callable[..., Result]


def reference_steps(cli: Cli, *args: str) -> list[dict[str, Any]]:
    return [s for s in cli("todo", "--json", *args).json() if s["kind"] == "reference"]


def test_each_reference_gets_a_heads_up_naming_company_and_role(cli: Cli, log: Log) -> None:
    assert (
        cli("ref", "add", "Ann Smith", "--relationship", "former manager", "--email", "ann@example.com").code
        == 0
    )
    assert cli("ref", "add", "Bo Chen", "--phone", "+1 555 0100").code == 0
    log("--references", company="Acme", role="SRE")
    log("--no-references", company="Beta")
    titles = sorted(s["title"] for s in reference_steps(cli))
    assert titles == [
        "Tell Ann Smith that Acme may call about the SRE role",
        "Tell Bo Chen that Acme may call about the SRE role",
    ]
    assert {s["due"] for s in reference_steps(cli)} == {"2026-11-30"}  # 1 business day after a Friday


def test_adding_a_reference_later_gives_waiting_interviews_a_step(cli: Cli, log: Log) -> None:
    log("--references")
    assert [s["title"] for s in reference_steps(cli)] == [
        "Tell your references that Acme may call about the Staff Engineer role"
    ]
    result = cli("ref", "add", "Ann Smith")
    assert result.code == 0, result.err
    assert "Tell Ann Smith that Acme may call" in result.out
    assert [s["title"] for s in reference_steps(cli)] == [
        "Tell Ann Smith that Acme may call about the Staff Engineer role"
    ]


def test_list_and_rm(cli: Cli, log: Log) -> None:
    cli("ref", "add", "Ann Smith", "--email", "ann@example.com")
    cli("ref", "add", "Bo Chen")
    log("--references")
    listed = cli("ref", "list", "--json").json()
    assert [(r["id"], r["name"], r["email"]) for r in listed] == [
        (1, "Ann Smith", "ann@example.com"),
        (2, "Bo Chen", None),
    ]
    assert "Ann Smith" in cli("ref", "list").out
    assert cli("ref", "rm", "1").code == 0
    closed = next(s for s in reference_steps(cli, "--all") if "Ann" in s["title"])
    assert (closed["state"], closed["note"]) == ("skipped", "references changed")
    assert cli("ref", "add", "Cy Diaz").code == 0
    assert [r["id"] for r in cli("ref", "list", "--json").json()] == [2, 3]  # ids are never reused


def test_bad_reference_input_changes_nothing(cli: Cli, store_file: Path) -> None:
    cli("ref", "add", "Ann Smith")
    before = store_file.read_bytes()
    for args in (("add", "Ann Smith"), ("add", "Bo", "--email", "not-an-email"), ("add", "  "), ("rm", "9")):
        result = cli("ref", *args)
        assert result.code == 1, args
        assert "Traceback" not in result.err
    assert store_file.read_bytes() == before


def test_empty_list_says_how_to_add(cli: Cli) -> None:
    assert "afterview ref add" in cli("ref", "list").out
