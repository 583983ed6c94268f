"""Values in and out: the JSON document format, the codec, and flat records for tables.

The top layer with :mod:`selfcare._display`; :mod:`selfcare.serialize` is its public face.
"""
