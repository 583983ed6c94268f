"""Specification of plans, their items, contributors and revisions."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import pickle
import zoneinfo
from typing import Any

import attrs
import pendulum
import pytest

from selfcare import (
    Anchor,
    Benefit,
    Boundary,
    Contributor,
    Period,
    Plan,
    PlanItem,
    PlanStatus,
    Reason,
    ReasonCode,
    Recurrence,
    Revision,
    Ritual,
    RitualStep,
    Role,
    UnknownIdError,
    Weekday,
)
from tests.rejection import check_rejected

LONDON = zoneinfo.ZoneInfo("Europe/London")
NOV_30 = dt.date(2026, 11, 30)
THERAPIST = Contributor("therapist-1", Role.THERAPIST)
CLIENT = Contributor("client-7", Role.CLIENT)


def item(strategy_id: str = "short-walk", **changes: Any) -> PlanItem:
    """A valid daily plan item with some fields changed."""
    fields: dict[str, Any] = {
        "strategy_id": strategy_id,
        "recurrence": Recurrence.daily(),
        "minutes": 10,
    }
    return PlanItem(**{**fields, **changes})


def ritual(ritual_id: str = "between-sessions") -> Ritual:
    """A valid therapist ritual."""
    return Ritual(
        id=ritual_id,
        name="Transition between sessions",
        steps=[RitualStep("short-walk", 5)],
        anchor=Anchor.after_each_session(),
        recurrence=Recurrence.daily(),
        roles={Role.THERAPIST},
    )


def revision(number: int = 1, **changes: Any) -> Revision:
    """A valid revision by the client with some fields changed."""
    fields: dict[str, Any] = {
        "number": number,
        "at": pendulum.datetime(2026, 12, 1, 9, tz="Europe/London").add(days=number),
        "by": CLIENT.id,
        "reason": "mornings are too rushed",
    }
    return Revision(**{**fields, **changes})


def plan(**changes: Any) -> Plan:
    """A valid client plan with some fields changed."""
    fields: dict[str, Any] = {
        "id": "plan-1",
        "role": Role.CLIENT,
        "timezone": "Europe/London",
        "period": Period.weeks_from(NOV_30, 4),
        "items": [item()],
        "contributors": [THERAPIST, CLIENT],
    }
    return Plan(**{**fields, **changes})


# PlanItem


@pytest.mark.parametrize(
    ("built", "weekly"),
    [
        pytest.param(item(), 70.0, id="daily"),
        pytest.param(item(recurrence=Recurrence.times_per_week(3)), 30.0, id="three-a-week"),
        pytest.param(
            item(recurrence=Recurrence.daily(at=[dt.time(7), dt.time(21)])), 140.0, id="twice-daily"
        ),
        pytest.param(item(recurrence=Recurrence.every_n_days(2)), 35.0, id="every-other-day"),
        pytest.param(
            item(recurrence=Recurrence.weekly([Weekday.MONDAY, Weekday.THURSDAY], every_weeks=2)),
            10.0,
            id="fortnightly-twice",
        ),
        pytest.param(
            item(minutes=45, recurrence=Recurrence.weekly([Weekday.SATURDAY], at=dt.time(9))),
            45.0,
            id="weekly",
        ),
    ],
)
def test_plan_item_weekly_minutes(built: PlanItem, weekly: float) -> None:
    """weekly_minutes is minutes × times a day × days a week."""
    assert weekly == built.weekly_minutes


def test_plan_item_defaults_and_conversions() -> None:
    """Reasons and pauses default to empty and are stored as tuples."""
    assert () == item().reasons
    assert () == item().pauses
    reason = Reason(ReasonCode.GOAL, "serves your goal")
    pause = Period(dt.date(2026, 12, 24), dt.date(2026, 12, 27))
    built = item(reasons=[reason], pauses=(p for p in [pause]))
    assert (reason,) == built.reasons
    assert (pause,) == built.pauses


@pytest.mark.parametrize(
    ("changes", "field", "stored"),
    [
        pytest.param({"minutes": 1}, "minutes", 1, id="minutes-1"),
        pytest.param({"minutes": 1440}, "minutes", 1440, id="minutes-1440"),
        pytest.param(
            {"reasons": [Reason(ReasonCode.GOAL, "g")] * 50},
            "reasons",
            (Reason(ReasonCode.GOAL, "g"),) * 50,
            id="50-reasons",
        ),
        pytest.param(
            {"pauses": [Period(NOV_30, NOV_30)] * 100},
            "pauses",
            (Period(NOV_30, NOV_30),) * 100,
            id="100-pauses",
        ),
    ],
)
def test_plan_item_accepts_the_edges(changes: dict[str, Any], field: str, stored: object) -> None:
    """The smallest and largest allowed values are accepted and stored."""
    assert stored == getattr(item(**changes), field)


PLAN_ITEM_REJECTED = [
    pytest.param({"strategy_id": "Short Walk"}, "strategy_id", "expected an id", id="bad-id"),
    pytest.param({"strategy_id": None}, "strategy_id", "expected an id", id="none-id"),
    pytest.param({"recurrence": "daily"}, "recurrence", "expected a Recurrence", id="rec-text"),
    pytest.param({"recurrence": None}, "recurrence", "expected a Recurrence", id="rec-none"),
    pytest.param({"minutes": -1}, "minutes", "from 0 to 1440", id="minutes-negative"),
    pytest.param({"minutes": 1441}, "minutes", "from 0 to 1440", id="minutes-1441"),
    pytest.param({"minutes": True}, "minutes", "expected an integer", id="minutes-bool"),
    pytest.param({"minutes": 10.0}, "minutes", "expected an integer", id="minutes-float"),
    pytest.param(
        {"reasons": Reason(ReasonCode.GOAL, "g")},
        "reasons",
        "expected a sequence of Reason",
        id="lone-reason",
    ),
    pytest.param(
        {"reasons": "because"}, "reasons", "expected a sequence of Reason", id="reasons-text"
    ),
    pytest.param(
        {"reasons": ["because"]}, "reasons", "expected a sequence of Reason", id="reason-text"
    ),
    pytest.param(
        {"reasons": [Reason(ReasonCode.GOAL, "g")] * 51},
        "reasons",
        "at most 50 entries, got 51",
        id="51-reasons",
    ),
    pytest.param(
        {"pauses": [(NOV_30, NOV_30)]}, "pauses", "expected a sequence of Period", id="pause-tuple"
    ),
    pytest.param(
        {"pauses": Period(NOV_30, NOV_30)},
        "pauses",
        "expected a sequence of Period",
        id="lone-pause",
    ),
    pytest.param(
        {"pauses": [Period(NOV_30, NOV_30)] * 101},
        "pauses",
        "at most 100 entries, got 101",
        id="101-pauses",
    ),
]


@pytest.mark.parametrize(("changes", "field", "expected"), PLAN_ITEM_REJECTED)
def test_plan_item_rejects(changes: dict[str, Any], field: str, expected: str) -> None:
    """Invalid plan items are rejected naming the field and what was expected."""
    check_rejected(lambda: item(**changes), field, expected)


# Contributor


@pytest.mark.parametrize(
    ("args", "field", "expected"),
    [
        pytest.param(("Dr Smith", Role.THERAPIST), "id", "expected an id", id="real-name"),
        pytest.param(("", Role.THERAPIST), "id", "expected an id", id="empty-id"),
        pytest.param((7, Role.CLIENT), "id", "expected an id", id="int-id"),
        pytest.param(("client-7", "client"), "role", "expected a Role", id="role-text"),
        pytest.param(("client-7", None), "role", "expected a Role", id="role-none"),
    ],
)
def test_contributor_rejects(args: tuple[Any, Any], field: str, expected: str) -> None:
    """A contributor is an app-given slug id and a role."""
    check_rejected(lambda: Contributor(*args), field, expected)


# Revision


def test_revision_keeps_the_plan_before_it() -> None:
    """A revision records who, when and why, and the content as it was before."""
    rev = revision(items=[item()], rituals=[ritual()], goals=[Benefit.RESILIENCE])
    assert 1 == rev.number
    assert CLIENT.id == rev.by
    assert (item(),) == rev.items
    assert (ritual(),) == rev.rituals
    assert () == rev.boundaries
    assert frozenset({Benefit.RESILIENCE}) == rev.goals


def test_revision_at_is_stored_as_a_pendulum_datetime() -> None:
    """A stdlib zoned datetime becomes a pendulum DateTime at the same instant and zone."""
    given = dt.datetime(2026, 12, 3, 10, tzinfo=LONDON)
    rev = revision(at=given)
    assert isinstance(rev.at, pendulum.DateTime)
    assert "Europe/London" == rev.at.timezone_name
    assert given.timestamp() == rev.at.timestamp()


REVISION_REJECTED = [
    pytest.param({"number": 0}, "number", "from 1 to 1000", id="number-0"),
    pytest.param({"number": 1001}, "number", "from 1 to 1000", id="number-1001"),
    pytest.param({"number": True}, "number", "expected an integer", id="number-bool"),
    pytest.param({"number": 1.0}, "number", "expected an integer", id="number-float"),
    pytest.param({"at": dt.datetime(2026, 12, 3, 10)}, "at", "IANA time zone", id="at-naive"),
    pytest.param(
        {"at": dt.datetime(2026, 12, 3, 10, tzinfo=dt.timezone(dt.timedelta(hours=1)))},
        "at",
        "a fixed offset",
        id="at-fixed-offset",
    ),
    pytest.param({"at": "2026-12-03"}, "at", "IANA time zone", id="at-text"),
    pytest.param({"by": "Client 7"}, "by", "expected an id", id="by-bad-slug"),
    pytest.param({"by": None}, "by", "expected an id", id="by-none"),
    pytest.param({"reason": None}, "reason", "expected a string", id="reason-none"),
    pytest.param({"reason": "r" * 10_001}, "reason", "at most 10000", id="reason-10001"),
    pytest.param({"items": item()}, "items", "expected a sequence of PlanItem", id="lone-item"),
    pytest.param({"items": [item(), item()]}, "items", "each strategy once", id="items-repeated"),
    pytest.param(
        {"rituals": [ritual(), ritual()]}, "rituals", "each ritual once", id="rituals-repeated"
    ),
    pytest.param(
        {"boundaries": ["no email"]},
        "boundaries",
        "expected a sequence of Boundary",
        id="boundary-text",
    ),
    pytest.param({"goals": "resilience"}, "goals", "expected a collection", id="goals-lone"),
    pytest.param({"goals": ["resilience"]}, "goals", "expected a Benefit", id="goals-text"),
]


@pytest.mark.parametrize(("changes", "field", "expected"), REVISION_REJECTED)
def test_revision_rejects(changes: dict[str, Any], field: str, expected: str) -> None:
    """Invalid revisions are rejected naming the field and what was expected."""
    check_rejected(lambda: revision(**changes), field, expected)


def test_revision_reason_may_be_empty_or_ten_thousand_characters() -> None:
    """A revision's reason is free text from empty to 10,000 characters."""
    assert "" == revision(reason="").reason
    assert 10_000 == len(revision(reason="r" * 10_000).reason)


