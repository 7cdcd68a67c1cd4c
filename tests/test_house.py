"""The house rules a new contributor meets first: the README's two commands, pinned CI, package metadata."""

from __future__ import annotations

import re
import subprocess
import tomllib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).parents[1]
Spawn = Callable[..., subprocess.CompletedProcess[str]]


def readme_commands() -> list[str]:
    """The shell commands in the README's quick start, in order."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = text[text.index("## Quick start") : text.index("## Using it")]
    return re.findall(r"```sh\n(.+?)\n```", quick_start)


def test_the_readme_first_command_installs_and_runs_the_demo() -> None:
    first = readme_commands()[0]
    assert first.startswith("python3 -m venv .venv && ")
    assert "-c constraints.txt" in first
    assert first.endswith("&& .venv/bin/afterview demo")


def test_the_readme_test_command_is_exactly_what_ci_runs_on_each_python() -> None:
    """.ci/run runs the README's test command, each of its steps, with each supported interpreter (as
    ``"$python"``) in a virtual environment of its own (``"$venv"``)."""
    second = readme_commands()[1]
    assert "-c constraints.txt" in second
    assert second.endswith(".venv/bin/python -m pytest -n auto")
    ci = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    for step in second.split(" && "):
        program, _, rest = step.partition(" ")
        ours = '"$python"' if program == "python3" else '"' + program.replace(".venv/", "$venv/") + '"'
        ours += " " + rest.replace(" .venv", ' "$venv"')
        assert any(line.startswith(ours) for line in ci), f"{step!r} is not run by .ci/run as {ours!r}"


def test_the_demo_the_readme_runs_prints_a_todo_list_and_a_thank_you_note(
    process: Spawn, tmp_path: Path
) -> None:
    """The real ``afterview demo`` process, as the README's first command ends."""
    result = process("demo", env={"TMPDIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    todo = result.stdout.index("$ afterview todo")
    note = result.stdout.index("$ afterview draft-thanks")
    assert todo < note
    assert re.search(r"^\d+\.\d+ ", result.stdout[todo:note], flags=re.MULTILINE)  # step lines
    assert "Subject: Thank you" in result.stdout[note:]


def test_constraints_pin_every_runtime_and_development_dependency() -> None:
    """CI installs with constraints.txt: each dependency named in pyproject.toml has an exact pin."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    pinned = {
        re.split(r"==", line)[0].strip().lower().replace("_", "-")
        for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.startswith("#")
    }
    for requirement in wanted:
        name = re.split(r"[\[<>=;! ]", requirement, maxsplit=1)[0].lower().replace("_", "-")
        assert name in pinned, f"{name} is not pinned in constraints.txt"


def test_the_package_index_page_has_links_and_classifiers() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert {"Homepage", "Changelog", "Issues"} <= set(project["urls"])
    classifiers = set(project["classifiers"])
    assert any(c.startswith("Development Status ::") for c in classifiers)
    assert any(c.startswith("Operating System ::") for c in classifiers)
    assert any(c.startswith("Topic ::") for c in classifiers)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", readme)
    assert images
    assert all(image.startswith("https://") for image in images), images


def test_a_weekly_workflow_runs_the_suite_against_the_newest_releases() -> None:
    workflow = (ROOT / ".github" / "workflows" / "latest.yml").read_text(encoding="utf-8")
    assert "schedule:" in workflow
    assert "cron:" in workflow
    assert "constraints.txt" not in workflow.split("jobs:")[1]
    assert "--upgrade" in workflow
    assert "pytest" in workflow
