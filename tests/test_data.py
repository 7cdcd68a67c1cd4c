"""``afterview edit``, ``rm`` and the ``list`` filters: fixing, removing and finding records."""

from __future__ import annotations

import json
import os
import shlex
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterview.errors import UserError
from afterview.formats import editable
from tests.helpers import Result


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    """Install a scripted editor: Python code run with ``path`` (the file) and ``text`` (its content).

    Each run appends what it saw to ``runs.jsonl`` (the text, the file's and directory's modes).
    """

    def install(body: str) -> Path:
        log = tmp_path / "runs.jsonl"
        script = tmp_path / "editor.py"
        script.write_text(
            "import json, os, sys\n"
            "path = sys.argv[1]\n"
            "text = open(path, encoding='utf-8').read()\n"
            f"with open({str(log)!r}, 'a') as log:\n"
            "    log.write(json.dumps({'text': text, 'mode': oct(os.stat(path).st_mode & 0o777),\n"
            "        'dir': oct(os.stat(os.path.dirname(path)).st_mode & 0o777), 'path': path}) + '\\n')\n"
            + textwrap.dedent(body)
            + "\nopen(path, 'w', encoding='utf-8').write(text)\n"
        )
        monkeypatch.setenv("EDITOR", f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}")
        return log

    return install


def runs(log: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in log.read_text().splitlines()]


def stored(cli: Callable[..., Result], interview_id: int = 1) -> dict[str, Any]:
    """The interview as stored, with its process's company and role beside its own fields."""
    export = cli("export", "json").json()
    data: dict[str, Any] = next(i for i in export["interviews"] if i["id"] == interview_id)
    process = next(p for p in export["processes"] if p["id"] == data["process_id"])
    return {**data, "company": process["company"], "role": process["role"]}


@pytest.fixture
def one(log: Callable[..., dict[str, Any]]) -> dict[str, Any]:
    return log(
        "--interviewer", "Jane Doe, CTO <jane@acme.com>", "--note", "line one\nline two",
        "--stage", "onsite", "--decision-by", "2026-12-04", role="Engineer",
    )  # fmt: skip


def test_edit_in_a_scripted_editor_changes_the_role_and_nothing_else(
    cli: Callable[..., Result], one: dict[str, Any], editor: Callable[[str], Path]
) -> None:
    log = editor("text = text.replace('role = \"Engineer\"', 'role = \"Staff Engineer\"')")
    before = stored(cli)
    result = cli("edit", "1")
    assert result.code == 0, result.err
    assert "Updated interview 1: role; its steps are planned again." in result.out
    after = stored(cli)
    assert after["role"] == "Staff Engineer"
    changed = {key for key in before if before[key] != after[key]}
    assert changed - {"updated_at"} == {"role"}
    (run,) = runs(log)
    if sys.platform != "win32":
        assert (run["mode"], run["dir"]) == ("0o600", "0o700")
    assert not Path(run["path"]).exists()
    assert not Path(run["path"]).parent.exists()


def test_an_invalid_edit_is_reopened_with_the_reason_and_nothing_typed_is_lost(
    cli: Callable[..., Result], one: dict[str, Any], editor: Callable[[str], Path]
) -> None:
    log = editor(
        """
        if "could not save" in text:
            text = text.replace('stage = "lunch"', 'stage = "final"')
        else:
            text = text.replace('stage = "onsite"', 'stage = "lunch"').replace('"Acme"', '"Acme Corp"')
        """
    )
    result = cli("edit", "1")
    assert result.code == 0, result.err
    _, second = runs(log)
    assert "# afterview could not save this: stage" in second["text"]
    assert 'company = "Acme Corp"' in second["text"]
    after = stored(cli)
    assert (after["company"], after["stage"]) == ("Acme Corp", "final")


