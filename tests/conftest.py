"""Every test runs in its own temporary directory, against a temporary AFTERVIEW_HOME, a fixed clock and plain
output; a run that leaves the git working tree changed fails."""

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

ROOT = Path(__file__).resolve().parents[1]
WORKING_TREE = pytest.StashKey[str]()


def working_tree() -> str | None:
    """``git status`` of the checkout under test, or None when it is not one (an unpacked sdist, no git)."""
    try:
        top = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        if top.returncode != 0 or Path(top.stdout.strip()).resolve() != ROOT:
            return None
        status = subprocess.run(
            ["git", "--no-optional-locks", "status", "--porcelain", "--untracked-files=all"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return status.stdout if status.returncode == 0 else None


def pytest_sessionstart(session: pytest.Session) -> None:
    """Note the working tree before any test runs (once: in the xdist controller, not in each worker)."""
    if hasattr(session.config, "workerinput"):
        return
    status = working_tree()
    if status is not None:
        session.config.stash[WORKING_TREE] = status


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run if a test left a file in the working tree (every test should write under its tmp_path)."""
    before = session.config.stash.get(WORKING_TREE, None)
    after = working_tree() if before is not None else None
    if after is None or after == before:
        return
    assert before is not None
    changed = sorted(set(after.splitlines()) ^ set(before.splitlines()))
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.ensure_newline()
        reporter.write_sep("=", "the tests changed the working tree", red=True)
        for line in changed or after.splitlines():
            reporter.write_line(line)
        reporter.write_line("A test wrote outside its tmp_path: `git status` changed during the run.")
    session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run each test in its own temporary directory: a relative path (``export -o notes.md``, an editor that
    takes ``--wait`` for its file) lands there, never in the checkout."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private AFTERVIEW_HOME, fixed clock and time zone, plain output, and no editor from the real user."""
    path = tmp_path / "home"
    monkeypatch.setenv("AFTERVIEW_HOME", str(path))
    monkeypatch.setenv("AFTERVIEW_NOW", NOW)
    monkeypatch.setenv("TZ", "Europe/Berlin")  # the zone of NOW (+01:00 in November)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")  # no date order from the machine's locale: numeric dates refused
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
