"""Plans: the plan and its revisions, generating one, reviewing it and adherence to it.

Above :mod:`selfcare._insights` (a review reads habit strength and strategy effects) and
:mod:`selfcare._model`.
"""
