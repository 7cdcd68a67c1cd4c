"""Time afterview's commands on synthetic stores of 200, 1,000 and 10,000 interviews; measure their memory.

    .venv/bin/python benchmarks/run.py                        # everything: about ten minutes on two cores
    .venv/bin/python benchmarks/run.py --quick --sizes 200,1000   # reads and writes only: a minute or two

Writes ``benchmarks/results.md`` and ``results.json`` (``--out`` elsewhere). Linux or macOS.

1. For each size, ``stores.py`` generates a store in its own process (see its docstring: about 4 KB an
   interview, 20 open processes, everything older closed) and keeps a pristine copy.
2. Reads: the first ``todo`` with the derived index deleted (it rebuilds it), then ``todo`` piped,
   ``remind``, ``--help``, ``list``, ``show ID`` and Tab completion (bash, zsh and fish), each after a
   warm-up, ``--runs`` times.
3. Writes: ``done STEP`` (a different pending step each run), ``log --no-input``, and
   ``outcome ID rejected`` (a different open process each run). Every sample starts from a fresh copy of
   the pristine store and its index, without backups (copying is not timed), so every sample changes the
   store and none depends on the one before. At 10,000 interviews they run twice (``--write-runs`` caps
   it), without a warm-up.
4. Memory sweep (``--memory-size``, 10,000 interviews): every command that reads the store, and the three
   writes, once each on a fresh copy, for its peak memory (target < 300 MiB).
5. Import (``--import-rows``): a 100,000-row CSV into an empty store, once (target < 20 s and < 1 GiB);
   then the same CSV with one bad row last, which must import nothing (exit non-zero, no store written).

Every command is a separate process of the installed ``afterview``. Wall time is reported as a ratio to a
bare ``python -c pass`` and to the model floor, ``python -c "import afterview.models.records"`` (Python,
Pydantic and afterview's models: what any command that reads the store must load), each run just before
the sample (so machines and changing load compare), with the median of the ratios pair by pair and their
spread (fastest-slowest); peak memory is the child's maximum resident set size
(``os.wait4``). On Linux that is at least the most this process ever held (children start with ``vfork``),
so it holds no store, CSV or command output (``stores.py`` does the heavy lifting in processes of its own)
and imports little; the peak of ``python -c pass`` in the header is that floor. The clock is fixed
(``AFTERVIEW_NOW``) so every run plans the same steps.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stores  # beside this file; it imports afterview only inside its functions

HERE = Path(__file__).resolve().parent
STORE = "afterview.json"
SIZES = (200, 1_000, 10_000)
MEMORY_SIZE = 10_000
IMPORT_ROWS = 100_000
IMPORT_TIMEOUT = 900.0
KEEP = 4_096
"""How many bytes of a command's output and errors are kept (the first, for checks; the last, for errors)."""
MIB = 1024 if sys.platform != "darwin" else 1024 * 1024  # ru_maxrss is in KiB on Linux, bytes on macOS
WRITES = ("done STEP", "log --no-input", "outcome ID rejected")
FLOOR = "import afterview.models.records"
"""The model floor: what ``python -c`` imports to load Pydantic and afterview's models, and no more."""
COMPLETIONS = ("complete a step id (bash)", "complete a step id (zsh)", "complete a step id (fish)")
TARGETS: dict[tuple[str, int], float] = {
    ("todo (piped)", 1_000): 4.0,
    ("remind", 1_000): 3.0,
    **{("--help", size): 8.0 for size in SIZES},
    **{(command, 1_000): 5.0 for command in COMPLETIONS},
    ("complete an interview id", 1_000): 8.0,
}
"""Targets as a ratio to ``python -c pass``."""
FLOOR_TARGETS: dict[tuple[str, int], float] = {
    (command, size): 1.5 for command in (*WRITES, "list", "show ID") for size in (200, 1_000)
}
"""Targets as a ratio to the model floor (:data:`FLOOR`)."""
MEMORY_TARGET_MIB = 300.0
IMPORT_TARGET_SECONDS = 20.0
IMPORT_TARGET_MIB = 1024.0
LOG_ARGS = [
    "log", "--no-input", "--company", "Globex", "--role", "Platform Engineer",
    "--interviewer", "Ada Lovelace, CTO <ada@globex.example>", "--interviewer", "Alan Turing",
]  # fmt: skip


