"""The specification of ``selfcare._time``."""
