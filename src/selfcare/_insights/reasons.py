"""The library's reasons: one builder per :class:`ReasonCode`, used wherever the code is given.

A plan item, a recommendation and a review suggestion explain themselves with the same
builders, so a code carries the same facts (``ReasonCode.facts``) whoever gave it. Texts
are plain sentences a person can read; strategy names inside them start in lower case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from selfcare._core import checks as check
from selfcare._core.describe import minutes_phrase
from selfcare._model.categories import Benefit, Category, Role
from selfcare._model.reasons import Fact, Reason, ReasonCode
from selfcare._model.strategies import Strategy
from selfcare._time.calendar import TimeOfDay, Weekday

if TYPE_CHECKING:  # only in annotations: a plan's reasons need none of these modules
    from selfcare._insights.balance import CategoryBalance
    from selfcare._insights.effects import StrategyEffect
    from selfcare._insights.strain import WorkloadStrain
    from selfcare._insights.support import SupportAdvisory

__all__ = [
    "LOW_RATING",
    "category_balance",
    "done_on",
    "exploration",
    "fits_time",
    "goal",
    "habit_momentum",
    "helped_before",
    "kept_up",
    "low_self_rating",
    "matches_value",
    "neglected_category",
    "not_done",
    "preferred_time",
    "ramp_up",
    "support",
    "variety",
    "went_with_worse",
]

#: A self-rating of a category (1 to 5) at or below this is low enough to say so.
LOW_RATING = 2


def _reason(code: ReasonCode, text: str, **facts: Fact) -> Reason:
    """A reason, its text and text facts shortened to the 200 characters a reason allows."""
    return Reason(
        code, _short(text), {k: _short(v) if isinstance(v, str) else v for k, v in facts.items()}
    )


def _short(text: str) -> str:
    return text if len(text) <= check.MAX_NAME else text[: check.MAX_NAME - 3].rstrip() + "..."


def _and(words: Sequence[str]) -> str:
    """Words as a list in a sentence: ``a``, ``a and b``, ``a, b and c``."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def goal(goals: Sequence[Benefit]) -> Reason:
    """It serves goals the person chose (at least one), in the order of :class:`Benefit`.

    Example:
        >>> goal([Benefit.COPING_SKILLS]).facts["goals"]
        'coping-skills'
    """
    ordered = sorted(goals, key=list(Benefit).index)
    labels = _and([b.label for b in ordered])
    return _reason(
        ReasonCode.GOAL,
        f"serves your goal{'s' if len(ordered) > 1 else ''}: {labels}",
        goals=", ".join(b.value for b in ordered),
        goals_matched=len(ordered),
    )


def neglected_category(balance: CategoryBalance, category: Category) -> Reason:
    """The category was practised on few of the days the balance looked at."""
    days = balance.days.get(category, 0)
    window = balance.period.days if balance.period else 0
    return _reason(
        ReasonCode.NEGLECTED_CATEGORY,
        f"your {category.label} care has been low lately: practised on {days} of the last "
        f"{window} days",
        category=category.value,
        days_practised=days,
        window_days=window,
        days_reflected=balance.days_reflected,
    )


def low_self_rating(category: Category, rating: float) -> Reason:
    """The person rated their care in the category low (1 to 5)."""
    shown = round(rating, 1)
    return _reason(
        ReasonCode.LOW_SELF_RATING,
        f"you rated your {category.label} care {shown:g} of 5",
        category=category.value,
        self_rating=shown,
    )


def category_balance(category: Category) -> Reason:
    """It adds a category of care the rest does not cover."""
    return _reason(
        ReasonCode.CATEGORY_BALANCE,
        f"adds {category.label} care, for balance across the areas of self-care",
        category=category.value,
    )