# Plan


def test_plan_defaults() -> None:
    """A new plan is a draft at version 1 with no goals, rituals, boundaries or revisions."""
    p = plan()
    assert PlanStatus.DRAFT is p.status
    assert 1 == p.version
    assert frozenset() == p.goals
    assert () == p.rituals
    assert () == p.boundaries
    assert () == p.revisions


def test_plan_version_counts_revisions() -> None:
    """Each revision adds one to the plan's version."""
    assert 3 == plan(revisions=[revision(1), revision(2)]).version


def test_plan_item_lookup() -> None:
    """item() finds the item of a strategy; strategy_ids lists them in order."""
    p = plan(items=[item("short-walk", minutes=10), item("journaling", minutes=5)])
    assert 5 == p.item("journaling").minutes
    assert ("short-walk", "journaling") == p.strategy_ids


def test_plan_item_lookup_of_a_missing_strategy_is_the_librarys_error() -> None:
    """item() raises UnknownIdError (a LookupError) naming the plan's closest items."""
    with pytest.raises(UnknownIdError) as caught:
        plan().item("short-wak")
    assert isinstance(caught.value, LookupError)
    assert "strategy_id" == caught.value.problems[0][0]
    assert "did you mean 'short-walk'?" in str(caught.value)
    with pytest.raises(UnknownIdError) as free_text:
        plan().item("I walked by the sea")
    assert "sea" not in str(free_text.value)


