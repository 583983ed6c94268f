"""Specifications for the built-in catalog: it holds the seed's content, in our own words."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from selfcare import (
    Anchor,
    Benefit,
    Cadence,
    Catalog,
    Category,
    Recurrence,
    Role,
    Strategy,
    TimeOfDay,
    Unit,
    Weekday,
    default_catalog,
)
from tests import ROOT

SEED = ROOT.parent / "shared" / "seed" / "000_b808b288e7375b95.txt"
CATALOG_PAGE = ROOT / "docs" / "reference" / "catalog.md"

T = frozenset({Role.THERAPIST})
C = frozenset({Role.CLIENT})
BOTH = frozenset(Role)

# The strategy lists of the seed, as the seed words them (so CI needs no copy of the file).
SEED_STRATEGY_LINES = """
Regular supervision or consultation with peers
Personal therapy or counseling
Journaling about clinical experiences (maintaining confidentiality)
Setting boundaries with clients (e.g., no emails after hours)
Identifying and expressing emotions (journaling, art)
Mindfulness, meditation, or grounding exercises
Setting boundaries in relationships
Seeking social support or talking to trusted people
Consistent sleep
Nutritious meals
Movement (even a short daily walk)
Relaxation techniques (e.g., progressive muscle relaxation)
Reading, learning, or other stimulating activities
Limiting social media or news intake
Self-compassion and positive self-talk
Challenging unhelpful thought patterns learned in therapy
Consistent daily routines
Organizing tasks and setting realistic goals
Managing finances and responsibilities in manageable chunks
Spiritual practice or prayer
Time in nature
Reflection on values and life purpose
""".strip().splitlines()

# Seed phrase -> (strategy id, category, roles).
SEED_STRATEGIES: dict[str, tuple[str, Category, frozenset[Role]]] = {
    # Self-care strategies for therapists.
    "Regular supervision or consultation with peers": (
        "peer-supervision",
        Category.PROFESSIONAL,
        T,
    ),
    "Personal therapy or counseling": ("personal-therapy", Category.PROFESSIONAL, T),
    "Journaling about clinical experiences (maintaining confidentiality)": (
        "clinical-journaling",
        Category.PROFESSIONAL,
        T,
    ),
    "Setting boundaries with clients (e.g., no emails after hours)": (
        "client-boundaries",
        Category.PROFESSIONAL,
        T,
    ),
    # Emotional.
    "Identifying and expressing emotions (journaling, art)": (
        "expressing-emotions",
        Category.EMOTIONAL,
        BOTH,
    ),
    "Mindfulness, meditation, or grounding exercises": (
        "mindfulness-meditation",
        Category.EMOTIONAL,
        BOTH,
    ),
    "Setting boundaries in relationships": ("relationship-boundaries", Category.EMOTIONAL, BOTH),
    "Seeking social support or talking to trusted people": (
        "social-support",
        Category.EMOTIONAL,
        BOTH,
    ),
    # Physical.
    "Consistent sleep": ("consistent-sleep", Category.PHYSICAL, BOTH),
    "Nutritious meals": ("nutritious-meals", Category.PHYSICAL, BOTH),
    "Movement (even a short daily walk)": ("daily-movement", Category.PHYSICAL, BOTH),
    "Relaxation techniques (e.g., progressive muscle relaxation)": (
        "progressive-muscle-relaxation",
        Category.PHYSICAL,
        BOTH,
    ),
    # Mental & cognitive.
    "Reading, learning, or other stimulating activities": (
        "reading-and-learning",
        Category.MENTAL,
        BOTH,
    ),
    "Limiting social media or news intake": ("news-limits", Category.MENTAL, BOTH),
    "Self-compassion and positive self-talk": ("self-compassion", Category.MENTAL, BOTH),
    "Challenging unhelpful thought patterns learned in therapy": (
        "challenging-thoughts",
        Category.MENTAL,
        C,
    ),
    # Practical.
    "Consistent daily routines": ("daily-routine", Category.PRACTICAL, BOTH),
    "Organizing tasks and setting realistic goals": (
        "organising-tasks",
        Category.PRACTICAL,
        BOTH,
    ),
    "Managing finances and responsibilities in manageable chunks": (
        "manageable-finances",
        Category.PRACTICAL,
        BOTH,
    ),
    # Spiritual (if applicable).
    "Spiritual practice or prayer": ("spiritual-practice", Category.SPIRITUAL, BOTH),
    "Time in nature": ("time-in-nature", Category.SPIRITUAL, BOTH),
    "Reflection on values and life purpose": ("values-reflection", Category.SPIRITUAL, BOTH),
}

# What the seed names elsewhere: burnout prevention and its integration examples.
SEED_PRACTICES: dict[str, tuple[str, Category, frozenset[Role]]] = {
    "through rest": ("rest-and-recovery", Category.PROFESSIONAL, T),
    "and mindfulness": ("therapist-mindfulness", Category.PROFESSIONAL, T),
    "short walk": ("short-walk", Category.PHYSICAL, BOTH),
    "mindful breathing": ("mindful-breathing", Category.EMOTIONAL, BOTH),
    "one insight gained": ("one-insight", Category.MENTAL, BOTH),
    "one gratitude": ("one-gratitude", Category.EMOTIONAL, BOTH),
    "notes": ("session-notes", Category.PROFESSIONAL, T),
    "lunch": ("lunch-break", Category.PHYSICAL, T),
    "decompression": ("decompression", Category.PROFESSIONAL, T),
}

WORKDAYS = {Weekday.MONDAY, Weekday.TUESDAY, Weekday.WEDNESDAY, Weekday.THURSDAY, Weekday.FRIDAY}

# Ritual id -> (steps, anchor, recurrence, roles).
SEED_RITUALS: dict[str, tuple[tuple[str, ...], Anchor, Recurrence, frozenset[Role]]] = {
    "transition-between-sessions": (
        ("short-walk", "mindful-breathing"),
        Anchor.after_each_session(),
        Recurrence.daily(),
        T,
    ),
    "daily-reflection": (
        ("one-insight", "one-gratitude"),
        Anchor.at(dt.time(21, 0)),
        Recurrence.daily(),
        BOTH,
    ),
    "blocked-non-client-time": (
        ("session-notes", "lunch-break", "decompression"),
        Anchor.during_workday(),
        Recurrence.weekly(WORKDAYS),
        T,
    ),
}

CATALOG = default_catalog()


def words(text: str) -> list[str]:
    """Split text into lowercase words, treating typographic apostrophes as plain ones."""
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))


def runs(text: str, length: int) -> set[tuple[str, ...]]:
    """Every run of ``length`` consecutive words in ``text``."""
    ws = words(text)
    return {tuple(ws[i : i + length]) for i in range(len(ws) - length + 1)}


def own_texts() -> list[tuple[str, str]]:
    """Every piece of prose in the catalog, with the id it belongs to."""
    return (
        [(s.id, s.description) for s in CATALOG.strategies]
        + [(s.id, s.name) for s in CATALOG.strategies]
        + [(r.id, r.description) for r in CATALOG.rituals]
        + [(p.id, p.text) for p in CATALOG.prompts]
    )


def how_often(strategy: Strategy) -> str:
    """The page's "how often" cell: the cadence, with the times for n times a week."""
    if strategy.cadence is not Cadence.TIMES_A_WEEK:
        return strategy.cadence.value
    times = strategy.times_a_week
    if times is None:
        return "some days a week"
    return "once a week" if times == 1 else f"{times} times a week"


