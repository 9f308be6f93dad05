"""Thousands set apart by spaces, joined into one number where the text is Latin."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text.lazy_regex import lazy_compile

if TYPE_CHECKING:
    from .parse import Reading

_CURRENCIES = ("$", "€", "£")
_GROUP_GAP = (" ", "\u00a0", "\u2009", "\u202f")  # 12 480: thin and no-break spaces too
_THREE_DIGITS = lazy_compile(r"\d{3}(?![\d,])")


def space_groups(text: str, found: list[Reading]) -> list[Reading]:
    """「12 480 tonnes」, 「$1 250 000」: thousands set apart by a space are one number, in
    running Latin text only (a PDF table's cells are also set apart by spaces)."""
    out: list[Reading] = []
    for r in found:
        head = out[-1] if out else None
        if head is not None and _groups_with(text, head, r):
            digits = len(r.text) - len(r.text.lstrip("0123456789"))
            value = (head.value * 10**digits + r.value / r.scale) * r.scale
            kept = head if head.unit in _CURRENCIES else r
            out[-1] = kept._replace(
                start=head.start,
                end=r.end,
                text=text[head.start : r.end],
                value=value,
                scale=r.scale,
                shown=r.shown,
                bare=head.bare and r.bare,
            )
            continue
        out.append(r)
    return out


def _groups_with(text: str, head: Reading, r: Reading) -> bool:
    """r continues head's digits after one space: head bare or a currency alone ($1)."""
    if not (head.bare or (head.unit in _CURRENCIES and head.scale == 1.0)):
        return False
    digits_end = head.start + len(head.text.rstrip())
    return (
        r.start == digits_end + 1
        and text[digits_end] in _GROUP_GAP
        and _THREE_DIGITS.match(text, r.start) is not None
        and _latin_before(text, head.start)
    )


def _latin_before(text: str, pos: int) -> bool:
    """Whether the number at pos follows Latin words (or $), not a digit group or CJK."""
    before = text[max(0, pos - 12) : pos].rstrip(" \u00a0")
    return bool(before) and before[-1].isascii() and not before[-1].isdigit()
