"""``draft-thanks``, ``draft KIND`` and ``templates``, run as a user runs them."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import sys
from collections.abc import Callable
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from afterview.actions import session
from afterview.models.document import Document
from afterview.models.enums import Status
from afterview.models.records import Debrief, Reference, StatusChange
from afterview.store import paths
from afterview.store.storefile import Store
from tests.helpers import Result

CLI = Callable[..., Result]
Log = Callable[..., dict[str, Any]]


def store() -> Store:
    return Store(paths.store_path(), clock=session.now)


def edit_store(change: Callable[[Document], None]) -> None:
    """Change the store the way another command would: through its transaction."""
    with store().transaction() as document:
        change(document)


def add_debrief(interview_id: int, debrief: Debrief) -> None:
    def change(document: Document) -> None:
        interview = document.interview(interview_id)
        assert interview is not None
        document.put(interview.model_copy(update={"debrief": debrief}))

    edit_store(change)


@pytest.fixture
def two(profile: None, log: Log) -> dict[str, Any]:
    """An interview with two interviewers (one with a non-ASCII name) and a debrief."""
    interview = log(
        "--interviewer", "José Müller, CTO <jose@acme.com>",
        "--interviewer", "Bob Stone <bob@acme.com>",
        "--decision-by", "2026-12-04",
        company="Acme, \"Inc\"", role="Staff Engineer",
    )  # fmt: skip
    add_debrief(interview["id"], Debrief(thank_you_topics=["the move to event sourcing"]))
    return interview


def printed_bodies(out: str) -> list[str]:
    """The bodies of the drafts as printed: after the blank line under each subject."""
    return [part.split("\n\n", 1)[1] for part in out.split("\n\n" + "─" * 40 + "\n\n")]


def test_draft_thanks_gives_one_brief_personal_note_per_interviewer(cli: CLI, two: dict[str, Any]) -> None:
    result = cli("draft-thanks", "1")
    assert result.code == 0, result.err
    bodies = printed_bodies(result.out)
    assert len(bodies) == 2
    for body, name in zip(bodies, ["José", "Bob"], strict=True):
        assert body.startswith(f"Dear {name},")
        assert 'Acme, "Inc"' in body
        assert "Staff Engineer" in body
        assert "the move to event sourcing" in body
        assert len(body.split()) < 150
    assert "To: José Müller <jose@acme.com>" in result.out
    assert result.err == ""


def test_draft_thanks_json_and_the_thank_you_alias(cli: CLI, two: dict[str, Any]) -> None:
    notes = cli("draft-thanks", "1", "--json").json()
    assert [n["to_name"] for n in notes] == ["José Müller", "Bob Stone"]
    assert notes == cli("draft", "thank-you", "1", "--json").json()
    assert all(n["kind"] == "thank-you" and n["warnings"] == [] for n in notes)


@pytest.mark.parametrize("kind", ["follow-up", "nudge", "reference", "offer-notice", "withdraw"])
def test_each_kind_prints_a_subject_and_a_body_with_no_placeholder(
    cli: CLI, two: dict[str, Any], kind: str
) -> None:
    result = cli("draft", kind, "1")
    assert result.code == 0, result.err
    head, _, body = result.out.partition("\n\n")
    assert re.search(r"^Subject: \S", head, re.MULTILINE)
    assert len(body.split()) > 20
    assert not re.search(r"[{}$]", result.out)


def test_missing_data_warns_on_stderr(cli: CLI, log: Log) -> None:
    log()
    result = cli("draft", "follow-up", "1")
    assert result.code == 0
    assert "[add their name]" in result.out
    assert "[add your name]" in result.out
    assert "I wanted to follow up on our conversation today" in result.out  # no decision date: none asked for
    assert result.out.count("[add") == 4  # whom to (name, address, greeting) and your name
    assert "Warning: Interview 1 has no interviewer" in result.err
    assert "Warning: Your profile has no name" in result.err
    assert "decision date" not in result.err


def test_no_interviewers_to_thank_is_a_clear_error(cli: CLI, log: Log) -> None:
    log()
    result = cli("draft-thanks", "1")
    assert result.code == 1
    assert "no interviewers to thank" in result.err
    assert "Traceback" not in result.err


def test_eml_parses_with_the_non_ascii_name_and_the_printed_body(
    cli: CLI, two: dict[str, Any], tmp_path: Path
) -> None:
    target = tmp_path / "note.eml"
    result = cli("draft-thanks", "1", "--to", "josé", "--eml", str(target))
    assert result.code == 0, result.err
    assert f"Wrote {target}" in result.err
    message = BytesParser(policy=policy.default).parsebytes(target.read_bytes())
    assert isinstance(message, EmailMessage)
    (to,) = message["To"].addresses
    assert (to.display_name, to.addr_spec) == ("José Müller", "jose@acme.com")
    assert message["Subject"] == "Thank you: Staff Engineer interview"
    assert message["X-Unsent"] == "1"
    assert message["From"].addresses[0].display_name == "Sam Lee"
    assert message.get_content_charset() == "utf-8"
    (printed,) = printed_bodies(result.out)
    assert message.get_content() == printed


def test_eml_into_a_directory_writes_one_file_per_note(cli: CLI, two: dict[str, Any], tmp_path: Path) -> None:
    result = cli("draft-thanks", "1", "--eml", str(tmp_path))
    assert result.code == 0, result.err
    assert sorted(p.name for p in tmp_path.glob("*.eml")) == [
        "thank-you-bob-stone.eml",
        "thank-you-jose-muller.eml",
    ]


def test_eml_to_one_file_for_two_notes_is_refused(cli: CLI, two: dict[str, Any], tmp_path: Path) -> None:
    result = cli("draft-thanks", "1", "--eml", str(tmp_path / "x.eml"))
    assert result.code == 1
    assert "needs a directory" in result.err
    assert not (tmp_path / "x.eml").exists()


def test_eml_that_cannot_be_written_is_a_clear_error(cli: CLI, two: dict[str, Any], tmp_path: Path) -> None:
    result = cli("draft", "follow-up", "1", "--eml", str(tmp_path / "missing" / "x.eml"))
    assert result.code == 1
    assert "Cannot write" in result.err
    assert "No such file or directory" in result.err


def test_eml_names_in_a_directory_never_collide(cli: CLI, profile: None, log: Log, tmp_path: Path) -> None:
    log("--interviewer", "Jo Li <jo@acme.com>", "--interviewer", "Jo-Li <li@acme.com>")
    assert cli("draft-thanks", "1", "--eml", f"{tmp_path}/out/").code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "thank-you-jo-li-2.eml",
        "thank-you-jo-li.eml",
    ]


def test_mailto_round_trips_to_the_same_recipient_subject_and_body(cli: CLI, two: dict[str, Any]) -> None:
    (note,) = cli("draft-thanks", "1", "--to", "Bob", "--json").json()
    result = cli("draft-thanks", "1", "--to", "Bob", "--mailto")
    assert result.code == 0, result.err
    link = result.out.strip()
    parts = urlsplit(link)
    assert unquote(parts.path) == note["to_email"] == "bob@acme.com"
    query = parse_qs(parts.query, strict_parsing=True)
    assert query["subject"] == [note["subject"]]
    assert query["body"][0] == note["body"].replace("\n", "\r\n")  # RFC 6068 line breaks


def test_open_hands_the_link_to_the_mail_client(
    cli: CLI, two: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    def launch(url: str, **_: object) -> int:
        opened.append(url)
        return 0

    monkeypatch.setattr("typer.launch", launch)
    result = cli("draft", "withdraw", "1", "--open")
    assert result.code == 0, result.err
    assert opened == [result.out.strip()]
    assert opened[0].startswith("mailto:jose@acme.com?subject=Withdrawing")
    opened.clear()
    with_json = cli("draft", "withdraw", "1", "--open", "--mailto", "--json")
    assert opened == [with_json.json()[0]["mailto"]]


def test_open_that_fails_says_so(cli: CLI, two: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("typer.launch", lambda url, **_: 1)
    result = cli("draft", "withdraw", "1", "--open")
    assert result.code == 1
    assert "Could not open your mail client" in result.err
    assert result.out.startswith("mailto:")


def test_copy_puts_the_body_on_the_clipboard(
    cli: CLI, two: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyperclip

    copied: list[str] = []
    monkeypatch.setattr(pyperclip, "copy", copied.append)
    result = cli("draft", "follow-up", "1", "--copy")
    assert result.code == 0, result.err
    (body,) = printed_bodies(result.out)
    assert copied == [body]
    assert "Copied the body to the clipboard" in result.err


def test_copy_without_a_clipboard_says_so(
    cli: CLI, two: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyperclip

    def no_clipboard(text: str) -> None:
        raise pyperclip.PyperclipException("no mechanism")

    monkeypatch.setattr(pyperclip, "copy", no_clipboard)
    result = cli("draft", "follow-up", "1", "--copy")
    assert result.code == 1
    assert "There is no clipboard here" in result.err
    assert "Traceback" not in result.err
    assert "Subject: Following up" in result.out  # the draft is still there to copy by hand


def test_copy_of_two_notes_asks_for_one(cli: CLI, two: dict[str, Any]) -> None:
    result = cli("draft-thanks", "1", "--copy")
    assert result.code == 1
    assert "--to" in result.err


def pending(cli: CLI, kind: str) -> list[dict[str, Any]]:
    return [s for s in cli("todo", "--json").json() if s["kind"] == kind]


def test_sent_removes_the_thank_you_step_from_todo_and_show_lists_it(cli: CLI, two: dict[str, Any]) -> None:
    assert [s["person"] for s in pending(cli, "thank-you")] == ["José Müller", "Bob Stone"]
    result = cli("draft-thanks", "1", "--to", "José", "--sent")
    assert result.code == 0, result.err
    assert re.search(r"Marked sent: thank-you to José Müller; step 1\.\d+ is done\.", result.err)
    assert "Marked sent" not in result.out
    assert [s["person"] for s in pending(cli, "thank-you")] == ["Bob Stone"]
    shown = cli("show", "1").out
    assert "Sent:" in shown
    assert (
        "2026-11-27 16:00 thank-you to José Müller <jose@acme.com>: Thank you: Staff Engineer interview"
        in shown
    )
    document = store().read()
    (record,) = document.interviews[0].sent
    assert record.at == dt.datetime.fromisoformat("2026-11-27T16:00:00+01:00")

    again = cli("draft-thanks", "1", "--to", "José", "--sent")
    assert again.code == 0
    assert "Already marked sent on 2026-11-27 16:00: thank-you to José Müller." in again.err
    assert store().read().revision == document.revision


def test_a_sent_follow_up_brings_on_the_nudge_which_refers_to_it(cli: CLI, two: dict[str, Any]) -> None:
    assert pending(cli, "nudge") == []
    assert cli("draft", "follow-up", "1", "--sent").code == 0
    assert pending(cli, "follow-up") == []
    assert len(pending(cli, "nudge")) == 1
    result = cli("draft", "nudge", "1")
    assert "I am following up on the note I sent today about" in result.out
    assert result.err == ""


def test_reference_heads_up_to_a_recorded_reference(cli: CLI, profile: None, log: Log) -> None:
    edit_store(lambda d: d.references.append(Reference(id=1, name="María Ruiz", email="maria@example.com")))
    log("--interviewer", "Jane Doe, CTO <jane@acme.com>", "--references")
    result = cli(
        "draft", "reference", "1", "--ref", "maría", "--emphasis", "the payments migration", "--sent"
    )
    assert result.code == 0, result.err
    assert "To: María Ruiz <maria@example.com>" in result.out
    assert "Jane Doe (CTO) may be in touch" in result.out
    assert "speak to the payments migration" in result.out
    assert pending(cli, "reference") == []


def test_offer_notice_uses_the_offer_deadline_and_closes_its_step(cli: CLI, profile: None, log: Log) -> None:
    log("--interviewer", "Jane Doe <jane@acme.com>")
    log("--interviewer", "Kim <kim@globex.example>", company="Globex")

    def offer(document: Document) -> None:
        globex = document.interview(2)
        assert globex is not None
        change = StatusChange(status=Status.OFFER, on=dt.date(2026, 11, 27), deadline=dt.date(2026, 12, 4))
        globex.process.history = [change]

    edit_store(offer)
    assert cli("done", "1.1").code == 0  # any write refreshes the plan: the offer-notice step appears
    assert len(pending(cli, "offer-notice")) == 1
    result = cli("draft", "offer-notice", "1", "--sent")
    assert result.code == 0, result.err
    assert "answer by Friday 4 December" in result.out
    assert pending(cli, "offer-notice") == []


def test_unknown_interview_is_exit_1(cli: CLI) -> None:
    result = cli("draft", "follow-up", "9")
    assert result.code == 1
    assert "There is no interview 9" in result.err


# --- templates -------------------------------------------------------------------------------------------


def user_template(home: Path, name: str, text: str) -> Path:
    path = home / "config" / "templates" / f"{name}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("TOP-SECRET-CONTENT\n")
    return path


@pytest.mark.parametrize(
    "hostile",
    [
        "{{ ''.__class__.__mro__ }}",
        "{% include 'SECRET' %}",
        "{% extends 'SECRET' %}",
        "{% import 'SECRET' as s %}",
        "${__import__('os').system('touch PWNED')}",
        "{{ cycler.__init__.__globals__.os.system('touch PWNED') }}",
    ],
)
def test_a_hostile_user_template_neither_runs_nor_reads_a_file(
    cli: CLI, two: dict[str, Any], home: Path, secret: Path, hostile: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.chdir(tmp_path)
    path = user_template(
        home, "thank-you", "Subject: Hi\n\nDear {{ name }},\n" + hostile.replace("SECRET", str(secret))
    )
    result = cli("draft-thanks", "1")
    assert result.code == 1
    assert f"({path}, line 4) cannot be used" in result.err
    assert "TOP-SECRET-CONTENT" not in result.out + result.err
    assert not (tmp_path / "PWNED").exists()
    assert "Traceback" not in result.err


def test_a_user_template_is_used(cli: CLI, two: dict[str, Any], home: Path) -> None:
    user_template(
        home,
        "follow-up",
        "Subject: Any news, {{ name }}?\n\nHi {{ name }} at {{ company }}: {{ decision_by }}.\n",
    )
    result = cli("draft", "follow-up", "1")
    assert result.code == 0, result.err
    assert "Subject: Any news, José Müller?" in result.out
    assert 'Hi José Müller at Acme, "Inc": Friday 4 December.' in result.out


def test_templates_list_show_edit_reset(
    cli: CLI, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = cli("templates", "list")
    assert listed.code == 0
    assert "thank-you     built-in" in listed.out
    assert "withdraw      built-in" in listed.out
    shown = cli("templates", "show", "nudge")
    assert shown.out.startswith("Subject: Checking in again")
    assert "{{ follow_up_sent }}" in shown.err

    script = tmp_path / "editor.py"
    script.write_text(
        "import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text().replace('Checking in again', 'Still keen'))\n"
    )
    monkeypatch.setenv("EDITOR", f'"{sys.executable}" "{script}"')
    edited = cli("templates", "edit", "nudge")
    assert edited.code == 0, edited.err
    path = home / "config" / "templates" / "nudge.txt"
    assert f"Saved your nudge template: {path}" in edited.out
    if os.name == "posix":  # your templates are yours: private like the rest of afterview's files
        assert [stat.S_IMODE(d.stat().st_mode) for d in (path.parent.parent, path.parent)] == [0o700, 0o700]
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert cli("templates", "show", "nudge").out.startswith("Subject: Still keen")
    assert cli("templates", "show", "nudge", "--builtin").out.startswith("Subject: Checking in again")
    assert any(t["name"] == "nudge" and t["custom"] for t in cli("templates", "list", "--json").json())

    reset = cli("templates", "reset", "nudge")
    assert reset.code == 0
    assert not path.exists()
    assert path.with_name("nudge.txt.bak").exists()
    assert cli("templates", "show", "nudge").out.startswith("Subject: Checking in again")
    assert "already the built-in one" in cli("templates", "reset", "nudge").out


def test_editing_a_template_into_a_broken_one_says_where(
    cli: CLI, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys, pathlib\npathlib.Path(sys.argv[1]).write_text('Subject: x\\n\\n{{ name }\\n')\n"
    )
    monkeypatch.setenv("EDITOR", f'"{sys.executable}" "{script}"')
    result = cli("templates", "edit", "withdraw")
    assert result.code == 1
    assert "withdraw.txt, line 3) cannot be used: unexpected '}'" in result.err
    assert "afterview templates reset withdraw" in result.err


@pytest.mark.parametrize(
    ("editor", "message"),
    [
        ("no-such-editor-afterview", "The editor 'no-such-editor-afterview' (from $VISUAL) was not found"),
        ("false", "status 1"),
    ],
)
def test_an_editor_that_fails_is_reported(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, editor: str, message: str
) -> None:
    monkeypatch.setenv("VISUAL", editor)
    result = cli("templates", "edit", "withdraw")
    assert result.code == 1
    assert message in result.err


def test_unknown_template_name(cli: CLI) -> None:
    result = cli("templates", "show", "love-letter")
    assert result.code == 1
    assert "There is no template 'love-letter'" in result.err


def test_a_template_that_is_not_utf8_is_a_clear_error(cli: CLI, two: dict[str, Any], home: Path) -> None:
    path = user_template(home, "thank-you", "")
    path.write_bytes(b"Subject: \xff\n")
    result = cli("draft-thanks", "1")
    assert result.code == 1
    assert "is not UTF-8 text" in result.err


def test_the_real_command_prints_plain_text_when_piped(
    process: Callable[..., Any], two: dict[str, Any]
) -> None:
    done = process("draft-thanks", "1", "--to", "Bob")
    assert done.returncode == 0, done.stderr
    assert "\x1b[" not in done.stdout
    assert done.stdout.startswith(
        "To: Bob Stone <bob@acme.com>\nSubject: Thank you: Staff Engineer interview\n\nDear Bob,"
    )


@pytest.mark.parametrize(
    "command",
    [
        ["draft-thanks"],
        *(
            ["draft", kind]
            for kind in ("thank-you", "follow-up", "nudge", "reference", "offer-notice", "withdraw")
        ),
        *(["templates", verb] for verb in ("list", "show", "edit", "reset")),
    ],
)
def test_every_command_has_help_with_an_example_and_a_guide_entry(cli: CLI, command: list[str]) -> None:
    result = cli(*command, "--help")
    assert result.code == 0
    text = " ".join(result.out.split())
    assert "Example: afterview " in text
    assert "afterview " + " ".join(command) in text
    guide = (Path(__file__).parents[1] / "docs" / "guide.md").read_text(encoding="utf-8")
    assert "afterview " + " ".join(command) in guide


@pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pseudo-terminal")
def test_on_a_narrow_terminal_the_body_is_not_broken_into_lines(two: dict[str, Any]) -> None:
    import os

    import pexpect

    from tests.helpers import afterview_command

    env = {**os.environ, "COLUMNS": "40"}
    child = pexpect.spawn(
        afterview_command()[0], ["draft-thanks", "1", "--to", "Bob"], env=env, encoding="utf-8"
    )
    child.expect(pexpect.EOF, timeout=60)
    child.close()
    assert child.exitstatus == 0
    assert (
        "Many thanks for meeting me today to talk about the Staff Engineer position at Acme" in child.before
    )


def test_with_the_real_ref_and_outcome_commands(cli: CLI, profile: None, log: Log) -> None:
    """The whole flow as a user runs it: a reference, an offer elsewhere, both messages sent."""
    assert cli("ref", "add", "María Ruiz", "--email", "maria@example.com").code == 0
    log("--interviewer", "Jane Doe <jane@acme.com>", "--references")
    log("--interviewer", "Kim <kim@globex.example>", company="Globex")
    assert cli("outcome", "2", "offer", "--deadline", "2026-12-04").code == 0
    assert len(pending(cli, "offer-notice")) == 1
    assert len(pending(cli, "reference")) == 1
    notice = cli("draft", "offer-notice", "1", "--sent")
    assert notice.code == 0, notice.err
    assert "answer by Friday 4 December" in notice.out
    heads_up = cli("draft", "reference", "1", "--emphasis", "the on-call redesign", "--sent")
    assert heads_up.code == 0, heads_up.err
    assert "To: María Ruiz <maria@example.com>" in heads_up.out
    assert pending(cli, "offer-notice") == []
    assert pending(cli, "reference") == []


def test_a_sent_withdrawal_is_recorded_and_points_to_the_outcome(cli: CLI, two: dict[str, Any]) -> None:
    result = cli("draft", "withdraw", "1", "--sent")
    assert result.code == 0, result.err
    assert "Marked sent: withdraw to José Müller." in result.err
    assert "afterview outcome 1 withdrawn" in result.err
    assert [r.kind for r in store().read().interviews[0].sent] == ["withdraw"]


def _step(interview: dict[str, Any], kind: str) -> str:
    return next(str(s["id"]) for s in interview["steps"] if s["kind"] == kind)


def test_a_skipped_follow_up_is_not_quoted_as_sent_in_the_nudge(cli: CLI, log: Log, profile: None) -> None:
    interview = log("--interviewer", "Jane Doe <jane@acme.com>", "--at", "2026-11-20T10:00")
    assert cli("skip", _step(interview, "follow-up"), "--reason", "they called me").code == 0
    result = cli("draft", "nudge", "1")
    assert result.code == 0, result.err
    assert "the note I sent" not in result.out
    assert "I am writing again about the Staff Engineer position at Acme." in result.out
    assert "[add" not in result.out
    assert result.err == ""


def test_a_done_follow_up_is_quoted_in_the_nudge(cli: CLI, log: Log, profile: None) -> None:
    interview = log("--interviewer", "Jane Doe <jane@acme.com>", "--at", "2026-11-20T10:00")
    assert cli("done", _step(interview, "follow-up")).code == 0
    assert "the note I sent today" in cli("draft", "nudge", "1").out


def test_to_an_exact_name_writes_to_that_interviewer_only(cli: CLI, log: Log, profile: None) -> None:
    log("--interviewer", "Ann <ann@acme.com>", "--interviewer", "Ann Lee <lee@acme.com>")
    result = cli("draft-thanks", "1", "--to", "ann", "--sent")
    assert result.code == 0, result.err
    assert "Dear Ann," in result.out
    assert "Ann Lee" not in result.out
    steps = {
        s["person"]: s["state"]
        for s in cli("show", "1", "--json").json()["steps"]
        if s["kind"] == "thank-you"
    }
    assert steps == {"Ann": "done", "Ann Lee": "pending"}


def test_to_part_of_a_name_still_matches_everyone_it_fits(cli: CLI, log: Log, profile: None) -> None:
    log("--interviewer", "Ann Smith <ann@acme.com>", "--interviewer", "Ann Lee <lee@acme.com>")
    result = cli("draft-thanks", "1", "--to", "ann")
    assert "To: Ann Smith <ann@acme.com>" in result.out
    assert "To: Ann Lee <lee@acme.com>" in result.out


def test_ref_with_an_exact_name_drafts_to_that_reference_only(cli: CLI, log: Log, profile: None) -> None:
    assert cli("ref", "add", "Jo", "--email", "jo@example.com").code == 0
    assert cli("ref", "add", "Joanne Park", "--email", "joanne@example.com").code == 0
    log("--references", "--interviewer", "Jane Doe <jane@acme.com>")
    result = cli("draft", "reference", "1", "--ref", "jo")
    assert result.code == 0, result.err
    assert "To: Jo <jo@example.com>" in result.out
    assert "Joanne" not in result.out
