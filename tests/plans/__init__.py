"""The specification of ``selfcare._plans``."""
