"""The ramp and the budget: how many minutes each weekday may hold in each week of a plan.

Week 1 of a generated plan may use at most :data:`RAMP` [0] of each day's minutes, week 2
:data:`RAMP` [1], and week 3 on the whole day. Everything the plan schedules on a day counts:
the items and the rituals at a time of day (a ritual starts in the first week whose share of
the day holds it). Commitments take no minutes. The one exception is an appointment
(supervision, personal therapy) longer than what its day has left: it takes the minutes its
day lacks from the other days of the week, so its day may go over its own minutes while the
other days give way, and the week's total never goes over.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

__all__ = ["RAMP", "Budget", "ramp_cap"]

#: Share of each day's minutes the plan may use in week 1, week 2, and week 3 onwards.
RAMP = (0.5, 0.75, 1.0)


def ramp_cap(stage: int, minutes: int) -> int:
    """The minutes a day with ``minutes`` may hold in ramp stage ``stage`` (0 is week 1)."""
    return int(RAMP[min(stage, len(RAMP) - 1)] * minutes)


@attrs.define
class Budget:
    """Minutes per ramp stage and weekday: what each may hold, and what is used so far.

    ``caps[stage][weekday]`` is what the items may use (rituals already taken out), and
    ``used[stage][weekday]`` what the items started at or before ``stage`` use.
    """

    caps: list[list[int]]
    used: list[list[int]]

    @classmethod
    def of(cls, daily: Sequence[int], stages: int, rituals: Sequence[Sequence[int]]) -> Budget:
        """The budget of a week of ``daily`` minutes, less ``rituals[stage][weekday]``."""
        caps = [[ramp_cap(s, daily[d]) - rituals[s][d] for d in range(7)] for s in range(stages)]
        return cls(caps=caps, used=[[0] * 7 for _ in range(stages)])

    @property
    def last(self) -> int:
        """The last stage: the whole budget."""
        return len(self.caps) - 1

    def free(self, stage: int, day: int) -> int:
        """Minutes still free on a weekday in every stage from ``stage`` on."""
        return min(self.caps[s][day] - self.used[s][day] for s in range(stage, len(self.caps)))

    def fits(self, stage: int, days: Sequence[int], minutes: int) -> bool:
        """Whether ``minutes`` fit on each of ``days`` from ``stage`` on."""
        return all(self.free(stage, d) >= minutes for d in days)

    def fits_the_week(self, stage: int, minutes: int) -> bool:
        """Whether ``minutes`` fit in what is free over the whole week from ``stage`` on."""
        return sum(max(0, self.free(stage, d)) for d in range(7)) >= minutes

    def add(self, stage: int, days: Sequence[int], minutes: int) -> None:
        """Use ``minutes`` on each of ``days`` from ``stage`` on."""
        for s in range(stage, len(self.caps)):
            for d in days:
                self.used[s][d] += minutes

    def borrow(self, stage: int, day: int, minutes: int) -> None:
        """Use ``minutes`` on ``day``, taking what it lacks from the freest other days."""
        own = max(0, min(minutes, self.free(stage, day)))
        self.add(stage, [day], own)
        lacking = minutes - own
        for other in sorted(range(7), key=lambda d: (-self.free(stage, d), d)):
            if lacking <= 0:
                break
            if other == day:
                continue
            taken = min(lacking, max(0, self.free(stage, other)))
            self.add(stage, [other], taken)
            lacking -= taken

    def room(self) -> int:
        """The most minutes any single day still has free once the ramp is over."""
        return max(self.free(self.last, d) for d in range(7))

    def week_room(self) -> int:
        """The minutes still free over the whole week once the ramp is over."""
        return sum(max(0, self.free(self.last, d)) for d in range(7))

    def load(self, days: Sequence[int], minutes: int) -> tuple[float, float]:
        """How full the busiest and the average chosen day would be at full budget."""
        shares = [
            (self.used[self.last][d] + minutes) / max(1, self.caps[self.last][d]) for d in days
        ]
        return max(shares), sum(shares) / len(shares)
