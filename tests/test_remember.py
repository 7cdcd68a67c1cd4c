"""``afterview remember``: the editor flow, ``--from``, ``--prompt``, and every way input can go wrong."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import filelock
import pytest

from afterview.errors import UserError
from tests.helpers import Result

EDITOR_SCRIPT = r"""
import json, os, pathlib, stat, subprocess, sys

mode, out = sys.argv[1], pathlib.Path(sys.argv[2])
path = pathlib.Path(sys.argv[-1])
calls = len(list(out.glob("seen-*.json"))) + 1
(out / f"seen-{calls}.json").write_text(json.dumps({
    "path": str(path),
    "file_mode": stat.S_IMODE(path.stat().st_mode),
    "dir_mode": stat.S_IMODE(path.parent.stat().st_mode),
    "argv": sys.argv[1:],
}))
text = path.read_text(encoding="utf-8")
(out / f"opened-{calls}.md").write_text(text, encoding="utf-8")
if mode == "keep":
    sys.exit(0)
if mode == "fail":
    path.write_text(text + "\nhalf a thought", encoding="utf-8")
    sys.exit(3)
if mode == "bytes":
    path.write_bytes(text.encode() + b"\n\xff\xfe")
    sys.exit(0)
if mode == "empty":
    path.write_text("", encoding="utf-8")
    sys.exit(0)
if mode == "clear":
    kept = [line for line in text.split("\n") if line.startswith("#")]
    path.write_text("\n".join(kept), encoding="utf-8")
    sys.exit(0)
if mode == "other":
    other = out / "other.md"
    other.write_text(text.replace("## Notes\n", "## Notes\nWritten elsewhere meanwhile.\n"), encoding="utf-8")
    for args in (["remember", "1", "--from", str(other)], ["done", "1.2"]):
        subprocess.run([sys.executable, "-m", "afterview", *args], check=True, capture_output=True)
if mode == "fix" and calls == 2:
    assert text.startswith("<!-- afterview could not read this file:"), text[:200]
    path.write_text(text.replace("\nmeh\n", "\nweak\n"), encoding="utf-8")
    sys.exit(0)
fills = [
    ("### Question 1\n", "### Question 1\nTell me about yourself\n"),
    ("#### My answer\n\n", "#### My answer\nTen years of backend work.\n\n"),
    ("### Question 2\n", "### Question 2\nDesign a rate limiter\n"),
    ("### Question 3\n", "### Question 3\nWhy are you leaving?\n"),
    ("## Topics for the thank-you note\n- \n",
     "## Topics for the thank-you note\n- their migration to Rust\n- the on-call rotation\n"),
]
for old, new in fills:
    text = text.replace(old, new, 1)
heading = "#### Rating (strong, ok, weak)\n"
for rating in ("meh" if mode in ("meh", "fix") else "strong", "ok", "weak"):
    text = text.replace(heading + "\n", f"{heading}{rating}\n\n", 1)
