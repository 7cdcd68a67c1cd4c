"""``afterview export``: JSON, CSV, Markdown and vCard that other programs read back."""

from __future__ import annotations

import csv
import io
import json
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterview.formats import exports
from tests.helpers import Result


@pytest.fixture
def two(cli: Callable[..., Result], log: Callable[..., dict[str, Any]]) -> None:
    """Two interviews; Jane (same email) sat in both; awkward characters everywhere."""
    log(
        "--interviewer", "Jane Doe, CTO <jane@acme.com>", "--interviewer", "Bob Li",
        "--note", "first line\nsecond, with; punctuation", "--stage", "onsite",
        company="Acme, Inc.", role="Staff Engineer",
    )  # fmt: skip
    log("--interviewer", "Jane Doe <jane@acme.com>", company="Globex", role="SRE; platform")


def test_csv_reads_back_one_row_per_interview_with_history(cli: Callable[..., Result], two: None) -> None:
    result = cli("export", "csv")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out.removeprefix("\ufeff"), newline="")))
    assert [row["id"] for row in rows] == ["1", "2"]
    assert tuple(rows[0]) == exports.CSV_COLUMNS
    assert rows[0]["company"] == "Acme, Inc."
    assert rows[0]["notes"] == "first line\nsecond, with; punctuation"
    assert json.loads(rows[0]["interviewers"]) == [
        {"name": "Jane Doe", "title": "CTO", "email": "jane@acme.com"},
        {"name": "Bob Li"},
    ]
    assert rows[1]["status"] == "waiting"
    assert rows[1]["status_history"].startswith("waiting (2026-11-27)")


def test_csv_history_shows_every_change(
    cli: Callable[..., Result], log: Callable[..., dict[str, Any]], home: Path
) -> None:
    log()
    from afterview.actions import session
    from afterview.models.records import StatusChange

    with session.open_store().transaction() as document:
        document.interviews[0].process.history = [
            StatusChange(status="next-round", on="2026-12-01"),
            StatusChange(status="offer", on="2026-12-10"),
        ]
    rows = list(csv.DictReader(io.StringIO(cli("export", "csv").out, newline="")))
    assert rows[0]["status_history"] == "waiting (2026-11-27) → next-round (2026-12-01) → offer (2026-12-10)"
    assert rows[0]["status"] == "offer"


def test_vcf_parses_one_card_per_interviewer(cli: Callable[..., Result], two: None) -> None:
    import vobject

    result = cli("export", "vcf")
    assert result.code == 0, result.err
    cards = list(vobject.readComponents(result.out))
    assert len(cards) == 2  # Jane is one person: same email in both interviews
    jane, bob = cards
    assert jane.fn.value == "Jane Doe"
    assert jane.email.value == "jane@acme.com"
    assert jane.org.value == ["Acme, Inc."]
    assert jane.title.value == "CTO"
    assert jane.version.value == "4.0"
    assert "Staff Engineer at Acme, Inc." in jane.note.value
    assert "SRE; platform at Globex" in jane.note.value
    assert bob.fn.value == "Bob Li"
    assert bob.n.value.family == "Li"
    assert not hasattr(bob, "email")


def test_vcf_lines_are_folded_at_75_octets_with_crlf(cli: Callable[..., Result], two: None) -> None:
    text = cli("export", "vcf").out
    lines = text.split("\r\n")
    assert lines[-1] == ""
    assert all(len(line.encode()) <= 75 for line in lines)
    assert any(line.startswith(" ") for line in lines)


@pytest.mark.parametrize(
    ("value", "escaped"),
    [("a,b", "a\\,b"), ("a;b", "a\\;b"), ("a\\b", "a\\\\b"), ("a\nb", "a\\nb"), ("a\r\nb", "a\\nb")],
)
def test_vcard_text_escaping(value: str, escaped: str) -> None:
    assert exports.escape_text(value) == escaped


