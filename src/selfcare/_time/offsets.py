"""UTC offsets of an IANA zone in integer seconds, and the DST policy for wall-clock times.

Everything here counts seconds from 1970-01-01 00:00: an *instant* ``u`` in UTC, a *wall*
time ``w`` in the zone's local time read as if it were UTC. A zone is a list of transitions
``(instant, offset before, offset after)``; a transition touches the wall times between
``instant + min(offsets)`` and ``instant + max(offsets)`` (a gap or a fold), and nothing else.

The policy (RFC 5545, and the stdlib's ``fold=0``): a wall time keeps its offset from before
any transition that touches it. So a time in a gap moves forward by the length of the gap and
an ambiguous time takes the earlier of its two instants.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from functools import lru_cache
from itertools import compress, count, repeat
from operator import ne

DAY = 86_400
EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
#: More than any UTC offset a zone has ever had (the largest is 15:56:40, local mean time).
MAX_OFFSET = 26 * 3600
#: The first and last days we expand (docs/reference/time.md, "The supported range"), a few
#: days inside the stdlib's range so that every instant we look at, and its local time, can
#: be built as a ``datetime``: a day and its neighbours, and the first moment of the day
#: after the last (where a window given as dates ends), in any zone.
FIRST_DATE = dt.date(1, 1, 5)
LAST_DATE = dt.date(9999, 12, 27)
MIN_ORDINAL = FIRST_DATE.toordinal()
MAX_ORDINAL = LAST_DATE.toordinal()
#: The range, as a message puts it.
DATE_RANGE = f"from {FIRST_DATE} to {LAST_DATE}"
_FIRST_SAMPLE = (dt.date(1, 1, 2).toordinal() - EPOCH_ORDINAL) * DAY
_LAST_SAMPLE = (dt.date(9999, 12, 30).toordinal() - EPOCH_ORDINAL) * DAY
#: Sampling step when looking for transitions. Two changes of offset within one step that
#: cancel out would be missed; the closest pair in the tz database is 95 hours apart
#: (Africa/Freetown, 1939), 167 hours since 1970 (tests/test_dst.py checks every zone).
_STEP = 3 * DAY

Transition = tuple[int, int, int, int, int]
"""``(instant, offset before, offset after, first wall time touched, first one after)``.

