"""Specification of the zone names accepted: the tz database's places, and UTC.

Every place that takes a zone (profiles, plans, ``tz=`` of recurrences, rituals, plan items,
``resolve_local`` and the workday planner, and the zone of a zoned datetime) goes through
one check. It accepts the names of places and refuses, saying why and what to write
instead, the names that depend on the host, fixed offsets and abbreviations.
"""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import datetime as dt
import importlib.abc
import importlib.machinery
import importlib.util
import pickle
import re
import zoneinfo
from collections.abc import Callable

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfcare import (
    Anchor,
    Period,
    Plan,
    PlanItem,
    Profile,
    Recurrence,
    Reflection,
    Ritual,
    RitualStep,
    Role,
    Session,
    ValidationError,
    WorkdayRules,
    plan_workday,
    resolve_local,
)
from selfcare._time.zoned import (
    _REFUSED,
    DateTime,
    _is_accepted,
    _tzdata_names,
    _zone,
    accepted_zones,
    check_zone,
    check_zoned,
    zoneinfo_names,
)
from selfcare.testing import ZONES

JAN_5 = dt.date(2026, 1, 5)
EXPECTED = "expected an IANA time zone name such as 'Europe/London' or 'UTC'"
#: The continents and oceans, and the old country folders of the backward file.
AREAS = (
    *("Africa/", "America/", "Antarctica/", "Arctic/", "Asia/", "Atlantic/", "Australia/"),
    *("Europe/", "Indian/", "Pacific/", "Brazil/", "Canada/", "Chile/", "Mexico/", "US/"),
)
FIXED = "an abbreviation for a fixed offset without daylight-saving rules"
OLD_RULE = "an abbreviation of an old POSIX rule, not a place"


def rejected(call: Callable[[], object]) -> ValidationError:
    """Run a call that must be refused and return its error."""
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value


def message(value: object, field: str = "tz") -> str:
    """The message check_zone gives for a value, after its field."""
    err = rejected(lambda: check_zone(field, value))
    [(path, text)] = err.problems
    assert field == path
    return text


# Accepted: the names of places, and UTC


@pytest.mark.parametrize(
    "name",
    [
        "Europe/London",
        "UTC",
        "Etc/UTC",
        "America/New_York",
        "America/Argentina/Buenos_Aires",
        "America/St_Johns",
        "Asia/Kathmandu",
        "Pacific/Kiritimati",
        "Pacific/Pago_Pago",
        # links of the tz database's backward file that name a place
        "US/Eastern",
        "Canada/Newfoundland",
        "Asia/Calcutta",
        "Europe/Kiev",
        "America/Buenos_Aires",
        "GB",
        "Japan",
        "NZ-CHAT",
        "W-SU",
    ],
)
def test_the_names_of_places_and_utc_are_accepted(name: str) -> None:
    """A canonical name, a backward link to a place, UTC and Etc/UTC are kept as given."""
    assert name == check_zone("tz", name)


def test_every_accepted_name_names_a_place_or_is_utc() -> None:
    """An accepted name has a continent, ocean or country folder, is an old country name, or UTC."""
    odd = [
        name
        for name in accepted_zones()
        if not name.startswith(tuple(AREAS)) and "/" in name and name != "Etc/UTC"
    ]
    assert [] == odd
    assert {"UTC", "Etc/UTC"} <= accepted_zones()
    assert accepted_zones() <= zoneinfo_names()
    assert 400 < len(accepted_zones())


def test_the_zones_the_test_strategies_draw_are_accepted() -> None:
    """selfcare.testing.ZONES holds only zones the check accepts."""
    assert set(ZONES) <= accepted_zones()


def test_every_other_name_of_the_tz_database_is_refused_with_its_reason() -> None:
    """No name the database lists here is refused as unknown: each has its own reason."""
    unexplained = [
        name
        for name in sorted(zoneinfo_names() - accepted_zones())
        if "which is no zone" in message(name) or f"got '{name}'" not in message(name)
    ]
    assert [] == unexplained


# Refused: names that depend on the host, fixed offsets, abbreviations, other names of UTC


