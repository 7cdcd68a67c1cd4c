"""Names read the way their cultures write them: the greeting in English and German and vCard ``N``."""

from __future__ import annotations

import pytest

from afterview.domain.greetings import greeting
from afterview.domain.mailboxes import is_role_mailbox
from afterview.domain.people import parse_name, read_name, vcard_n
from afterview.formats.invitations import read_invitation

N = tuple[str, str, str, str, str]

TABLE: list[tuple[str, str, str, N]] = [
    # display, English greeting, German greeting, vCard N (family, given, additional, prefix, suffix)
    ("Wang Xiaoming", "Dear Wang Xiaoming,", "Guten Tag Wang Xiaoming,", ("Wang", "Xiaoming", "", "", "")),
    (
        "María José García-López",
        "Dear María José,",
        "Guten Tag María José García-López,",
        ("García-López", "María José", "", "", ""),
    ),
    (
        "Hartmann, Julia (Dr.)",
        "Dear Dr. Hartmann,",
        "Guten Tag Dr. Hartmann,",
        ("Hartmann", "Julia", "", "Dr.", ""),
    ),
    (
        "Prof. Dr. Anna Schmidt",
        "Dear Prof. Dr. Schmidt,",
        "Guten Tag Prof. Dr. Schmidt,",
        ("Schmidt", "Anna", "", "Prof. Dr.", ""),
    ),
    ("Aoife Ní Bhriain", "Dear Aoife,", "Guten Tag Aoife Ní Bhriain,", ("Ní Bhriain", "Aoife", "", "", "")),
    (
        "Ludwig van Beethoven",
        "Dear Ludwig,",
        "Guten Tag Ludwig van Beethoven,",
        ("van Beethoven", "Ludwig", "", "", ""),
    ),
    ("Kim Min-jun", "Dear Kim Min-jun,", "Guten Tag Kim Min-jun,", ("Kim", "Min-jun", "", "", "")),
    ("Lee Ji-eun", "Dear Lee Ji-eun,", "Guten Tag Lee Ji-eun,", ("Lee", "Ji-eun", "", "", "")),
    (
        "Park Chan-wook",
        "Dear Park Chan-wook,",
        "Guten Tag Park Chan-wook,",
        ("Park", "Chan-wook", "", "", ""),
    ),
    ("Nguyễn Văn An", "Dear An,", "Guten Tag Nguyễn Văn An,", ("Nguyễn", "An", "Văn", "", "")),
    ("Tran Thi Mai", "Dear Mai,", "Guten Tag Tran Thi Mai,", ("Tran", "Mai", "Thi", "", "")),
    ("Zhang Wei", "Dear Zhang Wei,", "Guten Tag Zhang Wei,", ("Zhang", "Wei", "", "", "")),
    ("WANG Xiaoming", "Dear WANG Xiaoming,", "Guten Tag WANG Xiaoming,", ("WANG", "Xiaoming", "", "", "")),
    (
        "João Pedro Silva Santos",
        "Dear João Pedro,",
        "Guten Tag João Pedro Silva Santos,",
        ("Silva Santos", "João Pedro", "", "", ""),
    ),
    (
        "Ana María de la Cruz",
        "Dear Ana María,",
        "Guten Tag Ana María de la Cruz,",
        ("de la Cruz", "Ana María", "", "", ""),
    ),
    (
        "Gabriel García Márquez",
        "Dear Gabriel,",
        "Guten Tag Gabriel García Márquez,",
        ("García Márquez", "Gabriel", "", "", ""),
    ),
    (
        "Mary-Jane O'Neil",
        "Dear Mary-Jane,",
        "Guten Tag Mary-Jane O'Neil,",
        ("O'Neil", "Mary-Jane", "", "", ""),
    ),
    ("Dr. Raman", "Dear Dr. Raman,", "Guten Tag Dr. Raman,", ("Raman", "", "", "Dr.", "")),
    ("Smith, John Michael", "Dear John,", "Guten Tag John Smith,", ("Smith", "John", "Michael", "", "")),
    (
        "Martin Luther King Jr.",
        "Dear Martin,",
        "Guten Tag Martin King,",
        ("King", "Martin", "Luther", "", "Jr."),
    ),
    ("Jean-Luc Picard", "Dear Jean-Luc,", "Guten Tag Jean-Luc Picard,", ("Picard", "Jean-Luc", "", "", "")),
    (
        "Ngozi Okonjo-Iweala",
        "Dear Ngozi,",
        "Guten Tag Ngozi Okonjo-Iweala,",
        ("Okonjo-Iweala", "Ngozi", "", "", ""),
    ),
    (
        "Anne-Marie van der Berg",
        "Dear Anne-Marie,",
        "Guten Tag Anne-Marie van der Berg,",
        ("van der Berg", "Anne-Marie", "", "", ""),
    ),
    (
        "Frau Dr. Julia Hartmann",
        "Dear Dr. Hartmann,",
        "Sehr geehrte Frau Dr. Hartmann,",
        ("Hartmann", "Julia", "", "Frau Dr.", ""),
    ),
    ("Jack Ma", "Dear Jack,", "Guten Tag Jack Ma,", ("Ma", "Jack", "", "", "")),
    (  # Arabic: Abdul is "servant of", never a name alone
        "Abdul Rahman Al-Sayed",
        "Dear Abdul Rahman,",
        "Guten Tag Abdul Rahman Al-Sayed,",
        ("Al-Sayed", "Abdul Rahman", "", "", ""),
    ),
    (
        "Abu Bakr Siddiqui",
        "Dear Abu Bakr,",
        "Guten Tag Abu Bakr Siddiqui,",
        ("Siddiqui", "Abu Bakr", "", "", ""),
    ),
    (  # the accent of Sofía must not make it a family name
        "Sra. Ana Sofía Pérez-Ortega",
        "Dear Ms. Pérez-Ortega,",
        "Sehr geehrte Frau Pérez-Ortega,",
        ("Pérez-Ortega", "Ana Sofía", "", "Sra.", ""),
    ),
    (  # Icelandic: one patronym, though ó is a letter Spanish has too
        "Dr. Sigurður Ingi Jóhannsson",
        "Dear Dr. Jóhannsson,",
        "Guten Tag Dr. Jóhannsson,",
        ("Jóhannsson", "Sigurður", "Ingi", "Dr.", ""),
    ),
    (
        "Guðrún Jónsdóttir",
        "Dear Guðrún,",
        "Guten Tag Guðrún Jónsdóttir,",
        ("Jónsdóttir", "Guðrún", "", "", ""),
    ),
    (  # Somali: Abdi is a name of its own
        "Abdi Farah Ahmed",
        "Dear Abdi,",
        "Guten Tag Abdi Ahmed,",
        ("Ahmed", "Abdi", "Farah", "", ""),
    ),
    (  # a Chilean double family name that ends in -son
        "Sebastián Edwards Nelson",
        "Dear Sebastián,",
        "Guten Tag Sebastián Edwards Nelson,",
        ("Edwards Nelson", "Sebastián", "", "", ""),
    ),
]


