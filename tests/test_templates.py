"""Templates are data, not code: fields, conditions and loops only; the rest is refused with file and line."""

from __future__ import annotations

import re

import pytest

from afterview.cli.templates import builtin
from afterview.domain.templates import NAMES, Template, TemplateError, check, fields_of, render

SUBJECT = "Subject: Hello {{ name }}\n\n"


def values(name: str = "thank-you") -> dict[str, str]:
    return {field: f"<{field}>" for field in fields_of(name)}


def template(text: str, name: str = "thank-you") -> Template:
    return Template(name=name, text=text, origin="/home/me/templates/thank-you.txt")


@pytest.mark.parametrize("name", NAMES)
def test_every_builtin_template_checks_and_fills_every_placeholder(name: str) -> None:
    subject, body = render(builtin(name), values(name))
    assert subject
    assert body.endswith("\n")
    assert not body.endswith("\n\n")
    assert not re.search(r"[{}$]", subject + body)


def test_fields_and_conditions_render() -> None:
    # ``+%}`` keeps the line break after a tag that ends a line (Jinja's trim_blocks drops it otherwise).
    text = (
        SUBJECT
        + "{% if topic %}About {{ topic | upper }}.{% else %}No topic.{% endif +%}\nBye {{ my_name }}\n"
    )
    assert render(template(text), {**values(), "topic": "caching"}) == (
        "Hello <name>",
        "About CACHING.\nBye <my_name>\n",
    )
    assert render(template(text), {**values(), "topic": ""})[1] == "No topic.\nBye <my_name>\n"


def test_values_are_never_evaluated_as_template_code() -> None:
    subject, body = render(
        template(SUBJECT + "{{ company }}\n"), {**values(), "name": "{{ 7*7 }}", "company": "${x}"}
    )
    assert subject == "Hello {{ 7*7 }}"
    assert body == "${x}\n"


def test_blank_lines_collapse_and_trailing_spaces_go() -> None:
    text = SUBJECT + "A   \n{% if topic %}\nT\n{% endif %}\n\n\n\nB\n\n\n"
    assert render(template(text), {**values(), "topic": ""})[1] == "A\n\nB\n"


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("{{ ''.__class__.__mro__ }}", 3, "'.__mro__' is not allowed"),
        ("ok\n{% include '/etc/passwd' %}", 4, "'include' is not allowed"),
        ("{% import 'os' as os %}", 3, "'import' is not allowed"),
        ("{% extends '/etc/passwd' %}", 3, "'extends' is not allowed"),
        ("${__import__('os')}", 3, "'$' placeholders are not supported"),
        ("x\ny $name", 4, "'$' placeholders are not supported"),
        ("{{ lipsum.__globals__ }}", 3, "'.__globals__' is not allowed"),
        ("{{ cycler }}", 3, "'cycler' is not a field here"),
        ("{{ company.upper() }}", 3, "is not allowed"),
        ("{{ 'a' * 999999999 }}", 3, "'mul' is not allowed"),
        ("{% for i in range(99999999) %}x{% endfor %}", 3, "not allowed"),
        ("{% set company = 'x' %}", 3, "'assign' is not allowed"),
        ("{{ company | attr('__class__') }}", 3, "the filter 'attr' is not allowed"),
        ("{{ company['__class__'] }}", 3, "'getitem' is not allowed"),
        ("{% macro m() %}x{% endmacro %}", 3, "'macro' is not allowed"),
        ("{{ decision_by }}", 3, "'decision_by' is not a field here"),
        ("{{ name is sameas name }}", 3, "the test 'sameas' is not allowed"),
        ("{% for x in topic recursive %}{{ loop(x) }}{% endfor %}", 3, "only a plain {% for x in field %}"),
        ("{% for x in topic if x %}{% endfor %}", 3, "only a plain {% for x in field %}"),
        ("{% with x = 1 %}{% endwith %}", 3, "'with' is not allowed"),
        ("\n{{ name }", 4, "unexpected '}'"),
        ("{% if name %}unclosed", 3, "Unexpected end of template"),
        ('{{ company | replace("", "x") }}', 3, "replace needs something to replace, not empty text"),
    ],
)
def test_hostile_or_broken_templates_are_refused_naming_file_and_line(
    text: str, line: int, reason: str
) -> None:
    with pytest.raises(TemplateError) as caught:
        check(template(SUBJECT + text))
    message = caught.value.message
    assert f"/home/me/templates/thank-you.txt, line {line}" in message
    assert reason in message
    assert "afterview templates reset thank-you" in (caught.value.hint or "")


def test_a_template_must_start_with_its_subject() -> None:
    with pytest.raises(
        TemplateError, match=r"thank-you.txt, line 1\) cannot be used: the first line must be the subject"
    ):
        check(template("Dear {{ name }}\n"))


def test_a_huge_template_is_refused() -> None:
    with pytest.raises(TemplateError, match="longer than"):
        check(template(SUBJECT + "x" * 30_000))


def test_loops_over_a_list_are_allowed() -> None:
    text = SUBJECT + "{% for word in topic %}{{ loop.index }}={{ word }} {% endfor %}\n"
    assert render(template(text), {**values(), "topic": ["a", "b"]})[1] == "1=a 2=b\n"


def test_a_loop_variable_used_outside_its_loop_fails_clearly() -> None:
    text = SUBJECT + "{% for word in topic %}{% endfor %}{{ word }}\n"
    with pytest.raises(TemplateError, match="cannot be rendered"):
        render(template(text), {**values(), "topic": []})


def test_every_template_has_its_documented_fields() -> None:
    for name in NAMES:
        assert {"name", "company", "role", "signature"} <= set(fields_of(name))
    assert "topic" in fields_of("thank-you")
    assert "offer_deadline" in fields_of("offer-notice")
