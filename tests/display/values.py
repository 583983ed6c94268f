"""Realistic values for the HTML view tests, and a small parser to read the views back."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Callable, Iterator
from html.parser import HTMLParser

import attrs
import pendulum

import selfcare
from selfcare import (
    Benefit,
    Boundary,
    Category,
    Contributor,
    Journal,
    Pause,
    PauseKind,
    Period,
    Plan,
    PlanItem,
    Practice,
    Profile,
    Ratings,
    Recurrence,
    Reflection,
    Role,
    Session,
    TimeOfDay,
    WorkdayRules,
    WorkingHours,
)

ZONE = "Europe/London"
START = dt.date(2026, 11, 30)
THERAPIST = Contributor("therapist-1", Role.THERAPIST)
CLIENT = Contributor("client-7", Role.CLIENT)

# Built at run time so that no source line contains them whole.
CANARY = "CANARY-" + "7f3e"
CANARY_REF = "canary-" + "ref-91"
PRIVATE_TEXTS = (CANARY, CANARY_REF)


def client() -> Profile:
    """A client with goals, evening time and no spiritual care."""
    return Profile(
        role=Role.CLIENT,
        timezone=ZONE,
        daily_minutes=40,
        goals={Benefit.COPING_SKILLS, Benefit.PERSONAL_RESPONSIBILITY},
        preferred_times={TimeOfDay.EVENING},
        excluded_categories={Category.SPIRITUAL},
    )


def plan() -> Plan:
    """A generated plan, agreed in session (with a private reason) and activated."""
    draft = selfcare.generate_plan(client(), start=START, seed=3)
    return draft.revise(
        by=THERAPIST,
        at=pendulum.datetime(2026, 11, 28, 15, tz=ZONE),
        reason=f"agreed in session {CANARY}",
        add=[PlanItem("reading-and-learning", Recurrence.times_per_week(2), 20)],
        boundaries=[
            Boundary.no_contact_after(dt.time(19), description="phone off after seven"),
            Boundary.custom(f"no work email at weekends {CANARY}"),
        ],
    ).activate(by=CLIENT, at=pendulum.datetime(2026, 11, 28, 15, 30, tz=ZONE))


#: The week the rested plan is on holiday, its third.
HOLIDAY = Period(dt.date(2026, 12, 14), dt.date(2026, 12, 20))


def rested_plan() -> Plan:
    """The plan with reminders, a ritual done when one of its two steps is, and a holiday.

    The holiday was added by the client, with a private reason.
    """
    the_plan = plan()
    walk = the_plan.item("short-walk")
    evening = attrs.evolve(the_plan.rituals[0], done_at_least=1, reminders=(10, 60))
    return the_plan.revise(
        by=CLIENT,
        at=pendulum.datetime(2026, 12, 2, 19, tz=ZONE),
        reason=f"reminders help {CANARY}",
        replace=[attrs.evolve(walk, reminders=(10,))],
        rituals=[evening],
    ).pause(
        Pause(HOLIDAY, PauseKind.HOLIDAY),
        by=CLIENT,
        at=pendulum.datetime(2026, 12, 9, 20, tz=ZONE),
        reason=f"away with family {CANARY}",
    )


def rested_adherence() -> selfcare.PlanAdherence:
    """Adherence to the rested plan, the evening ritual's steps done on some days."""
    the_plan = rested_plan()
    found = reflections(the_plan)
    steps = the_plan.rituals[0].strategy_ids
    kept = []
    for n, reflection in enumerate(found):
        extra = [Practice.done(sid) for sid in steps[: n % 3]]
        kept.append(attrs.evolve(reflection, practised=(*reflection.practised, *extra)))
    return selfcare.plan_adherence(the_plan, kept)


