"""The specification of ``selfcare._model``."""