def test_giving_up_after_an_error_keeps_the_text_and_changes_nothing(
    cli: Callable[..., Result], one: dict[str, Any], editor: Callable[[str], Path], home: Path
) -> None:
    editor(
        """
        if "could not save" not in text:
            text = text.replace('role = "Engineer"', 'role = "Typed with care"\\nat = "yesterday"')
        """
    )
    before = stored(cli)
    result = cli("edit", "1")
    assert result.code == 1
    assert "Not saved" in result.err
    assert stored(cli) == before
    (kept,) = (home / "edits").iterdir()
    assert "Typed with care" in kept.read_text()


def test_an_empty_file_cancels(
    cli: Callable[..., Result], one: dict[str, Any], editor: Callable[[str], Path]
) -> None:
    editor("text = ''")
    before = stored(cli)
    result = cli("edit", "1")
    assert result.code == 0
    assert "nothing was changed" in result.out
    assert stored(cli) == before


def test_a_change_saved_meanwhile_is_merged(
    cli: Callable[..., Result],
    one: dict[str, Any],
    editor: Callable[[str], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No lock is held while editing: another afterview saves the location; the edit saves the role."""
    from tests.helpers import afterview_command

    command = [*afterview_command(), "edit", "1", "--location", "Room 4"]
    editor(
        f"""
        import subprocess
        assert subprocess.run({command!r}).returncode == 0
        text = text.replace('role = "Engineer"', 'role = "Staff Engineer"')
        """
    )
    result = cli("edit", "1")
    assert result.code == 0, result.err
    after = stored(cli)
    assert (after["role"], after["location"]) == ("Staff Engineer", "Room 4")


def test_a_conflicting_change_keeps_both_versions(
    cli: Callable[..., Result], one: dict[str, Any], editor: Callable[[str], Path], home: Path
) -> None:
    from tests.helpers import afterview_command

    command = [*afterview_command(), "edit", "1", "--role", "Theirs"]
    editor(
        f"""
        import subprocess
        assert subprocess.run({command!r}).returncode == 0
        text = text.replace('role = "Engineer"', 'role = "Mine"').replace('"onsite"', '"final"', 1)
        """
    )
    result = cli("edit", "1")
    assert result.code == 1
    assert "kept the other version of: role" in result.err
    after = stored(cli)
    assert (after["role"], after["stage"]) == ("Theirs", "final")
    (kept,) = (home / "edits").iterdir()
    assert 'role = "Mine"' in kept.read_text()


def test_fixed_fields_cannot_be_edited(one: dict[str, Any], cli: Callable[..., Result]) -> None:
    from afterview.actions import session

    interview = session.open_store().read().interviews[0]
    text = editable.to_toml(interview)
    with pytest.raises(UserError, match="id cannot be edited"):
        editable.from_toml("id = 5\n" + text, base=interview, now=interview.at)
    with pytest.raises(UserError, match="not valid TOML"):
        editable.from_toml(text + "\nrole = \n", base=interview, now=interview.at)
    assert editable.from_toml(text, base=interview, now=interview.updated_at) == interview


def test_a_file_an_editor_saved_with_a_bom_is_read(one: dict[str, Any], cli: Callable[..., Result]) -> None:
    """Notepad and others write U+FEFF first; it is not TOML, and it is dropped."""
    from afterview.actions import session

    interview = session.open_store().read().interviews[0]
    text = editable.to_toml(interview)
    assert editable.from_toml("\ufeff" + text, base=interview, now=interview.updated_at) == interview


def test_a_template_saved_with_a_bom_drafts_as_without(cli: Callable[..., Result]) -> None:
    from afterview.cli import templates

    path = templates.user_path("nudge")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xef\xbb\xbf" + templates.builtin("nudge").text.encode("utf-8"))
    assert templates.load("nudge").text == templates.builtin("nudge").text


def test_editor_that_cannot_start_is_a_clear_error(
    cli: Callable[..., Result], one: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", "/no/such/editor --wait")
    result = cli("edit", "1")
    assert result.code == 1
    assert "The editor '/no/such/editor' (from $EDITOR) was not found" in result.err
    assert "Traceback" not in result.err


def test_field_flags_change_one_field_and_replan_steps(
    cli: Callable[..., Result], one: dict[str, Any]
) -> None:
    before = stored(cli)
    result = cli("edit", "1", "--role", "Staff Engineer")
    assert result.code == 0, result.err
    assert "Updated interview 1: role." in result.out
    after = stored(cli)
    assert {key for key in before if before[key] != after[key]} - {"updated_at"} == {"role"}
    follow_up = next(s for s in before["steps"] if s["kind"] == "follow-up")
    assert cli("edit", "1", "--decision-by", "2026-12-11").code == 0
    moved = next(s for s in stored(cli)["steps"] if s["kind"] == "follow-up")
    assert (moved["id"], moved["due"]) == (follow_up["id"], "2026-12-15")
    assert cli("edit", "1", "--notes", "").code == 0
    assert stored(cli)["notes"] is None


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--stage", "lunch", "not a stage"),
        ("--at", "someday", "Cannot read"),
        ("--role", " ", "cannot be empty"),
    ],
)
def test_bad_field_flags_change_nothing(
    cli: Callable[..., Result], one: dict[str, Any], flag: str, value: str, message: str
) -> None:
    before = stored(cli)
    result = cli("edit", "1", flag, value)
    assert result.code == 1
    assert message in result.err
    assert stored(cli) == before


def test_edit_unknown_id(cli: Callable[..., Result]) -> None:
    result = cli("edit", "9", "--role", "x")
    assert result.code == 1
    assert "There is no interview 9" in result.err


# rm ----------------------------------------------------------------------------------------------------


def test_rm_asks_first_and_refuses_without_a_terminal(
    cli: Callable[..., Result], one: dict[str, Any], store_file: Path
) -> None:
    before = store_file.read_bytes()
    result = cli("rm", "1")
    assert result.code == 1
    assert "Add --yes" in result.err
    assert store_file.read_bytes() == before


def test_rm_removes_and_the_backup_brings_it_back(
    cli: Callable[..., Result], one: dict[str, Any], log: Callable[..., dict[str, Any]]
) -> None:
    log(company="Globex")
    original = stored(cli)
    result = cli("rm", "1", "--yes")
    assert result.code == 0, result.err
    assert "Removed interview 1 (Acme · Engineer" in result.out
    assert [i["id"] for i in cli("list", "--json").json()] == [2]
    backup = result.err.split("afterview import ", 1)[1].split(" --only")[0].strip()
    assert cli("log", "--company", "New", "--role", "R", "--no-input", "--json").json()["id"] == 3
    restored = cli("import", backup, "--only", "1")
    assert restored.code == 0, restored.err
    assert stored(cli) == original
    assert sorted(i["id"] for i in cli("list", "--json").json()) == [1, 2, 3]


def test_rm_unknown_id(
    cli: Callable[..., Result], log: Callable[..., dict[str, Any]], store_file: Path, home: Path
) -> None:
    """``rm`` of an id that is not there exits 1 and leaves the store and each backup byte for byte."""
    log()
    log(company="Globex")  # a second write, so there is a backup

    def saved() -> dict[str, bytes]:
        backups = {f"backups/{p.name}": p.read_bytes() for p in (home / "backups").iterdir()}
        return {store_file.name: store_file.read_bytes(), **backups}

    before = saved()
    assert any(name.startswith("backups/") for name in before)
    result = cli("rm", "4", "--yes")
    assert result.code == 1
    assert "4" in result.err
    assert "Traceback" not in result.err
    assert saved() == before


def test_rm_asks_on_a_terminal(
    cli: Callable[..., Result], one: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    import typer

    monkeypatch.setattr("afterview.cli.inputs.interactive", lambda no_input: True)
    monkeypatch.setattr(typer, "confirm", lambda *a, **k: False)
    result = cli("rm", "1")
    assert result.code == 0
    assert "Kept it." in result.out
    assert stored(cli)["id"] == 1


# list filters ------------------------------------------------------------------------------------------


@pytest.fixture
def several(cli: Callable[..., Result], log: Callable[..., dict[str, Any]]) -> None:
    log("--at", "2026-11-02 10:00", company="Acme")
    log("--at", "2026-11-10 10:00", company="Globex")
    log("--at", "2026-11-20 10:00", company="Acme Labs")
    from afterview.actions import session
    from afterview.models.enums import Status
    from afterview.models.records import StatusChange

    with session.open_store().transaction() as document:
        document.interviews[1].process.history = [
            StatusChange(status=Status.REJECTED, on=document.interviews[1].at.date())
        ]


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        ((), [3, 2, 1]),
        (("--status", "rejected"), [2]),
        (("--status", "WAITING"), [3, 1]),
        (("--company", "acme"), [3, 1]),
        (("--since", "2026-11-10"), [3, 2]),
        (("--until", "2026-11-10"), [2, 1]),
        (("--since", "2026-11-03", "--until", "2026-11-19"), [2]),
        (("--company", "acme", "--since", "2026-11-03"), [3]),
    ],
)
def test_list_filters(
    cli: Callable[..., Result], several: None, args: tuple[str, ...], ids: list[int]
) -> None:
    result = cli("list", *args, "--json")
    assert result.code == 0, result.err
    assert [i["id"] for i in result.json()] == ids


def test_list_bad_filter(cli: Callable[..., Result], several: None) -> None:
    result = cli("list", "--status", "ghosted")
    assert result.code == 1
    assert "not a status" in result.err
    assert cli("list", "--since", "13/11/2026").code == 1


def test_private_editor_file_is_never_left_behind_on_error(
    cli: Callable[..., Result], one: dict[str, Any], editor: Callable[[str], Path]
) -> None:
    log = editor("raise SystemExit(3)")
    result = cli("edit", "1")
    assert result.code == 1
    assert "exited with status 3" in result.err
    (run,) = runs(log)
    assert not os.path.exists(run["path"])


def test_list_says_when_nothing_matches(cli: Callable[..., Result], several: None) -> None:
    result = cli("list", "--company", "initech")
    assert result.code == 0
    assert "None of your 3 interviews match." in result.out


def test_saving_without_a_change_says_so(
    cli: Callable[..., Result], one: dict[str, Any], editor: Callable[[str], Path], store_file: Path
) -> None:
    editor("")
    before = store_file.read_bytes()
    result = cli("edit", "1")
    assert result.code == 0
    assert "No changes to interview 1." in result.out
    assert "--wait" in result.err
    assert store_file.read_bytes() == before


def test_no_editor_off_a_terminal_is_a_clear_error(cli: Callable[..., Result], one: dict[str, Any]) -> None:
    result = cli("edit", "1")
    assert result.code == 1
    assert "No editor is set." in result.err
    assert "afterview edit 1 --role" in result.err


def test_a_toml_mistake_points_at_the_line_of_the_reopened_file(
    cli: Callable[..., Result], one: dict[str, Any], editor: Callable[[str], Path]
) -> None:
    log = editor(
        """
        if "could not save" not in text:
            text = text.replace('role = "Engineer"', 'role = "Engineer')
        """
    )
    assert cli("edit", "1").code == 1
    shown = runs(log)[1]["text"]
    import re

    match = re.search(r"at line (\d+)", shown.splitlines()[0])
    assert match is not None
    assert shown.splitlines()[int(match[1]) - 1] == 'role = "Engineer'


def test_an_edit_that_cannot_be_saved_is_kept(
    cli: Callable[..., Result], one: dict[str, Any], editor: Callable[[str], Path], home: Path
) -> None:
    """The interview is removed while the editor is open: nothing is saved, and the text is kept."""
    from tests.helpers import afterview_command

    command = [*afterview_command(), "rm", "1", "--yes"]
    editor(
        f"""
        import subprocess
        assert subprocess.run({command!r}).returncode == 0
        text = text.replace('role = "Engineer"', 'role = "Carefully typed"')
        """
    )
    result = cli("edit", "1")
    assert result.code == 1
    assert "was removed while you were editing" in result.err
    (kept,) = (home / "edits").iterdir()
    assert "Carefully typed" in kept.read_text()
    assert cli("list", "--json").json() == []
