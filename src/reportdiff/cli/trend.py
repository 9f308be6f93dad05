"""`reportdiff trend AGENCY LABEL`: one figure's values over an agency's archived years."""

from __future__ import annotations

import argparse
import json
from typing import Any

from ..safetext import safe_text
from .archive import add_archive_argument
from .output import add_output_arguments, emit, output_format


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "trend",
        help="one figure's values over all archived years of an agency",
        description="Find the figure labelled LABEL in every archived year of AGENCY "
        "(an exact label first, else the closest rewording) and show its values with "
        "the change against the year before.",
    )
    p.add_argument("agency", metavar="AGENCY", help="the agency, as archived")
    p.add_argument("label", metavar="LABEL", help="the figure's label, e.g. 基本支出")
    p.add_argument("--kind", default=None, help="only this kind of report (default: report)")
    add_output_arguments(p, ("text", "json"))
    add_archive_argument(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..core.figures import extract_figures, trend
    from ..core.sections import segment_document
    from ..errors import ReportdiffError
    from .history import agency_documents

    docs = agency_documents(args.archive, args.agency, args.kind)
    by_year = [(year, extract_figures(d, segment_document(d))) for year, d in docs]
    points = trend(by_year, args.label)
    if not points:
        years = ", ".join(str(y) for y, _ in docs)
        raise ReportdiffError(f"no figure labelled {args.label!r} in {args.agency} ({years})")
    rows = [_row(p, points[i - 1] if i else None) for i, p in enumerate(points)]
    if output_format(args) == "json":
        out = {"agency": args.agency, "label": args.label, "years": rows}
        emit(args, json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        emit(args, _text(args.agency, args.label, rows))
    return 0


def _row(point: Any, before: Any) -> dict[str, Any]:
    from ..model import NumberChange
    from ..render.figure_display import figure_text
    from ..render.figures import delta_text

    f = point.figure
    old = before.figure if before else None
    change = NumberChange(f.label, None, f.section, old, f, "changed", point.delta, point.pct)
    delta, pct = delta_text(change)
    return {
        "year": point.year,
        "label": f.label,
        "exact": point.exact,
        "text": f.text,
        "shown": figure_text(f),  # with its bound: 超过60% is ≥60%, as compare shows it
        "value": f.value,
        "unit": f.unit,
        "qualifier": f.qualifier,
        "role": f.role,
        "section": f.section,
        "matches": point.matches,
        "delta": point.delta,
        "pct": point.pct,
        "delta_text": delta,
        "pct_text": pct,
    }


def _text(agency: str, label: str, rows: list[dict[str, Any]]) -> str:
    from ..render.columns import pad

    lines = [f"{agency}: {label}", f"year  {pad('as written', 18)} {pad('change', 18)} %"]
    for r in rows:
        mark = "" if r["exact"] else f"   (labelled {r['label']})"
        if r["matches"] > 1:
            mark += f"   (§{r['section']}, first of {r['matches']} so labelled)"
        lines.append(
            f"{r['year']}  {pad(r['shown'], 18)} {pad(r['delta_text'], 18)} {r['pct_text']}{mark}"
        )
    return safe_text("\n".join(lines) + "\n")
