"""Insights over a person's reflections, and the recommendations built on them.

Every insight reads reflections the same way (see :mod:`.days`): a reflection's day is its
local date in its own zone, and several reflections on one day are merged. Habit strength
and streaks live in :mod:`.habits`, strategy effects in :mod:`.effects`, category balance in
:mod:`.balance`, the wellbeing trend in :mod:`.trend`, the support advisory in
:mod:`.support`, and the recommender in :mod:`.recommend`. Above :mod:`selfcare._model`.
"""
