"""Where protected time goes in a day of sessions: the arithmetic, on integer minutes.

Everything here counts whole minutes since the epoch, so a 23- or 25-hour day needs no
special case. Sessions are fixed. Protected time is placed only in working hours and never
over a session, in this order of importance:

1. a *transition* straight after each session (when the gap is at least ``min_gap``),
2. *notes* owed for each session (or each run of sessions), in the first free time after it,
3. *lunch* inside its window,
4. *decompression* after the last session.

A few layouts are tried (notes before lunch; lunch first, early or late) and the one that
loses the least, most important time first, is kept; what does not fit becomes a warning.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from selfcare._workday.day import BlockKind
from selfcare._workday.rules import NotesPer, WorkdayRules


class Frame(NamedTuple):
    """The fixed points of a day, in epoch minutes."""

    day_start: int
    day_end: int
    work_start: int
    work_end: int
    lunch_start: int
    lunch_end: int


class Booked(NamedTuple):
    """A session on the timeline: its minutes and its position in the caller's list."""

    start: int
    end: int
    position: int


class Slot(NamedTuple):
    """A placed block before it becomes a :class:`~selfcare.Block`."""

    kind: BlockKind
    start: int
    end: int
    session: int = -1  # the session it is for (a session or the one a transition follows)
    covers: tuple[int, ...] = ()  # notes: the sessions whose notes it holds
    wanted: int = 0  # transition: the minutes wanted when it had to be shortened


class Gap(NamedTuple):
    """Two sessions too close together for a transition between them."""

    before: Booked
    after: Booked


class Layout(NamedTuple):
    """The placed blocks and what did not fit."""

    slots: list[Slot]
    runs: list[list[Booked]]
    missing_transitions: list[Gap]
    notes_owed: int
    notes_short: int
    lunch_missing: bool
    decompression_missing: bool


def runs(sessions: Sequence[Booked], min_break: int) -> list[list[Booked]]:
    """Group sorted sessions into runs with no break of ``min_break`` minutes inside."""
    found: list[list[Booked]] = []
    for booked in sessions:
        if found and booked.start - found[-1][-1].end < min_break:
            found[-1].append(booked)
        else:
            found.append([booked])
    return found


def free(occupied: Sequence[Slot], low: int, high: int) -> list[tuple[int, int]]:
    """The stretches of ``[low, high)`` that no slot covers, in order."""
    pieces: list[tuple[int, int]] = []
    cursor = low
    for slot in sorted(occupied, key=lambda s: s.start):
        if slot.start > cursor:
            pieces.append((cursor, min(slot.start, high)))
        cursor = max(cursor, slot.end)
        if cursor >= high:
            break
    if cursor < high:
        pieces.append((cursor, high))
    return [(a, b) for a, b in pieces if b > a]


def _transitions(
    frame: Frame, sessions: Sequence[Booked], rules: WorkdayRules
) -> tuple[list[Slot], list[Gap]]:
    """A transition straight after each session, in working hours, where the gap allows."""
    placed: list[Slot] = []
    missing: list[Gap] = []
    if not rules.transition_minutes:
        return placed, missing
    for index, booked in enumerate(sessions):
        following = sessions[index + 1] if index + 1 < len(sessions) else None
        limit = min(following.start if following else frame.day_end, frame.work_end)
        in_hours = frame.work_start <= booked.end < frame.work_end
        room = limit - booked.end if in_hours else 0
        if room >= rules.min_gap:
            length = min(room, rules.transition_minutes)
            wanted = rules.transition_minutes if length < rules.transition_minutes else 0
            end = booked.end + length
            placed.append(Slot(BlockKind.TRANSITION, booked.end, end, booked.position, (), wanted))
        elif following is not None and following.start - booked.end < rules.min_gap:
            missing.append(Gap(booked, following))
    return placed, missing


def _debts(
    sessions: Sequence[Booked], groups: Sequence[Sequence[Booked]], rules: WorkdayRules
) -> list[tuple[int, int, int]]:
    """The notes owed: ``(from minute, session position, minutes)`` in time order."""
    if not rules.notes_minutes:
        return []
    if rules.notes_per is NotesPer.SESSION:
        owed = list(sessions)
    else:
        owed = [group[-1] for group in groups]
    return [(b.end, b.position, rules.notes_minutes) for b in owed]


