"""Specification of the RFC 5545 RRULE subset a Recurrence reads and writes."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import selfcare
from selfcare import Frequency, Recurrence, ValidationError, Weekday

MON, TUE, WED, THU, FRI, SAT, SUN = Weekday
JAN_5 = dt.date(2026, 1, 5)


def rejected(text: object) -> tuple[str, str]:
    """Parse ``text``, which must fail; return the problem's path and message."""
    with pytest.raises(ValidationError) as caught:
        Recurrence.from_rrule(text)  # type: ignore[arg-type]
    assert 1 == len(caught.value.problems)
    return caught.value.problems[0]


# Reading


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FREQ=DAILY", Recurrence.daily()),
        ("FREQ=DAILY;INTERVAL=3", Recurrence.every_n_days(3)),
        ("FREQ=DAILY;BYHOUR=7", Recurrence.daily(dt.time(7))),
        ("FREQ=DAILY;BYHOUR=21,7;BYMINUTE=30", Recurrence.daily([dt.time(7, 30), dt.time(21, 30)])),
        (
            "FREQ=DAILY;BYHOUR=7;BYMINUTE=0,30",
            Recurrence.daily([dt.time(7), dt.time(7, 30)]),
        ),
        ("FREQ=WEEKLY;BYDAY=MO,WE,FR", Recurrence.weekly([MON, WED, FRI])),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=SA", Recurrence.weekly([SAT], every_weeks=2)),
        ("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", Recurrence.weekly([MON, TUE, WED, THU, FRI])),
        ("FREQ=DAILY;COUNT=10", Recurrence.daily(count=10)),
        ("FREQ=DAILY;UNTIL=20261231", Recurrence.daily(until=dt.date(2026, 12, 31))),
        ("FREQ=DAILY;UNTIL=20261231T225959Z", Recurrence.daily(until=dt.date(2026, 12, 31))),
        ("FREQ=WEEKLY;WKST=MO;BYDAY=TU", Recurrence.weekly([TUE])),
        ("RRULE:FREQ=DAILY", Recurrence.daily()),
        ("rrule:freq=weekly;byday=mo;byhour=7", Recurrence.weekly([MON], dt.time(7))),
        ("BYDAY=SU;FREQ=WEEKLY", Recurrence.weekly([SUN])),
        ("  FREQ=DAILY\r\n", Recurrence.daily()),
        ("FREQ=MONTHLY;BYMONTHDAY=15", Recurrence.monthly(15)),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", Recurrence.monthly(-1)),
        ("FREQ=MONTHLY;BYMONTHDAY=+7", Recurrence.monthly(7)),
        ("FREQ=MONTHLY;BYMONTHDAY=07", Recurrence.monthly(7)),
        ("FREQ=MONTHLY;BYDAY=2TU", Recurrence.monthly(weekday=TUE, nth=2)),
        ("FREQ=MONTHLY;BYDAY=+1MO", Recurrence.monthly(weekday=MON, nth=1)),
        ("freq=monthly;byday=-1fr", Recurrence.monthly(weekday=FRI, nth=-1)),
        (
            "FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=31;BYHOUR=9;BYMINUTE=30;COUNT=4",
            Recurrence.monthly(31, dt.time(9, 30), every_months=12, count=4),
        ),
        (
            "FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO;UNTIL=20261231T120000Z",
            Recurrence.monthly(weekday=MON, nth=1, every_months=2, until=dt.date(2026, 12, 31)),
        ),
        ("FREQ=MONTHLY;WKST=MO;BYDAY=4SU", Recurrence.monthly(weekday=SUN, nth=4)),
    ],
)
def test_reads_the_subset(text: str, expected: Recurrence) -> None:
    """Each part of the subset, in any order and case, with or without the RRULE: prefix."""
    assert expected == Recurrence.from_rrule(text)


def test_the_start_is_given_beside_the_rule() -> None:
    """DTSTART is not part of a rule; the start date is passed on its own."""
    rule = Recurrence.from_rrule("FREQ=DAILY;INTERVAL=2;COUNT=3", start=JAN_5)
    assert Recurrence.every_n_days(2, start=JAN_5, count=3) == rule


