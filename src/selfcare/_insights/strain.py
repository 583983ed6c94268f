"""A therapist's workload strain: signs in their working weeks, and the ProQOL where given.

Strain here is a set of signs worth looking at with a supervisor, read from the planned
weeks (sessions back to back, lunches and decompression missed, days past working hours,
little time away from clients, weeks without a day off) and, when the app passes them, the
ProQOL 5's burnout and secondary traumatic stress scores. It is never a diagnosis, and it
never says a person is burnt out: it says what the weeks show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from selfcare._core import checks as check
from selfcare._core.frozenmap import FrozenMap, freeze
from selfcare._core.reprs import counted
from selfcare._core.vocabulary import Vocabulary
from selfcare._measures.responses import Score
from selfcare._model.reasons import Fact, check_facts
from selfcare._workday.day import WorkdayWarningCode
from selfcare._workday.week import Workweek

__all__ = ["StrainLevel", "StrainRule", "StrainSign", "StrainSignal", "WorkloadStrain"]


class StrainLevel(Vocabulary):
    """How many signs of strain the weeks show: none, some, or many."""

    LOW = "low"
    RAISED = "raised"
    HIGH = "high"


class StrainSign(Vocabulary):
    """One sign of strain."""

    SESSIONS_IN_A_ROW = "sessions-in-a-row"
    MISSED_LUNCH = "missed-lunch"
    MISSED_DECOMPRESSION = "missed-decompression"
    PAST_HOURS = "past-hours"
    LITTLE_NON_CLIENT_TIME = "little-non-client-time"
    NO_DAY_OFF = "no-day-off"
    PROQOL_BURNOUT = "proqol-burnout"
    PROQOL_SECONDARY_STRESS = "proqol-secondary-stress"


#: The day warning behind each day-by-day sign, and how the sign reads.
_DAY_SIGNS = {
    StrainSign.SESSIONS_IN_A_ROW: (WorkdayWarningCode.BACK_TO_BACK, "sessions back to back"),
    StrainSign.MISSED_LUNCH: (WorkdayWarningCode.NO_LUNCH, "no room for lunch"),
    StrainSign.MISSED_DECOMPRESSION: (
        WorkdayWarningCode.NO_DECOMPRESSION,
        "no time to wind down after the last session",
    ),
    StrainSign.PAST_HOURS: (WorkdayWarningCode.RUNS_PAST_HOURS, "sessions past working hours"),
}


@attrs.frozen
class StrainRule:
    """When the weeks show a sign of strain, and how many signs make it raised or high.

    Attributes:
        share: the share of working days a day-by-day sign must reach (default 0.25: one
            working day in four).
        non_client_share: the least time away from clients (transitions, notes, lunch,
            decompression), as a share of time with them, before a week counts as short of
            it (default 0.2).
        raised_at: how many signs make strain raised (default 1).
        high_at: how many make it high (default 3).

    Example:
        >>> StrainRule().high_at
        3
    """

    share: float = attrs.field(default=0.25)
    non_client_share: float = attrs.field(default=0.2)
    raised_at: int = attrs.field(default=1, validator=check.int_in(1, 8))
    high_at: int = attrs.field(default=3, validator=check.int_in(1, 8))

    def __attrs_post_init__(self) -> None:
        for name in ("share", "non_client_share"):
            value = getattr(self, name)
            check.check_finite(name, value)
            if not 0 < value <= 1:
                raise check.fail(name, "expected a share above 0 and at most 1")
        if self.high_at < self.raised_at:
            raise check.fail("high_at", "expected at least raised_at")


@attrs.frozen
class StrainSignal:
    """One sign of strain, in plain words, with the figures behind it.

    Example:
        >>> s = StrainSignal(StrainSign.MISSED_LUNCH, "no room for lunch on 6 of 20 working "
        ...                  "days", {"days": 6, "working_days": 20})
        >>> s.facts["days"]
        6
    """

    sign: StrainSign = attrs.field(validator=check.member(StrainSign))
    text: str = attrs.field(validator=check.name)
    facts: Mapping[str, Fact] = attrs.field(factory=FrozenMap, converter=freeze)

    def __attrs_post_init__(self) -> None:
        check_facts(self.facts)


@attrs.frozen
class WorkloadStrain:
    """The strain a therapist's weeks show: its level, the signs, and what to do about it.

    Attributes:
        level: low (no sign), raised or high.
        signals: each sign found, with its figures.
        working_days: the days with at least one client session.
        message: what to tell the therapist, in plain words; never a diagnosis.

    Example:
        >>> WorkloadStrain(StrainLevel.LOW, (), 0, "").level.value
        'low'
    """

    level: StrainLevel = attrs.field(validator=check.member(StrainLevel))
    signals: tuple[StrainSignal, ...] = attrs.field(converter=check.to_tuple, repr=counted)
    working_days: int = attrs.field(validator=check.int_in(0, 10**6))
    message: str = attrs.field(validator=check.text)

    @property
    def signs(self) -> frozenset[StrainSign]:
        """The signs found."""
        return frozenset(s.sign for s in self.signals)


def workload_strain(
    weeks: Iterable[Workweek],
    *,
    proqol: Score | None = None,
    rule: StrainRule | None = None,
) -> WorkloadStrain:
    """Read the signs of strain in a therapist's planned weeks (and ProQOL scores, if given).

    Each day-by-day sign counts when it is on at least ``rule.share`` of the working days:
    sessions back to back, no room for lunch, no time to wind down after the last session,
    sessions past working hours. A week counts as short of time away from clients when its
    non-client minutes are under ``rule.non_client_share`` of its client minutes, and the
    sign counts when a quarter of the weeks are; seven days in a row with sessions (a week
    without a day off, across the weeks given) is a sign on its own. With ``proqol`` (the
    ProQOL 5's :class:`Score`), a burnout or secondary traumatic stress score in the high band
    is a sign too. One sign makes strain raised, three high.

    Args:
        weeks: the planned working weeks (:func:`plan_workweek`), a month or so.
        proqol: the therapist's latest ProQOL 5 score, if they filled it in.
        rule: the thresholds (default: :class:`StrainRule` ()).

    Raises:
        ValidationError: an argument is not valid.

    Example:
        >>> import pendulum
        >>> from selfcare import Session, WorkdayRules, plan_workweek
        >>> monday = pendulum.datetime(2026, 3, 2, 8, tz="Europe/London")
        >>> sessions = [Session(monday.add(days=d, hours=h), 60) for d in range(5)
        ...             for h in range(10)]
        >>> week = plan_workweek(sessions, rules=WorkdayRules(), tz="Europe/London",
        ...                      start=datetime.date(2026, 3, 2))
        >>> strain = workload_strain([week])
        >>> strain.level.value, sorted(s.value for s in strain.signs)[:2]
        ('high', ['missed-decompression', 'missed-lunch'])
    """
    given = check.check_list("weeks", weeks, "Workweek values")
    for n, week in enumerate(given):
        if not isinstance(week, Workweek):
            raise check.fail(f"weeks[{n}]", "expected a Workweek, from plan_workweek()")
    if proqol is not None:
        proqol = check.check_instance("proqol", proqol, Score)
        if proqol.instrument != "proqol-5":
            raise check.fail("proqol", "expected a score of the ProQOL 5 (proqol-5)")
    rule = check.instance_or_default("rule", rule, StrainRule, StrainRule)
    days = [day for week in given for day in week.days if day.sessions]
    working = len(days)
    signals = []
    for sign, (code, words) in _DAY_SIGNS.items():
        count = sum(any(w.code is code for w in day.warnings) for day in days)
        if working and count >= rule.share * working:
            text = f"{words} on {count} of {working} working days"
            signals.append(StrainSignal(sign, text, {"days": count, "working_days": working}))
    figures = [f for week in given for f in week.weeks if f.client_minutes]
    short = sum(f.non_client_minutes < rule.non_client_share * f.client_minutes for f in figures)
    if figures and short >= 0.25 * len(figures):
        text = f"little time away from clients in {short} of {len(figures)} weeks"
        facts = {"weeks": short, "weeks_looked_at": len(figures)}
        signals.append(StrainSignal(StrainSign.LITTLE_NON_CLIENT_TIME, text, facts))
    weeks_looked_at = sum(len(week.weeks) for week in given)
    no_day_off = _weeks_without_a_day_off({day.day for day in days})
    if no_day_off:
        text = f"no day off in {no_day_off} of {weeks_looked_at} weeks"
        facts = {"weeks": no_day_off, "weeks_looked_at": weeks_looked_at}
        signals.append(StrainSignal(StrainSign.NO_DAY_OFF, text, facts))
    signals += _proqol_signals(proqol)
    level = (
        StrainLevel.HIGH
        if len(signals) >= rule.high_at
        else StrainLevel.RAISED
        if len(signals) >= rule.raised_at
        else StrainLevel.LOW
    )
    return WorkloadStrain(level, signals, working, _message(level, signals))


def _weeks_without_a_day_off(working: set[dt.date]) -> int:
    """How many whole weeks of days in a row with sessions, across the weeks given."""
    weeks = 0
    for day in working:
        if day - dt.timedelta(days=1) in working:
            continue  # not the first day of a run
        length = 1
        while day + dt.timedelta(days=length) in working:
            length += 1
        weeks += length // 7
    return weeks


def _proqol_signals(proqol: Score | None) -> list[StrainSignal]:
    found: list[StrainSignal] = []
    if proqol is None:
        return found
    for scale, sign, words in (
        ("burnout", StrainSign.PROQOL_BURNOUT, "exhaustion and frustration at work"),
        (
            "secondary-traumatic-stress",
            StrainSign.PROQOL_SECONDARY_STRESS,
            "stress from hearing about clients' trauma",
        ),
    ):
        part = next((s for s in proqol.scales if s.scale == scale), None)
        if part is not None and part.band == "high":
            text = f"ProQOL answers in the high band for {words} ({part.value:g})"
            found.append(StrainSignal(sign, text, {"score": part.value, "scale": scale}))
    return found


def _message(level: StrainLevel, signals: list[StrainSignal]) -> str:
    if not signals:
        return "These weeks show no sign of strain."
    signs = "; ".join(s.text for s in signals)
    many = "A sign" if len(signals) == 1 else "Several signs"
    return (
        f"{many} of strain in these weeks, worth looking at with your supervisor: {signs}. "
        "Supervision or peer consultation, and rest, help; this is not a diagnosis."
    )
