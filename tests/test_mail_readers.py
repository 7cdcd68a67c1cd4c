"""The mail readers (afterview.formats.mail and .imap): Maildir, mbox, .eml and a real IMAP server give the
same messages, read-only; HTML, charsets, calendars, caps and hostile text."""

from __future__ import annotations

import datetime as dt
import imaplib
import mailbox
import os
import ssl
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from afterview.domain.mail import Mail, classify
from afterview.errors import UserError
from afterview.formats.calendar_mail import MAX_DEPTH
from afterview.formats.imap import ImapSource, parse_imap_url, read_imap
from afterview.formats.mail import calendar_note, html_text, read_message, read_source
from tests import imap_server
from tests.mail_corpus import PROCESSES, Case, build, corpus


def corpus_bytes() -> list[bytes]:
    return [build(case) for case in corpus()]


def as_maildir(root: Path) -> Path:
    box = mailbox.Maildir(root / "Maildir", create=True)
    for data in corpus_bytes():
        box.add(data)
    box.close()
    return root / "Maildir"


def as_mbox(root: Path) -> Path:
    box = mailbox.mbox(root / "inbox.mbox", create=True)
    for data in corpus_bytes():
        box.add(data)
    box.close()
    return root / "inbox.mbox"


def summary(mails: list[Mail]) -> list[tuple[str, str, str, str, str, dt.datetime | None, str | None]]:
    """What a reader gave, without where it came from, sorted by Message-ID."""
    rows = [
        (m.message_id, m.sender, m.sender_name, m.subject, m.text, m.date, str(m.calendar)) for m in mails
    ]
    return sorted(rows)


def snapshot(path: Path) -> dict[str, tuple[int, float, bytes]]:
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    return {str(p): (p.stat().st_mode, p.stat().st_mtime, p.read_bytes()) for p in files}


def test_maildir_mbox_and_eml_files_give_the_same_messages_and_stay_unchanged(tmp_path: Path) -> None:
    maildir, mbox = as_maildir(tmp_path), as_mbox(tmp_path)
    folder = tmp_path / "saved"
    folder.mkdir()
    for case in corpus():
        (folder / f"{case.name}.eml").write_bytes(build(case))
    before = {**snapshot(maildir), **snapshot(mbox), **snapshot(folder)}
    from_maildir = list(read_source(maildir))
    assert len(from_maildir) == len(corpus())
    assert summary(from_maildir) == summary(list(read_source(mbox))) == summary(list(read_source(folder)))
    assert {**snapshot(maildir), **snapshot(mbox), **snapshot(folder)} == before
    single = list(read_source(folder / "greenhouse-reject.eml"))
    assert [m.location for m in single] == [str(folder / "greenhouse-reject.eml")]


def test_an_html_only_message_is_read_as_text_without_scripts() -> None:
    html = "<html><head><style>p{}</style><script>alert(1)</script></head><body><p>We have <b>decided</b></p>"
    html += "<p>not to proceed.</p><img src='https://tracker.example/p.gif'></body></html>"
    message = EmailMessage()
    message["From"] = "jobs@acme.example"
    message.set_content(html, subtype="html")
    mail = read_message(message.as_bytes())
    assert mail.text == "We have\ndecided\nnot to proceed."
    assert html_text("<p>a</p><script>b</script>") == "a"


def test_the_declared_charset_is_honoured_and_an_unknown_one_does_not_fail() -> None:
    latin = b"From: a@b.example\nSubject: =?iso-8859-1?q?R=FCckmeldung?=\nContent-Type: text/plain; "
    latin += (
        b"charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\nLeider f\xfcr einen anderen Kandidaten.\n"
    )
    mail = read_message(latin)
    assert mail.subject == "Rückmeldung"
    assert "für einen anderen" in mail.text
    unknown = latin.replace(b"charset=iso-8859-1", b"charset=x-no-such-charset")
    assert "Leider f" in read_message(unknown).text


