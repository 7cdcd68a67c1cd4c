"""``afterview mail SOURCE...`` end to end: a Maildir, an mbox and a real IMAP server holding the corpus give
the same suggestions, read-only; ``--apply --yes`` records what ``outcome`` would; a second run suggests
nothing new; the password comes from --password-cmd and is never shown."""

from __future__ import annotations

import json
import mailbox
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import imap_server
from tests.helpers import Result
from tests.mail_corpus import Case, build, corpus

PROCESSES = [  # company, interviewer, day of the round (the corpus's P1 to P8, in this order)
    ("Acme Robotics", "Anna Schmidt <anna.schmidt@acme-robotics.com>", "2026-11-02"),
    ("Brightwave", "Tom Reed <tom.reed@brightwave.io>", "2026-10-28"),
    ("Zürcher Bank AG", "Markus Müller <m.mueller@zuercherbank.ch>", "2026-11-05"),
    ("Lumière Données", "Claire Petit <claire.petit@lumiere-donnees.fr>", "2026-10-30"),
    ("Tecnologías Río", "Lucía Gómez <lucia.gomez@tecnorio.es>", "2026-10-26"),
    ("Nordlicht Software GmbH", "Jana Vogel <jana@nordlicht.de>", "2026-11-03"),
    ("Quanta Labs", "Priya <priya@quantalabs.ai>", "2026-11-04"),
    ("Helix Health", None, "2026-10-29"),
]


@pytest.fixture
def processes(log: Callable[..., dict[str, Any]]) -> None:
    """The corpus's eight open processes, P1 to P8, each with one past round."""
    for company, interviewer, day in PROCESSES:
        extra = ["--interviewer", interviewer] if interviewer else []
        log("--at", f"{day} 10:00", *extra, company=company, role="Engineer")


def as_maildir(root: Path, cases: list[Case]) -> Path:
    box = mailbox.Maildir(root / "Maildir", create=True)
    for case in cases:
        box.add(build(case))
    box.close()
    return root / "Maildir"


def as_mbox(root: Path, cases: list[Case]) -> Path:
    box = mailbox.mbox(root / "inbox.mbox", create=True)
    for case in cases:
        box.add(build(case))
    box.close()
    return root / "inbox.mbox"


def suggestions(result: Result) -> list[dict[str, Any]]:
    assert result.code == 0, result.err
    found: list[dict[str, Any]] = json.loads(result.out)
    return found


def comparable(found: list[dict[str, Any]]) -> list[tuple[object, ...]]:
    """The suggestions sorted by Message-ID, an invitation's command without the file it reads from (a
    Maildir's message has a file of its own; one in an mbox or on a server does not)."""
    keys = ("kind", "process_id", "company", "date", "from", "subject", "message_id", "evidence", "detail")
    rows = []
    for item in found:
        command = item["command"]
        if item["kind"] == "invitation" and command:
            command = " ".join(part for part in command.split() if not part.startswith(("/", "MESSAGE")))
        rows.append((*(item[key] for key in keys), command))
    return sorted(rows, key=lambda row: str(row[6]))


def test_a_maildir_and_an_mbox_give_the_same_suggestions_and_stay_unchanged(
    processes: None, cli: Callable[..., Result], tmp_path: Path
) -> None:
    cases = corpus()
    maildir, mbox = as_maildir(tmp_path, cases), as_mbox(tmp_path, cases)
    before = {p: p.read_bytes() for p in [mbox, *maildir.rglob("*")] if p.is_file()}
    from_maildir = suggestions(cli("mail", str(maildir), "--json"))
    from_mbox = suggestions(cli("mail", str(mbox), "--json"))
    assert comparable(from_maildir) == comparable(from_mbox)
    assert before == {p: p.read_bytes() for p in [mbox, *maildir.rglob("*")] if p.is_file()}
    by_id = {item["message_id"]: item for item in from_mbox}
    rejection = by_id["<direct-reject@corpus.example>"]
    assert rejection["kind"] == "rejection"
    assert rejection["process_id"] == "P1"
    assert rejection["command"] == f"afterview outcome P1 rejected --on {rejection['date']}"
    assert rejection["evidence"]
    assert set(rejection) >= {"kind", "process_id", "company", "date", "from", "subject", "message_id",
                              "evidence", "command"}  # fmt: skip
    kinds = {item["kind"] for item in from_mbox}
    assert kinds == {"invitation", "rejection", "offer", "next-round"}  # no reply: nothing was marked sent
    negatives = {f"<{case.name}@corpus.example>" for case in cases if case.kind is None}
    assert not negatives & set(by_id)


def test_the_human_view_shows_evidence_and_the_command_and_changes_nothing(
    processes: None, cli: Callable[..., Result], tmp_path: Path, store_file: Path
) -> None:
    rejection = next(case for case in corpus() if case.name == "direct-reject")
    before = store_file.read_bytes()
    shown = cli("mail", str(as_mbox(tmp_path, [rejection])))
    assert shown.code == 0, shown.err
    assert "rejection: P1 · Acme Robotics" in shown.out
    assert "evidence: " in shown.out
    assert "would run: afterview outcome P1 rejected --on 2026-11-" in shown.out
    assert "afterview mail --apply" in shown.err
    assert store_file.read_bytes() == before


