"""Simulated people: try a recommendation policy out before anyone sees its recommendations.

A :class:`SimulatedPerson` is a profile with planted effects: how many rating points each
strategy adds to the day's mood when done that day, how fast those effects fade, how often
the person does what is offered, and their baseline mood and its day-to-day noise.
:func:`synthetic_population` plants such effects at random, from a seed, for many people;
:func:`simulate` then lets a policy recommend to each person every day, has them do what
was offered (or not) and write a check-in, and feeds the check-ins back into the next day's
recommendation, as the app would. Because the planted effects are known, the simulation can
say what the best choice would have been at each decision, and so how much a policy lost
while it was learning (its regret).

The same arguments always give the same :class:`Simulation`. The randomness of each person's
days does not depend on the policy: on the same seed, each person gets the same mood noise
and the same chance draw for each strategy on each day whatever is offered, so two policies
run on one seed differ only by what they offer (common random numbers), and their regrets
can be compared day by day.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
import pendulum

from selfcare._core import checks as check
from selfcare._core.frozenmap import freeze
from selfcare._core.reprs import counted
from selfcare._insights.recommend.decisions import Decision
from selfcare._insights.recommend.outcomes import Outcome, decision_outcomes
from selfcare._insights.recommend.policies import Policy, check_draws, check_policy
from selfcare._insights.recommend.recommend import recommend
from selfcare._model.builtin_catalog import catalog_or_default
from selfcare._model.catalog import Catalog
from selfcare._model.categories import Benefit, Role
from selfcare._model.profiles import Profile
from selfcare._model.reflections import Practice, PracticeStatus, Ratings, Reflection
from selfcare._time.zoned import FIRST_YEAR, LAST_YEAR, check_zone

__all__ = ["SimulatedPerson", "Simulation", "simulate", "synthetic_population"]

#: The most people :func:`synthetic_population` makes at once.
MAX_PEOPLE = 10_000
#: The most weeks :func:`simulate` runs.
MAX_WEEKS = 52
#: The most strategies :func:`simulate` offers a day.
MAX_OFFERED = 10
#: The largest planted effect, in rating points either way (ratings run from 0 to 10).
MAX_EFFECT = 10.0
#: The hour (local) at which simulated people write their check-in.
EVENING = 21
#: The minutes a day the people of :func:`synthetic_population` have for self-care: room for
#: any single strategy of the built-in catalog meant for clients.
DAILY_MINUTES = 60


_UNIT = check.number_in(0, 1)


def _profile(_inst: object, attribute: Any, value: Any) -> None:
    check.check_instance(attribute.name, value, Profile)


def _effects(_inst: object, attribute: Any, value: Any) -> None:
    if not isinstance(value, Mapping):
        raise check.fail(
            attribute.name,
            "expected a mapping of strategy id to rating points, e.g. {'short-walk': 1.5}, "
            + check.got(value),
        )
    if len(value) > check.MAX_COLLECTION:
        raise check.fail(attribute.name, f"expected at most {check.MAX_COLLECTION} strategies")
    for sid, points in value.items():
        check.check_slug(attribute.name, sid, "a strategy id")
        field = f"{attribute.name}[{sid!r}]"
        check.check_finite(field, points)
        if not -MAX_EFFECT <= points <= MAX_EFFECT:
            raise check.fail(field, f"expected rating points from -10 to 10, {check.got(points)}")


@attrs.frozen
class SimulatedPerson:
    """A made-up person whose response to each strategy is known: planted effects.

    On a simulated day the person's mood is ``baseline``, plus the faded effect of each
    strategy done that day, plus normal noise with spread ``noise``; rounded and kept within
    0 to 10. A strategy offered is done with probability ``adherence``; one not offered is not
    done.

    Attributes:
        id: an id for the person, such as ``"person-007"``.
        profile: the person as :func:`recommend` sees them (role, zone, minutes, goals...).
        effects: the planted effect on the day's mood, in rating points, of each strategy
            when done that day; a strategy left out has no effect (0).
        fade: the share of every effect lost per week since the simulation started, from 0
            to 1: in week ``w`` (the first is 0) an effect is ``effect * (1 - fade) ** w``.
        adherence: the chance of doing each strategy offered, from 0 to 1.
        baseline: the mood on a day with nothing done, before noise, from 0 to 10.
        noise: the spread (standard deviation) of a day's mood noise, in points, from 0
            to 10.

    Example:
        >>> person = SimulatedPerson(
        ...     "person-001",
        ...     Profile(role=Role.CLIENT, timezone="Europe/London", daily_minutes=30),
        ...     effects={"short-walk": 2.0, "one-gratitude": -0.25},
        ...     fade=0.5,
        ... )
        >>> person.effect("short-walk", week=0), person.effect("short-walk", week=2)
        (2.0, 0.5)
        >>> person.effect("news-limits", week=0)
        0.0
        >>> SimulatedPerson("person-001", person.profile, {}, adherence=1.5)
        Traceback (most recent call last):
        ...
        selfcare.errors.ValidationError: adherence: expected a number from 0 to 1, got 1.5
    """

    id: str = attrs.field(validator=check.slug)
    profile: Profile = attrs.field(validator=_profile)
    effects: Mapping[str, float] = attrs.field(converter=freeze, validator=_effects)
    fade: float = attrs.field(default=0.0, validator=_UNIT)
    adherence: float = attrs.field(default=0.7, validator=_UNIT)
    baseline: float = attrs.field(
        default=5.0, validator=check.number_in(0.0, 10.0, "a mood from 0 to 10")
    )
    noise: float = attrs.field(
        default=1.5, validator=check.number_in(0.0, 10.0, "a spread from 0 to 10 rating points")
    )

    def effect(self, strategy_id: str, week: int) -> float:
        """The planted effect of a strategy in a week of the simulation (the first is 0).

        ``effects[strategy_id] * (1 - fade) ** week``, in rating points; 0 for a strategy
        without a planted effect.
        """
        planted = self.effects.get(strategy_id)
        if planted is None:
            return 0.0
        return float(planted) * (1.0 - self.fade) ** week


def _rounded(values: Sequence[float]) -> str:
    return "(" + ", ".join(f"{v:.3g}" for v in values) + ("," if len(values) == 1 else "") + ")"


@attrs.frozen
class Simulation:
    """What happened when a policy recommended to simulated people, and what it cost them.

    Attributes:
        people: the people simulated.
        decisions: per person, in time order, the :class:`Decision` of each day's
            recommendation.
        history: per person, the check-ins the simulation wrote for them, one a day.
        regret: per week, the mean over people of the summed daily expected regret: what
            the best choice among the day's candidates would have added to the mood in
            expectation (``adherence`` times the sum of the ``k`` largest positive effects),
            minus what the strategies offered added in expectation. Never negative; 0 when
            the policy always offered the best.
        value: the mean over all decisions of the expected mood gain of what was offered
            (``adherence`` times the sum of the effects offered), in rating points.

    Example:
        >>> person = SimulatedPerson(
        ...     "person-001",
        ...     Profile(role=Role.CLIENT, timezone="Europe/London", daily_minutes=30),
        ...     effects={})
        >>> run = simulate([person], start=datetime.date(2026, 1, 5), weeks=1, seed=1)
        >>> run
        Simulation(people=<1 value>, decisions=<1 value>, history=<1 value>, regret=(0,),
                   value=0)
        >>> run.weeks, run.total_regret, len(run.decisions[0])
        (1, 0.0, 7)
    """

    people: tuple[SimulatedPerson, ...] = attrs.field(converter=check.to_tuple, repr=counted)
    decisions: tuple[tuple[Decision, ...], ...] = attrs.field(
        converter=check.to_tuple, repr=counted
    )
    history: tuple[tuple[Reflection, ...], ...] = attrs.field(
        converter=check.to_tuple, repr=counted
    )
    regret: tuple[float, ...] = attrs.field(converter=check.to_tuple, repr=_rounded)
    value: float = attrs.field(repr=lambda value: f"{value:.3g}")

    def __attrs_post_init__(self) -> None:
        check.check_list("people", self.people, "simulated people")
        for i, person in enumerate(self.people):
            check.check_instance(f"people[{i}]", person, SimulatedPerson)
        for field in ("decisions", "history"):
            found = check.check_list(field, getattr(self, field), "sequences, one per person")
            if len(found) != len(self.people):
                raise check.fail(
                    field, f"expected one per person ({len(self.people)}), got {len(found)}"
                )
        weeks = check.check_list("regret", self.regret, "numbers, one per week")
        if not 1 <= len(weeks) <= MAX_WEEKS:
            raise check.fail("regret", f"expected 1 to {MAX_WEEKS} weeks, got {len(weeks)}")
        for w, regret in enumerate(weeks):
            check.check_finite(f"regret[{w}]", regret)
        check.check_finite("value", self.value)

    @property
    def weeks(self) -> int:
        """How many weeks were simulated."""
        return len(self.regret)

    @property
    def total_regret(self) -> float:
        """The summed weekly regret: per person, the expected mood points lost in all."""
        return math.fsum(self.regret)

    def log(
        self, outcome: Outcome | str = Outcome.DONE
    ) -> tuple[tuple[Decision, ...], tuple[Mapping[str, float] | None, ...]]:
        """Every decision, person after person, with its outcome: what a study would log.

        The outcomes are :func:`decision_outcomes` of each person's decisions and the
        check-ins the simulation wrote; pass both to :func:`evaluate_policy`.

        Example:
            >>> people = synthetic_population(2, seed=3)
            >>> run = simulate(people, start=datetime.date(2026, 1, 5), weeks=1, seed=3)
            >>> decisions, outcomes = run.log(Outcome.MOOD)
            >>> len(decisions), len(outcomes), all(o is not None for o in outcomes)
            (14, 14, True)
        """
        decisions: list[Decision] = []
        outcomes: list[Mapping[str, float] | None] = []
        for logged, history in zip(self.decisions, self.history, strict=True):
            decisions.extend(logged)
            outcomes.extend(decision_outcomes(logged, history, outcome=outcome))
        return tuple(decisions), tuple(outcomes)

    def observed(self, outcome: Outcome | str = Outcome.DONE) -> float:
        """The mean outcome per decision, over the decisions that have one.

        What the policy simulated achieved, measured the way :func:`evaluate_policy`
        estimates it from another policy's log: with ``Outcome.DONE``, the strategies done
        per offer; with ``Outcome.MOOD`` (one strategy offered a day), the mood after it.

        Example:
            >>> run = simulate(synthetic_population(2, seed=3),
            ...                start=datetime.date(2026, 1, 5), weeks=1, seed=3)
            >>> 0 <= run.observed(Outcome.DONE) <= 1
            True
        """
        found = [math.fsum(o.values()) for o in self.log(outcome)[1] if o is not None]
        if not found:
            raise check.fail("outcome", "expected decisions with an outcome; none has one")
        return math.fsum(found) / len(found)


def synthetic_population(
    n: int,
    catalog: Catalog | None = None,
    *,
    seed: int,
    profile: Profile | None = None,
    helped: float = 0.8,
    fading: float = 0.3,
    timezone: str = "Europe/London",
) -> tuple[SimulatedPerson, ...]:
    """Made-up people with planted effects, drawn from a seed, to simulate on.

    A share ``helped`` of the people (rounded) have effects on a few strategies they are
    eligible for: one to three helpful ones, from 0.5 to 2 rating points, and now and then
    one slightly harmful, from -0.5 to -0.1 points (none when a shared ``profile`` leaves
    no strategy eligible). For the rest nothing helps: they have no effects. A share
    ``fading`` of the people (chosen independently) have effects that fade, losing from 10%
    to 30% a week. Adherence runs from 0.5 to 0.9, the baseline mood from 4 to 6 and the
    noise from 1 to 2 points.

    Args:
        n: how many people, from 1 to 10,000; their ids are ``person-000``, ``person-001``...
        catalog: the strategies the effects are planted on (default:
            :func:`default_catalog`).
        seed: the seed of every draw.
        profile: the profile everyone shares. By default each person is a client in
            ``timezone`` with 60 minutes a day (room for any one strategy of the built-in
            catalog) and one or two goals drawn at random.
        helped: the share of people for whom something helps, from 0 to 1.
        fading: the share of people whose effects fade, from 0 to 1.
        timezone: the zone of the default profiles (not used with ``profile``).

    Returns:
        The people, in id order.

    Raises:
        ValidationError: an argument is not valid.

    Example:
        >>> people = synthetic_population(10, seed=7, helped=0.5)
        >>> len(people), people[3].id, people[3].profile.role
        (10, 'person-003', <Role.CLIENT: 'client'>)
        >>> sum(1 for person in people if person.effects)
        5
        >>> synthetic_population(10, seed=7) == synthetic_population(10, seed=7)
        True
    """
    check.check_int("n", n, 1, MAX_PEOPLE)
    catalog = catalog_or_default(catalog)
    check.check_seed(seed)
    if profile is not None:
        check.check_instance("profile", profile, Profile)
    share_helped = _share("helped", helped)
    share_fading = _share("fading", fading)
    check_zone("timezone", timezone)
    rng = random.Random(seed)
    helped_ids = set(rng.sample(range(n), round(n * share_helped)))
    fading_ids = set(rng.sample(range(n), round(n * share_fading)))
    person_seeds = [rng.getrandbits(64) for _ in range(n)]
    goals = [b for b in Benefit if Role.CLIENT in b.roles]
    width = max(3, len(str(n - 1)))
    eligible: dict[tuple[Any, ...], list[str]] = {}
    people = []
    for i in range(n):
        draw = random.Random(person_seeds[i])
        own = profile
        if own is None:
            own = Profile(
                role=Role.CLIENT,
                timezone=timezone,
                daily_minutes=DAILY_MINUTES,
                goals=draw.sample(goals, draw.randint(1, 2)),
            )
        ids = _eligible_ids(own, catalog, eligible)
        effects = _planted(draw, ids) if i in helped_ids else {}
        people.append(
            SimulatedPerson(
                id=f"person-{i:0{width}d}",
                profile=own,
                effects=effects,
                fade=round(draw.uniform(0.1, 0.3), 2) if i in fading_ids else 0.0,
                adherence=round(draw.uniform(0.5, 0.9), 2),
                baseline=round(draw.uniform(4.0, 6.0), 1),
                noise=round(draw.uniform(1.0, 2.0), 1),
            )
        )
    return tuple(people)


def _share(field: str, value: object) -> float:
    check.check_finite(field, value)
    if not 0 <= value <= 1:  # type: ignore[operator]
        raise check.fail(field, f"expected a share from 0 to 1, {check.got(value)}")
    return float(value)  # type: ignore[arg-type]


def _eligible_ids(
    profile: Profile, catalog: Catalog, cache: dict[tuple[Any, ...], list[str]]
) -> list[str]:
    """The strategies the profile may ever be offered (role, categories, excluded tags)."""
    key = (profile.role, profile.allowed_categories, profile.excluded_tags)
    found = cache.get(key)
    if found is None:
        found = cache[key] = [
            s.id
            for s in catalog.strategies
            if profile.role in s.roles
            and s.category in profile.allowed_categories
            and s.tags.isdisjoint(profile.excluded_tags)
        ]
    return found


def _planted(draw: random.Random, ids: list[str]) -> dict[str, float]:
    """One to three helpful effects and, now and then, one slightly harmful one."""
    if not ids:
        return {}
    chosen = draw.sample(ids, min(len(ids), draw.randint(1, 3) + 1))
    effects = {sid: round(draw.uniform(0.5, 2.0), 2) for sid in chosen[:-1] or chosen}
    if len(chosen) > 1 and draw.random() < 0.3:
        effects[chosen[-1]] = round(draw.uniform(-0.5, -0.1), 2)
    return effects


def simulate(
    people: Iterable[SimulatedPerson],
    policy: Policy | None = None,
    catalog: Catalog | None = None,
    *,
    start: dt.date,
    weeks: int,
    seed: int,
    k: int = 1,
    hour: int = 19,
    draws: int = 200,
) -> Simulation:
    """Let a policy recommend to simulated people every day, and measure what it cost them.

    Each day from ``start`` for ``weeks`` weeks, at ``hour``:00 local time in each person's
    zone, :func:`recommend` offers ``k`` strategies (``log=True``, so every decision is kept),
    given the person's check-ins so far. The person does each strategy offered with
    probability ``adherence``, and at 21:00 (or half an hour after the recommendation, when
    that is 21:00 or later) writes a check-in: a :class:`Reflection` by the profile's role
    with the day's mood and each strategy done. The mood is
    ``baseline + sum(faded effects of what was done) + normal noise``, rounded and kept
    within 0 to 10; an effect fades by ``(1 - fade) ** week``, the first week being 0.

    Regret is measured against the planted effects, in expectation (free of the noise): a
    day's is ``adherence * (best - offered)``, where ``best`` is the sum of the ``k``
    largest positive effects among that decision's candidates and ``offered`` the sum of the
    effects of what was offered. Only candidates count, so what safety keeps out (spiritual
    care without an opt-in, excluded tags, effort while support is advised) is never regretted.

    Every draw comes from ``random.Random(seed)``: each person gets their own stream, and
    each day takes the same draws whatever is offered (the seed of the recommendation, one
    chance draw per catalog strategy and the noise), so on one seed two policies meet the
    same days.

    Each day costs one :func:`recommend` with its decision log, linear in the history: with
    the built-in explorer and ``k=1`` the offer probabilities are exact; otherwise a
    stochastic policy's are estimated from ``draws`` scorings a day.

    Args:
        people: the people, each with a different id.
        policy: what scores the candidates (see :class:`Policy`); by default the built-in
            explorer, ``recommend(explore=True)``, whose decisions are logged as
            ``"thompson"``.
        catalog: the strategies (default: :func:`default_catalog`); it must hold every
            strategy with a planted effect.
        start: the first day.
        weeks: how many weeks, from 1 to 52.
        seed: the seed of every draw.
        k: how many strategies are offered a day, from 1 to 10.
        hour: the local hour of the daily recommendation, from 0 to 23.
        draws: how many seeds a stochastic policy's offer probabilities are estimated from
            when they are not exact (1 to 100,000).

    Returns:
        The decisions, the check-ins, the regret per week and the value of what was offered.

    Raises:
        ValidationError: an argument is not valid, or the policy fails (see
            :func:`recommend`).

    Example:
        >>> profile = Profile(role=Role.CLIENT, timezone="Europe/London", daily_minutes=60)
        >>> people = [SimulatedPerson("person-001", profile, {"short-walk": 2.0}),
        ...           SimulatedPerson("person-002", profile, {"one-gratitude": 1.0})]
        >>> run = simulate(people, start=datetime.date(2026, 1, 5), weeks=1, seed=7)
        >>> run.weeks, len(run.decisions[1]), run.decisions[1][0].policy
        (1, 7, 'thompson')
        >>> run.history[0][0].at
        DateTime(2026, 1, 5, 21, 0, 0, tzinfo=Timezone('Europe/London'))
        >>> run.regret[0] > 0
        True
    """
    crowd = _check_people(people)
    if policy is not None:
        policy = check_policy(policy)
    catalog = catalog_or_default(catalog)
    first = check.check_date("start", start)
    check.check_int("weeks", weeks, 1, MAX_WEEKS)
    earliest, latest = dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31)
    if not earliest <= first <= latest - dt.timedelta(days=7 * weeks - 1):
        raise check.fail(
            "start",
            f"expected the simulated days to lie from {earliest} to {latest}; "
            f"{weeks} weeks from {first} do not",
        )
    check.check_seed(seed)
    check.check_int("k", k, 1, MAX_OFFERED)
    check.check_int("hour", hour, 0, 23)
    check_draws(draws)
    for i, person in enumerate(crowd):
        for sid in person.effects:
            if sid not in catalog:
                raise check.fail(
                    f"people[{i}].effects",
                    f"expected strategies of the catalog; it holds no {sid!r}",
                )
    rng = random.Random(seed)
    streams = [rng.getrandbits(64) for _ in crowd]
    days = [first + dt.timedelta(days=d) for d in range(7 * weeks)]
    positions = {s.id: position for position, s in enumerate(catalog.strategies)}
    runs = [
        _run(person, random.Random(stream), policy, catalog, positions, days, k, hour, draws)
        for person, stream in zip(crowd, streams, strict=True)
    ]
    regret = tuple(math.fsum(run.weekly[w] for run in runs) / len(runs) for w in range(weeks))
    gains = [gain for run in runs for gain in run.gains]
    return Simulation(
        people=tuple(crowd),
        decisions=tuple(tuple(run.decisions) for run in runs),
        history=tuple(tuple(run.history) for run in runs),
        regret=regret,
        value=math.fsum(gains) / len(gains),
    )


def _check_people(people: object) -> list[SimulatedPerson]:
    crowd = check.check_list("people", people, "simulated people")
    if not crowd:
        raise check.fail("people", "expected at least one SimulatedPerson, got none")
    seen: dict[str, int] = {}
    for i, person in enumerate(crowd):
        check.check_instance(f"people[{i}]", person, SimulatedPerson)
        if person.id in seen:
            raise check.fail(
                f"people[{i}].id",
                f"expected a different id for each person; {person.id!r} is also "
                f"people[{seen[person.id]}]'s",
            )
        seen[person.id] = i
    return crowd


@attrs.define
class _Run:
    """One person's simulated days."""

    decisions: list[Decision] = attrs.Factory(list)
    history: list[Reflection] = attrs.Factory(list)
    weekly: list[float] = attrs.Factory(list)
    gains: list[float] = attrs.Factory(list)


