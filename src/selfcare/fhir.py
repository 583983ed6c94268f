"""Plans, their history and check-ins as HL7 FHIR resources (R4 and R5), and back.

:func:`to_fhir` writes a plan (a ``CarePlan`` with its ``Goal`` resources, in R5 its
``ServiceRequest`` resources, and a ``Provenance`` per revision) and reflections (an ``Observation``
each) as a ``Bundle`` of plain JSON-ready dicts; :func:`from_fhir` and
:func:`reflections_from_fhir` read them back, and read a ``CarePlan`` from another system as
far as it maps. :func:`terminology` writes the code systems the resources use. No FHIR
package is needed: the app sends the dicts with its own client.

``docs/reference/fhir.md`` lists every field mapped, for each version.

Example:
    >>> import datetime, pendulum
    >>> from selfcare import Benefit, Profile, Role, generate_plan
    >>> profile = Profile(role=Role.CLIENT, timezone="Europe/London", daily_minutes=30,
    ...                   goals={Benefit.RESILIENCE})
    >>> plan = generate_plan(profile, start=datetime.date(2026, 11, 30))
    >>> bundle = to_fhir(plan, version="R4", subject="Patient/123")
    >>> [e["resource"]["resourceType"] for e in bundle["entry"]]
    ['CarePlan', 'Goal']
    >>> from_fhir(bundle) == plan
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from selfcare._core import checks as check
from selfcare._io._fhir.codes import (
    CANON,
    VERSIONS,
    Version,
    check_version,
    code_systems,
    value_set,
)
from selfcare._io._fhir.measures import questionnaire, questionnaire_response
from selfcare._io._fhir.read import read_plan, read_reflections
from selfcare._io._fhir.write import PlanWriter, bundle, observation
from selfcare._measures.instruments import Instrument
from selfcare._measures.responses import Response, check_answers
from selfcare._measures.shipped import PROQOL_5, SELF_CARE_CHECK_IN, WHO_5
from selfcare._model.builtin_catalog import catalog_or_default
from selfcare._model.catalog import Catalog
from selfcare._model.categories import Role
from selfcare._model.reflections import Reflection
from selfcare._plans.plan import Plan
from selfcare._time.zoned import check_zone_arg

__all__ = [
    "CANON",
    "VERSIONS",
    "Version",
    "from_fhir",
    "reflections_from_fhir",
    "terminology",
    "to_fhir",
]

_REFERENCE = re.compile(r"(Patient|Group)/[A-Za-z0-9\-.]{1,64}")


def to_fhir(
    value: Plan | Reflection | Response | Instrument | Iterable[Reflection | Response],
    *,
    version: Version,
    subject: str,
    catalog: Catalog | None = None,
    reflections: Iterable[Reflection] = (),
    instruments: Iterable[Instrument] = (),
    private: bool = False,
) -> dict[str, Any]:
    """A plan with its history, check-ins or an instrument, as a FHIR ``Bundle`` (collection).

    Args:
        value: a plan; a reflection or a response to an instrument, or several (a
            ``QuestionnaireResponse`` and an ``Observation`` of its scores each); or an
            instrument (a ``Questionnaire``; ``subject`` is then not written).
        version: ``"R4"`` (FHIR 4.0.1, which most servers run) or ``"R5"`` (5.0.0).
        subject: the reference to the person in the app's FHIR server, such as
            ``"Patient/123"`` (the library knows no patients). FHIR lets a care plan and an
            observation be about a ``Patient`` or a ``Group`` only: a therapist's own plan
            goes in the record the therapist has as a patient (an occupational health
            record, say).
        catalog: the catalog the plan's strategies and rituals are in, whose names the
            resources show (default: the built-in one).
        reflections: check-ins to add to a plan's bundle as ``Observation`` resources.
        instruments: the instruments of the responses, besides the shipped ones.
        private: write the reasons people gave for revisions (``Provenance`` reasons).
            Journal text and practice notes are never written.

    Returns:
        The bundle, as JSON-ready dicts: ``json.dumps`` it, or hand it to a FHIR client.

    Raises:
        UnknownIdError: the plan names a strategy or ritual the catalog does not hold.
        ValidationError: an argument is not valid.

    Example:
        >>> from selfcare import Reflection, Ratings, Role
        >>> check_in = Reflection(at=pendulum.datetime(2026, 12, 1, 21, tz="Europe/London"),
        ...                       author=Role.CLIENT, ratings=Ratings(mood=7))
        >>> obs = to_fhir(check_in, version="R5", subject="Patient/123")["entry"][0]["resource"]
        >>> obs["resourceType"], obs["component"][0]["valueInteger"]
        ('Observation', 7)
    """
    version = check_version(version)
    if not isinstance(subject, str) or not _REFERENCE.fullmatch(subject):
        raise check.fail(
            "subject",
            "expected a reference to the person's Patient resource (or a Group), such as "
            '"Patient/123"',
        )
    catalog = catalog_or_default(catalog)
    private = check.check_bool("private", private)
    known = {i.id: i for i in (WHO_5, PROQOL_5, SELF_CARE_CHECK_IN)}
    for n, instrument in enumerate(check.check_list("instruments", instruments, "Instruments")):
        known[check.check_instance(f"instruments[{n}]", instrument, Instrument).id] = instrument
    if isinstance(value, Instrument):
        return bundle([questionnaire(value, version)])
    if isinstance(value, Plan):
        value.check(catalog)
        resources = PlanWriter(
            value, version=version, subject=subject, catalog=catalog, private=private
        ).resources()
        checks: list[Reflection | Response] = list(_check_ins("reflections", reflections))
        if any(isinstance(r, Response) for r in checks):
            raise check.fail("reflections", "expected Reflection values")
    else:
        resources = []
        one = isinstance(value, Reflection | Response)
        checks = _check_ins("value", [value] if one else value)
        if reflections != ():
            raise check.fail("reflections", "pass reflections as the value, or with a plan")
    for n, entry in enumerate(checks):
        if isinstance(entry, Reflection):
            resources.append(
                observation(entry, n, version=version, subject=subject, catalog=catalog)
            )
            continue
        instrument = known.get(entry.instrument)
        if instrument is None:
            raise check.fail(
                f"value[{n}].instrument",
                f"no instrument {entry.instrument!r}; pass it in instruments=",
            )
        check_answers(entry, instrument, f"value[{n}]")
        resources += questionnaire_response(entry, instrument, n, version=version, subject=subject)
    return bundle(resources)


def _check_ins(field: str, values: object) -> list[Reflection | Response]:
    found = check.check_list(field, values, "Reflection or Response values")
    for value in found:
        if not isinstance(value, Reflection | Response):
            raise check.fail(field, "expected Reflection or Response values")
    return found


def from_fhir(
    bundle: dict[str, Any],
    *,
    catalog: Catalog | None = None,
    timezone: str | None = None,
    role: Role | None = None,
) -> Plan:
    """The plan of the ``CarePlan`` in a bundle (R4 or R5), with its revisions.

    A bundle :func:`to_fhir` wrote comes back equal to the plan, but for the reasons given
    for revisions unless they were written with ``private=True``. A ``CarePlan`` from another
    system is read as far as it maps: activities coded with the catalog's strategies and
    rituals, with a ``Timing`` the library can express.

    Args:
        bundle: the bundle, as parsed JSON.
        catalog: the catalog the activities' codes must be in (default: the built-in one).
        timezone: the plan's zone, when the ``CarePlan`` does not name it.
        role: whom the plan is for, when the ``CarePlan`` does not say.

    Raises:
        ValidationError: listing every part that cannot be read, each by its FHIR path
            (``CarePlan.activity[2].detail.scheduledTiming.repeat.periodUnit``); no message
            quotes the text of the resources.

    Example:
        >>> from_fhir({"resourceType": "Bundle", "type": "collection", "entry": []})
        Traceback (most recent call last):
        ...
        selfcare.errors.ValidationError: Bundle.entry: expected one CarePlan, found 0
    """
    if timezone is not None:
        timezone = check_zone_arg("timezone", timezone)
    if role is not None:
        role = check.check_instance("role", role, Role)
    return read_plan(bundle, catalog=catalog_or_default(catalog), timezone=timezone, role=role)


def reflections_from_fhir(
    bundle: dict[str, Any], *, timezone: str | None = None
) -> tuple[Reflection, ...]:
    """The reflections of the check-in ``Observation`` resources in a bundle, in its order.

    What :func:`to_fhir` wrote comes back equal, with empty journals and practices
    without notes (``note=None``): neither is ever written. Several practices of one
    strategy come back in their order, each with its minutes and amount.
    ``timezone`` is the zone of check-ins whose time does not name one.

    Raises:
        ValidationError: every part that cannot be read, by FHIR path.

    Example:
        >>> from selfcare import Reflection, Ratings, Role
        >>> check_in = Reflection(at=pendulum.datetime(2026, 12, 1, 21, tz="Europe/London"),
        ...                       author=Role.CLIENT, ratings=Ratings(mood=7, stress=3))
        >>> bundle = to_fhir([check_in], version="R4", subject="Patient/123")
        >>> reflections_from_fhir(bundle) == (check_in,)
        True
    """
    if timezone is not None:
        timezone = check_zone_arg("timezone", timezone)
    return read_reflections(bundle, timezone=timezone)


def terminology(catalog: Catalog | None = None, *, version: Version) -> dict[str, Any]:
    """The code systems the resources use, and a value set of the catalog's activities.

    The strategy code system gives each strategy its category as a property (not its unit
    or target, which are no part of what a code means); load the bundle into the FHIR
    server once (and again when the catalog changes) so the codes resolve.

    Example:
        >>> systems = terminology(version="R4")["entry"]
        >>> [e["resource"]["url"].rsplit("/", 1)[1] for e in systems][:3]
        ['strategy', 'category', 'ritual']
    """
    check_version(version)
    catalog = catalog_or_default(catalog)
    return bundle([*code_systems(catalog), value_set()])
