"""The files and command lines that run ``afterview remind --notify`` once a day in the user's own scheduler
(pure: a command in, text out). ``afterview remind --install`` writes them; ``--uninstall`` removes exactly
what these describe:

- systemd: a user service and timer (``~/.config/systemd/user/afterview-remind.{service,timer}``);
- cron: one line in the user's crontab, marked with :data:`CRON_MARK`;
- launchd: a user agent (``~/Library/LaunchAgents/com.afterview.remind.plist``);
- Windows: a Task Scheduler task of the user's (``afterview-remind``).
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping, Sequence

NAME = "afterview-remind"
LAUNCHD_LABEL = "com.afterview.remind"
HOUR = 9
"""Every morning at 09:00 local time (a missed run happens at the next start: Persistent, launchd)."""
MARK = "Written by afterview remind --install; afterview remind --uninstall removes it."
CRON_MARK = "# afterview remind --install"


def systemd_service(command: Sequence[str], environment: Mapping[str, str]) -> str:
    """The user service that runs ``command`` once."""
    env = "".join(f"Environment={shlex.quote(f'{key}={value}')}\n" for key, value in environment.items())
    return (
        f"# {MARK}\n"
        "[Unit]\n"
        "Description=afterview: steps due today or overdue, as a desktop notification\n\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"{env}"
        f"ExecStart={shlex.join(command)}\n"
    )


def systemd_timer() -> str:
    """The user timer that starts the service every morning, and at the next boot if a morning was missed."""
    return (
        f"# {MARK}\n"
        "[Unit]\n"
        "Description=afterview: a daily reminder of the steps due\n\n"
        "[Timer]\n"
        f"OnCalendar=*-*-* {HOUR:02d}:00:00\n"
        "Persistent=true\n\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )


def cron_line(command: Sequence[str], environment: Mapping[str, str]) -> str:
    """The crontab line: every morning, with the environment the command needs, and the mark."""
    env = " ".join(shlex.quote(f"{key}={value}") for key, value in environment.items())
    return f"0 {HOUR} * * * {env + ' ' if env else ''}{shlex.join(command)} {CRON_MARK}"


def with_cron_line(crontab: str, line: str) -> str:
    """``crontab`` with afterview's line (replacing an older one of afterview's, keeping every other)."""
    kept = without_cron_line(crontab)
    return (kept if not kept or kept.endswith("\n") else kept + "\n") + line + "\n"


def without_cron_line(crontab: str) -> str:
    """``crontab`` without afterview's line; every other line as it was."""
    lines = crontab.splitlines(keepends=True)
    return "".join(line for line in lines if not line.rstrip().endswith(CRON_MARK))


def launchd_plist(command: Sequence[str], environment: Mapping[str, str]) -> bytes:
    """The user agent that runs ``command`` every morning."""
    import plistlib

    agent: dict[str, object] = {
        "Label": LAUNCHD_LABEL,
        "ProgramArguments": list(command),
        "StartCalendarInterval": {"Hour": HOUR, "Minute": 0},
        "ProcessType": "Background",
    }
    if environment:
        agent["EnvironmentVariables"] = dict(environment)
    return plistlib.dumps(agent)


def schtasks_create(command: Sequence[str]) -> list[str]:
    """The ``schtasks`` command line that creates the user's daily task (never as SYSTEM)."""
    import subprocess

    return [
        "schtasks", "/Create", "/F", "/SC", "DAILY", "/ST", f"{HOUR:02d}:00", "/TN", NAME,
        "/TR", subprocess.list2cmdline(list(command)),
    ]  # fmt: skip


def schtasks_delete() -> list[str]:
    """The ``schtasks`` command line that removes that task."""
    return ["schtasks", "/Delete", "/F", "/TN", NAME]
