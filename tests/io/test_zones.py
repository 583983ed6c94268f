"""Every UTC-offset change of every IANA zone from 1970 to 2037 survives a round trip.

For each zone the instants just before, at and just after each transition are written in
reflections, read back, and compared with what the stdlib computes on its own: the same
instant, the same zone, the same wall-clock time and ``fold``, and the offset written in
the text. Transitions come from the zone's own TZif data (read by the pure-Python
``zoneinfo`` implementation); any stretch its list of transitions does not cover is found
by stepping a day at a time and bisecting to the second.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import importlib
import zoneinfo
from collections.abc import Iterator
from typing import Any

import pytest

from selfcare import Reflection, Role
from selfcare._time.zoned import accepted_zones
from selfcare.serialize import from_json, to_dict, to_json

START = int(dt.datetime(1970, 1, 1, tzinfo=dt.UTC).timestamp())
END = int(dt.datetime(2038, 1, 1, tzinfo=dt.UTC).timestamp())
DAY = 86_400
ZONES = sorted(accepted_zones())  # the names refused are links or fixed offsets
#: The pure-Python zoneinfo, which shows a zone's transitions and its rule after them.
PURE: Any = importlib.import_module("zoneinfo._zoneinfo")


def _offset(tz: dt.tzinfo, when: int) -> dt.timedelta | None:
    return dt.datetime.fromtimestamp(when, tz).utcoffset()


def _bisect(tz: dt.tzinfo, low: int, high: int) -> int:
    """The first second in (low, high] whose offset differs from low's."""
    before = _offset(tz, low)
    while high - low > 1:
        middle = (low + high) // 2
        if _offset(tz, middle) == before:
            low = middle
        else:
            high = middle
    return high


def transitions(key: str) -> Iterator[int]:
    """The instants, as UTC seconds, when the zone's UTC offset changes."""
    tz = zoneinfo.ZoneInfo(key)
    data = PURE.ZoneInfo.no_cache(key)
    listed: list[int] = list(getattr(data, "_trans_utc", []))
    covered = START
    for when in listed:
        if START <= when < END and _offset(tz, when - 1) != _offset(tz, when):
            yield when
        covered = max(covered, when)
    if isinstance(getattr(data, "_tz_after", None), PURE._ttinfo):
        return  # a fixed offset after the last listed transition
    # Past the last listed transition the zone follows its rule; step through what is left.
    day = covered
    while day + DAY < END:
        if _offset(tz, day) != _offset(tz, day + DAY):
            yield _bisect(tz, day, day + DAY)
        day += DAY


def test_the_sweep_finds_the_transitions_it_should() -> None:
    """London changes twice a year; Kolkata not since 1945; Apia skipped 2011-12-30."""
    london = [dt.datetime.fromtimestamp(t, dt.UTC) for t in transitions("Europe/London")]
    assert dt.datetime(2026, 3, 29, 1, tzinfo=dt.UTC) in london
    assert dt.datetime(2026, 10, 25, 1, tzinfo=dt.UTC) in london
    assert [] == list(transitions("Asia/Kolkata"))
    apia = [dt.datetime.fromtimestamp(t, dt.UTC) for t in transitions("Pacific/Apia")]
    assert dt.datetime(2011, 12, 30, 10, tzinfo=dt.UTC) in apia


def _local(when: int, tz: dt.tzinfo) -> Any:
    """The instant as a stdlib datetime in the zone, as an app would pass it."""
    return dt.datetime.fromtimestamp(when, tz)


def _mismatches(key: str) -> list[str]:
    tz = zoneinfo.ZoneInfo(key)
    instants = sorted({t + d for t in transitions(key) for d in (-1, 0, 1)})
    if not instants:
        instants = [START, END - 1]  # a zone without changes still round-trips
    written = [Reflection(at=_local(when, tz), author=Role.CLIENT) for when in instants]
    text = to_json(written)
    texts = [doc["at"] for doc in to_dict(written)["values"]]
    loaded = from_json(list[Reflection], text)
    found = []
    for when, text_at, before, after in zip(instants, texts, written, loaded, strict=True):
        expected = dt.datetime.fromtimestamp(when, tz)  # the stdlib's own fold and offset
        offset = expected.isoformat()[19:]
        got = after.at
        if (
            got.timestamp() != when
            or got.timezone_name != key
            or got.fold != expected.fold
            or got.replace(tzinfo=None) != expected.replace(tzinfo=None)
            or not text_at.endswith(f"{offset}[{key}]")
            or before.at.fold != got.fold
        ):
            found.append(
                f"{key} at {when}: wrote {text_at}, read {got.isoformat()} fold={got.fold}"
            )
    return found


@pytest.mark.parametrize("key", ZONES)
def test_every_transition_of_the_zone_round_trips(key: str) -> None:
    """Zero mismatches just before, at and just after every transition."""
    assert [] == _mismatches(key)


def test_all_zones_are_swept() -> None:
    """The sweep covers every zone the system knows, and they are many."""
    assert 400 < len(ZONES)
