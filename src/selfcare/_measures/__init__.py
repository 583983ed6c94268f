"""Validated well-being instruments: their items, scoring and bands, and people's responses."""