# Rejecting everything else, at parse time

TOO_LONG = "FREQ=DAILY;" + ";".join(["BYHOUR=1"] * 200)


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        pytest.param("", "rrule", "NAME=VALUE", id="empty"),
        pytest.param(None, "rrule", "expected RRULE text", id="none"),
        pytest.param(b"FREQ=DAILY", "rrule", "expected RRULE text", id="bytes"),
        pytest.param(TOO_LONG, "rrule", "at most 1000 characters", id="too-long"),
        pytest.param("FREQ=DAILY;", "rrule", "NAME=VALUE", id="trailing-semicolon"),
        pytest.param("FREQ = DAILY", "rrule", "NAME=VALUE", id="spaces"),
        pytest.param("FREQ=DAILY\nCOUNT=2", "rrule", "NAME=VALUE", id="two-lines"),
        pytest.param("FREQ=DAILY;COUNT=2;COUNT=3", "rrule.COUNT", "given twice", id="twice"),
        pytest.param("FREQ=DAILY;COUNT=²", "rrule", "ASCII", id="not-ascii"),
        pytest.param("COUNT=2", "rrule.FREQ", "has no FREQ", id="no-freq"),
        pytest.param("FREQ=YEARLY", "rrule.FREQ", "outside the supported subset", id="yearly"),
        pytest.param("FREQ=HOURLY", "rrule.FREQ", "outside the supported subset", id="hourly"),
        pytest.param(
            "FREQ=FORTNIGHTLY", "rrule.FREQ", "FREQ=WEEKLY or FREQ=MONTHLY", id="unknown-freq"
        ),
        pytest.param("FREQ=MONTHLY", "rrule.BYDAY", "needs BYMONTHDAY", id="monthly-no-day"),
        pytest.param(
            "FREQ=MONTHLY;BYDAY=TU", "rrule.BYDAY", "one numbered weekday", id="monthly-every-tue"
        ),
        pytest.param("FREQ=MONTHLY;BYDAY=5TU", "rrule.BYDAY", "1 to 4 or -1", id="5TU"),
        pytest.param("FREQ=MONTHLY;BYDAY=0TU", "rrule.BYDAY", "1 to 4 or -1", id="0TU"),
        pytest.param("FREQ=MONTHLY;BYDAY=-2TU", "rrule.BYDAY", "1 to 4 or -1", id="-2TU"),
        pytest.param("FREQ=MONTHLY;BYDAY=2TU,4TU", "rrule.BYDAY", "two rules", id="2TU-4TU"),
        pytest.param("FREQ=MONTHLY;BYDAY=2XX", "rrule.BYDAY", "MO to SU", id="2XX"),
        pytest.param("FREQ=MONTHLY;BYMONTHDAY=0", "rrule.BYMONTHDAY", "1 to 31", id="day-0"),
        pytest.param("FREQ=MONTHLY;BYMONTHDAY=32", "rrule.BYMONTHDAY", "1 to 31", id="day-32"),
        pytest.param("FREQ=MONTHLY;BYMONTHDAY=-2", "rrule.BYMONTHDAY", "or -1", id="day--2"),
        pytest.param("FREQ=MONTHLY;BYMONTHDAY=015", "rrule.BYMONTHDAY", "1 to 31", id="015"),
        pytest.param("FREQ=MONTHLY;BYMONTHDAY=1,15", "rrule.BYMONTHDAY", "two rules", id="1,15"),
        pytest.param(
            "FREQ=MONTHLY;BYMONTHDAY=1;BYDAY=1MO", "rrule.BYDAY", "not both", id="day-and-byday"
        ),
        pytest.param(
            "FREQ=MONTHLY;INTERVAL=13;BYMONTHDAY=1",
            "rrule.INTERVAL",
            "from 1 to 12",
            id="13-months",
        ),
        pytest.param(
            "FREQ=DAILY;BYMONTHDAY=1", "rrule.BYMONTHDAY", "only with FREQ=MONTHLY", id="daily-md"
        ),
        pytest.param(
            "FREQ=WEEKLY;BYDAY=MO;BYMONTHDAY=1",
            "rrule.BYMONTHDAY",
            "only with FREQ=MONTHLY",
            id="weekly-md",
        ),
        pytest.param(
            "FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR", "rrule.BYDAY", "not both", id="friday-13th"
        ),
        pytest.param(
            "FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1", "rrule.BYSETPOS", "outside", id="setpos"
        ),
        pytest.param("FREQ=DAILY;INTERVAL=0", "rrule.INTERVAL", "from 1 to 366", id="interval-0"),
        pytest.param("FREQ=DAILY;INTERVAL=-1", "rrule.INTERVAL", "whole number", id="negative"),
        pytest.param("FREQ=DAILY;INTERVAL=367", "rrule.INTERVAL", "from 1 to 366", id="367"),
        pytest.param(
            "FREQ=WEEKLY;INTERVAL=53;BYDAY=MO", "rrule.INTERVAL", "from 1 to 52", id="53-weeks"
        ),
        pytest.param(
            "FREQ=DAILY;INTERVAL=99999999999999999999", "rrule.INTERVAL", "whole number", id="huge"
        ),
        pytest.param("FREQ=DAILY;COUNT=0", "rrule.COUNT", "from 1 to 10000", id="count-0"),
        pytest.param("FREQ=DAILY;COUNT=10001", "rrule.COUNT", "from 1 to 10000", id="oversized"),
        pytest.param(
            "FREQ=DAILY;COUNT=2;UNTIL=20260101", "rrule.COUNT", "not both", id="count-and-until"
        ),
        pytest.param("FREQ=DAILY;UNTIL=2026-01-01", "rrule.UNTIL", "YYYYMMDD", id="until-dashes"),
        pytest.param("FREQ=DAILY;UNTIL=20261301", "rrule.UNTIL", "YYYYMMDD", id="month-13"),
        pytest.param("FREQ=DAILY;UNTIL=20260101T250000Z", "rrule.UNTIL", "YYYYMMDD", id="hour-25"),
        pytest.param("FREQ=DAILY;UNTIL=20260101T120000", "rrule.UNTIL", "YYYYMMDD", id="floating"),
        pytest.param("FREQ=WEEKLY;BYDAY=1MO", "rrule.BYDAY", "numbered weekdays", id="1MO"),
        pytest.param("FREQ=WEEKLY;BYDAY=-1FR", "rrule.BYDAY", "numbered weekdays", id="-1FR"),
        pytest.param("FREQ=WEEKLY;BYDAY=XX", "rrule.BYDAY", "MO to SU", id="bad-day"),
        pytest.param("FREQ=WEEKLY;BYDAY=MO,,TU", "rrule.BYDAY", "MO to SU", id="empty-day"),
        pytest.param("FREQ=WEEKLY;BYDAY=MO,MO", "rrule.BYDAY", "given twice", id="day-twice"),
        pytest.param("FREQ=WEEKLY", "rrule.BYDAY", "needs BYDAY", id="weekly-no-day"),
        pytest.param(
            "FREQ=DAILY;INTERVAL=2;BYDAY=MO", "rrule.BYDAY", "INTERVAL=1", id="daily-2-byday"
        ),
        pytest.param("FREQ=DAILY;BYHOUR=24", "rrule.BYHOUR", "from 0 to 23", id="hour-24"),
        pytest.param("FREQ=DAILY;BYHOUR=007", "rrule.BYHOUR", "from 0 to 23", id="hour-digits"),
        pytest.param("FREQ=DAILY;BYHOUR=7,7", "rrule.BYHOUR", "given twice", id="hour-twice"),
        pytest.param(
            "FREQ=DAILY;BYHOUR=7;BYMINUTE=60", "rrule.BYMINUTE", "from 0 to 59", id="minute-60"
        ),
        pytest.param("FREQ=DAILY;BYMINUTE=30", "rrule.BYMINUTE", "needs BYHOUR", id="no-hour"),
        pytest.param(
            "FREQ=DAILY;BYHOUR=1,2,3,4,5;BYMINUTE=1,2,3,4,5",
            "rrule.BYMINUTE",
            "at most 24",
            id="25-times",
        ),
        pytest.param("FREQ=DAILY;BYSECOND=0", "rrule.BYSECOND", "outside", id="bysecond"),
        pytest.param(
            "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "rrule.BYMONTH", "outside", id="never-matches"
        ),
        pytest.param(
            "FREQ=WEEKLY;BYDAY=MO;BYSETPOS=1", "rrule.BYSETPOS", "outside", id="weekly-setpos"
        ),
        pytest.param("FREQ=WEEKLY;BYDAY=MO;WKST=SU", "rrule.WKST", "WKST=MO", id="wkst-sunday"),
        pytest.param("FREQ=DAILY;X-NAME=1", "rrule", "not a recurrence rule part", id="x-name"),
        pytest.param("DTSTART:20260105T070000Z", "rrule", "NAME=VALUE", id="dtstart-line"),
    ],
)
def test_rejects_anything_outside_the_subset(text: object, path: str, expected: str) -> None:
    """Malformed rules and parts outside the subset fail while parsing, naming the part."""
    got_path, message = rejected(text)
    assert (path, True) == (got_path, expected in message), message


