"""``afterview`` alone: a guided first run on a terminal, the agenda with data, a summary off a terminal."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterview.cli import welcome
from afterview.models.enums import StepKind
from afterview.models.records import Interview, Step
from tests.helpers import (
    NOW,
    Result,
    Spawn,
    finish,
    interrupt,
    make_interview,
    posix_only,
    stored_companies,
    terminal,
)


def test_off_a_terminal_it_prints_a_summary_and_asks_nothing(process: Spawn, store_file: Path) -> None:
    result = process(input="")
    assert result.returncode == 0
    assert result.stdout.startswith("afterview: what to do after a job interview")
    assert "afterview log" in result.stdout
    assert "afterview demo" in result.stdout
    assert "?" not in result.stdout
    assert not store_file.exists()


def test_the_summary_counts_what_is_due(
    cli: Callable[..., Result], log: Callable[..., dict[str, Any]]
) -> None:
    log("--interviewer", "Jane Doe <jane@acme.com>", "--at", "yesterday 10:00")
    result = cli()
    assert result.code == 0
    assert "step" in result.out
    assert "due today or overdue: afterview todo" in result.out


@posix_only
def test_first_run_greets_sets_up_the_profile_and_logs_an_interview_by_typing_only(store_file: Path) -> None:
    child = terminal()
    child.expect_exact("Welcome to afterview!")
    child.expect_exact("Remember and thank")
    child.expect_exact("Paperwork")
    child.expect_exact("Momentum and network")
    child.expect_exact("Set up your profile now (name, email, signature, country, time zone)? [Y/n]")
    child.sendline("")
    for prompt, answer in [
        ("Your name", "Sam Lee"),
        ("Your email (blank to skip)", "not an email"),  # refused, asked again
        ("Your email (blank to skip)", "sam@example.com"),
        ("Signature", r"Sam Lee\nsam@example.com"),
        ("Country for public holidays", "gb"),
        ("Your time zone (an IANA name; Enter keeps the system's) [Europe/Berlin]", ""),  # confirmed
    ]:
        child.expect_exact(prompt)
        child.sendline(answer)
    child.expect_exact("Profile saved")
    child.expect_exact("Log the interview you just had? [Y/n]")
    child.sendline("")
    for prompt, answer in [
        ("Company", "Acme"),
        ("Role", "Staff Engineer"),
        ("When (date or date-time) [now]", ""),
        ("Stage (screen/technical/onsite/final/other) [other]", "onsite"),
        ("Format (video/phone/onsite) [video]", ""),
        ("Interviewer 1 name", "Jane Doe"),
        ("Title", "CTO"),
        ("Email", "jane@acme.com"),
        ("Interviewer 2 name", ""),
        ("next steps", ""),
        ("hear back", ""),
        ("Item", ""),
        ("references? [y/N]", ""),
    ]:
        child.expect_exact(prompt)
        child.sendline(answer)
    child.expect_exact("Logged interview 1")
    assert finish(child) == 0
    document = json.loads(store_file.read_bytes())
    assert document["profile"]["name"] == "Sam Lee"
    assert document["profile"]["email"] == "sam@example.com"
    assert document["profile"]["signature"] == "Sam Lee\nsam@example.com"
    assert document["profile"]["country"] == "GB"
    assert document["profile"]["timezone"] == "Europe/Berlin"  # the system's zone, confirmed
    interviews = zip(stored_companies(document), document["interviews"], strict=True)
    assert [(company, i["stage"], i["interviewers"][0]["name"]) for company, i in interviews] == [
        ("Acme", "onsite", "Jane Doe")
    ]


@posix_only
def test_declining_both_offers_writes_nothing_and_says_how_to_start(store_file: Path) -> None:
    child = terminal()
    child.expect_exact("Set up your profile now")
    child.sendline("n")
    child.expect_exact("Log the interview you just had?")
    child.sendline("n")
    child.expect_exact("When you are ready: afterview log")
    assert finish(child) == 0
    assert not store_file.exists()


@posix_only
@pytest.mark.parametrize("prompt", ["Set up your profile now", "Your name", "Country for public holidays"])
def test_ctrl_c_in_the_profile_set_up_exits_130_and_writes_nothing(store_file: Path, prompt: str) -> None:
    child = terminal()
    child.expect_exact("Set up your profile now")
    if prompt != "Set up your profile now":
        child.sendline("")
        for label in ("Your name", "Your email", "Signature", "Country", "Your time zone"):
            child.expect_exact(label)
            if prompt.startswith(label):
                break
            child.sendline("x@example.com" if label == "Your email" else "Sam")
    interrupt(child)
    assert finish(child) == 130
    assert not store_file.exists()


@posix_only
def test_ctrl_c_in_the_first_log_keeps_the_saved_profile_and_adds_no_interview(store_file: Path) -> None:
    child = terminal()
    child.expect_exact("Set up your profile now")
    child.sendline("")
    for label in ("Your name", "Your email", "Signature", "Country", "Your time zone"):
        child.expect_exact(label)
        child.sendline("Sam Lee" if label == "Your name" else "")
    child.expect_exact("Log the interview you just had?")
    saved = store_file.read_bytes()
    child.sendline("")
    child.expect_exact("Company")
    child.sendline("Acme")
    child.expect_exact("Role")
    interrupt(child)
    assert finish(child) == 130
    assert store_file.read_bytes() == saved
    assert json.loads(saved)["interviews"] == []


@posix_only
def test_with_data_it_shows_what_is_due_today_and_the_next_command(
    log: Callable[..., dict[str, Any]], cli: Callable[..., Result]
) -> None:
    log("--interviewer", "Jane Doe <jane@acme.com>", "--at", "yesterday 10:00")
    log("--at", "2026-12-10", company="Globex", role="Platform Lead")
    child = terminal()
    child.expect_exact("Due today or overdue (2):")
    child.expect_exact("OVERDUE")  # the thank-you note, 24 hours after yesterday's interview
    child.expect_exact("Next: afterview draft-thanks 1")
    assert finish(child) == 0
    output = child.logfile_read.getvalue()
    assert "1.1" in output  # the memory dump: due today, the day the interview was logged
    assert "Globex" not in output  # due later, not today
    assert "Set up your profile" not in output


@posix_only
def test_with_nothing_due_today_it_shows_the_next_step_coming(log: Callable[..., dict[str, Any]]) -> None:
    log("--at", "2026-12-10 10:00")
    child = terminal()
    child.expect_exact("Nothing due today. Next up:")
    child.expect_exact("1.1")
    child.expect_exact("Next: afterview prep Acme")
    assert finish(child) == 0


def step(kind: StepKind, title: str, person: str | None = None) -> tuple[Interview, Step]:
    at = dt.datetime.fromisoformat(NOW)
    interview = make_interview(id=4, company="Acme", role="Engineer", at=at, created_at=at, updated_at=at)
    return interview, Step(id="4.2", kind=kind, key=kind.value, title=title, person=person, due=at.date())


@pytest.mark.parametrize(
    ("item", "command"),
    [
        (
            step(StepKind.THANK_YOU, "Send Jane a thank-you note (afterview draft-thanks 4)"),
            "afterview draft-thanks 4",
        ),
        (
            step(StepKind.CONTACT_DETAILS, "Get Jane's email", "Jane"),
            'afterview interviewer 4 "Jane <email>"',
        ),
        (step(StepKind.FOLLOW_UP, "Check in with Acme"), "afterview draft follow-up 4"),
        (step(StepKind.NUDGE, "Still waiting?"), "afterview draft nudge 4"),
        (step(StepKind.WITHDRAW, "Tell Acme you are withdrawing"), "afterview draft withdraw 4"),
        (step(StepKind.REJECTION_REPLY, "Reply to Acme"), "afterview draft rejection-reply 4"),
        (step(StepKind.MEMORY_DUMP, "Write down what you remember"), "afterview remember 4"),
        (step(StepKind.NETWORK, "Add Jane to your professional network", "Jane"), "afterview done 4.2"),
        (step(StepKind.CLOSE_OUT, "Still no answer from Acme?"), "afterview done 4.2"),
    ],
)
def test_the_next_command_is_the_one_that_moves_the_step_forward(
    item: tuple[Interview, Step], command: str
) -> None:
    assert welcome.next_command(item) == command


@pytest.mark.parametrize(
    ("lang", "name", "country"),
    [
        ("en_GB.UTF-8", "en_GB", "GB"),
        ("de_DE.UTF-8", "de_DE", "DE"),
        ("C", "C", None),
        ("xx", None, None),
        ("C.UTF-8", "en_US", None),  # Python reports the C locale of a container as en_US: no country
        ("POSIX", "en_US", None),
        ("", "en_GB", "GB"),  # nothing set (Windows): the locale Python reads
    ],
)
def test_the_country_default_comes_from_the_locale(
    monkeypatch: pytest.MonkeyPatch, lang: str, name: str | None, country: str | None
) -> None:
    for key in ("LC_ALL", "LC_CTYPE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LANG", lang)
    monkeypatch.setattr("locale.getlocale", lambda: (name, "UTF-8"))
    assert welcome._locale_country() == country


@posix_only
def test_with_a_profile_but_no_interview_it_goes_straight_to_logging_one(profile: None) -> None:
    child = terminal()
    child.expect_exact("Welcome to afterview!")
    child.expect_exact("Log the interview you just had? [Y/n]")
    child.sendline("n")
    assert finish(child) == 0
    assert "Set up your profile" not in child.logfile_read.getvalue()


@posix_only
def test_the_welcome_asks_again_for_a_country_without_known_holidays(store_file: Path) -> None:
    child = terminal()
    child.expect_exact("Set up your profile now (name, email, signature, country, time zone)? [Y/n]")
    child.sendline("y")
    for prompt in ("Your name", "Your email", "Signature"):
        child.expect_exact(prompt)
        child.sendline("")
    child.expect_exact("Country for public holidays")
    child.sendline("XX")
    child.expect_exact("knows no public holidays for 'XX'")
    child.expect_exact("Country for public holidays")
    child.sendline("DE")
    child.expect_exact("Your time zone")
    child.sendline("")
    child.expect_exact("Log the interview you just had? [Y/n]")
    child.sendline("n")
    assert finish(child) == 0
    assert json.loads(store_file.read_bytes())["profile"]["country"] == "DE"