def test_apply_yes_on_a_rejection_records_it_as_outcome_would_and_a_second_run_finds_nothing_new(
    processes: None, cli: Callable[..., Result], tmp_path: Path
) -> None:
    cases = [c for c in corpus() if c.name in ("direct-reject", "newsletter", "still-reviewing-en")]
    mbox = as_mbox(tmp_path, cases)
    applied = cli("mail", str(mbox), "--apply", "--yes", "--json")
    assert applied.code == 0, applied.err
    (item,) = json.loads(applied.out)
    assert item["kind"] == "rejection"
    assert item["applied"] is True
    assert item["result"]["status"] == "rejected"
    shown = json.loads(cli("show", "P1", "--json").out)
    assert "rejected" in json.dumps(shown)
    again = cli("mail", str(mbox), "--json")
    assert suggestions(again) == []
    human = cli("mail", str(mbox))
    assert "Nothing new: 0 new messages read, 3 dated before 2026-11-27." in human.out
    earlier = cli("mail", str(mbox), "--since", "2026-11-01")
    assert "Nothing new: 0 new messages read, 3 seen before." in earlier.out


def test_apply_yes_matches_outcome_run_by_hand(
    processes: None, cli: Callable[..., Result], tmp_path: Path
) -> None:
    rejection = next(case for case in corpus() if case.name == "direct-reject")
    assert cli("mail", str(as_mbox(tmp_path, [rejection])), "--apply", "--yes").code == 0
    by_mail = json.loads(cli("show", "P1", "--json").out)
    day = rejection.at.date().isoformat()
    assert cli("outcome", "P2", "rejected", "--on", day).code == 0
    by_hand = json.loads(cli("show", "P2", "--json").out)
    assert by_mail["status"] == by_hand["status"] == "rejected"


def test_apply_without_yes_off_a_terminal_is_a_clear_error(
    processes: None, cli: Callable[..., Result], tmp_path: Path, store_file: Path
) -> None:
    before = store_file.read_bytes()
    rejection = next(case for case in corpus() if case.name == "direct-reject")
    result = cli("mail", str(as_mbox(tmp_path, [rejection])), "--apply")
    assert result.code != 0
    assert "not one" in result.err
    assert "--yes" in result.err
    assert store_file.read_bytes() == before


def test_a_missing_source_is_a_user_error(cli: Callable[..., Result], tmp_path: Path) -> None:
    result = cli("mail", str(tmp_path / "nowhere"))
    assert result.code != 0
    assert "does not exist" in result.err


@pytest.fixture(scope="module")
def server() -> Iterator[imap_server.Server]:
    if imap_server.dovecot() is None:
        reason = "dovecot is not installed: scripts/ci-services.sh installs it (Debian's dovecot-imapd)"
        if os.environ.get("AFTERVIEW_IMAP_TESTS") == "required":  # .ci/run sets it
            pytest.fail(reason + "; AFTERVIEW_IMAP_TESTS=required says these tests must run")
        pytest.skip(reason)
    with imap_server.running([build(case) for case in corpus()]) as running:
        yield running


def unseen(server: imap_server.Server) -> int:
    import imaplib
    import ssl

    context = ssl.create_default_context(cafile=str(server.certificate))
    client = imaplib.IMAP4_SSL(server.host, server.port, ssl_context=context, timeout=30)
    try:
        client.login(imap_server.USER, imap_server.PASSWORD)
        client.select("INBOX", readonly=True)
        _, found = client.search(None, "UNSEEN")
        return len(found[0].split())
    finally:
        client.logout()


def password_command(tmp_path: Path) -> str:
    """A --password-cmd that prints the server's password (from a file, as a password manager would)."""
    secret = tmp_path / "secret"
    secret.write_text(imap_server.PASSWORD + "\nsecond line\n", encoding="utf-8")
    return f"{sys.executable} -c \"import sys; print(open(sys.argv[1]).read(), end='')\" {secret}"


def test_imap_gives_the_same_suggestions_as_a_maildir_and_keeps_the_messages_unseen(
    processes: None,
    cli: Callable[..., Result],
    server: imap_server.Server,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(server.certificate))  # the system's trust store, as a user's
    total = unseen(server)
    assert total == len(corpus())
    from_imap = cli("mail", server.url, "--password-cmd", password_command(tmp_path), "--json")
    assert imap_server.PASSWORD not in from_imap.out + from_imap.err
    from_maildir = suggestions(cli("mail", str(as_maildir(tmp_path, corpus())), "--json"))
    assert comparable(suggestions(from_imap)) == comparable(from_maildir)
    assert unseen(server) == total


def test_imap_apply_yes_then_nothing_new_and_still_unseen(
    processes: None,
    cli: Callable[..., Result],
    server: imap_server.Server,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(server.certificate))
    command = password_command(tmp_path)
    applied = cli("mail", server.url, "--password-cmd", command, "--apply", "--yes", "--json")
    assert applied.code == 0, applied.err
    assert any(item["applied"] for item in json.loads(applied.out))
    assert suggestions(cli("mail", server.url, "--password-cmd", command, "--json")) == []
    assert unseen(server) == len(corpus())


def test_a_failing_password_command_stops_before_reading(
    cli: Callable[..., Result], server: imap_server.Server
) -> None:
    result = cli("mail", server.url, "--password-cmd", "false")
    assert result.code != 0
    assert "--password-cmd 'false' failed" in result.err


def test_imap_off_a_terminal_without_password_cmd_is_a_clear_error(
    cli: Callable[..., Result], server: imap_server.Server
) -> None:
    result = cli("mail", server.url)
    assert result.code != 0
    assert "--password-cmd" in result.err
