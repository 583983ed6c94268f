"""An app brings its own strategies, a ritual and a prompt: first added to the built-in
catalog, then as a catalog of its own that replaces the built-in one.

Run it with ``python examples/extend_catalog.py``. A community-garden app adds gardening
and a voice note to a friend, a morning ritual that uses them, and a reflection prompt;
a plan generated from the extended catalog picks them up. Then a workplace app replaces
the catalog with five strategies of its own, and a plan and recommendations come only
from those. The catalog checks that every ritual step names a strategy it holds.
"""

from __future__ import annotations

import datetime as dt

import pendulum

import selfcare
from selfcare import (
    Anchor,
    Benefit,
    Catalog,
    Category,
    Effort,
    Profile,
    Prompt,
    Recurrence,
    Ritual,
    RitualStep,
    Role,
    Strategy,
    TimeOfDay,
    ValidationError,
    default_catalog,
    generate_plan,
    recommend,
    to_json,
)

START = dt.date(2026, 4, 6)  # a Monday
ZONE = "Europe/London"
CLIENTS = {Role.CLIENT}
BOTH = {Role.CLIENT, Role.THERAPIST}

# The garden app's own entries. Ids are stable slugs: plans and reflections refer to them.
GARDENING = Strategy(
    id="garden-tending",
    name="Tending the community garden",
    category=Category.PHYSICAL,
    roles=BOTH,
    minutes=20,
    effort=Effort.LOW,
    benefits={Benefit.RESILIENCE, Benefit.COPING_SKILLS},
    tags={"nature", "outdoors"},
    description="Weeding, watering or just walking the beds.",
)
VOICE_NOTE = Strategy(
    id="voice-note-to-friend",
    name="A voice note to a friend",
    category=Category.EMOTIONAL,
    roles=BOTH,
    minutes=5,
    benefits={Benefit.RESILIENCE, Benefit.TRUST},
    tags={"social"},
)
MORNING_GARDEN = Ritual(
    id="morning-garden",
    name="Morning in the garden",
    steps=[RitualStep("garden-tending", 10), RitualStep("mindful-breathing", 3)],
    anchor=Anchor.at(dt.time(7, 30)),
    recurrence=Recurrence.daily(),
    roles=CLIENTS,
)
GARDEN_PROMPT = Prompt(
    id="garden-noticing",
    text="What did you notice growing today, in the garden or in yourself?",
    roles=BOTH,
    category=Category.PHYSICAL,
)

# The workplace app's whole catalog: no built-in entries at all.
WORKPLACE = Catalog(
    strategies=[
        Strategy(
            "desk-stretch",
            "Stretch at your desk",
            Category.PHYSICAL,
            CLIENTS,
            5,
            benefits={Benefit.COPING_SKILLS},
        ),
        Strategy(
            "lunch-outside",
            "Lunch away from the desk",
            Category.PHYSICAL,
            CLIENTS,
            30,
            benefits={Benefit.RESILIENCE},
            tags={"outdoors"},
        ),
        Strategy(
            "inbox-zero-hour",
            "One hour without email",
            Category.PRACTICAL,
            CLIENTS,
            60,
            effort=Effort.MEDIUM,
            benefits={Benefit.PERSONAL_RESPONSIBILITY},
        ),
        Strategy(
            "colleague-coffee",
            "Coffee with a colleague",
            Category.EMOTIONAL,
            CLIENTS,
            15,
            benefits={Benefit.RESILIENCE, Benefit.TRUST},
            tags={"social"},
        ),
        Strategy(
            "three-breaths",
            "Three slow breaths",
            Category.EMOTIONAL,
            CLIENTS,
            1,
            benefits={Benefit.COPING_SKILLS},
        ),
        Strategy(
            "tomorrow-list",
            "Tomorrow's three tasks",
            Category.PRACTICAL,
            CLIENTS,
            5,
            benefits={Benefit.PERSONAL_RESPONSIBILITY, Benefit.COPING_SKILLS},
        ),
    ],
    rituals=[
        Ritual(
            "end-of-day",
            "Close the working day",
            [RitualStep("tomorrow-list", 5), RitualStep("three-breaths", 1)],
            Anchor.at(dt.time(17, 30)),
            Recurrence.daily(),
            CLIENTS,
        ),
    ],
    prompts=[
        Prompt("work-weight", "What from work are you still carrying, and can it wait?", CLIENTS),
    ],
)