def _notes(
    occupied: list[Slot], frame: Frame, debts: Sequence[tuple[int, int, int]], min_gap: int
) -> tuple[list[Slot], int]:
    """Place owed notes greedily in the first free time after each session."""
    placed: list[Slot] = []
    queue: list[list[int]] = []  # [session position, minutes still owed]
    waiting = list(debts)
    for low, high in free(occupied, frame.work_start, frame.work_end):
        while waiting and waiting[0][0] <= low:
            _, position, minutes = waiting.pop(0)
            queue.append([position, minutes])
        owed = sum(minutes for _, minutes in queue)
        take = min(owed, high - low)
        if not owed or take < min(min_gap, owed):
            continue
        covers: list[int] = []
        left = take
        while left and queue:
            paid = min(left, queue[0][1])
            covers.append(queue[0][0])
            queue[0][1] -= paid
            left -= paid
            if not queue[0][1]:
                queue.pop(0)
        placed.append(Slot(BlockKind.NOTES, low, low + take, covers=tuple(covers)))
    short = sum(minutes for _, minutes in queue) + sum(minutes for *_, minutes in waiting)
    return placed, short


def _lunch(occupied: list[Slot], frame: Frame, minutes: int, latest: bool) -> Slot | None:
    low = max(frame.lunch_start, frame.work_start)
    high = min(frame.lunch_end, frame.work_end)
    fits = [(a, b) for a, b in free(occupied, low, high) if b - a >= minutes]
    if not minutes or not fits:
        return None
    a, b = fits[-1] if latest else fits[0]
    return (
        Slot(BlockKind.LUNCH, b - minutes, b) if latest else Slot(BlockKind.LUNCH, a, a + minutes)
    )


def _decompression(occupied: list[Slot], frame: Frame, after: int, minutes: int) -> Slot | None:
    low = max(after, frame.work_start)
    fits = [(a, b) for a, b in free(occupied, low, frame.work_end) if b - a >= minutes]
    if not minutes or not fits:
        return None
    return Slot(BlockKind.DECOMPRESSION, fits[0][0], fits[0][0] + minutes)


def layout(frame: Frame, sessions: Sequence[Booked], rules: WorkdayRules) -> Layout:
    """Place protected time around ``sessions`` (sorted, not overlapping) by ``rules``."""
    groups = runs(sessions, rules.min_break_minutes)
    booked = [Slot(BlockKind.SESSION, b.start, b.end, b.position) for b in sessions]
    transitions, missing = _transitions(frame, sessions, rules)
    debts = _debts(sessions, groups, rules)
    lunch_minutes = rules.lunch_minutes if sessions else 0
    rest = rules.decompression_minutes if sessions else 0
    last_end = max((b.end for b in sessions), default=frame.work_start)
    best: tuple[tuple[int, ...], list[Slot], int] | None = None
    # Notes first then lunch; or lunch first, as early or as late as it goes.
    for number, lunch_first, latest in ((0, False, False), (1, True, False), (2, True, True)):
        occupied = [*booked, *transitions]
        lunch = _lunch(occupied, frame, lunch_minutes, latest) if lunch_first else None
        occupied += [lunch] if lunch else []
        notes, short = _notes(occupied, frame, debts, rules.min_gap)
        occupied += notes
        if not lunch_first:
            lunch = _lunch(occupied, frame, lunch_minutes, latest)
            occupied += [lunch] if lunch else []
        quiet = _decompression(occupied, frame, last_end, rest)
        occupied += [quiet] if quiet else []
        no_lunch = lunch is None and lunch_minutes > 0
        no_quiet = quiet is None and rest > 0
        score = (short, int(no_lunch), int(no_quiet), number)
        if best is None or score < best[0]:
            best = (score, occupied, short)
        if score[:3] == (0, 0, 0):
            break
    assert best is not None
    (short, lunch_lost, quiet_lost, _), occupied, _ = best
    return Layout(
        slots=sorted(occupied, key=lambda s: s.start),
        runs=groups,
        missing_transitions=missing,
        notes_owed=sum(minutes for *_, minutes in debts),
        notes_short=short,
        lunch_missing=bool(lunch_lost),
        decompression_missing=bool(quiet_lost),
    )
