"""Rests of a whole plan: a holiday, an illness or another break, without penalty."""

from __future__ import annotations

import datetime as dt

import attrs

from selfcare._core import checks as check
from selfcare._core.vocabulary import Vocabulary
from selfcare._time.calendar import Period

__all__ = ["Pause", "PauseKind"]


class PauseKind(Vocabulary):
    """Why a whole plan rests: a holiday, an illness, or another break."""

    HOLIDAY = "holiday"
    ILLNESS = "illness"
    BREAK = "break"


@attrs.frozen
class Pause:
    """Days when the whole plan rests without penalty (a holiday, an illness).

    Nothing is planned on those days, adherence does not count them, and habit strength
    and streaks freeze over them exactly as over a deliberately skipped day. Who paused
    the plan, when and why is the revision that added the pause (see
    :meth:`~selfcare.Plan.pause` and :meth:`~selfcare.Plan.revision_of`).

    Example:
        >>> Pause(Period(datetime.date(2026, 8, 3), datetime.date(2026, 8, 16)), PauseKind.HOLIDAY)
        Pause(period=Period(first=datetime.date(2026, 8, 3), last=datetime.date(2026, 8, 16)), kind=<PauseKind.HOLIDAY: 'holiday'>)
    """  # noqa: E501

    period: Period = attrs.field()
    kind: PauseKind = attrs.field(default=PauseKind.BREAK, validator=check.member(PauseKind))

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.period, Period):
            raise check.fail("period", "expected a Period, e.g. Period(first, last)")

    def covers(self, day: dt.date) -> bool:
        """Tell whether the plan rests on ``day``."""
        return self.period.first <= day <= self.period.last
