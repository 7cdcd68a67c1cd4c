"""The quick check of plain e-mail addresses (:mod:`afterview.domain.email_addresses`) answers only what
email-validator answers, normalised the same way; everything else goes to email-validator."""

from __future__ import annotations

import pytest
from email_validator import EmailNotValidError, validate_email
from email_validator.rfc_constants import CASE_INSENSITIVE_MAILBOX_NAMES
from hypothesis import given, settings
from hypothesis import strategies as st

from afterview.domain import email_addresses
from afterview.domain.email_addresses import normalised, plain_address

ATEXT = "abcXYZ019!#$%&'*+/=?^_`{|}~-"
_local = st.text(alphabet=ATEXT + '."\\ (),:;<>@[]é\u00a0', min_size=0, max_size=70)
_label = st.one_of(
    st.text(alphabet="abcxyzABC019-é_", min_size=0, max_size=70),
    st.sampled_from(
        ["test", "local", "localhost", "onion", "arpa", "invalid", "example", "xn--bcher-kva", "123"]
    ),
)
_domain = st.lists(_label, min_size=0, max_size=5).map(".".join)
_plain_local = st.text(alphabet=ATEXT, min_size=1, max_size=20)
_plain_label = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=12)


def test_the_names_it_leaves_to_the_library_are_the_librarys() -> None:
    import email_validator

    assert set(email_validator.SPECIAL_USE_DOMAIN_NAMES) == email_addresses.RESERVED_NAMES
    assert set(CASE_INSENSITIVE_MAILBOX_NAMES) == email_addresses.MAILBOX_NAMES


def _library(text: str) -> str | None:
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


@settings(max_examples=3000, deadline=None)
@given(local=_local, domain=_domain)
def test_every_address_it_answers_the_library_accepts_the_same_way(local: str, domain: str) -> None:
    text = f"{local}@{domain}"
    quick = plain_address(text)
    if quick is not None:
        assert _library(text) == quick


@settings(max_examples=1000, deadline=None)
@given(
    local=_plain_local,
    labels=st.lists(_plain_label, min_size=1, max_size=3),
    tld=st.sampled_from(["com", "de", "io", "co.uk", "ORG"]),
)
def test_plain_addresses_are_answered_without_the_library(local: str, labels: list[str], tld: str) -> None:
    text = f"{local}@{'.'.join(labels)}.{tld}"
    quick = plain_address(text)
    if local.lower() in CASE_INSENSITIVE_MAILBOX_NAMES:
        assert quick is None
        return
    assert quick is not None
    assert quick == _library(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jane.doe@acme.com", "jane.doe@acme.com"),
        ("Jane.Doe+jobs@Mail.ACME.co.uk", "Jane.Doe+jobs@mail.acme.co.uk"),
        ("ada@globex.example", "ada@globex.example"),
        ("jane@acme.test", None),  # a special-use name: left to email-validator (which refuses it)
        ("Postmaster@acme.com", None),  # email-validator lower-cases it
        ("jürgen@acme.de", None),
        ('"jane doe"@acme.com', None),
        ("jane@[192.0.2.1]", None),
        ("jane@xn--bcher-kva.de", None),
        ("jane..doe@acme.com", None),
        ("jane@acme", None),
        ("jane@acme.123", None),
        ("jane@-acme.com", None),
        ("", None),
    ],
)
def test_what_is_answered_quickly(text: str, expected: str | None) -> None:
    assert plain_address(text) == expected


@pytest.mark.parametrize(
    "text", ["jane@acme.com", "Jürgen.Müller@bücher.de", "ada@globex.example", "SALES@Acme.com"]
)
def test_normalised_is_what_email_validator_says(text: str) -> None:
    assert normalised(text) == _library(text)


@pytest.mark.parametrize("text", ["jane..doe@acme.com", "jane@acme", "jane@localhost", "@acme.com", "jane"])
def test_a_bad_address_is_refused_by_email_validator_with_its_reason(text: str) -> None:
    with pytest.raises(EmailNotValidError):
        normalised(text)