def test_plan_holds_rituals_boundaries_and_goals() -> None:
    """A plan keeps its rituals, boundaries and goals as given."""
    p = plan(
        status=PlanStatus.ACTIVE,
        goals=[Benefit.PREVENTS_BURNOUT],
        rituals=[ritual()],
        boundaries=[Boundary.no_contact_after(dt.time(18))],
    )
    assert PlanStatus.ACTIVE is p.status
    assert frozenset({Benefit.PREVENTS_BURNOUT}) == p.goals
    assert (ritual(),) == p.rituals
    assert (Boundary.no_contact_after(dt.time(18)),) == p.boundaries


def test_revisions_may_share_an_instant() -> None:
    """Two revisions at the same moment are in order."""
    at = pendulum.datetime(2026, 12, 3, 10, tz="Europe/London")
    assert 3 == plan(revisions=[revision(1, at=at), revision(2, at=at)]).version


def test_revisions_compare_instants_across_zones() -> None:
    """Revision order compares instants, even when written in different zones."""
    first = revision(1, at=pendulum.datetime(2026, 12, 3, 10, tz="America/New_York"))
    second = revision(2, at=pendulum.datetime(2026, 12, 3, 16, tz="Europe/London"))
    assert 3 == plan(revisions=[first, second]).version
    check_rejected(
        lambda: plan(
            revisions=[
                first,
                revision(2, at=pendulum.datetime(2026, 12, 3, 14, tz="Europe/London")),
            ]
        ),
        "revisions",
        "dated before the one before it",
    )


