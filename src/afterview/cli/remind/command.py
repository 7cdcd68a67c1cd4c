"""``afterview remind`` with its options: a desktop notification (``--notify``) and a daily run in the user's
own scheduler (``--install``, ``--uninstall``). Plain ``afterview remind`` never gets here: ``__main__``
answers it from :mod:`afterview.cli.remind.line` without loading Typer.

Notifications use each platform's own command, so afterview needs no D-Bus or Objective-C bindings:
``notify-send`` (libnotify, on every Linux desktop), ``osascript`` (macOS) and PowerShell's toast API
(Windows). The scheduler is the user's: a systemd user timer, a crontab line where systemd does not run the
session, a launchd agent, or a Task Scheduler task; nothing runs as root or system-wide. Every program these
run is looked up through :data:`COMMANDS`, which the tests replace with fakes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated

import typer

from afterview.errors import UserError
from afterview.formats import scheduler_jobs
from afterview.store import paths

COMMANDS: dict[str, list[str]] = {
    "notify-send": ["notify-send"],
    "osascript": ["osascript"],
    "powershell": ["powershell"],
    "crontab": ["crontab"],
    "systemctl": ["systemctl", "--user"],
    "launchctl": ["launchctl"],
    "schtasks": [],  # the command line is scheduler_jobs.schtasks_*'s own
}
"""The programs afterview runs, by name (tests point them at fakes)."""
SCHEDULERS = ("systemd", "cron", "launchd", "schtasks")


def remind(
    notify: Annotated[
        bool, typer.Option("--notify", help="Also send a desktop notification when something is due.")
    ] = False,
    install: Annotated[
        bool, typer.Option("--install", help="Run 'remind --notify' every morning in your own scheduler.")
    ] = False,
    uninstall: Annotated[bool, typer.Option("--uninstall", help="Remove what --install set up.")] = False,
    scheduler: Annotated[
        str | None,
        typer.Option(help="With --install/--uninstall: systemd, cron, launchd or schtasks (default: found)."),
    ] = None,
    json_: Annotated[
        bool,
        typer.Option(
            "--json",
            help='Print the counts as JSON, {"due_today", "overdue", "interviews_today"}, for a status bar.',
        ),
    ] = False,
) -> None:
    """One line saying how many steps are due today or overdue, for a shell start-up file or cron.

    Prints nothing when nothing is due. Exit status: 0 nothing due, 1 something due or overdue, 3 the store
    cannot be read; with --notify, 0 unless the store or the notification failed. Example, in ~/.bashrc:
    afterview remind
    """
    from afterview.cli.remind.line import main

    if sum((notify, install, uninstall)) > 1:
        raise UserError("Give one of --notify, --install and --uninstall.")
    if scheduler is not None and scheduler not in SCHEDULERS:
        raise UserError(f"Unknown scheduler {scheduler!r}.", hint=f"Use one of: {', '.join(SCHEDULERS)}.")
    if install or uninstall:
        chosen = scheduler or detect()
        (set_up if install else take_down)(chosen)
        return
    raise typer.Exit(main(notify=send_notification if notify else None, json_=json_))


def detect(platform: str = sys.platform) -> str:
    """The user's scheduler: launchd on macOS, Task Scheduler on Windows, else systemd when it runs the
    session (``/run/systemd/system``), else cron."""
    if platform == "darwin":
        return "launchd"
    if platform == "win32":
        return "schtasks"
    if shutil.which("systemctl") and Path("/run/systemd/system").is_dir():
        return "systemd"
    if shutil.which("crontab"):
        return "cron"
    raise UserError(
        "Found no scheduler of yours to install the reminder in (no systemd user session, no crontab).",
        hint="Add 'afterview remind --notify' to whatever runs your daily jobs.",
    )


def send_notification(message: str, *, platform: str = sys.platform) -> None:
    """Show ``message`` as a desktop notification titled "afterview"; UserError if it cannot be shown."""
    title = "afterview"
    if platform == "darwin":
        script = [
            "-e",
            "on run argv",
            "-e",
            "display notification (item 2 of argv) with title (item 1 of argv)",
        ]
        argv = [*COMMANDS["osascript"], *script, "-e", "end run", title, message]
    elif platform == "win32":
        argv = [*COMMANDS["powershell"], "-NoProfile", "-NonInteractive", "-Command", _TOAST]
    else:
        argv = [*COMMANDS["notify-send"], "--app-name=afterview", title, message]
    if shutil.which(argv[0]) is None:
        extra = (
            " (libnotify: apt install libnotify-bin, dnf install libnotify)"
            if argv[0] == "notify-send"
            else ""
        )
        raise UserError(f"No notification was shown: {argv[0]} is not installed{extra}.")
    env = {**os.environ, "AFTERVIEW_TOAST_TITLE": title, "AFTERVIEW_TOAST_TEXT": message}
    _run(argv, what="send the notification", env=env, quiet=True)


_TOAST = """
[Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications, ContentType = WindowsRuntime] | Out-Null
$kind = [Windows.UI.Notifications.ToastTemplateType]::ToastText02
$xml = [Windows.UI.Notifications.ToastNotificationManager]::GetTemplateContent($kind)
$text = $xml.GetElementsByTagName('text')
$text.Item(0).AppendChild($xml.CreateTextNode($env:AFTERVIEW_TOAST_TITLE)) | Out-Null
$text.Item(1).AppendChild($xml.CreateTextNode($env:AFTERVIEW_TOAST_TEXT)) | Out-Null
$app = '{1AC14E77-02E7-4E5D-B744-2EB1AE5198B7}\\WindowsPowerShell\\v1.0\\powershell.exe'
[Windows.UI.Notifications.ToastNotificationManager]::CreateToastNotifier($app).Show(
    [Windows.UI.Notifications.ToastNotification]::new($xml))
