"""The files and command lines that run ``afterview remind --notify`` once a day in the user's own scheduler
(pure: a command in, text out), each written in its scheduler's own syntax. ``afterview remind --install``
writes them; ``--uninstall`` removes exactly what these describe, proved by :func:`marker`, a line naming
the store the reminder is for (one reminder per store):

- systemd: a user service and timer (``~/.config/systemd/user/afterview-remind.{service,timer}``), quoted
  and escaped as systemd.syntax(7) and systemd.service(5) say;
- cron: the marker line and the job line after it in the user's crontab, as crontab(5) and sh(1) read them;
- launchd: a user agent (``~/Library/LaunchAgents/com.afterview.remind.plist``), written by plistlib;
- Windows: a Task Scheduler task of the user's (``afterview-remind``), given the store through its command.

A value no scheduler can be given safely (a line break or another control character in a path) is refused
with :class:`UnsafeValue`, saying why; nothing is written.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Mapping, Sequence

from afterview.errors import UserError

NAME = "afterview-remind"
LAUNCHD_LABEL = "com.afterview.remind"
HOUR = 9
"""Every morning at 09:00 local time (a missed run happens at the next start: Persistent, launchd)."""
MARK = "Written by afterview remind --install; afterview remind --uninstall removes it."
CRON_SCHEDULE = f"0 {HOUR} * * * "
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]")


class UnsafeValue(UserError):
    """A value (a path, a variable) that a scheduler's file cannot hold safely."""


def checked(value: str, *, what: str) -> str:
    """``value``, or :class:`UnsafeValue` when it holds a line break or another control character: in a
    crontab or a unit file a line break starts a new job or a new setting."""
    found = _CONTROL.search(value)
    if found:
        kind = "a line break" if found.group() in "\n\r\x85\u2028\u2029" else "a control character"
        raise UnsafeValue(
            f"{what} {value!r} holds {kind}, which a scheduler's file cannot hold safely (it would start a "
            "new line, a new job or setting); nothing was installed.",
            hint="Use a path without it (set AFTERVIEW_HOME to another folder).",
        )
    return value


def marker(store: str) -> str:
    """The exact comment line that says afterview wrote what follows, for the store at ``store``."""
    return f"# {MARK} Store: {checked(store, what='The store path')}"


def _environment(environment: Mapping[str, str]) -> list[tuple[str, str]]:
    pairs = []
    for key, value in environment.items():
        if not _NAME.match(key):
            raise UnsafeValue(f"{key!r} is not a name for an environment variable.")
        pairs.append((key, checked(value, what=key)))
    return pairs


# systemd ----------------------------------------------------------------------------------------------


def systemd_quoted(value: str, *, command: bool = False) -> str:
    """``value`` as one double-quoted word systemd reads back exactly: ``\\`` and ``"`` C-escaped,
    ``%`` doubled (a specifier otherwise), and in a command line ``$`` doubled (a variable otherwise)."""
    text = checked(value, what="A value").replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%")
    return f'"{text.replace("$", "$$") if command else text}"'


def systemd_command(command: Sequence[str]) -> str:
    """``command`` as an ``ExecStart=`` value: every word quoted; ``$`` doubled in the arguments (systemd
    expands variables there, not in the program's path). systemd refuses to run a program whose path holds
    a quote or a backslash (systemd.service(5)), so such a path is refused here, saying so."""
    program, *arguments = command
    if any(char in program for char in "'\"\\"):
        raise UnsafeValue(
            f"systemd does not run a program whose path holds a quote or a backslash: {program!r}.",
            hint="Install afterview under a path without them, or use --scheduler cron.",
        )
    return " ".join([systemd_quoted(program), *(systemd_quoted(word, command=True) for word in arguments)])


def systemd_service(command: Sequence[str], environment: Mapping[str, str], *, store: str) -> str:
    """The user service that runs ``command`` once, with ``environment``, for the store at ``store``."""
    env = "".join(
        f"Environment={systemd_quoted(f'{key}={value}')}\n" for key, value in _environment(environment)
    )
    return (
        f"{marker(store)}\n"
        "[Unit]\n"
        "Description=afterview: steps due today or overdue, as a desktop notification\n\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"{env}"
        f"ExecStart={systemd_command(command)}\n"
    )


