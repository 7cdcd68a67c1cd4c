"""CSV and vCard exports are safe to open in a spreadsheet (OWASP CSV injection), and import takes back
exactly what export added, so a round trip loses nothing."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from afterview.formats.cells import neutralised, people_cell, people_from_cell, restored
from tests.helpers import Result

Cli = Callable[..., Result]
FORMULAS = [
    "=1+1",
    "+1",
    "-2",
    "@SUM(1)",
    "- a note",
    '=HYPERLINK("https://evil.example","x")',
    "+cmd|' /C calc'!A0",
]


@given(st.text())
def test_neutralise_then_restore_is_exact(value: str) -> None:
    assert restored(neutralised(value)) == value


@given(st.text(alphabet="'=+-@\t\rab", max_size=8))
def test_quotes_before_a_trigger_round_trip(value: str) -> None:
    cell = neutralised(value)
    assert restored(cell) == value
    assert not cell or cell[0] not in "=+-@\t\r"


@pytest.mark.parametrize(
    ("value", "cell"),
    [("=1+1", "'=1+1"), ("- a note", "'- a note"), ("'=x", "''=x"), ("'quoted'", "'quoted'"), ("a=b", "a=b")],
)
def test_the_rule(value: str, cell: str) -> None:
    assert neutralised(value) == cell


@given(
    st.lists(st.fixed_dictionaries({"name": st.text(min_size=1)}, optional={"title": st.text(min_size=1)}))
)
def test_people_round_trip_through_one_cell(people: list[dict[str, str]]) -> None:
    assert (people_from_cell(people_cell(people)) or []) == people


def test_export_csv_neutralises_formulas_and_import_gives_them_back(cli: Cli, store_file: Path) -> None:
    for value in FORMULAS:
        result = cli("log", f"--company={value}", "--role=SRE", f"--note={value}", "--no-input")
        assert result.code == 0, result.err
    assert cli("export", "csv", "-o", "out.csv").code == 0
    data = Path("out.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the UTF-8 byte-order mark Excel needs
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [row["company"] for row in rows] == ["'" + value for value in FORMULAS]
    assert [row["notes"] for row in rows] == ["'" + value for value in FORMULAS]
    for row in rows:
        assert all(not cell or cell[0] not in "=+-@\t\r" for cell in row.values())
    store_file.unlink()
    assert cli("import", "out.csv").code == 0
    listed = cli("list", "--json").json()
    assert sorted(item["company"] for item in listed) == sorted(FORMULAS)
    assert sorted(item["notes"] for item in listed) == sorted(FORMULAS)


def test_no_bom_leaves_the_mark_out(cli: Cli) -> None:
    assert not cli("export", "csv", "--no-bom").out.startswith("\ufeff")


def test_an_interviewer_with_separators_in_the_title_stays_one_person(cli: Cli, store_file: Path) -> None:
    assert cli("log", "--company", "Acme", "--role", "SRE", "--no-input").code == 0
    spec = "Jörg Müller, VP Sales; EMEA <jorg@example.com>"
    assert cli("interviewer", "1", spec).code == 0
    exported = cli("export", "csv").out
    store_file.unlink()
    Path("again.csv").write_text(exported, encoding="utf-8")
    assert cli("import", "again.csv").code == 0
    (interview,) = cli("list", "--json").json()
    assert [(p["name"], p["title"], p["email"]) for p in interview["interviewers"]] == [
        ("Jörg Müller", "VP Sales; EMEA", "jorg@example.com")
    ]
    assert "Jörg" in exported  # not "JÃ¶rg": UTF-8 with a byte-order mark


def test_hand_made_csv_interviewers_still_read(cli: Cli) -> None:
    Path("hand.csv").write_text(
        "company,role,at,interviewers\nAcme,SRE,2026-11-20,Jane Doe <jane@acme.com>; [dev] Bob\n",
        encoding="utf-8",
    )
    assert cli("import", "hand.csv").code == 0
    (interview,) = cli("list", "--json").json()
    assert [p["name"] for p in interview["interviewers"]] == ["Jane Doe", "[dev] Bob"]


def test_vcard_values_are_neutralised_but_phone_numbers_keep_their_plus(cli: Cli) -> None:
    assert cli("log", "--company=@SUM(1)", "--role", "SRE", "--no-input").code == 0
    assert cli("interviewer", "1", "=HYPERLINK(1), +cmd <jane@acme.com>").code == 0
    card = cli("export", "vcf").out
    assert "FN:'=HYPERLINK(1)" in card
    assert "TITLE:'+cmd" in card
    assert "ORG:'@SUM(1)" in card
