"""The story bank (``afterview story``): stories in the store, named in debriefs, shown by ``prep``."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterview.domain import debrief as debrief_md
from afterview.domain import story_bank, story_markdown
from afterview.errors import UserError
from afterview.models.enums import Rating
from afterview.models.records import Question
from tests.helpers import Result

Cli = Callable[..., Result]
Log = Callable[..., dict[str, Any]]

STORY = """\
# Story: a new story

## Title
The billing migration

## Tags
migration, #leadership, Migration

## Situation
Billing ran on a ten-year-old MySQL.
\\# not a heading

## Task
Move it without downtime.

## Action
Dual writes, then a backfill.

## Result
No downtime; 30% cheaper.

## What I would do differently
Start the backfill earlier.
"""


def debrief_text(*questions: tuple[str, str, str, str, str]) -> str:
    """A debrief's Markdown: each question as (text, asked by, answer, rating, story)."""
    lines = ["## Questions"]
    for number, (text, who, answer, rating, story) in enumerate(questions, start=1):
        lines += [f"### Question {number}", text, "#### Asked by", who, "#### My answer", answer]
        lines += ["#### Rating", rating, "#### Story", story, ""]
    for heading in ("What went well", "What to improve", "Topics for the thank-you note"):
        lines += [f"## {heading}", ""]
    lines += ["## Questions I asked them", "", "## Notes", ""]
    return "\n".join(lines)


@pytest.fixture
def story_file(tmp_path: Path) -> Path:
    path = tmp_path / "story.md"
    path.write_text(STORY, encoding="utf-8")
    return path


@pytest.fixture
def told(cli: Cli, log: Log, story_file: Path, tmp_path: Path) -> dict[str, Any]:
    """S1 added from a file, and told to Anna for the first question of round 1 at Acme."""
    assert cli("story", "add", "--from", str(story_file)).code == 0
    interview = log("--at", "2026-11-26 10:00", "--interviewer", "Anna Schmidt <anna@acme.com>")
    notes = tmp_path / "debrief.md"
    notes.write_text(
        debrief_text(
            ("Tell me about a hard migration.", "Anna", "The billing move.", "strong", "S1"),
            ("Why Acme?", "Anna", "The product.", "weak", ""),
            ("A conflict you resolved?", "Anna", "Two teams and one API.", "strong", ""),
        ),
        encoding="utf-8",
    )
    result = cli("remember", str(interview["id"]), "--from", str(notes))
    assert result.code == 0, result.err
    return interview


def test_a_story_from_a_file_is_stored_with_every_part(cli: Cli, story_file: Path) -> None:
    added = cli("story", "add", "--from", str(story_file), "--json")
    assert added.code == 0, added.err
    story = added.json()
    assert story["id"] == "S1"
    assert story["title"] == "The billing migration"
    assert story["tags"] == ["migration", "leadership"]  # a leading # dropped; the same tag once
    assert story["situation"] == "Billing ran on a ten-year-old MySQL.\n# not a heading"
    assert story["differently"] == "Start the backfill earlier."
    assert cli("story", "list", "--tag", "LEADERSHIP", "--json").json()[0]["id"] == "S1"
    assert cli("story", "list", "--tag", "failure", "--json").json() == []


def test_story_show_lists_the_use_a_debrief_names(cli: Cli, told: dict[str, Any]) -> None:
    shown = cli("story", "show", "S1", "--json")
    assert shown.code == 0, shown.err
    uses = shown.json()["uses"]
    assert [(u["interview_id"], u["company"], u["question"], u["asked_by"], u["rating"]) for u in uses] == [
        (told["id"], "Acme", "Tell me about a hard migration.", "Anna", "strong")
    ]
    human = cli("story", "show", "S1")
    assert "round 1" in human.out
    assert "to Anna: Tell me about a hard migration." in human.out


def test_prep_json_lists_the_story_told_for_each_question(cli: Cli, told: dict[str, Any]) -> None:
    questions = {q["question"]: q["stories"] for q in cli("prep", "--json").json()}
    assert questions["Tell me about a hard migration."] == [
        {"id": "S1", "title": "The billing migration", "rating": "strong", "told_to": ["Anna"]}
    ]
    assert questions["Why Acme?"] == []
    human = cli("prep").out
    assert "Story: S1 The billing migration  strong · told to Anna" in human
    assert "No story yet" in human  # under the weak question


