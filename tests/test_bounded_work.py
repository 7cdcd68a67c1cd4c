"""Bounded work (issue 27): every file read has a cap, offer notices fold, an invitation's people are capped,
and deep MIME, huge numbers and a crontab that is not UTF-8 are clear errors or handled."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from afterview.cli.remind import command
from tests.helpers import Result, afterview_command, posix_only

Cli = Callable[..., Result]
GIGABYTE = 1024**3


def limited(
    *args: str, input: bytes | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[bytes]:
    """The real ``afterview ARGS`` with its address space capped at 1 GB (``ulimit -v``)."""
    import resource

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (GIGABYTE, GIGABYTE))

    return subprocess.run(
        [*afterview_command(), *args],
        input=input,
        capture_output=True,
        preexec_fn=cap,
        timeout=timeout,
        check=False,
    )


needs_dev_zero = pytest.mark.skipif(
    sys.platform == "win32" or not os.path.exists("/dev/zero"), reason="needs /dev/zero and setrlimit"
)


@needs_dev_zero
@pytest.mark.parametrize(
    "args",
    [
        ("log", "--from", "/dev/zero", "--no-input", "--company", "Acme", "--role", "Eng"),
        ("import", "/dev/zero"),
    ],
)
def test_an_endless_file_fails_clearly_under_a_1_gb_limit(args: tuple[str, ...]) -> None:
    result = limited(*args)
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1, err
    assert "MB" in err
    assert "nothing was" in err
    assert "unexpected problem" not in err
    assert "Traceback" not in err


@needs_dev_zero
def test_an_endless_stdin_fails_clearly_under_a_1_gb_limit() -> None:
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run(
            [*afterview_command(), "import", "-"],
            stdin=zero,
            capture_output=True,
            preexec_fn=lambda: __import__("resource").setrlimit(
                __import__("resource").RLIMIT_AS, (GIGABYTE, GIGABYTE)
            ),
            timeout=120,
            check=False,
        )
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1, err
    assert "MB" in err


def offers_csv(path: Path, rows: int, *, every: int = 4) -> tuple[int, int]:
    """A CSV of ``rows`` processes, every ``every``-th with an offer; (offers, waiting) counts."""
    lines = ["company,role,at,status,status_history"]
    offers = 0
    for i in range(rows):
        if i % every == 0:
            offers += 1
            lines.append(f"Offer{i},Eng,2026-10-{1 + i % 28:02d},offer,offer (2026-11-{1 + i % 20:02d})")
        else:
            lines.append(f"Wait{i},Eng,2026-10-{1 + i % 28:02d},waiting,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return offers, rows - offers


@posix_only
def test_offer_notices_fold_to_one_step_per_waiting_process(tmp_path: Path) -> None:
    """4,000 rows, 1,000 with an offer: one notice step per waiting process (3,000), not 3,000,000, in a
    real process under a 1 GB limit."""
    path = tmp_path / "offers.csv"
    offers, waiting = offers_csv(path, 4_000)
    result = limited("import", str(path), timeout=60)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    listed = subprocess.run(
        [*afterview_command(), "todo", "--json"], capture_output=True, text=True, check=True, timeout=300
    )
    import json

    notices = [step for step in json.loads(listed.stdout) if step["kind"] == "offer-notice"]
    assert len(notices) == waiting
    assert offers > 1
    assert all("offers from" in step["title"] for step in notices)


def test_two_offers_are_one_notice_naming_both(cli: Cli, log: Callable[..., dict[str, object]]) -> None:
    log("--interviewer", "Jane Doe <jane@waiting.example>", company="Waiting")
    log(company="Beta")
    log(company="Gamma")
    assert cli("outcome", "2", "offer", "--deadline", "2026-12-10").code == 0
    assert cli("outcome", "3", "offer", "--deadline", "2026-12-08").code == 0
    notices = [s for s in cli("todo", "--json").json() if s["kind"] == "offer-notice"]
    waiting = [s for s in notices if s["company"] == "Waiting"]
    assert len(waiting) == 1
    assert "Beta" in waiting[0]["title"]
    assert "Gamma" in waiting[0]["title"]
    result = cli("draft", "offer-notice", "1", "--sent")
    assert result.code == 0, result.err
    assert not [
        s for s in cli("todo", "--json").json() if s["company"] == "Waiting" and s["kind"] == "offer-notice"
    ]


def invitation_with(tmp_path: Path, attendees: int) -> Path:
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "METHOD:REQUEST", "BEGIN:VEVENT", "DTSTART:20261203T140000Z",
        "UID:many@example.com", "SUMMARY:Acme interview", "ORGANIZER;CN=Org:mailto:org@acme.com",
    ]  # fmt: skip
    lines += [f"ATTENDEE;CN=Person {i}:mailto:p{i}@acme.com" for i in range(attendees)]
    lines += ["END:VEVENT", "END:VCALENDAR", ""]
    path = tmp_path / "many.ics"
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    return path


def test_an_invitation_with_5000_attendees_keeps_a_capped_number_and_says_so(
    cli: Cli, tmp_path: Path
) -> None:
    from afterview.cli.invitation import MAX_INTERVIEWERS

    result = cli(
        "log", "--from", str(invitation_with(tmp_path, 5_000)), "--company", "Acme", "--role", "Eng",
        "--no-input", "--json",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert len(result.json()["interviewers"]) == MAX_INTERVIEWERS
    assert f"first {MAX_INTERVIEWERS}" in result.err
    assert len([s for s in cli("todo", "--json").json() if s["kind"] == "thank-you"]) <= MAX_INTERVIEWERS


def test_mime_nested_5000_deep_is_a_clear_error(cli: Cli, tmp_path: Path) -> None:
    parts = ["From: a@example.com\r\nSubject: x\r\nMIME-Version: 1.0\r\n"]
    parts += [f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n' for i in range(5_000)]
    parts += ["Content-Type: text/plain\r\n\r\nhi\r\n"]
    parts += [f"--b{i}--\r\n" for i in reversed(range(5_000))]
    path = tmp_path / "deep.eml"
    path.write_text("".join(parts), encoding="utf-8")
    result = cli("log", "--from", str(path), "--company", "Acme", "--role", "Eng", "--no-input")
    assert result.code == 1
    assert "nests" in result.err
    assert "unexpected problem" not in result.err


@pytest.mark.parametrize(
    "args", [("show", "9" * 5_000), ("done", "9" * 5_000 + ".1"), ("outcome", "P" + "9" * 5_000, "offer")]
)
def test_a_5000_digit_id_is_a_clear_error(
    cli: Cli, log: Callable[..., object], args: tuple[str, ...]
) -> None:
    log()
    result = cli(*args)
    assert result.code in (1, 2)
    assert "unexpected problem" not in result.err
    assert "9" * 100 not in result.err  # the message does not repeat the whole number


@posix_only
def test_a_crontab_that_is_not_utf8_is_kept_byte_for_byte(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = tmp_path / "crontab.bytes"
    saved.write_bytes(b"# caf\xe9 in latin-1\n0 9 * * * echo hi\n")
    fake = tmp_path / "crontab"
    fake.write_text(
        f'#!/bin/sh\nif [ "$1" = "-l" ]; then cat "{saved}"; else cat > "{saved}"; fi\n', encoding="utf-8"
    )
    fake.chmod(0o755)
    monkeypatch.setitem(command.COMMANDS, "crontab", [str(fake)])
    result = cli("remind", "--install", "--scheduler", "cron")
    assert result.code == 0, result.err
    assert saved.read_bytes().startswith(b"# caf\xe9 in latin-1\n0 9 * * * echo hi\n")
    assert b"afterview" in saved.read_bytes()
    result = cli("remind", "--uninstall", "--scheduler", "cron")
    assert result.code == 0, result.err
    assert saved.read_bytes() == b"# caf\xe9 in latin-1\n0 9 * * * echo hi\n"
