"""Specification of the DST policy: wall-clock times kept, gaps moved forward, folds earlier.

The policy is RFC 5545's: an occurrence keeps its wall-clock time; a local time that does
not exist that day moves forward by the length of the gap; an ambiguous local time is the
earlier of its two instants. It is checked here by hand on the days people ask about, and
against the transitions of every IANA zone from 1970 to 2037, read from the zone files.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import importlib.resources
import itertools
import struct
import zoneinfo
from functools import cache
from pathlib import Path

import pendulum
import pytest

from selfcare import Recurrence
from selfcare._time.occurrences import resolve_local
from selfcare._time.offsets import _STEP
from selfcare._time.zoned import accepted_zones

HOUR = 3600
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
SWEEP_FROM = int(dt.datetime(1970, 1, 1, tzinfo=dt.UTC).timestamp())
SWEEP_TO = int(dt.datetime(2038, 1, 1, tzinfo=dt.UTC).timestamp())


def daily(at: dt.time | list[dt.time], **kw: object) -> Recurrence:
    return Recurrence.daily(at=at, **kw)  # type: ignore[arg-type]


def walls(values: tuple[pendulum.DateTime, ...]) -> list[str]:
    """Occurrences as ISO text with their offsets, which is what a person would check."""
    return [v.isoformat() for v in values]


def day_of(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


# A 07:00 ritual through both changes of a year


@pytest.mark.parametrize(
    ("zone", "offsets", "spring", "autumn"),
    [
        pytest.param(
            "Europe/London", ("+00:00", "+01:00"), "2026-03-29", "2026-10-25", id="london"
        ),
        pytest.param(
            "America/New_York", ("-05:00", "-04:00"), "2026-03-08", "2026-11-01", id="new-york"
        ),
        # the southern hemisphere: summer time ends in April and starts in October, by 30 min
        pytest.param(
            "Australia/Lord_Howe", ("+11:00", "+10:30"), "2026-04-05", "2026-10-04", id="lord-howe"
        ),
    ],
)
def test_a_daily_ritual_keeps_its_wall_clock_time_through_both_changes(
    zone: str, offsets: tuple[str, str], spring: str, autumn: str
) -> None:
    """07:00 stays 07:00 every day of the year; only the offset changes, on the right days."""
    found = daily(dt.time(7)).occurrences(dt.date(2026, 1, 1), dt.date(2027, 1, 1), tz=zone)
    assert 365 == len(found)
    assert {dt.time(7)} == {v.time() for v in found}
    assert all(v.timezone_name == zone for v in found)
    moments = [v.timestamp() for v in found]
    gaps = {b - a for a, b in itertools.pairwise(moments)}
    shift = abs(
        dt.datetime.fromisoformat("2026-01-01T00:00" + offsets[1]).utcoffset()  # type: ignore[operator]
        - dt.datetime.fromisoformat("2026-01-01T00:00" + offsets[0]).utcoffset()
    ).total_seconds()
    assert {24 * HOUR - shift, 24 * HOUR, 24 * HOUR + shift} == gaps
    changes = [
        (v.date().isoformat(), v.isoformat()[-6:])
        for before, v in itertools.pairwise(found)
        if v.utcoffset() != before.utcoffset()
    ]
    first, second = sorted([spring, autumn])
    assert [first, second] == [day for day, _ in changes]
    assert set(offsets) == {offset for _, offset in changes}


# 02:30 on the days the clocks change


@pytest.mark.parametrize(
    ("zone", "day", "at", "expected"),
    [
        # a gap: the clocks jump from 02:00 to 03:00, so 02:30 moves forward by the hour
        pytest.param("America/New_York", "2026-03-08", "02:30", "2026-03-08T03:30:00-04:00"),
        pytest.param("Europe/Berlin", "2026-03-29", "02:30", "2026-03-29T03:30:00+02:00"),
        pytest.param("Europe/London", "2026-03-29", "01:30", "2026-03-29T02:30:00+01:00"),
        pytest.param("Australia/Lord_Howe", "2026-10-04", "02:15", "2026-10-04T02:45:00+11:00"),
        pytest.param("Europe/London", "2026-03-29", "02:30", "2026-03-29T02:30:00+01:00"),
        # a fold: the time happens twice, and the earlier one (summer time) is taken
        pytest.param("Europe/Berlin", "2026-10-25", "02:30", "2026-10-25T02:30:00+02:00"),
        pytest.param("America/New_York", "2026-11-01", "01:30", "2026-11-01T01:30:00-04:00"),
        pytest.param("Europe/London", "2026-10-25", "01:30", "2026-10-25T01:30:00+01:00"),
        pytest.param("Australia/Lord_Howe", "2026-04-05", "01:45", "2026-04-05T01:45:00+11:00"),
        # not touched by the change of that day
        pytest.param("America/New_York", "2026-11-01", "02:30", "2026-11-01T02:30:00-05:00"),
        pytest.param("Europe/London", "2026-10-25", "02:30", "2026-10-25T02:30:00+00:00"),
    ],
)
def test_a_time_on_a_change_day_follows_the_policy(
    zone: str, day: str, at: str, expected: str
) -> None:
    """Gaps move forward by their length; ambiguous times take the earlier instant."""
    rule = daily(dt.time.fromisoformat(at))
    found = rule.occurrences(day_of(day), day_of(day) + dt.timedelta(days=1), tz=zone)
    assert [expected] == walls(found)
    assert [expected] == walls((resolve_local(day_of(day), dt.time.fromisoformat(at), zone),))
    assert 0 == found[0].fold


def test_the_earlier_of_two_instants_is_not_pendulums_default() -> None:
    """pendulum builds an ambiguous time as the later instant; occurrences take the earlier."""
    later = pendulum.datetime(2026, 11, 1, 1, 30, tz="America/New_York")
    ours = resolve_local(dt.date(2026, 11, 1), dt.time(1, 30), "America/New_York")
    assert dt.timedelta(hours=1) == later - ours
    assert (dt.timedelta(hours=-4), 0) == (ours.utcoffset(), ours.fold)


def test_a_ritual_every_day_around_a_gap_and_a_fold_keeps_order() -> None:
    """Two times a day around the Berlin changes: in order, one per instant, moved in gaps."""
    rule = daily([dt.time(2, 30), dt.time(3, 15)])
    spring = rule.occurrences(dt.date(2026, 3, 29), dt.date(2026, 3, 30), tz="Europe/Berlin")
    assert ["2026-03-29T03:15:00+02:00", "2026-03-29T03:30:00+02:00"] == walls(spring)
    autumn = rule.occurrences(dt.date(2026, 10, 25), dt.date(2026, 10, 26), tz="Europe/Berlin")
    assert ["2026-10-25T02:30:00+02:00", "2026-10-25T03:15:00+01:00"] == walls(autumn)


def test_a_time_moved_onto_another_gives_one_occurrence() -> None:
    """02:30 moves to 03:30 on the spring day, where 03:30 already is: one occurrence."""
    rule = daily([dt.time(2, 30), dt.time(3, 30)])
    found = rule.occurrences(dt.date(2026, 3, 8), dt.date(2026, 3, 9), tz="America/New_York")
    assert ["2026-03-08T03:30:00-04:00"] == walls(found)


def test_the_day_samoa_skipped_moves_forward_by_a_whole_day() -> None:
    """Pacific/Apia went from 2011-12-29 straight to 2011-12-31; the 30th's time is the 31st's."""
    rule = daily(dt.time(10))
    found = rule.occurrences(dt.date(2011, 12, 28), dt.date(2012, 1, 2), tz="Pacific/Apia")
    assert [
        "2011-12-28T10:00:00-10:00",
        "2011-12-29T10:00:00-10:00",
        "2011-12-31T10:00:00+14:00",
        "2012-01-01T10:00:00+14:00",
    ] == walls(found)
    only_the_30th = daily(dt.time(10), start=dt.date(2011, 12, 30), until=dt.date(2011, 12, 30))
    found = only_the_30th.occurrences(dt.date(2011, 12, 1), dt.date(2012, 2, 1), tz="Pacific/Apia")
    assert ["2011-12-31T10:00:00+14:00"] == walls(found)


@pytest.mark.parametrize("zone", ["UTC", "Asia/Kolkata", "Asia/Tokyo", "Africa/Nairobi"])
def test_a_zone_without_daylight_saving_has_one_offset(zone: str) -> None:
    """Zones with no DST keep every time and one offset all year."""
    found = daily([dt.time(0), dt.time(2, 30), dt.time(23, 59)]).occurrences(
        dt.date(2026, 1, 1), dt.date(2027, 1, 1), tz=zone
    )
    assert 3 * 365 == len(found)
    assert 1 == len({v.utcoffset() for v in found})
    assert {dt.time(0), dt.time(2, 30), dt.time(23, 59)} == {v.time() for v in found}


def test_occurrences_are_canonical_zoned_values() -> None:
    """Each occurrence is a pendulum DateTime in the zone, equal to its own canonical form."""
    from selfcare._time.zoned import check_zoned

    found = daily([dt.time(1, 30), dt.time(2, 30)]).occurrences(
        dt.date(2026, 10, 24), dt.date(2026, 10, 27), tz="Europe/London"
    )
    for value in found:
        again = check_zoned("at", value)
        assert isinstance(value, pendulum.DateTime)
        assert (again.timestamp(), again.fold, again.timezone_name) == (
            value.timestamp(),
            value.fold,
            value.timezone_name,
        )


# Every zone's transitions, 1970 to 2037


def _tzif_bytes(key: str) -> bytes:
    for base in zoneinfo.TZPATH:
        path = Path(base) / key
        if path.is_file():
            return path.read_bytes()
    package, _, name = f"tzdata.zoneinfo.{key.replace('/', '.')}".rpartition(".")
    return importlib.resources.files(package).joinpath(name).read_bytes()


@cache
def tzif_transitions(key: str) -> tuple[tuple[int, int, int], ...]:
    """The changes of UTC offset in a zone file: ``(instant, offset before, after)``.

    Reads the 64-bit part of a TZif file (RFC 8536), where zoneinfo reads it from.
    """
    data = _tzif_bytes(key)
    assert b"TZif" == data[:4], key
    assert data[4] >= ord("2"), key

    def counts(at: int) -> tuple[int, ...]:
        return struct.unpack(">6l", data[at + 20 : at + 44])

    isut, isstd, leap, times, types, chars = counts(0)
    at = 44 + times * 5 + types * 6 + chars + leap * 8 + isstd + isut
    isut, isstd, leap, times, types, chars = counts(at)
    at += 44
    instants = struct.unpack(f">{times}q", data[at : at + 8 * times])
    at += 8 * times
    indices = data[at : at + times]
    at += times
    offsets = [struct.unpack(">l", data[at + 6 * i : at + 6 * i + 4])[0] for i in range(types)]
    found, before = [], offsets[0]
    for instant, index in zip(instants, indices, strict=True):
        if offsets[index] != before:
            found.append((instant, before, offsets[index]))
        before = offsets[index]
    return tuple(found)


def expected(wall: int, instant: int, before: int, after: int) -> tuple[int, int]:
    """The policy near one transition: ``(instant, shown wall time)`` for a wall time."""
    moment = wall - before if wall < instant + max(before, after) else wall - after
    return moment, moment + (before if moment < instant else after)


def probes(instant: int, before: int, after: int) -> list[int]:
    """Wall times just before, at the edges of, inside and just after a gap or fold."""
    low, high = instant + min(before, after), instant + max(before, after)
    middle = (low + high) // 2 // 60 * 60
    return sorted({low - 60, low, middle, high - 60, high, high + 60})


#: Every name of the tz database here, for the sampling; the zones accepted, for the policy.
ALL_ZONES = sorted(zoneinfo.available_timezones())
ZONES = sorted(accepted_zones())


def test_the_zone_files_are_read() -> None:
    """The reader finds the transitions people know (and so the sweep is not vacuous)."""
    london = tzif_transitions("Europe/London")
    spring = int(dt.datetime(2026, 3, 29, 1, tzinfo=dt.UTC).timestamp())
    assert (spring, 0, 3600) in london
    assert () == tuple(t for t in tzif_transitions("Asia/Tokyo") if t[0] > SWEEP_FROM)
    assert 30_000 < sum(len(in_sweep(zone)) for zone in ALL_ZONES)
    assert 400 < len(ZONES)


def in_sweep(zone: str) -> list[tuple[int, int, int]]:
    return [t for t in tzif_transitions(zone) if SWEEP_FROM <= t[0] < SWEEP_TO]


def test_transitions_are_never_closer_than_the_sampling_step() -> None:
    """Offsets are found by sampling once a day; since 1970 no two changes are a day apart."""
    pairs = (pair for zone in ALL_ZONES for pair in itertools.pairwise(in_sweep(zone)))
    closest = min(b[0] - a[0] for a, b in pairs)
    assert closest > 2 * _STEP  # the closest pair is 167 hours apart (Brazil, 2000)


@pytest.mark.parametrize("zone", ZONES)
def test_every_transition_of_every_zone_follows_the_policy(zone: str) -> None:
    """Just before, at, inside and after each gap and fold from 1970 to 2037, in every zone.

    Each probe is expanded as a one-day recurrence (the code path of every expansion) and
    compared with the policy worked out from the zone file, and with the stdlib's reading
    of ``fold=0``, which is the same rule.
    """
    tz = zoneinfo.ZoneInfo(zone)
    for instant, before, after in in_sweep(zone):
        by_day: dict[int, list[int]] = {}
        for wall in probes(instant, before, after):
            by_day.setdefault(wall // 86_400, []).append(wall % 86_400)
        for days, seconds in by_day.items():
            day = dt.date(1970, 1, 1) + dt.timedelta(days=days)
            times = [dt.time(s // 3600, s // 60 % 60, s % 60) for s in seconds]
            rule = daily(times, start=day, until=day)
            midnight = EPOCH + dt.timedelta(days=days)
            window = (midnight - dt.timedelta(days=2), midnight + dt.timedelta(days=3))
            found = rule.occurrences(*window, tz=zone)
            want: dict[int, int] = {}
            for s in seconds:
                wall = days * 86_400 + s
                moment, shown = expected(wall, instant, before, after)
                naive = (EPOCH + dt.timedelta(seconds=wall)).replace(tzinfo=None)
                assert moment == naive.replace(tzinfo=tz).timestamp(), (zone, naive)
                want[moment] = shown
            got = [(int(v.timestamp()), v) for v in found]
            assert sorted(want) == [moment for moment, _ in got], (zone, day)
            for moment, value in got:
                local = EPOCH.replace(tzinfo=None) + dt.timedelta(seconds=want[moment])
                assert (local, 0) == (dt.datetime(*value.timetuple()[:6]), value.fold), zone