def test_prep_company_warns_that_the_next_rounds_interviewer_heard_the_story(
    cli: Cli, told: dict[str, Any]
) -> None:
    next_round = cli(
        "log", "--process", f"P{told['process_id']}", "--at", "2026-12-03 10:00", "--no-input",
        "--interviewer", "Anna Schmidt <anna@acme.com>", "--interviewer", "Bo Li",
    )  # fmt: skip
    assert next_round.code == 0, next_round.err
    result = cli("prep", "Acme")
    assert result.code == 0
    assert "migration: S1 The billing migration" in result.out  # the stories by tag
    assert "You told Anna Schmidt the story S1 (The billing migration) in round 1 at Acme" in result.err
    elsewhere = cli("prep", "Globex")
    assert "You told" not in elsewhere.err


def test_a_strong_answer_with_no_story_is_suggested_and_kept_from_the_answer(
    cli: Cli, told: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # remember (in the fixture) suggested keeping question 3; here the suggestion is followed.
    script = tmp_path / "editor.py"
    script.write_text(
        "import pathlib, sys\n"
        "p = pathlib.Path(sys.argv[-1]); t = p.read_text()\n"
        "assert 'Two teams and one API.' in t and 'A conflict you resolved?' in t, t\n"
        "p.write_text(t.replace('## Tags\\n', '## Tags\\nconflict\\n'))\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f'"{sys.executable}" "{script}"')
    added = cli("story", "add", "--answer", f"{told['id']}:3", "--json")
    assert added.code == 0, added.err
    assert added.json()["situation"] == "Two teams and one API."
    assert added.json()["tags"] == ["conflict"]
    uses = cli("story", "show", "S2", "--json").json()["uses"]
    assert [u["question"] for u in uses] == ["A conflict you resolved?"]


def test_remember_suggests_keeping_a_strong_answer(cli: Cli, log: Log, tmp_path: Path) -> None:
    interview = log()
    notes = tmp_path / "d.md"
    notes.write_text(debrief_text(("Why us?", "", "Because of X.", "strong", "")), encoding="utf-8")
    result = cli("remember", str(interview["id"]), "--from", str(notes))
    assert f"afterview story add --answer {interview['id']}:1" in result.err


def test_a_debrief_naming_a_story_not_in_the_bank_is_refused(cli: Cli, log: Log, tmp_path: Path) -> None:
    interview = log()
    notes = tmp_path / "d.md"
    notes.write_text(debrief_text(("Why us?", "", "Because.", "ok", "S4")), encoding="utf-8")
    result = cli("remember", str(interview["id"]), "--from", str(notes))
    assert result.code == 1
    assert "S4, which is not in your story bank" in result.err
    assert cli("show", str(interview["id"]), "--json").json()["debrief"] is None


def test_a_story_survives_export_json_and_import_into_a_fresh_store(
    cli: Cli, told: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = cli("story", "show", "S1", "--json").json()
    exported = tmp_path / "export.json"
    assert cli("export", "json", "-o", str(exported)).code == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["export_version"] == 3
    assert data["next_ids"]["story"] == 2
    monkeypatch.setenv("AFTERVIEW_HOME", str(tmp_path / "fresh"))
    imported = cli("import", str(exported))
    assert imported.code == 0, imported.err
    assert "Imported 1 story: S1." in imported.out
    assert cli("story", "show", "S1", "--json").json() == before  # uses included
    again = cli("import", str(exported), "--json").json()
    assert again["stories_added"] == []
    added = cli("story", "add", "--from", str(tmp_path / "story.md"), "--json").json()
    assert added["id"] == "S2"


def test_the_markdown_report_holds_the_stories(cli: Cli, told: dict[str, Any]) -> None:
    report = cli("export", "md").out
    assert "# Stories" in report
    assert "## S1. The billing migration" in report
    assert "Dual writes, then a backfill." in report


def test_story_edit_in_the_editor_keeps_a_version_changed_meanwhile(
    cli: Cli, story_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As ``edit`` and ``remember`` do: no lock while the editor is open; another save is kept aside."""
    assert cli("story", "add", "--from", str(story_file)).code == 0
    other = tmp_path / "other.md"
    other.write_text(STORY.replace("No downtime", "Zero downtime"), encoding="utf-8")
    script = tmp_path / "editor.py"
    script.write_text(
        "import pathlib, subprocess, sys\n"
        f"args = ['story', 'edit', 'S1', '--from', {str(other)!r}]\n"
        "subprocess.run([sys.executable, '-m', 'afterview', *args], check=True, capture_output=True)\n"
        "p = pathlib.Path(sys.argv[-1])\n"
        "p.write_text(p.read_text().replace('Start the backfill earlier.', 'Ask for help sooner.'))\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f'"{sys.executable}" "{script}"')
    result = cli("story", "edit", "S1", "--json")
    assert result.code == 0, result.err
    assert result.json()["differently"] == "Ask for help sooner."
    assert "Another afterview changed this story" in result.err
    kept = list((tmp_path / "home" / "recovery").glob("story-S1-other-*.md"))
    assert len(kept) == 1
    assert "Zero downtime" in kept[0].read_text(encoding="utf-8")


def test_a_story_that_does_not_read_is_kept_for_recovery(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "editor.py"
    script.write_text(
        "import pathlib, sys\np = pathlib.Path(sys.argv[-1])\n"
        "p.write_text(p.read_text().replace('## Title', '## Titel'))\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f'"{sys.executable}" "{script}"')
    result = cli("story", "add", "--no-input")
    assert result.code == 1
    assert "unexpected heading '## Titel'" in result.err
    assert "the heading ## Title is missing" in result.err
    kept = list((tmp_path / "home" / "recovery").glob("story-new-*.md"))
    assert len(kept) == 1
    assert f"--from {kept[0]}" in result.err
    assert cli("story", "list", "--json").json() == []


def test_story_rm_keeps_the_debriefs_and_never_reuses_the_id(
    cli: Cli, told: dict[str, Any], story_file: Path
) -> None:
    removed = cli("story", "rm", "S1")
    assert removed.code == 0
    assert "1 debrief question still name S1" in removed.err
    assert cli("story", "show", "S1").code == 1
    assert cli("story", "add", "--from", str(story_file), "--json").json()["id"] == "S2"
    questions = {q["question"]: q["stories"] for q in cli("prep", "--json").json()}
    assert questions["Tell me about a hard migration."][0]["title"] is None  # removed, still named
    doctor = cli("doctor")
    assert "never held" not in doctor.out


def test_doctor_counts_stories_and_warns_about_a_debrief_naming_one_never_held(
    cli: Cli, told: dict[str, Any], store_file: Path
) -> None:
    doctor = cli("doctor")
    assert "1 interview, 1 story, schema 2" in doctor.out
    data = json.loads(store_file.read_text(encoding="utf-8"))
    data["interviews"][0]["debrief"]["questions"][1]["story"] = "S9"
    store_file.write_text(json.dumps(data, indent=1), encoding="utf-8")
    doctor = cli("doctor")
    assert "names the story 'S9', which your story bank never held" in doctor.out
    assert doctor.code == 0  # a warning, not a problem


def test_restore_brings_back_a_removed_story(cli: Cli, told: dict[str, Any]) -> None:
    assert cli("story", "rm", "S1").code == 0
    backups = cli("restore", "--json").json()
    assert backups[0]["stories"] == 1
    restored = cli("restore", "1", "--json")
    assert restored.code == 0, restored.err
    assert restored.json()["stories"] == 1
    assert cli("story", "show", "S1", "--json").json()["title"] == "The billing migration"


def test_an_older_afterview_keeps_stories_as_unknown_keys(
    cli: Cli, told: dict[str, Any], store_file: Path
) -> None:
    """No schema bump: every stored model keeps unknown keys, so a file whose stories an afterview without
    them reads and writes keeps them. Shown here by a change to a store whose stories moved to the end,
    as an older afterview writes them."""
    data = json.loads(store_file.read_text(encoding="utf-8"))
    stories, next_id = data.pop("stories"), data.pop("next_story_id")
    store_file.write_text(json.dumps({**data, "next_story_id": next_id, "stories": stories}, indent=1))
    assert cli("done", f"{told['id']}.2").code == 0
    assert cli("story", "show", "S1", "--json").json()["uses"][0]["asked_by"] == "Anna"


def test_the_installed_command_adds_and_shows_a_story(process: Callable[..., Any], story_file: Path) -> None:
    added = process("story", "add", "--from", "-", "--json", input=story_file.read_text(encoding="utf-8"))
    assert added.returncode == 0, added.stderr
    shown = process("story", "show", "s1")
    assert shown.returncode == 0
    assert "The billing migration" in shown.stdout
    assert "Not told yet." in shown.stdout


# The pure parts


def test_a_story_renders_to_markdown_that_parses_back_the_same() -> None:
    fields = story_markdown.parse(STORY)
    again = story_markdown.parse(story_markdown.to_markdown(fields))
    assert again == fields


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (STORY.replace("## Tags\n", ""), "the heading ## Tags is missing"),
        (STORY.replace("The billing migration\n", ""), "the story has no title"),
        (STORY.replace("## Task", "## Task\n## Task"), "## Task appears twice"),
        (STORY + "\x1b[2J", "control character U+001B (ESC)"),
        (STORY.replace("migration, ", "x" * 51 + " "), "is too long (51 characters; at most 50)"),
    ],
)
def test_a_story_that_does_not_read_says_why(text: str, problem: str) -> None:
    with pytest.raises(story_markdown.StoryError) as error:
        story_markdown.parse(text)
    assert any(problem in line for line in error.value.problems), error.value.problems


def test_a_debrief_names_its_story_and_parses_back_the_same() -> None:
    parsed = debrief_md.parse(debrief_text(("Q?", "Anna", "A.", "strong", "s3 (the migration)")))
    assert parsed.questions[0].model_extra == {"asked_by": "Anna", "story": "S3"}
    assert story_bank.named_stories(parsed) == [3]
    with pytest.raises(UserError, match="is not a story id like S3"):
        debrief_md.parse(debrief_text(("Q?", "", "A.", "ok", "the migration one")))


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [("Anna", "Anna Schmidt", True), ("anna schmidt", "Anna Schmidt", True), ("Anna", "Bo Li", False),
     ("José", "Jose Garcia", True), ("", "Anna", False)],
)  # fmt: skip
def test_a_listener_is_matched_by_the_words_of_their_name(first: str, second: str, same: bool) -> None:
    assert story_bank.same_person(first, second) is same


def test_only_strong_answers_without_a_story_are_worth_keeping() -> None:
    questions = [
        Question(question="a", answer="x", rating=Rating.STRONG),
        Question(question="b", answer="x", rating=Rating.STRONG, story="S1"),
        Question(question="c", answer="", rating=Rating.STRONG),
        Question(question="d", answer="x", rating=Rating.OK),
    ]
    from afterview.models.records import Debrief

    assert story_bank.unkept_strong_answers(Debrief(questions=questions)) == [1]


def test_remember_prompt_asks_which_story_was_told(
    cli: Cli, log: Log, story_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("story", "add", "--from", str(story_file)).code == 0
    interview = log()
    monkeypatch.setattr("afterview.cli.inputs.interactive", lambda no_input: not no_input)
    answers = [
        "A hard migration?", "Billing", "strong", "", "the billing one", "s1",  # question 1
        "", "", "", "", "", "",
    ]  # fmt: skip
    data = ("\n".join(answers) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    result = cli("remember", str(interview["id"]), "--prompt")
    assert result.code == 0, result.err
    assert "Your stories: S1 The billing migration" in result.err
    assert "'the billing one' is not a story id like S3" in result.err
    question = cli("show", str(interview["id"]), "--json").json()["debrief"]["questions"][0]
    assert question["story"] == "S1"