@dataclass
class Sample:
    """One process: how long it took, how much memory it used at most, how it ended."""

    seconds: float
    max_rss_mib: float
    code: int = 0
    timed_out: bool = False
    head: bytes = field(default=b"", repr=False)
    """The first few KB of its output (the rest is read and dropped: this process must stay small)."""


@dataclass
class Row:
    """One command on one store size."""

    command: str
    size: int
    samples: list[Sample] = field(default_factory=list)
    baseline: list[Sample] = field(default_factory=list)
    floor: list[Sample] = field(default_factory=list)


def afterview() -> str:
    """The installed console script beside this interpreter."""
    script = Path(sys.executable).with_name("afterview")
    found = str(script) if script.exists() else shutil.which("afterview")
    if not found:
        sys.exit("afterview is not installed in this environment: pip install -e .")
    return found


def measure(
    argv: list[str],
    *,
    env: dict[str, str],
    expect: Callable[[int], bool] | None = None,
    timeout: float | None = None,
) -> Sample:
    """Run ``argv`` with stdout piped (read to the end) and return its wall time and peak memory.

    A process still running after ``timeout`` seconds is killed and reported as such.
    """
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            argv, stdout=subprocess.PIPE, stderr=errors, stdin=subprocess.DEVNULL, env=env
        )
        killer = None
        if timeout:
            import threading  # imported only when needed: this process's memory is every child's floor

            killer = threading.Timer(timeout, process.kill)
            killer.start()
        assert process.stdout is not None
        head, tail = b"", b""
        while chunk := process.stdout.read(1 << 16):
            head = head or chunk[:KEEP]
            tail = (tail + chunk)[-KEEP:]
        process.stdout.close()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        timed_out = killer is not None and not killer.is_alive()
        if killer is not None:
            killer.cancel()
        process.returncode = code = os.waitstatus_to_exitcode(status)
        if not timed_out and not (expect or _ok)(code):
            errors.seek(0)
            sys.exit(
                f"{' '.join(argv[1:])} exited {code}:\n"
                f"{tail.decode(errors='replace')}{errors.read()[-KEEP:].decode(errors='replace')}"
            )
    return Sample(seconds, usage.ru_maxrss / MIB, code=code, timed_out=timed_out, head=head)


def _ok(code: int) -> bool:
    return code == 0


def _remind_exit(code: int) -> bool:
    return code in (0, 1)  # 1: something is due


def _any(code: int) -> bool:
    return True


def _always(argv: list[str]) -> Callable[[int], list[str]]:
    return lambda _: argv


