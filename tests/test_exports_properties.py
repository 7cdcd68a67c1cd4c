"""Property tests: what export writes, import and vCard readers read back unchanged."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from afterview.domain.text_rules import BIDI_CONTROLS
from afterview.formats import exports, imports
from afterview.models.records import Person
from tests.helpers import document_of, make_interview

UTC = dt.UTC
NOW = dt.datetime(2026, 11, 27, 15, 0, tzinfo=UTC)

# Printable text with separators, quotes and line breaks; no surrounding blanks (import strips cells).
text = (
    st.text(
        alphabet=st.characters(categories=("L", "N", "P", "S", "Zs"), include_characters=',;"\n'),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)
# One line of text that may start like a formula (``=``, ``+``, ``-``, ``@``, quotes) and hold ``;,<>"``.
line = (
    st.text(
        alphabet=st.characters(categories=("L", "N", "P", "S", "Zs"), include_characters="=+-@';,<>\""),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(lambda t: 0 < len(t) <= 200)
)


@settings(max_examples=60, deadline=None)
@given(company=line, role=line, notes=text, person=line, title=st.none() | line)
def test_csv_export_reads_back(company: str, role: str, notes: str, person: str, title: str | None) -> None:
    interview = make_interview(
        id=1,
        company=company,
        role=role,
        at=dt.datetime(2026, 11, 20, 10, 0, tzinfo=UTC),
        interviewers=[Person(name=person, title=title, email="jane@example.com")],
        notes=notes,
        created_at=NOW,
        updated_at=NOW,
    )
    (row,) = imports.read_csv(exports.to_csv(document_of(interview)), tz=UTC, today=NOW.date()).rows
    assert (row["company"], row["role"], row["notes"]) == (company, role, notes.replace("\r\n", "\n"))
    assert [(p.name, p.title, p.email) for p in row["interviewers"]] == [(person, title, "jane@example.com")]
    assert row["at"] == interview.at


@settings(max_examples=100, deadline=None)
@given(value=st.text(max_size=300))
def test_vcard_lines_fold_and_unfold(value: str) -> None:
    line = "NOTE:" + exports.escape_text(value)
    folded = exports._fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line
    assert "\n" not in folded.replace("\r\n ", "")
    assert "\r" not in folded.replace("\r\n ", "")


free_text = st.text(
    # No CR: input hygiene turns CRLF into LF before anything is stored, and TOML parsers may normalise
    # newlines.
    # Only what the text rules (afterview.domain.text_rules) let in: no controls but newline and tab, no bidi
    # overrides.
    alphabet=st.characters(
        exclude_categories=["Cs", "Cc"], include_characters="\n\t", exclude_characters=BIDI_CONTROLS
    ),
    min_size=1,
    max_size=80,
)


@settings(max_examples=100, deadline=None)
@given(
    company=free_text.filter(lambda t: len(t) <= 200 and "\n" not in t),
    notes=free_text,
    title=st.none() | free_text.filter(lambda t: "\n" not in t),
)
def test_editor_toml_reads_back_unchanged(company: str, notes: str, title: str | None) -> None:
    """Whatever an interview holds, opening it in the editor and saving without a change changes nothing."""
    from afterview.formats import editable

    interview = make_interview(
        id=3,
        company=company,
        role="SRE",
        at=dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        interviewers=[Person(name="Jane", title=title)],
        notes=notes,
        created_at=NOW,
        updated_at=NOW,
    )
    assert editable.from_toml(editable.to_toml(interview), base=interview, now=NOW) == interview
