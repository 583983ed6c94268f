"""Send an agreed, revised plan and a week of check-ins to a health record as FHIR, and back.

Run it with ``python examples/health_record.py``. It prints what a clinician's record would
show: the care plan's activities, who changed the plan and when, and the check-ins; then it
reads the bundle back and checks that the plan and the check-ins came back as they were. The
bundle is written to no server: an app posts it with its own FHIR client.
"""

from __future__ import annotations

import datetime as dt
import json

import pendulum

from selfcare import (
    Benefit,
    Contributor,
    Journal,
    Practice,
    Profile,
    Ratings,
    Reflection,
    Role,
    generate_plan,
)
from selfcare.fhir import from_fhir, reflections_from_fhir, to_fhir

ZONE = "America/New_York"
START = dt.date(2026, 11, 2)  # the clocks go back in New York on 1 November
THERAPIST = Contributor("therapist-1", Role.THERAPIST)
CLIENT = Contributor("client-7", Role.CLIENT)


def main() -> None:
    profile = Profile(
        role=Role.CLIENT, timezone=ZONE, daily_minutes=30, goals={Benefit.COPING_SKILLS}
    )
    plan = generate_plan(profile, start=START)
    plan = plan.activate(by=THERAPIST, at=pendulum.datetime(2026, 10, 30, 15, tz=ZONE))
    plan = plan.revise(
        by=CLIENT,
        at=pendulum.datetime(2026, 11, 9, 20, tz=ZONE),
        reason="evenings are for my kids",  # private: not exported unless asked
        remove=[plan.items[-1].strategy_id],
    )
    week = [
        Reflection(
            at=pendulum.datetime(2026, 11, 2 + n, 21, tz=ZONE),
            author=Role.CLIENT,
            ratings=Ratings(mood=5 + n % 3, stress=6 - n % 4),
            practised=[Practice.done(plan.items[0].strategy_id)],
            journal=Journal(note="what I wrote tonight"),  # never exported
        )
        for n in range(7)
    ]

    for version in ("R4", "R5"):
        bundle = to_fhir(plan, version=version, subject="Patient/123", reflections=week)
        text = json.dumps(bundle)
        kinds = [entry["resource"]["resourceType"] for entry in bundle["entry"]]
        print(f"FHIR {version}: {len(text):,} bytes of JSON, {len(kinds)} resources:")
        for kind in dict.fromkeys(kinds):
            print(f"  {kinds.count(kind)} {kind}")
        assert "kids" not in text
        assert "tonight" not in text
        assert from_fhir(bundle).items == plan.items
        assert reflections_from_fhir(bundle) == tuple(
            Reflection(at=r.at, author=r.author, ratings=r.ratings, practised=r.practised)
            for r in week
        )

    bundle = to_fhir(plan, version="R4", subject="Patient/123", reflections=week)
    careplan = bundle["entry"][0]["resource"]
    period = careplan["period"]
    print(
        f"\nCarePlan ({careplan['status']}, {careplan['intent']}), "
        f"{period['start']} to {period['end']}, {period['extension'][0]['valueCode']}:"
    )
    for activity in careplan["activity"]:
        print("  -", activity["detail"]["description"])
    print("\nChanges:")
    for entry in bundle["entry"]:
        resource = entry["resource"]
        if resource["resourceType"] == "Provenance":
            who = resource["agent"][0]["who"]["identifier"]["value"]
            before = len(resource["contained"][0].get("activity", []))
            print(f"  {resource['recorded']} by {who} (the plan before had {before} activities)")
    print("\nCheck-ins:")
    for entry in bundle["entry"]:
        resource = entry["resource"]
        if resource["resourceType"] == "Observation":
            values = {
                c["code"]["coding"][0]["code"]: c.get("valueInteger", "done")
                for c in resource["component"]
            }
            print(f"  {resource['effectiveDateTime']}: {values}")
    back = from_fhir(bundle)
    print(
        f"\nRead back: version {back.version}, equal but for the private reason: "
        f"{back.revisions[-1].reason == ''}"
    )


if __name__ == "__main__":
    main()
