"""Instruments, responses and scores out to FHIR: Questionnaire, QuestionnaireResponse and
Observation, validated by the same independent models and rules as the plans' resources."""

# Tests read `assert expected == actual`, with the expected value first.

from __future__ import annotations

import json
from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from selfcare import (
    PROQOL_5,
    SELF_CARE_CHECK_IN,
    WHO_5,
    Instrument,
    Response,
    ValidationError,
    score,
)
from selfcare.fhir import Version, to_fhir
from selfcare.testing import instruments, responses
from tests.io.test_fhir_models import check

VERSIONS: tuple[Version, ...] = ("R4", "R5")
AT = pendulum.datetime(2026, 12, 1, 20, tz="Europe/London")
WHO5_ANSWERS = {"who5-1": 3, "who5-2": 2, "who5-3": 3, "who5-4": 1, "who5-5": 4}


def kinds(bundle: dict[str, Any]) -> list[str]:
    return [entry["resource"]["resourceType"] for entry in bundle.get("entry", [])]


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("instrument", [WHO_5, PROQOL_5, SELF_CARE_CHECK_IN])
def test_a_shipped_instrument_is_a_valid_questionnaire(
    version: Version, instrument: Instrument
) -> None:
    bundle = to_fhir(instrument, version=version, subject="Patient/123")
    check(bundle, version, codes=False)
    (questionnaire,) = (e["resource"] for e in bundle["entry"])
    assert [i.id for i in instrument.items] == [i["linkId"] for i in questionnaire["item"]]
    assert [i.text for i in instrument.items] == [i.get("text") for i in questionnaire["item"]]
    assert instrument.licence == questionnaire["copyright"]
    values = [int(o["valueCoding"]["code"]) for o in questionnaire["item"][0]["answerOption"]]
    assert [o.value for o in instrument.options] == values


def test_the_proqol_questionnaire_carries_no_item_text() -> None:
    """Its wording may not be shipped: the app's own Questionnaire gives it."""
    for version in VERSIONS:
        bundle = to_fhir(PROQOL_5, version=version, subject="Patient/123")
        assert [] == [i for i in bundle["entry"][0]["resource"]["item"] if "text" in i]


@pytest.mark.parametrize("version", VERSIONS)
def test_a_who5_response_and_its_scores(version: Version) -> None:
    response = Response("who-5", AT, WHO5_ANSWERS)
    bundle = to_fhir([response], version=version, subject="Patient/123")
    check(bundle, version, codes=False)
    assert ["QuestionnaireResponse", "Observation"] == kinds(bundle)
    answers, scores = (e["resource"] for e in bundle["entry"])
    assert "https://w3id.org/selfcare/fhir/Questionnaire/who-5|1998" == answers["questionnaire"]
    given = {i["linkId"]: int(i["answer"][0]["valueCoding"]["code"]) for i in answers["item"]}
    assert WHO5_ANSWERS == given
    assert [{"reference": bundle["entry"][0]["fullUrl"]}] == scores["derivedFrom"]
    values = {
        c["code"]["coding"][0]["code"]: c["valueQuantity"]["value"] for c in scores["component"]
    }
    assert {"raw": 13.0, "percentage": 52.0} == values
    assert [{"text": "moderate or good well-being"}] == scores["component"][1]["interpretation"]
    assert "2026-12-01T20:00:00+00:00" == answers["authored"] == scores["effectiveDateTime"]


@given(
    st.sampled_from(VERSIONS), instruments().flatmap(lambda i: st.tuples(st.just(i), responses(i)))
)
def test_any_instrument_and_response_are_valid_fhir(
    version: Version, drawn: tuple[Instrument, Response]
) -> None:
    instrument, response = drawn
    check(to_fhir(instrument, version=version, subject="Patient/123"), version, codes=False)
    bundle = to_fhir([response], version=version, subject="Patient/123", instruments=[instrument])
    check(bundle, version, codes=False)
    scored = score(response, instrument)
    observation = bundle["entry"][1]["resource"]
    assert [s.value for s in scored.scales] == [
        c["valueQuantity"]["value"] for c in observation.get("component", [])
    ]


def test_a_response_to_an_unknown_instrument_or_an_incomplete_one_is_refused() -> None:
    stranger = Response("sleep-check", AT, {"rested": 731})
    with pytest.raises(ValidationError) as caught:
        to_fhir([stranger], version="R4", subject="Patient/123")
    assert ["value[0].instrument"] == [path for path, _ in caught.value.problems]
    partial = Response("who-5", AT, {"who5-1": 731})
    with pytest.raises(ValidationError) as caught:
        to_fhir(partial, version="R5", subject="Patient/123")
    assert "731" not in str(caught.value)
    assert "value[0].answers[who5-2]" == caught.value.problems[0][0]


def test_answers_never_leave_in_an_error_or_beside_other_values() -> None:
    """The bundle holds the answers (it is what is sent) and nothing else of the person."""
    bundle = json.dumps(
        to_fhir(Response("who-5", AT, WHO5_ANSWERS), version="R4", subject="Patient/123")
    )
    assert "Europe/London" in bundle
