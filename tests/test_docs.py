"""Documentation that cannot drift: every command has plain help with an example, and the README names it."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import Result, command_paths

README = Path(__file__).parents[1] / "README.md"
GUIDE = Path(__file__).parents[1] / "docs" / "guide.md"
"""The documentation site's page that explains every command by what a person does."""


COMMANDS = list(command_paths())


def test_there_are_commands() -> None:
    assert {"log", "todo", "done", "skip", "draft-thanks", "list", "show", "profile"} <= {
        c[0] for c in COMMANDS
    }


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_a_summary_and_an_example(
    cli: Callable[..., Result], command: tuple[str, ...]
) -> None:
    result = cli(*command, "--help")
    assert result.code == 0
    assert "Usage:" in result.out
    assert f"afterview {' '.join(command)}" in result.out.replace("\n", " ")
    assert f"afterview {' '.join(command)}" in result.out  # on one line, as a user would copy it
    assert "Example" in result.out


# Typer's own notation: <list[str]> or <int range>, {ID} in usage lines, [x>=1] and 1<=x<=520 ranges.
JARGON = re.compile(
    r"<(?:str|int|float|bool|path|file|dir|directory|datetime|uuid|int range|float range|list\[[^\]]*\])>"
    r"|\{[A-Za-z_ ]+\}|\bx\s*[<>]=|list\[|\[(?:str|int)\]"
)


@pytest.mark.parametrize("command", [(), *COMMANDS], ids=lambda c: " ".join(c) or "afterview")
def test_help_reads_like_gh_with_no_type_jargon(cli: Callable[..., Result], command: tuple[str, ...]) -> None:
    """Metavars a person reads (ID, STEP..., DATE, TEXT), never Typer's types, braces or ranges."""
    out = cli(*command, "--help").out
    assert not JARGON.findall(out), out
    usage = out.split("\n\n")[0]
    assert "{" not in usage


def test_help_names_what_each_argument_takes(cli: Callable[..., Result]) -> None:
    assert "Usage: afterview done [OPTIONS] STEP..." in cli("done", "--help").out
    interviewer = cli("interviewer", "--help").out
    assert 'Usage: afterview interviewer [OPTIONS] ID "NAME <EMAIL>"' in interviewer
    assert "--due DATE" in cli("task", "add", "--help").out
    log = cli("log", "--help").out
    assert '--interviewer "NAME <EMAIL>"' in log
    assert "--at DATE" in log
    assert "--weeks N" in cli("stats", "--help").out
    assert "[default: 12]" in cli("stats", "--help").out


@pytest.mark.parametrize("command", [("snooze",), ("task", "add"), ("outcome",)])
def test_date_options_list_the_forms_people_can_type(
    cli: Callable[..., Result], command: tuple[str, ...]
) -> None:
    out = " ".join(cli(*command, "--help").out.split())
    for form in ("today", "next friday", "+3d", "in 3 days"):
        assert form in out


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_is_in_the_guide(command: tuple[str, ...]) -> None:
    """Each command is explained in the site's guide (the command reference is generated, so it always is)."""
    assert re.search(rf"afterview {re.escape(' '.join(command))}\b", GUIDE.read_text(encoding="utf-8"))


def test_the_readme_fits_a_few_screens() -> None:
    """What afterview is, the two quick-start commands, the day in five commands, one picture, and links."""
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) < 300
    assert len(re.findall(r"!\[[^\]]*\]\(", text)) == 1
    for page in ("docs/guide.md", "docs/commands.md", "docs/data.md", "ARCHITECTURE.md"):
        assert f"]({page})" in text


def test_every_exit_code_is_in_the_readme() -> None:
    from afterview.errors import ExitCode

    text = README.read_text(encoding="utf-8")
    for code in ExitCode:
        assert re.search(rf"\|\s*{int(code)}\s*\|", text), code


