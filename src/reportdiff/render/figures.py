"""One document's figures and checks, for `reportdiff figures FILE`: text and JSON."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from ..model import Check, Document, Figure
from ..safetext import safe_text
from ..wording import counted
from .columns import pad
from .figure_display import delta_text, figure_is_english, figure_value_text, role_label
from .json import check_to_dict, figure_to_dict
from .positions import Positions

__all__ = [
    "FIGURES_SCHEMA",
    "check_lines",
    "delta_text",  # how `reportdiff trend` shows a change, as every other view does
    "figures_to_dict",
    "render_figures_json",
    "render_figures_text",
]

FIGURES_SCHEMA = "reportdiff.figures/1"
_LISTED = 6  # figures named under a check; the count of the rest follows


def figures_to_dict(
    doc: Document, figures: Sequence[Figure], checks: Sequence[Check]
) -> dict[str, Any]:
    at = Positions(doc)
    return {
        "schema": FIGURES_SCHEMA,
        "path": doc.path,
        "title": doc.title,
        "figures": [
            figure_to_dict(f, at) | {"index": i, "parent": f.parent} for i, f in enumerate(figures)
        ],
        "checks": [check_to_dict(k, at) for k in checks],
    }


def render_figures_json(doc: Document, figures: Sequence[Figure], checks: Sequence[Check]) -> str:
    return json.dumps(figures_to_dict(doc, figures, checks), ensure_ascii=False, indent=2) + "\n"


def render_figures_text(
    doc: Document, figures: Sequence[Figure], checks: Sequence[Check], width: int = 100
) -> str:
    """A row per figure: section, label (indented under its total), as written, value."""
    label_w = max(16, min(36, width - 60))
    lines = [
        f"{doc.path}: {counted(len(figures), 'figure')}, {counted(len(checks), 'check')}",
        f"{pad('§', 8)} {pad('label', label_w)} {pad('as written', 18)} {pad('value', 22)} kind",
    ]
    for f in figures:
        depth = _depth(figures, f)
        label = "  " * depth + role_label(f.label, f.role, figure_is_english(f))
        lines.append(
            f"{pad(f.section or '', 8)} {pad(label, label_w)} {pad(f.text, 18)} "
            f"{pad(figure_value_text(f), 22)} {f.kind}{' ' + f.qualifier if f.qualifier else ''}"
        )
    if checks:
        lines.append("")
        at = Positions(doc)
        lines.extend(check_lines(checks, lambda kind, text: text, {k.doc: at for k in checks}))
    return safe_text("\n".join(lines) + "\n")


def _depth(figures: Sequence[Figure], f: Figure) -> int:
    depth, seen = 0, f
    while seen.parent is not None and depth < 8:
        seen = figures[seen.parent]
        depth += 1
    return depth


def check_lines(
    checks: Iterable[Check],
    style: Callable[[str, str], str],
    positions: Mapping[str, Positions],
) -> list[str]:
    """One line per failed check, then where its figures stand (line:column of the
    file). With one document (``positions`` has one side) the side is not named."""
    lines = [style("bold", "Checks (the report's own arithmetic)")]
    for k in checks:
        side = f"[{k.doc}] " if len(positions) > 1 else ""
        lines.append(style("warn", f"  ! {side}{k.kind}: ") + k.message)
        at = positions[k.doc]
        where = ", ".join(f"{f.text} ({at(f.start)})" for f in k.figures[:_LISTED])
        if len(k.figures) > _LISTED:
            where += f", … and {len(k.figures) - _LISTED} more"
        if where:
            lines.append(style("dim", f"      figures: {where}"))
    return lines