def when(strategy: Strategy) -> str:
    """The page's "when" cell: the parts of the day it suits and its time, if any."""
    parts = [part.value for part in TimeOfDay if part in strategy.times_of_day]
    if strategy.at is not None:
        parts.append(strategy.at.strftime("%H:%M"))
    return ", ".join(parts) or "any time"


def strategy_row(strategy: Strategy) -> str:
    """The row ``docs/reference/catalog.md`` shows for a strategy."""
    roles = ", ".join(role.value for role in Role if role in strategy.roles)
    benefits = ", ".join(f"`{b.value}`" for b in Benefit if b in strategy.benefits)
    cells = [
        f"`{strategy.id}`",
        strategy.name,
        strategy.kind.value,
        how_often(strategy),
        when(strategy),
        str(strategy.minutes),
        strategy.effort.value,
        roles,
        benefits,
    ]
    return "| " + " | ".join(cells) + " |"


def test_the_table_lists_every_strategy_line_of_the_seed() -> None:
    """The specification table below covers the seed's strategy lists line by line."""
    assert sorted(SEED_STRATEGY_LINES) == sorted(SEED_STRATEGIES)


@pytest.mark.skipif(not SEED.exists(), reason="the seed text is not available here")
def test_the_embedded_seed_lines_match_the_seed_text() -> None:
    """Each embedded seed line and practice phrase appears in the seed text itself."""
    seed = SEED.read_text(encoding="utf-8")
    missing = [line for line in [*SEED_STRATEGY_LINES, *SEED_PRACTICES] if line not in seed]
    assert not missing


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [*SEED_STRATEGIES.items(), *SEED_PRACTICES.items()],
    ids=[*SEED_STRATEGIES, *SEED_PRACTICES],
)
def test_each_seed_strategy_is_in_the_catalog(
    phrase: str, expected: tuple[str, Category, frozenset[Role]]
) -> None:
    """Each strategy the seed names is a catalog strategy with the right category and roles."""
    strategy = CATALOG.strategy(expected[0])
    assert expected == (strategy.id, strategy.category, strategy.roles)