@pytest.mark.parametrize(
    "name", ["localtime", "posixrules", "Factory", "local", "posix/Europe/London", "right/UTC"]
)
def test_names_that_depend_on_the_host_are_refused(name: str) -> None:
    """localtime, posixrules, Factory and the host's copies of the database are no places."""
    text = message(name)
    assert text.startswith(f"{EXPECTED}, got '{name}', which depends on the host")
    assert "name the place's zone instead, e.g. '" in text


@pytest.mark.parametrize(
    ("name", "offset"),
    [
        ("Etc/GMT+5", "UTC-05:00"),  # POSIX's sign: five hours behind UTC
        ("Etc/GMT-14", "UTC+14:00"),
        ("Etc/GMT+12", "UTC-12:00"),
        ("UTC+2", "UTC+02:00"),
        ("GMT-05:00", "UTC-05:00"),
        ("+01:00", "UTC+01:00"),
        ("utc+05:30", "UTC+05:30"),
    ],
)
def test_fixed_offsets_are_refused_with_the_offset_they_stand_for(name: str, offset: str) -> None:
    """An Etc/GMT zone or an offset written as a zone says which offset it is."""
    expected = (
        f"{EXPECTED}, got '{name}', a fixed offset ({offset}) without daylight-saving rules; "
        "name the place's zone instead, e.g. 'Europe/London'"
    )
    assert expected == message(name)


@pytest.mark.parametrize(
    "name", ["GMT", "GMT+0", "GMT-0", "GMT0", "Greenwich", "Etc/GMT", "Etc/GMT0", "Etc/Greenwich"]
)
def test_greenwich_mean_time_is_refused_for_london_or_utc(name: str) -> None:
    """GMT has no summer time: a person in Britain wants Europe/London, universal time UTC."""
    expected = (
        f"{EXPECTED}, got '{name}', a fixed offset without daylight-saving rules; name the "
        "place's zone instead, e.g. 'Europe/London' (which keeps British Summer Time), or "
        "write 'UTC'"
    )
    assert expected == message(name)


@pytest.mark.parametrize(
    ("name", "why", "instead"),
    [
        ("EST", FIXED, "'America/New_York'"),
        ("est", FIXED, "'America/New_York'"),
        ("MST", FIXED, "'America/Denver' or 'America/Phoenix'"),
        ("HST", FIXED, "'Pacific/Honolulu'"),
        ("EST5EDT", OLD_RULE, "'America/New_York'"),
        ("CST6CDT", OLD_RULE, "'America/Chicago'"),
        ("MST7MDT", OLD_RULE, "'America/Denver'"),
        ("PST8PDT", OLD_RULE, "'America/Los_Angeles'"),
        ("CET", "an abbreviation, not a place", "'Europe/Paris'"),
        ("MET", "an abbreviation, not a place", "'Europe/Paris'"),
        ("EET", "an abbreviation, not a place", "'Europe/Athens'"),
        ("WET", "an abbreviation, not a place", "'Europe/Lisbon'"),
    ],
)
def test_abbreviations_are_refused_with_a_place_to_name_instead(
    name: str, why: str, instead: str
) -> None:
    """EST, EST5EDT, CET and their kind name no place; the message suggests one."""
    expected = f"{EXPECTED}, got '{name}', {why}; name the place's zone instead, e.g. {instead}"
    assert expected == message(name)


@pytest.mark.parametrize(
    "name", ["UCT", "Universal", "Zulu", "Etc/UCT", "Etc/Universal", "Etc/Zulu"]
)
def test_other_names_of_utc_are_refused_for_utc(name: str) -> None:
    """UTC has one spelling here: 'UTC' (or 'Etc/UTC')."""
    assert f"{EXPECTED}, got '{name}', another name for UTC; write 'UTC'" == message(name)


@pytest.mark.parametrize("name", ["Eastern Standard Time", "GMT Standard Time"])
def test_windows_zone_names_are_refused_without_being_quoted(name: str) -> None:
    """A Windows name is recognised for what it is, and described by its length."""
    expected = (
        f"{EXPECTED}, got a string of {len(name)} characters, a Windows zone name, not an "
        "IANA one; name the place's zone instead, e.g. 'America/New_York'"
    )
    assert expected == message(name)


def test_the_refused_names_are_not_accepted() -> None:
    """No name of the refusal table is in the accepted set."""
    assert set() == set(_REFUSED) & accepted_zones()


# A misspelt zone: a suggestion from the accepted names, ignoring case


