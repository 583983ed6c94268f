"""The specification of ``selfcare.testing``: the shipped hypothesis strategies."""
