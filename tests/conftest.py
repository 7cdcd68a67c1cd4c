"""Every test runs against a temporary AFTERVIEW_HOME, a fixed clock and plain output."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterview.cli.main import run
from tests.helpers import NOW, Result, afterview_command

# Whoever starts the tests (a CI runner, a backgrounded shell) may have SIGINT ignored, which every child
# process inherits, so the tests that press Ctrl-C in a real terminal would see nothing happen. Python's own
# handler here means children start with the default disposition again.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private AFTERVIEW_HOME, fixed clock and time zone, plain output, and no editor from the real user."""
    path = tmp_path / "home"
    monkeypatch.setenv("AFTERVIEW_HOME", str(path))
    monkeypatch.setenv("AFTERVIEW_NOW", NOW)
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("COLUMNS", "120")
    for variable in ("VISUAL", "EDITOR", "FORCE_COLOR", "AFTERVIEW_LOCK_TIMEOUT"):
        monkeypatch.delenv(variable, raising=False)
    return path


@pytest.fixture
def store_file(home: Path) -> Path:
    """The store file under the test's AFTERVIEW_HOME."""
    return home / "afterview.json"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run afterview in this process (as ``afterview ARGS``) and capture what it printed."""

    def invoke(*args: str) -> Result:
        capsys.readouterr()
        code = run(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke


@pytest.fixture
def process() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the real ``afterview`` command as a separate process."""

    def spawn(
        *args: str, input: str | None = None, env: dict[str, str] | None = None, timeout: float = 60
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*afterview_command(), *args],
            input=input,
            capture_output=True,
            text=True,
            env={**os.environ, **(env or {})},
            timeout=timeout,
            check=False,
        )

    return spawn


@pytest.fixture
def profile(cli: Callable[..., Result]) -> None:
    """A profile with a name, so drafts can be signed."""
    assert cli("profile", "--name", "Sam Lee", "--email", "sam@example.com", "--no-input").code == 0


@pytest.fixture
def log(cli: Callable[..., Result]) -> Callable[..., dict[str, Any]]:
    """Log an interview with flags and return it as ``log --json`` printed it."""

    def record(*extra: str, company: str = "Acme", role: str = "Staff Engineer") -> dict[str, Any]:
        result = cli("log", "--company", company, "--role", role, "--no-input", "--json", *extra)
        assert result.code == 0, result.err
        interview: dict[str, Any] = result.json()
        return interview

    return record
