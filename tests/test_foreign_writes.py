"""Files afterview writes besides the store (the live calendar, exports): never one afterview keeps, never
through a link it did not check, never over a device or FIFO (issue 27, item 1)."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from afterview.store import foreign
from tests.helpers import Result

Cli = Callable[..., Result]
posix_only = pytest.mark.skipif(os.name != "posix", reason="links, FIFOs and owners as POSIX has them")
needs_root = pytest.mark.skipif(
    os.name != "posix" or os.geteuid() != 0, reason="needs root, to give a link to another user (chown)"
)


def companies(cli: Cli, store_file: Path) -> list[str]:
    """The companies in the store (which must still be a store afterview reads)."""
    assert json.loads(store_file.read_bytes())["format"] == "afterview"
    result = cli("list", "--json")
    assert result.code == 0, result.err
    return [interview["company"] for interview in result.json()]


@pytest.fixture
def calendar(cli: Cli, tmp_path: Path, store_file: Path) -> Path:
    """A live calendar turned on at an ordinary file, after a first interview (so backups and the index
    exist)."""
    path = tmp_path / "cal" / "afterview.ics"
    path.parent.mkdir()
    assert cli("calendar", "--file", str(path)).code == 0
    assert cli("log", "--company", "First", "--role", "SRE", "--no-input").code == 0
    assert cli("log", "--company", "Second", "--role", "SRE", "--no-input").code == 0
    assert path.read_bytes().startswith(b"BEGIN:VCALENDAR")
    return path


def kept_files(home: Path, store_file: Path) -> dict[str, Path]:
    backups = sorted((home / "backups").iterdir())
    assert backups
    index = store_file.with_name(store_file.name + ".index")
    assert index.exists()
    return {"store": store_file, "backup": backups[-1], "index": index}


@pytest.mark.parametrize("which", ["store", "backup", "index"])
def test_calendar_file_at_a_file_afterview_keeps_is_refused_when_set(
    cli: Cli, calendar: Path, home: Path, store_file: Path, which: str
) -> None:
    target = kept_files(home, store_file)[which]
    before = target.read_bytes()
    result = cli("calendar", "--file", str(target))
    assert result.code == 1
    assert "afterview keeps" in result.err
    assert target.read_bytes() == before


@posix_only
@pytest.mark.parametrize("which", ["store", "backup", "index"])
@pytest.mark.parametrize("link", ["symlink", "hard link"])
def test_a_link_made_later_to_a_kept_file_is_refused_and_the_change_is_kept(
    cli: Cli, calendar: Path, home: Path, store_file: Path, which: str, link: str
) -> None:
    """The issue's must-show: the calendar's path becomes a link to the store, a backup or the index after
    it was set; the next save keeps its change and warns, and the kept file never holds the calendar."""
    target = kept_files(home, store_file)[which]
    calendar.unlink()
    if link == "symlink":
        calendar.symlink_to(target)
    else:
        os.link(target, calendar)
    before = target.read_bytes()
    result = cli("log", "--company", "Third", "--role", "SRE", "--no-input")
    assert result.code == 0, result.err
    assert companies(cli, store_file) == ["First", "Second", "Third"]
    if link == "hard link" and which == "index":
        # the save replaced the index with a new file first, so the old name left at the calendar's path is
        # no longer afterview's: the calendar is written around it. (The old store file lives on as the
        # newest backup, under a second name: still afterview's, so refused below.)
        assert result.err == ""
        assert calendar.read_bytes().startswith(b"BEGIN:VCALENDAR")
    else:
        assert "live calendar" in result.err
        assert "afterview keeps" in result.err
    if which == "backup":  # the store and the index are afterview's own to rewrite on a save
        assert target.read_bytes() == before
    if which == "store" and link == "hard link":  # the old store is this save's backup, and stays whole
        newest = sorted((home / "backups").iterdir())[-1]
        assert newest.samefile(calendar)
        assert calendar.read_bytes() == before
    assert not target.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert cli("doctor").code in (0, 3)  # doctor runs; the store itself stays healthy:
    assert "corrupt" not in cli("doctor").out.lower()


@posix_only
def test_a_fifo_is_never_replaced_and_the_save_does_not_wait_on_it(
    cli: Cli, calendar: Path, store_file: Path
) -> None:
    calendar.unlink()
    os.mkfifo(calendar)
    result = cli("log", "--company", "Third", "--role", "SRE", "--no-input")
    assert result.code == 0, result.err
    assert "FIFO" in result.err
    assert stat.S_ISFIFO(calendar.lstat().st_mode)
    assert companies(cli, store_file) == ["First", "Second", "Third"]


@posix_only
def test_a_device_is_never_replaced(tmp_path: Path) -> None:
    with pytest.raises(foreign.Refused, match="device"):
        foreign.write(Path("/dev/null"), b"x")
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)
    foreign.write(Path("/dev/null"), b"x", into_special=True)  # an export to /dev/null, as a shell's >
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


@posix_only
def test_a_link_of_the_users_own_outside_shared_folders_is_followed(tmp_path: Path) -> None:
    real = tmp_path / "real.ics"
    real.write_bytes(b"old")
    link = tmp_path / "link.ics"
    link.symlink_to(real)
    assert foreign.write(link, b"new") == real
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


@posix_only
def test_a_link_in_a_sticky_world_writable_folder_is_not_followed(tmp_path: Path) -> None:
    """Even the user's own link there: another user could have planted or swapped it."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    victim = tmp_path / "bashrc"
    victim.write_bytes(b"export PATH\n")
    (shared / "afterview.ics").symlink_to(victim)
    with pytest.raises(foreign.Refused, match="anyone may write to"):
        foreign.write(shared / "afterview.ics", b"BEGIN:VCALENDAR")
    assert victim.read_bytes() == b"export PATH\n"


