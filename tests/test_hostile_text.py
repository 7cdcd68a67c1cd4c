"""Text from people and files never takes over the terminal or the program: one rule for text in (control
characters refused everywhere, naming the record and field) and one for text out (literal, never markup,
controls escaped), on terminals and pipes alike."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterview.domain import text_rules
from afterview.errors import UserError
from afterview.formats import imports
from afterview.render.literal import visible
from tests.helpers import Result, Spawn, afterview_command, finish, posix_only, terminal
from tests.hostile import BASE, BRACKETS, CONTROLS, LONG, TEXT_FIELDS, export_with, field_label

Cli = Callable[..., Result]
SGR = re.compile(r"\x1b\[[0-9;]*m")


def _problem(value: str) -> str:
    found = text_rules.problem("Acme" + value)
    assert found is not None
    return found


# --- text in -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("control", CONTROLS, ids=list(CONTROLS))
@pytest.mark.parametrize("path", TEXT_FIELDS, ids=["/".join(map(str, p)) for p in TEXT_FIELDS])
def test_json_import_refuses_controls_in_every_text_field(path: tuple[Any, ...], control: str) -> None:
    value = "Acme" + CONTROLS[control] + "x"
    with pytest.raises(UserError) as raised:
        imports.read_json(export_with({path: value}))
    message = raised.value.message
    assert field_label(path) in message
    assert _problem(CONTROLS[control]) in message
    record = {
        "profile": "The profile",
        "references": "Reference record 1",
        "interviews": "interview record 1",
        "processes": "process record 1",
    }
    assert record[path[0]] in message


def test_json_import_accepts_brackets_in_every_text_field() -> None:
    values = {path: BRACKETS["link"] if "phone" not in path[-1:] else "+1 555" for path in TEXT_FIELDS}
    incoming = imports.read_json(export_with(values))
    assert incoming.interviews[0].company == BRACKETS["link"]


@pytest.mark.parametrize("control", CONTROLS, ids=list(CONTROLS))
@pytest.mark.parametrize("column", ["company", "role", "location", "interviewers", "notes"])
def test_csv_import_refuses_controls_naming_row_and_column(column: str, control: str) -> None:
    cells = {
        "company": "Acme",
        "role": "SRE",
        "at": "2026-11-20",
        "location": "",
        "interviewers": "",
        "notes": "",
    }
    cells[column] = "Acme" + CONTROLS[control] + "x"
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows([list(cells), ["Globex", "SRE", "2026-11-19", "", "", ""], list(cells.values())])
    text = buffer.getvalue()
    with pytest.raises(UserError) as raised:
        imports.read_csv(text, tz=dt.UTC, today=dt.date(2026, 11, 27))
    assert f"CSV row 2 (line 3), column {column}: {_problem(CONTROLS[control])}" in raised.value.message


def test_an_over_long_csv_field_names_its_row_and_column(cli: Cli, store_file: Path) -> None:
    Path("rows.csv").write_text(
        f"company,role,at,location\nAcme,SRE,2026-11-20,{'x' * 2_001}\n", encoding="utf-8"
    )
    result = cli("import", "rows.csv")
    assert result.code == 1
    assert "CSV row 1 (line 2), column location: too long (2,001 characters; at most 2,000)" in result.err
    assert "Traceback" not in result.err
    assert "ValidationError" not in result.err
    assert not store_file.exists()


def test_the_import_command_refuses_and_writes_nothing(cli: Cli, store_file: Path) -> None:
    Path("hostile.json").write_text(
        export_with({("interviews", 0, "debrief", "questions", 0, "answer"): "Acme\x1b]52;c;aGk=\x07"}),
        encoding="utf-8",
    )
    result = cli("import", "hostile.json")
    assert result.code == 1
    assert "interview record 1 (id 1), field debrief.questions[1].answer: control character U+001B (ESC)" in (
        result.err
    )
    assert "\x1b" not in result.err
    assert not store_file.exists()


@pytest.mark.parametrize("control", [c for c in CONTROLS if c != "nul"])
@pytest.mark.parametrize(
    "typed",
    [
        lambda v: ("log", "--company", v, "--role", "SRE", "--no-input"),
        lambda v: ("log", "--company", "Globex", "--role", "SRE", "--note", v, "--no-input"),
        lambda v: ("ref", "add", v),
        lambda v: ("interviewer", "1", f"{v} <jane@acme.com>"),
        lambda v: ("interviewer", "1", f"Jane Doe, {v}"),
    ],
    ids=["log company", "log note", "ref add", "interviewer name", "interviewer title"],
)
def test_typed_text_is_refused_the_same_way(
    typed: Callable[[str], tuple[str, ...]], control: str, cli: Cli, log: Callable[..., Any], store_file: Path
) -> None:
    log()
    before = store_file.read_bytes()
    result = cli(*typed("Acme" + CONTROLS[control] + "x"))
    assert result.code == 1
    assert _problem(CONTROLS[control]) in result.err  # the very words the import uses
    assert "\x1b" not in result.err
    assert "\x07" not in result.err
    assert store_file.read_bytes() == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {("profile", "timezone"): "Mars/Olympus"},
            "The profile, field timezone: 'Mars/Olympus' is not an IANA",
        ),
        ({("profile", "timezone"): "../../etc/passwd"}, "is not an IANA time zone"),
        (
            {("interviews", 0, "at"): "9999-12-20T10:00:00+01:00"},
            "field at: 9999-12-20T10:00:00+01:00 is not",
        ),
        ({("interviews", 0, "decision_by"): "9999-12-31"}, "field decision_by: 9999-12-31 is not between"),
        ({("interviews", 0, "steps", 0, "due"): "9999-12-31"}, "field steps[1].due"),
        ({("processes", 0, "history", 0, "on"): "1900-01-01"}, "field history[1].on"),
        ({("interviews", 0, "steps", 0, "id"): "7.1"}, "step 7.1: a step id starts with its interview's id"),
    ],
)
def test_json_import_checks_as_log_would(change: dict[tuple[Any, ...], str], message: str) -> None:
    with pytest.raises(UserError, match=re.escape(message)):
        imports.read_json(export_with(change))


def test_snoozes_beyond_2100_are_refused() -> None:
    with pytest.raises(UserError, match=re.escape("field steps[1].snoozed_until: 9999-01-01")):
        imports.read_json(export_with({("interviews", 0, "steps", 0, "snoozed_until"): "9999-01-01"}))


def test_deeply_nested_json_is_refused_before_parsing(cli: Cli) -> None:
    Path("deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = cli("import", "deep.json")
    assert result.code == 1
    assert "nests deeper than 64 levels (line 1)" in result.err
    assert "RecursionError" not in result.err


def test_brackets_inside_json_strings_do_not_count_as_nesting() -> None:
    deep_text = "[" * 100
    incoming = imports.read_json(export_with({("interviews", 0, "notes"): deep_text}))
    assert incoming.interviews[0].notes == deep_text


def test_over_long_text_in_json_names_the_field() -> None:
    with pytest.raises(UserError, match=r"interview record 1 \(id 1\) is invalid: notes"):
        imports.read_json(export_with({("interviews", 0, "notes"): LONG}))


@pytest.mark.parametrize("multiline", [False, True])
def test_problem_finds_the_first_character_is_unsafe_refuses_in_all_of_unicode(multiline: bool) -> None:
    """The one search that checks a whole text (an import checks millions) refuses exactly the characters
    is_unsafe refuses, and names the first of them, wherever it is in the text."""
    every = "".join(map(chr, range(0x110000)))
    refused = [n for n, char in enumerate(every) if text_rules.is_unsafe(char, multiline=multiline)]
    for index in refused:
        found = text_rules.problem("ok" + every[index] + "\x1b", multiline=multiline)
        assert found is not None
        assert f"U+{index:04X}" in found
        assert found.endswith("at position 3")
    safe = "".join(char for char in every if not text_rules.is_unsafe(char, multiline=multiline))
    assert text_rules.problem(safe, multiline=multiline) is None
    assert len(safe) + len(refused) == len(every)


@pytest.mark.parametrize("multiline", [False, True])
def test_problem_of_each_character_alone_agrees_with_is_unsafe(multiline: bool) -> None:
    """A text with no unprintable character skips the search; alone, each character of Unicode is still
    refused exactly when is_unsafe refuses it."""
    for code in range(0x110000):
        char = chr(code)
        assert (text_rules.problem(char, multiline=multiline) is not None) == text_rules.is_unsafe(
            char, multiline=multiline
        ), f"U+{code:04X}"


# --- text out ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", CONTROLS.values(), ids=list(CONTROLS))
def test_visible_leaves_no_control_character(value: str) -> None:
    shown = visible("Acme" + value)
    assert text_rules.problem(shown) is None
    assert shown.startswith("Acme\\x") or shown.startswith("Acme\\u")


def test_visible_escapes_exactly_the_unsafe_characters_in_all_of_unicode() -> None:
    """Printable text is returned as it is without a search; every other character alone is escaped exactly
    when the input rules would refuse it (tab and newline are kept)."""
    for code in range(0x110000):
        char = chr(code)
        refused = text_rules.is_unsafe(char, multiline=True)
        escaped = f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
        assert visible(char) == (escaped if refused else char), f"U+{code:04X}"


def test_visible_keeps_ordinary_text() -> None:
    text = "Zoë [bold] 東京 😀\n\tnext"
    assert visible(text) == text


@pytest.fixture
def bracketed(cli: Cli) -> dict[str, str]:
    """A store whose every text field holds markup-like text: imported, plus one interview typed via log."""
    values = {
        path: BRACKETS[list(BRACKETS)[n % len(BRACKETS)]] if path[-1] != "phone" else "+1 555"
        for n, path in enumerate(TEXT_FIELDS)
    }
    Path("brackets.json").write_text(export_with(values), encoding="utf-8")
    assert cli("import", "brackets.json").code == 0
    typed = cli(
        "log", "--company", BRACKETS["link"], "--role", BRACKETS["contract"], "--interviewer",
        f"{BRACKETS['dev']} <jane@acme.com>", "--no-input",
    )  # fmt: skip
    assert typed.code == 0, typed.err
    assert BRACKETS["link"] in typed.out
    assert BRACKETS["contract"] in typed.out
    return {"/".join(map(str, path)): value for path, value in values.items()}


def _shown(output: str, *texts: str) -> None:
    plain = SGR.sub("", output)
    for text in texts:
        assert text in plain, (text, plain)
    assert "\x1b]" not in output  # no hyperlink, title or clipboard sequence
    assert "\x1b[5m" not in output  # no blink


COMMANDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # imported step titles give way to the plan's when steps are planned again; paperwork keeps its title
    "todo": (("todo",), ("interviews/0/paperwork/0/title", "processes/0/company")),
    "list": (("list",), ("processes/0/company", "processes/0/role")),
    "show": (
        ("show", "1"),
        (
            "processes/0/company",
            "interviews/0/notes",
            "interviews/0/debrief/questions/0/answer",
            "processes/0/history/0/note",
            "interviews/0/paperwork/0/title",
            "interviews/0/interviewers/0/name",
        ),
    ),
    "stats": (("stats",), ("interviews/0/debrief/questions/0/question",)),
    "prep": (
        ("prep",),
        ("interviews/0/debrief/questions/0/question", "interviews/0/debrief/questions/0/next_time"),
    ),
    "ref list": (("ref", "list"), ("references/0/name", "references/0/relationship")),
    "profile": (("profile",), ("profile/name", "profile/signature")),
    "done": (("done", "1.2"), ("interviews/0/interviewers/0/name",)),  # "Send <name> a thank-you note"
    "rm": (("rm", "1", "--yes"), ("processes/0/company", "processes/0/role")),
}


@pytest.mark.parametrize("command", COMMANDS)
def test_brackets_are_shown_literally_piped(command: str, bracketed: dict[str, str], cli: Cli) -> None:
    args, keys = COMMANDS[command]
    result = cli(*args)
    assert result.code == 0, result.err
    _shown(result.out + result.err, *(bracketed.get(key, key) for key in keys))


@pytest.mark.parametrize("command", ["todo", "list", "show", "stats", "prep", "ref list", "rm"])
def test_brackets_are_shown_literally_on_a_colour_terminal(
    command: str, bracketed: dict[str, str], process: Spawn
) -> None:
    args, keys = COMMANDS[command]
    result = process(*args, env={"FORCE_COLOR": "1", "NO_COLOR": "", "TERM": "xterm-256color"})
    assert result.returncode == 0, result.stderr
    assert "\x1b[" in result.stdout + result.stderr  # styled: this is the terminal path
    _shown(result.stdout, *(bracketed[key] for key in keys))


@posix_only
@pytest.mark.parametrize(
    ("args", "text"),
    [((), BRACKETS["link"]), (("list",), BRACKETS["contract"]), (("todo",), BRACKETS["dev"]),
     (("show", "2"), BRACKETS["link"])],
)  # fmt: skip
def test_brackets_are_shown_literally_in_a_real_terminal(
    args: tuple[str, ...], text: str, bracketed: dict[str, str]
) -> None:
    child = terminal(*args)
    assert finish(child) == 0
    _shown(child.logfile_read.getvalue(), text)


def test_controls_in_a_hand_edited_store_are_shown_escaped(
    bracketed: dict[str, str], store_file: Path, cli: Cli, process: Spawn
) -> None:
    raw = json.loads(store_file.read_text(encoding="utf-8"))
    raw["processes"][0]["company"] = "Evil\x1b]52;c;aGk=\x07\x1b[2J"
    raw["interviews"][0]["steps"][0]["title"] = "Step\x9b31m\u202e"
    store_file.write_text(json.dumps(raw), encoding="utf-8")
    for args in (("list",), ("todo",), ("show", "1")):
        for output in (cli(*args).out, process(*args).stdout):
            assert "\x1b" not in output
            assert "\x07" not in output
            assert "\x9b" not in output
            assert "Evil\\x1b]52;c;aGk=\\x07\\x1b[2J" in output
    assert "Step\\x9b31m\\u202e" in process("todo").stdout  # the fast path, without Rich


def test_an_ascii_stdout_gets_replacement_characters(cli: Cli, process: Spawn) -> None:
    assert cli("log", "--company", "Zürich 東京", "--role", "SRE", "--no-input").code == 0
    for args in (("list",), ("todo",), ("show", "1")):
        for encoding in ("ascii", "latin-1"):
            result = subprocess.run(
                [*afterview_command(), *args],
                capture_output=True,
                env={**os.environ, "PYTHONIOENCODING": encoding},
                check=False,
            )
            assert result.returncode == 0, result.stderr
            assert b"UnicodeEncodeError" not in result.stderr
    assert "Z?rich ??" in process("list", env={"PYTHONIOENCODING": "ascii"}).stdout


def test_base_corpus_is_valid() -> None:
    assert imports.read_json(json.dumps(BASE)).interviews[0].id == 1
