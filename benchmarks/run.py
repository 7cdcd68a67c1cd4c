"""Time afterview's everyday commands on synthetic stores of 100, 1,000 and 10,000 interviews.

    .venv/bin/python benchmarks/run.py            # about 2-4 minutes; writes benchmarks/results.{md,json}

Every command runs as a separate process of the installed ``afterview``, after a warm-up, several times.
Wall time is reported as a ratio to a bare ``python -c pass`` measured in the same run (so machines and
load compare), with the median and the spread (fastest-slowest); peak memory is the child's maximum
resident set size (``os.wait4``). The first ``todo`` on a fresh store is reported on its own line: it
builds the derived index of pending steps that later reads use.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stores

HERE = Path(__file__).resolve().parent
SIZES = (100, 1_000, 10_000)
TARGETS = {
    ("remind", 1_000): 3.0,
    ("todo | cat", 1_000): 8.0,
    ("--help", 100): 8.0,
    ("--help", 1_000): 8.0,
    ("--help", 10_000): 8.0,
    ("complete a step id", 1_000): 8.0,
    ("complete an interview id", 1_000): 8.0,
    ("done STEP", 1_000): 10.0,
    ("log --no-input", 1_000): 10.0,
}
MEMORY_TARGET_MIB = 80.0
LOG_ARGS = [
    "log", "--no-input", "--company", "Globex", "--role", "Platform Engineer",
    "--interviewer", "Ada Lovelace, CTO <ada@globex.example>", "--interviewer", "Alan Turing",
]  # fmt: skip


@dataclass
class Sample:
    """One process: how long it took, how much memory it used at most, how it exited."""

    seconds: float
    max_rss_mib: float


@dataclass
class Row:
    """One command on one store size."""

    command: str
    size: int
    samples: list[Sample] = field(default_factory=list)


def afterview() -> str:
    """The installed console script beside this interpreter."""
    script = Path(sys.executable).with_name("afterview")
    found = str(script) if script.exists() else shutil.which("afterview")
    if not found:
        sys.exit("afterview is not installed in this environment: pip install -e .")
    return found


def measure(argv: list[str], *, env: dict[str, str], expect: int = 0) -> Sample:
    """Run ``argv`` with stdout piped (read to the end) and return its wall time and peak memory."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            argv, stdout=subprocess.PIPE, stderr=errors, stdin=subprocess.DEVNULL, env=env
        )
        assert process.stdout is not None
        output = process.stdout.read()
        process.stdout.close()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != expect:
            errors.seek(0)
            sys.exit(
                f"{' '.join(argv[1:])} exited {process.returncode}:\n"
                f"{output.decode(errors='replace')[-2000:]}{errors.read().decode(errors='replace')[-2000:]}"
            )
    return Sample(seconds, usage.ru_maxrss / 1024)


def available(command: str, *, env: dict[str, str]) -> bool:
    """Whether this afterview has ``command`` (``remind`` may not be merged yet)."""
    result = subprocess.run([afterview(), command, "--help"], capture_output=True, env=env, check=False)
    return result.returncode == 0


def bench(size: int, *, workdir: Path, runs: int, write_runs: int) -> tuple[list[Row], list[Sample]]:
    """Every command on a store of ``size`` interviews; also baseline samples taken in between."""
    home = workdir / f"home-{size}"
    started = time.perf_counter()
    generator = [sys.executable, str(HERE / "stores.py"), str(home / "afterview.json"), str(size)]
    pending: list[str] = json.loads(subprocess.run(generator, capture_output=True, check=True).stdout)
    print(f"  generated {size:,} interviews in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    env = {
        **os.environ,
        "AFTERVIEW_HOME": str(home),
        "AFTERVIEW_NOW": stores.NOW.isoformat(),
        "TZ": "UTC",
        "NO_COLOR": "1",
        "COLUMNS": "100",
    }
    env.pop("FORCE_COLOR", None)
    exe = afterview()
    baseline: list[Sample] = []
    rows: list[Row] = []

    def run(command: str, argv: list[str], count: int, *, extra: dict[str, str] | None = None) -> Row:
        row = Row(command, size)
        for index in range(count + 1):
            baseline.append(measure([sys.executable, "-c", "pass"], env=env))
            sample = measure(
                [exe, *argv(index)] if callable(argv) else [exe, *argv], env={**env, **(extra or {})}
            )
            if index:  # the first run is the warm-up
                row.samples.append(sample)
        rows.append(row)
        return row

    first = Row("todo | cat, first run (builds the index)", size, [measure([exe, "todo"], env=env)])
    rows.append(first)
    run("todo | cat", ["todo"], runs)
    if available("remind", env=env):
        run("remind", ["remind"], runs)
    run("--help", ["--help"], runs)
    step = pending[0]
    completion = {"_AFTERVIEW_COMPLETE": "complete_bash", "COMP_CWORD": "2"}
    run(
        "complete a step id",
        ["done"],
        runs,
        extra={**completion, "COMP_WORDS": f"afterview done {step[:-1]}"},
    )
    run("complete an interview id", ["show"], runs, extra={**completion, "COMP_WORDS": "afterview show 1"})
    steps = iter(pending)
    run("done STEP", lambda _: ["done", next(steps)], write_runs)  # type: ignore[arg-type]
    run("log --no-input", LOG_ARGS, write_runs)
    return rows, baseline


