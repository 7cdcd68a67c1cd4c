"""Input hygiene at the edge: broken Unicode, NUL and control characters, over-long fields, invalid
emails and web addresses are refused with a clear message before anything is written."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterview.cli.inputs import email_address, field_text, url
from afterview.errors import UserError
from afterview.models.fields import FIELDS
from tests.helpers import Result, afterview_command

Cli = Callable[..., Result]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "cannot be empty"),
        ("   ", "cannot be empty"),
        ("Ac\x00me", r"control character U\+0000 \(NUL\) at position 3"),
        ("Acme\x1b[31m", r"control character U\+001B \(ESC\)"),
        ("Acme\x7f", r"U\+007F"),
        ("Ac\x85me", r"U\+0085"),
        ("two\nlines", r"U\+000A"),
        ("Acme \udcff", "not valid text"),
        ("\ud800", "not valid text"),
        ("x" * 201, r"too long \(201 characters; at most 200\)"),
    ],
)
def test_clean_text_refuses(value: str, message: str) -> None:
    with pytest.raises(UserError, match=message):
        field_text(value, "company")


def test_clean_text_keeps_ordinary_text() -> None:
    assert field_text("  Zoë & Søn — 株式会社 😀\t ", "company") == "Zoë & Søn — 株式会社 😀"
    assert field_text("x" * 200, "company") == "x" * 200


def test_multiline_text_keeps_newlines_and_tabs() -> None:
    assert field_text("one\r\n\ttwo\n", "notes") == "one\n\ttwo"
    with pytest.raises(UserError, match="control character"):
        field_text("one\x00two", "notes")


@pytest.mark.parametrize(
    ("value", "normalised"),
    [
        ("jane@acme.com", "jane@acme.com"),
        (" Jane.Doe@Acme.COM ", "Jane.Doe@acme.com"),
        ("zoë@bücher.de", None),
    ],
)
def test_valid_emails(value: str, normalised: str | None) -> None:
    result = email_address(value)
    if normalised is not None:
        assert result == normalised


@pytest.mark.parametrize(
    "value",
    ["jane", "jane@", "@acme.com", "jane@acme", "jane doe@acme.com", "jane@@acme.com", "ja\x00ne@acme.com",
     "jane@acme.com\udcff", "a" * 250 + "@acme.com"],
)  # fmt: skip
def test_invalid_emails(value: str) -> None:
    with pytest.raises(UserError):
        email_address(value)


@pytest.mark.parametrize(
    "value", ["https://linkedin.com/in/jane", "http://example.com:8080/a?b=c#d", "https://bücher.de/x"]
)
def test_valid_urls(value: str) -> None:
    assert url(value) == value


@pytest.mark.parametrize(
    "value",
    ["linkedin.com/in/jane", "ftp://example.com", "javascript:alert(1)", "https://", "https://exa mple.com",
     "http://example.com:port/", "https://exa\x00mple.com", "https://" + "a" * 2_000 + ".com"],
)  # fmt: skip
def test_invalid_urls(value: str) -> None:
    with pytest.raises(UserError):
        url(value)


@pytest.mark.parametrize(
    ("model", "field", "key"),
    [("Person", "name", "name"), ("Person", "title", "title"), ("Person", "url", "url"),
     ("Person", "given_name", "given_name"), ("Reference", "relationship", "relationship"),
     ("Process", "company", "company"), ("Process", "role", "role"), ("Process", "source", "source"),
     ("Interview", "notes", "notes"), ("Interview", "next_steps", "next_steps"),
     ("Interview", "location", "location"), ("Paperwork", "title", "paperwork"),
     ("Step", "note", "step_note"),
     ("StatusChange", "note", "outcome_note"), ("Profile", "phone", "phone"),
     ("Profile", "signature", "signature"), ("Question", "answer", "answer")],
)  # fmt: skip
def test_the_models_read_their_limits_from_the_catalogue(model: str, field: str, key: str) -> None:
    """One catalogue of fields: the models' constraints are the limits the CLI and imports check."""
    from afterview.models import records

    metadata = getattr(records, model).model_fields[field].metadata
    assert [m.max_length for m in metadata if hasattr(m, "max_length")] == [FIELDS[key].limit]


def test_a_field_over_its_catalogue_limit_is_refused_naming_it() -> None:
    limit = FIELDS["next_steps"].limit
    assert field_text("x" * limit, "next_steps") == "x" * limit
    with pytest.raises(UserError, match="next steps"):
        field_text("x" * (limit + 1), "next_steps")


def test_one_line_fields_say_so() -> None:
    with pytest.raises(UserError) as raised:
        field_text("two\nlines", "company")
    assert raised.value.hint is not None
    assert "fit on one line" in raised.value.hint


@pytest.mark.parametrize(
    "args",
    [
        ("--company", "Ac\x00me"),
        ("--company", "Acme", "--role", "x" * 201),
        ("--company", "Acme", "--interviewer", "Jane <jane-at-acme>"),
        ("--company", "Acme", "--interviewer", "Ja\x07ne <jane@acme.com>"),
        ("--company", "Acme", "--note", "x" * 100_001),
        ("--company", "Acme", "--next-steps", "call\x1b[2J"),
    ],
)
def test_log_refuses_bad_input_before_writing(args: tuple[str, ...], cli: Cli, store_file: Path) -> None:
    full = [*args, "--role", "r"] if "--role" not in args else list(args)
    result = cli("log", *full, "--no-input")
    assert result.code == 1
    assert "Error:" in result.err
    assert "Traceback" not in result.err
    assert not store_file.exists()


def test_skip_reason_is_checked(log: Callable[..., dict[str, Any]], cli: Cli, store_file: Path) -> None:
    log()
    before = store_file.read_bytes()
    result = cli("skip", "1.1", "--reason", "no\x00pe")
    assert result.code == 1
    assert "control character" in result.err
    assert store_file.read_bytes() == before


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX passes arguments as bytes")
def test_a_badly_encoded_terminal_is_refused(store_file: Path) -> None:
    """Bytes that are not UTF-8 arrive as lone surrogates; the real command refuses them, writing nothing."""
    result = subprocess.run(
        [*afterview_command(), "log", "--company", b"Caf\xe9", "--role", "r", "--no-input"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert b"not valid text" in result.stderr
    assert b"Traceback" not in result.stderr
    assert not store_file.exists()
