"""Bugs found by using afterview as a user would: logging an interview on a terminal."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.helpers import finish, terminal

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pseudo-terminal")


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
