"""The specification of ``selfcare._display``."""
