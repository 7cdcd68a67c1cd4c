"""``afterview stats`` in the terminal: bars for the funnel and habits, a sparkline for momentum."""

from __future__ import annotations

from afterview.domain.endings import SearchSummary
from afterview.domain.phrasing import plural
from afterview.domain.stats import BENCHMARK_DAYS, THANK_YOU_HOURS, Stats
from afterview.render.console import literal, out

_SPARKS = "▁▂▃▄▅▆▇█"
_BAR_WIDTH = 30
_MAX_WEEKS = 52
"""The sparkline shows at most a year, so it fits a terminal (``--json`` has every week)."""


def bar(value: float, *, maximum: float, width: int = _BAR_WIDTH) -> str:
    """A horizontal bar of ``width`` cells at most, in eighths of a cell."""
    if maximum <= 0 or value <= 0:
        return ""
    eighths = round(min(value / maximum, 1.0) * width * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + (" ▏▎▍▌▋▊▉"[rest] if rest else "")


def sparkline(values: list[int]) -> str:
    """One character per value, from ▁ (none) to █ (the most)."""
    top = max(values, default=0)
    if top == 0:
        return _SPARKS[0] * len(values)
    return "".join(_SPARKS[round(v / top * (len(_SPARKS) - 1))] for v in values)


def _percent(share: float | None) -> str:
    return "-" if share is None else f"{share:.0%}"


def stats(result: Stats) -> None:
    """The whole report."""
    from rich.table import Table

    console = out()
    funnel = result.funnel
    scope = f"since {result.since.isoformat()}" if result.since else "all time"
    console.print(
        f"[bold]Your applications[/] ({scope}): {plural(funnel.processes, 'process', 'processes')}, "
        f"{plural(funnel.interviews, 'interview')}"
        + (
            f" ({funnel.rounds_per_process:g} {'round' if funnel.rounds_per_process == 1 else 'rounds'}"
            " per process)"
            if funnel.rounds_per_process
            else ""
        )
    )
    if not funnel.interviews:
        console.print("Nothing to count yet. Record an interview with: afterview log")
        return

    console.print("\n[bold]Funnel[/] (share of processes)")
    table = Table(box=None, show_header=False, padding=(0, 1))
    for column in ("label", "bar", "count", "rate"):
        table.add_column(column, no_wrap=True, justify="right" if column in ("count", "rate") else "left")
    for label, count, rate in (
        ("Processes", funnel.processes, 1.0),
        ("Next round", funnel.next_round, funnel.next_round_rate),
        ("Offers", funnel.offers, funnel.offer_rate),
        ("Accepted", funnel.accepted, _share(funnel.accepted, funnel.processes)),
    ):
        table.add_row(label, f"[cyan]{bar(count, maximum=funnel.processes)}[/]", str(count), _percent(rate))
    console.print(table)
    ended = ", ".join(f"{n} {status}" for status, n in result.outcomes.items() if n)
    console.print(f"Where they stand: {ended}", style="dim")
    _answers(result)
    _momentum(result)
    _thank_yous(result)
    _weak_questions(result)


def _answers(result: Stats) -> None:
    console = out()
    answers = result.answers
    console.print("\n[bold]Time to an answer[/]")
    if answers.median is None:
        console.print(
            "No answers recorded yet (record one with: afterview outcome ID next-round|offer|rejected)."
        )
    else:
        longest = max(max(answers.days), BENCHMARK_DAYS)
        verdict = (
            "faster than"
            if answers.median < BENCHMARK_DAYS
            else "slower than"
            if answers.median > BENCHMARK_DAYS
            else "the same as"
        )
        unit = "day" if answers.median == 1 else "days"
        console.print(
            f"Median    [cyan]{bar(answers.median, maximum=longest)}[/] {answers.median:g} {unit} "
            f"({len(answers.days)} answered, {verdict} the benchmark)"
        )
        console.print(
            f"Benchmark [dim]{bar(BENCHMARK_DAYS, maximum=longest)}[/] {BENCHMARK_DAYS} days "
            "(average time-to-hire)"
        )
    if answers.waiting_past_benchmark:
        console.print(
            f"[yellow]{answers.waiting_past_benchmark} still waiting after more than "
            f"{BENCHMARK_DAYS} days[/]: consider closing them out and focusing elsewhere."
        )


def _momentum(result: Stats) -> None:
    console = out()
    weeks = result.weeks[-_MAX_WEEKS:]
    counts = [n for _, n in weeks]
    first, last = weeks[0][0], weeks[-1][0]
    console.print("\n[bold]Interviews per week[/] (momentum)")
    console.print(
        f"[cyan]{sparkline(counts)}[/]  {first:%d %b %Y} → week of {last:%d %b}: "
        f"{sum(counts)} in {plural(len(counts), 'week')} ({sum(counts) / len(counts):.1f} a week), "
        f"{counts[-1]} this week"
    )


def _thank_yous(result: Stats) -> None:
    console = out()
    thanks = result.thank_yous
    console.print(f"\n[bold]Thank-you notes within {THANK_YOU_HOURS} hours[/]")
    total = thanks.on_time + thanks.late + thanks.missed
    if total:
        console.print(
            f"[green]{bar(thanks.on_time, maximum=total)}[/] {_percent(thanks.on_time_share)} "
            f"({thanks.on_time} on time, {thanks.late} late, {thanks.missed} not sent)"
        )
    else:
        console.print("None due yet.")


def _weak_questions(result: Stats) -> None:
    console = out()
    if result.weak_questions:
        console.print("\n[bold]Questions you found hard[/] (practise these)")
        for number, question in enumerate(result.weak_questions, start=1):
            times = "once" if question.count == 1 else f"{question.count} times"
            ids = ", ".join(map(str, question.interviews))
            console.print(f"{number}. {_escape(question.question)} [dim]({times}; interview {ids})[/]")


def _escape(text: str) -> str:
    from rich.markup import escape

    from afterview.render.literal import visible

    return escape(visible(text))


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def search_summary(summary: SearchSummary) -> None:
    """The search an accepted offer ended, in one short paragraph for your notes."""
    from rich.text import Text

    weeks = summary.days / 7
    took = f"{summary.days} days" if summary.days < 14 else f"{summary.days} days (about {weeks:.0f} weeks)"
    out().print(Text("Your search", style="bold"))
    out().print(
        literal(
            f"Accepted {summary.company} ({summary.role}) on {summary.accepted_on:%a %d %b %Y}: "
            f"{plural(summary.processes, 'process', 'processes')}, "
            f"{plural(summary.interviews, 'interview')}, {plural(summary.offers, 'offer')}, "
            f"{took} from {summary.started_on:%d %b %Y}."
        )
    )
