"""The specification of ``selfcare._insights``."""