def test_folding_never_splits_a_character() -> None:
    line = "NOTE:" + "é" * 100
    folded = exports._fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_markdown_report_holds_each_interview(cli: Callable[..., Result], two: None) -> None:
    result = cli("export", "md")
    assert result.code == 0, result.err
    assert "## 1. Acme, Inc.: Staff Engineer" in result.out
    assert "## 2. Globex: SRE; platform" in result.out
    assert "- Jane Doe, CTO <jane@acme.com>" in result.out


def test_json_export_is_versioned_and_complete(cli: Callable[..., Result], two: None) -> None:
    data = cli("export", "json").json()
    assert data["format"] == "afterview-export"
    assert data["export_version"] == exports.EXPORT_VERSION
    assert [i["id"] for i in data["interviews"]] == [1, 2]
    assert data["interviews"][0]["steps"]


def test_output_file_is_private_and_stdout_stays_empty(
    cli: Callable[..., Result], two: None, tmp_path: Path
) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    target.chmod(0o644)
    result = cli("export", "json", "-o", str(target))
    assert result.code == 0, result.err
    assert result.out == ""
    assert json.loads(target.read_text())["format"] == "afterview-export"
    if sys.platform != "win32":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_unwritable_output_is_a_clear_error(cli: Callable[..., Result], two: None, tmp_path: Path) -> None:
    result = cli("export", "csv", "-o", str(tmp_path / "missing" / "x.csv"))
    assert result.code == 1
    assert "Cannot write" in result.err
    assert "Traceback" not in result.err


def test_empty_store_exports_a_header_only(cli: Callable[..., Result]) -> None:
    assert cli("export", "csv").out == "\ufeff" + ",".join(exports.CSV_COLUMNS) + "\r\n"
    assert cli("export", "vcf").out == ""


def test_markdown_includes_the_debrief_and_history(
    cli: Callable[..., Result], log: Callable[..., dict[str, Any]]
) -> None:
    log("--interviewer", "Jane Doe <jane@acme.com>")
    from afterview.actions import session
    from afterview.models.enums import Rating, Status
    from afterview.models.records import Debrief, Question, StatusChange

    with session.open_store().transaction() as document:
        interview = document.interviews[0]
        interview.debrief = Debrief(
            questions=[
                Question(
                    question="Design a rate limiter",
                    answer="Token bucket\nper tenant",
                    rating=Rating.WEAK,
                    next_time="Start from the numbers",
                )
            ],
            went_well="Rapport with Jane",
            thank_you_topics=["their on-call rotation"],
        )
        interview.process.history = [StatusChange(status=Status.NEXT_ROUND, on=interview.at.date())]
    out = cli("export", "md").out
    assert "1. **Design a rate limiter** (weak)" in out
    assert "   - *Answer:* Token bucket\n     per tenant" in out
    assert "   - *Next time:* Start from the numbers" in out
    assert "**Went well:**\n\nRapport with Jane" in out
    assert "- their on-call rotation" in out
    assert "- **History:** waiting (2026-11-27) → next-round (2026-11-27)" in out


def test_vcard_n_carries_the_name_parts(
    cli: Callable[..., Result], log: Callable[..., dict[str, Any]]
) -> None:
    """RFC 6350 N: family; given; additional; honorific prefixes; suffixes, from the parsed name."""
    import vobject

    log("--interviewer", "Dr. Priya Raman <priya@acme.example>", "--interviewer", "Aoife Ní Bhriain")
    cards = list(vobject.readComponents(cli("export", "vcf").out))
    names = {card.fn.value: card.n.value for card in cards}
    assert (names["Dr. Priya Raman"].family, names["Dr. Priya Raman"].given) == ("Raman", "Priya")
    assert names["Dr. Priya Raman"].prefix == "Dr."
    assert (names["Aoife Ní Bhriain"].family, names["Aoife Ní Bhriain"].given) == ("Ní Bhriain", "Aoife")


@pytest.fixture
def outcomes(cli: Callable[..., Result], log: Callable[..., dict[str, Any]]) -> None:
    """An offer with terms and a deadline after a round with a note, and a rejection with a reason."""
    log(company="Acme", role="SRE")
    log(company="Globex", role="Developer")
    for args in (
        ("1", "next-round", "--note", "Final round with the VP\nbring the design doc"),
        ("1", "offer", "--deadline", "2026-12-04", "--note", "=120k, remote"),
        ("2", "rejected", "--note", "They went with an internal candidate"),
    ):
        assert cli("outcome", *args).code == 0