PLAN_REJECTED = [
    pytest.param({"id": "Plan 1"}, "id", "expected an id", id="id"),
    pytest.param({"role": "client"}, "role", "expected a Role", id="role"),
    pytest.param({"timezone": "Europe/Nowhere"}, "timezone", "IANA time zone", id="tz"),
    pytest.param({"timezone": "+01:00"}, "timezone", "IANA time zone", id="tz-offset"),
    pytest.param({"timezone": None}, "timezone", "IANA time zone", id="tz-none"),
    pytest.param({"period": (NOV_30, NOV_30)}, "period", "expected a Period", id="period-tuple"),
    pytest.param({"period": None}, "period", "expected a Period", id="period-none"),
    pytest.param({"status": "active"}, "status", "expected a PlanStatus", id="status-text"),
    pytest.param({"goals": "resilience"}, "goals", "expected a collection", id="goals-lone"),
    pytest.param({"items": item()}, "items", "expected a sequence of PlanItem", id="lone-item"),
    pytest.param({"items": "short-walk"}, "items", "expected a sequence", id="items-text"),
    pytest.param(
        {"items": [item(), item(minutes=20)]},
        "items",
        "expected each strategy once, but 'short-walk' appears twice",
        id="items-repeated",
    ),
    pytest.param({"rituals": ritual()}, "rituals", "expected a sequence of Ritual", id="lone"),
    pytest.param(
        {"rituals": [ritual(), ritual()]}, "rituals", "each ritual once", id="rituals-repeated"
    ),
    pytest.param(
        {"boundaries": Boundary.custom("c")},
        "boundaries",
        "expected a sequence of Boundary",
        id="lone-boundary",
    ),
    pytest.param(
        {"contributors": THERAPIST},
        "contributors",
        "expected a sequence of Contributor",
        id="lone-contributor",
    ),
    pytest.param(
        {"contributors": ["therapist-1"]},
        "contributors",
        "expected a sequence of Contributor",
        id="contributor-text",
    ),
    pytest.param(
        {"contributors": [THERAPIST, Contributor("therapist-1", Role.CLIENT)]},
        "contributors",
        "each contributor once",
        id="contributors-repeated",
    ),
    pytest.param(
        {"contributors": [Contributor(f"c-{i}", Role.CLIENT) for i in range(21)]},
        "contributors",
        "at most 20 entries",
        id="21-contributors",
    ),
    pytest.param(
        {"revisions": revision(1)},
        "revisions",
        "expected a sequence of Revision",
        id="lone-revision",
    ),
    pytest.param(
        {"revisions": [revision(2)]}, "revisions", "expected revision 1 next", id="starts-at-2"
    ),
    pytest.param(
        {"revisions": [revision(1), revision(3)]},
        "revisions",
        "expected revision 2 next",
        id="gap",
    ),
    pytest.param(
        {"revisions": [revision(2), revision(1)]},
        "revisions",
        "expected revision 1 next",
        id="out-of-order",
    ),
    pytest.param(
        {"revisions": [revision(1), revision(1)]},
        "revisions",
        "expected revision 2 next",
        id="repeated-number",
    ),
    pytest.param(
        {"revisions": [revision(1, by="someone-else")]},
        "revisions",
        "is by 'someone-else', who is not a contributor",
        id="non-contributor",
    ),
    pytest.param(
        {"contributors": [], "revisions": [revision(1)]},
        "revisions",
        "not a contributor",
        id="no-contributors",
    ),
    pytest.param(
        {
            "revisions": [
                revision(1, at=pendulum.datetime(2026, 12, 5, tz="Europe/London")),
                revision(2, at=pendulum.datetime(2026, 12, 4, tz="Europe/London")),
            ]
        },
        "revisions",
        "revision 2 is dated before the one before it",
        id="dated-before",
    ),
    pytest.param(
        {"period": Period(NOV_30, NOV_30 + dt.timedelta(days=3_640))},
        "period",
        "expected at most 520 weeks (3640 days), the longest a plan runs; got 3641 days",
        id="longer-than-a-plan",
    ),
]