def test_rejected_text_is_not_echoed() -> None:
    """An error names the part, never the text around it (it may be anything)."""
    _, message = rejected("FREQ=DAILY;SECRET-DIARY-ENTRY=1;" + "X" * 50)
    assert "SECRET" not in message


@pytest.mark.parametrize("until", ["SECRET", "20261301", "00000101"])
def test_a_bad_until_carries_no_other_exception(until: str) -> None:
    """The error for UNTIL has nothing chained to it that could hold the text."""
    with pytest.raises(ValidationError) as caught:
        Recurrence.from_rrule(f"FREQ=DAILY;UNTIL={until}")
    assert (None, None) == (caught.value.__cause__, caught.value.__context__)


# Writing


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        (Recurrence.daily(), "FREQ=DAILY"),
        (Recurrence.every_n_days(3, dt.time(7)), "FREQ=DAILY;INTERVAL=3;BYHOUR=7;BYMINUTE=0"),
        (
            Recurrence.weekly([FRI, MON], [dt.time(7, 30), dt.time(19, 30)], count=20),
            "FREQ=WEEKLY;BYDAY=MO,FR;BYHOUR=7,19;BYMINUTE=30;COUNT=20",
        ),
        (
            Recurrence.weekly([SUN], every_weeks=2, until=dt.date(2026, 6, 30)),
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU;UNTIL=20260630",
        ),
        (Recurrence.daily(start=JAN_5), "FREQ=DAILY"),
        (Recurrence.monthly(15, dt.time(9)), "FREQ=MONTHLY;BYMONTHDAY=15;BYHOUR=9;BYMINUTE=0"),
        (Recurrence.monthly(-1, every_months=3), "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1"),
        (Recurrence.monthly(weekday=TUE, nth=2, count=6), "FREQ=MONTHLY;BYDAY=2TU;COUNT=6"),
        (
            Recurrence.monthly(weekday=FRI, nth=-1, until=dt.date(2026, 12, 31)),
            "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231",
        ),
    ],
)
def test_writes_the_subset(rule: Recurrence, text: str) -> None:
    """Parts in a fixed order, upper case, INTERVAL left out when it is 1, no DTSTART."""
    assert text == rule.to_rrule()


