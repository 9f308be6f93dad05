"""Counts in sentences: "1 section changed", "2 sections changed"."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """n with its noun in the number n takes: counted(1, "section") → "1 section"."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
