"""Helpers shared by the checks: rounding of a figure as written, display in its unit."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence

from ...model import Figure
from ..figures import as_written, display_scale

WRITTEN_NUMBER = re.compile(r"\d[\d,，]*(?:[.．](\d+))?")


@functools.lru_cache(maxsize=4096)
def written_scale(text: str, value: float) -> tuple[float, int]:
    """The factor from the number as written to the value (1e4 for 5105.15万元, and for
    2,940.05 in a table in 万元), and the decimals written."""
    m = WRITTEN_NUMBER.search(text)
    if not m:
        return 1.0, 0
    raw = float(m.group(0).replace(",", "").replace("，", "").replace("．", "."))
    decimals = len(m.group(1) or "")
    ratio = abs(value / raw) if raw else 0.0  # -4% below budget is written 4%
    return (10.0 ** round(math.log10(ratio)) if ratio > 0 else 1.0), decimals


def rounding(f: Figure) -> float:
    """Half a unit of the last digit written, in the base unit: 218万元 → 5000元.
    Whole counts (27人, 12个) are exact."""
    scale, decimals = written_scale(f.text, f.value)
    if not decimals and f.kind == "count" and scale == 1.0:
        return 0.0
    return 0.5 * 10.0**-decimals * scale


def sum_tolerance(total: Figure, parts: Sequence[Figure]) -> float:
    """How far parts may add up from their total by the rounding of all as written."""
    return rounding(total) + sum(rounding(f) for f in parts) + 1e-6


_SHOWN_UNIT = {1e3: "千元", 1e4: "万元", 1e8: "亿元"}


def _bare(like: Figure) -> bool:
    """A number with no unit of its own: a table cell whose unit is the table's."""
    return WRITTEN_NUMBER.fullmatch(like.text.strip()) is not None


def shown_scale(like: Figure) -> float:
    """The scale `like` is written in: 1e4 for 5105.15万元 and for a bare 2,940.05 in a
    table in 万元."""
    if _bare(like):
        return written_scale(like.text, like.value)[0]
    return display_scale(like.text, like.unit)[0]


def show(value: float, like: Figure, places: int | None = None) -> str:
    """A value in the unit `like` is written in, to its decimals or to ``places``:
    41306800 like 4035.19万元 → 4,130.68万元; 29402500 like the bare 2,940.05 of a table
    in 万元 → 2,940.25万元."""
    if not _bare(like):
        text = like.text  # as_written shows the decimals of the text it is given
        if places is not None:
            text = WRITTEN_NUMBER.sub(f"{0:.{places}f}", text, count=1)
        return as_written(value, text, like.unit)
    scale, decimals = written_scale(like.text, like.value)  # the unit is the table's
    # grouped like every other figure shown (as_written groups too), whatever the cell
    return f"{value / scale:,.{decimals if places is None else places}f}{table_unit(like)}"


def table_unit(f: Figure) -> str:
    """The unit a bare table cell is in, as its table states it: 万元 for 46.56 under
    单位：万元, 元 for 189,767,551 under 单位：元; "" for a figure that writes its own
    unit, a count, or a zero (whose scale nothing tells)."""
    if f.kind != "amount" or not f.value or not _bare(f):
        return ""
    scale = written_scale(f.text, f.value)[0]
    return _SHOWN_UNIT.get(scale, f.unit if scale == 1.0 else "")


def sum_message(label: str, total: str, count: int, summed: str, gap: str) -> str:
    """「基本支出 45万元, but its 2 parts add up to 44万元 (−1万元)」; a lone part "is"."""
    head = f"{label or 'total'} {total}, but its"
    if count == 1:
        return f"{head} one part is {summed} ({gap})"
    return f"{head} {count} parts add up to {summed} ({gap})"
