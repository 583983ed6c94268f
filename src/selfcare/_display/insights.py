"""The HTML views of insights: balance, wellbeing trend, habits, rituals, streaks, effects."""

from __future__ import annotations

from collections.abc import Sequence

from selfcare._display.html import (
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
from selfcare._display.palette import (
    BAD,
    CATEGORY_COLOURS,
    GOOD,
    LINE,
    MEASURE_COLOURS,
    MUTED,
    NEUTRAL,
    Swatch,
)
from selfcare._insights.balance import CategoryBalance
from selfcare._insights.days import Measure
from selfcare._insights.effects import StrategyEffect
from selfcare._insights.habits import HabitStrength, Streak
from selfcare._insights.rituals import RitualHabit
from selfcare._insights.trend import WellbeingTrend
from selfcare._model.categories import Category

__all__ = [
    "balance_table",
    "better_or_worse",
    "category_balance_html",
    "effect_html",
    "habit_html",
    "ritual_habit_html",
    "signed",
    "streak_html",
    "target_text",
    "trend_html",
]


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
        rows.append(
            (
                category_chip(category),
                el(
                    "span",
                    meter(days / window, CATEGORY_COLOURS[category].colour),
                    f"{days} of {window}",
                ),
                minutes(balance.minutes.get(category, 0)),
                "–" if rating is None else f"{rating:.1f} of 5",
                el("b", "neglected", style=f"color:{BAD.on_tint}")
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


def target_text(habit: HabitStrength) -> str:
    """The target a habit strength is measured against, as ``target every day``.

    Example:
        >>> [target_text(HabitStrength("walk", 0.5, n, days, None, None, 0, 0))
        ...  for n, days in ((1, 1), (1, 7), (3, 7), (1, 14), (1, 30), (2, 14), (1, 2))]
        ['target every day', 'target once a week', 'target 3 times a week', 'target once a fortnight', 'target once a month', 'target 2 times in 14 days', 'target 1 time in 2 days']
    """  # noqa: E501
    return _target_words(habit.target_times, habit.target_days)


def _target_words(times: int, days: int) -> str:
    if (times, days) == (1, 1):
        return "target every day"
    if times == 1 and days in _ONCE:
        return f"target once {_ONCE[days]}"
    if days == 7:
        return f"target {times} times a week"
    return f"target {times} time{'' if times == 1 else 's'} in {days} days"


#: A target of once in so many days, in words (a month as habit strength counts it, 30 days).
_ONCE = {7: "a week", 14: "a fortnight", 30: "a month"}


def habit_html(habit: HabitStrength) -> str:
    """A habit strength as HTML.

    Example:
        >>> "80 of 100" in habit_html(HabitStrength("short-walk", 0.8, 1, 1, None, None, 0, 0))
        True
    """
    return page(
        _title("Habit strength: ", habit.strategy_id),
        _strength(habit.score, habit.percent),
        muted(
            f"{target_text(habit)} · {_period(habit.first, habit.last)} · done on "
            f"{habit.days_done} day{'' if habit.days_done == 1 else 's'}, skipped on "
            f"{habit.days_skipped}{_amount(habit)}"
        ),
        label=f"Habit strength of {habit.strategy_id}",
    )


def _strength(score: float, percent: int) -> Html:
    """A habit's strength as a wide meter and ``80 of 100``."""
    return el("div", meter(score, width=200), el("b", f"{percent} of 100"), style="margin:6px 0")


def _amount(habit: HabitStrength) -> str:
    """`` · 340 minutes in all`` for a measured habit, nothing for one that is not."""
    if habit.unit is None or habit.amount is None:
        return ""
    return f" · {habit.amount:,} {habit.unit.value} in all"


def _day_count(count: int) -> str:
    return f"{count} day{'' if count == 1 else 's'}"


def ritual_habit_html(habit: RitualHabit) -> str:
    """A ritual's habit strength as HTML: its strength and streaks, then each step's.

    Example:
        >>> step = HabitStrength("short-walk", 0.8, 1, 1, None, None, 0, 0)
        >>> view = ritual_habit_html(RitualHabit(
        ...     "morning-start", 0.5, 1, 1, None, None, 0, 0, 0, 2, 5, 1, (step,)))
        >>> "50 of 100" in view, "80 of 100" in view, "1 of 1 step" in view
        (True, True, True)
    """
    count = len(habit.steps)
    rows = [
        (
            step.strategy_id,
            el("span", meter(step.score), f"{step.percent} of 100"),
            str(step.days_done),
            str(step.days_skipped),
            "–"
            if step.unit is None or step.amount is None
            else f"{step.amount:,} {step.unit.value}",
        )
        for step in habit.steps
    ]
    return page(
        _title("Ritual: ", habit.ritual_id),
        _strength(habit.score, habit.percent),
        muted(
            f"{_target_words(habit.target_times, habit.target_days)} · "
            f"{_period(habit.first, habit.last)} · done when {habit.steps_needed} of {count} "
            f"step{'' if count == 1 else 's'} are done · done on {_day_count(habit.days_done)}, "
            f"partly on {habit.days_partly}, skipped on {habit.days_skipped}"
        ),
        table(
            ["Current streak", "Longest streak"],
            [(_days(habit.current_streak), _days(habit.longest_streak))],
        ),
        table(
            ["Step", "Strength", "Days done", "Skipped", "Amount"],
            rows,
            numeric=(2, 3, 4),
        ),
        label=f"Habit strength of the ritual {habit.ritual_id}",
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


def signed(difference: float) -> str:
    """A difference in points to one decimal, signed; ``0.0`` when it rounds to nothing.

    Example:
        >>> signed(1.44), signed(-0.62), signed(-0.04)
        ('+1.4', '-0.6', '0.0')
    """
    shown = round(difference, 1)
    return "0.0" if shown == 0 else f"{shown:+.1f}"


def better_or_worse(effect: StrategyEffect) -> Swatch:
    """Green when the ratings were better with the strategy, rose when worse, else grey."""
    shown = round(effect.improvement, 1)
    return GOOD if shown > 0 else BAD if shown < 0 else NEUTRAL


def effect_cells(effects: Sequence[StrategyEffect]) -> list[tuple[object, ...]]:
    """One row per effect: the sentence, both means and the difference."""
    return [
        (
            effect.describe(),
            f"{effect.mean_with:.1f} ({effect.days_with} days)",
            f"{effect.mean_without:.1f} ({effect.days_without} days)",
            el(
                "span",
                signed(effect.difference),
                style=f"color:{better_or_worse(effect).on_tint}",
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
