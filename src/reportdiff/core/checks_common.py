"""Helpers shared by the checks: rounding of a figure as written, display in its unit."""

from __future__ import annotations

import re

from ..model import Figure
from .figure_parse import as_written, display_scale

_DECIMALS = re.compile(r"[.．](\d+)")


def rounding(f: Figure) -> float:
    """Half a unit of the last digit written, in the base unit: 218万元 → 5000元.
    Whole counts (27人, 12个) are exact."""
    scale, _ = display_scale(f.text, f.unit)
    m = _DECIMALS.search(f.text)
    if m is None and f.kind == "count" and scale == 1.0:
        return 0.0
    return 0.5 * 10 ** -(len(m.group(1)) if m else 0) * scale


def show(value: float, like: Figure) -> str:
    """A value in the unit `like` is written in: 41306800 like 4035.19万元 → 4130.68万元."""
    return as_written(value, like.text, like.unit)