def systemd_timer(*, store: str) -> str:
    """The user timer that starts the service every morning, and at the next boot if a morning was missed."""
    return (
        f"{marker(store)}\n"
        "[Unit]\n"
        "Description=afterview: a daily reminder of the steps due\n\n"
        "[Timer]\n"
        f"OnCalendar=*-*-* {HOUR:02d}:00:00\n"
        "Persistent=true\n\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )


def written_for(text: str, *, store: str) -> bool:
    """Whether a unit file's ``text`` is afterview's, for the store at ``store`` (its first line is the
    exact marker)."""
    return text.split("\n", 1)[0] == marker(store)


def written_by_afterview(text: str) -> bool:
    """Whether ``text`` begins with afterview's marker, for any store."""
    return text.startswith(f"# {MARK} Store: ")


# cron -------------------------------------------------------------------------------------------------


def shell_command(command: Sequence[str], environment: Mapping[str, str]) -> str:
    """The POSIX shell text that runs ``command`` with ``environment`` set: ``KEY='value' word ...``, each
    assignment a word the shell reads as an assignment (the name unquoted, the value quoted)."""
    words = [f"{key}={shlex.quote(value)}" for key, value in _environment(environment)]
    words += [shlex.quote(checked(word, what="A command word")) for word in command]
    return " ".join(words)


def cron_escaped(text: str) -> str:
    """``text`` as cron's command field: cron turns an unescaped ``%`` into a line break (crontab(5)), so
    each is written ``\\%``. A ``\\`` just before a ``%`` cannot be written (cron would read ``\\\\%`` as an
    escaped backslash and a bare ``%``), so the quoted shell text is split there with ``''`` first."""
    return text.replace("\\%", "\\''%").replace("%", "\\%")


def cron_job(command: Sequence[str], environment: Mapping[str, str], *, store: str) -> str:
    """afterview's two crontab lines (the marker, then the job every morning), with a final newline."""
    return f"{marker(store)}\n{CRON_SCHEDULE}{cron_escaped(shell_command(command, environment))}\n"


def with_cron_job(crontab: str, job: str, *, store: str) -> str:
    """``crontab`` with ``job`` for ``store`` (replacing an older one for the same store; every other line
    as it was, the user's own comments included)."""
    kept = without_cron_job(crontab, store=store)
    return (kept if not kept or kept.endswith("\n") else kept + "\n") + job


def without_cron_job(crontab: str, *, store: str) -> str:
    """``crontab`` without afterview's job for ``store``: the exact marker line and the job line right
    after it (when it is still a job at afterview's time); every other line as it was."""
    lines = crontab.splitlines(keepends=True)
    exact = marker(store)
    kept: list[str] = []
    skip_job = False
    for line in lines:
        if skip_job and line.startswith(CRON_SCHEDULE):
            skip_job = False
            continue
        skip_job = line.rstrip("\r\n") == exact
        if not skip_job:
            kept.append(line)
    return "".join(kept)


# launchd and Task Scheduler ---------------------------------------------------------------------------


def launchd_plist(command: Sequence[str], environment: Mapping[str, str], *, store: str) -> bytes:
    """The user agent that runs ``command`` every morning; the marker is an XML comment after the header."""
    import plistlib

    agent: dict[str, object] = {
        "Label": LAUNCHD_LABEL,
        "ProgramArguments": [checked(word, what="A command word") for word in command],
        "StartCalendarInterval": {"Hour": HOUR, "Minute": 0},
        "ProcessType": "Background",
    }
    if environment:
        agent["EnvironmentVariables"] = dict(_environment(environment))
    header, _, rest = plistlib.dumps(agent).partition(b"\n")
    return header + b"\n" + _xml_comment(marker(store)).encode("utf-8") + b"\n" + rest


def _xml_comment(text: str) -> str:
    """``text`` as an XML comment (which may not hold ``--``: written ``-&#45;`` there, read as such)."""
    return "<!-- " + text[2:].replace("--", "-&#45;") + " -->"


def plist_written_for(data: bytes, *, store: str) -> bool:
    """Whether the plist ``data`` is afterview's agent for ``store``."""
    lines = data.split(b"\n", 2)
    return len(lines) > 1 and lines[1] == _xml_comment(marker(store)).encode("utf-8")


def schtasks_create(python: str, arguments: Sequence[str], environment: Mapping[str, str]) -> list[str]:
    """The ``schtasks`` command line that creates the user's daily task (never as SYSTEM, never replacing a
    task of that name: no ``/F``). A task has no environment of its own, so ``environment`` goes in as
    arguments to a one-line bootstrap that sets each variable and runs ``python -m afterview ARGUMENTS``."""
    import subprocess

    pairs = _environment(environment)
    code = (
        "import os,runpy,sys;a=sys.argv;n=int(a.pop(1));"
        "[os.environ.__setitem__(a.pop(1),a.pop(1)) for _ in range(n)];"
        "sys.argv[0]='afterview';runpy.run_module('afterview',run_name='__main__')"
    )
    words = [python, "-c", code, str(len(pairs))]
    for key, value in pairs:
        words += [key, value]
    return [
        "schtasks", "/Create", "/SC", "DAILY", "/ST", f"{HOUR:02d}:00", "/TN", NAME,
        "/TR", subprocess.list2cmdline([*words, *arguments]),
    ]  # fmt: skip


def task_written_by_afterview(definition: str) -> bool:
    """Whether a task's XML ``definition`` (from :func:`schtasks_query`) runs afterview's bootstrap."""
    return "runpy.run_module(" in definition.replace("&apos;", "'") and "afterview" in definition


def schtasks_query() -> list[str]:
    """The ``schtasks`` command line that prints the task's definition (XML), to check it is afterview's."""
    return ["schtasks", "/Query", "/TN", NAME, "/XML"]


def schtasks_delete() -> list[str]:
    """The ``schtasks`` command line that removes that task (after :func:`schtasks_query` showed it is
    afterview's)."""
    return ["schtasks", "/Delete", "/F", "/TN", NAME]