def test_control_characters_in_mail_are_replaced_not_passed_on() -> None:
    data = (
        b'From: "Evil\x1b[2J" <x@y.example>\nSubject: Hi \xe2\x80\xae there\n\nBody \x1b]52;c;AAAA\x07 end\n'
    )
    mail = read_message(data)
    for text in (mail.sender_name, mail.subject, mail.text):
        assert "\x1b" not in text
        assert "\u202e" not in text
        assert "\x07" not in text
    assert "\ufffd" in mail.text


@settings(max_examples=150, deadline=None)
@given(
    base=st.sampled_from(corpus_bytes()),
    edits=st.lists(
        st.tuples(
            st.floats(0, 1),
            st.integers(0, 30),
            st.sampled_from([b"", b"<", b"@", b'"', b"=?", b"?=", b"\n", b":", b";", b"--", b"\x00"]),
        ),
        max_size=12,
    ),
)
def test_mangled_mail_is_read_or_refused_with_a_user_error(
    base: bytes, edits: list[tuple[float, int, bytes]]
) -> None:
    """Whatever a message's bytes turn into, the reader gives a Mail with safe text or a UserError."""
    data = bytearray(base)
    for where, cut, insert in edits:
        at = int(where * len(data))
        data[at : at + cut] = insert
    try:
        mail = read_message(bytes(data))
    except UserError:
        return
    for text in (mail.subject, mail.sender_name, mail.sender):
        assert "\n" not in text
        assert "\x00" not in text


def test_a_message_over_the_cap_is_refused_clearly() -> None:
    with pytest.raises(UserError, match="over the cap of 1,000"):
        read_message(b"From: a@b.example\n\n" + b"x" * 2_000, max_bytes=1_000)


def test_a_source_over_its_cap_is_refused_before_reading(tmp_path: Path) -> None:
    maildir = as_maildir(tmp_path)
    with pytest.raises(UserError, match="bytes of mail, over the cap"):
        list(read_source(maildir, max_source=10_000))


def test_deep_mime_nesting_is_refused() -> None:
    message = EmailMessage()
    message.set_content("innermost")
    for _ in range(MAX_DEPTH + 2):
        outer = EmailMessage()
        outer.make_mixed()
        outer.attach(message)
        message = outer
    message["From"] = "a@b.example"
    with pytest.raises(UserError, match="nests MIME parts deeper"):
        read_message(message.as_bytes())


def test_a_missing_source_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="does not exist"):
        list(read_source(tmp_path / "nope"))


def test_a_message_without_message_id_gets_a_stable_one() -> None:
    data = b"From: a@b.example\nSubject: x\n\nhello\n"
    assert read_message(data).message_id == read_message(data).message_id
    assert read_message(data).message_id.endswith("@no-message-id.invalid>")


def test_calendar_parts_go_through_the_invitation_reader() -> None:
    by_name = {case.name: case for case in corpus()}
    new = read_message(build(by_name["invite-new"])).calendar
    assert new is not None
    assert (new.method, new.sequence, new.company) == ("request", 0, "Quanta Labs")
    assert new.start == dt.datetime(2026, 11, 12, 14, 0, tzinfo=dt.UTC)
    cancel = read_message(build(by_name["invite-cancel"])).calendar
    assert cancel is not None
    assert cancel.method == "cancel"
    assert read_message(build(by_name["calendar-reply"])).calendar is None
    assert calendar_note(b"not a calendar") is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("imaps://sam@mx.example/INBOX", ImapSource("sam", "mx.example", 993, "INBOX")),
        ("imaps://sam%40ex.org@mx.example:1993/Jobs", ImapSource("sam@ex.org", "mx.example", 1993, "Jobs")),
        ("imaps://sam@example.org@mx.example", ImapSource("sam@example.org", "mx.example", 993, "INBOX")),
        ("imaps://sam@mx.example/Job%20search", ImapSource("sam", "mx.example", 993, "Job search")),
    ],
)  # fmt: skip
def test_imap_urls(url: str, expected: ImapSource) -> None:
    assert parse_imap_url(url) == expected


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("imap://sam@mail.example.org/INBOX", "only over TLS"),
        ("imaps://sam:hunter2@mail.example.org/INBOX", "holds a password"),
        ("imaps://mail.example.org/INBOX", "is not imaps://USER@HOST"),
        ("imaps://sam@mail.example.org:99999/INBOX", "not a host with a port"),
    ],
)
def test_bad_imap_urls_are_refused(url: str, message: str) -> None:
    with pytest.raises(UserError, match=message) as error:
        parse_imap_url(url)
    assert "hunter2" not in str(error.value.message)