@pytest.mark.parametrize(("display", "english", "german", "n"), TABLE, ids=[row[0] for row in TABLE])
def test_each_name_is_greeted_and_filed_as_its_culture_writes_it(
    display: str, english: str, german: str, n: N
) -> None:
    parts = parse_name(display)
    assert greeting(parts, display, language="en") == english
    assert greeting(parts, display, language="de") == german
    assert vcard_n(parts, display) == n


INVITATION = """BEGIN:VCALENDAR
VERSION:2.0
METHOD:REQUEST
BEGIN:VEVENT
UID:u1
DTSTAMP:20261125T101500Z
DTSTART:20261203T140000Z
SUMMARY:Interview with Lumen
ORGANIZER;CN=Lumen Recruiting:mailto:recruiting@lumen.de
ATTENDEE;CN="Hartmann, Julia (Dr.)":mailto:julia.hartmann@lumen.de
ATTENDEE;CN=Lumen Karriere:mailto:karriere@lumen.de
ATTENDEE;CN=Me:mailto:me@example.org
END:VEVENT
END:VCALENDAR
"""


def test_an_outlook_name_from_an_invitation_is_greeted_by_title_and_family_name() -> None:
    invitation = read_invitation(INVITATION.encode())
    [julia] = invitation.interviewers(me="me@example.org")
    assert julia.name == "Hartmann, Julia (Dr.)"
    parts = parse_name(julia.name)
    assert greeting(parts, julia.name, language="en") == "Dear Dr. Hartmann,"
    assert greeting(parts, julia.name, language="de") == "Guten Tag Dr. Hartmann,"
    assert vcard_n(parts, julia.name) == ("Hartmann", "Julia", "", "Dr.", "")


def test_role_mailboxes_are_no_interviewers_and_the_organiser_is_the_contact() -> None:
    invitation = read_invitation(INVITATION.encode())
    emails = [person.email for person in invitation.interviewers(me="me@example.org")]
    assert emails == ["julia.hartmann@lumen.de"]
    assert invitation.contact is not None
    assert invitation.contact.email == "recruiting@lumen.de"


