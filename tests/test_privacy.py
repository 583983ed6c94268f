"""Specification of privacy: what a person writes never leaks into a repr or an error."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import sys
import traceback
from collections.abc import Callable
from typing import Any

import pendulum
import pytest

from selfcare import (
    Anchor,
    AnchorKind,
    Boundary,
    BoundaryKind,
    Catalog,
    Category,
    Contributor,
    Frequency,
    Journal,
    Period,
    Plan,
    PlanItem,
    Practice,
    PracticeStatus,
    Profile,
    Prompt,
    Ratings,
    Reason,
    ReasonCode,
    Recurrence,
    Reflection,
    Revision,
    Ritual,
    RitualStep,
    Role,
    Session,
    Strategy,
    UnknownIdError,
    ValidationError,
    Weekday,
    WorkingHours,
)

# Built at run time so that no source line - which a traceback may quote - contains it.
SENTINEL = "SENTINEL-" + "a8f3"
OVERLONG = SENTINEL * (10_001 // len(SENTINEL) + 1)
AT = pendulum.datetime(2026, 12, 3, 21, tz="Europe/London")
BOTH = {Role.CLIENT, Role.THERAPIST}


def wrong(value: object) -> Any:
    """A value of the wrong type, passed on purpose to see it rejected."""
    return value


def strategy(**changes: Any) -> Strategy:
    """A valid strategy with some fields changed."""
    fields: dict[str, Any] = {
        "id": "short-walk",
        "name": "Short walk",
        "category": Category.PHYSICAL,
        "roles": BOTH,
        "minutes": 10,
    }
    return Strategy(**{**fields, **changes})


def ritual(**changes: Any) -> Ritual:
    """A valid ritual with some fields changed."""
    fields: dict[str, Any] = {
        "id": "between-sessions",
        "name": "Transition",
        "steps": [RitualStep("short-walk", 5)],
        "anchor": Anchor.after_each_session(),
        "recurrence": Recurrence.daily(),
        "roles": {Role.THERAPIST},
    }
    return Ritual(**{**fields, **changes})


def reflection(**changes: Any) -> Reflection:
    """A valid reflection with some fields changed."""
    fields: dict[str, Any] = {"at": AT, "author": Role.CLIENT}
    return Reflection(**{**fields, **changes})


def revision(**changes: Any) -> Revision:
    """A valid revision with some fields changed."""
    fields: dict[str, Any] = {"number": 1, "at": AT, "by": "client-7", "reason": "too rushed"}
    return Revision(**{**fields, **changes})


def plan(**changes: Any) -> Plan:
    """A valid plan with some fields changed."""
    fields: dict[str, Any] = {
        "id": "plan-1",
        "role": Role.CLIENT,
        "timezone": "Europe/London",
        "period": Period.weeks_from(dt.date(2026, 11, 30), 4),
        "items": [PlanItem("short-walk", Recurrence.daily(), 10)],
        "contributors": [Contributor("client-7", Role.CLIENT)],
    }
    return Plan(**{**fields, **changes})


def profile(**changes: Any) -> Profile:
    """A valid profile with some fields changed."""
    fields: dict[str, Any] = {"role": Role.CLIENT, "timezone": "Europe/London", "daily_minutes": 30}
    return Profile(**{**fields, **changes})


def shown(value: object) -> str:
    """Everything a value shows of itself: its repr, its str and its format."""
    return "\n".join([repr(value), str(value), f"{value}", f"{value!r}"])


# Private text stays out of repr and str


def private_values() -> list[Any]:
    """Values holding the sentinel in each private text field, and their containers."""
    journal = Journal(insight=SENTINEL, gratitude=SENTINEL, note=SENTINEL)
    walk = strategy(description=SENTINEL)
    transition = ritual(description=SENTINEL)
    boundaries = [
        Boundary.no_contact_after(dt.time(18), description=SENTINEL),
        Boundary.no_contact_on([Weekday.SUNDAY], description=SENTINEL),
        Boundary.gap_after_last_session(30, description=SENTINEL),
        Boundary.custom(SENTINEL),
    ]
    rev = revision(reason=SENTINEL, rituals=[transition], boundaries=boundaries)
    return [
        pytest.param(Journal(insight=SENTINEL), id="journal-insight"),
        pytest.param(Journal(gratitude=SENTINEL), id="journal-gratitude"),
        pytest.param(Journal(note=SENTINEL), id="journal-note"),
        pytest.param(reflection(journal=journal), id="reflection"),
        pytest.param(rev, id="revision"),
        pytest.param(plan(revisions=[rev]), id="plan-with-revision"),
        pytest.param(walk, id="strategy"),
        pytest.param(transition, id="ritual"),
        pytest.param(Catalog(strategies=[walk], rituals=[transition]), id="catalog"),
        *[pytest.param(b, id=f"boundary-{b.kind.value}") for b in boundaries],
        pytest.param(
            plan(rituals=[transition], boundaries=boundaries), id="plan-with-rituals-boundaries"
        ),
    ]


@pytest.mark.parametrize("value", private_values())
def test_private_text_is_not_shown(value: object) -> None:
    """Private text appears in no repr or str of a value or of what contains it."""
    assert SENTINEL not in shown(value)


def test_private_fields_show_whether_they_are_filled() -> None:
    """A journal or revision shows <private> where text was written."""
    assert "<private>" in repr(Journal(note=SENTINEL))
    assert "<private>" in repr(revision(reason=SENTINEL))


@pytest.mark.parametrize(
    "boundary",
    [
        Boundary.custom(SENTINEL),
        Boundary.no_contact_after(dt.time(18), description=SENTINEL),
    ],
    ids=lambda b: b.kind.value,
)
def test_boundary_describe_leaves_out_the_description(boundary: Boundary) -> None:
    """describe() never repeats a boundary's description."""
    assert SENTINEL not in boundary.describe()


