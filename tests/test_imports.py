"""``afterview import``: JSON exports merged by id, CSV files checked whole before anything is written."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterview.domain.merging import Incoming
from afterview.errors import UserError
from afterview.formats import imports
from tests.helpers import Result

UTC = dt.UTC
TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def exported(cli: Callable[..., Result], log: Callable[..., dict[str, Any]], tmp_path: Path) -> Path:
    """A JSON export of a store with two interviews, one with a debrief and a status history."""
    log("--interviewer", "Jane Doe, CTO <jane@acme.com>", "--note", "ask about on-call")
    log("--at", "2026-10-01 10:00", company="Globex", role="SRE")
    from afterview.actions import session
    from afterview.models.enums import Rating, Status
    from afterview.models.records import Debrief, Question, StatusChange

    with session.open_store().transaction() as document:
        globex = document.interviews[1]
        globex.process.history = [StatusChange(status=Status.REJECTED, on=dt.date(2026, 10, 20))]
        globex.debrief = Debrief(questions=[Question(question="Tell me about a failure", rating=Rating.WEAK)])
    path = tmp_path / "export.json"
    assert cli("export", "json", "-o", str(path)).code == 0
    return path


def _interviews(cli: Callable[..., Result]) -> list[dict[str, Any]]:
    """The stored interviews, each with its process's company and role."""
    return _with_processes(cli("export", "json").json())


def _with_processes(export: dict[str, Any]) -> list[dict[str, Any]]:
    """An export's interviews, each with its process's company and role beside its own fields."""
    processes = {p["id"]: p for p in export["processes"]}
    return [
        {**i, "company": processes[i["process_id"]]["company"], "role": processes[i["process_id"]]["role"]}
        for i in export["interviews"]
    ]


