"""Upgrades of documents written by earlier versions of the format, one version at a time.

``MIGRATIONS[n]`` turns a document of version ``n`` into one of version ``n + 1``; it gets
a copy of the document's top-level object and returns the upgraded one. A migration only
adds or renames what changed: every value is still checked when the document is read.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from selfcare._io.documents import Document, Migration

__all__ = ["MIGRATIONS"]


def _is_plan(value: object) -> bool:
    return type(value) is dict and "revisions" in value and "period" in value


def v1_to_v2(document: Document) -> Document:
    """Version 2 adds a plan's ``shortfall`` (what the generator could not fit): ``null``.

    The document given is a copy of the caller's top-level object; the plans inside a list
    document are copied too before they change, so the caller's data is never touched.
    """
    if document.get("type") == "plan":
        document.setdefault("shortfall", None)
    values = document.get("values")
    if document.get("type") == "list" and type(values) is list:
        document["values"] = [
            {"shortfall": None, **value} if _is_plan(value) else value for value in values
        ]
    return document


def v2_to_v3(document: Document) -> Document:
    """Version 3 adds fields whose defaults say what a version 2 document meant.

    A version 2 document reads as version 3 with these values for the keys it lacks:

    - a ``strategy`` is an activity with a times-a-week cadence whose count the generator
      decides, kept at no set time: ``"kind": "activity"``, ``"cadence": "times-a-week"``,
      ``"times_a_week": null``, ``"times_of_day": []``, ``"at": null``;
    - a ``ritual_step`` has no alternatives: ``"alternatives": []``;
    - a ``profile`` has no fixed routine: ``"fixed_routine": false``;
    - a ``recurrence`` (daily, weekly or times-per-week: ``monthly`` is new) has no day of
      the month and no nth weekday: ``"monthday": null``, ``"nth": null``.

    (Version 3 also lets a plan item's ``minutes`` be 0, which needs nothing here.)

    These are exactly the defaults of the fields, and reading fills in a missing key with
    its default, so the document is returned as it is: nothing is written. Writing the keys
    would mean finding every strategy, step, profile and recurrence in the document, nested
    in catalogs, rituals, plans, revisions and item changes, and in list documents, which
    do not say what they hold. The tests read version 2 documents and check each default;
    should a default ever change, this migration must write the value above instead.
    """
    return document


def v3_to_v4(document: Document) -> Document:
    """Version 4 adds habits as people keep them; a version 3 document means the defaults.

    A version 3 document reads as version 4 with these values for the keys it lacks:

    - a ``strategy`` is not measured: ``"unit": null``, ``"target": null``;
    - a ``practice`` records no amount and no note: ``"amount": null``, ``"note": null``;
    - a ``ritual`` is done when every step is done and has no reminders:
      ``"done_at_least": null``, ``"reminders": []``;
    - a ``plan_item`` has no reminders: ``"reminders": []``;
    - a ``plan`` and a ``revision`` have no plan-wide pauses: ``"pauses": []``;
    - a ``plan_changes`` added and removed no pauses: ``"pauses_added": []``,
      ``"pauses_removed": []``.

    (Version 4 also lets a reflection hold several practices of one strategy, which needs
    nothing here: every version 3 reflection is a valid version 4 one.)

    As in :func:`v2_to_v3`, these are exactly the fields' defaults, which reading fills in,
    so the document is returned as it is; the tests read version 3 golden documents and
    check each default.
    """
    return document


MIGRATIONS: Mapping[int, Migration] = MappingProxyType({1: v1_to_v2, 2: v2_to_v3, 3: v3_to_v4})
