"""Spacing that carries no meaning: whether two texts differ only in their whitespace.

Between CJK characters, and between a CJK character and a digit or Latin letter,
a space is a matter of typing habit (``2023 年`` and ``2023年`` say the same);
between Latin words only how much whitespace stands there is (a space, a line break
or a tab). ``wellknown`` and ``well known`` are different words, and stay so.
"""

from __future__ import annotations

import re

from .width import WIDE_RE

_BESIDE_WIDE = re.compile(rf"\s+(?={WIDE_RE.pattern})|(?<={WIDE_RE.pattern})\s+")


def spacing_key(text: str) -> str:
    """``text`` without the whitespace next to a wide character, and with every other
    run of whitespace one space: two texts with one key differ only in spacing."""
    return " ".join(_BESIDE_WIDE.sub("", text).split())


def same_but_spacing(a: str, b: str) -> bool:
    return spacing_key(a) == spacing_key(b)