@pytest.mark.parametrize(
    ("value", "suggestion"),
    [
        ("America/NewYork", "America/New_York"),
        ("europe/london", "Europe/London"),
        ("Europe/Londn", "Europe/London"),
        ("EUROPE/PARIS", "Europe/Paris"),
        ("America/Sao_Paolo", "America/Sao_Paulo"),
    ],
)
def test_a_misspelt_zone_gets_the_closest_accepted_name(value: str, suggestion: str) -> None:
    """The message quotes an Area/Place value and asks whether the closest name was meant."""
    expected = f"{EXPECTED}, got '{value}', which is no zone; did you mean '{suggestion}'?"
    assert expected == message(value)


@pytest.mark.parametrize(
    ("value", "suggestion"),
    [("London", "Europe/London"), ("Tokyo", "Asia/Tokyo"), ("utc", "UTC")],
)
def test_a_bare_word_gets_a_suggestion_without_being_quoted(value: str, suggestion: str) -> None:
    """A single word might be anything a person wrote: it is described, and a zone offered."""
    expected = (
        f"{EXPECTED}, got a string of {len(value)} characters, which is no zone; "
        f"did you mean '{suggestion}'?"
    )
    assert expected == message(value)


def test_a_suggestion_is_given_without_quoting_what_is_not_zone_shaped() -> None:
    """A space where an underscore belongs still finds the zone, but the text is described."""
    expected = (
        f"{EXPECTED}, got a string of 8 characters, which is no zone; "
        "did you mean 'America/New_York'?"
    )
    assert expected == message("New York")


def test_a_name_like_no_zone_says_how_zones_are_named() -> None:
    """Without a close name, the message says to name the place's zone as Area/City."""
    expected = (
        f"{EXPECTED}, got a string of 17 characters, which is no zone; name the place's zone "
        "as Area/City, e.g. 'America/New_York'"
    )
    assert expected == message("Mars/Olympus_Mons")  # no such area: not quoted


# What a message may quote


@pytest.mark.parametrize(
    ("value", "described"),
    [
        ("I walked with my sister", "a string of 23 characters"),
        ("Europe/Notes-2026-01-05", "a string of 23 characters"),  # digits: no tz name has them
        ("../etc/passwd", "a string of 13 characters"),
        ("x" * 65, "a string of 65 characters"),
        ("", "a string of 0 characters"),
    ],
)
def test_text_that_is_not_zone_shaped_is_described_not_quoted(value: str, described: str) -> None:
    """Only letters, '_' and '-' in up to three parts of 14 characters may be quoted back."""
    text = message(value)
    assert text.startswith(f"{EXPECTED}, got {described}, ")
    assert f"'{value}'" not in text


#: What a message may quote: the shape of a tz database name (ASCII letters, '_' and '-',
#: no digits, up to three parts of 14 characters), an offset, or a name the database lists.
ZONE_SHAPE = re.compile(r"[A-Za-z][A-Za-z_-]{0,13}(/[A-Za-z][A-Za-z_-]{0,13}){0,2}")
OFFSET_SHAPE = re.compile(r"(etc/gmt|gmt|utc)?[+-][0-9]{1,2}(:?[0-9]{2})?", re.IGNORECASE)


QUOTED_AREAS = {"africa", "america", "antarctica", "arctic", "asia", "atlantic", "australia"} | {
    "europe",
    "indian",
    "pacific",
    "brazil",
    "canada",
    "chile",
    "mexico",
    "us",
    "posix",
    "right",
}


def may_be_quoted(value: str) -> bool:
    return bool(
        (
            ZONE_SHAPE.fullmatch(value)
            and "/" in value
            and value.split("/")[0].lower() in QUOTED_AREAS
        )
        or OFFSET_SHAPE.fullmatch(value)
        or value in zoneinfo_names()
        or value.lower() in {name.lower() for name in _REFUSED}
    )


