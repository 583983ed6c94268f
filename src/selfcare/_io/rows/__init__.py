"""The rows :func:`~selfcare.to_records` gives, one module for each kind of value."""
