"""User templates cannot exhaust memory or time: each template of the issue's corpus is refused within
2 seconds and 200 MB, naming its file and line."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from afterview.domain.templates import MAX_OUTPUT, Template, TemplateError, fields_of, render
from tests.helpers import Result

Cli = Callable[..., Result]
SUBJECT = "Subject: Thanks\n"
LIST = "[1,2,3,4,5,6,7,8,9,10]"
X20 = '"xxxxxxxxxxxxxxxxxxxx"'

CORPUS = {
    "empty replace": ("{{ company" + f'|replace("", {X20})' * 6 + " }}", 2, "not empty text"),
    "empty replace from a field": ("{{ company" + f"|replace(topic, {X20})" * 6 + " }}", 2, "not empty text"),
    "nested literal loops": (
        "".join(f"{{% for v{n} in {LIST} %}}" for n in range(8)) + "x" + "{% endfor %}" * 8,
        2,
        "not over a list written out",
    ),
    "nested field loops": (
        "".join(f"{{% for v{n} in company %}}" for n in range(8)) + "{% endfor %}" * 8,
        2,
        "loops run more than",
    ),
    "huge count": ('{{ company|replace("A", "B", 10**20) }}', 2, "not allowed"),
    "huge literal count": ('{{ company|replace("A", "B", 100000000000000000000) }}', 2, "numbers above"),
    "growing replace": ("{{ company" + '|replace("A", "AAAAAAAAAAAAAAAAAAAA")' * 8 + " }}", 2, "longer than"),
    "long output": (
        "{% for a in company %}{% for b in company %}" + "{{ company }}" * 50 + "{% endfor %}{% endfor %}",
        2,
        f"longer than {MAX_OUTPUT:,}",
    ),
    "join": ("{{ company|join(company)|join(company)|join(company) }}", 2, "longer than"),
    "control character": ("{{ company }}\x1b]52;c;aGk=\x07", 2, "control character U+001B"),
}


def _values(name: str, company: str) -> dict[str, str]:
    return {field: "" if field == "topic" else f"<{field}>" for field in fields_of(name)} | {
        "company": company
    }


@pytest.mark.parametrize("case", CORPUS)
def test_each_hostile_template_is_refused_quickly_and_small(case: str) -> None:
    body, line, reason = CORPUS[case]
    template = Template(name="thank-you", text=SUBJECT + body + "\n", origin="/t/thank-you.txt")
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(TemplateError) as raised:
            render(template, _values("thank-you", "A" * 200))
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert elapsed < 2
    assert peak < 200 * 1024 * 1024
    assert f"(/t/thank-you.txt, line {line})" in raised.value.message or "longer than" in raised.value.message
    assert reason in raised.value.message


@pytest.mark.parametrize("case", ["empty replace", "nested literal loops", "huge count"])
def test_the_command_exits_1_within_2_seconds(case: str, cli: Cli, home: Path) -> None:
    assert (
        cli(
            "log", "--company", "Acme", "--role", "SRE", "--interviewer", "Jane <jane@acme.com>", "--no-input"
        ).code
        == 0
    )
    folder = home / "config" / "templates"
    folder.mkdir(parents=True)
    (folder / "thank-you.txt").write_text(SUBJECT + CORPUS[case][0] + "\n", encoding="utf-8")
    start = time.perf_counter()
    result = cli("draft-thanks", "1")
    assert time.perf_counter() - start < 2
    assert result.code == 1
    assert "thank-you.txt, line 2) cannot be used" in result.err


def test_bounded_replace_and_join_still_work() -> None:
    text = (
        SUBJECT
        + '{{ company|replace("A", "B", 2) }} {{ company|join("-") }} '
        + "{% for c in company %}{{ c }}{% endfor %}\n"
    )
    _, body = render(Template(name="thank-you", text=text, origin="x"), _values("thank-you", "AAA"))
    assert body == "BBA A-A-A AAA\n"
