"""The HTML views shown in notebooks (``_repr_html_``): building blocks and one module a view.

The top layer with :mod:`selfcare._io`. Domain values reach their views in one way only: a
``_repr_html_`` method imports its view lazily, so the domain packages never import this one
when they load (the architecture test names exactly that exception).
"""
