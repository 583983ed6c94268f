"""The FHIR ``Timing`` oracle on cases computed by hand.

In 2024 Europe/London goes 01:00 GMT -> 02:00 BST on Sunday 31 March and 02:00 BST -> 01:00
GMT on Sunday 27 October; America/New_York goes 02:00 EST -> 03:00 EDT on Sunday 10 March
and 02:00 EDT -> 01:00 EST on Sunday 3 November. 1 January 2024 is a Monday.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.io.fhir_timing import CANON, expand

TZ_CODE = "http://hl7.org/fhir/StructureDefinition/tz-code"
TIMEZONE = "http://hl7.org/fhir/StructureDefinition/timezone"


def timing(
    zone: str = "Europe/London", *, mods: list[dict[str, Any]] | None = None, **repeat: Any
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "extension": [{"url": TZ_CODE, "valueCode": zone}],
        "repeat": {"period": 1, "periodUnit": "d"} | repeat,
    }
    if mods:
        result["modifierExtension"] = mods
    return result


def run(t: dict[str, Any], first: str, last: str) -> list[str]:
    found = expand(t, first=date.fromisoformat(first), last=date.fromisoformat(last))
    zone = t["extension"][0]["valueCode"]
    assert [ZoneInfo(zone)] * len(found) == [d.tzinfo for d in found]
    return [d.isoformat() for d in found]


def test_daily_without_bounds_or_times_is_nine_every_day() -> None:
    expected = ["2024-01-01T09:00:00+00:00", "2024-01-02T09:00:00+00:00"]
    assert expected == run(timing(), "2024-01-01", "2024-01-02")


def test_every_three_days_counts_from_the_bounds_start_up_to_its_end() -> None:
    t = timing(period=3, boundsPeriod={"start": "2024-01-02", "end": "2024-01-09"})
    expected = ["2024-01-02", "2024-01-05", "2024-01-08"]
    assert expected == [s[:10] for s in run(t, "2024-01-01", "2024-01-31")]


def test_interval_and_count_start_at_an_origin_before_the_first_day() -> None:
    # Every 2 days from 1 January: 1, 3, 5, 7...; the count of 3 ends after the 5th.
    t = timing(period=2, count=3, boundsPeriod={"start": "2024-01-01"}, timeOfDay=["07:15:00"])
    assert ["2024-01-05T07:15:00+00:00"] == run(t, "2024-01-04", "2024-01-31")


def test_every_other_week_counts_iso_weeks_from_the_origins_week() -> None:
    # Origin Wednesday 3 January, in the week of Monday 1 January (left out, before it).
    t = timing(
        "America/New_York",
        period=2,
        periodUnit="wk",
        frequency=2,
        dayOfWeek=["thu", "mon"],
        timeOfDay=["18:00:00"],
    )
    expected = ["2024-01-04", "2024-01-15", "2024-01-18", "2024-01-29", "2024-02-01"]
    actual = run(t, "2024-01-03", "2024-02-01")
    assert expected == [s[:10] for s in actual]
    assert "2024-01-04T18:00:00-05:00" == actual[0]


def test_day_of_month_skips_months_without_that_day_and_days_before_the_origin() -> None:
    ext = [{"url": CANON + "day-of-month", "valueInteger": 31}]
    t = timing(periodUnit="mo", frequency=1, extension=ext)
    expected = ["2024-03-31T09:00:00+01:00", "2024-05-31T09:00:00+01:00"]
    assert expected == run(t, "2024-02-01", "2024-06-30")
    ten = timing(periodUnit="mo", extension=[{"url": CANON + "day-of-month", "valueInteger": 10}])
    assert ["2024-02-10"] == [s[:10] for s in run(ten, "2024-01-20", "2024-02-28")]


def test_last_day_of_every_other_month() -> None:
    ext = [{"url": CANON + "day-of-month", "valueInteger": -1}]
    t = timing(period=2, periodUnit="mo", extension=ext, boundsPeriod={"start": "2024-02-05"})
    expected = ["2024-02-29", "2024-04-30", "2024-06-30"]
    assert expected == [s[:10] for s in run(t, "2024-01-01", "2024-07-31")]


def test_weekday_of_month_second_tuesday_and_last_friday() -> None:
    second = [{"url": CANON + "weekday-of-month", "valueInteger": 2}]
    t = timing(periodUnit="mo", dayOfWeek=["tue"], extension=second)
    expected = ["2024-01-09", "2024-02-13", "2024-03-12"]
    assert expected == [s[:10] for s in run(t, "2024-01-01", "2024-03-31")]
    final = [{"url": CANON + "weekday-of-month", "valueInteger": -1}]
    t = timing(periodUnit="mo", dayOfWeek=["fri"], extension=final)
    expected = ["2024-01-26", "2024-02-23", "2024-03-29"]
    assert expected == [s[:10] for s in run(t, "2024-01-01", "2024-03-31")]


def test_london_spring_forward_moves_a_missing_time_on_by_the_gap() -> None:
    t = timing(frequency=2, timeOfDay=["09:00:00", "01:30:00"])
    expected = [
        "2024-03-30T01:30:00+00:00",
        "2024-03-30T09:00:00+00:00",
        "2024-03-31T02:30:00+01:00",
        "2024-03-31T09:00:00+01:00",
        "2024-04-01T01:30:00+01:00",
        "2024-04-01T09:00:00+01:00",
    ]
    assert expected == run(t, "2024-03-30", "2024-04-01")


def test_london_fall_back_takes_the_earlier_instant_with_the_r5_zone_extension() -> None:
    t = timing(timeOfDay=["01:30:00"])
    t["extension"][0]["url"] = TIMEZONE
    found = expand(t, first=date(2024, 10, 27), last=date(2024, 10, 27))
    assert ["2024-10-27T01:30:00+01:00"] == [d.isoformat() for d in found]
    assert [0] == [d.fold for d in found]


def test_new_york_spring_forward_merges_two_times_into_one_counted_once() -> None:
    # 02:30 on 10 March is 03:30 EDT, the same instant as 03:30: one occurrence, and the
    # count of 3 (two on the 9th, one on the 10th) then ends the series.
    t = timing("America/New_York", frequency=2, count=3, timeOfDay=["02:30:00", "03:30:00"])
    expected = [
        "2024-03-09T02:30:00-05:00",
        "2024-03-09T03:30:00-05:00",
        "2024-03-10T03:30:00-04:00",
    ]
    assert expected == run(t, "2024-03-09", "2024-03-12")


def test_new_york_fall_back_takes_the_earlier_instant() -> None:
    t = timing("America/New_York", timeOfDay=["01:30:00", "02:30:00"], frequency=2)
    expected = ["2024-11-03T01:30:00-04:00", "2024-11-03T02:30:00-05:00"]
    assert expected == run(t, "2024-11-03", "2024-11-03")


def test_skipped_and_paused_days_are_left_out_but_still_counted() -> None:
    mods: list[dict[str, Any]] = [
        {"url": CANON + "skipped", "valueDate": "2024-01-03"},
        {"url": CANON + "pause", "valuePeriod": {"start": "2024-01-05", "end": "2024-01-07"}},
    ]
    t = timing(mods=mods, count=6)  # 1 to 6 January counted
    expected = ["2024-01-01", "2024-01-02", "2024-01-04"]
    assert expected == [s[:10] for s in run(t, "2024-01-01", "2024-01-31")]


@pytest.mark.parametrize(
    ("repeat", "message"),
    [
        ({"periodUnit": "wk", "frequency": 3}, "^flexible$"),
        ({"when": ["MORN"]}, "when"),
        ({"offset": 30}, "offset"),
        ({"frequencyMax": 2}, "frequencyMax"),
        ({"frequency": 2}, "frequency"),
        ({"periodUnit": "h"}, "periodUnit h"),
        ({"extension": [{"url": CANON + "day-of-month", "valueInteger": 3}]}, "day-of-month"),
        ({"periodUnit": "mo", "extension": [{"url": CANON + "x", "valueInteger": 1}]}, "x"),
        ({"periodUnit": "mo"}, "monthly day"),
        ({"dayOfWeek": ["mon"]}, "dayOfWeek"),
    ],
)
def test_anything_unhandled_raises(repeat: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        expand(timing(**repeat), first=date(2024, 1, 1), last=date(2024, 1, 31))


def test_an_unknown_modifier_extension_raises() -> None:
    t = timing(mods=[{"url": CANON + "moved", "valueDate": "2024-01-02"}])
    with pytest.raises(ValueError, match="moved"):
        expand(t, first=date(2024, 1, 1), last=date(2024, 1, 31))