@pytest.fixture(scope="module")
def server() -> Iterator[imap_server.Server]:
    if imap_server.dovecot() is None:
        reason = "dovecot is not installed: scripts/ci-services.sh installs it (Debian's dovecot-imapd)"
        if os.environ.get("AFTERVIEW_IMAP_TESTS") == "required":  # .ci/run sets it
            pytest.fail(reason + "; AFTERVIEW_IMAP_TESTS=required says these tests must run")
        pytest.skip(reason)
    with imap_server.running(corpus_bytes()) as running:
        yield running


def trusting(server: imap_server.Server) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(server.certificate))


def unseen(server: imap_server.Server) -> int:
    """How many messages of INBOX have no \\Seen flag, asked on a connection of the test's own."""
    client = imaplib.IMAP4_SSL(server.host, server.port, ssl_context=trusting(server), timeout=30)
    try:
        client.login(imap_server.USER, imap_server.PASSWORD)
        client.select("INBOX", readonly=True)
        _, found = client.search(None, "UNSEEN")
        return len(found[0].split())
    finally:
        client.logout()


def test_imap_gives_the_same_messages_and_suggestions_and_leaves_them_unseen(
    server: imap_server.Server, tmp_path: Path
) -> None:
    source = parse_imap_url(server.url)
    read = read_imap(source, password=imap_server.PASSWORD, context=trusting(server))
    from_imap = [mail for mail, _ in read]
    from_mbox = list(read_source(as_mbox(tmp_path)))
    assert summary(from_imap) == summary(from_mbox)
    suggestions = sorted(str(classify(m, PROCESSES)) for m in from_imap)
    assert suggestions == sorted(str(classify(m, PROCESSES)) for m in from_mbox)
    assert unseen(server) == len(corpus())
    messages = [p.name for sub in ("cur", "new") for p in (server.maildir / sub).iterdir() if ":2," in p.name]
    assert len(messages) == len(corpus())
    assert all(name.endswith(":2,") for name in messages)  # Maildir keeps the flags in the name: still none


def test_imap_since_asks_the_server_for_newer_messages_only(server: imap_server.Server) -> None:
    source = parse_imap_url(server.url)
    everything = list(read_imap(source, password=imap_server.PASSWORD, context=trusting(server)))
    later = list(
        read_imap(source, password=imap_server.PASSWORD, since=dt.date(2999, 1, 1), context=trusting(server))
    )
    assert len(everything) == len(corpus())
    assert later == []


def test_imap_caps_and_failures_are_user_errors_without_the_password(server: imap_server.Server) -> None:
    source = parse_imap_url(server.url)
    context = trusting(server)
    with pytest.raises(UserError, match="over the cap") as too_big:
        list(read_imap(source, password=imap_server.PASSWORD, context=context, max_source=1_000))
    assert imap_server.PASSWORD not in too_big.value.message
    with pytest.raises(UserError, match="refused the login") as refused:
        list(read_imap(source, password="wrong password", context=context))
    assert "wrong password" not in refused.value.message
    missing = ImapSource(source.user, source.host, source.port, "No such folder")
    with pytest.raises(UserError, match="no folder"):
        list(read_imap(missing, password=imap_server.PASSWORD, context=context))
    with pytest.raises(UserError, match="over TLS"):
        list(read_imap(source, password=imap_server.PASSWORD))  # the self-signed certificate is not trusted


def test_the_corpus_cases_are_cases() -> None:
    assert all(isinstance(case, Case) for case in corpus())
