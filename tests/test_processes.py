"""Real ``afterview`` processes: many at once, and a person typing at the interactive ``log``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import afterview_command, interrupt, stored_companies


def test_twenty_concurrent_logs_leave_twenty_interviews_with_distinct_ids(store_file: Path) -> None:
    children = [
        subprocess.Popen(
            [*afterview_command(), "log", "--company", f"Company {n}", "--role", "Engineer", "--no-input"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for n in range(20)
    ]
    errors = [child.communicate(timeout=120)[1] for child in children]
    assert [child.returncode for child in children] == [0] * 20, errors
    document = json.loads(store_file.read_bytes())
    ids = [interview["id"] for interview in document["interviews"]]
    assert sorted(ids) == list(range(1, 21))
    assert sorted(stored_companies(document)) == sorted(f"Company {n}" for n in range(20))
    assert document["revision"] == 20


def test_python_dash_m_afterview_works(home: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "afterview", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.startswith("afterview ")


def test_a_non_tty_stdin_never_prompts(store_file: Path) -> None:
    result = subprocess.run(
        [*afterview_command(), "log", "--company", "Acme"],
        input="",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "role is missing" in result.stderr
    assert not store_file.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pseudo-terminal")
def test_interactive_log_in_a_real_terminal(store_file: Path) -> None:
    import pexpect

    child = pexpect.spawn(
        afterview_command()[0], ["log"], env={**os.environ, "COLUMNS": "100"}, encoding="utf-8", timeout=30
    )
    answers = [
        ("Company", "Acme"),
        ("Role", "Staff Engineer"),
        ("When", ""),  # default: now
        ("Stage", "onsite"),
        ("Format", "bogus"),  # refused, asked again
        ("Format", "video"),
        ("Interviewer 1 name", "Jane Doe"),
        ("Title", "CTO"),
        ("Email", "not-an-email"),  # refused, asked again
        ("Email", "jane@acme.com"),
        ("Interviewer 2 name", "Bob Roe"),
        ("Title", ""),
        ("Email", ""),
        ("Interviewer 3 name", ""),
        ("next steps", "Team lunch next week"),
        ("hear back", "friday"),
        ("Item", "NDA"),
        ("Item", ""),
        ("references", "y"),
    ]
    for prompt, answer in answers:
        child.expect_exact(prompt)
        child.sendline(answer)
    child.expect_exact("Logged interview 1")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    document = json.loads(store_file.read_bytes())
    interview = document["interviews"][0]
    assert stored_companies(document) == ["Acme"]
    assert interview["stage"] == "onsite"
    assert interview["format"] == "video"
    assert [(p["name"], p["title"], p["email"]) for p in interview["interviewers"]] == [
        ("Jane Doe", "CTO", "jane@acme.com"),
        ("Bob Roe", None, None),
    ]
    assert interview["next_steps"] == "Team lunch next week"
    assert interview["decision_by"] == "2026-12-04"
    assert interview["paperwork"] == [{"title": "NDA", "due": None}]
    assert interview["references_may_call"] is True
    assert interview["at"].startswith("2026-11-27T16:00")


@pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pseudo-terminal")
def test_ctrl_c_during_interactive_log_exits_130_and_writes_nothing(store_file: Path) -> None:
    import pexpect

    child = pexpect.spawn(afterview_command()[0], ["log"], encoding="utf-8", timeout=30)
    child.expect_exact("Company")
    child.sendline("Acme")
    child.expect_exact("Role")
    interrupt(child)
    child.close()
    assert child.exitstatus == 130
    assert not store_file.exists()
