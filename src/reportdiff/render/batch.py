"""Outputs of `reportdiff batch`: the summary table as text, CSV, JSON
(schema "reportdiff.batch/1") and an HTML index linking each pair's report."""

from __future__ import annotations

import csv
import io
import json
from html import escape
from typing import Any

from ..batch.summary import BatchResult, Skipped, SummaryRow
from ..core.text import cells
from ..safetext import spreadsheet_cell
from .text import pad

SCHEMA_ID = "reportdiff.batch/1"

# (key, heading) of the table's columns, in the order every output shows them.
COLUMNS = (
    ("attention", "attention"),
    ("agency", "agency"),
    ("checks_failed", "checks failed"),
    ("changes_not_adding_up", "changes not adding up"),
    ("carried_over", "carried over"),
    ("stale_references", "stale refs"),
    ("template_leftovers", "template"),
    ("shared_with_others", "shared"),
    ("largest_change_pct", "largest change %"),
    ("largest_change", "largest change"),
    ("sections_added", "sections added"),
    ("sections_removed", "sections removed"),
    ("sections_changed", "sections changed"),
    ("reviewed", "reviewed"),
    ("changed_since_reviewed", "changed since reviewed"),
    ("old_path", "old"),
    ("new_path", "new"),
    ("report", "report"),
)
_SHARES = ("carried_over", "shared_with_others")


def batch_to_dict(r: BatchResult) -> dict[str, Any]:
    return {
        "schema": SCHEMA_ID,
        "old": r.old_source,
        "new": r.new_source,
        "sorted_by": r.sorted_by,
        "reused": r.reused,
        "rows": [row.to_dict() for row in r.rows],
        "unpaired": [_skipped(s) for s in r.unpaired],
        "bad_files": [_skipped(s) for s in r.bad],
    }


def _skipped(s: Skipped) -> dict[str, str]:
    return {"side": s.side, "path": s.path, "agency": s.agency, "reason": s.reason}


def render_batch_json(r: BatchResult) -> str:
    return json.dumps(batch_to_dict(r), ensure_ascii=False, indent=1) + "\n"


def render_batch_csv(r: BatchResult) -> str:
    """The table, one row per agency; the caller writes it with a BOM for Excel and WPS."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow([heading for _, heading in COLUMNS])
    for row in r.rows:
        w.writerow([_cell(row, key) for key, _ in COLUMNS])
    return out.getvalue()


def _cell(row: SummaryRow, key: str) -> str:
    value = getattr(row, key)
    if value is None:
        return ""
    if key in _SHARES:
        return f"{value:.1%}"
    if key == "reviewed":
        return f"{value}/{row.section_pairs}"
    if isinstance(value, str):  # names, paths and quoted report text
        return spreadsheet_cell(value)
    return str(value)


def render_batch_text(r: BatchResult) -> str:
    lines = [
        f"{len(r.rows)} agencies compared ({r.old_source} → {r.new_source}), "
        f"most in need of attention first (by {r.sorted_by})"
        + (f"; {r.reused} unchanged since the last run, not compared again" if r.reused else ""),
        "",
    ]
    width = max([12, *(cells(row.agency) for row in r.rows)])
    lines.append(
        f"{'attn':>5}  {pad('agency', width)} {'chk':>3} {'chg':>3} {'carried':>7} "
        f"{'stale':>5} {'tmpl':>4} {'shared':>6} {'±sect':>6} {'reviewed':>8}  largest change"
    )
    for row in r.rows:
        shared = "" if row.shared_with_others is None else f"{row.shared_with_others:.0%}"
        sect = f"+{row.sections_added}/-{row.sections_removed}"
        done = f"{row.reviewed}/{row.section_pairs}" + ("!" if row.changed_since_reviewed else "")
        lines.append(
            f"{row.attention:>5g}  {pad(row.agency, width)} {row.checks_failed:>3} "
            f"{row.changes_not_adding_up:>3} {row.carried_over:>7.0%} "
            f"{row.stale_references:>5} {row.template_leftovers:>4} {shared:>6} {sect:>6} "
            f"{done:>8}  "
            f"{row.largest_change}"
        )
    for title, items in (("not paired", r.unpaired), ("could not be compared", r.bad)):
        if items:
            lines += ["", f"{title}:"]
            lines += [f"  {_where(s)}: {s.reason}" for s in items]
    return "\n".join(lines) + "\n"


def _where(s: Skipped) -> str:
    side = f"[{s.side.upper()}] " if s.side else ""
    return f"{side}{s.path}"


_CSS = """
body{font:15px/1.5 "Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif;margin:1rem 2rem}
table{border-collapse:collapse}td,th{border-bottom:1px solid #d0d7de;padding:.2rem .5rem;
text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}
th{background:#f6f8fa;position:sticky;top:0}.hot{background:#fff3b0}
"""
_HOT = ("checks_failed", "changes_not_adding_up", "stale_references", "changed_since_reviewed")
_NUMERIC = {
    "attention", "checks_failed", "changes_not_adding_up", "carried_over",
    "stale_references", "template_leftovers", "shared_with_others", "largest_change_pct",
    "sections_added", "sections_removed", "sections_changed", "reviewed",
    "changed_since_reviewed",
}  # fmt: skip


def render_batch_html(r: BatchResult) -> str:
    """A self-contained index page: the table, each agency linking its pair's report."""
    shown = [c for c in COLUMNS if c[0] not in ("old_path", "new_path", "report")]
    head = "".join(f"<th>{escape(h)}</th>" for _, h in shown)
    body = "\n".join(_html_row(row, shown) for row in r.rows)
    title = f"reportdiff batch: {r.old_source} → {r.new_source}"
    parts = [
        f"<h1>{escape(title)}</h1>",
        f"<p>{len(r.rows)} agencies, most in need of attention first "
        f"(sorted by {escape(r.sorted_by)}).</p>",
        f"<table><thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>",
        _html_list("Not paired", r.unpaired),
        _html_list("Could not be compared", r.bad),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">\n"
        f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(p for p in parts if p)
        + "\n</body>\n</html>\n"
    )


def _html_row(row: SummaryRow, shown: list[tuple[str, str]]) -> str:
    cells = []
    for key, _ in shown:
        text = escape(_cell(row, key))
        if key == "agency" and row.report:
            text = f'<a href="{escape(row.report)}">{text}</a>'
        hot = key in _HOT and getattr(row, key)
        cls = " ".join(c for c in ("n" if key in _NUMERIC else "", "hot" if hot else "") if c)
        cells.append(f'<td class="{cls}">{text}</td>' if cls else f"<td>{text}</td>")
    return "<tr>" + "".join(cells) + "</tr>"


def _html_list(title: str, items: tuple[Skipped, ...]) -> str:
    if not items:
        return ""
    lis = "".join(f"<li>{escape(_where(s))}: {escape(s.reason)}</li>" for s in items)
    return f"<h2>{escape(title)}</h2>\n<ul>{lis}</ul>"