@pytest.mark.parametrize(
    "address",
    [
        "recruiting@acme.com",
        "Careers@acme.com",
        "jobs@acme.com",
        "talent@acme.com",
        "hr@acme.com",
        "hiring@acme.com",
        "people@acme.com",
        "noreply@acme.com",
        "no-reply@acme.com",
        "do_not_reply@acme.com",
        "bewerbung@lumen.de",
        "karriere@lumen.de",
        "personal@lumen.de",
        "recrutement@exemple.fr",
        "emploi@exemple.fr",
        "rrhh@ejemplo.es",
        "empleo@ejemplo.es",
        "selección@ejemplo.es",
        "jobs.de@acme.com",
        "hr-team@acme.com",
        "talent.acquisition@acme.com",
    ],
)
def test_role_mailboxes(address: str) -> None:
    assert is_role_mailbox(address)


@pytest.mark.parametrize(
    "address",
    ["julia.hartmann@lumen.de", "priya@acme.com", "hrvoje@acme.com", "peoples@acme.com", "", None, "jobs"],
)
def test_personal_addresses_are_not_role_mailboxes(address: str | None) -> None:
    assert not is_role_mailbox(address)


@pytest.mark.parametrize(
    ("display", "whole"),
    [
        ("Zhang Wei", "Zhang Wei"),
        ("Kim Smith", "Kim Smith"),
        ("Lee Child", "Lee Child"),
        ("Sato Yuki", "Sato Yuki"),  # Japanese, family name first: never "Dear Sato"
        ("Tanaka Taro", "Tanaka Taro"),
    ],
)
def test_a_name_whose_order_is_a_guess_says_so_and_is_greeted_whole(display: str, whole: str) -> None:
    reading = read_name(display)
    assert not reading.confident
    assert reading.reason
    assert reading.parts.address_as == whole
    assert greeting(reading.parts, display) == f"Dear {whole},"


@pytest.mark.parametrize(
    "display",
    [
        "Wang Xiaoming",
        "María José García-López",
        "Dr. Zhang Wei",
        "Priya Raman",
        "王伟",
        "Yuki Sato",
        "Ken Ito",
    ],
)
def test_a_name_read_in_one_order_only_is_sure(display: str) -> None:
    reading = read_name(display)
    assert reading.confident
    assert reading.reason is None
    assert reading.parts == parse_name(display)


def test_a_draft_whose_greeting_is_a_guess_says_so_and_a_missing_email_warns() -> None:
    import datetime as dt

    from afterview.cli.templates import builtin
    from afterview.domain import drafts
    from afterview.models.records import Person, Profile
    from tests.helpers import make_interview

    at = dt.datetime(2026, 11, 26, 10, 0, tzinfo=dt.UTC)
    item = make_interview(
        id=7, company="Acme", role="Eng", at=at, created_at=at, updated_at=at,
        interviewers=[Person(name="Zhang Wei"), Person(name="Wang Xiaoming", email="w@acme.example")],
    )  # fmt: skip
    notes = drafts.thank_you_notes(
        item, Profile(name="Sam"), template=builtin("thank-you"), now=at + dt.timedelta(hours=5)
    )
    zhang, wang = notes
    assert zhang.body.startswith("Dear Zhang Wei,\n")
    assert any("'Dear Zhang Wei,' is a guess" in w for w in zhang.warnings)
    assert any(w.startswith("Zhang Wei has no email") for w in zhang.warnings)
    assert wang.warnings == ()


def test_greeting_check_is_sure_for_stored_parts_and_says_why_for_a_guess() -> None:
    from afterview.domain.greetings import greeting_check
    from afterview.models.records import Person

    guessed = greeting_check(Person(name="Zhang Wei"))
    assert (guessed.line, guessed.confident) == ("Dear Zhang Wei,", False)
    assert guessed.reason
    assert "Zhang" in guessed.reason
    confirmed = greeting_check(Person(name="Zhang Wei", given_name="Wei", family_name="Zhang"))
    assert (confirmed.line, confirmed.confident) == ("Dear Wei,", True)
    german = greeting_check(Person(name="Wang Xiaoming"), language="de")
    assert (german.line, german.confident) == ("Guten Tag Wang Xiaoming,", True)


def test_the_same_person_across_rounds_by_email_or_by_name() -> None:
    from afterview.domain.contacts import same_person
    from afterview.models.records import Person

    assert same_person(
        Person(name="Jo Park", email="JO@acme.com"), Person(name="J. Park", email="jo@acme.com")
    )
    assert same_person(Person(name="José Núñez"), Person(name="jose nunez", email="j@acme.com"))
    assert not same_person(
        Person(name="Ann Lee", email="a@acme.com"), Person(name="Anne Lee", email="b@x.io")
    )