"""  # noqa: E501  (PowerShell's type literal is one line)
"""A toast through the Windows Runtime API, with PowerShell's own app id; the text comes in through the
environment, so nothing in it is ever read as PowerShell."""


def job() -> tuple[list[str], dict[str, str]]:
    """What the scheduler runs: this Python with ``-m afterview remind --notify``, and the environment it
    needs (the same ``AFTERVIEW_HOME``, so it reads the same store)."""
    environment = {}
    home = os.environ.get(paths.HOME_VARIABLE)
    if home:
        environment[paths.HOME_VARIABLE] = str(Path(home).expanduser().absolute())
    return [sys.executable, "-m", "afterview", "remind", "--notify"], environment


def set_up(scheduler: str) -> None:
    """Install the daily reminder in ``scheduler`` and print exactly what was written and run."""
    command, environment = job()
    store = _store()
    if scheduler == "systemd":
        folder = _systemd_dir()
        units = [folder / f"{scheduler_jobs.NAME}.{kind}" for kind in ("service", "timer")]
        _check_ours(units, store=store)  # both, before either is written
        _write(units[0], scheduler_jobs.systemd_service(command, environment, store=store), store=store)
        _write(units[1], scheduler_jobs.systemd_timer(store=store), store=store)
        _run([*COMMANDS["systemctl"], "daemon-reload"], what="reload systemd")
        _run(
            [*COMMANDS["systemctl"], "enable", "--now", f"{scheduler_jobs.NAME}.timer"],
            what="start the timer",
        )
    elif scheduler == "cron":
        if sys.platform.startswith("linux"):  # cron gives a job no session bus to notify through
            environment["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path=/run/user/{os.getuid()}/bus"
        lines = scheduler_jobs.cron_job(command, environment, store=store)
        _write_crontab(scheduler_jobs.with_cron_job(_read_crontab(), lines, store=store))
        typer.echo(f"Added to your crontab:\n{lines.rstrip()}")
    elif scheduler == "launchd":
        plist = _launch_agents() / f"{scheduler_jobs.LAUNCHD_LABEL}.plist"
        _write(
            plist,
            scheduler_jobs.launchd_plist(command, environment, store=store).decode("utf-8"),
            store=store,
        )
        _run([*COMMANDS["launchctl"], "bootstrap", f"gui/{os.getuid()}", str(plist)], what="load the agent")
    else:
        create = scheduler_jobs.schtasks_create(
            command[0], command[3:], environment
        )  # no -m: the bootstrap's
        _run([*COMMANDS["schtasks"], *create], what="create the task")
    typer.echo("Every morning at 09:00 it runs: afterview remind --notify (silent when nothing is due).")


def take_down(scheduler: str) -> None:
    """Remove exactly what :func:`set_up` installed in ``scheduler``, saying what was removed."""
    store = _store()
    if scheduler == "systemd":
        folder = _systemd_dir()
        units = [folder / f"{scheduler_jobs.NAME}.{kind}" for kind in ("timer", "service")]
        _check_ours(units, store=store)  # a unit afterview did not write is never stopped
        if units[0].exists():
            _run(
                [*COMMANDS["systemctl"], "disable", "--now", units[0].name],
                what="stop the timer",
                check=False,
            )
        removed = [_remove(unit, store=store) for unit in units]
        if any(removed):
            _run([*COMMANDS["systemctl"], "daemon-reload"], what="reload systemd", check=False)
    elif scheduler == "cron":
        current = _read_crontab()
        kept = scheduler_jobs.without_cron_job(current, store=store)
        if kept == current:
            typer.echo("Your crontab has no line of afterview's; nothing to remove.")
            return
        _write_crontab(kept)
        removed_lines = [line for line in current.splitlines() if line not in kept.splitlines()]
        typer.echo("Removed from your crontab:\n" + "\n".join(removed_lines))
    elif scheduler == "launchd":
        plist = _launch_agents() / f"{scheduler_jobs.LAUNCHD_LABEL}.plist"
        _check_ours([plist], store=store)
        if plist.exists():
            target = f"gui/{os.getuid()}/{scheduler_jobs.LAUNCHD_LABEL}"
            _run([*COMMANDS["launchctl"], "bootout", target], what="unload the agent", check=False)
        _remove(plist, store=store)
    else:
        shown = _run(
            [*COMMANDS["schtasks"], *scheduler_jobs.schtasks_query()], what="find the task", quiet=True
        )
        if not scheduler_jobs.task_written_by_afterview(shown.stdout):
            raise UserError(f"The task {scheduler_jobs.NAME} was not created by afterview; it stays.")
        _run([*COMMANDS["schtasks"], *scheduler_jobs.schtasks_delete()], what="remove the task")


def _systemd_dir() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME", "")
    base = Path(config) if config and Path(config).is_absolute() else Path.home() / ".config"
    return base / "systemd" / "user"


def _launch_agents() -> Path:
    return Path.home() / "Library" / "LaunchAgents"


def _store() -> str:
    """The store the reminder is for, as its marker names it."""
    return str(paths.store_path().absolute())


def _check_ours(files: Sequence[Path], *, store: str) -> None:
    """UserError, before anything runs or changes, when one of ``files`` is not afterview's for ``store``."""
    for path in files:
        if path.exists() and not _ours(path, store=store):
            other = scheduler_jobs.written_by_afterview(path.read_text(encoding="utf-8", errors="replace"))
            whose = (
                "holds the reminder of another afterview store" if other else "was not written by afterview"
            )
            raise UserError(f"{path} {whose}; nothing was changed.")