def test_json_round_trip_into_a_fresh_home_and_twice_adds_nothing(
    cli: Callable[..., Result], exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = _with_processes(json.loads(exported.read_text()))
    monkeypatch.setenv("AFTERVIEW_HOME", str(tmp_path / "fresh"))
    first = cli("import", str(exported))
    assert first.code == 0, first.err
    assert "Imported 2 interviews: 1, 2." in first.out
    assert _interviews(cli) == original
    second = cli("import", str(exported), "--json")
    assert second.code == 0, second.err
    assert second.json()["added"] == []
    assert second.json()["unchanged"] == [1, 2]
    assert _interviews(cli) == original
    assert cli("log", "--company", "Next", "--role", "X", "--no-input", "--json").json()["id"] == 3


def test_dry_run_shows_what_would_change_and_writes_nothing(
    cli: Callable[..., Result], exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = tmp_path / "fresh"
    monkeypatch.setenv("AFTERVIEW_HOME", str(fresh))
    result = cli("import", str(exported), "--dry-run")
    assert result.code == 0, result.err
    assert "Would import 2 interviews" in result.out
    assert "Dry run" in result.err
    assert not (fresh / "afterview.json").exists()


def test_conflicting_record_is_reported_and_kept_unless_theirs(
    cli: Callable[..., Result], exported: Path
) -> None:
    data = json.loads(exported.read_text())
    data["processes"][0]["role"] = "Principal Engineer"
    data["interviews"][0]["stage"] = "final"
    exported.write_text(json.dumps(data))
    result = cli("import", str(exported))
    assert result.code == 0, result.err
    assert "process P1 differs from yours (role); kept yours" in result.err
    assert "interview 1 differs from yours (stage); kept yours" in result.err
    assert _interviews(cli)[0]["role"] == "Staff Engineer"
    dry = cli("import", str(exported), "--dry-run", "--json").json()
    assert dry["conflicts"] == [
        {"record": "process P1", "fields": ["role"]},
        {"record": "interview 1", "fields": ["stage"]},
    ]
    assert cli("import", str(exported), "--theirs").code == 0
    assert _interviews(cli)[0]["role"] == "Principal Engineer"


def test_newer_export_is_refused(cli: Callable[..., Result], exported: Path, store_file: Path) -> None:
    data = json.loads(exported.read_text())
    data["export_version"] = 99
    exported.write_text(json.dumps(data))
    before = store_file.read_bytes()
    result = cli("import", str(exported))
    assert result.code == 1
    assert "newer afterview" in result.err
    assert store_file.read_bytes() == before


def test_duplicate_ids_in_an_export_name_both_records(cli: Callable[..., Result], exported: Path) -> None:
    data = json.loads(exported.read_text())
    data["interviews"][1]["id"] = 1
    exported.write_text(json.dumps(data))
    result = cli("import", str(exported))
    assert result.code == 1
    assert "Interview records 1 and 2 both have id 1" in result.err


def test_invalid_record_is_named_and_nothing_is_imported(
    cli: Callable[..., Result], exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = json.loads(exported.read_text())
    data["interviews"][1]["at"] = "last tuesday"
    exported.write_text(json.dumps(data))
    fresh = tmp_path / "fresh"
    monkeypatch.setenv("AFTERVIEW_HOME", str(fresh))
    result = cli("import", str(exported))
    assert result.code == 1
    assert "interview record 2 (id 2)" in result.err
    assert "at:" in result.err
    assert not (fresh / "afterview.json").exists()


def test_a_store_file_or_backup_imports_too(
    cli: Callable[..., Result],
    exported: Path,
    store_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copy = tmp_path / "old-store.json"
    copy.write_bytes(store_file.read_bytes())
    monkeypatch.setenv("AFTERVIEW_HOME", str(tmp_path / "fresh"))
    assert cli("import", str(copy)).code == 0
    assert [i["id"] for i in _interviews(cli)] == [1, 2]


def test_not_an_export_is_a_clear_error(cli: Callable[..., Result], tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"hello": 1}')
    result = cli("import", str(path))
    assert result.code == 1
    assert "not an afterview export" in result.err
    path.write_text("{broken")
    assert "line 1 column 2" in cli("import", str(path)).err
    assert "Cannot read" in cli("import", str(tmp_path / "missing.csv")).err


# CSV ---------------------------------------------------------------------------------------------------


def _csv_rows(count: int) -> list[str]:
    return [f"Company {n},Engineer,2026-10-{1 + n % 28:02d}T10:00" for n in range(count)]


def test_csv_with_one_bad_date_among_50_imports_nothing_and_names_the_row(
    cli: Callable[..., Result], tmp_path: Path, store_file: Path
) -> None:
    rows = _csv_rows(50)
    rows.insert(30, "Bad Co,Engineer,03/12/2026")
    path = tmp_path / "in.csv"
    path.write_text("company,role,at\n" + "\n".join(rows) + "\n")
    result = cli("import", str(path))
    assert result.code == 1
    assert "row 31 (line 32), column at: '03/12/2026' is not an ISO 8601 date" in result.err
    assert "Traceback" not in result.err
    assert not store_file.exists()


def test_csv_export_reads_back_into_a_fresh_home(
    cli: Callable[..., Result], exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "out.csv"
    assert cli("export", "csv", "-o", str(path)).code == 0
    monkeypatch.setenv("AFTERVIEW_HOME", str(tmp_path / "fresh"))
    assert cli("import", str(path)).code == 0
    again = cli("export", "csv").out
    assert again == path.read_bytes().decode()
    assert "Nothing to import: all 2 already there." in cli("import", str(path)).out


def test_csv_imported_past_steps_are_not_overdue(cli: Callable[..., Result], tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("company,role,at,interviewers\nAcme,SRE,2026-11-20,Jane <jane@acme.com>\n")
    assert cli("import", str(path)).code == 0
    todo = cli("todo", "--json").json()
    assert todo
    assert not any(step["overdue"] for step in todo)


def read(text: str) -> Incoming:
    return imports.read_csv(text, tz=UTC, today=TODAY)


def test_csv_bom_semicolons_quoted_newlines_and_any_column_order() -> None:
    text = '\ufeffRole;Company;At;Notes\r\nSRE;"Acme; Inc.";2026-11-20T09:30;"two\r\nlines"\r\n'
    (row,) = read(text).rows
    assert row["company"] == "Acme; Inc."
    assert row["role"] == "SRE"
    assert row["at"] == dt.datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    assert row["notes"] == "two\nlines"  # multi-line text: CRLF made LF, as log does


def test_csv_row_after_a_quoted_newline_is_named_by_its_line() -> None:
    text = 'company,role,at,notes\nA,R,2026-11-20,"x\ny"\nB,R,2026-13-01,\n'
    with pytest.raises(UserError, match=r"row 2 \(line 4\), column at"):
        read(text)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("company,role\nA,R\n", "The CSV is missing the column at."),
        ("company,role,when\nA,R,x\n", "The CSV has unknown columns: when and is missing the column at."),
        ("company,role,at,salary\nA,R,2026-11-20,1\n", "unknown columns: salary"),
        ("company,role,at,role\nA,R,2026-11-20,R\n", "repeats the column role"),
        ("", "empty"),
        ("company,role,at\nA,R\n", "row 1 (line 2) has 2 fields; the header has 3"),
        ("company,role,at\n,R,2026-11-20\n", "column company: it is empty"),
        ("company,role,at,stage\nA,R,2026-11-20,lunch\n", "'lunch' is not one of screen"),
        ("company,role,at,decision_by\nA,R,2026-11-20,soon\n", "column decision_by"),
        ("company,role,at,interviewers\nA,R,2026-11-20,Jane <not-an-email>\n", "column interviewers"),
        (
            "id,company,role,at\n1,A,R,2026-11-20\n1,B,R,2026-11-21\n",
            "row 2 (line 3) repeats the id 1 of row 1",
        ),
        ("company,role,at,status_history\nA,R,2026-11-20,offer\n", "column status_history"),
        (
            "company,role,at,status,status_history\n"
            "A,R,2026-11-20,offer,waiting (2026-11-20) → rejected (2026-11-25)\n",
            "offer is not where the status_history ends (rejected)",
        ),
        (
            "company,role,at,status_history,outcome_notes\n"
            "A,R,2026-11-20,waiting (2026-11-20) → rejected (2026-11-25),rejected (2026-11-26): late\n",
            "column outcome_notes: status_history has no rejected (2026-11-26)",
        ),
        ("company,role,at,outcome_notes\nA,R,2026-11-20,just a note\n", "column outcome_notes: cannot read"),
        ("company,role,at,offer_deadline\nA,R,2026-11-20,2026-12-01\n", "status_history holds no offer"),
        (
            "company,role,at,status_history,offer_deadline\nA,R,2026-11-20,offer (2026-11-25),soon\n",
            "column offer_deadline: 'soon' is not an ISO 8601 date",
        ),
    ],
)
def test_bad_csv_names_the_problem(text: str, message: str) -> None:
    with pytest.raises(UserError) as caught:
        read(text)
    assert message in caught.value.message


def test_csv_status_and_history() -> None:
    text = (
        "company,role,at,status,status_history,interviewers\n"
        "A,R,2026-11-20,offer,waiting (2026-11-20) → next-round (2026-11-24) -> offer (2026-12-01),"
        '"Jane Doe, CTO <jane@a.com>; Bob"\n'
        "B,R,2026-11-20T10:00+02:00,rejected,,\n"
    )
    first, second = read(text).rows
    assert [(c.status.value, c.on.isoformat()) for c in first["history"]] == [
        ("next-round", "2026-11-24"),
        ("offer", "2026-12-01"),
    ]
    assert [(p.name, p.title, p.email) for p in first["interviewers"]] == [
        ("Jane Doe", "CTO", "jane@a.com"),
        ("Bob", None, None),
    ]
    assert second["history"][0].status.value == "rejected"
    assert second["history"][0].on == TODAY
    assert second["at"].utcoffset() == dt.timedelta(hours=2)


def test_100000_row_csv_is_read_and_checked_whole() -> None:
    """A big file is read to the end: the one bad row at the very end is found and named."""
    rows = [f"Company {n},Engineer,2026-10-{1 + n % 28:02d}T10:00" for n in range(99_999)]
    text = "company,role,at\n" + "\n".join(rows) + "\nLast,Engineer,tomorrow\n"
    with pytest.raises(UserError, match=r"row 100000 \(line 100001\)"):
        read(text)
    assert len(read("company,role,at\n" + "\n".join(rows) + "\n").rows) == 99_999


def test_import_reads_stdin_and_only_needs_json(
    cli: Callable[..., Result], exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setenv("AFTERVIEW_HOME", str(tmp_path / "fresh"))
    monkeypatch.setattr("sys.stdin", io.StringIO(exported.read_text()))
    result = cli("import", "-", "--only", "2")
    assert result.code == 0, result.err
    assert [i["id"] for i in _interviews(cli)] == [2]
    csv_file = tmp_path / "x.csv"
    csv_file.write_text("company,role,at\nA,R,2026-11-20\n")
    assert (
        "--only picks interviews by id from a JSON export" in cli("import", str(csv_file), "--only", "1").err
    )
    assert "holds no interview 7" in cli("import", str(exported), "--only", "7").err


def test_round_trip_through_real_processes(
    process: Callable[..., Any], exported: Path, tmp_path: Path
) -> None:
    """The installed command: export from one home, import into a fresh one twice, export the same."""
    fresh = {"AFTERVIEW_HOME": str(tmp_path / "fresh")}
    first = process("import", str(exported), env=fresh)
    assert first.returncode == 0, first.stderr
    second = process("import", str(exported), env=fresh)
    assert second.returncode == 0, second.stderr
    assert "Nothing to import: all 2 already there." in second.stdout
    again = process("export", "json", env=fresh)
    assert json.loads(again.stdout)["interviews"] == json.loads(exported.read_text())["interviews"]


def test_a_file_that_is_not_utf8_is_named_with_its_line(cli: Callable[..., Result], tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes("company,role,at\nSociété,R,2026-11-20\n".encode("latin-1"))
    result = cli("import", str(path))
    assert result.code == 1
    assert "is not UTF-8 text (line 2)" in result.err
    assert "Save it as UTF-8" in result.err


FOREIGN = (
    "Company Name;Job Title;Date Applied;Salary;Contact\n"
    "Acme;SRE;2026-11-20;100k;Jane Doe <jane@acme.example>\n"
    "Globex;Developer;2026-11-21T14:00;90k;\n"
)
MAP = "Company Name=company,Job Title=role,Date Applied=at,Contact=interviewers"


def test_map_reads_a_csv_with_foreign_headers_dry_run_first(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    """Another tracker's export: --dry-run shows the rows as afterview reads them, then the import."""
    source = tmp_path / "tracker.csv"
    source.write_text(FOREIGN, encoding="utf-8")
    look = cli("import", str(source), "--map", MAP, "--dry-run")
    assert look.code == 0, look.err
    assert "1. Acme · SRE: Fri 20 Nov 2026 12:00; other, video; with Jane Doe" in look.out
    assert "2. Globex · Developer: Sat 21 Nov 2026 14:00" in look.out
    assert "Would import 2 interviews" in look.out
    assert "Left out (not mapped): Salary." in look.err
    assert cli("list", "--json").json() == []
    assert cli("import", str(source), "--map", MAP).code == 0
    listed = cli("list", "--json").json()
    assert sorted(i["company"] for i in listed) == ["Acme", "Globex"]
    assert [p["email"] for i in listed for p in i["interviewers"]] == ["jane@acme.example"]


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("Date Applied=when", "afterview has no column 'when'"),
        ("Date Applied", "is not THEIR_COLUMN=column"),
        ("Start=at", "which the CSV header does not have"),
        ("Company Name=company,Job Title=company", "names the column company twice"),
    ],
)
def test_a_bad_map_is_refused_with_the_valid_names(
    cli: Callable[..., Result], tmp_path: Path, spec: str, message: str
) -> None:
    source = tmp_path / "tracker.csv"
    source.write_text(FOREIGN, encoding="utf-8")
    result = cli("import", str(source), "--map", spec, "--dry-run")
    assert result.code == 1
    assert message in result.err
    if "no column" in message:
        assert "company, role, at" in result.err


def test_a_bad_mapped_cell_is_named_by_their_header(cli: Callable[..., Result], tmp_path: Path) -> None:
    source = tmp_path / "tracker.csv"
    source.write_text("Company Name,Job Title,Date Applied\nAcme,SRE,2026-11-20\nGlobex,Dev,soon\n", "utf-8")
    result = cli("import", str(source), "--map", "Company Name=company,Job Title=role,Date Applied=at")
    assert result.code == 1
    assert "CSV row 2 (line 3), column Date Applied (at): 'soon'" in result.err
    assert cli("list", "--json").json() == []  # all or nothing


def test_ids_freed_in_the_exporting_store_are_never_handed_out_again(
    cli: Callable[..., Result],
    log: Callable[..., dict[str, Any]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Interview 2 and P2 were removed before the export: a fresh store that imports it logs 3 and P3 next."""
    log(company="Acme")
    log(company="Globex")
    assert cli("rm", "2", "--yes").code == 0
    exported = tmp_path / "export.json"
    assert cli("export", "json", "-o", str(exported)).code == 0
    assert json.loads(exported.read_text())["next_ids"] == {
        "interview": 3,
        "process": 3,
        "reference": 1,
        "story": 1,
    }
    monkeypatch.setenv("AFTERVIEW_HOME", str(tmp_path / "fresh"))
    assert cli("import", str(exported)).code == 0
    logged = log(company="Initech")
    assert (logged["id"], logged["process_id"]) == (3, 3)


@pytest.mark.parametrize("text", ['"\\' * 40_000, '"' + '\\"' * 40_000, "[" + '"\\\\", ' * 13_000 + "1]"])
def test_the_json_depth_check_is_linear_on_80_kb_built_to_be_slow(text: str) -> None:
    """Issue 27: a regular expression retried from every quote took 71 s on the first of these."""
    import time

    from afterview.formats.checks import json_depth

    started = time.perf_counter()
    json_depth(text)
    assert time.perf_counter() - started < 1.0


def test_the_json_depth_check_counts_brackets_outside_strings_only() -> None:
    from afterview.formats.checks import MAX_DEPTH, json_depth

    json_depth('{"k": "' + "[" * (MAX_DEPTH + 5) + '\\"", "v": ["]"]}')
    with pytest.raises(UserError, match="nests deeper"):
        json_depth('["\\\\"' + ", [" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 2))