def test_generated_docs_match_the_code() -> None:
    """docs/commands.md, docs/afterview.1 and the README's screenshots are what the code makes today."""
    from scripts import docs

    generated = docs.generate()
    names = {path.name for path in generated}
    assert names >= {"commands.md", "afterview.1", "json.md", "log.svg", "todo.svg", "draft-thanks.svg"}
    stale = [
        str(path.relative_to(docs.ROOT))
        for path, text in generated.items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    assert not stale, f"stale: {stale}; regenerate them with: python scripts/docs.py"


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_is_in_the_reference_and_the_man_page(command: tuple[str, ...]) -> None:
    from scripts import docs

    assert f"## afterview {' '.join(command)}\n" in docs.commands_markdown()
    assert f".SS {docs._roff(' '.join(command))}\n" in docs.man_page()


def test_the_docs_show_the_screenshots_and_how_to_regenerate_them() -> None:
    text = README.read_text(encoding="utf-8")
    assert "/main/docs/images/todo.svg)" in text  # absolute, so the package index shows it
    assert text.index("docs/images/todo.svg") < text.index("## Quick start")
    home = (GUIDE.parent / "index.md").read_text(encoding="utf-8")
    for name in ("log", "todo", "draft-thanks"):
        assert f"](images/{name}.svg)" in home
    assert "python scripts/docs.py" in home
    assert "python scripts/docs.py" in (GUIDE.parent / "development.md").read_text(encoding="utf-8")


def test_the_check_mode_names_a_stale_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from scripts import docs

    monkeypatch.setattr(docs, "generate", lambda: {tmp_path / "a.md": "new\n", tmp_path / "b.md": "same\n"})
    (tmp_path / "a.md").write_text("old\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("same\n", encoding="utf-8")
    monkeypatch.setattr(docs, "ROOT", tmp_path)
    assert docs.main(["--check"]) == 1
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "old\n"
    assert docs.main([]) == 0
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "new\n"
    assert docs.main(["--check"]) == 0


GROUPS = {"draft": "nudge", "templates": "show", "export": "ics", "ref": "add", "task": "add"}


def _plain(out: str, args: list[str]) -> None:
    assert out.startswith(f"Usage: afterview {' '.join(args[:-1])} ")
    assert "╭" not in out  # Rich's boxes: the rest of afterview's help is plain
    assert "--install-completion" not in out  # that belongs to afterview itself
    assert "--show-completion" not in out


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_a_group_has_plain_help_without_completion_options(
    cli: Callable[..., Result], process: Callable[..., subprocess.CompletedProcess[str]], group: str
) -> None:
    for args in ([group, "--help"], [group, GROUPS[group], "--help"]):
        result = cli(*args)
        assert result.code == 0, result.err
        _plain(result.out, args)
    args = [group, GROUPS[group], "-h"]  # in a process of its own: -h is set up once per process
    spawned = process(*args)
    assert spawned.returncode == 0, spawned.stderr
    _plain(spawned.stdout, args)


@pytest.mark.skipif(
    not shutil.which("mandoc"), reason="mandoc is not installed (scripts/ci-services.sh adds it)"
)
def test_the_man_page_is_clean_for_mandoc() -> None:
    """No warning from ``mandoc -Tlint``: a dated ``.TH``, no empty paragraph, no raw UTF-8."""
    page = Path(__file__).parents[1] / "docs" / "afterview.1"
    linted = subprocess.run(
        ["mandoc", "-Tlint", "-W", "warning", str(page)], capture_output=True, text=True, check=False
    )
    assert linted.stdout + linted.stderr == ""
    assert page.read_text(encoding="ascii").startswith(".TH AFTERVIEW 1 20")


def test_every_page_of_docs_is_in_the_site_navigation() -> None:
    """mkdocs.yml lists every Markdown page under docs/ (``mkdocs build --strict`` in CI builds them)."""
    root = Path(__file__).parents[1]
    navigation = (root / "mkdocs.yml").read_text(encoding="utf-8")
    pages = sorted(path.relative_to(root / "docs").as_posix() for path in (root / "docs").rglob("*.md"))
    assert pages
    assert [page for page in pages if f": {page}" not in navigation] == []


def test_afterview_help_prints_a_commands_help(cli: Callable[..., Result]) -> None:
    assert cli("help", "log").out == cli("log", "--help").out
    assert cli("help", "draft", "follow-up").out == cli("draft", "follow-up", "--help").out
    assert cli("help").out == cli("--help").out
    unknown = cli("help", "nosuch")
    assert unknown.code == 1
    assert "There is no command 'nosuch'" in unknown.err


def test_the_top_level_help_groups_every_command() -> None:
    from afterview.cli.main import COMMANDS, GROUPS

    grouped = [name for members in GROUPS.values() for name in members]
    assert sorted(grouped) == sorted(COMMANDS), "each command in exactly one section of afterview --help"


@pytest.mark.parametrize("group", ["export", "draft", "templates", "task", "ref"])
def test_subcommand_summaries_are_never_cut(cli: Callable[..., Result], group: str) -> None:
    listing = cli(group, "--help").out.split("Commands:")[1]
    assert "..." not in listing


def test_the_performance_page_shows_the_latest_benchmark_run() -> None:
    root = Path(__file__).resolve().parents[1]
    page = (root / "docs" / "performance.md").read_text(encoding="utf-8")
    results = (root / "benchmarks" / "results.md").read_text(encoding="utf-8")
    shown = page.split("<!-- results: begin", 1)[1].split("-->\n", 1)[1].split("<!-- results: end -->", 1)[0]
    assert shown.strip() == results.strip()


def test_the_readme_shows_the_latest_benchmark_run(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util
    import json
    import sys

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("benchmark_run", root / "benchmarks" / "run.py")
    assert spec is not None
    assert spec.loader is not None
    run = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "benchmark_run", run)  # its dataclasses look their module up
    monkeypatch.setattr(sys, "path", list(sys.path))  # it puts benchmarks/ first, to import stores.py
    spec.loader.exec_module(run)
    summary = json.loads((root / "benchmarks" / "results.json").read_text(encoding="utf-8"))
    readme = README.read_text(encoding="utf-8")
    shown = readme.split(run._README_BEGIN, 1)[1].split(run._README_END, 1)[0]
    assert shown == run.readme_table(summary)
    assert "| `afterview done STEP` |" in shown