def _write(path: Path, text: str, *, store: str) -> None:
    """Write one of afterview's scheduler files (never one it did not write) and show it."""
    from afterview.store import foreign

    _check_ours([path], store=store)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        foreign.write(path, text.encode("utf-8"))
    except OSError as error:
        raise UserError(f"Could not write {path}: {error.strerror or error}.") from None
    typer.echo(f"Wrote {path}:\n{text.rstrip()}\n")


def _remove(path: Path, *, store: str) -> bool:
    if not path.exists():
        typer.echo(f"No {path}; nothing to remove.")
        return False
    _check_ours([path], store=store)
    path.unlink()
    typer.echo(f"Removed {path}")
    return True


def _ours(path: Path, *, store: str) -> bool:
    """Whether afterview wrote ``path`` for ``store``: its exact marker line."""
    data = path.read_bytes()
    if path.suffix == ".plist":
        return scheduler_jobs.plist_written_for(data, store=store)
    return scheduler_jobs.written_for(data.decode("utf-8", errors="replace"), store=store)


def _read_crontab() -> str:
    """The user's crontab (empty when they have none)."""
    result = _run([*COMMANDS["crontab"], "-l"], what="read your crontab", check=False, quiet=True)
    if result.returncode != 0:
        if "no crontab" in result.stderr.lower():
            return ""
        raise UserError(f"Could not read your crontab: {result.stderr.strip() or result.returncode}.")
    return result.stdout


def _write_crontab(text: str) -> None:
    _run([*COMMANDS["crontab"], "-"], what="write your crontab", stdin=text, quiet=True)


def _run(
    argv: Sequence[str],
    *,
    what: str,
    check: bool = True,
    quiet: bool = False,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    runner: Callable[..., subprocess.CompletedProcess[str]] = subprocess.run,
) -> subprocess.CompletedProcess[str]:
    """Run one of the scheduler's or notifier's programs; say so unless ``quiet``; UserError on failure when
    ``check``."""
    try:
        result = runner(
            list(argv), input=stdin, capture_output=True, text=True, env=env, check=False, timeout=60,
            encoding="utf-8", errors="surrogateescape",  # a crontab in another encoding: its bytes kept
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError) as error:
        raise UserError(f"Could not {what}: {argv[0]} did not run ({error}).") from None
    if not quiet:
        typer.echo(f"Ran: {subprocess.list2cmdline(list(argv)) if sys.platform == 'win32' else _shown(argv)}")
    if check and result.returncode != 0:
        detail = (result.stderr or result.stdout).strip() or f"exit status {result.returncode}"
        raise UserError(f"Could not {what}: {detail}.", hint="Nothing else was changed.")
    return result


def _shown(argv: Sequence[str]) -> str:
    import shlex

    return shlex.join(argv)
