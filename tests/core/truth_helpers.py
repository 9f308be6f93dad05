"""Reading samples/zh/qingshui-water.truth.json: where each planted figure stands."""

from __future__ import annotations

import json
import re
from pathlib import Path

from reportdiff.model import Figure


def load_truth(samples: Path, name: str = "zh/qingshui-water") -> dict:
    return json.loads((samples / f"{name}.truth.json").read_text("utf-8"))


def span_of(text: str, context: str | None, figure: str | None) -> tuple[int, int] | None:
    """The offsets of `figure` inside `context`, which occurs once in text."""
    if context is None or figure is None:
        return None
    at = text.index(context)
    assert text.count(context) == 1, context
    # the figure as a whole number: "9" in "96.2%\t9" is the last one, not inside 96.2
    m = re.search(rf"(?<![\d.]){re.escape(figure)}(?!\d|\.\d)", context)
    assert m, (context, figure)
    return at + m.start(), at + m.end()


def covers(f: Figure | None, span: tuple[int, int] | None) -> bool:
    """Whether figure f is the one written at span (truth may include 以上 or ≥)."""
    if f is None or span is None:
        return f is None and span is None
    return span[0] <= f.start < span[1] and f.end <= span[1] + 2