def test_a_plan_may_run_520_weeks() -> None:
    """The longest plan is 520 weeks, as long as the generator and weeks_from make."""
    for period in (
        Period(dt.date(2028, 1, 1), dt.date(2028, 12, 31)),
        Period.weeks_from(NOV_30, 520),
    ):
        assert period == plan(period=period).period


@pytest.mark.parametrize(("changes", "field", "expected"), PLAN_REJECTED)
def test_plan_rejects(changes: dict[str, Any], field: str, expected: str) -> None:
    """Invalid plans are rejected naming the field and what was expected."""
    check_rejected(lambda: plan(**changes), field, expected)


def test_revision_order_uses_instants_in_the_repeated_hour() -> None:
    """A revision an hour before the one before it is rejected, even when clocks go back."""
    first = revision(1, at=dt.datetime(2026, 10, 25, 1, 30, tzinfo=LONDON, fold=1))
    second = revision(2, at=dt.datetime(2026, 10, 25, 1, 30, tzinfo=LONDON, fold=0))
    check_rejected(
        lambda: plan(revisions=[first, second]), "revisions", "dated before the one before it"
    )


def test_twenty_contributors_are_allowed() -> None:
    """A plan may have up to 20 contributors."""
    people = [Contributor(f"c-{i}", Role.CLIENT) for i in range(20)]
    assert 20 == len(plan(contributors=people).contributors)


# Values


def test_plans_compare_and_hash_by_value() -> None:
    """Equal plans are equal and hash alike; item order matters."""
    two = [item("short-walk"), item("journaling")]
    assert plan(items=two) == plan(items=list(two))
    assert hash(plan(items=two)) == hash(plan(items=list(two)))
    assert plan(items=two) != plan(items=list(reversed(two)))


VALUES: list[Any] = [
    item(
        reasons=[Reason(ReasonCode.GOAL, "serves your goal", {"goal": "resilience"})],
        pauses=[Period(dt.date(2026, 12, 24), dt.date(2026, 12, 27))],
    ),
    THERAPIST,
    revision(1, items=[item()], rituals=[ritual()], goals={Benefit.RESILIENCE}),
    plan(
        status=PlanStatus.ACTIVE,
        goals={Benefit.RESILIENCE},
        rituals=[ritual()],
        boundaries=[Boundary.no_contact_on([Weekday.SUNDAY])],
        revisions=[revision(1), revision(2, by=THERAPIST.id)],
    ),
]


@pytest.mark.parametrize("value", VALUES, ids=lambda v: type(v).__name__)
def test_values_pickle(value: object) -> None:
    """Plan items, contributors, revisions and plans survive a pickle round trip."""
    assert value == pickle.loads(pickle.dumps(value))


@pytest.mark.parametrize(
    ("value", "field"),
    [(value, a.name) for value in VALUES for a in attrs.fields(type(value))],
    ids=lambda v: v if isinstance(v, str) else type(v).__name__,
)
def test_values_are_immutable(value: object, field: str) -> None:
    """No field of a plan item, contributor, revision or plan can be reassigned."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(value, field, getattr(value, field))


def test_plan_status_converts_from_text() -> None:
    """Plan statuses are built from their text values."""
    assert [PlanStatus.DRAFT, PlanStatus.ACTIVE, PlanStatus.COMPLETED, PlanStatus.REVOKED] == [
        PlanStatus(text) for text in ("draft", "active", "completed", "revoked")
    ]


def test_check_lists_every_strategy_and_ritual_the_catalog_does_not_hold() -> None:
    """Plan.check finds unknown items, rituals and ritual steps at once, each with its path."""
    odd = Ritual(
        id="odd-ritual",
        name="Odd",
        steps=[RitualStep("short-walk", 5), RitualStep("no-such-step", 5)],
        anchor=Anchor.at(dt.time(21)),
        recurrence=Recurrence.daily(),
        roles={Role.CLIENT},
    )
    bad = plan(items=[PlanItem("short-wlak", Recurrence.daily(), 5)], rituals=[odd])
    with pytest.raises(UnknownIdError) as caught:
        bad.check()
    assert [
        "items[0].strategy_id",
        "rituals[0].steps[1].strategy_id",
        "rituals[0].id",
    ] == [path for path, _ in caught.value.problems]
    plan().check()