def _run(
    person: SimulatedPerson,
    rng: random.Random,
    policy: Policy | None,
    catalog: Catalog,
    positions: Mapping[str, int],
    days: list[dt.date],
    k: int,
    hour: int,
    draws: int,
) -> _Run:
    """Simulate one person's days, each drawing the same numbers whatever is offered."""
    run = _Run()
    profile = person.profile
    size = len(positions)
    evening = (EVENING, 0) if hour < EVENING else (hour, 30)
    for d, day in enumerate(days):
        week = d // 7
        if d % 7 == 0:
            run.weekly.append(0.0)
        day_seed = rng.getrandbits(64)
        chances = [rng.random() for _ in range(size)]
        noise = rng.gauss(0.0, 1.0)
        at = pendulum.datetime(day.year, day.month, day.day, hour, tz=profile.timezone)
        result = recommend(
            profile,
            catalog,
            history=run.history,
            at=at,
            k=k,
            seed=day_seed,
            explore=policy is None,
            policy=policy,
            log=True,
            draws=draws,
        )
        decision = result.decision
        assert decision is not None  # log=True
        run.decisions.append(decision)
        effects = {c.strategy_id: person.effect(c.strategy_id, week) for c in decision.candidates}
        best = sorted((e for e in effects.values() if e > 0), reverse=True)[:k]
        offered = math.fsum(effects[sid] for sid in decision.offered)
        run.weekly[week] += max(0.0, person.adherence * (math.fsum(best) - offered))
        run.gains.append(person.adherence * offered)
        done = [sid for sid in decision.offered if chances[positions[sid]] < person.adherence]
        mood = person.baseline + math.fsum(effects[sid] for sid in done) + person.noise * noise
        run.history.append(
            Reflection(
                at=pendulum.datetime(day.year, day.month, day.day, *evening, tz=profile.timezone),
                author=profile.role,
                ratings=Ratings(mood=min(10, max(0, round(mood)))),
                practised=[Practice(sid, PracticeStatus.DONE) for sid in done],
            )
        )
    return run
