"""The support advisory: when recent reflections suggest reaching out to someone.

The library never diagnoses. The advisory looks only at what the person reported: low mood
on enough of the last days, a reflection saying they would like support, or, when the app
passes a validated instrument's scores, a recent score at or below a documented level or a
large drop. When any holds, it says plainly that reaching out to their therapist or a
trusted person is advised, and recommendations leave out strategies that ask a lot of effort.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs
import pendulum

from selfcare._core import checks as check
from selfcare._insights.days import Day, check_history, up_to
from selfcare._measures.trend import MeasureTrend
from selfcare._model.categories import Effort, Role
from selfcare._model.reflections import Reflection
from selfcare._time.zoned import check_zoned

__all__ = ["DistressRule", "MeasureRule", "SupportAdvisory", "support_advisory"]


def _optional_rating(_inst: object, attribute: attrs.Attribute[int | None], value: object) -> None:
    if value is not None:
        check.check_int(attribute.name, value, 0, 10)


@attrs.frozen
class DistressRule:
    """When recent reflections count as sustained distress.

    A day is a hard day when its mean mood is at most ``max_mood`` (or, if ``min_stress``
    is set, its mean stress is at least ``min_stress``). Support is advised when at least
    ``min_days`` of the last ``window_days`` days, today included, were hard days, or when a
    reflection in that window says the person wants support. Days without a reflection are
    not hard days: the rule never guesses.

    Attributes:
        max_mood: the highest day mood that counts as low, 0–10 (default 3).
        min_days: how many hard days in the window advise support (default 4).
        window_days: how many days, ending today, to look at (default 7).
        min_stress: the lowest day stress that also counts as a hard day, or ``None``
            (the default) to look at mood alone.
        max_effort: the most effort a recommended strategy may ask while support is
            advised (default medium: high-effort strategies are left out).

    Example:
        >>> rule = DistressRule()
        >>> rule.max_mood, rule.min_days, rule.window_days
        (3, 4, 7)
        >>> DistressRule(min_days=8)
        Traceback (most recent call last):
        ...
        selfcare.errors.ValidationError: min_days: expected at most window_days (7) hard days
    """

    max_mood: int = attrs.field(default=3, validator=check.int_in(0, 10))
    min_days: int = attrs.field(default=4, validator=check.int_in(1, 90))
    window_days: int = attrs.field(default=7, validator=check.int_in(1, 90))
    min_stress: int | None = attrs.field(default=None, validator=_optional_rating)
    max_effort: Effort = attrs.field(default=Effort.MEDIUM, validator=check.member(Effort))

    def __attrs_post_init__(self) -> None:
        if self.min_days > self.window_days:
            raise check.fail(
                "min_days", f"expected at most window_days ({self.window_days}) hard days"
            )


@attrs.frozen
class MeasureRule:
    """When an instrument's recent score advises support: low enough, or dropped enough.

    The default follows the WHO-5's authors: a percentage of 28 or below is a level at which
    further assessment is usually advised, and a drop of 10 points is a meaningful change.
    A score advises support when it was given in the last ``within_days`` days and is at or
    below ``at_most``, or is ``drop`` points or more below the score before it. It is a rule
    for when to suggest reaching out, never a diagnosis.

    Attributes:
        instrument: the instrument's id (default ``"who-5"``).
        scale: the scale looked at (default ``"percentage"``).
        at_most: the score at or below which support is advised, or ``None``.
        drop: the fall from the score before at which support is advised, or ``None``.
        within_days: how recent the score must be, in days (default 14, the WHO-5's period).
        higher_is_better: whether a higher score is better (for a scale of distress, pass
            ``False``: then ``at_most`` reads as "at least" and a rise counts as the drop).

    Example:
        >>> MeasureRule().at_most, MeasureRule().drop
        (28.0, 10.0)
    """

    instrument: str = attrs.field(default="who-5", validator=check.slug)
    scale: str = attrs.field(default="percentage", validator=check.slug)
    at_most: float | None = attrs.field(default=28.0)
    drop: float | None = attrs.field(default=10.0)
    within_days: int = attrs.field(default=14, validator=check.int_in(1, 366))
    higher_is_better: bool = attrs.field(default=True, validator=check.boolean)

    def __attrs_post_init__(self) -> None:
        if self.at_most is not None:
            check.check_finite("at_most", self.at_most)
        if self.drop is not None:
            check.check_finite("drop", self.drop)
            if self.drop <= 0:
                raise check.fail("drop", "expected a number above 0, or None")

    def applies(
        self, trend: MeasureTrend, now: pendulum.DateTime
    ) -> tuple[float, float, bool, float] | None:
        """The trend's latest recent score's instant and value, whether it is low, its fall."""
        if trend.instrument != self.instrument or trend.scale != self.scale:
            return None
        stamp = now.timestamp()
        points = [p for p in trend.points if p.at.timestamp() <= stamp]
        if not points or stamp - points[-1].at.timestamp() > self.within_days * 86400:
            return None
        sign = 1 if self.higher_is_better else -1
        latest = points[-1].value
        low = self.at_most is not None and sign * latest <= sign * self.at_most
        fall = sign * (points[-2].value - latest) if len(points) > 1 else 0.0
        return points[-1].at.timestamp(), latest, low, fall


@attrs.frozen
class SupportAdvisory:
    """Whether reaching out to a therapist or a trusted person is advised, and why.

    Attributes:
        advised: whether reaching out is advised.
        message: what to tell the person, in plain words ("" when nothing is advised).
        hard_days: days in the window that met the rule.
        days_reflected: days in the window with a reflection.
        wants_support: whether a reflection in the window said the person wants support.
        rule: the rule applied.
        measure_low: whether a recent instrument score was at or below the measure rule's
            level.
        measure_dropped: whether it fell by the measure rule's drop or more.
        measure_score: that score, or ``None`` when no recent score was looked at.
        measure_rule: the measure rule applied, or ``None`` when no scores were given.

    Example:
        >>> calm = SupportAdvisory(False, "", 0, 5, False, DistressRule())
        >>> calm.advised, calm.facts()["window_days"]
        (False, 7)
    """

    advised: bool
    message: str
    hard_days: int
    days_reflected: int
    wants_support: bool
    rule: DistressRule
    measure_low: bool = False
    measure_dropped: bool = False
    measure_score: float | None = None
    measure_rule: MeasureRule | None = None

    def _repr_html_(self) -> str:
        """The advisory as HTML for notebooks: its message, as written, and its figures."""
        from selfcare._display.recommendations import support_html

        return support_html(self)

    def facts(self) -> dict[str, int | str]:
        """The figures behind the advisory, by name, for a reason (the ``support`` schema)."""
        return {
            "hard_days": self.hard_days,
            "days_reflected": self.days_reflected,
            "min_days": self.rule.min_days,
            "window_days": self.rule.window_days,
            "max_mood": self.rule.max_mood,
            "wants_support": "yes" if self.wants_support else "no",
        }


def _is_hard(rule: DistressRule, day: Day) -> bool:
    """Whether a merged day counts as a hard day by the rule."""
    mood = day.rating(0)
    if mood is not None and mood <= rule.max_mood:
        return True
    stress = day.rating(2)
    return rule.min_stress is not None and stress is not None and stress >= rule.min_stress


def advisory_of(
    days: Mapping[int, Day], today: int, rule: DistressRule, role: Role
) -> SupportAdvisory:
    """The advisory for the window ending on day ``today`` (internal, validated)."""
    hard = reflected = 0
    wants = False
    for ordinal in range(today - rule.window_days + 1, today + 1):
        day = days.get(ordinal)
        if day is None:
            continue
        reflected += 1
        hard += _is_hard(rule, day)
        wants = wants or day.wants_support
    advised = wants or hard >= rule.min_days
    return SupportAdvisory(
        advised, _message(advised, wants, hard, rule, role), hard, reflected, wants, rule
    )


def _message(advised: bool, wants: bool, hard: int, rule: DistressRule, role: Role) -> str:
    if not advised:
        return ""
    if wants:
        why = "You said you would like some support."
    else:
        low = f"{rule.max_mood} or lower" if rule.max_mood else "0"
        why = (
            f"Your check-ins show a hard stretch: on {hard} of the last {rule.window_days} "
            f"days your mood was {low}"
            + (
                f" or your stress {rule.min_stress} or higher"
                if rule.min_stress is not None
                else ""
            )
            + "."
        )
    return f"{why} {_reach_out(role)}"


def _reach_out(role: Role) -> str:
    who = (
        "your supervisor, your own therapist or someone you trust"
        if role is Role.THERAPIST
        else "your therapist or someone you trust"
    )
    return (
        f"Reaching out to {who} is advised; you do not have to manage this alone. "
        "If you might be in danger, contact your local emergency number now."
    )


def _measure_why(rule: MeasureRule, latest: float, low: bool, fall: float | None) -> str:
    side = "below" if rule.higher_is_better else "above"
    parts = []
    if low and rule.at_most is not None:
        parts.append(f"at or {side} {rule.at_most:g}")
    if fall is not None:
        parts.append(f"{fall:g} points {side} the one before")
    name = _NAMES.get(rule.instrument, rule.instrument)
    return f"Your latest {name} score was {latest:g}, {' and '.join(parts)}."


#: How messages name the shipped instruments.
_NAMES = {"who-5": "WHO-5", "proqol-5": "ProQOL 5", "self-care-check-in": "self-care check-in"}


def with_measures(
    advisory: SupportAdvisory,
    trends: Iterable[MeasureTrend],
    rule: MeasureRule,
    now: pendulum.DateTime,
    role: Role,
) -> SupportAdvisory:
    """The advisory with what recent scores of the rule's instrument add to it."""
    found = [seen for trend in trends if (seen := rule.applies(trend, now)) is not None]
    if not found:
        return attrs.evolve(advisory, measure_rule=rule)
    _, latest, low, fall = max(found)  # the most recent score of any trend given
    dropped = rule.drop is not None and fall >= rule.drop
    message = advisory.message
    if low or dropped:
        why = _measure_why(rule, latest, low, fall if dropped else None)
        message = f"{why} {message}" if message else f"{why} {_reach_out(role)}"
    return attrs.evolve(
        advisory,
        advised=advisory.advised or low or dropped,
        message=message,
        measure_low=low,
        measure_dropped=dropped,
        measure_score=latest,
        measure_rule=rule,
    )


def support_advisory(
    history: Iterable[Reflection],
    *,
    at: dt.datetime,
    rule: DistressRule | None = None,
    role: Role = Role.CLIENT,
    measures: Iterable[MeasureTrend] = (),
    measure_rule: MeasureRule | None = None,
) -> SupportAdvisory:
    """Tell whether recent reflections advise reaching out to a therapist or trusted person.

    This is not a diagnosis or an assessment of risk: it reads only the ratings the person
    gave and whether they asked for support, against a documented rule (by default, mood
    3 or lower on at least 4 of the last 7 days). Apps should show the message as written
    and make reaching out easy.

    Args:
        history: the person's reflections, in any order; those after ``at`` are ignored.
        at: now, as a zoned instant; "today" is its local date in its zone.
        rule: the rule to apply (default: :class:`DistressRule` ()).
        role: who the person is, to word the message (a therapist is pointed to their
            supervisor or their own therapist as well).
        measures: trends of validated instruments' scores (:func:`measure_trend`); the
            one the measure rule names is looked at.
        measure_rule: when a score advises support (default: :class:`MeasureRule` (), the
            WHO-5 at or below 28, or 10 points below the score before, in the last 14 days).

    Returns:
        The advisory, with the figures behind it.

    Raises:
        ValidationError: an argument is not valid.

    Example:
        >>> now = pendulum.datetime(2026, 1, 8, 21, tz="Europe/London")
        >>> low = [Reflection(at=now.subtract(days=n), author=Role.CLIENT,
        ...                   ratings=Ratings(mood=2)) for n in range(4)]
        >>> advice = support_advisory(low, at=now)
        >>> advice.advised, advice.hard_days
        (True, 4)
        >>> "therapist or someone you trust" in advice.message
        True
        >>> support_advisory(low[:3], at=now).advised
        False
    """
    now = check_zoned("at", at)
    reflections = check_history(history)
    rule = check.instance_or_default("rule", rule, DistressRule, DistressRule)
    if not isinstance(role, Role):
        raise check.fail("role", check.expected_member(Role, role))
    advisory = advisory_of(up_to(reflections, now), dt.date.toordinal(now), rule, role)
    trends = check.check_list("measures", measures, "MeasureTrend values")
    for n, trend in enumerate(trends):
        if not isinstance(trend, MeasureTrend):
            raise check.fail(f"measures[{n}]", "expected a MeasureTrend, from measure_trend()")
    chosen = check.instance_or_default("measure_rule", measure_rule, MeasureRule, MeasureRule)
    if not trends and measure_rule is None:
        return advisory
    return with_measures(advisory, trends, chosen, now, role)