def summarise(rows: list[Row], baseline: list[Sample]) -> dict[str, Any]:
    """Medians, spreads, ratios and peak memory, as the JSON result."""
    base = statistics.median(s.seconds for s in baseline)
    results = []
    medians = {}
    for row in rows:
        times = [s.seconds for s in row.samples]
        median = statistics.median(times)
        medians[(row.command, row.size)] = median
        target = TARGETS.get((row.command, row.size))
        results.append(
            {
                "command": row.command,
                "interviews": row.size,
                "runs": len(times),
                "median_ms": round(median * 1000, 1),
                "ratio": round(median / base, 2),
                "spread": [round(min(times) / base, 2), round(max(times) / base, 2)],
                "peak_mib": round(max(s.max_rss_mib for s in row.samples), 1),
                "target": f"≤ {target:g}x" if target else None,
                "met": (median / base <= target) if target else None,
            }
        )
    scaling = None
    if ("todo | cat", 1_000) in medians and ("todo | cat", 10_000) in medians:
        scaling = round(medians[("todo | cat", 10_000)] / medians[("todo | cat", 1_000)], 2)
    peak = max(r["peak_mib"] for r in results)
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}",
        "baseline_ms": round(base * 1000, 1),
        "baseline_runs": len(baseline),
        "todo_10k_over_1k": scaling,
        "peak_mib": peak,
        "results": results,
    }


def markdown(summary: dict[str, Any]) -> str:
    """The result as the Markdown table the README shows."""
    lines = [
        f"Measured {summary['date']} on {summary['machine']}; "
        f"`python -c pass` took {summary['baseline_ms']} ms (median of {summary['baseline_runs']}).",
        "",
        "| command | interviews | runs | median | x `python -c pass` | spread (x) | peak MiB | target |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in summary["results"]:
        target = f"{r['target']} {'✓' if r['met'] else '✗'}" if r["target"] else ""
        memory = f"{r['peak_mib']}" + (" ✗" if r["peak_mib"] > MEMORY_TARGET_MIB else "")
        lines.append(
            f"| `{r['command']}` | {r['interviews']:,} | {r['runs']} | {r['median_ms']} ms | {r['ratio']} | "
            f"{r['spread'][0]}-{r['spread'][1]} | {memory} | {target} |"
        )
    if summary["todo_10k_over_1k"] is not None:
        ok = "✓" if summary["todo_10k_over_1k"] <= 1.5 else "✗"
        lines += ["", f"`todo` at 10,000 interviews takes {summary['todo_10k_over_1k']}x its time at 1,000 "
                  f"(target ≤ 1.5x) {ok}."]  # fmt: skip
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--sizes", default=",".join(map(str, SIZES)), help="store sizes (default: %(default)s)"
    )
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each read (default: %(default)s)")
    parser.add_argument(
        "--write-runs", type=int, default=5, help="timed runs of each write (default: 5; 3 at 10,000)"
    )
    parser.add_argument("--out", type=Path, default=HERE / "results", help="results path, without suffix")
    args = parser.parse_args()
    rows: list[Row] = []
    baseline: list[Sample] = []
    with tempfile.TemporaryDirectory(prefix="afterview-bench-") as workdir:
        for size in (int(s) for s in args.sizes.split(",")):
            print(f"{size:,} interviews", file=sys.stderr)
            write_runs = min(args.write_runs, 3) if size >= 10_000 else args.write_runs
            more, base = bench(size, workdir=Path(workdir), runs=args.runs, write_runs=write_runs)
            rows += more
            baseline += base
    summary = summarise(rows, baseline)
    table = markdown(summary)
    args.out.with_suffix(".json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    args.out.with_suffix(".md").write_text(table)
    print(table)


if __name__ == "__main__":
    main()