def fits_time(
    strategy: Strategy, minutes: int, available: int, days: Sequence[Weekday] | None = None
) -> Reason:
    """It fits the time available: on the given weekdays of a plan, or today when none.

    Args:
        strategy: the strategy.
        minutes: the minutes it is given (its usual length, or less in a plan).
        available: the minutes available (the smallest budget of those days, or left today).
        days: the weekdays a plan sets it on; ``None`` for today.
    """
    if days is None:
        left = minutes_phrase(available)
        text = f"fits the {left} you have left today (it takes about {minutes})"
    else:
        shorter = (
            f" (a shorter version of its usual {strategy.minutes})"
            if minutes < strategy.minutes
            else ""
        )
        on = _and([day.name.title()[:3] for day in days])
        text = f"{minutes_phrase(minutes)}{shorter} on {on} fits the time you have"
    return _reason(
        ReasonCode.FITS_TIME,
        text,
        minutes=minutes,
        usual_minutes=strategy.minutes,
        minutes_available=available,
    )


def preferred_time(part: TimeOfDay, at: dt.time | None = None) -> Reason:
    """It is set at (or suits now, when ``at`` is ``None``) a part of the day the person likes."""
    text = (
        f"suits the {part.value}, a time of day you prefer"
        if at is None
        else f"set at {at.strftime('%H:%M')}, in the {part.value} you prefer"
    )
    return _reason(ReasonCode.PREFERRED_TIME, text, time_of_day=part.value)


def matches_value(values: Sequence[str]) -> Reason:
    """Its tags match values the person holds (at least one)."""
    ordered = sorted(values)
    return _reason(
        ReasonCode.MATCHES_VALUE,
        f"matches what you value: {_and(ordered)}",
        values=", ".join(ordered),
        values_matched=len(ordered),
    )


def ramp_up(week: int) -> Reason:
    """It starts in a later week of the plan, so new habits build up gently."""
    return _reason(
        ReasonCode.RAMP_UP, f"starts in week {week}, so new habits build up gently", week=week
    )


def helped_before(effect: StrategyEffect, name: str) -> Reason:
    """The person's ratings were better on days they practised it."""
    return _reason(ReasonCode.HELPED_BEFORE, effect.describe(name), **effect.facts())


def went_with_worse(effect: StrategyEffect, name: str) -> Reason:
    """The person's ratings were worse on days they practised it."""
    return _reason(ReasonCode.WENT_WITH_WORSE, effect.describe(name), **effect.facts())


def done_on(done: int, planned: int) -> str:
    """How many of the planned days it was done on, in words.

    Example:
        >>> done_on(3, 7), done_on(1, 1), done_on(0, 1), done_on(0, 4)
        ('done on 3 of the 7 days planned', 'done on the one day planned', 'not done on the one day planned', 'not done on any of the 4 days planned')
    """  # noqa: E501
    if planned == 1:
        return f"{'done' if done else 'not done'} on the one day planned"
    if not done:
        return f"not done on any of the {planned} days planned"
    return f"done on {done} of the {planned} days planned"


def not_done(planned_days: int, replacement: Strategy | None) -> Reason:
    """It was not done on any of the days planned so far; a gentler one may take its place."""
    from selfcare._insights.effects import display_name

    text = f"{done_on(0, planned_days)} so far"
    if replacement is None:
        text += "; nothing gentler fits its place"
    else:
        text += (
            f"; {display_name(replacement.name)} asks less ({replacement.effort.value} effort, "
            f"{minutes_phrase(replacement.minutes)})"
        )
    return _reason(ReasonCode.NOT_DONE, text, planned_days=planned_days, done_days=0)


def kept_up(planned_days: int, done_days: int) -> Reason:
    """It was done on most of the days planned so far."""
    return _reason(
        ReasonCode.KEPT_UP,
        done_on(done_days, planned_days),
        planned_days=planned_days,
        done_days=done_days,
    )


def habit_momentum(strength: float, streak: int) -> Reason:
    """It is a habit with momentum: strength from 0 to 1, and the current streak in days.

    The strength is shown as :attr:`HabitStrength.percent <selfcare.HabitStrength.percent>`
    shows it, and its fact is that figure over 100, so the words, the fact and any view of
    the habit agree.

    Example:
        >>> reason = habit_momentum(0.4, 3)
        >>> reason.text, reason.facts["habit_strength"]
        ('keeps a habit going: strength 40 of 100, 3 days in a row', 0.4)
    """
    percent = round(strength * 100)  # as HabitStrength.percent
    row = f", {streak} days in a row" if streak >= 2 else ""
    return _reason(
        ReasonCode.HABIT_MOMENTUM,
        f"keeps a habit going: strength {percent} of 100{row}",
        habit_strength=percent / 100,
        current_streak=streak,
    )


