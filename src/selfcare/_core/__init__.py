"""The bottom layer: checks, frozen maps and short reprs that every other package uses.

Nothing here knows the domain; it imports only :mod:`selfcare.errors` and the standard library.
"""
