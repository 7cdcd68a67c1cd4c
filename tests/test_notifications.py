"""``afterview remind --notify`` and ``--install``/``--uninstall``: a desktop notification, and a daily run in
the user's own scheduler (systemd user timer, crontab, launchd, Task Scheduler), tested with fakes of every
program and a temporary HOME and XDG directories, never the real ones."""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from afterview.cli.remind import command
from afterview.formats import scheduler_jobs
from tests.helpers import Result

Cli = Callable[..., Result]
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="the fakes are POSIX scripts")

RECORDER = """#!{python}
import os, sys
with open({log!r}, "a", encoding="utf-8") as log:
    log.write(" ".join(sys.argv[1:]) + "\\n")
sys.exit(int(os.environ.get("FAKE_EXIT", "0")))
"""
FAKE_CRONTAB = """#!{python}
import sys
from pathlib import Path
table = Path({table!r})
if sys.argv[1:] == ["-l"]:
    if not table.exists():
        sys.stderr.write("no crontab for sam\\n")
        sys.exit(1)
    sys.stdout.write(table.read_text())
elif sys.argv[1:] == ["-"]:
    table.write_text(sys.stdin.read())
else:
    sys.exit(2)
"""


def script(folder: Path, name: str, text: str, **values: str) -> Path:
    path = folder / name
    path.write_text(text.format(python=sys.executable, **values), encoding="utf-8")
    path.chmod(0o755)
    return path


@pytest.fixture
def user_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary HOME and XDG directories."""
    home = tmp_path / "user"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    return home


@pytest.fixture
def calls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every program afterview would run is a fake that records its arguments here."""
    log = tmp_path / "calls.log"
    fake = script(tmp_path, "recorder", RECORDER, log=str(log))
    for name in ("notify-send", "osascript", "powershell", "launchctl"):
        monkeypatch.setitem(command.COMMANDS, name, [str(fake), name])
    monkeypatch.setitem(command.COMMANDS, "systemctl", [str(fake), "systemctl", "--user"])
    monkeypatch.setitem(command.COMMANDS, "schtasks", [str(fake)])
    return log