def variety(recent_days: int) -> Reason:
    """It was not practised in the last few days."""
    return _reason(
        ReasonCode.VARIETY,
        f"adds variety: not practised in the last {recent_days} days",
        recent_days=recent_days,
    )


def exploration(days_practised: int, sampled_effect: float) -> Reason:
    """Exploring favoured it, to learn whether it helps."""
    so_far = (
        "you have not logged it yet"
        if not days_practised
        else f"practised on {days_practised} day{'' if days_practised == 1 else 's'} so far"
    )
    return _reason(
        ReasonCode.EXPLORATION,
        f"worth a try, to learn whether it helps you: {so_far}",
        days_practised=days_practised,
        sampled_effect=round(sampled_effect, 2),
    )


def support(advisory: SupportAdvisory, role: Role) -> Reason:
    """Support is advised, so a gentle option is offered beside the advice to reach out."""
    who = (
        "your supervisor, your own therapist or someone you trust"
        if role is Role.THERAPIST
        else "your therapist or someone you trust"
    )
    return _reason(
        ReasonCode.SUPPORT,
        f"a gentle option for now; reaching out to {who} is advised",
        **advisory.facts(),
    )


def workload_strain(strain: WorkloadStrain) -> Reason:
    """The therapist's weeks show strain, and this strategy helps prevent burnout."""
    return _reason(
        ReasonCode.WORKLOAD_STRAIN,
        f"your weeks show {strain.level.value} strain, worth looking at with your supervisor; "
        "this helps you recover",
        strain_level=strain.level.value,
        signs=", ".join(sorted(s.sign.value for s in strain.signals)),
        working_days=strain.working_days,
    )


def core_practice(strategy: Strategy) -> Reason:
    """It is one of a therapist's core practices, as the source text puts them."""
    kept = [b for b in Benefit if b in strategy.benefits and b in _CORE_BENEFITS] or [
        Benefit.PREVENTS_BURNOUT
    ]
    return _reason(
        ReasonCode.CORE_PRACTICE,
        f"a core part of a therapist's self-care: {in_sentence(strategy.name)} guards against "
        "burnout and compassion fatigue and keeps practice ethical",
        benefits=", ".join(b.value for b in kept),
    )


def less_often(strategy: Strategy, planned: int) -> Reason:
    """It is planned on fewer days a week than its cadence asks for, to fit the time."""
    usual = usual_days(strategy)
    how = "every day" if usual == 7 else f"{usual} days a week"
    return _reason(
        ReasonCode.LESS_OFTEN,
        f"{planned} day{'' if planned == 1 else 's'} a week rather than its usual {how}, "
        "to fit the time you have",
        usual_per_week=usual,
        planned_per_week=planned,
    )


def alternates(other: Strategy) -> Reason:
    """It takes turns with another strategy week by week, for variety."""
    return _reason(
        ReasonCode.ALTERNATES,
        f"takes turns week by week with {in_sentence(other.name)}, so the weeks are not all "
        "the same",
        alternates_with=other.id,
    )


#: The benefits the source text gives for a therapist's core practices.
_CORE_BENEFITS = frozenset({Benefit.PREVENTS_BURNOUT, Benefit.ETHICAL_PRACTICE})


def usual_days(strategy: Strategy) -> int:
    """The days a week a strategy's cadence asks for (1 for weekly or rarer)."""
    from selfcare._model.strategies import Cadence

    if strategy.cadence is Cadence.DAILY:
        return 7
    if strategy.cadence is not Cadence.TIMES_A_WEEK:
        return 1
    return strategy.times_a_week or 1


def in_sentence(name: str) -> str:
    """A name inside a sentence: ``Daily reflection`` → ``daily reflection`` (not ``ADHD``)."""
    first = name.split(" ", 1)[0]
    return name if first.isupper() and len(first) > 1 else name[:1].lower() + name[1:]
