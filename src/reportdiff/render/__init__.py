"""Outputs of a Comparison; each is a sibling consumer of the same record."""
