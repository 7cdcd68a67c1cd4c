"""The edges of the store protocol (issue 16): nothing a person typed is lost, hidden or handed to someone
else when the clock goes back, the disk fills while an editor is open, two afterviews edit at once, an export
lands somewhere odd, the data directory is shared, the store's link dangles or is not writable, or the store
is edited in place behind the index's back."""

from __future__ import annotations

import datetime as dt
import errno
import io
import json
import os
import shlex
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterview.store import files, index
from afterview.store.recovery import choose_backup, list_backups
from afterview.store.storefile import Store, backup_revision
from tests.helpers import Result, afterview_command, stored_companies

Cli = Callable[..., Result]
Log = Callable[..., dict[str, Any]]
Spawn = Callable[..., subprocess.CompletedProcess[str]]
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files and permissions")


class Clock:
    """A clock the test sets, backwards if it likes."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


# 1. The clock goes backwards


def test_backups_are_ordered_and_pruned_by_revision_when_the_clock_goes_back(store_file: Path) -> None:
    clock = Clock(dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC))
    store = Store(store_file, clock=clock, keep_backups=20)
    for minute in range(22):  # 22 writes at 10:xx
        clock.now = clock.now.replace(minute=minute)
        with store.transaction() as document:
            document.next_id += 1
    versions = {}
    for minute in range(3):  # then the clock is set back an hour: three writes at 09:xx
        clock.now = clock.now.replace(hour=9, minute=minute)
        before = store_file.read_bytes()
        with store.transaction() as document:
            document.next_id += 1
        versions[document.revision - 1] = before
    revisions = [backup_revision(path) for path in store.backups()]
    assert revisions == list(range(5, 25))  # the 20 newest revisions, oldest first
    for revision, data in versions.items():  # every 09:xx backup is kept, byte for byte
        kept = next(path for path in store.backups() if backup_revision(path) == revision)
        assert kept.read_bytes() == data
    assert list_backups(store)[0].revision == 24
    assert backup_revision(choose_backup(store, "1")) == 24  # `restore 1` is the newest revision


def test_the_backup_just_written_is_never_pruned(store_file: Path) -> None:
    clock = Clock(dt.datetime(2026, 11, 27, 10, tzinfo=dt.UTC))
    store = Store(store_file, clock=clock, keep_backups=1)
    for hour in (10, 11, 3):
        clock.now = clock.now.replace(hour=hour)
        with store.transaction() as document:
            document.next_id += 1
    assert [backup_revision(path) for path in store.backups()] == [2]


def test_restore_1_from_a_real_process_takes_the_highest_revision(
    process: Spawn, log: Log, store_file: Path, home: Path
) -> None:
    for company in ("A", "B", "C"):
        log(company=company)
    earlier = {"AFTERVIEW_NOW": "2026-11-27T09:00:00+01:00"}  # an hour before the fixed clock
    assert process("rm", "3", "--yes", env=earlier).returncode == 0
    assert process("restore", "1", env=earlier).returncode == 0
    assert stored_companies(json.loads(store_file.read_bytes())) == ["A", "B", "C"]


# 2 and 11. The disk fills while an editor is open


@pytest.fixture
def full_data_disk(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Once the returned flag file exists (the editor makes it), every write under AFTERVIEW_HOME fails with
    ENOSPC; the temp directory, where the editor's file is, still has room."""
    flag = tmp_path / "disk-is-full"
    spare = tmp_path / "tmp"  # the system's temp directory, for the editor and for what is kept
    spare.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spare))
    real_open, real_write = os.open, os.write
    under_home: set[int] = set()

    def fake_open(path: Any, flags: int, mode: int = 0o777, **kwargs: Any) -> int:
        fd = real_open(path, flags, mode, **kwargs)
        if str(Path(path).absolute()).startswith(str(home)):
            under_home.add(fd)
        else:
            under_home.discard(fd)
        return fd

    def fake_write(fd: int, data: Any) -> int:
        if fd in under_home and flag.exists():
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "write", fake_write)
    return flag


def scripted_editor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, *, then_touch: Path | None = None
) -> None:
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys\npath = sys.argv[1]\ntext = open(path, encoding='utf-8').read()\n"
        + textwrap.dedent(body)
        + "\nopen(path, 'w', encoding='utf-8').write(text)\n"
        + (f"open({str(then_touch)!r}, 'w').close()\n" if then_touch else "")
    )
    monkeypatch.setenv("EDITOR", f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}")