@pytest.mark.parametrize(
    ("rule", "path", "expected"),
    [
        pytest.param(Recurrence.times_per_week(3), "frequency", "no RRULE form", id="per-week"),
        pytest.param(
            Recurrence.daily().with_skipped(JAN_5), "skipped", "EXDATE", id="skipped-dates"
        ),
        pytest.param(Recurrence.daily(dt.time(7, 0, 30)), "times", "BYSECOND", id="seconds"),
        pytest.param(
            Recurrence.daily([dt.time(7, 30), dt.time(21)]), "times", "not such a grid", id="grid"
        ),
        pytest.param(
            Recurrence.monthly(1).with_skipped(JAN_5), "skipped", "EXDATE", id="monthly-skipped"
        ),
    ],
)
def test_refuses_to_write_what_the_subset_cannot_say(
    rule: Recurrence, path: str, expected: str
) -> None:
    """A rule the subset cannot express is an error, never a rule that means something else."""
    with pytest.raises(ValidationError) as caught:
        rule.to_rrule()
    got_path, message = caught.value.problems[0]
    assert (path, True) == (got_path, expected in message)


# Round trips


@st.composite
def expressible(draw: st.DrawFn) -> Recurrence:
    """Every recurrence the subset can write: daily, weekly or monthly, times on a grid, no
    skips."""
    hours = draw(st.lists(st.integers(0, 23), unique=True, max_size=4))
    minutes = draw(st.lists(st.integers(0, 59), unique=True, min_size=1, max_size=6))
    minutes = minutes[: max(1, 24 // max(1, len(hours)))]
    times = [dt.time(h, m) for h in hours for m in minutes]
    start = draw(st.none() | st.dates(dt.date(1971, 1, 1), dt.date(2037, 12, 31)))
    end = draw(st.sampled_from(["none", "until", "count"]))
    until = (
        draw(st.dates(start or dt.date(1971, 1, 1), dt.date(2037, 12, 31)))
        if end == "until"
        else None
    )
    count = draw(st.integers(1, 10_000)) if end == "count" else None
    kind = draw(st.sampled_from(["daily", "weekly", "monthly"]))
    if kind == "monthly":
        every = draw(st.integers(1, 12))
        if draw(st.booleans()):
            day = draw(st.integers(1, 31) | st.just(-1))
            return Recurrence.monthly(
                day, times, every_months=every, start=start, until=until, count=count
            )
        weekday, nth = draw(st.sampled_from(Weekday)), draw(st.sampled_from([1, 2, 3, 4, -1]))
        return Recurrence.monthly(
            weekday=weekday,
            nth=nth,
            at=times,
            every_months=every,
            start=start,
            until=until,
            count=count,
        )
    if kind == "daily":
        return Recurrence.every_n_days(
            draw(st.integers(1, 366)), times, start=start, until=until, count=count
        )
    days = draw(st.frozensets(st.sampled_from(Weekday), min_size=1))
    every = draw(st.integers(1, 52))
    return Recurrence.weekly(days, times, every_weeks=every, start=start, until=until, count=count)


@given(expressible())
def test_round_trip_through_rrule_text(rule: Recurrence) -> None:
    """from_rrule(to_rrule(r), start=r.start) == r for every recurrence the subset expresses."""
    text = rule.to_rrule()
    assert rule == Recurrence.from_rrule(text, start=rule.start)
    assert text == Recurrence.from_rrule(text.lower()).to_rrule()


@given(st.from_type(Recurrence))
def test_any_recurrence_is_written_or_refused_with_a_validation_error(rule: Recurrence) -> None:
    """Writing never raises anything but a ValidationError, and what is written reads back."""
    try:
        text = rule.to_rrule()
    except ValidationError:
        return
    assert rule == Recurrence.from_rrule(text, start=rule.start)


# Fuzzing: parsed or rejected, and quickly

PARTS = st.sampled_from(
    [
        "FREQ", "INTERVAL", "BYDAY", "BYHOUR", "BYMINUTE", "COUNT", "UNTIL", "WKST",
        "BYSECOND", "BYMONTH", "BYSETPOS", "BYMONTHDAY", "DTSTART", "X-FOO", "",
    ]
)  # fmt: skip
VALUES = st.sampled_from(
    [
        "DAILY", "WEEKLY", "MONTHLY", "YEARLY", "MO", "MO,WE,FR", "1MO", "-1SU", "0", "1", "7",
        "23", "24", "59", "60", "366", "10000", "10001", "99999999999999999999", "-1",
        "20261231", "20261231T235959Z", "20261231T235959", "1,2,3", "", ",", "SU,SU",
        "2TU", "-1FR", "+1MO", "5TU", "-2SU", "2TU,4TU", "31", "32", "-31", "15,1",
    ]
) | st.text(alphabet="0123456789,-+TZAMOSUWEFRH", max_size=12)  # fmt: skip


@st.composite
def rrule_like(draw: st.DrawFn) -> str:
    """Text built from RRULE parts, valid and invalid, in any order and case."""
    parts = draw(
        st.lists(st.builds(lambda n, v: f"{n}={v}", PARTS, VALUES), min_size=1, max_size=8)
    )
    text = ";".join(parts)
    if draw(st.booleans()):
        text = "RRULE:" + text
    return text.lower() if draw(st.booleans()) else text


@given(st.one_of(st.text(max_size=200), rrule_like()))
@example("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30")
@example("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;BYDAY=MO")
@example("FREQ=DAILY;COUNT=10000;INTERVAL=366;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11;BYMINUTE=0,30")
@example("FREQ=DAILY;" * 90)
@example("x" * 1_001)
@example("FREQ=MONTHLY;INTERVAL=12;BYMONTHDAY=30;COUNT=10000")
@example("FREQ=MONTHLY;BYDAY=" + "2TU," * 150 + "2TU")
def test_fuzzed_text_is_parsed_or_rejected_quickly(text: str) -> None:
    """Anything at all is a Recurrence or a ValidationError, within milliseconds."""
    began = time.perf_counter()
    try:
        rule = Recurrence.from_rrule(text)
    except ValidationError:
        pass
    else:
        assert rule.frequency in (Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY)
        assert rule.occurrences(JAN_5, dt.date(2026, 2, 5), tz="UTC", origin=JAN_5) is not None
    assert time.perf_counter() - began < 0.5


def test_the_largest_rule_expands_within_its_bounds() -> None:
    """The most a valid rule can ask for is 24 times a day for 10,000 occurrences: bounded."""
    rule = Recurrence.from_rrule(
        "FREQ=DAILY;INTERVAL=366;COUNT=10000;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11;BYMINUTE=0,30"
    )
    began = time.perf_counter()
    assert 10_000 == len(rule.occurrences(JAN_5, dt.date(2600, 1, 1), tz="UTC", origin=JAN_5))
    assert time.perf_counter() - began < 5
    # where the clocks change, 01:00 and 01:30 move onto 02:00 and 02:30: one instant each
    london = rule.occurrences(JAN_5, dt.date(2600, 1, 1), tz="Europe/London", origin=JAN_5)
    assert 9_990 < len(london) < 10_000


# Checked against dateutil's expansion, in a zone without changes

dateutil_rrule = pytest.importorskip("dateutil.rrule")


@given(expressible())
@example(Recurrence.weekly([MON, FRI], every_weeks=2, start=dt.date(2026, 1, 7), count=7))
def test_the_subset_means_what_dateutil_takes_it_to_mean(rule: Recurrence) -> None:
    """Our expansion of a rule equals dateutil's, in UTC where no clock changes."""
    start = rule.start or JAN_5
    until = None if rule.until is None else dt.datetime.combine(rule.until, dt.time(23, 59, 59))
    theirs = dateutil_rrule.rrulestr(
        rule.to_rrule().split(";UNTIL=")[0],
        dtstart=dt.datetime.combine(start, dt.time(0)),
        cache=False,
    )
    if until is not None:
        theirs = theirs.replace(until=until)
    end = dt.datetime.combine(start, dt.time(0)) + dt.timedelta(days=800)
    first = dt.datetime.combine(start, dt.time(0))
    expected = list(theirs.between(first, end - dt.timedelta(seconds=1), inc=True))
    ours = rule.occurrences(
        start, end.date(), tz="UTC", origin=start, default_time=dt.time(0), limit=1_000_000
    )
    assert expected == [dt.datetime(*v.timetuple()[:6]) for v in ours]


def test_the_library_never_uses_dateutil() -> None:
    """Expansion is our own bounded code: no module of the package mentions dateutil."""
    source = Path(selfcare.__file__).parent
    assert [] == [p.name for p in source.glob("*.py") if "dateutil" in p.read_text()]