def recorded(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def files_under(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if path.is_file()}


@posix_only
def test_notify_with_nothing_due_prints_nothing_notifies_nothing_and_exits_0(cli: Cli, calls: Path) -> None:
    """The issue's must-show."""
    result = cli("remind", "--notify")
    assert (result.code, result.out, result.err) == (0, "", "")
    assert recorded(calls) == []


@posix_only
def test_notify_sends_the_line_when_something_is_due(cli: Cli, calls: Path) -> None:
    assert cli("log", "--company", "Acme", "--role", "SRE", "--no-input").code == 0
    result = cli("remind", "--notify")
    assert result.code == 0
    assert result.out == "1 step due today — run afterview todo\n"
    assert recorded(calls) == [
        "notify-send --app-name=afterview afterview 1 step due today — run afterview todo"
    ]


@posix_only
def test_a_notification_that_fails_exits_1_and_says_why(
    cli: Cli, calls: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("log", "--company", "Acme", "--role", "SRE", "--no-input").code == 0
    monkeypatch.setenv("FAKE_EXIT", "1")
    result = cli("remind", "--notify")
    assert result.code == 1
    assert "Could not send the notification" in result.err


@posix_only
def test_the_real_command_with_nothing_due_runs_no_notifier(
    process: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path
) -> None:
    """A real ``afterview remind --notify`` with a fake notify-send first on PATH: not even started."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "notify.log"
    script(bin_dir, "notify-send", RECORDER, log=str(log))
    result = process("remind", "--notify", env={"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"})
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert not log.exists()


@posix_only
def test_a_missing_notifier_is_named(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(command.COMMANDS, "notify-send", ["/nonexistent/notify-send"])
    assert cli("log", "--company", "Acme", "--role", "SRE", "--no-input").code == 0
    result = cli("remind", "--notify")
    assert result.code == 1
    assert "/nonexistent/notify-send is not installed" in result.err


@pytest.mark.parametrize(
    ("platform", "program"), [("linux", "notify-send"), ("darwin", "osascript"), ("win32", "powershell")]
)
@posix_only
def test_each_platform_uses_its_own_command(calls: Path, platform: str, program: str) -> None:
    command.send_notification("2 steps due today", platform=platform)
    text = calls.read_text(encoding="utf-8")
    assert text.startswith(program)
    if platform == "win32":  # PowerShell reads the text from the environment, never from its script
        assert "2 steps due today" not in text
        assert "$env:AFTERVIEW_TOAST_TEXT" in text
    else:
        assert text.endswith("afterview 2 steps due today\n")


@posix_only
def test_install_writes_a_systemd_user_timer_under_home_and_uninstall_removes_exactly_that(
    cli: Cli, user_home: Path, calls: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's must-show (systemd found by the detection, which the test replaces)."""
    monkeypatch.setattr(command, "detect", lambda: "systemd")
    before = files_under(user_home)
    result = cli("remind", "--install")
    assert result.code == 0, result.err
    units = user_home / ".config" / "systemd" / "user"
    service, timer = units / "afterview-remind.service", units / "afterview-remind.timer"
    assert files_under(user_home) - before == {service, timer}
    text = service.read_text(encoding="utf-8")
    assert f'ExecStart="{sys.executable}" "-m" "afterview" "remind" "--notify"\n' in text
    assert f'Environment="AFTERVIEW_HOME={home}"\n' in text
    assert text.startswith(f"{scheduler_jobs.marker(str(home / 'afterview.json'))}\n")
    assert "OnCalendar=*-*-* 09:00:00\nPersistent=true\n" in timer.read_text(encoding="utf-8")
    assert f"Wrote {service}:\n# {scheduler_jobs.MARK}" in result.out  # exactly what it wrote
    assert f"Wrote {timer}:" in result.out
    assert recorded(calls) == [
        "systemctl --user daemon-reload",
        "systemctl --user enable --now afterview-remind.timer",
    ]
    assert "Ran: " in result.out

    result = cli("remind", "--uninstall")
    assert result.code == 0, result.err
    assert files_under(user_home) == before
    assert f"Removed {service}" in result.out
    assert recorded(calls)[2:] == [
        "systemctl --user disable --now afterview-remind.timer",
        "systemctl --user daemon-reload",
    ]


@posix_only
def test_install_never_overwrites_a_unit_afterview_did_not_write(
    cli: Cli, user_home: Path, calls: Path
) -> None:
    units = user_home / ".config" / "systemd" / "user"
    units.mkdir(parents=True)
    (units / "afterview-remind.service").write_text("[Service]\nExecStart=/bin/true\n", encoding="utf-8")
    result = cli("remind", "--install", "--scheduler", "systemd")
    assert result.code == 1
    assert "was not written by afterview" in result.err
    assert (units / "afterview-remind.service").read_text(
        encoding="utf-8"
    ) == "[Service]\nExecStart=/bin/true\n"
    assert recorded(calls) == []


@posix_only
def test_install_adds_one_crontab_line_where_systemd_is_absent_and_uninstall_removes_only_it(
    cli: Cli, user_home: Path, tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = tmp_path / "crontab.txt"
    fake = script(tmp_path, "crontab", FAKE_CRONTAB, table=str(table))
    monkeypatch.setitem(command.COMMANDS, "crontab", [str(fake)])
    monkeypatch.setattr(command, "detect", lambda: "cron")
    mine = "MAILTO=sam@example.com\n0 * * * * ~/bin/backup.sh\n"
    table.write_text(mine, encoding="utf-8")
    assert cli("remind", "--install").code == 0
    result = cli("remind", "--install")  # again: still one line
    assert result.code == 0, result.err
    lines = table.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == mine.splitlines()
    marker, added = lines[2:]
    assert marker == scheduler_jobs.marker(str(home / "afterview.json"))
    assert added.startswith("0 9 * * * AFTERVIEW_HOME=")
    assert added.endswith(f"{sys.executable} -m afterview remind --notify")
    assert f"Added to your crontab:\n{marker}\n{added}\n" in result.out
    assert files_under(user_home) == set()  # nothing else was written

    result = cli("remind", "--uninstall")
    assert result.code == 0, result.err
    assert table.read_text(encoding="utf-8") == mine
    assert f"Removed from your crontab:\n{marker}\n{added}" in result.out
    assert "nothing to remove" in cli("remind", "--uninstall").out


@posix_only
def test_install_with_no_crontab_yet_starts_one(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = tmp_path / "crontab.txt"
    monkeypatch.setitem(
        command.COMMANDS, "crontab", [str(script(tmp_path, "crontab", FAKE_CRONTAB, table=str(table)))]
    )
    assert cli("remind", "--install", "--scheduler", "cron").code == 0
    assert table.read_text(encoding="utf-8").count(scheduler_jobs.MARK) == 1


@posix_only
def test_launchd_agent_under_home(cli: Cli, user_home: Path, calls: Path) -> None:
    assert cli("remind", "--install", "--scheduler", "launchd").code == 0
    plist = user_home / "Library" / "LaunchAgents" / "com.afterview.remind.plist"
    agent = plistlib.loads(plist.read_bytes())
    assert agent["ProgramArguments"] == [sys.executable, "-m", "afterview", "remind", "--notify"]
    assert agent["StartCalendarInterval"] == {"Hour": 9, "Minute": 0}
    assert cli("remind", "--uninstall", "--scheduler", "launchd").code == 0
    assert files_under(user_home) == set()
    assert [line.split()[1] for line in recorded(calls)] == ["bootstrap", "bootout"]


def test_the_windows_task_is_the_users_own() -> None:
    create = scheduler_jobs.schtasks_create("C:\\Python\\python.exe", ["remind", "--notify"], {})
    assert create[:2] == ["schtasks", "/Create"]
    assert "/RU" not in create  # runs as the user who made it, never SYSTEM
    assert "/F" not in create  # never replaces a task of that name
    assert create[create.index("/TR") + 1].startswith("C:\\Python\\python.exe -c ")
    assert create[create.index("/TR") + 1].endswith(" 0 remind --notify")
    assert scheduler_jobs.schtasks_delete() == ["schtasks", "/Delete", "/F", "/TN", "afterview-remind"]


@pytest.mark.parametrize(("platform", "found"), [("darwin", "launchd"), ("win32", "schtasks")])
def test_detection_by_platform(platform: str, found: str) -> None:
    assert command.detect(platform) == found


def test_one_option_at_a_time(cli: Cli) -> None:
    result = cli("remind", "--notify", "--install")
    assert result.code == 1
    assert "one of" in result.err
    assert cli("remind", "--install", "--scheduler", "anacron").code == 1