path.write_text(text, encoding="utf-8")
(out / "filled.md").write_text(text, encoding="utf-8")
"""


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    """Set ``EDITOR`` to a small Python script that acts as ``mode`` says; returns where it leaves notes."""
    script = tmp_path / "fake editor.py"  # a space, to prove the path is not split
    script.write_text(EDITOR_SCRIPT, encoding="utf-8")
    out = tmp_path / "editor-out"
    out.mkdir()

    def use(mode: str) -> Path:
        monkeypatch.setenv("EDITOR", f'"{sys.executable}" "{script}" {mode} "{out}"')
        return out

    return use


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch) -> Callable[[bytes], None]:
    """Give the in-process command these bytes on stdin."""

    def feed(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))

    return feed


@pytest.fixture
def interview(log: Callable[..., dict[str, Any]], profile: None) -> dict[str, Any]:
    """Interview 1, with one interviewer to thank."""
    return log("--interviewer", "Jane Doe, CTO <jane@acme.com>")


def recovery_files(home: Path) -> list[Path]:
    return sorted((home / "recovery").glob("*.md")) if (home / "recovery").exists() else []


def shown(cli: Callable[..., Result], interview_id: int = 1) -> dict[str, Any]:
    result = cli("show", str(interview_id), "--json")
    assert result.code == 0, result.err
    shown_: dict[str, Any] = result.json()
    return shown_


def memory_dump(interview: dict[str, Any]) -> dict[str, Any]:
    step: dict[str, Any] = next(s for s in interview["steps"] if s["kind"] == "memory-dump")
    return step


def test_the_editor_fills_the_template_and_everything_is_stored(
    cli: Callable[..., Result], interview: dict[str, Any], editor: Callable[[str], Path]
) -> None:
    out = editor("fill")
    result = cli("remember", "1")
    assert result.code == 0, result.err
    assert "Saved the debrief of interview 1" in result.out
    assert "3 questions (1 strong, 1 ok, 1 weak), 2 topics for the thank-you note" in result.out
    assert "Done 1.1" in result.out
    debrief = shown(cli)["debrief"]
    assert [(q["question"], q["rating"]) for q in debrief["questions"]] == [
        ("Tell me about yourself", "strong"),
        ("Design a rate limiter", "ok"),
        ("Why are you leaving?", "weak"),
    ]
    assert debrief["questions"][0]["answer"] == "Ten years of backend work."
    assert debrief["thank_you_topics"] == ["their migration to Rust", "the on-call rotation"]
    assert memory_dump(shown(cli))["state"] == "done"
    opened = (out / "opened-1.md").read_text(encoding="utf-8")
    assert opened.startswith("# Debrief: Acme · Staff Engineer")
    assert "Interviewers: Jane Doe (CTO)." in opened


def test_the_temporary_file_is_private_passed_whole_and_removed(
    cli: Callable[..., Result], interview: dict[str, Any], editor: Callable[[str], Path]
) -> None:
    out = editor("keep")
    assert cli("remember", "1").code == 0
    seen = json.loads((out / "seen-1.json").read_text())
    assert seen["argv"][-1] == seen["path"]  # the path is one argument, after the editor's own
    assert seen["argv"][0] == "keep"
    if os.name == "posix":
        assert seen["file_mode"] == 0o600
        assert seen["dir_mode"] == 0o700
    assert not Path(seen["path"]).exists()
    assert not Path(seen["path"]).parent.exists()


def test_an_unchanged_file_saves_nothing_and_says_so(
    cli: Callable[..., Result], interview: dict[str, Any], editor: Callable[[str], Path], store_file: Path
) -> None:
    editor("keep")
    before = store_file.read_bytes()
    result = cli("remember", "1")
    assert result.code == 0
    assert "Nothing changed in interview 1's debrief, so nothing was saved." in result.out
    assert store_file.read_bytes() == before
    editor("fill")
    assert cli("remember", "1").code == 0
    saved = store_file.read_bytes()
    editor("keep")
    assert "Nothing changed" in cli("remember", "1").out
    assert store_file.read_bytes() == saved


def test_the_same_markdown_through_stdin_gives_the_same_debrief_and_again_saves_nothing(
    cli: Callable[..., Result],
    interview: dict[str, Any],
    log: Callable[..., dict[str, Any]],
    editor: Callable[[str], Path],
    process: Callable[..., subprocess.CompletedProcess[str]],
    store_file: Path,
) -> None:
    out = editor("fill")
    assert cli("remember", "1").code == 0
    log(company="Globex")
    markdown = (out / "filled.md").read_text(encoding="utf-8")
    first = process("remember", "2", "--from", "-", input=markdown)
    assert first.returncode == 0, first.stderr
    assert shown(cli, 2)["debrief"] == shown(cli, 1)["debrief"]
    assert memory_dump(shown(cli, 2))["state"] == "done"
    before = store_file.read_bytes()
    again = process("remember", "2", "--from", "-", input=markdown)
    assert again.returncode == 0
    assert "Nothing changed" in again.stdout
    assert store_file.read_bytes() == before


def test_a_broken_file_without_a_terminal_is_kept_and_the_store_is_untouched(
    cli: Callable[..., Result],
    interview: dict[str, Any],
    editor: Callable[[str], Path],
    store_file: Path,
    home: Path,
) -> None:
    editor("meh")
    before = store_file.read_bytes()
    result = cli("remember", "1")
    assert result.code == 1
    assert "question 1's rating 'meh' is not one of strong, ok, weak" in result.err
    assert "Traceback" not in result.err
    assert store_file.read_bytes() == before
    [kept] = recovery_files(home)
    assert str(kept) in result.err.replace("\n", "")
    assert "\nmeh\n" in kept.read_text(encoding="utf-8")
    assert "Tell me about yourself" in kept.read_text(encoding="utf-8")
    if os.name == "posix":
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    # The recovery file, once fixed, is accepted as it is.
    kept.write_text(kept.read_text(encoding="utf-8").replace("\nmeh\n", "\nstrong\n"), encoding="utf-8")
    fixed = cli("remember", "1", "--from", str(kept))
    assert fixed.code == 0
    assert shown(cli)["debrief"]["questions"][0]["rating"] == "strong"
    # ...and the copy, now saved in the store, leaves recovery/, saying so.
    assert recovery_files(home) == []
    assert f"Removed the recovery copy {kept.name}" in " ".join(fixed.err.split())


def test_a_file_outside_recovery_is_left_alone_and_other_copies_are_named(
    cli: Callable[..., Result], interview: dict[str, Any], home: Path, tmp_path: Path
) -> None:
    cli("log", "--company", "Beta", "--role", "SRE", "--no-input")
    recovery = home / "recovery"
    recovery.mkdir(mode=0o700)
    other = recovery / "debrief-1-20261127-100000.md"
    other.write_text("# an older attempt\n", encoding="utf-8")
    unrelated = recovery / "debrief-2-20261127-100000.md"
    unrelated.write_text("# interview 2\n", encoding="utf-8")
    mine = tmp_path / "notes.md"
    sections = ("Questions", "What went well", "What to improve", "Topics for the thank-you note")
    headings = [*sections, "Questions I asked them", "Notes"]
    mine.write_text(
        "".join(f"## {h}\n" + ("The system design.\n" if h == "What went well" else "\n") for h in headings),
        encoding="utf-8",
    )
    result = cli("remember", "1", "--from", str(mine))
    assert result.code == 0, result.err
    assert mine.exists()
    assert recovery_files(home) == [other, unrelated]
    assert other.name in " ".join(result.err.split())
    assert unrelated.name not in result.err


def test_on_a_terminal_a_broken_file_reopens_with_the_problem_marked(
    cli: Callable[..., Result],
    interview: dict[str, Any],
    editor: Callable[[str], Path],
    monkeypatch: pytest.MonkeyPatch,
    stdin: Callable[[bytes], None],
) -> None:
    monkeypatch.setattr("afterview.cli.inputs.interactive", lambda no_input: not no_input)
    stdin(b"y\n")
    out = editor("fix")
    result = cli("remember", "1")
    assert result.code == 0, result.err
    reopened = (out / "opened-2.md").read_text(encoding="utf-8")
    line = int(reopened.split("  - line ", 1)[1].split(":", 1)[0])
    assert reopened.split("\n")[line - 1] == "meh"  # the marked line number points at the problem
    assert [q["rating"] for q in shown(cli)["debrief"]["questions"]] == ["weak", "ok", "weak"]


def test_giving_up_on_a_broken_file_keeps_the_text(
    cli: Callable[..., Result],
    interview: dict[str, Any],
    editor: Callable[[str], Path],
    monkeypatch: pytest.MonkeyPatch,
    stdin: Callable[[bytes], None],
    store_file: Path,
    home: Path,
) -> None:
    monkeypatch.setattr("afterview.cli.inputs.interactive", lambda no_input: not no_input)
    stdin(b"n\n")
    editor("meh")
    before = store_file.read_bytes()
    result = cli("remember", "1")
    assert result.code == 1
    assert store_file.read_bytes() == before
    assert "meh" in recovery_files(home)[0].read_text(encoding="utf-8")


def test_a_missing_editor_says_which_and_changes_nothing(
    cli: Callable[..., Result], interview: dict[str, Any], monkeypatch: pytest.MonkeyPatch, store_file: Path
) -> None:
    before = store_file.read_bytes()
    monkeypatch.setenv("VISUAL", "no-such-editor-here --wait")
    monkeypatch.setenv("EDITOR", "also-not-this-one")
    result = cli("remember", "1")
    assert result.code == 1
    assert "The editor 'no-such-editor-here' (from $VISUAL) was not found" in result.err
    assert store_file.read_bytes() == before


def test_no_editor_without_a_terminal_points_at_the_other_ways(
    cli: Callable[..., Result], interview: dict[str, Any]
) -> None:
    result = cli("remember", "1")
    assert result.code == 1
    assert "No editor is set." in result.err
    assert "--from FILE" in result.err


def test_an_editor_that_fails_keeps_what_was_typed(
    cli: Callable[..., Result],
    interview: dict[str, Any],
    editor: Callable[[str], Path],
    store_file: Path,
    home: Path,
) -> None:
    editor("fail")
    before = store_file.read_bytes()
    result = cli("remember", "1")
    assert result.code == 1
    assert "exited with status 3; nothing was saved" in result.err
    assert store_file.read_bytes() == before
    assert "half a thought" in recovery_files(home)[0].read_text(encoding="utf-8")


def test_non_utf8_bytes_are_named_and_kept(
    cli: Callable[..., Result],
    interview: dict[str, Any],
    editor: Callable[[str], Path],
    store_file: Path,
    home: Path,
    tmp_path: Path,
) -> None:
    editor("bytes")
    before = store_file.read_bytes()
    result = cli("remember", "1")
    assert result.code == 1
    assert "bytes that are not UTF-8" in result.err
    assert recovery_files(home)[0].read_bytes().endswith(b"\xff\xfe")
    latin1 = tmp_path / "latin1.md"
    latin1.write_bytes("## Notes\ncaf\xe9\n".encode("latin-1"))
    from_file = cli("remember", "1", "--from", str(latin1))
    assert from_file.code == 1
    assert "line 2 column 4: bytes that are not UTF-8" in from_file.err
    assert "is as it was" in from_file.err
    assert store_file.read_bytes() == before


def test_an_emptied_file_saves_nothing(
    cli: Callable[..., Result], interview: dict[str, Any], editor: Callable[[str], Path], store_file: Path
) -> None:
    editor("empty")
    before = store_file.read_bytes()
    result = cli("remember", "1")
    assert result.code == 1
    assert "The file is empty, so nothing was saved." in result.err
    assert store_file.read_bytes() == before


def test_emptying_every_section_of_a_saved_debrief_is_refused(
    cli: Callable[..., Result], interview: dict[str, Any], editor: Callable[[str], Path]
) -> None:
    editor("fill")
    assert cli("remember", "1").code == 0
    editor("clear")
    result = cli("remember", "1")
    assert result.code == 1
    assert "Every section is empty, so nothing was saved" in result.err
    assert len(shown(cli)["debrief"]["questions"]) == 3


def test_a_change_made_while_the_editor_was_open_is_kept(
    cli: Callable[..., Result], interview: dict[str, Any], editor: Callable[[str], Path], home: Path
) -> None:
    editor("other")
    result = cli("remember", "1")
    assert result.code == 0, result.err
    assert "Another afterview changed this debrief while you were writing" in result.err
    assert len(shown(cli)["debrief"]["questions"]) == 3  # ours is saved
    [other] = recovery_files(home)
    assert "Written elsewhere meanwhile." in other.read_text(encoding="utf-8")
    assert str(other) in result.err.replace("\n", "")
    steps = {s["id"]: s["state"] for s in shown(cli)["steps"]}
    assert steps["1.2"] == "done"  # the other command's change to a step survived


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        (b"## Questions\n## Surprise\n", "unexpected heading '## Surprise'"),
        (b"just some words\n", "the heading ## Notes is missing"),
        (b"", "stdin is empty, so nothing was saved"),
        (b"## Notes\n" + b"x" * 1_048_576 + b"\n", "too long (1,048,576 characters; at most 100,000)"),
        (b"## Notes\n" + b"x" * 2_000_001, "holds more than 2 MB"),
    ],
)
def test_bad_input_on_stdin_gets_a_clear_message_and_is_kept(
    cli: Callable[..., Result],
    interview: dict[str, Any],
    stdin: Callable[[bytes], None],
    store_file: Path,
    home: Path,
    markdown: bytes,
    message: str,
) -> None:
    before = store_file.read_bytes()
    stdin(markdown)
    result = cli("remember", "1", "--from", "-")
    assert result.code == 1
    assert message in result.err
    assert "Traceback" not in result.err
    assert store_file.read_bytes() == before
    if markdown:
        assert recovery_files(home)[0].read_bytes() == markdown[:2_000_001]


def test_emoji_and_right_to_left_text_survive(
    cli: Callable[..., Result], interview: dict[str, Any], stdin: Callable[[bytes], None]
) -> None:
    text = (
        "## Questions\n### Question\nמה החוזקות שלך? 🤔\n#### Rating\nstrong\n"
        "## What went well\n## What to improve\n## Topics for the thank-you note\n- 🚀 launch [bold]x[/]\n"
        "## Questions I asked them\n## Notes\n\u0645\u0631\u062d\u0628\u0627\n"
    )
    stdin(text.encode("utf-8"))
    assert cli("remember", "1", "--from", "-").code == 0
    debrief = shown(cli)["debrief"]
    assert debrief["questions"][0]["question"] == "מה החוזקות שלך? 🤔"
    assert debrief["notes"] == "\u0645\u0631\u062d\u0628\u0627"  # Arabic, right to left
    human = cli("show", "1").out
    assert "מה החוזקות שלך? 🤔  [strong]" in human
    assert "- 🚀 launch [bold]x[/]" in human  # user text is never read as markup


def test_prompt_asks_question_by_question(
    cli: Callable[..., Result],
    interview: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    stdin: Callable[[bytes], None],
) -> None:
    monkeypatch.setattr("afterview.cli.inputs.interactive", lambda no_input: not no_input)
    answers = [
        "Tell me about yourself", "Backend for ten years", "meh", "strong", "", "",  # question 1
        "Rapport", "", "their Rust migration", "", "", "Parking at the back",
    ]  # fmt: skip
    stdin(("\n".join(answers) + "\n").encode())
    result = cli("remember", "1", "--prompt")
    assert result.code == 0, result.err
    assert "'meh' is not a rating" in result.err
    debrief = shown(cli)["debrief"]
    assert debrief["questions"] == [
        {
            "question": "Tell me about yourself",
            "answer": "Backend for ten years",
            "rating": "strong",
            "next_time": "",
        }
    ]
    assert debrief["went_well"] == "Rapport"
    assert debrief["thank_you_topics"] == ["their Rust migration"]
    assert debrief["notes"] == "Parking at the back"


def test_prompt_needs_a_terminal_and_excludes_from(
    cli: Callable[..., Result], interview: dict[str, Any]
) -> None:
    result = cli("remember", "1", "--prompt")
    assert result.code == 1
    assert "--prompt needs a terminal" in result.err
    assert cli("remember", "1", "--prompt", "--from", "-").code == 2


def test_an_unknown_interview_is_a_clear_error(cli: Callable[..., Result]) -> None:
    result = cli("remember", "9", "--from", "-")
    assert result.code == 1
    assert "There is no interview 9." in result.err


def test_when_the_store_is_locked_the_text_is_kept(
    cli: Callable[..., Result],
    interview: dict[str, Any],
    stdin: Callable[[bytes], None],
    monkeypatch: pytest.MonkeyPatch,
    store_file: Path,
    home: Path,
    editor: Callable[[str], Path],
) -> None:
    out = editor("fill")
    assert cli("remember", "1").code == 0
    log_markdown = (out / "filled.md").read_bytes().replace(b"Rust", b"Go")
    monkeypatch.setenv("AFTERVIEW_LOCK_TIMEOUT", "0.05")
    stdin(log_markdown)
    with filelock.FileLock(str(store_file) + ".lock"):
        result = cli("remember", "1", "--from", "-")
    assert result.code == 75
    assert "locked by another afterview" in result.err
    assert recovery_files(home)[0].read_bytes() == log_markdown


def test_draft_thanks_names_a_topic_from_the_debrief(
    cli: Callable[..., Result], interview: dict[str, Any], editor: Callable[[str], Path]
) -> None:
    editor("fill")
    assert cli("remember", "1").code == 0
    note = cli("draft-thanks", "1").out
    assert "I especially enjoyed discussing their migration to Rust." in note


def test_show_prints_the_debrief_readably(
    cli: Callable[..., Result], interview: dict[str, Any], editor: Callable[[str], Path]
) -> None:
    editor("fill")
    assert cli("remember", "1").code == 0
    out = cli("show", "1").out
    assert "Debrief:" in out
    assert "1. Tell me about yourself  [strong]" in out
    assert "Answer: Ten years of backend work." in out
    assert "3. Why are you leaving?  [weak]" in out
    assert "- their migration to Rust" in out


def test_stopping_part_way_through_the_prompts_keeps_the_answers(
    cli: Callable[..., Result],
    interview: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    stdin: Callable[[bytes], None],
    store_file: Path,
    home: Path,
) -> None:
    monkeypatch.setattr("afterview.cli.inputs.interactive", lambda no_input: not no_input)
    stdin(b"Why this company?\nTheir mission\n")  # then the input ends, as with Ctrl-D
    before = store_file.read_bytes()
    result = cli("remember", "1", "--prompt")
    assert result.code == 130
    assert store_file.read_bytes() == before
    [kept] = recovery_files(home)
    assert str(kept) in result.err.replace("\n", "")
    text = kept.read_text(encoding="utf-8")
    assert "Why this company?" in text
    assert "Their mission" in text


def test_the_editor_command_never_goes_through_a_shell(
    cli: Callable[..., Result], interview: dict[str, Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    marker = tmp_path / "ran"
    monkeypatch.setenv("EDITOR", f"true; touch {marker}")
    result = cli("remember", "1")
    assert result.code == 1
    assert "The editor 'true;' (from $EDITOR) was not found" in result.err
    assert not marker.exists()


def test_an_editor_that_returns_at_once_gets_a_hint(
    cli: Callable[..., Result], interview: dict[str, Any], editor: Callable[[str], Path]
) -> None:
    editor("keep")
    result = cli("remember", "1")
    assert "an editor that returns at once needs to wait" in result.err


@pytest.mark.skipif(sys.platform == "win32", reason="pexpect drives a POSIX pseudo-terminal")
def test_in_a_real_terminal_a_broken_file_reopens_and_is_fixed(
    cli: Callable[..., Result], interview: dict[str, Any], editor: Callable[[str], Path]
) -> None:
    import pexpect

    from tests.helpers import afterview_command

    editor("fix")
    [command] = afterview_command()
    child = pexpect.spawn(command, ["remember", "1"], env=dict(os.environ), encoding="utf-8", timeout=60)
    child.expect("rating 'meh' is not one of strong, ok, weak")
    child.expect(r"Open the editor again to fix it\?")
    child.sendline("y")
    child.expect("Saved the debrief of interview 1")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert [q["rating"] for q in shown(cli)["debrief"]["questions"]] == ["weak", "ok", "weak"]


def test_the_editor_is_chosen_as_git_does(monkeypatch: pytest.MonkeyPatch) -> None:
    from afterview.cli import editor as editors

    monkeypatch.setenv("EDITOR", "code --wait")
    assert editors.find_editor(interactive=False) == editors.Editor(("code", "--wait"), "$EDITOR")
    monkeypatch.setenv("VISUAL", "'/opt/My Editor/ed' -f")
    assert editors.find_editor(interactive=False).argv == ("/opt/My Editor/ed", "-f")
    monkeypatch.setenv("VISUAL", "'unbalanced")
    with pytest.raises(UserError, match=r"Cannot read \$VISUAL"):
        editors.find_editor(interactive=False)
    monkeypatch.delenv("VISUAL")
    monkeypatch.delenv("EDITOR")
    monkeypatch.setattr("shutil.which", lambda name: "/usr/bin/nano" if name == "nano" else None)
    expected = ("notepad",) if os.name == "nt" else ("nano",)
    assert editors.find_editor(interactive=True).argv == expected


def test_recovery_files_never_overwrite_each_other(home: Path) -> None:
    from afterview.cli.editor import keep

    first, second = keep(b"one", name="debrief-1"), keep(b"two", name="debrief-1")
    assert first != second
    assert (first.read_bytes(), second.read_bytes()) == (b"one", b"two")
    if os.name == "posix":
        assert stat.S_IMODE(first.parent.stat().st_mode) == 0o700


def test_prompted_answers_get_the_same_checks_as_a_file(
    cli: Callable[..., Result],
    interview: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    stdin: Callable[[bytes], None],
    store_file: Path,
    home: Path,
) -> None:
    monkeypatch.setattr("afterview.cli.inputs.interactive", lambda no_input: not no_input)
    stdin(b"Why us?\nBecause \x1b[31mred\n\n\n\n\n\n\n\n\n\n")
    before = store_file.read_bytes()
    result = cli("remember", "1", "--prompt")
    assert result.code == 1
    assert "control character U+001B (ESC)" in result.err
    assert store_file.read_bytes() == before
    assert "Why us?" in recovery_files(home)[0].read_text(encoding="utf-8")


def test_a_hand_edited_debrief_left_as_it_is_in_the_editor_saves_nothing(
    cli: Callable[..., Result], interview: dict[str, Any], editor: Callable[[str], Path], store_file: Path
) -> None:
    data = json.loads(store_file.read_text(encoding="utf-8"))
    data["interviews"][0]["debrief"] = {"notes": "  padded by hand  ", "mood": "tired"}
    store_file.write_text(json.dumps(data), encoding="utf-8")
    before = store_file.read_bytes()
    editor("keep")
    result = cli("remember", "1")
    assert result.code == 0
    assert "Nothing changed" in result.out
    assert store_file.read_bytes() == before


def test_unknown_keys_of_a_debrief_survive_an_edit(
    cli: Callable[..., Result], interview: dict[str, Any], editor: Callable[[str], Path], store_file: Path
) -> None:
    data = json.loads(store_file.read_text(encoding="utf-8"))
    data["interviews"][0]["debrief"] = {"notes": "by hand", "mood": "tired"}
    store_file.write_text(json.dumps(data), encoding="utf-8")
    editor("fill")
    assert cli("remember", "1").code == 0
    debrief = shown(cli)["debrief"]
    assert (debrief["mood"], debrief["notes"], len(debrief["questions"])) == ("tired", "by hand", 3)
