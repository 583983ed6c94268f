"""The specification of ``selfcare._core``."""