# Rejected text stays out of errors


def raised(build: Callable[[], object]) -> BaseException:
    """Run ``build`` and return the exception it raised."""
    try:
        build()
    except BaseException as err:
        return err
    pytest.fail("expected the value to be rejected")


def everything_about(err: BaseException) -> str:
    """All the text an error carries: message, repr, args, problems and full traceback."""
    parts = [str(err), repr(err), *map(repr, err.args), *map(str, err.args)]
    parts.extend(repr(p) for p in getattr(err, "problems", ()))
    parts.extend(traceback.format_exception(err))
    return "\n".join(parts)


S: Any = SENTINEL  # typed Any: the tables pass it where other types belong
ERROR_PATHS: list[Any] = [
    # overlong private and free text
    pytest.param(lambda: Journal(insight=OVERLONG), id="journal-insight-overlong"),
    pytest.param(lambda: Journal(gratitude=OVERLONG), id="journal-gratitude-overlong"),
    pytest.param(lambda: Journal(note=OVERLONG), id="journal-note-overlong"),
    pytest.param(lambda: revision(reason=OVERLONG), id="revision-reason-overlong"),
    pytest.param(lambda: strategy(description=OVERLONG), id="strategy-description-overlong"),
    pytest.param(lambda: ritual(description=OVERLONG), id="ritual-description-overlong"),
    pytest.param(lambda: Boundary.custom(OVERLONG), id="boundary-custom-overlong"),
    pytest.param(
        lambda: Boundary.no_contact_after(dt.time(18), OVERLONG), id="boundary-description-overlong"
    ),
    pytest.param(lambda: strategy(name=OVERLONG), id="strategy-name-overlong"),
    pytest.param(lambda: ritual(name=OVERLONG), id="ritual-name-overlong"),
    pytest.param(lambda: Prompt("p", OVERLONG, BOTH), id="prompt-text-overlong"),
    pytest.param(lambda: Reason(ReasonCode.GOAL, OVERLONG), id="reason-text-overlong"),
    pytest.param(lambda: Reason(ReasonCode.GOAL, "t", {"n": OVERLONG}), id="fact-overlong"),
    # text where an enum belongs
    pytest.param(lambda: strategy(category=S), id="category"),
    pytest.param(lambda: strategy(effort=S), id="effort"),
    pytest.param(lambda: strategy(roles=[S]), id="role-item"),
    pytest.param(lambda: strategy(benefits=[S]), id="benefit-item"),
    pytest.param(lambda: reflection(author=S), id="author"),
    pytest.param(lambda: Practice("short-walk", S), id="practice-status"),
    pytest.param(lambda: Anchor(S), id="anchor-kind"),
    pytest.param(lambda: Boundary(S), id="boundary-kind"),
    pytest.param(lambda: plan(status=S), id="plan-status"),
    pytest.param(lambda: plan(role=S), id="plan-role"),
    pytest.param(lambda: Reason(S, "t"), id="reason-code"),
    pytest.param(lambda: Recurrence(S), id="frequency"),
    pytest.param(lambda: profile(role=S), id="profile-role"),
    pytest.param(lambda: profile(goals=[S]), id="goal-item"),
    pytest.param(lambda: profile(preferred_times=[S]), id="preferred-time-item"),
    pytest.param(lambda: profile(excluded_categories=[S]), id="excluded-category-item"),
    pytest.param(lambda: Prompt("p", "t", BOTH, S), id="prompt-category"),
    pytest.param(lambda: reflection(self_ratings={S: 3}), id="self-rating-key"),
    pytest.param(lambda: profile(daily_minutes={S: 30}), id="budget-key"),
    pytest.param(lambda: Contributor("client-7", S), id="contributor-role"),
    # text where an id belongs
    pytest.param(lambda: strategy(id=S), id="strategy-id"),
    pytest.param(lambda: strategy(id=OVERLONG), id="strategy-id-overlong"),
    pytest.param(lambda: ritual(id=S), id="ritual-id"),
    pytest.param(lambda: RitualStep(S, 5), id="step-strategy-id"),
    pytest.param(lambda: Practice.done(S), id="practice-strategy-id"),
    pytest.param(lambda: Contributor(S, Role.CLIENT), id="contributor-id"),
    pytest.param(lambda: plan(id=S), id="plan-id"),
    pytest.param(lambda: revision(by=S), id="revision-by"),
    pytest.param(lambda: Prompt(S, "t", BOTH), id="prompt-id"),
    pytest.param(lambda: PlanItem(S, Recurrence.daily(), 10), id="plan-item-strategy-id"),
    pytest.param(lambda: strategy(tags=[S]), id="tag"),
    pytest.param(lambda: profile(values=[S]), id="value"),
    pytest.param(lambda: profile(excluded_tags=[S]), id="excluded-tag"),
    pytest.param(lambda: Reason(ReasonCode.GOAL, "t", {S: 1}), id="fact-name"),
    # text where a date, time, zone or zoned instant belongs
    pytest.param(lambda: Period(S, dt.date(2026, 1, 5)), id="period-first"),
    pytest.param(lambda: Period(dt.date(2026, 1, 5), S), id="period-last"),
    pytest.param(lambda: Period.weeks_from(S, 4), id="weeks-from-start"),
    pytest.param(lambda: Recurrence.daily(start=S), id="recurrence-start"),
    pytest.param(lambda: Recurrence.daily(until=S), id="recurrence-until"),
    pytest.param(lambda: Recurrence.daily().with_skipped(S), id="skipped-item"),
    pytest.param(lambda: Recurrence.daily(at=S), id="recurrence-at"),
    pytest.param(lambda: Recurrence.daily(at=[S]), id="recurrence-time-item"),
    pytest.param(lambda: Anchor.at(S), id="anchor-time"),
    pytest.param(lambda: Anchor(AnchorKind.WORKDAY_END, S), id="anchor-time-not-wanted"),
    pytest.param(lambda: WorkingHours(S, dt.time(17)), id="working-hours-start"),
    pytest.param(lambda: WorkingHours(dt.time(9), S), id="working-hours-end"),
    pytest.param(lambda: Boundary.no_contact_after(S), id="boundary-after"),
    pytest.param(lambda: Boundary(BoundaryKind.CUSTOM, after=S, description="c"), id="after-extra"),
    pytest.param(lambda: profile(timezone=S), id="profile-timezone"),
    pytest.param(lambda: profile(timezone="Europe/" + S), id="profile-timezone-like"),
    pytest.param(lambda: plan(timezone=S), id="plan-timezone"),
    pytest.param(lambda: reflection(at=S), id="reflection-at"),
    pytest.param(lambda: revision(at=S), id="revision-at"),
    # text where a collection belongs
    pytest.param(lambda: strategy(roles=S), id="roles"),
    pytest.param(lambda: strategy(tags=S), id="tags"),
    pytest.param(lambda: strategy(benefits=S), id="benefits"),
    pytest.param(lambda: profile(goals=S), id="goals"),
    pytest.param(lambda: profile(values=S), id="values"),
    pytest.param(lambda: profile(daily_minutes=S), id="daily-minutes"),
    pytest.param(lambda: Recurrence.weekly(S), id="weekdays"),
    pytest.param(lambda: Recurrence(Frequency.DAILY, skipped=S), id="skipped"),
    pytest.param(lambda: WorkingHours(dt.time(9), dt.time(17), S), id="working-days"),
    pytest.param(lambda: Boundary(BoundaryKind.NO_CONTACT_ON_DAYS, weekdays=S), id="no-contact"),
    pytest.param(lambda: Boundary.no_contact_on(S), id="no-contact-on"),
    pytest.param(lambda: ritual(steps=S), id="steps"),
    pytest.param(lambda: ritual(roles=S), id="ritual-roles"),
    pytest.param(lambda: plan(items=S), id="plan-items"),
    pytest.param(lambda: plan(contributors=S), id="plan-contributors"),
    pytest.param(lambda: plan(revisions=S), id="plan-revisions"),
    pytest.param(lambda: revision(items=S), id="revision-items"),
    pytest.param(lambda: PlanItem("short-walk", Recurrence.daily(), 10, S), id="reasons"),
    pytest.param(lambda: Catalog(strategies=S), id="catalog-strategies"),
    pytest.param(lambda: Catalog(prompts=S), id="catalog-prompts"),
    pytest.param(lambda: reflection(practised=S), id="practised"),
    pytest.param(lambda: reflection(self_ratings=S), id="self-ratings"),
    pytest.param(lambda: Reason(ReasonCode.GOAL, "t", S), id="facts"),
    # text where a number, a flag or a value object belongs
    pytest.param(lambda: strategy(minutes=S), id="minutes"),
    pytest.param(lambda: Ratings(mood=S), id="mood"),
    pytest.param(lambda: Recurrence.every_n_days(S), id="interval"),
    pytest.param(lambda: Recurrence.times_per_week(S), id="per-week"),
    pytest.param(lambda: Recurrence.daily(count=S), id="count"),
    pytest.param(lambda: Period.weeks_from(dt.date(2026, 1, 5), S), id="weeks"),
    pytest.param(lambda: RitualStep("short-walk", S), id="step-minutes"),
    pytest.param(lambda: Practice("short-walk", PracticeStatus.DONE, S), id="practice-minutes"),
    pytest.param(lambda: revision(number=S), id="revision-number"),
    pytest.param(lambda: Boundary.gap_after_last_session(S), id="gap-minutes"),
    pytest.param(lambda: reflection(self_ratings={Category.PHYSICAL: S}), id="self-rating"),
    pytest.param(lambda: profile(daily_minutes=[S] * 7), id="budget-item"),
    pytest.param(lambda: profile(daily_minutes={Weekday.MONDAY: S}), id="budget-value"),
    pytest.param(lambda: Reason(ReasonCode.GOAL, "t", wrong({"n": [S]})), id="fact-value"),
    pytest.param(lambda: reflection(wants_support=S), id="wants-support"),
    pytest.param(lambda: profile(spiritual=S), id="spiritual"),
    pytest.param(lambda: reflection(ratings=S), id="ratings"),
    pytest.param(lambda: reflection(journal=S), id="journal"),
    pytest.param(lambda: ritual(anchor=S), id="anchor"),
    pytest.param(lambda: ritual(recurrence=S), id="recurrence"),
    pytest.param(lambda: plan(period=S), id="period"),
    pytest.param(lambda: profile(working_hours=S), id="working-hours"),
    pytest.param(lambda: PlanItem("short-walk", S, 10), id="plan-item-recurrence"),
]


