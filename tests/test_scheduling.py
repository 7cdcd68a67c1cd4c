"""The scheduler files in each scheduler's own syntax (issue 27, item 2): a cron line the shell runs with
exactly the AFTERVIEW_HOME it was given, a systemd unit whose Environment= holds it exactly, a launchd plist,
and install/uninstall that touch only the lines afterview wrote for this store."""

from __future__ import annotations

import os
import plistlib
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from afterview.cli.remind import command
from afterview.formats import scheduler_jobs
from tests.helpers import Result

Cli = Callable[..., Result]
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="runs sh and POSIX fakes")
HOSTILE = ["/tmp/my store", "/tmp/$HOME", "/tmp/it's", "/tmp/100%", "/tmp/a\\%b", "/tmp/\\\\%", '/tmp/"q"']
STORE = "/home/sam/afterview.json"


def as_cron_runs(line: str) -> tuple[str, str]:
    """What cron does with a crontab line's command (cronie's do_command.c, as crontab(5) describes it):
    the five time fields off, then ``\\%`` becomes ``%`` and the first bare ``%`` ends the command (the rest
    is its standard input). Returns (command for ``sh -c``, standard input)."""
    command = line.split(" ", 5)[5]
    out: list[str] = []
    escaped = False
    for position, char in enumerate(command):
        if escaped:
            if char == "%":
                out[-1] = "%"
            else:
                out.append(char)
            escaped = False
            continue
        if char == "%":
            return "".join(out), command[position + 1 :].replace("%", "\n")
        out.append(char)
        escaped = char == "\\"
    return "".join(out), ""


@posix_only
@pytest.mark.parametrize("value", [*HOSTILE, "/tmp/" + "".join(sorted(set("".join(HOSTILE))))])
def test_the_cron_line_gives_the_shell_exactly_that_afterview_home(value: str) -> None:
    """The issue's must-show: the line as cron runs it (``%`` handling, then ``sh -c``)."""
    job = scheduler_jobs.cron_job(["printenv", "AFTERVIEW_HOME"], {"AFTERVIEW_HOME": value}, store=STORE)
    marker, line = job.splitlines()
    assert marker == scheduler_jobs.marker(STORE)
    command, stdin = as_cron_runs(line)
    assert stdin == ""  # no % of the path reached cron unescaped
    shell = subprocess.run(["sh", "-c", command], capture_output=True, text=True, check=True, env={})
    assert shell.stdout == value + "\n"


@pytest.mark.parametrize("bad", ["/tmp/a\nb", "/tmp/a\rb", "/tmp/a\x00b", "/tmp/a\u2028b"])
def test_a_line_break_is_refused_in_every_format(bad: str) -> None:
    for write in (
        lambda: scheduler_jobs.cron_job(["afterview"], {"AFTERVIEW_HOME": bad}, store=STORE),
        lambda: scheduler_jobs.cron_job(["afterview"], {}, store=bad),
        lambda: scheduler_jobs.systemd_service(["afterview"], {"AFTERVIEW_HOME": bad}, store=STORE),
        lambda: scheduler_jobs.systemd_timer(store=bad),
        lambda: scheduler_jobs.launchd_plist(["afterview"], {"AFTERVIEW_HOME": bad}, store=STORE),
        lambda: scheduler_jobs.schtasks_create("python", ["remind"], {"AFTERVIEW_HOME": bad}),
    ):
        with pytest.raises(scheduler_jobs.UnsafeValue, match=r"line break|control character"):
            write()


def systemd_words(text: str) -> list[str]:
    """The words of a unit-file value as systemd.syntax(7) reads them (double-quoted words with C escapes,
    then specifiers: ``%%`` is ``%``); written from the manual, to check the serializer against."""
    words, index = [], 0
    while index < len(text):
        if text[index] == " ":
            index += 1
            continue
        assert text[index] == '"', text
        word, index = [], index + 1
        while text[index] != '"':
            char = text[index]
            if char == "\\":
                index += 1
                assert text[index] in '\\"', 'only \\\\ and \\" are written'
                char = text[index]
            elif char == "%":
                index += 1
                assert text[index] == "%", "only %% is written"
            word.append(char)
            index += 1
        words.append("".join(word))
        index += 1
    return words


@pytest.mark.parametrize("program", ["/opt/it's/python", '/opt/"q"/python', "/opt/a\\b/python"])
def test_a_program_path_systemd_would_not_run_is_refused_saying_why(program: str) -> None:
    with pytest.raises(scheduler_jobs.UnsafeValue, match="quote or a backslash"):
        scheduler_jobs.systemd_service([program, "-m", "afterview"], {}, store=STORE)


def test_systemd_command_words_round_trip() -> None:
    words = ["/opt/a b%c$d/python", "-m", "it's $HOME", '1 "2" \\3 %h']
    [line] = [
        x
        for x in scheduler_jobs.systemd_service(words, {}, store=STORE).splitlines()
        if x.startswith("ExecStart=")
    ]
    value = line.removeprefix("ExecStart=")
    assert value.startswith('"/opt/a b%%c$d/python" ')  # no variables in the program's path
    assert systemd_words(value.replace("$$", "$")) == words  # $$ is $ in the arguments (systemd.service(5))


