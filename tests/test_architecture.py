"""The package's architecture, checked from the source with :mod:`ast` (nothing is imported).

Layers, imports flowing downwards only (DESIGN.md, "Architecture")::

    cli        anything
    render     anything but cli (and never typer)
    actions    formats, domain, store, models, errors   (the use cases: never render, cli, rich or typer)
    formats    domain, models, errors
    domain     models, errors              (pure: no clock, no files)
    store      models, errors
    models     models, errors
    errors     nothing

Each layer may also import its own modules, and every module may import the root package ``afterview``,
which holds only ``__version__`` and imports nothing. ``__main__`` imports only ``cli``. Only ``render`` and
``cli`` import rich; only ``cli`` imports typer.

Every import counts: at module level, inside functions (the lazy imports of the fast paths), and the
``module:attribute`` strings by which ``cli.main`` loads its commands. Imports under ``if TYPE_CHECKING:``
count for the layer rule (a type is a dependency too: the domain may not even name a store type), but not
for the cycle search, because they never run; a cycle through them would be an honest type-only one.
Importing ``a.b.c`` runs ``a/__init__`` and ``a/b/__init__`` first, so it is also an edge to those: a
package's ``__init__`` that imports its own modules, which import from the package, is a cycle.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping, Set
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parent.parent / "src" / "afterview"
ROOT = "afterview"
LAYER_PACKAGES = ("models", "domain", "store", "formats", "actions", "render", "cli")
TOP_LEVEL_MODULES = ("errors", "__init__", "__main__")
COMMAND_TARGET = re.compile(r"afterview(\.\w+)+:\w+")

ALLOWED: Mapping[str, Set[str]] = {
    "root": frozenset(),
    "errors": frozenset(),
    "models": frozenset({"models", "errors"}),
    "domain": frozenset({"domain", "models", "errors"}),
    "store": frozenset({"store", "models", "errors"}),
    "formats": frozenset({"formats", "domain", "models", "errors"}),
    "actions": frozenset({"actions", "formats", "domain", "store", "models", "errors"}),
    "render": frozenset({"render", "actions", "formats", "domain", "store", "models", "errors"}),
    "cli": frozenset({"cli", "render", "actions", "formats", "domain", "store", "models", "errors", "main"}),
    "main": frozenset({"cli"}),
}
"""What each layer may import, besides the root package ``afterview``."""

THIRD_PARTY: Mapping[str, Set[str]] = {"rich": frozenset({"render", "cli"}), "typer": frozenset({"cli"})}
"""Third-party packages only some layers may import."""


@dataclass(frozen=True)
class Import:
    """One import in ``module``: ``target`` is a module name (``afterview.store.index``, ``rich.text``)."""

    module: str
    target: str
    line: int
    type_only: bool

    def __str__(self) -> str:
        kind = " (type-only)" if self.type_only else ""
        return f"{self.module} -> {self.target}  (line {self.line}){kind}"


def module_name(path: Path) -> str:
    """``store/index.py`` -> ``afterview.store.index``; ``store/__init__.py`` -> ``afterview.store``."""
    parts = [ROOT, *path.relative_to(SOURCE).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def sources() -> dict[str, Path]:
    """Every module of the package by name."""
    return {module_name(path): path for path in sorted(SOURCE.rglob("*.py"))}


@cache
def tree(module: str) -> ast.Module:
    return ast.parse(sources()[module].read_text(encoding="utf-8"), filename=str(sources()[module]))


def layer(module: str) -> str:
    """The layer a module of afterview belongs to: a layer package, models, errors, main or root."""
    parts = module.split(".")
    if len(parts) == 1:
        return "root"
    if parts[1] == "__main__":
        return "main"
    return parts[1]


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _package_of(module: str) -> str:
    """The package a relative import in ``module`` starts from."""
    is_package = sources()[module].name == "__init__.py"
    return module if is_package else module.rpartition(".")[0]


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> Iterator[str]:
    if isinstance(node, ast.Import):
        for alias in node.names:
            yield alias.name
        return
    base = node.module or ""
    if node.level:
        package = _package_of(module).split(".")
        package = package[: len(package) - (node.level - 1)]
        base = ".".join([*package, *([base] if base else [])])
    for alias in node.names:
        submodule = f"{base}.{alias.name}"
        # ``from afterview.store import files`` imports the module ``files``; ``from x import name``, x.
        yield submodule if submodule in sources() else base


def _command_targets(node: ast.Constant) -> Iterator[str]:
    """``"afterview.cli.maintenance:doctor"``: a command ``cli.main`` imports by name when it runs."""
    if isinstance(node.value, str) and COMMAND_TARGET.fullmatch(node.value):
        name = node.value.partition(":")[0]
        if name in sources():
            yield name


class _Collector(ast.NodeVisitor):
    def __init__(self, module: str) -> None:
        self.module = module
        self.imports: list[Import] = []
        self._type_only = 0

    def visit_If(self, node: ast.If) -> None:
        if _is_type_checking(node.test):
            self._type_only += 1
            for child in node.body:
                self.visit(child)
            self._type_only -= 1
            for child in node.orelse:
                self.visit(child)
        else:
            self.generic_visit(node)

    def _add(self, target: str, line: int) -> None:
        self.imports.append(Import(self.module, target, line, type_only=self._type_only > 0))

    def visit_Import(self, node: ast.Import) -> None:
        for target in _targets(self.module, node):
            self._add(target, node.lineno)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        for target in _targets(self.module, node):
            self._add(target, node.lineno)

    def visit_Constant(self, node: ast.Constant) -> None:
        for target in _command_targets(node):
            self._add(target, node.lineno)


@cache
def imports(module: str) -> tuple[Import, ...]:
    """Every import in ``module``, in source order."""
    collector = _Collector(module)
    collector.visit(tree(module))
    return tuple(collector.imports)


def internal_imports() -> Iterator[Import]:
    """The imports of afterview's own modules by afterview's modules."""
    for module in sources():
        for found in imports(module):
            if found.target == ROOT or found.target.startswith(ROOT + "."):
                yield found


def runtime_graph() -> dict[str, set[str]]:
    """Module -> the afterview modules its code runs on import, packages' ``__init__`` included."""
    graph: dict[str, set[str]] = {module: set() for module in sources()}
    for found in internal_imports():
        if found.type_only:
            continue
        parts = found.target.split(".")
        for end in range(1, len(parts) + 1):  # importing a.b.c runs a, then a.b, then a.b.c
            target = ".".join(parts[:end])
            if target != found.module and target in graph:
                graph[found.module].add(target)
    return graph