def test_the_catalog_holds_exactly_the_seed_strategies() -> None:
    """The catalog has no strategy beyond those the seed names."""
    expected = sorted(entry[0] for entry in [*SEED_STRATEGIES.values(), *SEED_PRACTICES.values()])
    assert expected == sorted(s.id for s in CATALOG.strategies)


@pytest.mark.parametrize("category", [c for c in Category if c is not Category.PROFESSIONAL])
def test_every_client_category_has_client_strategies(category: Category) -> None:
    """Each of the five client areas offers clients at least two strategies."""
    assert len(CATALOG.find(role=Role.CLIENT, category=category)) >= 2


def test_professional_strategies_are_for_therapists() -> None:
    """The professional category offers therapists strategies, and only therapists."""
    professional = CATALOG.find(category=Category.PROFESSIONAL)
    assert len(CATALOG.find(role=Role.THERAPIST, category=Category.PROFESSIONAL)) >= 4
    assert not [s.id for s in professional if s.roles != T]


@pytest.mark.parametrize("benefit", list(Benefit))
def test_every_benefit_is_served_by_a_strategy_for_its_roles(benefit: Benefit) -> None:
    """Each benefit is served by at least one strategy meant for a role the benefit is for."""
    serving = [
        s.id for s in CATALOG.strategies if benefit in s.benefits and s.roles & benefit.roles
    ]
    assert serving != []


def test_each_strategys_benefits_fit_its_roles() -> None:
    """No strategy claims a benefit that belongs only to roles it is not meant for."""
    misfits = [
        (s.id, b.value) for s in CATALOG.strategies for b in s.benefits if not s.roles & b.roles
    ]
    assert not misfits


def test_every_strategy_has_a_description_benefits_and_tags() -> None:
    """Every strategy says what it is, why it matters and how to find it."""
    incomplete = [
        s.id
        for s in CATALOG.strategies
        if not s.description.strip() or not s.benefits or not s.tags
    ]
    assert not incomplete


@pytest.mark.parametrize("value", ["faith", "family", "nature", "creativity"])
def test_common_personal_values_match_some_tag(value: str) -> None:
    """Personal values a profile may hold match the tags of some strategy."""
    assert CATALOG.find(tag=value) != ()


@pytest.mark.parametrize(("ritual_id", "expected"), SEED_RITUALS.items(), ids=list(SEED_RITUALS))
def test_each_seed_ritual_is_in_the_catalog(
    ritual_id: str,
    expected: tuple[tuple[str, ...], Anchor, Recurrence, frozenset[Role]],
) -> None:
    """Each ritual the seed describes has the right steps, anchor, recurrence and roles."""
    ritual = CATALOG.ritual(ritual_id)
    assert expected == (ritual.strategy_ids, ritual.anchor, ritual.recurrence, ritual.roles)


