"""Markdown emphasis left in plain-text reports (`5. **强化反恐防暴。**`): the
markers are typing, not text, so headings are shown without them."""

from __future__ import annotations

from .lazy_regex import lazy_compile

_EMPHASIS = lazy_compile(r"\*\*|__")
_ATX = lazy_compile(r"^#{1,6}[ \t]+")


def without_markup(heading: str) -> str:
    """A heading as a reader sees it: no `#` prefix, no `**` or `__` markers."""
    return without_emphasis(_ATX.sub("", heading.strip())).strip()


def without_emphasis(text: str) -> str:
    """``text`` without `**` and `__` markers (a part of a heading as drawn)."""
    return _EMPHASIS.sub("", text) if "**" in text or "__" in text else text
