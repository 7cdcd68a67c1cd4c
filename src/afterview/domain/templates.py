"""Message templates: checking and rendering them (pure: the caller reads the files).

A template is plain text whose first line is ``Subject: …``; the rest is the body. It may use the
documented fields (``{{ company }}``), ``{% if %}``/``{% else %}``, ``{% for %}`` over a list field and a few
text filters. Nothing else: no attribute tricks, calls, includes, imports or arithmetic. Jinja2's immutable
sandbox renders it, after :func:`check` has refused every construct outside that list, so a template is data,
never code, and can read no file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Set
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from afterview.domain import text_rules
from afterview.errors import UserError

if TYPE_CHECKING:
    from jinja2 import nodes

COMMON_FIELDS: dict[str, str] = {
    "greeting": "the greeting line by the profile's rule, e.g. Dear Dr. Raman, or Hi Anna,",
    "name": "their name as stored, e.g. Dr. Priya Raman",
    "first_name": "what to call them by first name, e.g. Priya",
    "family_name": "their family name (may be empty)",
    "honorific": "their title, e.g. Dr. (may be empty)",
    "title": "their job title (may be empty)",
    "company": "the company",
    "company_dative": "the company as German needs it after bei, an, von: der Lumen AG (else as written)",
    "company_accusative": "the company as German needs it after für or as an object: die Lumen AG",
    "company_nominative": "the company as German needs it as a subject: die Lumen AG (else as written)",
    "de_company": "de and the company, as French elides it: d'Airbus, de Lumen",
    "role": "the role you interviewed for",
    "de_role": "de and the role, as French elides it: d'Ingénieure logiciel, de Data Engineer",
    "stage": "the interview's stage (screen, technical, onsite, final, other)",
    "interview_when": "when the interview was, from today: today, yesterday, on Monday, on 3 November",
    "interview_day": "the weekday of the interview, e.g. Friday",
    "interview_date": "the date of the interview, e.g. Friday 27 November",
    "my_name": "your name, from your profile",
    "signature": "your signature: the profile's, else your name, email and phone",
}
"""Fields every template may use."""

KIND_FIELDS: dict[str, dict[str, str]] = {
    "thank-you": {
        "topic": "their own topic from your debrief, else a shared one (may be empty)",
        "variant": "1 to 6: a wording of its own for each member of a panel of up to six, never the one "
        "the same person got after an earlier round",
        "opening": "1, 2 or 3: the opening sentence that goes with variant",
        "closing": "1 or 2: the closing sentence that goes with variant",
        "again": "true when you thanked them after an earlier round of this process (Thank you again…)",
    },
    "follow-up": {
        "decision_by": "when they said they would decide (empty when they did not say)",
        "next_steps": "what they said would happen next (may be empty)",
    },
    "nudge": {
        "decision_by": "when they said they would decide (may be empty)",
        "follow_up_sent": "when you sent your first follow-up, e.g. on Monday (empty if none is marked sent)",
        "offer_notice_sent": "when you told them about another offer (empty if you did not)",
        "offer_deadline": "that offer's deadline, if it is still ahead (may be empty)",
    },
    "reference": {
        "callers": "who may call: the interviewers, else someone from the company",
        "focus": "the topics from your debrief, said of them: their move to event sourcing (may be empty)",
        "emphasis": "what you would like the reference to emphasise (--emphasis)",
        "relationship": "how the reference knows you (may be empty)",
    },
    "offer-notice": {
        "offer_company": "the company that made the other offer",
        "offer_deadline": "when you must answer that offer (empty when no deadline is recorded)",
    },
    "withdraw": {},
    "rejection-reply": {},
    "reconnect": {},
    "reference-update": {
        "relationship": "how the reference knows you (may be empty)",
    },
}
"""The extra fields of each kind of message; the keys are also the template names."""

NAMES: tuple[str, ...] = tuple(KIND_FIELDS)

_FILTERS = frozenset(
    {"upper", "lower", "title", "capitalize", "trim", "default", "join", "length", "first", "last", "replace"}
)
_TESTS = frozenset({"defined", "undefined", "none", "string"})
_MAX_SIZE = 20_000
MAX_OUTPUT = 20_000
"""The longest message a template may produce, in characters."""
MAX_LOOP_ITERATIONS = 10_000
"""How many loop iterations one rendering may run, all loops together."""
MAX_NUMBER = 10_000
"""The largest number a template may write (say, ``replace``'s count)."""
_DOLLAR = re.compile(r"\$\{|\$[A-Za-z_]")


@dataclass(frozen=True)
class Template:
    """A template's text and where it came from (a file path, or ``built-in NAME``), for error messages."""

    name: str
    text: str
    origin: str


class TemplateError(UserError):
    """A template that cannot be used: the message names its file and line."""


def fields_of(name: str) -> dict[str, str]:
    """Every field the template ``name`` may use, with what it holds."""
    return {**COMMON_FIELDS, **KIND_FIELDS[name]}


def check(template: Template) -> None:
    """Refuse a template that does not parse or uses anything beyond fields, conditions, loops and filters.

    Raises TemplateError (a UserError) naming the template's file and line when it is refused.
    """
    _parse(template)


def render(template: Template, values: Mapping[str, Any]) -> tuple[str, str]:
    """The subject and body ``template`` gives for ``values`` (which must hold every field of its kind).

    Raises TemplateError (a UserError) when the template is refused (see :func:`check`) or cannot render.
    """
    from jinja2 import TemplateError as JinjaError

    tree = _guarded(_parse(template))
    environment = _environment()
    budget = _Budget(template)
    environment.filters.update(
        {"_afterview_loop": budget.loop, "_afterview_replace": budget.replace, "_afterview_join": budget.join}
    )
    try:
        chunks: list[str] = []
        size = 0
        for chunk in environment.from_string(tree).generate(dict(values)):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise _error(template, f"its message is longer than {MAX_OUTPUT:,} characters", line=None)
            chunks.append(chunk)
        text = "".join(chunks)
    except JinjaError as error:  # the check above leaves little that can fail here; say where if it does
        raise _error(template, f"it cannot be rendered: {error}", line=None) from None
    text = _single_stops(text, values)
    first, _, rest = text.partition("\n")
    lines = [line.rstrip() for line in rest.split("\n")]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"
    return " ".join(first.removeprefix("Subject:").split()), body


_CLOSING = (".", "!", "?", "\u2026")


def _single_stops(text: str, values: Mapping[str, Any]) -> str:
    """``text`` without the full stop a template puts after a value that already ends a sentence: "at
    Brightwave Inc." and "at Yahoo!" end there, not in "Inc.." or "Yahoo!." (Chicago Manual of Style,
    6.122: a period is omitted after an abbreviation's period or an exclamation mark that ends a name)."""
    for value in values.values():
        if isinstance(value, str) and len(value.strip()) > 1 and value.endswith(_CLOSING):
            text = text.replace(value + ".", value)
    return text


def _environment() -> Any:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    return ImmutableSandboxedEnvironment(
        loader=None,
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _parse(template: Template) -> nodes.Template:
    from jinja2 import TemplateSyntaxError

    if len(template.text) > _MAX_SIZE:
        raise _error(template, f"it is longer than {_MAX_SIZE:,} characters", line=None)
    bad = text_rules.problem(template.text, multiline=True)
    if bad:
        at = int(bad.rpartition(" ")[2])
        line = template.text.count("\n", 0, at - 1) + 1
        raise _error(template, f"it holds {bad.rpartition(' at position ')[0]}", line=line)
    if not template.text.startswith("Subject:"):
        raise _error(template, "the first line must be the subject, as in 'Subject: Thank you'", line=1)
    try:
        tree = _environment().parse(template.text, name=template.name, filename=template.origin)
    except TemplateSyntaxError as error:
        raise _error(template, error.message or "syntax error", line=error.lineno) from None
    _check_nodes(template, tree)
    return tree  # type: ignore[no-any-return]


def _check_nodes(template: Template, tree: nodes.Template) -> None:
    """Walk the syntax tree and refuse every node outside the small language templates may use."""
    from jinja2 import nodes

    allowed = fields_of(template.name)
    loop_names = {"loop"} | {
        name.name
        for loop in tree.find_all(nodes.For)
        for name in (loop.target, *loop.target.find_all(nodes.Name))
        if isinstance(name, nodes.Name)
    }
    for node in _walk(tree):
        line = getattr(node, "lineno", None)
        if isinstance(node, nodes.TemplateData):
            match = _DOLLAR.search(node.data)
            if match:
                offset = node.data[: match.start()].count("\n")
                raise _error(
                    template,
                    "'$' placeholders are not supported; write a field as {{ company }}",
                    line=(line or 1) + offset,
                )
            continue
        problem = _node_problem(node, fields=allowed, loop_names=loop_names)
        if problem is not None:
            raise _error(template, problem, line=line)


def _node_problem(node: nodes.Node, *, fields: Mapping[str, str], loop_names: Set[str]) -> str | None:
    """Why ``node`` (not template text) may not be in a template, or ``None`` when it may."""
    from jinja2 import nodes

    if isinstance(node, nodes.Name):
        if node.name in fields or node.name in loop_names:
            return None
        return f"{node.name!r} is not a field here; the fields are: {', '.join(sorted(fields))}"
    if isinstance(node, nodes.Getattr):
        if not node.attr.startswith("_") and isinstance(node.node, nodes.Name) and node.node.name == "loop":
            return None
        return f"'.{node.attr}' is not allowed; use the fields as they are"
    if isinstance(node, nodes.Filter):
        return _filter_problem(node)
    if isinstance(node, nodes.Test):
        return None if node.name in _TESTS else f"the test {node.name!r} is not allowed"
    if isinstance(node, nodes.For):
        return _loop_problem(node)
    if isinstance(node, nodes.Const):
        return f"numbers above {MAX_NUMBER:,} are not allowed" if _too_big(node.value) else None
    plain: tuple[type[nodes.Node], ...] = (nodes.Template, nodes.Keyword, nodes.Output, nodes.If, nodes.Not)
    plain += (nodes.And, nodes.Or, nodes.Compare, nodes.Operand, nodes.CondExpr, nodes.Concat, nodes.List)
    plain += (nodes.Tuple,)
    if isinstance(node, plain):
        return None
    what = type(node).__name__.lower()
    return f"'{what}' is not allowed: a template can use fields, if/else, for and simple filters"


def _filter_problem(node: nodes.Filter) -> str | None:
    """A filter outside :data:`_FILTERS`, or ``replace`` with empty text to replace (which would put the
    replacement between every two characters)."""
    from jinja2 import nodes

    if node.name not in _FILTERS:
        return f"the filter {node.name!r} is not allowed"
    if node.name == "replace" and node.args:
        first = node.args[0]
        if isinstance(first, nodes.Const) and first.value == "":
            return "replace needs something to replace, not empty text"
    return None


def _loop_problem(node: nodes.For) -> str | None:
    """Only ``{% for x in field %}``: no recursion, no filter, no list written out."""
    from jinja2 import nodes

    if node.recursive or node.test is not None:
        return "only a plain {% for x in field %} loop is allowed"
    if isinstance(node.iter, (nodes.List, nodes.Tuple, nodes.Const, nodes.Dict)):
        return "a loop goes over a field, not over a list written out"
    return None


def _too_big(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) > MAX_NUMBER


def _guarded(tree: nodes.Template) -> nodes.Template:
    """``tree`` with every loop counted and ``replace`` and ``join`` bounded (:class:`_Budget`); each
    passes its line, so a refusal at render time says where."""
    from jinja2 import nodes

    for loop in tree.find_all(nodes.For):
        line = nodes.Const(loop.lineno)
        loop.iter = nodes.Filter(loop.iter, "_afterview_loop", [line], [], None, None, lineno=loop.lineno)
    for found in tree.find_all(nodes.Filter):
        if found.name in ("replace", "join"):
            found.name = f"_afterview_{found.name}"
            found.args = [nodes.Const(found.lineno), *found.args]
    return tree


class _Budget:
    """What one rendering may still spend; each method is a filter :func:`_guarded` puts in the template."""

    def __init__(self, template: Template) -> None:
        self.template = template
        self.iterations = 0

    def loop(self, items: Any, line: int) -> Iterator[Any]:
        for item in items:
            self.iterations += 1
            if self.iterations > MAX_LOOP_ITERATIONS:
                raise _error(
                    self.template, f"its loops run more than {MAX_LOOP_ITERATIONS:,} times", line=line
                )
            yield item

    def replace(self, text: Any, line: int, old: Any, new: Any, count: Any = None) -> str:
        source, pattern, replacement = str(text), str(old), str(new)
        if not pattern:
            raise _error(self.template, "replace needs something to replace, not empty text", line=line)
        if count is not None and (not isinstance(count, int) or _too_big(count)):
            raise _error(self.template, f"replace's count must be a number up to {MAX_NUMBER:,}", line=line)
        found = source.count(pattern)
        times = found if count is None or count < 0 else min(count, found)
        self._fits(len(source) + times * (len(replacement) - len(pattern)), line=line)
        return source.replace(pattern, replacement, -1 if count is None else count)

    def join(self, items: Any, line: int, separator: Any = "", attribute: Any = None) -> str:
        if attribute is not None:
            raise _error(self.template, "join takes only a separator", line=line)
        parts = [str(item) for item in self.loop(items, line)]
        self._fits(sum(map(len, parts)) + len(str(separator)) * max(len(parts) - 1, 0), line=line)
        return str(separator).join(parts)

    def _fits(self, size: int, *, line: int) -> None:
        if size > MAX_OUTPUT:
            raise _error(self.template, f"it makes text longer than {MAX_OUTPUT:,} characters", line=line)


def _walk(node: nodes.Node) -> Iterator[nodes.Node]:
    yield node
    for child in node.iter_child_nodes():
        yield from _walk(child)


def _error(template: Template, reason: str, *, line: int | None) -> TemplateError:
    where = f"{template.origin}, line {line}" if line else template.origin
    return TemplateError(
        f"The {template.name} template ({where}) cannot be used: {reason}.",
        hint=f"Fix it with: afterview templates edit {template.name}, "
        f"or go back to the built-in one with: afterview templates reset {template.name}",
    )