@given(st.text(max_size=80) | st.from_regex(ZONE_SHAPE, fullmatch=True))
def test_no_text_is_quoted_unless_it_is_shaped_like_a_zone(value: str) -> None:
    """Rejected text is quoted only when it is a listed name, an offset or an Area/Place name."""
    if value in accepted_zones():
        return
    text = message(value)
    assert (f"got '{value}'" in text) == may_be_quoted(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "got None; pass the zone's name as a string, e.g. 'Europe/London'"),
        (1, "got 1; pass the zone's name as a string, e.g. 'Europe/London'"),
        (dt.UTC, "got a timezone; pass its name, 'UTC'"),
        (zoneinfo.ZoneInfo("Europe/Paris"), "got a ZoneInfo; pass its name, 'Europe/Paris'"),
        (
            zoneinfo.ZoneInfo("EST"),
            "got a ZoneInfo; pass the name of the place's zone, e.g. 'Europe/London'",
        ),
    ],
)
def test_a_value_of_another_type_is_described(value: object, expected: str) -> None:
    """A number, None or a zone object where a name belongs says to pass the name."""
    assert f"{EXPECTED}, {expected}" == message(value, "timezone")


def test_the_error_carries_no_other_exception() -> None:
    """Nothing is chained to the error, so no traceback shows more than its message."""
    err = rejected(lambda: check_zone("tz", "Europe/Londn"))
    assert (None, None) == (err.__cause__, err.__context__)


# Every place that takes a zone refuses the same names, the same way


def _profile(zone: object) -> object:
    return Profile(role=Role.CLIENT, timezone=zone, daily_minutes=30)  # type: ignore[arg-type]


def _plan(zone: object) -> object:
    period = Period.weeks_from(JAN_5, 1)
    return Plan(id="plan-1", role=Role.CLIENT, timezone=zone, period=period)  # type: ignore[arg-type]


def _ritual(zone: object) -> object:
    ritual = Ritual(
        id="evening",
        name="Evening",
        steps=[RitualStep("one-insight", 5)],
        anchor=Anchor.at(dt.time(21)),
        recurrence=Recurrence.daily(),
        roles={Role.CLIENT},
    )
    return ritual.occurrences(JAN_5, JAN_5 + dt.timedelta(days=1), tz=zone)  # type: ignore[arg-type]


ENTRY_POINTS = [
    pytest.param(_profile, "timezone", id="profile"),
    pytest.param(_plan, "timezone", id="plan"),
    pytest.param(
        lambda z: Recurrence.daily().occurrences(JAN_5, JAN_5, tz=z), "tz", id="occurrences"
    ),
    pytest.param(
        lambda z: PlanItem("short-walk", Recurrence.daily(), 10).occurrences(JAN_5, JAN_5, tz=z),
        "tz",
        id="plan-item",
    ),
    pytest.param(_ritual, "tz", id="ritual"),
    pytest.param(lambda z: resolve_local(JAN_5, dt.time(7), z), "tz", id="resolve-local"),
    pytest.param(
        lambda z: plan_workday([], rules=WorkdayRules(), tz=z, day=JAN_5), "tz", id="workday"
    ),
]


@pytest.mark.parametrize(("call", "field"), ENTRY_POINTS)
@pytest.mark.parametrize("zone", ["EST", zoneinfo.ZoneInfo("EST"), pendulum.timezone("EST")])
def test_every_place_that_takes_a_zone_refuses_an_abbreviation(
    call: Callable[[object], object], field: str, zone: object
) -> None:
    """EST is refused by name, as a ZoneInfo and as a pendulum zone, with the same reason."""
    if not isinstance(zone, str) and field == "timezone":
        zone = "EST"  # a profile and a plan store the name itself
    [(path, text)] = rejected(lambda: call(zone)).problems
    expected = (
        f"{EXPECTED}, got 'EST', an abbreviation for a fixed offset without daylight-saving "
        "rules; name the place's zone instead, e.g. 'America/New_York'"
    )
    assert (field, expected) == (path, text)


@pytest.mark.parametrize(
    ("call", "field"),
    [
        pytest.param(lambda t: check_zoned("at", t), "at", id="check-zoned"),
        pytest.param(lambda t: Reflection(at=t, author=Role.CLIENT), "at", id="reflection"),
        pytest.param(lambda t: Session(t, 50), "start", id="session"),
    ],
)
@pytest.mark.parametrize("tz", [zoneinfo.ZoneInfo("EST"), pendulum.timezone("Etc/GMT+5")])
def test_a_datetime_in_a_refused_zone_is_refused_the_same_way(
    call: Callable[[dt.datetime], object], field: str, tz: dt.tzinfo
) -> None:
    """A zoned datetime whose zone is EST or Etc/GMT+5 says why its zone is refused."""
    key = tz.key  # type: ignore[attr-defined]
    [(path, text)] = rejected(lambda: call(dt.datetime(2026, 1, 5, 9, tzinfo=tz))).problems
    assert field == path
    assert text.startswith(
        "expected a datetime with an IANA time zone such as 'Europe/London' or 'UTC', "
        f"got one in '{key}', "
    )
    assert text.endswith(("e.g. 'America/New_York'", "e.g. 'Europe/London'"))


