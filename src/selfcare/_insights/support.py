"""The support advisory: when recent reflections suggest reaching out to someone.

The library never diagnoses. The advisory looks only at what the person reported: low mood
on enough of the last days, or a reflection saying they would like support. When either
holds, it says plainly that reaching out to their therapist or a trusted person is advised,
and recommendations leave out strategies that ask a lot of effort.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from selfcare._core import checks as check
from selfcare._insights.days import Day, check_history, collect
from selfcare._model.categories import Effort, Role
from selfcare._model.reflections import Reflection
from selfcare._time.zoned import check_zoned

__all__ = ["DistressRule", "SupportAdvisory", "support_advisory"]


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
class SupportAdvisory:
    """Whether reaching out to a therapist or a trusted person is advised, and why.

    Attributes:
        advised: whether reaching out is advised.
        message: what to tell the person, in plain words ("" when nothing is advised).
        hard_days: days in the window that met the rule.
        days_reflected: days in the window with a reflection.
        wants_support: whether a reflection in the window said the person wants support.
        rule: the rule applied.

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

    def _repr_html_(self) -> str:
        """The advisory as HTML for notebooks: its message, as written, and its figures."""
        from selfcare._display.recommendations import support_html

        return support_html(self)

    def facts(self) -> dict[str, int | str]:
        """The figures behind the advisory, by name, for a reason."""
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
    who = (
        "your supervisor, your own therapist or someone you trust"
        if role is Role.THERAPIST
        else "your therapist or someone you trust"
    )
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
    return (
        f"{why} Reaching out to {who} is advised; you do not have to manage this alone. "
        "If you might be in danger, contact your local emergency number now."
    )


def support_advisory(
    history: Iterable[Reflection],
    *,
    at: dt.datetime,
    rule: DistressRule | None = None,
    role: Role = Role.CLIENT,
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
    stamp = now.timestamp()
    days = collect(r for r in reflections if r.at.timestamp() <= stamp)
    return advisory_of(days, dt.date.toordinal(now), rule, role)
