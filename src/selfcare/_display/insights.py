"""The HTML views of insights: category balance, wellbeing trend, habits, streaks, effects."""

from __future__ import annotations

from collections.abc import Sequence

from selfcare._display.html import (
    CATEGORY_COLOURS,
    LINE,
    MUTED,
    Html,
    category_chip,
    el,
    facts_text,
    long_date,
    meter,
    minutes,
    muted,
    page,
    table,
)
from selfcare._insights.balance import CategoryBalance
from selfcare._insights.days import Measure
from selfcare._insights.effects import StrategyEffect
from selfcare._insights.habits import HabitStrength, Streak
from selfcare._insights.trend import WellbeingTrend
from selfcare._model.categories import Category

__all__ = [
    "MEASURE_COLOURS",
    "balance_table",
    "category_balance_html",
    "effect_html",
    "habit_html",
    "streak_html",
    "trend_html",
]

#: The line colour of each measure on the trend chart.
MEASURE_COLOURS = {Measure.MOOD: "#2f6fb0", Measure.ENERGY: "#3f9a5a", Measure.STRESS: "#c4473a"}


def _title(*text: object) -> Html:
    return el("div", text, style="font-weight:600;font-size:15px")


def balance_table(balance: CategoryBalance) -> Html:
    """Days, minutes and self-ratings per category, the neglected ones marked."""
    shown = [
        c
        for c in Category
        if c in balance.days or c in balance.self_ratings or c in balance.neglected
    ]
    if not shown:
        return muted("No reflections to go on.")
    window = balance.period.days if balance.period else 1
    rows = []
    for category in shown:
        days = balance.days.get(category, 0)
        rating = balance.self_ratings.get(category)
        ink, _ = CATEGORY_COLOURS[category]
        rows.append(
            (
                category_chip(category),
                el("span", meter(days / window, ink), f"{days} of {window}"),
                minutes(balance.minutes.get(category, 0)),
                "–" if rating is None else f"{rating:.1f} of 5",
                el("b", "neglected", style="color:#9d2357")
                if category in balance.neglected
                else "",
            )
        )
    return table(["Category", "Days practised", "Minutes", "Self-rating", ""], rows, numeric=(2, 3))


def category_balance_html(balance: CategoryBalance) -> str:
    """A category balance as HTML.

    Example:
        >>> "No reflections" in category_balance_html(category_balance([]))
        True
    """
    if balance.period is None:
        sub = "nothing to look at"
    else:
        sub = (
            f"{long_date(balance.period.first)} to {long_date(balance.period.last)} · "
            f"{balance.days_reflected} days reflected · neglected below {balance.min_days} days"
        )
    return page(
        _title("Category balance"),
        muted(sub),
        balance_table(balance),
        label="Category balance",
    )


def _chart(trend: WellbeingTrend, width: int = 640, height: int = 160) -> Html:
    """An inline SVG of the three rolling means on a 0–10 scale."""
    pad = 24
    total = height + 16  # room for the dates under the chart
    count = len(trend.points)
    step = (width - 2 * pad) / max(1, count - 1)

    def y(value: float) -> float:
        return pad / 2 + (10 - value) / 10 * (height - pad)

    grid = [
        el(
            "line",
            x1=str(pad),
            x2=str(width - pad),
            y1=f"{y(v):.1f}",
            y2=f"{y(v):.1f}",
            stroke=LINE,
            stroke_width="1",
        )
        for v in (0, 5, 10)
    ]
    labels = [
        el("text", str(v), x="2", y=f"{y(v) + 4:.1f}", font_size="10", fill=MUTED)
        for v in (0, 5, 10)
    ]
    lines = []
    for measure, colour in MEASURE_COLOURS.items():
        runs: list[list[str]] = [[]]
        for index, point in enumerate(trend.points):
            value = point.value(measure)
            if value is None:
                runs.append([])
                continue
            runs[-1].append(f"{pad + index * step:.1f},{y(value):.1f}")
        for run in runs:
            if len(run) == 1:
                x, yy = run[0].split(",")
                lines.append(el("circle", cx=x, cy=yy, r="2", fill=colour))
            elif run:
                lines.append(
                    el(
                        "polyline",
                        points=" ".join(run),
                        fill="none",
                        stroke=colour,
                        stroke_width="2",
                    )
                )
    first, last = trend.points[0].day, trend.points[-1].day
    dates = [
        el("text", long_date(first), x=str(pad), y=str(total - 2), font_size="10", fill=MUTED),
        el(
            "text",
            long_date(last),
            x=str(width - pad),
            y=str(total - 2),
            font_size="10",
            fill=MUTED,
            text_anchor="end",
        ),
    ]
    return el(
        "svg",
        grid,
        labels,
        dates,
        lines,
        width=str(width),
        height=str(total),
        viewBox=f"0 0 {width} {total}",
        role="img",
        aria_label="rolling means of mood, energy and stress",
        style="display:block;max-width:100%;height:auto",
    )


