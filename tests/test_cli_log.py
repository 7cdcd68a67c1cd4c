"""``afterview log`` and ``interviewer``: recording an interview by flags or prompts, planning its steps."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.helpers import Result, finish, posix_only, terminal

Cli = Callable[..., Result]


def test_log_prints_id_steps_and_next_command(cli: Callable[..., Result]) -> None:
    result = cli(
        "log", "--company", "Acme", "--role", "Staff Engineer", "--interviewer", "Jane Doe <jane@acme.com>"
    )
    assert result.code == 0, result.err
    assert "Logged interview 1: Acme · Staff Engineer" in result.out
    assert "Send Jane Doe a thank-you note" in result.out
    assert "afterview remember 1" in result.out


def test_missing_company_without_input_names_the_field(cli: Callable[..., Result], store_file: Path) -> None:
    result = cli("log", "--role", "SRE", "--no-input")
    assert result.code == 1
    assert "company" in result.err
    assert "Traceback" not in result.err
    assert not store_file.exists()


def test_ids_are_given_in_order(log: Callable[..., dict[str, Any]]) -> None:
    assert [log()["id"], log()["id"], log()["id"]] == [1, 2, 3]


def test_logging_a_future_interview_says_to_prepare_for_it(cli: Cli) -> None:
    result = cli("log", "--company", "Acme", "--role", "SRE", "--at", "tomorrow 10:00", "--no-input")
    assert result.code == 0, result.err
    assert "→ Sat 28 Nov 2026 10:00 (tomorrow)" in result.out
    assert "Before it: afterview prep Acme." in result.out
    result = cli("log", "--company", "Acme", "--role", "SRE", "--at", "today 09:00", "--no-input")
    assert "Next, while it is fresh: afterview remember 2" in result.out


def test_the_same_interviewer_again_changes_nothing(
    cli: Cli, log: Callable[..., dict[str, Any]], store_file: Path
) -> None:
    log("--interviewer", "Jane Doe, CTO <jane@acme.com>")
    before = store_file.read_bytes()
    for spec in ("Jane Doe, CTO <jane@acme.com>", "jane doe", "Jane Doe <jane@acme.com>"):
        result = cli("interviewer", "1", spec)
        assert result.code == 0, result.err
        assert "Nothing changed: Jane Doe is already on interview 1 as given." in result.out
        assert "Updated" not in result.out
    assert store_file.read_bytes() == before
    assert "Updated Jane Doe" in cli("interviewer", "1", "Jane Doe, VP").out


def _log(interviewers: list[tuple[str, str]]) -> int:
    """Answer ``afterview log``'s prompts on a terminal, with ``interviewers`` as (prompt, answer) pairs."""
    child = terminal("log")
    for prompt, answer in [
        ("Company", "Omega"),
        ("Role", "SRE"),
        ("When (date or date-time) [now]", ""),
        ("Stage", ""),
        ("Format", ""),
        *interviewers,
        ("next steps", ""),
        ("hear back", ""),
        ("Item", ""),
        ("references? [y/N]", ""),
    ]:
        child.expect_exact(prompt)
        child.sendline(answer)
    child.expect_exact("Logged interview 1")
    return finish(child)


@posix_only
def test_an_interviewer_typed_as_name_title_and_email_is_read_as_such(store_file: Path) -> None:
    assert _log([("Interviewer 1 name", "Zed Ray, CTO <zed@omega.io>"), ("Interviewer 2 name", "")]) == 0
    people = json.loads(store_file.read_bytes())["interviews"][0]["interviewers"]
    assert [(p["name"], p["title"], p["email"]) for p in people] == [("Zed Ray", "CTO", "zed@omega.io")]


@posix_only
def test_a_name_with_a_title_but_no_email_still_asks_for_the_email(store_file: Path) -> None:
    answers = [("Interviewer 1 name", "Zed Ray, CTO"), ("Email", "zed@omega.io"), ("Interviewer 2 name", "")]
    assert _log(answers) == 0
    people = json.loads(store_file.read_bytes())["interviews"][0]["interviewers"]
    assert [(p["name"], p["title"], p["email"]) for p in people] == [("Zed Ray", "CTO", "zed@omega.io")]


@posix_only
def test_a_plain_name_asks_for_title_and_email(store_file: Path) -> None:
    answers = [("Interviewer 1 name", "Zed Ray"), ("Title", "CTO"), ("Email", ""), ("Interviewer 2 name", "")]
    assert _log(answers) == 0
    people = json.loads(store_file.read_bytes())["interviews"][0]["interviewers"]
    assert [(p["name"], p["title"], p["email"]) for p in people] == [("Zed Ray", "CTO", None)]


@posix_only
def test_a_date_typed_at_the_prompt_is_echoed_in_words(store_file: Path) -> None:
    """On Friday 27 Nov, "next friday" is 4 Dec, and the prompt says so before going on."""
    child = terminal("log")
    for prompt, answer in [
        ("Company", "Omega"),
        ("Role", "SRE"),
        ("When (date or date-time) [now]", "next friday"),
    ]:
        child.expect_exact(prompt)
        child.sendline(answer)
    child.expect_exact("→ Fri 4 Dec 2026 12:00")
    for prompt, answer in [
        ("Stage", ""),
        ("Format", ""),
        ("Interviewer 1 name", ""),
        ("next steps", ""),
        ("hear back", "13 Dec"),
    ]:
        child.expect_exact(prompt)
        child.sendline(answer)
    child.expect_exact("→ Sun 13 Dec 2026")
    for prompt, answer in [("Item", ""), ("references? [y/N]", "")]:
        child.expect_exact(prompt)
        child.sendline(answer)
    child.expect_exact("Logged interview 1: Omega · SRE → Fri 4 Dec 2026 12:00")
    assert finish(child) == 0
    stored = json.loads(store_file.read_bytes())["interviews"][0]
    assert stored["at"].startswith("2026-12-04T12:00")
    assert stored["decision_by"] == "2026-12-13"