@needs_root
def test_another_users_link_planted_at_the_calendar_path_is_refused(
    cli: Cli, tmp_path: Path, store_file: Path
) -> None:
    """The issue's attack: the calendar lives in a shared temporary folder; another user (nobody) plants a
    link there to the victim's .bashrc. The next save keeps its change and warns; the file is untouched."""
    import pwd

    nobody = pwd.getpwnam("nobody")
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    path = shared / "afterview.ics"
    assert cli("calendar", "--file", str(path)).code == 0
    victim = tmp_path / "bashrc"
    victim.write_bytes(b"export PATH\n")
    path.unlink()
    path.symlink_to(victim)
    os.lchown(path, nobody.pw_uid, nobody.pw_gid)
    result = cli("log", "--company", "Acme", "--role", "SRE", "--no-input")
    assert result.code == 0, result.err
    assert "live calendar" in result.err
    assert victim.read_bytes() == b"export PATH\n"
    assert path.is_symlink()
    assert companies(cli, store_file) == ["Acme"]


@needs_root
def test_a_link_of_another_user_is_not_followed_anywhere(tmp_path: Path) -> None:
    import pwd

    nobody = pwd.getpwnam("nobody")
    victim = tmp_path / "victim"
    victim.write_bytes(b"mine")
    link = tmp_path / "link"
    link.symlink_to(victim)
    os.lchown(link, nobody.pw_uid, nobody.pw_gid)
    with pytest.raises(foreign.Refused, match="another user"):
        foreign.write(link, b"theirs")
    assert victim.read_bytes() == b"mine"


@posix_only
def test_the_kept_files_are_refused_through_any_path(home: Path, store_file: Path, tmp_path: Path) -> None:
    home.mkdir()
    store_file.write_bytes(b"{}")
    (home / "config" / "templates").mkdir(parents=True)
    template = home / "config" / "templates" / "thank-you.txt"
    template.write_text("Hello", encoding="utf-8")
    for path in (
        store_file,
        home / "afterview.json.lock",
        home / ".afterview.json.000000000001.tmp",
        home / "backups" / "new.json",
        template,
        home / "cache" / "holidays.json",
        home / "config" / ".." / "afterview.json",
    ):
        assert foreign.problem(path) is not None, path
    assert foreign.problem(home / "calendar.ics") is None  # beside the store, but not one of its names
    (tmp_path / "elsewhere").symlink_to(home)
    assert "afterview keeps" in (foreign.problem(tmp_path / "elsewhere" / "afterview.json") or "")


@posix_only
def test_export_to_the_store_is_refused(cli: Cli, store_file: Path) -> None:
    assert cli("log", "--company", "Acme", "--role", "SRE", "--no-input").code == 0
    before = store_file.read_bytes()
    result = cli("export", "md", "-o", str(store_file))
    assert result.code == 1
    assert "afterview keeps" in result.err
    assert store_file.read_bytes() == before
