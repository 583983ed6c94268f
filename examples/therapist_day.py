"""A therapist's Tuesday: seven client sessions, planned with protected time and boundaries.

Run it with ``python examples/therapist_day.py``. It plans the day with the default rules
(an 8-minute transition ritual after each session, 10 minutes of notes per session, a
30-minute lunch between 12:00 and 14:00, 10 minutes of decompression), prints the schedule
and its warnings, and then checks the evening's emails against the therapist's boundaries.
"""

from __future__ import annotations

import datetime as dt

import pendulum

from selfcare import (
    Boundary,
    ContactEvent,
    ContactKind,
    Session,
    WorkdayRules,
    WorkingHours,
    check_boundaries,
    plan_workday,
)

TZ = "Europe/London"
DAY = dt.date(2026, 3, 3)


def at(hour: int, minute: int = 0) -> pendulum.DateTime:
    return pendulum.datetime(DAY.year, DAY.month, DAY.day, hour, minute, tz=TZ)


# What a practice-management app would pass in: times and lengths, and its own opaque
# references - never client names.
SESSIONS = [
    Session(at(8, 30), 50, ref="appt-1041"),
    Session(at(9, 30), 50, ref="appt-1042"),
    Session(at(10, 30), 50, ref="appt-1043"),
    Session(at(11, 30), 50, ref="appt-1044"),
    Session(at(12, 30), 50, ref="appt-1045"),
    Session(at(14, 30), 50, ref="appt-1046"),
    # A family session booked from a New York office, 75 minutes long.
    Session(pendulum.datetime(2026, 3, 3, 11, tz="America/New_York"), 75, ref="appt-1047"),
]

RULES = WorkdayRules(hours=WorkingHours(dt.time(8, 30), dt.time(18)))


def main() -> None:
    day = plan_workday(SESSIONS, rules=RULES, tz=TZ)
    f = day.figures
    print(f"{DAY:%A %d %B %Y} in {day.tz}: {f.sessions} sessions\n")
    for block in day.blocks:
        when = f"{block.start:%H:%M}–{block.end:%H:%M}"
        print(f"  {when}  {block.kind.value:<13} {block.minutes:>4} min  {block.reason}")

    print("\nWarnings:" if day.warnings else "\nNo warnings.")
    for warning in day.warnings:
        print(f"  - [{warning.code.value}] {warning.message}")

    print(
        f"\nRecovery: {f.client_minutes} minutes with clients, {f.non_client_minutes} without "
        f"({f.protected_minutes} of them protected); the longest stretch without a break is "
        f"{f.longest_stretch_minutes} minutes ({f.most_in_row} sessions)."
    )

    boundaries = [
        Boundary.no_contact_after(dt.time(19)),
        Boundary.gap_after_last_session(45),
    ]
    evening = [
        ContactEvent(ContactKind.EMAIL, at(17, 30)),
        ContactEvent(ContactKind.CALL, at(18, 50), minutes=20),
        ContactEvent(ContactKind.EMAIL, at(21, 40)),
    ]
    found = check_boundaries(boundaries, evening, tz=TZ, sessions=SESSIONS)
    print("\nBoundaries:")
    for violation in found:
        print(f"  - {violation.message}")


if __name__ == "__main__":
    main()