In seconds; the wall times ``[instant + min(offsets), instant + max(offsets))`` are the gap
or the fold.
"""


def _seconds(offset: dt.timedelta | None) -> int:
    assert offset is not None
    return offset.days * DAY + offset.seconds


def _scan(tz: zoneinfo.ZoneInfo, first: int, last: int) -> tuple[int, list[Transition]]:
    """The offset at ``first`` and the changes of offset after it, up to ``last``.

    Samples the offset every three days and bisects each change to the second: about 120
    look-ups a year (made in one pass of C calls) and 18 more a transition.
    """
    at = dt.datetime.fromtimestamp
    samples = [*range(first, last, _STEP), last]
    offsets = list(map(dt.datetime.utcoffset, map(at, samples, repeat(tz))))
    found: list[Transition] = []
    for i in compress(count(), map(ne, offsets, offsets[1:])):
        low, low_offset, there, offset_there = (
            samples[i],
            offsets[i],
            samples[i + 1],
            offsets[i + 1],
        )
        while low_offset != offset_there:
            # the first second in (low, there] whose offset differs from low's
            high = there
            while high - low > 1:
                middle = (low + high) // 2
                if at(middle, tz).utcoffset() == low_offset:
                    low = middle
                else:
                    high = middle
            after = at(high, tz).utcoffset()
            before, later = _seconds(low_offset), _seconds(after)
            found.append(
                (high, before, later, high + min(before, later), high + max(before, later))
            )
            low, low_offset = high, after
    return _seconds(offsets[0]), found


def _year_start(year: int) -> int:
    ordinal = dt.date(year, 1, 1).toordinal() if year <= 9999 else dt.date.max.toordinal() + 1
    return (ordinal - EPOCH_ORDINAL) * DAY


def _utc_year(instant: int) -> int:
    return dt.date.fromordinal(EPOCH_ORDINAL + instant // DAY).year


@lru_cache(maxsize=8192)
def year_offsets(key: str, year: int) -> tuple[int, tuple[Transition, ...]]:
    """The offset of zone ``key`` as ``year`` begins (UTC), and its changes up to the next.

    About 150 offset look-ups (a fraction of a millisecond) once per zone-year and process.
    """
    first = max(_year_start(year), _FIRST_SAMPLE)
    last = min(_year_start(year + 1), _LAST_SAMPLE)
    offset, found = _scan(zoneinfo.ZoneInfo(key), first, last)
    return offset, tuple(found)


class Offsets:
    """The offsets of one zone as a call walks forward through local days.

    Made afresh for each call, so nothing outlives the call but :func:`year_offsets`.
    :meth:`seek` prepares a day; afterwards every day whose start ``ld`` satisfies
    ``quiet_from <= ld`` and ``ld + DAY <= quiet_until`` is untouched by any transition and
    has the UTC offset ``offset``, so a walk seeks again only near a transition. Transitions
    are fetched two years at a time; a ``sparse`` walk (days months apart) fetches only the few
    days around each day it seeks.
    """

    __slots__ = (
        "_at",
        "_base",
        "_since",
        "_since_offset",
        "_sparse",
        "_tz",
        "horizon",
        "key",
        "near",
        "offset",
        "quiet_from",
        "quiet_until",
    )

    def __init__(self, key: str, *, sparse: bool = False) -> None:
        self.key = key
        self._tz = zoneinfo.ZoneInfo(key)
        self._sparse = sparse
        self._since = self.horizon = self._since_offset = 0
        #: The transitions known after the start of the region fetched, up to ``horizon``.
        self.near: list[Transition] = []
        self._at = self._base = 0
        self.offset = 0
        self.quiet_from = 1
        self.quiet_until = 0

    def _fetch(self, ld: int) -> None:
        # from four days back, so a walk may start two days before a bound it resolved
        since = ld - 4 * DAY
        if self._sparse:
            # the days around, kept to the instants whose local time exists in every zone
            since, horizon = max(since, _FIRST_SAMPLE), min(ld + 3 * DAY, _LAST_SAMPLE)
            offset, near = _scan(self._tz, since, horizon)
        else:
            # to the end of the next year: one fetch covers a bound, the other and the walk
            last_year = min(_utc_year(ld + 3 * DAY) + 1, 9999)
            horizon = min(_year_start(last_year + 1), _LAST_SAMPLE)
            offset, near = year_offsets(self.key, _utc_year(since))[0], []
            for year in range(_utc_year(since), last_year + 1):
                for transition in year_offsets(self.key, year)[1]:
                    if transition[0] > since:
                        near.append(transition)
                    else:
                        offset = transition[2]
        self._since, self.horizon, self.near, self._since_offset = since, horizon, near, offset

    def cover(self, ld: int) -> int:
        """Make sure the transitions around the local day ``ld`` are known.

        Returns:
            How many of them ended before the day (their gap or fold is over by then).
        """
        if not self._since + 2 * DAY <= ld <= self.horizon - MAX_OFFSET - DAY:
            self._fetch(ld)
        near, at, offset = self.near, 0, self._since_offset
        while at < len(near) and near[at][4] <= ld:
            offset = near[at][2]
            at += 1
        self._at, self._base = at, offset
        return at

    @property
    def before(self) -> int:
        """The UTC offset before the transitions not yet over on the day last covered."""
        return self._base

    def seek(self, ld: int) -> bool:
        """Prepare the local day starting at wall time ``ld``; tell whether it is quiet."""
        at = self.cover(ld)
        near = self.near
        next_touch = near[at][3] if at < len(near) else None
        if next_touch is not None and next_touch < ld + DAY:
            self.quiet_from, self.quiet_until = 1, 0  # touched: no day is quiet until a seek
            return False
        self.offset, self.quiet_from = self._base, ld
        end = self.horizon - MAX_OFFSET
        self.quiet_until = end if next_touch is None else min(end, next_touch)
        return True

    def resolve(self, wall: int) -> tuple[int, int, int]:
        """Apply the policy to a wall time of the day last sought: ``(instant, wall, fold)``.

        The returned wall time differs from the one given only inside a gap.
        """
        near = self.near[self._at :]
        offset = self._base
        for transition in near:
            if wall < transition[4]:
                break
            offset = transition[2]
        moment = wall - offset
        current, latest = self._base, None
        for transition in near:
            if transition[0] > moment:
                break
            current, latest = transition[2], transition
        shown = moment + current
        fold = int(latest is not None and latest[1] > latest[2] and shown < latest[0] + latest[1])
        return moment, shown, fold
