"""The bottom layer: the errors, checks, frozen maps and short reprs every package uses.

Nothing here knows the domain; it imports only the standard library. The errors are
defined in :mod:`selfcare._core.errors` and imported by users from :mod:`selfcare.errors`.
"""
