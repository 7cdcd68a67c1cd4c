"""One text rule on every path in (issue 27): a prompt's default, an invitation's "Family, Given" CN, a CSV
cell of interviewers as JSON (after its ``\\u`` escapes are decoded) and an invitation's start time."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import Result, posix_only, terminal

Cli = Callable[..., Result]


def invitation(
    tmp_path: Path, *, summary: str = "Interview", cn: str = "Jane Doe", start: str = "20261203T140000Z"
) -> Path:
    """An invitation file with one attendee at acme.com."""
    text = (
        "BEGIN:VCALENDAR\nVERSION:2.0\nMETHOD:REQUEST\nBEGIN:VEVENT\n"
        f"DTSTART:{start}\nUID:one@example.com\n"
        f'ORGANIZER;CN="{cn}":mailto:jane@acme.com\nATTENDEE;CN="{cn}":mailto:jane@acme.com\n'
        f"SUMMARY:{summary}\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    path = tmp_path / "invite.ics"
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    return path


@posix_only
def test_a_prompt_default_from_an_invitation_reaches_the_terminal_escaped(tmp_path: Path) -> None:
    """The summary's company guess holds ESC [2J (clear the screen): the prompt shows it as ``\\x1b``."""
    path = invitation(tmp_path, summary="Interview with Globex\x1b[2J")
    child = terminal("log", "--from", str(path), "--role", "Engineer")
    child.expect("Company")
    child.expect(r"\]: ")
    child.close(force=True)
    shown = child.logfile_read.getvalue()
    assert "Globex\\x1b[2J" in shown
    assert "\x1b" not in shown


def test_a_family_given_cn_with_a_bidi_control_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = invitation(tmp_path, cn="Weber\u202e, Anna")
    result = cli("log", "--from", str(path), "--company", "Acme", "--role", "Eng", "--no-input")
    assert result.code == 1
    assert "U+202E" in result.err
    assert cli("list", "--json").json() == []


def test_a_family_given_cn_over_the_limit_is_a_clear_error(cli: Cli, tmp_path: Path) -> None:
    path = invitation(tmp_path, cn="W" * 250 + ", Anna")
    result = cli("log", "--from", str(path), "--company", "Acme", "--role", "Eng", "--no-input")
    assert result.code == 1
    assert "too long" in result.err
    assert "unexpected problem" not in result.err


def test_a_family_given_cn_that_follows_the_rules_is_kept_in_its_parts(cli: Cli, tmp_path: Path) -> None:
    path = invitation(tmp_path, cn="Weber, Anna")
    result = cli("log", "--from", str(path), "--company", "Acme", "--role", "Eng", "--no-input", "--json")
    assert result.code == 0, result.err
    (person,) = result.json()["interviewers"]
    assert (person["name"], person["given_name"], person["family_name"]) == ("Anna Weber", "Anna", "Weber")


@pytest.mark.parametrize(
    ("start", "words"),
    [
        ("19690101T100000Z", "too far back"),
        ("00010101T100000Z", "too far back"),
        ("21010101T100000Z", "too far ahead"),
    ],
)
def test_an_invitation_time_outside_1970_to_2100_is_refused_saying_which_way(
    cli: Cli, tmp_path: Path, start: str, words: str
) -> None:
    path = invitation(tmp_path, start=start)
    result = cli("log", "--from", str(path), "--company", "Acme", "--role", "Eng", "--no-input")
    assert result.code == 1
    assert words in result.err
    assert "1970" in result.err
    assert cli("list", "--json").json() == []


def csv_with(tmp_path: Path, people: str) -> Path:
    path = tmp_path / "in.csv"
    cell = people.replace('"', '""')
    path.write_text(f'company,role,at,interviewers\nAcme,Eng,2026-11-20,"{cell}"\n', encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("people", "named"),
    [
        (r'[{"name": "Jane\u001b]0;owned\u0007"}]', "U+001B"),
        (r'[{"name": "Jane\u0007"}]', "U+0007"),
        (r'[{"name": "Jane \u202eDoe"}]', "U+202E"),
        (r'[{"name": "Jane", "title": "CTO\u009b"}]', "U+009B"),
        ('[{"name": "Jane", "url": "javascript:alert(1)"}]', "web address"),
    ],
)
def test_a_csv_json_cell_is_checked_after_its_escapes_are_decoded(
    cli: Cli, tmp_path: Path, people: str, named: str
) -> None:
    result = cli("import", str(csv_with(tmp_path, people)))
    assert result.code == 1, result.out
    assert named in result.err
    assert "column interviewers" in result.err
    assert cli("list", "--json").json() == []


def test_what_a_csv_json_cell_brings_in_exports_and_imports_again(cli: Cli, tmp_path: Path) -> None:
    people = json.dumps([{"name": "Jane Doe", "url": "https://example.com/jane", "title": "CTO"}])
    assert cli("import", str(csv_with(tmp_path, people))).code == 0
    assert cli("export", "json", "-o", str(tmp_path / "all.json")).code == 0
    assert cli("export", "md", "-o", str(tmp_path / "all.md")).code == 0
    (tmp_path / "home").rename(tmp_path / "old-home")
    assert cli("import", str(tmp_path / "all.json")).code == 0
    (interview,) = cli("list", "--json").json()
    assert interview["company"] == "Acme"


def test_a_json_import_refuses_a_javascript_address(cli: Cli, tmp_path: Path) -> None:
    people = json.dumps([{"name": "Jane Doe", "url": "https://example.com/jane"}])
    assert cli("import", str(csv_with(tmp_path, people))).code == 0
    assert cli("export", "json", "-o", str(tmp_path / "all.json")).code == 0
    text = (
        (tmp_path / "all.json")
        .read_text(encoding="utf-8")
        .replace("https://example.com/jane", "javascript:x")
    )
    (tmp_path / "bad.json").write_text(text, encoding="utf-8")
    result = cli("import", str(tmp_path / "bad.json"), "--theirs")
    assert result.code == 1
    assert "web address" in result.err