@pytest.mark.parametrize("build", ERROR_PATHS)
def test_rejected_text_is_not_echoed(build: Callable[[], object]) -> None:
    """A rejected value is described, never quoted: no message, arg or traceback holds it."""
    err = raised(build)
    assert isinstance(err, ValidationError)
    assert SENTINEL not in everything_about(err)


def test_the_checks_are_not_vacuous() -> None:
    """The helper does find the sentinel when an error carries it."""
    err = ValueError(f"bad value {SENTINEL!r}")
    assert SENTINEL in everything_about(err)
    assert 10_000 < len(OVERLONG)


@pytest.mark.parametrize("look_up", ["strategy", "ritual", "prompt", "without"])
def test_looking_up_text_that_is_not_an_id_does_not_echo_it(look_up: str) -> None:
    """Looking up free text as an id in a catalog does not repeat the text."""
    catalog = Catalog(strategies=[strategy()])
    err = raised(lambda: getattr(catalog, look_up)(SENTINEL))
    assert isinstance(err, UnknownIdError)
    assert SENTINEL not in everything_about(err)


def _module_state_holds(text: str) -> list[str]:
    """The names of selfcare's module-level containers that hold ``text`` (shallowly)."""
    found = []
    for module_name, module in list(sys.modules.items()):
        if not module_name.startswith("selfcare"):
            continue
        for name, value in vars(module).items():
            held = list(value) if isinstance(value, (set, frozenset, list, tuple)) else []
            if isinstance(value, dict):
                held = [*value, *value.values()]
            if text in held:
                found.append(f"{module_name}.{name}")
    return found


def test_validating_private_text_leaves_no_trace_in_module_state() -> None:
    """Checking a private ref or a journal keeps nothing of it once the value is gone."""
    ref, note = "canary-ref-5d1e", "canary note 5d1e"
    at = pendulum.datetime(2026, 3, 2, 9, tz="Europe/London")
    Session(at, 50, ref=ref)
    Reflection(at=at, author=Role.CLIENT, journal=Journal(note=note))
    assert [] == _module_state_holds(ref) + _module_state_holds(note)