def kept_path(said: str) -> Path:
    """The file a message says the typed text is kept in."""
    words = said.replace("\n", " ").split()
    found = [w.rstrip(".,;") for w in words if "afterview-kept-" in w or "/edits/" in w or "/recovery/" in w]
    assert found, said
    return Path(found[-1])


@pytest.mark.parametrize(
    ("command", "body", "typed"),
    [
        (
            ("edit", "1"),
            "text = text.replace('role = \"Staff Engineer\"', 'role = \"Typed Role\"')",
            "Typed Role",
        ),
        (("remember", "1"), "text = text + '\\n## Notes\\nTyped while the disk filled\\n'", "Typed while"),
        (("templates", "edit", "thank-you"), "text = text + '\\nTyped PS\\n'", "Typed PS"),
    ],
    ids=["edit", "remember", "templates-edit"],
)
def test_what_was_typed_is_kept_where_there_is_room_when_the_disk_is_full(
    command: tuple[str, ...],
    body: str,
    typed: str,
    log: Log,
    cli: Cli,
    home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    full_data_disk: Path,
) -> None:
    log()
    scripted_editor(tmp_path, monkeypatch, body, then_touch=full_data_disk)
    before = (home / "afterview.json").read_bytes()
    result = cli(*command)
    said = result.out + result.err
    assert result.code != 0
    assert "unexpected problem" not in said
    assert "No space left on device" in said
    kept = kept_path(said)
    assert kept.parent.parent == tmp_path / "tmp"
    assert typed in kept.read_text(encoding="utf-8")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600 or sys.platform == "win32"
    assert (home / "afterview.json").read_bytes() == before
    # no empty recovery file left behind in the full data directory
    empty = [p for p in home.rglob("*") if p.is_file() and p.stat().st_size == 0 and p.suffix != ".lock"]
    assert empty == []


def test_the_disk_full_message_names_only_files_that_exist(
    log: Log, cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log()
    real_write = os.write
    real_open = os.open
    backups: set[int] = set()

    def fake_open(path: Any, flags: int, mode: int = 0o777, **kwargs: Any) -> int:
        fd = real_open(path, flags, mode, **kwargs)
        (backups.add if "backups" in str(path) else backups.discard)(fd)
        return fd

    def fake_write(fd: int, data: Any) -> int:
        if fd in backups:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    def no_link(*args: Any, **kwargs: Any) -> None:  # no hard links here: the backup is written as a copy
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "write", fake_write)
    monkeypatch.setattr(os, "link", no_link)
    result = cli("log", "--company", "Beta", "--role", "r", "--no-input")
    assert result.code == 1
    assert "No space left on device" in result.err
    assert f"the store {home / 'afterview.json'} is as it was" in " ".join(result.err.split())
    named = [Path(w.rstrip(".,;")) for w in result.err.split() if w.startswith("/")]
    assert named
    assert all(path.exists() for path in named), named


# 3. Interactive profile writes only what was changed


@pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pseudo-terminal")
def test_interactive_profile_keeps_a_field_another_afterview_changed_meanwhile(
    process: Spawn, cli: Cli, store_file: Path
) -> None:
    import pexpect

    assert cli("profile", "--name", "Sam Lee", "--email", "old@example.com", "--no-input").code == 0
    child = pexpect.spawn(
        afterview_command()[0],
        ["profile"],
        env={**os.environ, "COLUMNS": "120"},
        encoding="utf-8",
        timeout=30,
    )
    child.logfile_read = io.StringIO()
    child.expect_exact("Name")
    # while this one is asking, another afterview changes the email
    assert process("profile", "--email", "new@example.com", "--no-input").returncode == 0
    child.sendline("Samantha Lee")
    for prompt in ("Email", "Phone", "Signature"):
        child.expect_exact(prompt)
        child.sendline("")  # keep what is shown
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.logfile_read.getvalue()
    profile = json.loads(store_file.read_bytes())["profile"]
    assert profile["name"] == "Samantha Lee"
    assert profile["email"] == "new@example.com"


# 4. Two `templates edit` of the same template