def test_a_pickled_instant_in_a_zone_refused_since_is_refused_on_loading() -> None:
    """A value pickled in a zone now refused does not load into an unchecked DateTime."""
    value = DateTime(2026, 1, 5, 9, tzinfo=pendulum.timezone("EST"))
    err = rejected(lambda: pickle.loads(pickle.dumps(value)))
    assert "tzinfo" == err.problems[0][0]
    assert "got 'EST'" in err.problems[0][1]


def _case_variants(name: str) -> list[str]:
    return [name.lower(), name.upper(), name.swapcase(), f"{name}x", name[:-1]]


@given(
    st.sampled_from(sorted(zoneinfo_names())).flatmap(
        lambda n: st.sampled_from([n, *_case_variants(n)])
    )
)
def test_a_zone_is_accepted_without_listing_exactly_when_the_listing_accepts_it(name: str) -> None:
    """The one-file check of the tzdata package agrees with the whole listing, name by name.

    Every listed name, its case variants and near misses: refused names of the package
    (``EST``, ``Etc/GMT+5``) stay refused, and a variant in other case is never accepted.
    """
    assert (name in accepted_zones()) == _is_accepted(name)
    assert (name in accepted_zones()) == (_zone(name) is not None)


def test_the_tzdata_package_lists_names_the_database_lists() -> None:
    """The package's own list is part of the listing, so it can only answer the same."""
    assert 500 < len(_tzdata_names())
    assert _tzdata_names() <= zoneinfo_names()


def test_the_first_check_of_a_listed_zone_reads_one_file_not_the_whole_database() -> None:
    """Checking ``Europe/London`` in a fresh process does not list the database (about 20 ms)."""
    _zone.cache_clear()
    zoneinfo_names.cache_clear()
    try:
        assert "Europe/London" == check_zone("tz", "Europe/London")
        assert 0 == zoneinfo_names.cache_info().currsize
        with pytest.raises(ValidationError):
            check_zone("tz", "Europe/Londn")  # a near miss lists it, to find a suggestion
        assert 1 == zoneinfo_names.cache_info().currsize
    finally:
        _zone.cache_clear()


class Unreadable(importlib.abc.Loader):
    """A loader whose files cannot be read."""

    def get_data(self, path: str) -> bytes:
        raise PermissionError(path)


def unreadable_package() -> importlib.machinery.ModuleSpec:
    """A package whose files cannot be read."""
    spec = importlib.machinery.ModuleSpec("tzdata", Unreadable(), is_package=True)
    assert spec.submodule_search_locations is not None
    spec.submodule_search_locations.append("/nowhere/tzdata")
    return spec


@pytest.mark.parametrize(
    "found",
    [
        pytest.param(lambda: None, id="not-installed"),
        pytest.param(lambda: importlib.machinery.ModuleSpec("tzdata", None), id="no-loader"),
        pytest.param(lambda: importlib.machinery.ModuleSpec("tzdata", Unreadable()), id="a-module"),
        pytest.param(unreadable_package, id="unreadable"),
    ],
)
def test_without_the_tzdata_package_the_listing_decides(
    monkeypatch: pytest.MonkeyPatch,
    found: Callable[[], importlib.machinery.ModuleSpec | None],
) -> None:
    """Where the package cannot be read, the list is empty and every name is looked up."""
    spec = found()
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: spec)
    assert frozenset() == _tzdata_names.__wrapped__()
    monkeypatch.setattr("selfcare._time.zoned._tzdata_names", lambda: frozenset())
    _zone.cache_clear()
    try:
        assert "Europe/London" == check_zone("tz", "Europe/London")
        assert not _is_accepted("europe/london")
        assert not _is_accepted("EST")
    finally:
        _zone.cache_clear()
