"""``.eml`` drafts and ``mailto:`` links: parse back to exactly what was drafted, whatever the names hold."""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from urllib.parse import parse_qs, unquote, urlsplit

from hypothesis import given
from hypothesis import strategies as st

from afterview.domain.drafts import Draft
from afterview.formats.delivery import eml, eml_name, mailto

BODY = 'Dear José Müller,\n\nThank you — 🎉 שלום, "quoted" <angle> & 100% ?x=1#frag\n\nSam\n'


def draft(**changes: str | None) -> Draft:
    fields: dict[str, str | None] = {
        "kind": "thank-you",
        "to_name": "José Müller",
        "to_email": "jose@acme.com",
        "subject": "Thank you: Señor Engineer 🎉",
        "body": BODY,
        **changes,
    }
    return Draft(**fields)  # type: ignore[arg-type]


def parse(data: bytes) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    return message


def test_eml_parses_back_to_the_draft_with_non_ascii_intact() -> None:
    data = eml(draft(), sender_name="Sam Lee", sender_email="sam@example.com")
    assert b"\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")
    message = parse(data)
    (to,) = message["To"].addresses
    assert (to.display_name, to.addr_spec) == ("José Müller", "jose@acme.com")
    assert message["From"].addresses[0].addr_spec == "sam@example.com"
    assert message["Subject"] == "Thank you: Señor Engineer 🎉"
    assert message["X-Unsent"] == "1"
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    assert message.get_content() == BODY


def test_a_name_cannot_add_a_header() -> None:
    message = parse(
        eml(draft(to_name='Eve\r\nBcc: x@evil.example, "q" <a@b.c>', subject="Hi\nBcc: y@evil.example"))
    )
    assert message["Bcc"] is None
    (to,) = message["To"].addresses
    assert to.addr_spec == "jose@acme.com"
    assert to.display_name == 'Eve Bcc: x@evil.example, "q" <a@b.c>'
    assert message["Subject"] == "Hi Bcc: y@evil.example"


def test_eml_without_an_address_has_no_to_header() -> None:
    message = parse(eml(draft(to_email=None)))
    assert message["To"] is None
    assert message.get_content() == BODY


def test_mailto_round_trips_through_urllib() -> None:
    link = mailto(draft())
    parts = urlsplit(link)
    assert parts.scheme == "mailto"
    assert unquote(parts.path) == "jose@acme.com"
    query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    assert query["subject"] == ["Thank you: Señor Engineer 🎉"]
    # RFC 6068: line breaks in a body are %0D%0A.
    assert query["body"] == [BODY.replace("\n", "\r\n")]
    assert query["body"][0].replace("\r\n", "\n") == BODY
    assert set(query) == {"subject", "body"}
    assert " " not in link
    assert "\n" not in link
    assert "+" not in link


def test_mailto_encodes_an_address_that_tries_to_add_fields() -> None:
    link = mailto(draft(to_email="jane@acme.com?bcc=eve@evil.example&x=1"))
    parts = urlsplit(link)
    assert unquote(parts.path) == "jane@acme.com?bcc=eve@evil.example&x=1"
    assert set(parse_qs(parts.query)) == {"subject", "body"}


def test_mailto_without_an_address() -> None:
    assert mailto(draft(to_email=None)).startswith("mailto:?subject=")


@given(st.text(min_size=1), st.text())
def test_any_subject_and_body_round_trip(subject: str, body: str) -> None:
    link = mailto(draft(subject=subject, body=body))
    query = parse_qs(urlsplit(link).query, keep_blank_values=True)
    assert query["subject"] == [" ".join(subject.split())]
    assert query["body"] == [body.replace("\r\n", "\n").replace("\n", "\r\n")]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60))
def test_any_display_name_survives_the_eml(name: str) -> None:
    message = parse(eml(draft(to_name=name)))
    (to,) = message["To"].addresses
    assert to.addr_spec == "jose@acme.com"
    assert to.display_name == " ".join(name.split())


def test_eml_names_are_portable() -> None:
    assert eml_name(draft()) == "thank-you-jose-muller.eml"
    assert eml_name(draft(to_name="רות כהן")) == "thank-you.eml"
    assert eml_name(draft(to_name="../../etc/passwd")) == "thank-you-etc-passwd.eml"