def test_two_template_edits_at_once_keep_both(tmp_path: Path, home: Path, process: Spawn) -> None:
    script = tmp_path / "editor.py"
    script.write_text(
        textwrap.dedent(
            """\
            import os, sys, time
            path, tag, gate = sys.argv[1], os.environ["TAG"], os.environ.get("GATE")
            if gate:
                open(gate + ".open", "w").close()
                while not os.path.exists(gate):
                    time.sleep(0.05)
            open(path, "a", encoding="utf-8").write(f"\\n{tag} was here\\n")
            """
        )
    )
    editor = f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}"
    gate = tmp_path / "gate"
    first = subprocess.Popen(
        [*afterview_command(), "templates", "edit", "thank-you"],
        env={**os.environ, "VISUAL": editor, "TAG": "FIRST", "GATE": str(gate)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while not Path(f"{gate}.open").exists():
        assert time.monotonic() < deadline
        assert first.poll() is None
        time.sleep(0.05)
    second = process("templates", "edit", "thank-you", env={"VISUAL": editor, "TAG": "SECOND"})
    assert second.returncode == 0, second.stderr
    gate.touch()
    out, err = first.communicate(timeout=30)
    assert first.returncode == 1, out + err
    template = home / "config" / "templates" / "thank-you.txt"
    assert "SECOND was here" in template.read_text()
    assert "FIRST was here" not in template.read_text()
    (yours,) = template.parent.glob("thank-you.yours-*.txt")
    assert "FIRST was here" in yours.read_text()
    said = " ".join(err.split())
    assert "was saved by another afterview while you were editing it" in said
    assert str(yours) in said
    assert str(template) in said


# 5. export -o: an unguessable temp file, never a device replaced, no orphan left


def test_export_never_opens_a_temp_file_someone_else_made_first(
    log: Log, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log()
    target = tmp_path / "out" / "export.json"
    target.parent.mkdir()
    first_guess = int.from_bytes(b"\x00" * 8, "big") % 10**12
    planted = target.with_name(f".export.json.{first_guess:012d}.tmp")
    planted.write_text("someone else's")
    planted.chmod(0o666)
    random_bytes = iter([b"\x00" * 8, b"\x01" * 8])
    monkeypatch.setattr(os, "urandom", lambda n: next(random_bytes))
    assert cli("export", "json", "-o", str(target)).code == 0
    assert planted.read_text() == "someone else's"  # exclusive create: never written through
    assert json.loads(target.read_bytes())["format"] == "afterview-export"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 or sys.platform == "win32"


@posix_only
def test_export_to_dev_null_writes_into_it(log: Log, process: Spawn) -> None:
    log()
    result = process("export", "json", "-o", "/dev/null")
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)
    assert list(Path("/dev").glob(".null.*.tmp")) == []


@posix_only
def test_export_to_a_fifo_writes_into_it_and_refuses_a_socket(
    log: Log, process: Spawn, tmp_path: Path
) -> None:
    log()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    result = process("export", "csv", "-o", str(fifo))
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert b"Acme" in got[0]

    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        refused = process("export", "csv", "-o", str(path))
    finally:
        server.close()
    assert refused.returncode == 1
    assert "is a socket" in refused.stderr
    assert stat.S_ISSOCK(path.stat().st_mode)


@posix_only
def test_a_killed_export_leaves_no_temp_file_after_the_next_run(
    log: Log, process: Spawn, tmp_path: Path
) -> None:
    log()
    target = tmp_path / "export.json"
    killed = subprocess.run(  # a writer killed part way through its temp file, as SIGKILL leaves it
        [
            sys.executable,
            "-c",
            "import os, signal, sys; from pathlib import Path; from afterview.store import files\n"
            "fd, temp = files.create_temp(Path(sys.argv[1])); os.write(fd, b'half an exp')\n"
            "os.kill(os.getpid(), signal.SIGKILL)",
            str(target),
        ],
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL
    (orphan,) = tmp_path.glob(".export.json.*.tmp")
    old = time.time() - 60
    os.utime(orphan, (old, old))
    assert process("export", "json", "-o", str(target)).returncode == 0
    assert list(tmp_path.glob(".export.json.*.tmp")) == []
    assert json.loads(target.read_bytes())["interviews"]


@posix_only
def test_a_temp_file_still_being_written_is_not_taken_for_an_orphan(tmp_path: Path) -> None:
    import fcntl

    target = tmp_path / "export.json"
    fd, temp = files.create_temp(target)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        old = time.time() - 60
        os.utime(temp, (old, old))
        assert files.remove_orphans(target) == []
        assert temp.exists()
    finally:
        os.close(fd)
    assert files.remove_orphans(target) == [temp]


def test_the_new_temp_names_are_listed_by_doctor_and_removed_by_the_next_save(
    log: Log, cli: Cli, store_file: Path
) -> None:
    log()
    fd, temp = files.create_temp(store_file)
    os.close(fd)
    assert temp in Store(store_file, clock=lambda: dt.datetime.now(dt.UTC)).temp_files()
    assert str(temp) in cli("doctor").out
    log(company="Beta")
    assert not temp.exists()


# 6. A shared AFTERVIEW_HOME is left as it is


@posix_only
@pytest.mark.parametrize("shared_mode", [0o1777, 0o2775])
def test_a_shared_home_keeps_its_mode_and_is_warned_about(
    shared_mode: int, home: Path, process: Spawn, cli: Cli
) -> None:
    home.mkdir()
    home.chmod(shared_mode)
    result = process("log", "--company", "Acme", "--role", "r", "--no-input")
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(home.stat().st_mode) == shared_mode
    assert "is a shared directory" in result.stderr
    assert f"{shared_mode:04o}" in result.stderr
    second = process("log", "--company", "Beta", "--role", "r", "--no-input")
    assert stat.S_IMODE((home / "backups").stat().st_mode) == 0o700  # created by afterview: exactly 0700
    assert second.returncode == 0
    doctor = process("doctor")
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert "shared directory" in doctor.stdout
    assert stat.S_IMODE(home.stat().st_mode) == shared_mode
    assert stat.S_IMODE((home / "afterview.json").stat().st_mode) == 0o600


@posix_only
def test_directories_afterview_creates_are_0700_even_under_umask_000(home: Path, log: Log) -> None:
    previous = os.umask(0)
    try:
        log()
        log(company="Beta")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert stat.S_IMODE((home / "backups").stat().st_mode) == 0o700


# 7. A dangling store link is an error, never an empty store


@pytest.fixture
def unmounted(log: Log, home: Path, store_file: Path, tmp_path: Path) -> Path:
    """A store linked to a volume that was used, then unmounted (its folder gone); the missing target."""
    volume = tmp_path / "volume"
    volume.mkdir()
    home.mkdir()
    store_file.symlink_to(volume / "afterview.json")
    log()
    log(company="Beta")
    volume.rename(tmp_path / "volume-unmounted")
    return volume / "afterview.json"


@posix_only
@pytest.mark.parametrize(
    "command",
    [
        ("todo",),
        ("todo", "--json"),
        ("remind",),
        ("doctor",),
        ("list",),
        ("log", "--company", "C", "--role", "r", "--no-input"),
    ],
    ids=["todo", "todo-json", "remind", "doctor", "list", "log"],
)
def test_a_dangling_store_link_is_exit_3_naming_both_paths(
    command: tuple[str, ...], unmounted: Path, store_file: Path, process: Spawn
) -> None:
    result = process(*command)
    said = " ".join((result.stdout + result.stderr).split())
    assert result.returncode == 3, said
    assert str(store_file) in said
    assert str(unmounted) in said
    assert "Nothing to do" not in said
    assert not unmounted.parent.exists()


@posix_only
def test_log_does_not_create_a_store_at_an_empty_mount_point(
    unmounted: Path, store_file: Path, process: Spawn
) -> None:
    unmounted.parent.mkdir()  # the mount point is there, its volume is not
    result = process("log", "--company", "C", "--role", "r", "--no-input")
    assert result.returncode == 3
    assert list(unmounted.parent.iterdir()) == []


# 8. The index notices an in-place edit that puts the size and mtime back


@posix_only
def test_an_in_place_edit_that_restores_size_and_mtime_is_noticed(
    log: Log, store_file: Path, process: Spawn
) -> None:
    log(company="Acme")
    assert process("todo", "--json").returncode == 0  # the index is written and fresh
    before = store_file.stat()
    data = store_file.read_bytes()
    assert data.count(b'"Acme"') == 1
    with store_file.open("r+b") as file:  # same inode, same size
        file.seek(data.index(b'"Acme"'))
        file.write(b'"Zeta"')
    os.utime(store_file, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = store_file.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    )
    assert index.load(store_file) is None
    result = process("todo", "--json")
    assert result.returncode == 0
    assert {step["company"] for step in json.loads(result.stdout)} == {"Zeta"}


# 9. `edit` gives back untouched fields exactly


def test_edit_in_the_editor_keeps_what_the_user_did_not_touch(
    log: Log, cli: Cli, store_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log()
    raw = json.loads(store_file.read_bytes())
    interview = raw["interviews"][0]
    interview["notes"] = "line one\r\nline two\r\n"
    interview["custom"] = {"kept": None, "count": 2, "nested": {"gone": None}}
    interview["interviewers"] = [{"name": "Jo Park", "title": None, "email": None, "pronouns": "she/her",
                                  "extra": {"nothing": None}}]  # fmt: skip
    store_file.write_text(json.dumps(raw, indent=2))
    scripted_editor(
        tmp_path, monkeypatch, "text = text.replace('role = \"Staff Engineer\"', 'role = \"SRE\"')"
    )
    result = cli("edit", "1")
    assert result.code == 0, result.err
    document = json.loads(store_file.read_bytes())
    after = document["interviews"][0]
    assert document["processes"][0]["role"] == "SRE"  # the role is the hiring process's
    assert after["notes"] == "line one\r\nline two\r\n"
    assert after["custom"] == {"kept": None, "count": 2, "nested": {"gone": None}}
    assert after["interviewers"][0]["pronouns"] == "she/her"
    assert after["interviewers"][0]["extra"] == {"nothing": None}
    assert {key: after["interviewers"][0][key] for key in interview["interviewers"][0]} == (
        interview["interviewers"][0]
    )
    changed = {key for key in interview if interview[key] != after.get(key)}
    assert changed <= {"role", "updated_at", "steps", "step_seq", "interviewers"}


def test_edit_keeps_an_untouched_crlf_but_refuses_a_typed_control_character(
    log: Log, cli: Cli, store_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text rules (issue 15) check what the file holds as typed; CRLF kept from the store (issue 16) was
    not typed."""
    log()
    raw = json.loads(store_file.read_bytes())
    raw["interviews"][0]["notes"] = "line one\r\nline two\r\n"
    store_file.write_text(json.dumps(raw, indent=2))
    before = store_file.read_bytes()
    typed = "text = text.replace('role = \"Staff Engineer\"', 'role = \"SRE\\\\u001b[2J\"')"
    scripted_editor(tmp_path, monkeypatch, typed)
    result = cli("edit", "1")
    assert result.code == 1
    assert "field role: control character U+001B (ESC)" in result.err
    assert store_file.read_bytes() == before


# 10. A store that may not be written


@pytest.fixture
def linked(home: Path, store_file: Path, tmp_path: Path, log: Log) -> Path:
    """A store linked to a file in another folder; the target."""
    target = tmp_path / "elsewhere" / "afterview.json"
    target.parent.mkdir()
    home.mkdir()
    store_file.symlink_to(target)
    log()
    return target


def test_a_lock_that_cannot_be_created_is_a_clear_store_error(
    linked: Path, cli: Cli, store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from afterview.store import lock

    def denied(*args: Any, **kwargs: Any) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(linked) + ".lock")

    monkeypatch.setattr(lock, "held", denied)
    result = cli("log", "--company", "Beta", "--role", "r", "--no-input")
    said = " ".join(result.err.split())
    assert result.code == 3
    assert "unexpected problem" not in said
    assert str(store_file) in said
    assert str(linked) in said
    assert f"you may not write {linked}.lock" in said
    assert "chmod u+w" in said
    listed = cli("list", "--json")  # reading still works
    assert listed.code == 0
    assert [i["company"] for i in listed.json()] == ["Acme"]


def test_a_store_file_that_may_not_be_written_is_a_clear_store_error(
    linked: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, m, **k: m != os.W_OK and real_access(p, m, **k))
    before = linked.read_bytes()
    result = cli("log", "--company", "Beta", "--role", "r", "--no-input")
    assert result.code == 3
    assert f"you may not write {linked}" in " ".join(result.err.split())
    assert linked.read_bytes() == before
    doctor = cli("doctor")
    assert doctor.code == 3
    assert "you may not write it" in doctor.out


@posix_only
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_folder_behind_the_link_is_a_clear_error(linked: Path, process: Spawn) -> None:
    linked.parent.chmod(0o500)
    try:
        result = process("log", "--company", "Beta", "--role", "r", "--no-input")
    finally:
        linked.parent.chmod(0o700)
    assert result.returncode == 3
    assert "unexpected problem" not in result.stderr
    assert str(linked) in " ".join(result.stderr.split())
