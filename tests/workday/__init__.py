"""The specification of ``selfcare._workday``."""
