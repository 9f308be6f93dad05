"""One figure's values across years: pick it by label in each year, then the changes.

Pure: callers pass each year's figures (core.figures.extract_figures) in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rapidfuzz import fuzz, process

from ...model import Figure

# Below this rapidfuzz ratio a label is a different figure, not a rewording.
LABEL_THRESHOLD = 80.0
# Years and dates label the report, not a quantity that trends.
_SKIP_KINDS = {"year", "date"}


class TrendPoint(NamedTuple):
    year: int
    figure: Figure
    exact: bool  # the label matched exactly (else a close rewording)
    delta: float | None = None  # against the previous year with a point
    pct: float | None = None
    matches: int = 1  # figures of that year with the same label; the first is shown


def pick_figure(figures: Sequence[Figure], label: str) -> tuple[Figure, bool] | None:
    """The figure labelled ``label``: the first exact match, else the best close one.
    A year's own figure comes before last year's or a plan under the same label."""
    wanted = _norm(label)
    candidates = [f for f in figures if f.kind not in _SKIP_KINDS and f.label.strip()]
    candidates.sort(key=lambda f: f.role != "current")  # stable: text order within each
    for f in candidates:
        if _norm(f.label) == wanted:
            return f, True
    if not candidates:
        return None
    best = process.extractOne(
        wanted,
        [_norm(f.label) for f in candidates],
        scorer=fuzz.ratio,
        score_cutoff=LABEL_THRESHOLD,
    )
    return (candidates[best[2]], False) if best else None


def trend(by_year: Sequence[tuple[int, Sequence[Figure]]], label: str) -> list[TrendPoint]:
    """One point per year where ``label`` is found, with Δ and % against the one before."""
    points: list[TrendPoint] = []
    for year, figures in sorted(by_year, key=lambda item: item[0]):
        picked = pick_figure(figures, label)
        if picked is None:
            continue
        fig, exact = picked
        same = sum(f.label == fig.label and f.kind == fig.kind for f in figures)
        delta = pct = None
        prev = points[-1].figure if points else None
        if prev is not None and prev.unit == fig.unit:
            delta = fig.value - prev.value
            pct = round(delta / prev.value * 100, 2) if prev.value else None
        points.append(TrendPoint(year, fig, exact, delta, pct, max(same, 1)))
    return points


def _norm(label: str) -> str:
    return "".join(label.split()).casefold()
