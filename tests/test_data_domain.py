"""The pure modules behind export, import and stats, case by case."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from afterview.domain import merging
from afterview.domain.planning import plan_context
from afterview.domain.steps import replan
from afterview.errors import UserError
from afterview.formats import exports, imports
from afterview.models.document import Document
from afterview.models.enums import Status, StepKind, StepState
from afterview.models.records import Paperwork, Person, Profile, Reference, StatusChange, Step
from tests.helpers import acme_round, document_of

UTC = dt.UTC
NOW = dt.datetime(2026, 11, 27, 15, 0, tzinfo=UTC)


def export_of(document: Document) -> str:
    return exports.to_json(document, now=NOW).decode("utf-8")


def merge(document: Document, incoming: merging.Incoming, *, theirs: bool = False) -> merging.Report:
    """Merge as the import use case does: merge, plan every round, then settle the rows' past steps."""
    report = merging.merge(document, incoming, now=NOW, theirs=theirs)
    replan(document, plan_context(document, tz=UTC), now=NOW)
    merging.settle_rows(document, report, tz=UTC, now=NOW)
    return report


def test_history_repeats_are_shown_once() -> None:
    interview = acme_round(
        history=[
            StatusChange(status=Status.NEXT_ROUND, on=dt.date(2026, 11, 22)),
            StatusChange(status=Status.NEXT_ROUND, on=dt.date(2026, 11, 23)),
        ]
    )
    assert exports.status_history(interview) == "waiting (2026-11-20) → next-round (2026-11-22)"


def test_markdown_paperwork_and_done_steps() -> None:
    step = Step(
        id="1.1", kind=StepKind.MEMORY_DUMP, key="memory-dump", title="Write it down", due=NOW.date(),
        state=StepState.DONE, done_at=NOW,
    )  # fmt: skip
    interview = acme_round(paperwork=[Paperwork(title="NDA", due=dt.date(2026, 12, 1))], steps=[step])
    text = exports.to_markdown(document_of(interview, profile=Profile(name="Sam")), now=NOW)
    assert text.startswith("# Interviews of Sam")
    assert "- NDA (due 2026-12-01)" in text
    assert "### Done\n\n- Write it down (2026-11-27)" in text


def test_vcard_phone_url_and_details_from_a_later_interview() -> None:
    first = acme_round(1, interviewers=[Person(name="Jane Doe", email="jane@acme.com")])
    second = acme_round(
        2,
        interviewers=[
            Person(name="Jane Doe", email="JANE@acme.com", phone="+1 555 0100", url="https://x.example/jane")
        ],
    )
    text = exports.to_vcard(document_of(first, second))
    assert text.count("BEGIN:VCARD") == 1
    assert "TEL;TYPE=work;VALUE=text:+1 555 0100\r\n" in text
    assert "URL:https://x.example/jane\r\n" in text


def test_profile_is_taken_only_when_yours_is_empty() -> None:
    source = Document(profile=Profile(name="Sam"), references=[Reference(id=1, name="Ada")])
    incoming = imports.read_json(export_of(source))
    empty = Document()
    report = merge(empty, incoming)
    assert (report.profile, report.references_added, report.changed) == ("taken", ["Ada"], True)
    assert empty.profile.name == "Sam"
    mine = Document(profile=Profile(name="Kim"), references=[Reference(id=1, name="Bob")])
    report = merge(mine, incoming)
    assert report.profile == "kept"
    assert [c.what for c in report.conflicts] == ["reference 1"]
    assert not report.changed


def test_theirs_replaces_a_conflicting_interview() -> None:
    incoming = imports.read_json(export_of(document_of(acme_round(role="Principal"))))
    document = document_of(acme_round(), next_id=2)
    report = merge(document, incoming, theirs=True)
    assert (report.replaced, report.replaced_processes, report.changed) == ([], [1], True)
    assert document.interviews[0].role == "Principal"