def test_the_catalog_holds_exactly_the_seed_rituals() -> None:
    """The catalog has no ritual beyond the three the seed describes."""
    assert sorted(SEED_RITUALS) == sorted(r.id for r in CATALOG.rituals)


def test_rituals_use_only_catalog_strategies_meant_for_their_roles() -> None:
    """Every ritual step is a catalog strategy meant for everyone the ritual is for."""
    misfits = [
        (r.id, step)
        for r in CATALOG.rituals
        for step in r.strategy_ids
        if not r.roles <= CATALOG.strategy(step).roles
    ]
    assert not misfits


def test_the_transition_ritual_fits_a_ten_minute_gap() -> None:
    """The transition between sessions takes no more than ten minutes."""
    assert CATALOG.ritual("transition-between-sessions").minutes <= 10


def test_prompts_include_the_daily_reflection() -> None:
    """The catalog has a one-insight and a one-gratitude prompt for both roles."""
    expected = (BOTH, BOTH)
    assert expected == (CATALOG.prompt("one-insight").roles, CATALOG.prompt("one-gratitude").roles)


@pytest.mark.parametrize("category", list(Category))
def test_every_category_has_a_prompt(category: Category) -> None:
    """Each area of self-care has at least one reflection prompt."""
    assert [p.id for p in CATALOG.prompts if p.category is category] != []


@pytest.mark.parametrize("prompt_id", ["mood", "energy", "stress", "support"])
def test_check_in_prompts_exist(prompt_id: str) -> None:
    """There are check-in prompts for mood, energy, stress and whether support is wanted."""
    assert CATALOG.prompt(f"{prompt_id}-check-in").roles == BOTH


def test_the_default_catalog_is_built_once() -> None:
    """Repeated calls return the very same catalog object."""
    assert default_catalog() is default_catalog()


def test_the_default_catalog_equals_a_rebuilt_one() -> None:
    """Building the catalog again gives an equal catalog."""
    rebuilt = default_catalog.__wrapped__()
    assert isinstance(rebuilt, Catalog)
    assert rebuilt == CATALOG
    assert rebuilt is not CATALOG


@pytest.mark.skipif(not SEED.exists(), reason="the seed text is not available here")
def test_descriptions_are_not_copied_from_the_seed() -> None:
    """No name, description or prompt shares a run of eight or more words with the seed."""
    seed_runs = runs(SEED.read_text(encoding="utf-8"), 8)
    copied = [id for id, text in own_texts() if runs(text, 8) & seed_runs]
    assert not copied


def test_the_catalog_page_mentions_every_id() -> None:
    """Every strategy, ritual and prompt id appears in docs/reference/catalog.md."""
    page = CATALOG_PAGE.read_text(encoding="utf-8")
    ids = [
        *(s.id for s in CATALOG.strategies),
        *(r.id for r in CATALOG.rituals),
        *(p.id for p in CATALOG.prompts),
    ]
    assert not [id for id in ids if f"`{id}`" not in page]


def test_the_catalog_page_shows_each_strategy_as_it_is() -> None:
    """The strategy tables in docs/reference/catalog.md match the catalog row by row."""
    lines = set(CATALOG_PAGE.read_text(encoding="utf-8").splitlines())
    assert not [s.id for s in CATALOG.strategies if strategy_row(s) not in lines]


def test_the_page_lists_the_measured_strategies_with_their_targets() -> None:
    """The measured strategies paragraph names each one and its target, and no other."""
    page = CATALOG_PAGE.read_text(encoding="utf-8")
    paragraph = page.split("## Measured strategies")[1].split("##")[0]
    measured = {s.id: s.target for s in default_catalog().strategies if s.unit is not None}
    named = dict(re.findall(r"`([a-z-]+)` \((\d+)\)", paragraph))
    assert {sid: str(target) for sid, target in measured.items()} == named
    assert {Unit.MINUTES} == {s.unit for s in default_catalog().strategies if s.unit}