@pytest.mark.parametrize("value", HOSTILE)
def test_systemd_environment_round_trips_exactly(value: str) -> None:
    unit = scheduler_jobs.systemd_service(["/usr/bin/afterview"], {"AFTERVIEW_HOME": value}, store=STORE)
    [line] = [line for line in unit.splitlines() if line.startswith("Environment=")]
    assert systemd_words(line.removeprefix("Environment=")) == [f"AFTERVIEW_HOME={value}"]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_analyze_verify_reads_the_units_cleanly(tmp_path: Path) -> None:
    """systemd itself reads every line (a specifier or escape it did not like is a warning, ``ignoring``),
    and finds the program at the hostile path it was given (``$`` and ``%`` in ExecStart= too)."""
    folder = tmp_path / "a b$c%e"  # systemd runs no program whose path holds a quote or a backslash
    folder.mkdir()
    program = folder / "true"
    program.symlink_to(shutil.which("true") or "/bin/true")
    units = tmp_path / "units"
    units.mkdir()
    environment = {"AFTERVIEW_HOME": str(folder) + "".join(HOSTILE)}
    (units / "afterview-remind.service").write_text(
        scheduler_jobs.systemd_service([str(program), "remind"], environment, store=str(folder)),
        encoding="utf-8",
    )
    (units / "afterview-remind.timer").write_text(
        scheduler_jobs.systemd_timer(store=str(folder)), encoding="utf-8"
    )
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *map(str, sorted(units.iterdir()))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "ignoring" not in result.stderr
    assert "not executable" not in result.stderr
    assert result.returncode == 0, result.stderr


def test_the_launchd_plist_holds_the_values_exactly_and_its_marker() -> None:
    value = "/Users/sam/my--store & <x>"
    data = scheduler_jobs.launchd_plist(["/usr/bin/afterview"], {"AFTERVIEW_HOME": value}, store=value)
    agent = plistlib.loads(data)
    assert agent["EnvironmentVariables"] == {"AFTERVIEW_HOME": value}
    assert scheduler_jobs.plist_written_for(data, store=value)
    assert not scheduler_jobs.plist_written_for(data, store=STORE)


USER_LINES = [
    "MAILTO=sam@example.com",
    "0 8 * * * ~/bin/backup.sh # afterview remind --install",  # the old marker, the user's own line
    "# 0 9 * * * /usr/bin/afterview remind --notify # afterview remind --install",
    "# " + scheduler_jobs.marker(STORE),  # a commented-out marker
    scheduler_jobs.marker(STORE) + " (mine)",
    "0 9 * * * echo not ours",
]


def test_install_and_uninstall_keep_the_users_marker_like_lines_and_other_stores_jobs() -> None:
    other = scheduler_jobs.cron_job(
        ["afterview"], {"AFTERVIEW_HOME": "/other"}, store="/other/afterview.json"
    )
    crontab = "\n".join(USER_LINES) + "\n" + other
    job = scheduler_jobs.cron_job(["afterview"], {}, store=STORE)
    installed = scheduler_jobs.with_cron_job(crontab, job, store=STORE)
    assert installed == crontab + job
    again = scheduler_jobs.with_cron_job(installed, job, store=STORE)
    assert again == installed  # one reminder per store
    assert scheduler_jobs.without_cron_job(again, store=STORE) == crontab
    assert scheduler_jobs.without_cron_job(crontab, store=STORE) == crontab


def test_a_job_line_the_user_commented_out_stays() -> None:
    job = scheduler_jobs.cron_job(["afterview"], {}, store=STORE)
    marker, line = job.splitlines()
    crontab = f"{marker}\n# {line}\n"
    assert scheduler_jobs.without_cron_job(crontab, store=STORE) == f"# {line}\n"


# the CLI: ownership checked before any command runs ----------------------------------------------------


@pytest.fixture
def units(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user" / ".config"))
    folder = tmp_path / "user" / ".config" / "systemd" / "user"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def ran(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Every program afterview would run, recorded instead of run."""
    calls: list[list[str]] = []

    def fake(argv: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        calls.append(list(argv))
        return subprocess.CompletedProcess(argv, 0, "", "")

    monkeypatch.setattr(command, "_run", fake)
    return calls


FOREIGN_TIMER = "[Timer]\nOnCalendar=daily\n"


@posix_only
def test_a_foreign_timer_is_never_stopped_and_nothing_is_written_beside_it(
    cli: Cli, units: Path, ran: list[list[str]]
) -> None:
    (units / "afterview-remind.timer").write_text(FOREIGN_TIMER, encoding="utf-8")
    result = cli("remind", "--uninstall", "--scheduler", "systemd")
    assert result.code == 1
    assert "was not written by afterview" in result.err
    assert ran == []
    result = cli("remind", "--install", "--scheduler", "systemd")
    assert result.code == 1
    assert not (units / "afterview-remind.service").exists()
    assert (units / "afterview-remind.timer").read_text(encoding="utf-8") == FOREIGN_TIMER
    assert ran == []


@posix_only
def test_another_stores_units_are_left_alone(
    cli: Cli, units: Path, ran: list[list[str]], home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("remind", "--install", "--scheduler", "systemd").code == 0
    written = {path.name: path.read_bytes() for path in units.iterdir()}
    ran.clear()
    monkeypatch.setenv("AFTERVIEW_HOME", str(home.parent / "second"))
    for option in ("--install", "--uninstall"):
        result = cli("remind", option, "--scheduler", "systemd")
        assert result.code == 1
        assert "another afterview store" in result.err
    assert ran == []
    assert {path.name: path.read_bytes() for path in units.iterdir()} == written


@posix_only
def test_install_refuses_a_home_with_a_line_break(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AFTERVIEW_HOME", str(tmp_path / "a\nb"))
    monkeypatch.setitem(command.COMMANDS, "crontab", ["false"])
    result = cli("remind", "--install", "--scheduler", "cron")
    assert result.code == 1
    assert "line break" in result.err
    assert os.environ["AFTERVIEW_HOME"].endswith("a\nb")
