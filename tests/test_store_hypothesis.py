"""Property tests: the loader only ever fails with the corrupt-store error, valid stores round-trip byte
for byte, and a random sequence of log / done / skip / outcome / remove matches an in-memory model after
every reopen of the store."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from afterview.cli.main import run
from afterview.models.document import Document
from afterview.models.enums import ENDED_STATUSES, Status, StepState
from afterview.store.codec import CorruptStore, NewerStore, parse_document, serialise
from afterview.store.storefile import Store

FIXTURE = (Path(__file__).with_name("fixtures") / "schema-1.json").read_bytes()
NOW = dt.datetime(2026, 11, 27, 16, tzinfo=dt.timezone(dt.timedelta(hours=1)))
REFUSALS = (CorruptStore, NewerStore)
FAST = settings(max_examples=150, deadline=None)


def loads_or_refuses(data: bytes) -> Document | None:
    """Parse ``data``; the only failure allowed is the corrupt-store (or newer-store) error."""
    try:
        document = parse_document(data)
    except REFUSALS:
        return None
    assert parse_document(serialise(document)) == document  # what loads can be saved and loads again
    return document


@FAST
@given(st.binary(max_size=400))
def test_random_bytes_only_ever_raise_the_corrupt_store_error(data: bytes) -> None:
    loads_or_refuses(data)


def json_values(*, finite: bool = False) -> st.SearchStrategy[Any]:
    """Any JSON value; ``finite`` leaves out NaN and infinities, which no store file can hold."""
    floats = st.floats(allow_nan=not finite, allow_infinity=not finite)
    return st.recursive(
        st.none() | st.booleans() | st.integers() | floats | st.text(max_size=8),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
        max_leaves=10,
    )


@FAST
@given(st.dictionaries(st.sampled_from(["format", "schema_version", "revision", "interviews", "profile",
                                        "next_id", "updated_at", "references"]), json_values()))  # fmt: skip
def test_random_json_documents_only_ever_raise_the_corrupt_store_error(raw: dict[str, Any]) -> None:
    loads_or_refuses(json.dumps({"format": "afterview", **raw}, allow_nan=True).encode())


@FAST
@given(st.lists(st.integers(0, len(FIXTURE) * 8 - 1), min_size=1, max_size=6))
def test_bit_flipped_files_only_ever_raise_the_corrupt_store_error(bits: list[int]) -> None:
    data = bytearray(FIXTURE)
    for bit in bits:
        data[bit // 8] ^= 1 << (bit % 8)
    loads_or_refuses(bytes(data))


@FAST
@given(st.integers(0, len(FIXTURE) - 2))
def test_truncated_files_are_always_corrupt(length: int) -> None:
    assert loads_or_refuses(FIXTURE[:length]) is None


@FAST
@given(st.integers(0, len(FIXTURE)), st.integers(0, len(FIXTURE)), st.booleans())
def test_spliced_files_only_ever_raise_the_corrupt_store_error(cut: int, resume: int, twice: bool) -> None:
    other = FIXTURE.replace(b"Acme GmbH", b"Zeta AG").replace(b'"revision": 6', b'"revision": 7')
    loads_or_refuses(FIXTURE[:cut] + other[resume:] + (FIXTURE[resume:] if twice else b""))


text = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=20)
offsets = st.integers(-12 * 60, 14 * 60).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))
moments = st.builds(
    lambda moment, tz: moment.replace(tzinfo=tz),
    st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    offsets,
)
emails = st.from_regex(r"\A[a-z0-9._%+-]{1,10}@[a-z0-9-]{1,10}\.[a-z]{2,6}\Z")
extras = st.dictionaries(
    st.text(max_size=6).map(lambda key: f"x_{key}"), json_values(finite=True), max_size=2
)
people = st.builds(
    lambda name, title, email, more: {"name": name, "title": title, "email": email, **more},
    text, st.none() | text, st.none() | emails, extras,
)  # fmt: skip
interviews = st.builds(
    lambda company, role, at, stage, form, who, notes, decision, more: {
        "process": {"company": company, "role": role, "created_at": at, "updated_at": at},
        "at": at, "stage": stage, "format": form, "interviewers": who,
        "notes": notes, "decision_by": decision, "created_at": at, "updated_at": at, **more,
    },
    text, text, moments, st.sampled_from(["screen", "technical", "onsite", "final", "other"]),
    st.sampled_from(["video", "phone", "onsite"]), st.lists(people, max_size=3),
    st.none() | st.text(st.characters(exclude_categories=["Cs"]), max_size=200),
    st.none() | st.dates(), extras,
)  # fmt: skip
documents = st.builds(
    lambda items, revision, name, more: Document.model_validate(
        {
            "revision": revision, "next_id": len(items) + 1, "next_process_id": len(items) + 1,
            "profile": {"name": name},
            "processes": [{**item["process"], "id": n} for n, item in enumerate(items, start=1)],
            "interviews": [
                {**{k: v for k, v in item.items() if k != "process"}, "id": n, "process_id": n}
                for n, item in enumerate(items, start=1)
            ],
            **more,
        }
    ),
    st.lists(interviews, max_size=4), st.integers(0, 10**6), st.none() | text, extras,
)  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(documents)
def test_any_valid_store_round_trips_byte_for_byte(document: Document) -> None:
    data = serialise(document)
    loaded = parse_document(data)
    assert serialise(loaded) == data
    assert loaded == document


@settings(max_examples=100, deadline=None)
@given(documents)
def test_the_store_is_written_as_pydantic_writes_json_byte_for_byte(document: Document) -> None:
    """The writer takes the models' serializer's bytes as they are; they are exactly what
    ``model_dump_json`` gives, so a file written either way is the same file."""
    from afterview.store import codec

    assert codec._dump(document) == document.model_dump_json(indent=1).encode("utf-8") + b"\n"
    for interview in document.interviews:
        expected = interview.model_dump_json(indent=1).encode("utf-8").replace(b"\n", b"\n  ")
        assert codec._element(interview) == b"  " + expected


names = st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=20)


class StoreAgainstModel(RuleBasedStateMachine):
    """Run log, done, skip, outcome and rm (the real commands, in this process); after each, reopen the
    store and compare it with an in-memory model of what should be there."""

    def __init__(self) -> None:
        super().__init__()
        self.directory = Path(tempfile.mkdtemp(prefix="afterview-machine-"))
        self.path = self.directory / "afterview.json"
        self.previous_home = os.environ.get("AFTERVIEW_HOME")
        os.environ["AFTERVIEW_HOME"] = str(self.directory)
        self.revision = 0
        self.next_id = 1
        self.model: dict[int, dict[str, Any]] = {}

    def afterview(self, *args: str) -> None:
        assert run(list(args)) == 0, args

    def reopen(self) -> Document:
        return Store(self.path, clock=lambda: NOW).read()

    @rule(company=names, people=st.integers(0, 2))
    def log(self, company: str, people: int) -> None:
        who = [arg for n in range(people) for arg in ("--interviewer", f"P{n} <p{n}@x.co>")]
        self.afterview("log", "--company", company, "--role", "r", "--no-input", *who)
        self.model[self.next_id] = {"company": company, "status": Status.WAITING, "closed": {}}
        self.next_id += 1
        self.revision += 1

    @precondition(lambda self: bool(self.model))
    @rule(data=st.data(), state=st.sampled_from([StepState.DONE, StepState.SKIPPED]))
    def close_step(self, data: st.DataObject, state: StepState) -> None:
        interview = self.reopen().interview(data.draw(st.sampled_from(sorted(self.model))))
        assert interview is not None
        pending = [s.id for s in interview.steps if s.state is StepState.PENDING]
        if not pending:
            return
        step_id = data.draw(st.sampled_from(pending))
        self.afterview("done" if state is StepState.DONE else "skip", step_id)
        self.model[interview.id]["closed"][step_id] = state
        self.revision += 1

    @precondition(lambda self: bool(self.model))
    @rule(data=st.data(), status=st.sampled_from([s for s in Status if s is not Status.WAITING]))
    def outcome(self, data: st.DataObject, status: Status) -> None:
        interview_id = data.draw(st.sampled_from(sorted(self.model)))
        self.afterview("outcome", str(interview_id), status.value, "--no-input")
        if self.model[interview_id]["status"] is not status:  # the same outcome again changes nothing
            self.model[interview_id]["status"] = status
            self.revision += 1
            if status is Status.ACCEPTED:  # every other open process ends: you are withdrawing from it
                for other, value in self.model.items():
                    if other != interview_id and value["status"] not in ENDED_STATUSES:
                        value["status"] = Status.WITHDRAWN

    @precondition(lambda self: bool(self.model))
    @rule(data=st.data())
    def remove(self, data: st.DataObject) -> None:
        interview_id = data.draw(st.sampled_from(sorted(self.model)))
        self.afterview("rm", str(interview_id), "--yes")
        del self.model[interview_id]
        self.revision += 1

    @invariant()
    def store_matches_model(self) -> None:
        if not self.path.exists():
            assert self.revision == 0
            return
        data = self.path.read_bytes()
        document = parse_document(data)
        assert serialise(document) == data
        assert (document.revision, document.next_id) == (self.revision, self.next_id)
        assert {i.id: (i.company, i.status) for i in document.interviews} == {
            key: (value["company"], value["status"]) for key, value in self.model.items()
        }
        for interview in document.interviews:
            states = {step.id: step.state for step in interview.steps}
            closed = self.model[interview.id]["closed"]
            assert {step_id: states[step_id] for step_id in closed} == closed
        store = Store(self.path, clock=lambda: NOW)
        assert store.temp_files() == []
        assert len(store.backups()) == min(self.revision - 1, 20)

    def teardown(self) -> None:
        if self.previous_home is None:
            os.environ.pop("AFTERVIEW_HOME", None)
        else:
            os.environ["AFTERVIEW_HOME"] = self.previous_home
        shutil.rmtree(self.directory)


StoreAgainstModel.TestCase.settings = settings(
    max_examples=15, stateful_step_count=12, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
test_store_matches_an_in_memory_model = StoreAgainstModel.TestCase
