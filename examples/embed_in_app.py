"""An app's own attrs classes hold selfcare values, and one cattrs converter stores them.

Run it with ``python examples/embed_in_app.py``. A ``ClientRecord`` (the app's own class)
holds a client's plan and their reflections. ``make_converter()`` from
``selfcare.serialize`` dumps the record to JSON-ready data and loads it back, equal to
what was dumped; a redacting converter gives a copy fit for analytics, without journal
text; and a damaged record is refused with every problem's path, never its text.
"""

from __future__ import annotations

import datetime as dt
import json

import attrs
import cattrs
import pendulum

from selfcare import (
    Benefit,
    Journal,
    Plan,
    Practice,
    Profile,
    Ratings,
    Reflection,
    Role,
    ValidationError,
    generate_plan,
)
from selfcare.serialize import make_converter

ZONE = "Europe/London"
START = dt.date(2026, 11, 30)

#: The version of the app's own record format. selfcare values nested inside a record carry
#: no schema version of their own, so the app versions the record.
RECORD_VERSION = 1


@attrs.frozen
class ClientRecord:
    """What the app stores for one client: its own fields around selfcare values."""

    client_id: str
    plan: Plan
    reflections: list[Reflection] = attrs.field(factory=list)
    pinned_strategy: str | None = None
    version: int = RECORD_VERSION


def build_record() -> ClientRecord:
    client = Profile(
        role=Role.CLIENT,
        timezone=ZONE,
        daily_minutes=30,
        goals={Benefit.COPING_SKILLS},
    )
    plan = generate_plan(client, start=START, weeks=4, seed=3)
    first = plan.items[0].strategy_id
    evenings = [
        Reflection(
            at=pendulum.datetime(2026, 11, 30, 21, tz=ZONE).add(days=n),
            author=Role.CLIENT,
            ratings=Ratings(mood=5 + n % 3, stress=4),
            practised=[Practice.done(first)] if n % 2 == 0 else [],
            journal=Journal(gratitude="a long call with my brother") if n == 2 else Journal(),
        )
        for n in range(5)
    ]
    return ClientRecord("client-7", plan, evenings, pinned_strategy=first)


def problems(error: BaseException, path: str = "$") -> list[tuple[str, str]]:
    """Every problem in a cattrs error, as (path, message), with selfcare's spelled out.

    cattrs reports where in the record a value failed; a selfcare ``ValidationError``
    inside it lists that value's own problems, with paths from the value. Joining the two
    gives one path from the top of the record.
    """
    if isinstance(error, ValidationError):
        return [(path + inner[1:], message) for inner, message in error.problems]
    if isinstance(error, cattrs.ClassValidationError | cattrs.IterableValidationError):
        found = []
        with_notes, others = error.group_exceptions()
        for sub, note in with_notes:
            step = f".{note.name}" if hasattr(note, "name") else f"[{note.index}]"
            found += problems(sub, path + step)
        for sub in others:
            found += problems(sub, path)
        return found
    return [(path, cattrs.v.format_exception(error, None))]


def main() -> None:
    record = build_record()
    converter = make_converter()

    # Dump: JSON-ready primitives, ready for the app's database or file.
    text = json.dumps(converter.unstructure(record), sort_keys=True)
    print(
        f"{record.client_id}: a plan of {len(record.plan.items)} items and "
        f"{len(record.reflections)} reflections, stored as {len(text)} characters of JSON"
    )
    print(f"the first reflection's instant is stored as {json.loads(text)['reflections'][0]['at']}")

    # Load: the same converter reads it back, checking every selfcare value strictly.
    loaded = converter.structure(json.loads(text), ClientRecord)
    print(f"loaded back equal to what was dumped: {loaded == record}")
    assert loaded == record

    # Private text stays out of reprs and out of a redacted copy for analytics.
    print(f"\nthe journal in a repr: {loaded.reflections[2].journal}")
    redacted = make_converter(redact=True).unstructure(record)
    print(f"the journal in the analytics copy: {redacted['reflections'][2]['journal']}")
    assert "brother" not in json.dumps(redacted)

    # A damaged record: every problem is reported with its path, and no text is quoted.
    damaged = json.loads(text)
    damaged["reflections"][1]["ratings"]["mood"] = 11
    damaged["reflections"][2]["at"] = "2026-12-02T21:00:00"  # no offset, no zone
    damaged["plan"]["items"][0]["minutes"] = "ten"
    try:
        converter.structure(damaged, ClientRecord)
    except cattrs.ClassValidationError as error:
        print("\nthe damaged record is refused:")
        for path, message in problems(error):
            print(f"  - {path}: {message}")


if __name__ == "__main__":
    main()