def _change(trend: WellbeingTrend, measure: Measure) -> str:
    change = trend.change(measure)
    if change is None:
        return "–"
    shown = round(change, 1)
    better = shown > 0 if measure.higher_is_better else shown < 0
    word = "better" if better else ("worse" if shown else "about the same")
    return f"{shown:+.1f} ({word})"


def trend_html(trend: WellbeingTrend) -> str:
    """A wellbeing trend as HTML: a chart of the rolling means and the latest figures.

    Example:
        >>> "no days" in trend_html(WellbeingTrend(7, ()))
        True
    """
    if not trend.points:
        return page(_title("Wellbeing trend"), muted("no days to show"), label="Wellbeing trend")
    first, last = trend.points[0].day, trend.points[-1].day
    latest = trend.points[-1]
    rows = []
    for measure, colour in MEASURE_COLOURS.items():
        value = latest.value(measure)
        key = el("span", "■ ", style=f"color:{colour}")
        rows.append(
            (
                [
                    key,
                    measure.value,
                    muted(" (lower is better)") if measure is Measure.STRESS else "",
                ],
                "–" if value is None else f"{value:.1f}",
                _change(trend, measure),
            )
        )
    return page(
        _title("Wellbeing trend"),
        muted(
            f"{long_date(first)} to {long_date(last)} · rolling means over "
            f"{trend.window_days} day{'' if trend.window_days == 1 else 's'}"
        ),
        _chart(trend),
        table(
            ["Measure", f"Latest ({long_date(last)})", f"Change over {trend.window_days} days"],
            rows,
            numeric=(1, 2),
        ),
        label="Wellbeing trend",
    )


def _period(first: object, last: object) -> str:
    if first is None or last is None:
        return "nothing counted yet"
    return f"{long_date(first)} to {long_date(last)}"  # type: ignore[arg-type]


def habit_html(habit: HabitStrength) -> str:
    """A habit strength as HTML.

    Example:
        >>> "80 of 100" in habit_html(HabitStrength("short-walk", 0.8, 1, 1, None, None, 0, 0))
        True
    """
    target = (
        "every day"
        if (habit.target_times, habit.target_days) == (1, 1)
        else f"{habit.target_times} time{'' if habit.target_times == 1 else 's'} in "
        f"{habit.target_days} days"
    )
    return page(
        _title("Habit strength: ", habit.strategy_id),
        el(
            "div",
            meter(habit.score, width=200),
            el("b", f"{habit.percent} of 100"),
            style="margin:6px 0",
        ),
        muted(
            f"target {target} · {_period(habit.first, habit.last)} · done on {habit.days_done} "
            f"day{'' if habit.days_done == 1 else 's'}, skipped on {habit.days_skipped}"
        ),
        label=f"Habit strength of {habit.strategy_id}",
    )


def streak_html(streak: Streak) -> str:
    """A streak as HTML.

    Example:
        >>> "3 days" in streak_html(Streak("short-walk", current=3, longest=9, longest_ended=None))
        True
    """
    ended = "" if streak.longest_ended is None else f", ended {long_date(streak.longest_ended)}"
    return page(
        _title("Streak: ", streak.strategy_id),
        table(
            ["Current", "Longest"],
            [(_days(streak.current), [_days(streak.longest), muted(ended)])],
        ),
        label=f"Streak of {streak.strategy_id}",
    )


def _days(count: int) -> Html:
    return el("b", f"{count} day{'' if count == 1 else 's'}")


def effect_cells(effects: Sequence[StrategyEffect]) -> list[tuple[object, ...]]:
    """One row per effect: the sentence, both means and the difference."""
    return [
        (
            effect.describe(),
            f"{effect.mean_with:.1f} ({effect.days_with} days)",
            f"{effect.mean_without:.1f} ({effect.days_without} days)",
            el(
                "span",
                f"{effect.difference:+.1f}",
                style="color:" + ("#1f6f3a" if effect.improvement > 0 else "#9d2357"),
                title=facts_text(effect.facts()),
            ),
        )
        for effect in effects
    ]


def effect_html(effect: StrategyEffect) -> str:
    """A strategy effect as HTML: an association in the person's own data, not a cause.

    Example:
        >>> view = effect_html(StrategyEffect("short-walk", Measure.MOOD, 9, 12, 6.9, 5.5))
        >>> "1.4 points higher" in view
        True
    """
    return page(
        _title("Strategy effect: ", effect.strategy_id, " and ", effect.measure.value),
        table(
            ["What was found", "With", "Without", "Difference"],
            effect_cells([effect]),
            numeric=(1, 2, 3),
        ),
        muted("An association in your own check-ins, not proof that one causes the other."),
        label=f"Effect of {effect.strategy_id} on {effect.measure.value}",
    )