def reflections(the_plan: Plan, days: int = 28, seed: int = 11) -> list[Reflection]:
    """Evening check-ins through the plan's four weeks, with private journal text on each."""
    rng = random.Random(seed)
    found = []
    for n in range(days):
        day = START + dt.timedelta(days=n)
        done = [
            Practice.done(item.strategy_id, item.minutes or None)
            for item in the_plan.items
            if day in item.dates(day, day, origin=START)
            and item.strategy_id != "reading-and-learning"
            and rng.random() < 0.67
        ]
        walked = any(p.strategy_id == "short-walk" for p in done)
        found.append(
            Reflection(
                at=pendulum.datetime(day.year, day.month, day.day, 21, tz=ZONE),
                author=Role.CLIENT,
                ratings=Ratings(
                    mood=min(10, max(0, round(rng.gauss(6.5 if walked else 5, 0.8)))),
                    energy=rng.randint(4, 7),
                    stress=rng.randint(3, 6),
                ),
                practised=done,
                journal=Journal(insight=CANARY, gratitude=CANARY, note=CANARY),
            )
        )
    return found


def hard_days() -> list[Reflection]:
    """Five days of low mood ending on 2026-12-18, so support is advised."""
    now = pendulum.datetime(2026, 12, 18, 21, tz=ZONE)
    return [
        Reflection(
            at=now.subtract(days=n),
            author=Role.CLIENT,
            ratings=Ratings(mood=2, energy=3, stress=8),
            journal=Journal(note=CANARY),
        )
        for n in range(5)
    ]


def sessions(day: dt.date = dt.date(2026, 3, 3)) -> list[Session]:
    """A full day of sessions, one booked from New York, each with a private reference."""

    def at(hour: int, minute: int = 0) -> pendulum.DateTime:
        return pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=ZONE)

    return [
        Session(at(8, 30), 50, ref=CANARY_REF),
        Session(at(9, 30), 50, ref="appt-1042"),
        Session(at(10, 30), 50),
        Session(at(11, 30), 50),
        Session(at(12, 30), 50),
        Session(at(14, 30), 50),
        Session(
            pendulum.datetime(day.year, day.month, day.day, 11, tz="America/New_York"),
            75,
            ref=CANARY_REF + "-ny",
        ),
    ]


RULES = WorkdayRules(hours=WorkingHours(dt.time(8, 30), dt.time(18)))


def workday() -> selfcare.Workday:
    """The therapist's Tuesday, with a back-to-back warning."""
    return selfcare.plan_workday(sessions(), rules=RULES, tz=ZONE)


def clocks_change(month: int, day: int) -> selfcare.Workday:
    """Two sessions around 01:00 UTC on a day London's clocks change (29 Mar, 25 Oct 2026)."""
    at = pendulum.datetime(2026, month, day, 0, 10, tz="UTC")
    return selfcare.plan_workday(
        [Session(at, 50, ref=CANARY_REF), Session(at.add(hours=1), 50)],
        rules=WorkdayRules(),
        tz=ZONE,
    )


def spring_workday() -> selfcare.Workday:
    """The clocks go forward at 01:00: the sessions start at 00:10 and 02:10."""
    return clocks_change(3, 29)


def autumn_workday() -> selfcare.Workday:
    """The clocks go back at 02:00: both sessions start at 01:10, an hour apart."""
    return clocks_change(10, 25)


def workweek() -> selfcare.Workweek:
    """A light week then a packed one: recovery is falling."""

    def at(day: int, hour: int) -> pendulum.DateTime:
        return pendulum.datetime(2026, 3, day, hour, tz=ZONE)

    light = [Session(at(d, 10), 50, ref=CANARY_REF) for d in range(2, 7)]
    packed = [Session(at(d, h), 50) for d in range(9, 14) for h in range(9, 16)]
    return selfcare.plan_workweek(light + packed, rules=WorkdayRules(), tz=ZONE)