def strongly_connected(graph: Mapping[str, Set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components with more than one module, or one that imports itself."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def connect(node: str) -> None:  # recursion depth is bounded by the number of modules
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph.get(node, ())):
            if successor not in index:
                connect(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph.get(node, ()):
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return components


def cycle_in(graph: Mapping[str, Set[str]], component: list[str]) -> list[str]:
    """One cycle through the first module of a strongly connected component, as a path back to it."""
    start, members = component[0], set(component)
    paths: dict[str, list[str]] = {start: [start]}
    queue = [start]
    while queue:  # breadth first, so the cycle shown is a shortest one
        node = queue.pop(0)
        for successor in sorted(graph.get(node, ())):
            if successor == start:
                return [*paths[node], start]
            if successor in members and successor not in paths:
                paths[successor] = [*paths[node], successor]
                queue.append(successor)
    raise AssertionError(f"not a cycle: {component}")  # pragma: no cover


def test_the_package_has_modules() -> None:
    """Guards the other tests against passing on an empty or moved source tree."""
    assert {"afterview", "afterview.models", "afterview.domain.steps", "afterview.cli.main"} <= set(sources())


@pytest.mark.parametrize("module", sorted(sources()))
def test_each_module_sits_in_a_layer(module: str) -> None:
    """Every module is in a layer package, or is models, errors, ``__init__`` or ``__main__``."""
    path = sources()[module].relative_to(SOURCE)
    if len(path.parts) == 1:
        assert path.stem in TOP_LEVEL_MODULES, f"{path} is outside the layers: move it into one of them"
    else:
        assert path.parts[0] in LAYER_PACKAGES, f"{path} is in {path.parts[0]}/, which is not a layer"


def test_each_layer_imports_only_what_it_may() -> None:
    """The layer table at the top of this file, for afterview's own modules and for rich and typer."""
    wrong = []
    for module in sources():
        own = layer(module)
        for found in imports(module):
            top = found.target.split(".")[0]
            if top == ROOT:
                if found.target != ROOT and layer(found.target) not in ALLOWED[own]:
                    wrong.append(f"{found}: {own} may not import {layer(found.target)}")
            elif top in THIRD_PARTY and own not in THIRD_PARTY[top]:
                wrong.append(f"{found}: {own} may not import {top}")
    assert not wrong, "imports against the layers:\n  " + "\n  ".join(wrong)


def test_no_import_cycles() -> None:
    """No cycle among the modules' runtime imports, a package's ``__init__`` and its own modules included."""
    graph = runtime_graph()
    cycles = [" -> ".join(cycle_in(graph, component)) for component in strongly_connected(graph)]
    assert not cycles, "import cycles:\n  " + "\n  ".join(cycles)


@pytest.mark.parametrize(
    ("graph", "cycles"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c", "a"]]),
        ({"a": {"a"}}, [["a", "a"]]),
        ({"a": {"b"}, "b": {"a"}, "c": {"d"}, "d": {"c"}}, [["a", "b", "a"], ["c", "d", "c"]]),
    ],
)
def test_the_cycle_search_finds_cycles(graph: dict[str, set[str]], cycles: list[list[str]]) -> None:
    found = [cycle_in(graph, component) for component in strongly_connected(graph)]
    assert sorted(found) == cycles


CLOCK_CALLS = frozenset({"now", "today", "utcnow"})
FILE_CALLS = frozenset({"open", "read_text", "write_text", "read_bytes", "write_bytes"})
CLOCK_MODULE_CALLS = frozenset({"time", "time_ns"})  # time.time(), time.time_ns()


def _impurities(module: str) -> Iterator[str]:
    for node in ast.walk(tree(module)):
        if isinstance(node, ast.Call):
            function = node.func
            if isinstance(function, ast.Name) and function.id == "open":
                yield f"line {node.lineno}: open()"
            elif isinstance(function, ast.Attribute) and function.attr in CLOCK_CALLS | FILE_CALLS:
                yield f"line {node.lineno}: .{function.attr}()"
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "time"
            and node.attr in CLOCK_MODULE_CALLS
        ):
            yield f"line {node.lineno}: time.{node.attr}"
        if isinstance(node, ast.ImportFrom) and node.module == "time":
            yield f"line {node.lineno}: from time import ..."


@pytest.mark.parametrize("module", [module for module in sorted(sources()) if layer(module) == "domain"])
def test_the_domain_reads_no_clock_and_no_files(module: str) -> None:
    """``now`` and the files' contents are parameters of the domain, never read by it."""
    found = list(_impurities(module))
    assert not found, f"{module} reads the clock or a file: " + ", ".join(found)


PLANNER = frozenset({"replan", "refresh_steps"})
"""The step planner's entry points (:mod:`afterview.domain.steps`)."""
PLANNER_CALLER = "afterview.actions.changes"
"""The one module that calls the planner: the transaction of every use case."""


def _calls(module: str, names: Set[str]) -> Iterator[str]:
    """Calls in ``module`` of a function or method named in ``names``: ``line 12: replan()``."""
    for node in ast.walk(tree(module)):
        if isinstance(node, ast.Call):
            function = node.func
            name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", None)
            if name in names:
                yield f"line {node.lineno}: {name}()"


@pytest.mark.parametrize("module", [module for module in sorted(sources()) if layer(module) == "cli"])
def test_the_cli_opens_no_transaction_and_plans_no_step(module: str) -> None:
    """A command parses, calls one use case and renders: the use case owns the store transaction and the
    transaction owns the planning (DESIGN.md, "Architecture")."""
    found = list(_calls(module, {"transaction", "changing", "planned", "context", *PLANNER}))
    assert not found, f"{module} changes the store or plans steps itself: " + ", ".join(found)


def test_the_planner_has_one_caller() -> None:
    """Steps re-plan themselves: only the use cases' transaction calls the planner."""
    callers = {
        module for module in sources() if module != "afterview.domain.steps" and any(_calls(module, PLANNER))
    }
    assert callers == {PLANNER_CALLER}
