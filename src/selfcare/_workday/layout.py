"""Where protected time goes in a day of sessions: the arithmetic, on integer minutes.

Everything here counts whole minutes since the epoch, so a 23- or 25-hour day needs no
special case. Sessions are fixed. Protected time is placed only in working hours and never
over a session. When it cannot all fit, it is given in this order, so what comes last is
what gives way:

1. a *transition* straight after each session that another session follows;
2. *lunch*, whole, inside its window;
3. *decompression* after the last session;
4. *notes*, oldest first, in the free time after their sessions: split across gaps if need
   be (never into pieces shorter than ``min_gap``) and carried to the end of the day, but
   the last session's notes in one piece;
5. the *transition after the last session*, which leads to no session: lunch,
   decompression and notes take its place when they need the room.

Lunch is tried in each free stretch of its window, as early and as late as it goes, with the
last transition and without it; the layout that loses the least, in that order, is kept, and
only what still does not fit becomes a warning. Then the blocks settle: notes, lunch and
decompression close up against what comes before them, and notes go before lunch when lunch
still ends inside its window.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from selfcare._workday.day import BlockKind
from selfcare._workday.rules import NotesPer, WorkdayRules

NOTES, LUNCH, DECOMPRESSION = BlockKind.NOTES, BlockKind.LUNCH, BlockKind.DECOMPRESSION


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
    instead: bool = False  # decompression: in place of the transition after the last session


class Gap(NamedTuple):
    """Two sessions too close together for a transition between them."""

    before: Booked
    after: Booked


class Debt(NamedTuple):
    """Notes owed for a session: from which minute, for which session, how many minutes."""

    due: int
    session: int
    minutes: int


class Layout(NamedTuple):
    """The placed blocks and what did not fit."""

    slots: list[Slot]
    runs: list[list[Booked]]
    missing_transitions: list[Gap]
    notes_owed: int
    notes_lost: list[Debt]  # the minutes of notes still owed, session by session
    lunch_missing: bool
    decompression_missing: bool

    @property
    def notes_short(self) -> int:
        """The minutes of notes that did not fit into working hours."""
        return sum(debt.minutes for debt in self.notes_lost)


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


def piece(owed: int, room: int, min_gap: int, *, whole: bool) -> int:
    """How many of ``owed`` minutes of notes go into ``room`` minutes.

    All of them when they fit; otherwise, unless they must stay ``whole``, the most that
    leaves at least ``min_gap`` minutes on each side of the split; otherwise none.

    Example:
        >>> piece(10, 30, 5, whole=False), piece(10, 7, 5, whole=False), piece(10, 7, 5, whole=True)
        (10, 5, 0)
    """
    if owed <= room:
        return owed
    cut = 0 if whole else min(room, owed - min_gap)
    return cut if cut >= min_gap else 0


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
) -> list[Debt]:
    """The notes owed, in time order: after each session, or after each run of sessions."""
    if not rules.notes_minutes:
        return []
    owed = sessions if rules.notes_per is NotesPer.SESSION else [group[-1] for group in groups]
    return [Debt(b.end, b.position, rules.notes_minutes) for b in owed]


def _notes(
    occupied: Sequence[Slot], frame: Frame, debts: Sequence[Debt], min_gap: int
) -> tuple[list[Slot], list[Debt]]:
    """Write the notes owed, oldest first, into the free working time after their sessions.

    Returns the notes blocks (one for each free stretch used) and what is still owed.
    """
    placed: list[Slot] = []
    waiting = list(debts)
    queue: list[Debt] = []
    last = debts[-1].session if debts else -1
    for low, high in free(occupied, frame.work_start, frame.work_end):
        while waiting and waiting[0].due <= low:
            queue.append(waiting.pop(0))
        cursor, covers = low, []
        while queue:
            debt = queue[0]
            pay = piece(debt.minutes, high - cursor, min_gap, whole=debt.session == last)
            if not pay:
                break
            covers.append(debt.session)
            cursor += pay
            if pay == debt.minutes:
                queue.pop(0)
            else:
                queue[0] = debt._replace(minutes=debt.minutes - pay)
        if covers:
            placed.append(Slot(NOTES, low, cursor, covers=tuple(covers)))
    return placed, queue + waiting


def _lunches(occupied: Sequence[Slot], frame: Frame, minutes: int) -> list[Slot | None]:
    """Where lunch may go: as early and as late as it fits in each free stretch of its window."""
    low = max(frame.lunch_start, frame.work_start)
    high = min(frame.lunch_end, frame.work_end)
    starts: list[int] = []
    for a, b in free(occupied, low, high) if minutes else []:
        if b - a >= minutes:
            starts += [a, b - minutes] if b - minutes > a else [a]
    return [Slot(LUNCH, start, start + minutes) for start in starts] or [None]


def _decompression(occupied: Sequence[Slot], frame: Frame, after: int, minutes: int) -> Slot | None:
    """Quiet time after the last session, at the end of the last free stretch that holds it."""
    low = max(after, frame.work_start)
    fits = [(a, b) for a, b in free(occupied, low, frame.work_end) if b - a >= minutes]
    if not minutes or not fits:
        return None
    return Slot(DECOMPRESSION, fits[-1][1] - minutes, fits[-1][1])


def _trials(
    fixed: list[Slot], last: Slot | None, frame: Frame, lunch_minutes: int
) -> Iterator[tuple[list[Slot], Slot | None]]:
    """The layouts to try: with the last transition, then without; lunch in each place."""
    bases = [fixed, [slot for slot in fixed if slot is not last]] if last else [fixed]
    for base in bases:
        for lunch in _lunches(base, frame, lunch_minutes):
            yield base, lunch


def layout(frame: Frame, sessions: Sequence[Booked], rules: WorkdayRules) -> Layout:
    """Place protected time around ``sessions`` (sorted, not overlapping) by ``rules``."""
    groups = runs(sessions, rules.min_break_minutes)
    transitions, missing = _transitions(frame, sessions, rules)
    debts = _debts(sessions, groups, rules)
    fixed = [Slot(BlockKind.SESSION, b.start, b.end, b.position) for b in sessions]
    fixed += transitions
    final = sessions[-1].position if sessions else -1
    last = next((t for t in transitions if t.session == final), None)
    lunch_minutes = rules.lunch_minutes if sessions else 0
    rest = rules.decompression_minutes if sessions else 0
    last_end = sessions[-1].end if sessions else frame.work_start
    best: tuple[tuple[bool, bool, int, int], list[Slot], list[Debt]] | None = None
    for number, (base, lunch) in enumerate(_trials(fixed, last, frame, lunch_minutes)):
        occupied = [*base, *([lunch] if lunch else [])]
        quiet = _decompression(occupied, frame, last_end, rest)
        if quiet:
            occupied.append(quiet._replace(instead=last is not None and last not in base))
        notes, lost = _notes(occupied, frame, debts, rules.min_gap)
        short = sum(debt.minutes for debt in lost)
        score = (lunch is None and lunch_minutes > 0, quiet is None and rest > 0, short, number)
        if best is None or score < best[0]:
            best = (score, occupied + notes, lost)
        if score[:3] == (False, False, 0):
            break
    assert best is not None  # the first trial always runs
    (lunch_lost, quiet_lost, *_), slots, lost = best
    return Layout(
        slots=settle(slots, frame, last_end),
        runs=groups,
        missing_transitions=missing,
        notes_owed=sum(debt.minutes for debt in debts),
        notes_lost=lost,
        lunch_missing=lunch_lost,
        decompression_missing=quiet_lost,
    )


def settle(slots: Sequence[Slot], frame: Frame, last_end: int) -> list[Slot]:
    """Close the gaps a trial layout leaves, keeping every block's length and limits.

    Notes and lunch move back against the block before them (notes not before working
    hours, lunch not before its window), and notes that follow lunch go before it when lunch
    still ends in its window; notes that end up side by side become one block.
    Decompression goes to the first free time that holds it once the work is done; when
    none is left, the trial layout is kept as it was.

    Example:
        >>> frame = Frame(0, 1440, 540, 1020, 780, 840)  # 09:00-17:00, lunch 13:00-14:00
        >>> session = Slot(BlockKind.SESSION, 660, 710, 0)
        >>> done = settle([session, Slot(LUNCH, 780, 810), Slot(NOTES, 810, 820, covers=(0,)),
        ...                Slot(DECOMPRESSION, 1010, 1020)], frame, 710)
        >>> [(s.kind.value, s.start, s.end) for s in done]
        [('session', 660, 710), ('notes', 710, 720), ('decompression', 720, 730), ('lunch', 780, 810)]
    """  # noqa: E501
    floors = {NOTES: frame.work_start, LUNCH: max(frame.lunch_start, frame.work_start)}
    lunch_end = min(frame.lunch_end, frame.work_end)
    settled: list[Slot] = []
    for slot in sorted(slots, key=lambda s: s.start):
        if slot.kind is DECOMPRESSION:
            continue
        if slot.kind in floors:
            slot = _back(slot, settled, floors[slot.kind])
        if slot.kind is NOTES and settled and settled[-1].kind is LUNCH:
            lunch = settled.pop()
            notes = _back(slot, settled, floors[NOTES])
            moved = _back(lunch, [*settled, notes], floors[LUNCH])
            if moved.end <= lunch_end:
                _add(settled, notes)
                slot = moved
            else:
                settled.append(lunch)
        _add(settled, slot)
    quiet = [_unwind(s, settled, frame, last_end) for s in slots if s.kind is DECOMPRESSION]
    done = sorted(settled + quiet, key=lambda s: s.start)
    if any(a.end > b.start for a, b in itertools.pairwise(done)):
        # Moving the work back left decompression no room of its own: keep the trial's
        # layout, in which every block already had its place.
        return sorted(slots, key=lambda s: s.start)
    return done


def _unwind(quiet: Slot, settled: Sequence[Slot], frame: Frame, last_end: int) -> Slot:
    """Decompression in the first free time that holds it after the day's work, or as it was."""
    done = max([last_end, frame.work_start, *(s.end for s in settled if s.kind is not LUNCH)])
    length = quiet.end - quiet.start
    for low, high in free(settled, done, frame.work_end):
        if high - low >= length:
            return quiet._replace(start=low, end=low + length)
    return quiet


def _back(slot: Slot, before: Sequence[Slot], floor: int) -> Slot:
    """``slot`` moved to start as the last of ``before`` ends, or at ``floor``."""
    start = max(floor, before[-1].end if before else floor)
    return slot._replace(start=start, end=start + slot.end - slot.start)


def _add(settled: list[Slot], slot: Slot) -> None:
    """Append ``slot``, joining notes to notes that end as it starts."""
    previous = settled[-1] if settled else None
    if slot.kind is NOTES and previous and previous.kind is NOTES and previous.end == slot.start:
        covers = tuple(dict.fromkeys(previous.covers + slot.covers))
        settled[-1] = previous._replace(end=slot.end, covers=covers)
    else:
        settled.append(slot)