def show_plan(title: str, plan: selfcare.Plan, catalog: Catalog, own: set[str]) -> None:
    print(title)
    for ritual in plan.rituals:
        mark = "*" if ritual.id in own else " "
        print(
            f"  {mark} ritual {ritual.name}: {ritual.anchor.describe()}, "
            f"{' then '.join(ritual.strategy_ids)} ({ritual.minutes} min)"
        )
    for item in plan.items:
        strategy = catalog.strategy(item.strategy_id)
        mark = "*" if item.strategy_id in own else " "
        print(
            f"  {mark} {strategy.name} [{strategy.category.label}], {item.minutes} min, "
            f"{item.recurrence.describe()}"
        )
        print(f"      because {item.reasons[0].text}")
    print("  (* = the app's own)\n")


def main() -> None:
    # 1. Extend: the built-in catalog plus the app's entries. An entry whose id is already
    #    there would replace it; these ids are new.
    built_in = default_catalog()
    garden = built_in.with_entries(
        strategies=[GARDENING, VOICE_NOTE], rituals=[MORNING_GARDEN], prompts=[GARDEN_PROMPT]
    )
    print(
        f"built-in catalog: {len(built_in.strategies)} strategies, "
        f"{len(built_in.rituals)} rituals, {len(built_in.prompts)} prompts"
    )
    print(
        f"garden catalog:   {len(garden.strategies)} strategies, "
        f"{len(garden.rituals)} rituals, {len(garden.prompts)} prompts"
    )
    print(f"prompt for a client: {garden.prompt('garden-noticing').text}\n")

    gardener = Profile(
        role=Role.CLIENT,
        timezone=ZONE,
        daily_minutes=40,
        goals={Benefit.RESILIENCE, Benefit.TRUST},
        preferred_times={TimeOfDay.MORNING},
        values={"nature", "outdoors"},
    )
    plan = generate_plan(gardener, garden, start=START, weeks=4, seed=2)
    own = {GARDENING.id, VOICE_NOTE.id, MORNING_GARDEN.id}
    show_plan("A plan from the extended catalog:", plan, garden, own)

    # Built-in entries can be trimmed too; a ritual may not lose a step's strategy.
    try:
        garden.without("mindful-breathing")
    except ValidationError as error:
        print(f"removing a strategy a ritual uses is refused:\n  {error}\n")

    # 2. Replace: the workplace app's catalog is all there is.
    worker = Profile(
        role=Role.CLIENT,
        timezone=ZONE,
        daily_minutes=[30, 30, 30, 30, 30, 0, 0],  # Monday to Sunday
        goals={Benefit.COPING_SKILLS, Benefit.RESILIENCE},
        preferred_times={TimeOfDay.AFTERNOON},
    )
    work_plan = generate_plan(worker, WORKPLACE, start=START, weeks=2, seed=2)
    own = {s.id for s in WORKPLACE.strategies} | {r.id for r in WORKPLACE.rituals}
    show_plan("A plan from the workplace app's own catalog:", work_plan, WORKPLACE, own)
    assert set(work_plan.strategy_ids) <= own, "only the app's own strategies are planned"

    now = pendulum.datetime(2026, 4, 8, 12, 30, tz=ZONE)
    picks = recommend(worker, WORKPLACE, at=now, k=3)
    print("Recommended now, from the workplace catalog only:")
    for pick in picks:
        print(f"  {WORKPLACE.strategy(pick.strategy_id).name}: {pick.reasons[0].text}")

    # A ritual must name strategies its catalog holds; the mistake is caught when built.
    try:
        Catalog(strategies=WORKPLACE.strategies, rituals=[MORNING_GARDEN])
    except ValidationError as error:
        print(f"\nA ritual naming a missing strategy is refused:\n  {error}")

    # The app stores its catalog like any other value.
    print(f"\nThe workplace catalog as JSON: {len(to_json(WORKPLACE))} characters")


if __name__ == "__main__":
    main()
