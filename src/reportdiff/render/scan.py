"""Outputs of `reportdiff scan`: a text summary, JSON (schema "reportdiff.scan/1") and CSV."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..core.reuse.corpus import ScanResult
from .text import pad

SCHEMA_ID = "reportdiff.scan/1"


def scan_to_dict(r: ScanResult) -> dict[str, Any]:
    return {
        "schema": SCHEMA_ID,
        "documents": [
            {
                "path": r.paths[s.doc],
                "rank": rank,
                "shared_share": s.shared,
                "template_share": s.template,
                "passages": s.passages,
            }
            for rank, s in enumerate(r.shares, start=1)
        ],
        "clusters": [
            {
                "kind": c.kind,
                "text": c.text,
                "count": len(c.documents),
                "documents": [r.paths[d] for d in c.documents],
                "occurrences": [
                    {"path": r.paths[o.doc], "start": o.start, "end": o.end} for o in c.occurrences
                ],
            }
            for c in r.clusters
        ],
        "skipped": [{"path": p, "problem": why} for p, why in r.skipped],
        "summary": {
            "documents": len(r.paths),
            "clusters": len(r.clusters),
            "template_clusters": sum(c.kind == "template" for c in r.clusters),
            "skipped": len(r.skipped),
        },
    }


def render_scan_json(r: ScanResult) -> str:
    return json.dumps(scan_to_dict(r), ensure_ascii=False, indent=2) + "\n"


def render_scan_csv(r: ScanResult, table: str = "documents") -> str:
    """One CSV table: the documents ranked by boilerplate share, or the passage clusters."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    if table == "clusters":
        w.writerow(["kind", "count", "chars", "text", "documents"])
        for c in r.clusters:
            docs = ";".join(r.paths[d] for d in c.documents)
            w.writerow([c.kind, len(c.documents), len(c.text), _flat(c.text), docs])
    else:
        w.writerow(["rank", "path", "shared_share", "template_share", "passages"])
        for rank, s in enumerate(r.shares, start=1):
            w.writerow([rank, r.paths[s.doc], s.shared, s.template, s.passages])
    return out.getvalue()


def render_scan_text(r: ScanResult, top: int = 20) -> str:
    lines = [
        f"Scanned {len(r.paths)} reports: {len(r.clusters)} shared passages "
        f"({sum(c.kind == 'template' for c in r.clusters)} template-like, in most reports)."
    ]
    lines += [f"  skipped {p}: {why}" for p, why in r.skipped]
    lines += ["", "Reports by boilerplate share (shared with other reports / template-like)"]
    for rank, s in enumerate(r.shares[:top], start=1):
        lines.append(
            f"  {rank:>4}. {pad(r.paths[s.doc], 48)} {s.shared:>6.1%}  {s.template:>6.1%}"
            f"  {s.passages} passages"
        )
    if len(r.shares) > top:
        lines.append(f"  … and {len(r.shares) - top} more (--top, or --format csv for all)")
    lines += ["", "Shared passages, most widespread first"]
    for c in r.clusters[:top]:
        names = ", ".join(r.paths[d] for d in c.documents[:4])
        more = f" and {len(c.documents) - 4} more" if len(c.documents) > 4 else ""
        lines.append(f"  [{c.kind}] in {len(c.documents)} reports: {names}{more}")
        lines.append(f"      {_flat(c.text)[:120]}")
    if len(r.clusters) > top:
        lines.append(f"  … and {len(r.clusters) - top} more (--format json for all)")
    return "\n".join(lines) + "\n"


def _flat(text: str) -> str:
    return " ".join(text.split())
