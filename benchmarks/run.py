"""Time afterview's everyday commands on synthetic stores of 100, 1,000 and 10,000 interviews.

    .venv/bin/python benchmarks/run.py   # Linux or macOS; a few minutes; writes benchmarks/results.{md,json}

Every command runs as a separate process of the installed ``afterview``, after a warm-up, several times.
Wall time is reported as a ratio to a bare ``python -c pass`` run just before each sample (so machines and
changing load compare), with the median and the spread (fastest-slowest); peak memory is the child's maximum
resident set size (``os.wait4``). Writes on 10,000 interviews take seconds each, so they run twice, without a
warm-up. The first ``todo`` on a fresh store is reported on its own line: it
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
    ("todo (piped)", 1_000): 8.0,
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
    baseline: list[Sample] = field(default_factory=list)


def afterview() -> str:
    """The installed console script beside this interpreter."""
    script = Path(sys.executable).with_name("afterview")
    found = str(script) if script.exists() else shutil.which("afterview")
    if not found:
        sys.exit("afterview is not installed in this environment: pip install -e .")
    return found


def measure(argv: list[str], *, env: dict[str, str], expect: tuple[int, ...] = (0,)) -> Sample:
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
        if process.returncode not in expect:
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


def bench(size: int, *, workdir: Path, runs: int, write_runs: int) -> list[Row]:
    """Every command on a store of ``size`` interviews, each sample after a baseline sample."""
    home = workdir / f"home-{size}"
    started = time.perf_counter()
    generator = [sys.executable, str(HERE / "stores.py"), str(home / "afterview.json"), str(size)]
    made = json.loads(subprocess.run(generator, capture_output=True, check=True).stdout)
    pending: list[str] = made["pending"]
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
    rows: list[Row] = []

    def run(
        command: str,
        argv: Any,
        count: int,
        *,
        extra: dict[str, str] | None = None,
        warm_up: bool = True,
        expect: tuple[int, ...] = (0,),
    ) -> None:
        row = Row(command, size)
        for index in range(count + warm_up):
            base = measure([sys.executable, "-c", "pass"], env=env)
            sample = measure(
                [exe, *argv(index)] if callable(argv) else [exe, *argv],
                env={**env, **(extra or {})},
                expect=expect,
            )
            if index or not warm_up:
                row.samples.append(sample)
                row.baseline.append(base)
        rows.append(row)

    run("todo (piped), first run (builds the index)", ["todo"], 1, warm_up=False)
    run("todo (piped)", ["todo"], runs)
    if available("remind", env=env):
        run("remind", ["remind"], runs, expect=(0, 1))  # 1: something is due
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
    warm_up = size < 10_000
    run("done STEP", lambda _: ["done", next(steps)], write_runs, warm_up=warm_up)
    run("log --no-input", LOG_ARGS, write_runs, warm_up=warm_up)
    return rows


def summarise(rows: list[Row], *, load: tuple[float, float]) -> dict[str, Any]:
    """Medians, spreads, ratios and peak memory, as the JSON result."""
    results = []
    ratios = {}
    for row in rows:
        each = [s.seconds / b.seconds for s, b in zip(row.samples, row.baseline, strict=True)]
        ratio = statistics.median(each)
        ratios[(row.command, row.size)] = ratio
        target = TARGETS.get((row.command, row.size))
        results.append(
            {
                "command": row.command,
                "interviews": row.size,
                "runs": len(each),
                "median_ms": round(statistics.median(s.seconds for s in row.samples) * 1000, 1),
                "ratio": round(ratio, 2),
                "spread": [round(min(each), 2), round(max(each), 2)],
                "peak_mib": round(max(s.max_rss_mib for s in row.samples), 1),
                "target": f"≤ {target:g}x" if target else None,
                "met": (ratio <= target) if target else None,
            }
        )
    scaling = None
    if ("todo (piped)", 1_000) in ratios and ("todo (piped)", 10_000) in ratios:
        scaling = round(ratios[("todo (piped)", 10_000)] / ratios[("todo (piped)", 1_000)], 2)
    baseline = [b.seconds for row in rows for b in row.baseline]
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}",
        "load_average": [round(load[0], 1), round(load[1], 1)],
        "baseline_ms": round(statistics.median(baseline) * 1000, 1),
        "baseline_runs": len(baseline),
        "todo_10k_over_1k": scaling,
        "peak_mib": max(r["peak_mib"] for r in results),
        "results": results,
    }


def markdown(summary: dict[str, Any]) -> str:
    """The result as the Markdown table the README shows."""
    lines = [
        f"Measured {summary['date']} on {summary['machine']}; "
        f"`python -c pass` took {summary['baseline_ms']} ms (median of {summary['baseline_runs']}); "
        f"load average {summary['load_average'][0]} at the start, {summary['load_average'][1]} at the end.",
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
        "--write-runs", type=int, default=5, help="timed runs of each write (default: 5; 2 at 10,000)"
    )
    parser.add_argument("--out", type=Path, default=HERE / "results", help="results path, without suffix")
    args = parser.parse_args()
    rows: list[Row] = []
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="afterview-bench-") as workdir:
        for size in (int(s) for s in args.sizes.split(",")):
            print(f"{size:,} interviews", file=sys.stderr)
            write_runs = min(args.write_runs, 2) if size >= 10_000 else args.write_runs
            rows += bench(size, workdir=Path(workdir), runs=args.runs, write_runs=write_runs)
    summary = summarise(rows, load=(load, os.getloadavg()[0]))
    table = markdown(summary)
    args.out.with_suffix(".json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    args.out.with_suffix(".md").write_text(table)
    print(table)


if __name__ == "__main__":
    main()
