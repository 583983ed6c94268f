"""The specification of ``selfcare._io``: documents, the codec and records."""
