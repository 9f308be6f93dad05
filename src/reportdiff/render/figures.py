"""One document's figures and checks, for `reportdiff figures FILE`: text and JSON."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..core.figure_dates import date_delta_text
from ..core.figure_parse import as_written
from ..model import Check, Document, Figure, NumberChange
from .json import check_to_dict, figure_to_dict
from .text import format_value, pad

FIGURES_SCHEMA = "reportdiff.figures/1"


def figures_to_dict(
    doc: Document, figures: Sequence[Figure], checks: Sequence[Check]
) -> dict[str, Any]:
    return {
        "schema": FIGURES_SCHEMA,
        "path": doc.path,
        "title": doc.title,
        "figures": [
            figure_to_dict(f) | {"index": i, "parent": f.parent} for i, f in enumerate(figures)
        ],
        "checks": [check_to_dict(k) for k in checks],
    }


def render_figures_json(doc: Document, figures: Sequence[Figure], checks: Sequence[Check]) -> str:
    return json.dumps(figures_to_dict(doc, figures, checks), ensure_ascii=False, indent=2) + "\n"


def render_figures_text(
    doc: Document, figures: Sequence[Figure], checks: Sequence[Check], width: int = 100
) -> str:
    """A row per figure: section, label (indented under its total), as written, value."""
    label_w = max(16, min(36, width - 60))
    lines = [
        f"{doc.path}: {len(figures)} figures, {len(checks)} checks",
        f"{pad('§', 8)} {pad('label', label_w)} {pad('as written', 18)} {pad('value', 22)} kind",
    ]
    for f in figures:
        depth = _depth(figures, f)
        label = "  " * depth + (f.label or "(unlabelled)")
        lines.append(
            f"{pad(f.section or '', 8)} {pad(label, label_w)} {pad(f.text, 18)} "
            f"{pad(format_figure_value(f), 22)} {f.kind}{' ' + f.qualifier if f.qualifier else ''}"
        )
    if checks:
        lines.append("")
        lines.extend(check_lines(checks, lambda kind, text: text))
    return "\n".join(lines) + "\n"


def _depth(figures: Sequence[Figure], f: Figure) -> int:
    depth, seen = 0, f
    while seen.parent is not None and depth < 8:
        seen = figures[seen.parent]
        depth += 1
    return depth


def format_figure_value(f: Figure) -> str:
    """A figure's normalised value in its base unit: 5105.15万元 → 51,051,500元;
    years and dates as such (2023, 2023-09-20, 6-18)."""
    if f.kind == "year":
        return f"{f.value:.0f}"
    if f.kind == "date" and f.value >= 100:
        y, md = divmod(int(f.value), 10000)
        m, d = divmod(md, 100)
        parts = [str(p) for p in (y, m, d) if p]
        return "-".join(parts)
    return format_value(f.value, "" if f.kind == "date" else f.unit)


def delta_text(n: NumberChange) -> tuple[str, str]:
    """Δ in the unit the report writes (+217.25万元), and the relative change (+4.26%)."""
    fig = n.new or n.old
    if n.delta is None or fig is None:
        return "", ""
    if fig.kind == "date":  # days, shown as the dates are written: +15天, +2个月
        return date_delta_text(n), ""
    if fig.unit in ("%", "百分点"):  # a change of a rate is in points
        delta = format_value(n.delta, "个百分点")
    else:
        delta = as_written(n.delta, fig.text, fig.unit)
    delta = ("+" + delta) if n.delta > 0 else delta
    return delta, (f"{n.pct:+.2f}%" if n.pct is not None else "")


def check_lines(checks: Iterable[Check], style: Callable[[str, str], str]) -> list[str]:
    """One line per failed check, then where its figures stand (offsets into the text)."""
    lines = [style("bold", "Checks (the report's own arithmetic)")]
    for k in checks:
        lines.append(style("warn", f"  ! [{k.doc}] {k.kind}: ") + k.message)
        where = ", ".join(f"{f.text}@{f.start}" for f in k.figures[:6])
        if where:
            lines.append(style("dim", f"      figures: {where}"))
    return lines
