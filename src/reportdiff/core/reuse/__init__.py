"""Boilerplate: carried-over, shared, template, repeated and stale passages."""
