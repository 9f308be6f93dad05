"""reportdiff: what changed between two versions of a sectioned report, and what is boilerplate."""

__version__ = "0.1.0"