@pytest.mark.usefixtures("outcomes")
def test_csv_holds_every_outcome_with_its_date_and_note_and_the_offer(cli: Callable[..., Result]) -> None:
    """What a coach or an unemployment office needs: each outcome, when, and what was said."""
    rows = list(csv.DictReader(io.StringIO(cli("export", "csv").out.removeprefix("\ufeff"), newline="")))
    acme, globex = rows
    assert acme["offer_deadline"] == "2026-12-04"
    assert acme["offer_terms"] == "'=120k, remote"  # neutralised, as every cell
    assert acme["outcome_notes"] == (
        "next-round (2026-11-27): Final round with the VP\n  bring the design doc\n"
        "offer (2026-11-27): =120k, remote"
    )
    assert globex["outcome_notes"] == "rejected (2026-11-27): They went with an internal candidate"
    assert globex["offer_deadline"] == globex["offer_terms"] == ""


@pytest.mark.usefixtures("outcomes")
def test_markdown_holds_outcome_notes_and_the_offer_deadline(cli: Callable[..., Result]) -> None:
    report = cli("export", "md").out
    assert "### Outcomes" in report
    assert "- 2026-11-27 **offer**, deadline 2026-12-04: =120k, remote" in report
    assert "- 2026-11-27 **next-round**: Final round with the VP\n  bring the design doc" in report
    assert "- 2026-11-27 **rejected**: They went with an internal candidate" in report


@pytest.mark.usefixtures("outcomes")
def test_csv_with_outcomes_reads_back_whole(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exported = tmp_path / "all.csv"
    assert cli("export", "csv", "-o", str(exported)).code == 0
    monkeypatch.setenv("AFTERVIEW_HOME", str(tmp_path / "other"))
    assert cli("import", str(exported)).code == 0
    # history, notes, terms and deadline all came back: exported again, the file is byte for byte the same
    assert cli("export", "csv").out == exported.read_bytes().decode("utf-8")


def test_csv_keeps_each_interviews_zone_through_a_round_trip(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An interview at 16:00 New York (22:00 in Berlin) is still 16:00 New York after export and import."""
    logged = cli("log", "--company", "Datadog", "--role", "SRE", "--at", "2026-11-20 16:00",
                 "--tz", "America/New_York", "--no-input")  # fmt: skip
    assert logged.code == 0, logged.err
    exported = tmp_path / "all.csv"
    assert cli("export", "csv", "-o", str(exported)).code == 0
    monkeypatch.setenv("AFTERVIEW_HOME", str(tmp_path / "other"))
    assert cli("import", str(exported)).code == 0
    back = cli("show", "1", "--json").json()
    assert (back["at"], back["timezone"]) == ("2026-11-20T16:00:00-05:00", "America/New_York")
    assert cli("export", "csv").out == exported.read_bytes().decode("utf-8")


@pytest.mark.parametrize(
    "zone", ["../../etc/passwd", "Mars/Olympus", "/etc/localtime", "Europe/Berlin\x1b[2J"]
)
def test_a_csv_timezone_that_is_not_an_iana_zone_is_refused_and_nothing_imported(
    cli: Callable[..., Result], tmp_path: Path, store_file: Path, zone: str
) -> None:
    source = tmp_path / "in.csv"
    source.write_text(f"company,role,at,timezone\nAcme,SRE,2026-11-20T10:00,{zone}\n", encoding="utf-8")
    result = cli("import", str(source))
    assert result.code == 1
    assert "column timezone" in result.err
    assert not store_file.exists()


def test_a_csv_time_without_an_offset_is_read_in_the_rows_zone(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    source = tmp_path / "in.csv"
    source.write_text("company,role,at,timezone\nAcme,SRE,2026-11-20T10:00,Asia/Tokyo\n", encoding="utf-8")
    assert cli("import", str(source)).code == 0
    assert cli("show", "1", "--json").json()["at"] == "2026-11-20T10:00:00+09:00"
