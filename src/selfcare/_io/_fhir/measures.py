"""Instruments as FHIR ``Questionnaire`` resources, responses as ``QuestionnaireResponse``s.

A response's scores go with it as an ``Observation`` (a survey) that names the response it
was derived from, one component per scale. An item whose text the instrument's licence does
not let the library ship has no ``text``: the app's own Questionnaire, with the licensed
wording, can stand in for it under the same canonical URL.
"""

from __future__ import annotations

from typing import Any

from selfcare._io._fhir import codes as c
from selfcare._io._fhir.codes import Version, coding, concept, resource_id
from selfcare._io._fhir.write import urn, written, zoned
from selfcare._measures.instruments import Instrument
from selfcare._measures.responses import Response, score


def questionnaire_url(instrument: Instrument) -> str:
    """The canonical URL of an instrument's questionnaire."""
    return f"{c.CANON}/Questionnaire/{instrument.id}"


def answer_system(instrument: Instrument) -> str:
    """The code system of an instrument's answers: each option's value as its code."""
    return f"{c.CANON}/CodeSystem/{instrument.id}-answers"


def questionnaire(instrument: Instrument, version: Version) -> dict[str, Any]:
    """An instrument as a ``Questionnaire``: its items, their answers, licence and citation."""
    options = [
        {"valueCoding": coding(answer_system(instrument), str(o.value), o.label)}
        for o in instrument.options
    ]
    items = []
    for item in instrument.items:
        entry: dict[str, Any] = {"linkId": item.id}
        if item.text is not None:
            entry["text"] = item.text
        entry.update(type="choice" if version == "R4" else "coding", required=True)
        entry["answerOption"] = options
        items.append(entry)
    data: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "id": resource_id("Questionnaire", instrument.id, instrument.version),
        "url": questionnaire_url(instrument),
        "version": instrument.version,
        "name": "".join(part.capitalize() for part in instrument.id.split("-")),
        "title": instrument.name,
        "status": "active",
    }
    if written(instrument.instructions):
        data["description"] = instrument.instructions
    if written(instrument.citation):
        data["purpose"] = f"Citation: {instrument.citation}"
    if written(instrument.licence):
        data["copyright"] = instrument.licence
    data["item"] = items
    return data


def questionnaire_response(
    response: Response, instrument: Instrument, n: int, *, version: Version, subject: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A response as a ``QuestionnaireResponse``, and its scores as an ``Observation``."""
    authored, zone = zoned(response.at, version)
    labels = {o.value: o.label for o in instrument.options}
    data: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "id": resource_id(subject, "QuestionnaireResponse", instrument.id, str(n), authored),
        "questionnaire": f"{questionnaire_url(instrument)}|{instrument.version}",
        "status": "completed",
        "subject": {"reference": subject},
        "authored": authored,
        "_authored": zone,
    }
    answered = [
        {
            "linkId": item.id,
            "answer": [
                {
                    "valueCoding": coding(
                        answer_system(instrument),
                        str(response.answers[item.id]),
                        labels[response.answers[item.id]],
                    )
                }
            ],
        }
        for item in instrument.items
        if item.id in response.answers
    ]
    if answered:
        data["item"] = answered
    scored = score(response, instrument)
    components = []
    for part in scored.scales:
        scale = instrument.scale(part.scale)
        component: dict[str, Any] = {
            "code": concept(f"{c.CANON}/CodeSystem/{instrument.id}-scales", scale.id, scale.name),
            "valueQuantity": {
                "value": part.value,
                "unit": "score",
                "system": c.UCUM,
                "code": "{score}",
            },
        }
        if part.band is not None:
            component["interpretation"] = [{"text": part.band}]
        components.append(component)
    observation: dict[str, Any] = {
        "resourceType": "Observation",
        "id": resource_id(subject, "Observation", "score", instrument.id, str(n), authored),
        "status": "final",
        "category": [concept(c.OBSERVATION_CATEGORY, "survey", "Survey")],
        "code": concept(f"{c.CANON}/CodeSystem/instruments", instrument.id, instrument.name),
        "subject": {"reference": subject},
        "effectiveDateTime": authored,
        "_effectiveDateTime": zone,
        "derivedFrom": [{"reference": urn(data)}],
    }
    if components:
        observation["component"] = components
    return data, observation
