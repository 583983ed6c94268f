"""The instruments the library ships: the WHO-5, the ProQOL 5 (scoring only), the check-in.

Licences decide what is shipped. The WHO-5 may be used and reproduced freely with its
attribution, so its items' text is here. The ProQOL 5 may be copied only unchanged, credited
and not sold, terms an open-source licence cannot pass on: only its item numbers, scoring
and bands are here, and an app shows the text it is licensed to show. No proprietary
inventory and no screening instrument that asks about self-harm is shipped;
``docs/explanation/safety.md`` says why.
"""

from __future__ import annotations

from collections.abc import Iterable

from selfcare._core import checks as check
from selfcare._measures.instruments import Band, Instrument, Item, Option, Scale
from selfcare._measures.responses import Response
from selfcare._model.categories import Category
from selfcare._model.reflections import Reflection

__all__ = ["PROQOL_5", "SELF_CARE_CHECK_IN", "WHO_5", "check_in_responses"]

#: The WHO-5 Well-Being Index, with its items' text and the attribution they need.
WHO_5 = Instrument(
    id="who-5",
    name="WHO-5 Well-Being Index",
    version="1998",
    instructions=(
        "Please indicate for each of the five statements which is closest to how you have "
        "been feeling over the last two weeks."
    ),
    items=[
        Item("who5-1", "I have felt cheerful and in good spirits"),
        Item("who5-2", "I have felt calm and relaxed"),
        Item("who5-3", "I have felt active and vigorous"),
        Item("who5-4", "I woke up feeling fresh and rested"),
        Item("who5-5", "My daily life has been filled with things that interest me"),
    ],
    options=[
        Option(0, "At no time"),
        Option(1, "Some of the time"),
        Option(2, "Less than half of the time"),
        Option(3, "More than half of the time"),
        Option(4, "Most of the time"),
        Option(5, "All of the time"),
    ],
    scales=[
        Scale("raw", "Raw score (0 to 25)", items=[f"who5-{n}" for n in range(1, 6)]),
        Scale(
            "percentage",
            "Well-being (0 to 100)",
            items=[f"who5-{n}" for n in range(1, 6)],
            multiplier=4,
            bands=[
                Band("very low well-being: further assessment is usually advised", at_most=28),
                Band("low well-being", at_most=50),
                Band("moderate or good well-being"),
            ],
            meaningful_change=10,
        ),
    ],
    licence=(
        "WHO-5 Well-Being Index, © Psychiatric Research Unit, Mental Health Centre North "
        "Zealand (WHO Collaborating Centre in Mental Health). Free to use without permission; "
        "keep this attribution with the items."
    ),
    citation=(
        "Topp CW, Østergaard SD, Søndergaard S, Bech P. The WHO-5 Well-Being Index: a "
        "systematic review of the literature. Psychother Psychosom. 2015;84(3):167-176. "
        "World Health Organization. Wellbeing measures in primary health care: the DepCare "
        "project. Copenhagen: WHO Regional Office for Europe; 1998."
    ),
)


def _proqol(*numbers: int) -> list[str]:
    return [f"proqol-{n}" for n in numbers]


_PROQOL_BANDS = [Band("low", at_most=22), Band("moderate", at_most=41), Band("high")]

#: The ProQOL 5: item numbers, scoring and bands only; the app supplies the licensed text.
PROQOL_5 = Instrument(
    id="proqol-5",
    name="Professional Quality of Life Scale (ProQOL) version 5",
    version="5",
    items=[Item(f"proqol-{n}") for n in range(1, 31)],  # the app supplies the text
    options=[
        Option(1, "Never"),
        Option(2, "Rarely"),
        Option(3, "Sometimes"),
        Option(4, "Often"),
        Option(5, "Very often"),
    ],
    scales=[
        Scale(
            "compassion-satisfaction",
            "Compassion satisfaction",
            items=_proqol(3, 6, 12, 16, 18, 20, 22, 24, 27, 30),
            bands=_PROQOL_BANDS,
        ),
        Scale(
            "burnout",
            "Burnout",
            items=_proqol(1, 4, 8, 10, 15, 17, 19, 21, 26, 29),
            reversed=_proqol(1, 4, 15, 17, 29),
            bands=_PROQOL_BANDS,
        ),
        Scale(
            "secondary-traumatic-stress",
            "Secondary traumatic stress",
            items=_proqol(2, 5, 7, 9, 11, 13, 14, 23, 25, 28),
            bands=_PROQOL_BANDS,
        ),
    ],
    licence=(
        "© B. Hudnall Stamm, 2009-2012. The ProQOL may be freely copied as long as the "
        "author is credited, no changes are made and it is not sold. Its item text is not "
        "shipped here: the app shows the wording it is licensed to show (see proqol.org)."
    ),
    citation=("Stamm BH. The Concise ProQOL Manual, 2nd ed. Pocatello, ID: ProQOL.org; 2010."),
)

_CATEGORIES = [c.value for c in Category]

#: The library's own check-in: one self-rating a category, 1 to 5, as reflections hold them.
SELF_CARE_CHECK_IN = Instrument(
    id="self-care-check-in",
    name="Self-care check-in",
    version="1",
    instructions="How well did each area of self-care go lately?",
    items=[Item(c.value, f"{c.value.capitalize()} self-care") for c in Category],
    options=[
        Option(1, "Neglected"),
        Option(2, "A little"),
        Option(3, "Some"),
        Option(4, "Mostly well"),
        Option(5, "Well cared for"),
    ],
    scales=[
        Scale(
            c,
            f"{c.capitalize()} self-care",
            items=[c],
            bands=[
                Band("neglected lately", at_most=2),
                Band("some care", at_most=3),
                Band("well cared for"),
            ],
        )
        for c in _CATEGORIES
    ],
    licence="Part of the selfcare library (MIT licence).",
    citation="The selfcare library's own check-in: a self-rating of each category, 1 to 5.",
    partial=True,
)


def check_in_responses(reflections: Iterable[Reflection]) -> tuple[Response, ...]:
    """The self-ratings of reflections as responses to :data:`SELF_CARE_CHECK_IN`.

    Each reflection that rates at least one category gives one response, at its time, so the
    check-in is scored and followed like any instrument.

    Example:
        >>> evening = Reflection(at=pendulum.datetime(2026, 12, 1, 21, tz="Europe/London"),
        ...                      author=Role.CLIENT, self_ratings={Category.PHYSICAL: 2})
        >>> check_in_responses([evening])[0].answers
        {'physical': 2}
    """
    given = check.check_list("reflections", reflections, "Reflection values")
    found = []
    for n, reflection in enumerate(given):
        if not isinstance(reflection, Reflection):
            raise check.fail(f"reflections[{n}]", "expected a Reflection")
        if reflection.self_ratings:
            answers = {c.value: rating for c, rating in reflection.self_ratings.items()}
            found.append(Response(SELF_CARE_CHECK_IN.id, reflection.at, answers))
    return tuple(found)