def recommendations() -> selfcare.RecommendationList:
    """Recommendations after a hard stretch: support is advised."""
    history = reflections(plan(), days=12) + hard_days()
    return selfcare.recommend(
        client(), history=history, at=pendulum.datetime(2026, 12, 18, 21, 30, tz=ZONE)
    )


#: The evening of the plan's last day, when it is reviewed.
REVIEWED_AT = pendulum.datetime(2026, 12, 27, 22, tz=ZONE)


def review() -> selfcare.PlanReview:
    """The review of the plan at the end of its four weeks."""
    the_plan = plan()
    return selfcare.review_plan(the_plan, reflections(the_plan), at=REVIEWED_AT)


def balance() -> selfcare.CategoryBalance:
    """The category balance of the last two weeks of the plan."""
    return selfcare.category_balance(reflections(plan()))


def trend() -> selfcare.WellbeingTrend:
    """Two weeks of ratings, then the hard stretch."""
    return selfcare.wellbeing_trend(reflections(plan(), days=14) + hard_days())


def habit() -> selfcare.HabitStrength:
    """The short walk's habit strength."""
    return selfcare.habit_strength(reflections(plan()), "short-walk")


def streak() -> selfcare.Streak:
    """The short walk's streak."""
    return selfcare.streak(reflections(plan()), "short-walk")


def adherence() -> selfcare.PlanAdherence:
    """Adherence to the plan over its four weeks."""
    the_plan = plan()
    return selfcare.plan_adherence(the_plan, reflections(the_plan))


def effect() -> selfcare.StrategyEffect:
    """The short walk's association with mood."""
    found = selfcare.strategy_effects(reflections(plan()), strategy_ids=["short-walk"])
    return found[0]


def advisory() -> selfcare.SupportAdvisory:
    """An advisory that is on."""
    return selfcare.support_advisory(hard_days(), at=pendulum.datetime(2026, 12, 18, 22, tz=ZONE))


#: Every type with an HTML view, by name, and how to build a realistic value of it.
VALUES: dict[str, Callable[[], object]] = {
    "plan": plan,
    "rested-plan": rested_plan,
    "workday": workday,
    "spring-workday": spring_workday,
    "autumn-workday": autumn_workday,
    "workweek": workweek,
    "recommendations": recommendations,
    "review": review,
    "balance": balance,
    "trend": trend,
    "habit": habit,
    "streak": streak,
    "adherence": adherence,
    "rested-adherence": rested_adherence,
    "effect": effect,
    "advisory": advisory,
}


def view(value: object) -> str:
    """The value's HTML view, as a notebook asks for it."""
    render = getattr(value, "_repr_html_")  # noqa: B009 - as IPython looks it up
    html = render()
    assert isinstance(html, str)
    return html


# Reading a view back


@dataclasses.dataclass
class Node:
    """An element of a parsed view, with its attributes and children."""

    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = dataclasses.field(default_factory=list)

    def text(self) -> str:
        """The text inside the element, entities decoded, attributes left out."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self) -> Iterator[Node]:
        """This element and every element inside it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def find_all(self, tag: str) -> list[Node]:
        """Every element with this tag inside (or at) this one."""
        return [node for node in self.walk() if node.tag == tag]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attributes})
        self.stack[-1].children.append(node)
        self.stack.append(node)

    def handle_startendtag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        self.problems.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if len(self.stack) == 1 or self.stack[-1].tag != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1].tag}>")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def handle_comment(self, data: str) -> None:
        self.problems.append("a comment")

    def handle_decl(self, decl: str) -> None:
        self.problems.append(f"a declaration {decl!r}")

    def handle_pi(self, data: str) -> None:
        self.problems.append("a processing instruction")

    def unknown_decl(self, data: str) -> None:
        self.problems.append("an unknown declaration")


def parse(html: str) -> Node:
    """Parse a view, requiring every element to be closed in order."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    unclosed = [node.tag for node in reader.stack[1:]]
    assert [] == reader.problems
    assert [] == unclosed
    return reader.root
