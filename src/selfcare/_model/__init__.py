"""The domain model: categories, strategies, rituals, the catalog, profiles and reflections.

Above :mod:`selfcare._time`; plans, workdays and insights are built from these values.
"""