def environment(home: Path) -> dict[str, str]:
    """The environment of every afterview run: its own home, the fixed clock, plain output."""
    env = {
        **os.environ,
        "AFTERVIEW_HOME": str(home),
        "AFTERVIEW_NOW": stores.NOW.isoformat(),
        "TZ": "UTC",
        "NO_COLOR": "1",
        "COLUMNS": "100",
    }
    env.pop("FORCE_COLOR", None)
    env.pop("AFTERVIEW_BACKUPS", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # run from bytecode, as an installed afterview does
    return env


def compile_afterview() -> None:
    """Write the bytecode of afterview's modules first, as ``pip install`` does: an editable install run
    under ``PYTHONDONTWRITEBYTECODE`` would otherwise compile every module it imports on every run."""
    import afterview

    package = str(Path(afterview.__file__).parent)
    environ = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", package], check=True, env=environ)


class Stores:
    """The generated stores, one per size: made once, copied afresh for every sample that needs it."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.made: dict[int, dict[str, Any]] = {}

    def facts(self, size: int) -> dict[str, Any]:
        """What the generator made for ``size`` (step ids, interview ids, counts), generating it first."""
        if size not in self.made:
            started = time.perf_counter()
            target = self.pristine(size) / STORE
            generator = [sys.executable, str(HERE / "stores.py"), "store", str(target), str(size)]
            made = subprocess.run(generator, capture_output=True, check=False)
            if made.returncode:
                sys.exit(f"generating {size:,} interviews failed:\n{made.stderr.decode(errors='replace')}")
            self.made[size] = json.loads(made.stdout)
            print(
                f"  generated {size:,} interviews ({self.made[size]['bytes'] / 1e6:.1f} MB) "
                f"in {time.perf_counter() - started:.1f}s",
                file=sys.stderr,
            )
        return self.made[size]

    def pristine(self, size: int) -> Path:
        return self.workdir / f"pristine-{size}"

    def fresh(self, size: int) -> Path:
        """A home holding the generated store of ``size`` as it was made, with a valid index, no backups,
        and on disk: every file fsynced, as a store afterview saved is (a copy still in the page cache would
        make the next save flush it, which no user's store needs)."""
        self.facts(size)
        home = self.workdir / f"home-{size}"
        shutil.rmtree(home, ignore_errors=True)
        shutil.copytree(self.pristine(size), home)
        _restamp_index(home / STORE)
        _flush(home)
        return home


def _flush(home: Path) -> None:
    """fsync every file under ``home``, then the folders."""
    for path in [
        *sorted(p for p in home.rglob("*") if p.is_file()),
        *[home, *(p for p in home.rglob("*") if p.is_dir())],
    ]:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _restamp_index(store: Path) -> None:
    """Point the copied index at the copied store (in a child: see ``stores.main``), else rebuild it."""
    restamped = subprocess.run([sys.executable, str(HERE / "stores.py"), "restamp", str(store)], check=False)
    if restamped.returncode:
        subprocess.run([afterview(), "todo"], env=environment(store.parent), capture_output=True, check=True)


def timed(
    row: Row,
    argv: Callable[[int], list[str]],
    *,
    env: dict[str, str],
    count: int,
    warm_up: bool = True,
    before: Callable[[], object] | None = None,
    expect: Callable[[int], bool] | None = None,
) -> Row:
    """Add ``count`` samples of ``afterview argv(n)`` to ``row``, each after a baseline sample and a
    model-floor sample; ``before`` runs (untimed) before each, e.g. to put a fresh copy of the store in
    place."""
    exe = afterview()
    for index in range(count + warm_up):
        if before is not None:
            before()
        base = measure([sys.executable, "-c", "pass"], env=env)
        floor = measure([sys.executable, "-c", FLOOR], env=env)
        sample = measure([exe, *argv(index)], env=env, expect=expect)
        if index or not warm_up:
            row.samples.append(sample)
            row.baseline.append(base)
            row.floor.append(floor)
    return row


def write_argv(command: str, facts: dict[str, Any]) -> Callable[[int], list[str]]:
    """The arguments of one of the three writes for its ``n``-th sample."""
    if command == "done STEP":
        return lambda n: ["done", facts["pending"][n % len(facts["pending"])]]
    if command == "outcome ID rejected":
        return lambda n: [
            "outcome",
            str(facts["open_interviews"][n % len(facts["open_interviews"])]),
            "rejected",
        ]
    return lambda _: LOG_ARGS


def bench(size: int, *, made: Stores, runs: int, write_runs: int) -> list[Row]:
    """Reads and writes on a store of ``size`` interviews."""
    facts = made.facts(size)
    home = made.fresh(size)
    env = environment(home)
    completion = {**env, "_AFTERVIEW_COMPLETE": "complete_bash", "COMP_CWORD": "2"}
    step = facts["pending"][0]
    typed = f"afterview done {step[:-1]}"
    shown = str(facts["interview"])
    rows = [
        timed(
            Row("todo (piped), no index (rebuilds it)", size),
            _always(["todo"]),
            env=env,
            count=1,
            warm_up=False,
            before=lambda: (home / f"{STORE}.index").unlink(missing_ok=True),
        ),
        timed(Row("todo (piped)", size), _always(["todo"]), env=env, count=runs),
        timed(Row("remind", size), _always(["remind"]), env=env, count=runs, expect=_remind_exit),
        timed(Row("--help", size), _always(["--help"]), env=env, count=runs),
        timed(Row("list", size), _always(["list"]), env=env, count=runs),
        timed(Row("show ID", size), _always(["show", shown]), env=env, count=runs),
        timed(
            Row("complete a step id (bash)", size),
            _always([]),
            env={**completion, "COMP_WORDS": typed},
            count=runs,
        ),
        timed(
            Row("complete a step id (zsh)", size),
            _always([]),
            env={**env, "_AFTERVIEW_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": typed},
            count=runs,
        ),
        timed(  # fish asks twice per Tab (is-args, then get-args), each a process like this one
            Row("complete a step id (fish)", size),
            _always([]),
            env={
                **env,
                "_AFTERVIEW_COMPLETE": "complete_fish",
                "_TYPER_COMPLETE_FISH_ACTION": "get-args",
                "_TYPER_COMPLETE_ARGS": typed,
            },
            count=runs,
        ),
        timed(
            Row("complete an interview id", size),
            _always([]),
            env={**completion, "COMP_WORDS": "afterview show 1"},
            count=runs,
        ),
    ]
    for command in WRITES:
        rows.append(
            timed(
                Row(command, size),
                write_argv(command, facts),
                env=env,
                count=write_runs,
                warm_up=size < 10_000,
                before=lambda: made.fresh(size),
            )
        )
    return rows


def sweep(size: int, *, made: Stores) -> list[dict[str, Any]]:
    """Every command that reads the store, then the writes, once each: time and peak memory."""
    facts = made.facts(size)
    home = made.fresh(size)
    env = environment(home)
    out = made.workdir / "exports"
    out.mkdir(exist_ok=True)
    shown = str(facts["interview"])
    reads: list[tuple[str, list[str]]] = [
        ("list", ["list"]),
        ("list --json", ["list", "--json"]),
        ("show ID", ["show", shown]),
        ("show ID --json", ["show", shown, "--json"]),
        ("stats", ["stats"]),
        ("stats --json", ["stats", "--json"]),
        *((f"export {kind} -o FILE", ["export", kind, "-o", str(out / f"export.{kind}")])
          for kind in ("json", "csv", "md", "ics", "vcf")),
        ("doctor", ["doctor"]),
        ("todo (piped)", ["todo"]),
        ("todo --json", ["todo", "--json"]),
        ("remind", ["remind"]),
        ("schedule", ["schedule"]),
        ("draft-thanks ID", ["draft-thanks", shown]),
        ("prep", ["prep"]),
        ("--help", ["--help"]),
    ]  # fmt: skip
    results = []
    for command, argv in reads:
        print(f"  {command}", file=sys.stderr)
        expect = _remind_exit if command == "remind" else _ok
        row = timed(Row(command, size), _always(argv), env=env, count=1, warm_up=False, expect=expect)
        results.append(_swept(row))
    for command in WRITES:
        print(f"  {command}", file=sys.stderr)
        row = timed(
            Row(command, size),
            write_argv(command, facts),
            env=env,
            count=1,
            warm_up=False,
            before=lambda: made.fresh(size),
        )
        results.append(_swept(row))
    return results


def _swept(row: Row) -> dict[str, Any]:
    sample, base = row.samples[0], row.baseline[0]
    return {
        "command": row.command,
        "seconds": round(sample.seconds, 2),
        "ratio": round(sample.seconds / base.seconds, 1),
        "peak_mib": round(sample.max_rss_mib, 1),
        "met": sample.max_rss_mib < MEMORY_TARGET_MIB,
    }


def import_csv(rows: int, *, workdir: Path, timeout: float) -> list[dict[str, Any]]:
    """Import a ``rows``-row CSV into an empty store; then the same with one bad row last, which must
    import nothing."""
    results = []
    for bad in (False, True):
        csv = workdir / f"import-{rows}{'-bad' if bad else ''}.csv"
        command = [sys.executable, str(HERE / "csv_rows.py"), str(rows), str(csv)]
        subprocess.run([*command, *(["--bad-last"] if bad else [])], check=True)  # a child: we stay small
        home = workdir / f"import-home{'-bad' if bad else ''}"
        shutil.rmtree(home, ignore_errors=True)
        home.mkdir(mode=0o700)
        env = environment(home)
        before = _files(home)
        name = f"import {rows:,}-row CSV" + (", one bad row last" if bad else "")
        print(f"  {name}", file=sys.stderr)
        base = measure([sys.executable, "-c", "pass"], env=env)
        sample = measure([afterview(), "import", str(csv)], env=env, expect=_any, timeout=timeout)
        result: dict[str, Any] = {
            "case": name,
            "rows": rows + bad,
            "seconds": round(sample.seconds, 1),
            "ratio": round(sample.seconds / base.seconds, 1),
            "peak_mib": round(sample.max_rss_mib, 1),
            "exit": sample.code,
            "timed_out": sample.timed_out,
        }
        if bad:
            result["imported_nothing"] = _files(home) == before
            result["met"] = sample.code not in (0, -9) and result["imported_nothing"] and not sample.timed_out
        else:
            imported = f"Imported {rows} interviews".encode() in sample.head
            result["met"] = (
                imported
                and sample.code == 0
                and sample.seconds < IMPORT_TARGET_SECONDS
                and sample.max_rss_mib < IMPORT_TARGET_MIB
            )
            result["imported"] = imported
        results.append(result)
        shutil.rmtree(home, ignore_errors=True)
    return results


def _generate(*argv: str) -> None:
    subprocess.run([sys.executable, str(HERE / "stores.py"), *argv], check=True)


def _files(home: Path) -> dict[str, tuple[int, int]]:
    """What a home holds that an import could change (the store, its index and backups; not the lock
    file), as each file's size and modification time: nothing is read, this process must stay small."""
    return {
        str(path.relative_to(home)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in sorted(home.rglob("*"))
        if path.is_file() and not path.name.endswith(".lock")
    }


def summarise(
    rows: list[Row],
    *,
    load: tuple[float, float],
    made: Stores,
    memory: list[dict[str, Any]],
    memory_size: int,
    imports: list[dict[str, Any]],
) -> dict[str, Any]:
    """Medians, spreads, ratios and peak memory, as the JSON result."""
    import platform
    import statistics

    results = []
    ratios = {}
    for row in rows:
        each = [s.seconds / b.seconds for s, b in zip(row.samples, row.baseline, strict=True)]
        over_floor = [s.seconds / f.seconds for s, f in zip(row.samples, row.floor, strict=True)]
        ratio, floor_ratio = statistics.median(each), statistics.median(over_floor)
        ratios[(row.command, row.size)] = ratio
        target = TARGETS.get((row.command, row.size))
        floor_target = FLOOR_TARGETS.get((row.command, row.size))
        met = [ratio <= target] if target else []
        met += [floor_ratio <= floor_target] if floor_target else []
        targets = [f"≤ {target:g}x pass"] if target else []
        targets += [f"≤ {floor_target:g}x floor"] if floor_target else []
        results.append(
            {
                "command": row.command,
                "interviews": row.size,
                "runs": len(each),
                "median_ms": round(statistics.median(s.seconds for s in row.samples) * 1000, 1),
                "ratio": round(ratio, 2),
                "spread": [round(min(each), 2), round(max(each), 2)],
                "floor_ratio": round(floor_ratio, 2),
                "floor_spread": [round(min(over_floor), 2), round(max(over_floor), 2)],
                "peak_mib": round(max(s.max_rss_mib for s in row.samples), 1),
                "target": ", ".join(targets) or None,
                "met": all(met) if met else None,
            }
        )
    scaling = None
    if ("todo (piped)", 1_000) in ratios and ("todo (piped)", 10_000) in ratios:
        scaling = round(ratios[("todo (piped)", 10_000)] / ratios[("todo (piped)", 1_000)], 2)
    baseline = [b.seconds for row in rows for b in row.baseline]
    floor = [f.seconds for row in rows for f in row.floor]
    pairs = [(b, f) for row in rows for b, f in zip(row.baseline, row.floor, strict=True)]
    floor_ratios = [f.seconds / b.seconds for b, f in pairs]
    generated = {
        size: {key: facts[key] for key in ("interviews", "processes", "open_processes", "bytes")}
        | {"pending_steps": len(facts["pending"])}
        for size, facts in sorted(made.made.items())
    }
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}",
        "load_average": [round(load[0], 1), round(load[1], 1)],
        "baseline_ms": round(statistics.median(baseline) * 1000, 1) if baseline else None,
        "baseline_runs": len(baseline),
        "floor_ms": round(statistics.median(floor) * 1000, 1) if floor else None,
        "floor_ratio": round(statistics.median(floor_ratios), 2) if floor_ratios else None,
        "baseline_peak_mib": round(max(b.max_rss_mib for row in rows for b in row.baseline), 1)
        if rows
        else None,
        "stores": generated,
        "todo_10k_over_1k": scaling,
        "results": results,
        "memory": {"interviews": memory_size, "target_mib": MEMORY_TARGET_MIB, "results": memory},
        "import": {
            "target_seconds": IMPORT_TARGET_SECONDS,
            "target_mib": IMPORT_TARGET_MIB,
            "results": imports,
        },
    }


def markdown(summary: dict[str, Any]) -> str:
    """The result as the Markdown the README quotes."""
    lines = [
        f"Measured {summary['date']} on {summary['machine']}; "
        f"`python -c pass` took {summary['baseline_ms']} ms (median of {summary['baseline_runs']}) and "
        f'peaked at {summary["baseline_peak_mib"]} MiB; the model floor, `python -c "{FLOOR}"`, took '
        f"{summary['floor_ms']} ms ({summary['floor_ratio']}x `python -c pass`); "
        f"load average {summary['load_average'][0]} at the start, {summary['load_average'][1]} at the end.",
        "",
    ]
    for size, facts in summary["stores"].items():
        lines.append(
            f"- {int(size):,} interviews: {facts['bytes'] / 1e6:.1f} MB, {facts['processes']:,} processes "
            f"({facts['open_processes']} open), {facts['pending_steps']} pending steps"
        )
    lines += [
        "",
        "| command | interviews | runs | median | x `python -c pass` (spread) | x model floor (spread) "
        "| peak MiB | target |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in summary["results"]:
        target = f"{r['target']} {_mark(r['met'])}" if r["target"] else ""
        lines.append(
            f"| `{r['command']}` | {r['interviews']:,} | {r['runs']} | {r['median_ms']} ms | "
            f"{r['ratio']} ({r['spread'][0]}-{r['spread'][1]}) | "
            f"{r['floor_ratio']} ({r['floor_spread'][0]}-{r['floor_spread'][1]}) | "
            f"{_mib(r['peak_mib'])} | {target} |"
        )
    if summary["todo_10k_over_1k"] is not None:
        ok = _mark(summary["todo_10k_over_1k"] <= 1.5)
        lines += ["", f"`todo` at 10,000 interviews takes {summary['todo_10k_over_1k']}x its time at 1,000 "
                  f"(target ≤ 1.5x) {ok}."]  # fmt: skip
    memory = summary["memory"]
    if memory["results"]:
        lines += [
            "",
            f"Memory at {memory['interviews']:,} interviews, each command once "
            f"(target < {memory['target_mib']:g} MiB):",
            "",
            "| command | seconds | x `python -c pass` | peak MiB | < 300 MiB |",
            "|---|---:|---:|---:|---|",
        ]
        lines += [
            f"| `{r['command']}` | {r['seconds']} | {r['ratio']} | {r['peak_mib']} | {_mark(r['met'])} |"
            for r in memory["results"]
        ]
    imports = summary["import"]
    if imports["results"]:
        lines += [
            "",
            f"Import into an empty store (target < {imports['target_seconds']:g} s and "
            f"< {imports['target_mib']:g} MiB; with a bad row, nothing imported and a non-zero exit):",
            "",
            "| case | seconds | peak MiB | exit | result | target |",
            "|---|---:|---:|---:|---|---|",
        ]
        for r in imports["results"]:
            if r["timed_out"]:
                result = "killed: still running"
            elif "imported_nothing" in r:
                result = "store unchanged" if r["imported_nothing"] else "the store changed"
            else:
                result = "all rows imported" if r["imported"] else "not imported"
            lines.append(
                f"| {r['case']} | {r['seconds']} | {r['peak_mib']} | {r['exit']} | {result} | "
                f"{_mark(r['met'])} |"
            )
    return "\n".join(lines) + "\n"


def _mark(met: bool) -> str:
    return "✓" if met else "✗"


def _mib(peak: float) -> str:
    return f"{peak}" + (" ✗" if peak > MEMORY_TARGET_MIB else "")


DOCS = HERE.parent / "docs" / "performance.md"
_BEGIN = "<!-- results: begin (benchmarks/run.py writes this part from benchmarks/results.md) -->\n"
_END = "<!-- results: end -->\n"


def show_in_docs(table: str) -> None:
    """Put ``table`` (what ``results.md`` holds) between the markers of ``docs/performance.md``."""
    text = DOCS.read_text(encoding="utf-8")
    start, end = text.index(_BEGIN) + len(_BEGIN), text.index(_END)
    DOCS.write_text(text[:start] + table.rstrip("\n") + "\n" + text[end:], encoding="utf-8")


README = HERE.parent / "README.md"
_README_BEGIN = "<!-- speed: begin (benchmarks/run.py writes this part from benchmarks/results.json) -->\n"
_README_END = "<!-- speed: end -->\n"
IN_README = {
    "done STEP": "`afterview done STEP`",
    "log --no-input": "`afterview log --no-input ...`",
    "outcome ID rejected": "`afterview outcome ID rejected`",
    "list": "`afterview list`",
    "show ID": "`afterview show ID`",
    "todo (piped)": "`afterview todo`",
    "complete a step id (zsh)": "Tab completion of a step id, zsh",
    "complete a step id (fish)": "Tab completion of a step id, fish",
}
"""The rows the README shows, at 200 and 1,000 interviews."""


def readme_table(summary: dict[str, Any]) -> str:
    """The README's table: each command of :data:`IN_README` as a ratio to ``python -c pass`` and to the
    model floor, at 200 and 1,000 interviews, from ``summary`` (what ``results.json`` holds)."""
    found = {(r["command"], r["interviews"]): r for r in summary["results"]}
    lines = [
        "| command | 200 interviews | 1,000 interviews |",
        "|---|---:|---:|",
    ]
    for command, label in IN_README.items():
        cells = []
        for size in (200, 1_000):
            row = found.get((command, size))
            cells.append("" if row is None else f"{row['ratio']:g}x pass, {row['floor_ratio']:g}x floor")
        lines.append(f"| {label} | {cells[0]} | {cells[1]} |")
    return (
        "\n".join(lines)
        + f'\n\n({summary["machine"]}, {summary["date"]}; the model floor is `python -c "{FLOOR}"`.)\n'
    )


def show_in_readme(summary: dict[str, Any]) -> None:
    """Put :func:`readme_table` between the README's markers."""
    text = README.read_text(encoding="utf-8")
    start, end = text.index(_README_BEGIN) + len(_README_BEGIN), text.index(_README_END)
    README.write_text(text[:start] + readme_table(summary) + text[end:], encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", default=",".join(map(str, SIZES)), help="store sizes to time (default: %(default)s)"
    )
    parser.add_argument(
        "--quick", action="store_true", help="fewer runs; no memory sweep or import unless asked"
    )
    parser.add_argument("--runs", type=int, help="timed runs of each read (default: 7; 3 with --quick)")
    parser.add_argument(
        "--write-runs",
        type=int,
        help="timed runs of each write (default: 5, 2 at 10,000; 2 and 1 with --quick)",
    )
    parser.add_argument(
        "--memory-size",
        type=int,
        help=f"interviews in the memory sweep's store; 0 skips it (default: {MEMORY_SIZE:,})",
    )
    parser.add_argument(
        "--import-rows", type=int, help=f"rows of the CSV to import; 0 skips it (default: {IMPORT_ROWS:,})"
    )
    parser.add_argument("--out", type=Path, default=HERE / "results", help="results path, without suffix")
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 7)
    write_runs = args.write_runs or (2 if args.quick else 5)
    memory_size = args.memory_size if args.memory_size is not None else (0 if args.quick else MEMORY_SIZE)
    import_rows = args.import_rows if args.import_rows is not None else (0 if args.quick else IMPORT_ROWS)
    rows: list[Row] = []
    compile_afterview()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="afterview-bench-") as workdir:
        made = Stores(Path(workdir))
        for size in (int(s) for s in args.sizes.split(",") if s):
            print(f"{size:,} interviews", file=sys.stderr)
            count = min(write_runs, 1 if args.quick else 2) if size >= 10_000 else write_runs
            rows += bench(size, made=made, runs=runs, write_runs=count)
        memory = []
        if memory_size:
            print(f"memory sweep at {memory_size:,} interviews", file=sys.stderr)
            memory = sweep(memory_size, made=made)
        imports = []
        if import_rows:
            print(f"import of {import_rows:,} rows", file=sys.stderr)
            imports = import_csv(import_rows, workdir=Path(workdir), timeout=IMPORT_TIMEOUT)
        summary = summarise(
            rows,
            load=(load, os.getloadavg()[0]),
            made=made,
            memory=memory,
            memory_size=memory_size,
            imports=imports,
        )
    table = markdown(summary)
    args.out.with_suffix(".json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    args.out.with_suffix(".md").write_text(table)
    if args.out == HERE / "results":
        show_in_docs(table)
        show_in_readme(summary)
    print(table)


if __name__ == "__main__":
    main()