def test_same_content_in_another_key_order_is_identical() -> None:
    interview = acme_round()
    payload = json.loads(export_of(document_of(interview)))
    payload["interviews"][0] = dict(reversed(list(payload["interviews"][0].items())))
    document = document_of(interview, next_id=2)
    assert merge(document, imports.read_json(json.dumps(payload))).unchanged == [1]


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"format": "afterview-export"}, 'no "interviews" list'),
        ({"format": "afterview-export", "export_version": True, "interviews": []}, "positive whole number"),
        ({"format": "afterview-export", "schema_version": 3, "interviews": []}, "newer afterview"),
        (
            {"format": "afterview-export", "interviews": [], "profile": {"email": "nope"}},
            "profile or a reference",
        ),
        (
            {"format": "afterview-export", "interviews": [], "references": [{"id": 0}]},
            "profile or a reference",
        ),
    ],
)
def test_bad_exports(payload: dict[str, object], message: str) -> None:
    with pytest.raises(UserError) as caught:
        imports.read_json(json.dumps(payload))
    assert message in caught.value.message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("company,role,at\nA,R,2026-11-20\n\n,,\nB,R,2026-11-21,\n", "row 2 (line 5) has 4 fields"),
        ('company,role,at\nA,"R"x,2026-11-20\n', "cannot be read after line"),
        ("company,role,at\n" + "A" * 201 + ",R,2026-11-20\n", "too long (201 characters"),
        ("company,role,at,interviewers\nA,R,2026-11-20,<a@b.c>\n", "cannot read '<a@b.c>'"),
        ('"company,role\n', "header cannot be read"),
    ],
)
def test_bad_csv_details(text: str, message: str) -> None:
    with pytest.raises(UserError) as caught:
        imports.read_csv(text, tz=UTC, today=NOW.date())
    assert message in caught.value.message


def test_the_same_row_twice_in_a_csv_is_added_once() -> None:
    incoming = imports.read_csv(
        "company,role,at\nA,R,2026-11-20\na,r,2026-11-20T12:00\n", tz=UTC, today=NOW.date()
    )
    document = Document()
    report = merge(document, incoming)
    assert (report.added, report.unchanged) == ([1], [1])
    assert document.next_id == 2


@pytest.mark.parametrize(
    ("name", "text", "is_json"),
    [
        ("export.json", "company,role,at\n", True),  # the suffix decides, whatever the text
        ("interviews.CSV", '{"format": "afterview"}', False),
        ("-", '\ufeff \n{"format": "afterview"}', True),  # no suffix: a leading { means JSON
        ("backup.bak", "company,role,at\n", False),
    ],
)
def test_source_tells_json_from_csv_by_suffix_then_content(name: str, text: str, is_json: bool) -> None:
    assert imports.source(text, name=name).is_json is is_json


def test_source_refuses_only_for_a_csv() -> None:
    with pytest.raises(UserError, match="--only picks interviews by id from a JSON export"):
        imports.source("company,role,at\n", name="x.csv", only=[1])


def test_source_reads_only_the_interviews_asked_for() -> None:
    text = export_of(document_of(acme_round(1), acme_round(2, role="Principal"), next_id=3))
    incoming = imports.source(text, name="export.json", only=[2]).read(tz=UTC, today=NOW.date())
    assert [(i.id, i.role) for i in incoming.interviews] == [(2, "Principal")]
    with pytest.raises(UserError, match=r"The file holds no interview 3, 4\."):
        imports.source(text, name="export.json", only=[4, 3, 2]).read(tz=UTC, today=NOW.date())


def test_source_reads_a_csv_as_rows() -> None:
    text = "company,role,at\nAcme,SRE,2026-11-20\n"
    incoming = imports.source(text, name="-").read(tz=UTC, today=NOW.date())
    assert [(row["company"], row["at"]) for row in incoming.rows] == [
        ("Acme", dt.datetime(2026, 11, 20, 12, tzinfo=UTC))
    ]


def test_a_json_import_among_many_matches_processes_and_interviews_by_id() -> None:
    """Thirty rounds in the store, the file holds them all: the changed ones are conflicts, the new ones are
    added after them, each linked to its own process; with theirs, each replaced round keeps its place."""
    mine = [acme_round(n, notes=f"round {n}") for n in range(1, 31)]
    theirs = [
        acme_round(n, notes="changed elsewhere" if n in (3, 17, 30) else f"round {n}") for n in range(1, 36)
    ]
    incoming = imports.read_json(export_of(document_of(*theirs)))
    kept = document_of(*(i.model_copy(deep=True) for i in mine))
    report = merge(kept, incoming)
    assert report.added == list(range(31, 36))
    assert [c.what for c in report.conflicts] == ["interview 3", "interview 17", "interview 30"]
    assert len(report.unchanged) == 27
    assert [i.id for i in kept.interviews] == list(range(1, 36))
    assert all(i.process is kept.processes[i.id - 1] for i in kept.interviews)
    replaced = document_of(*mine)
    report = merge(replaced, incoming, theirs=True)
    assert report.replaced == [3, 17, 30]
    assert [i.id for i in replaced.interviews] == list(range(1, 36))
    assert [i.notes for i in replaced.interviews][:30] == [
        "changed elsewhere" if n in (3, 17, 30) else f"round {n}" for n in range(1, 31)
    ]
    assert all(i.process is replaced.processes[i.id - 1] for i in replaced.interviews)
