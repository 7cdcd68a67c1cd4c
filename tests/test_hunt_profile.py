"""Bugs found by using afterview as a user would: the profile's country."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import Result, finish, terminal

Cli = Callable[..., Result]


def test_a_country_without_known_holidays_is_refused_when_set(cli: Cli, store_file: Path) -> None:
    assert cli("profile", "--country", "DE", "--no-input").code == 0
    before = store_file.read_bytes()
    result = cli("profile", "--country", "XX", "--no-input")
    assert result.code == 1
    assert "knows no public holidays for 'XX'" in result.err
    assert store_file.read_bytes() == before
    assert cli("log", "--company", "Acme", "--role", "SRE", "--no-input").code == 0


@pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pseudo-terminal")
def test_the_welcome_asks_again_for_a_country_without_known_holidays(store_file: Path) -> None:
    child = terminal()
    child.expect_exact("Set up your profile now (name, email, signature, country)? [Y/n]")
    child.sendline("y")
    for prompt in ("Your name", "Your email", "Signature"):
        child.expect_exact(prompt)
        child.sendline("")
    child.expect_exact("Country for public holidays")
    child.sendline("XX")
    child.expect_exact("knows no public holidays for 'XX'")
    child.expect_exact("Country for public holidays")
    child.sendline("DE")
    child.expect_exact("Log the interview you just had? [Y/n]")
    child.sendline("n")
    assert finish(child) == 0
    assert json.loads(store_file.read_bytes())["profile"]["country"] == "DE"


def test_setting_the_same_values_again_writes_nothing(cli: Cli, store_file: Path, home: Path) -> None:
    assert cli("profile", "--name", "Sam Lee", "--country", "de", "--no-input").code == 0
    before = store_file.read_bytes()
    backups = sorted((home / "backups").iterdir()) if (home / "backups").exists() else []
    result = cli("profile", "--name", "Sam Lee", "--country", "DE", "--no-input")
    assert result.code == 0
    assert "Nothing changed" in result.err + result.out
    assert "Profile saved" not in result.err
    assert store_file.read_bytes() == before  # no new revision
    assert (sorted((home / "backups").iterdir()) if (home / "backups").exists() else []) == backups
