"""Outputs of `reportdiff scan`: a text summary, JSON (schema "reportdiff.scan/1"),
JSON Lines and CSV. JSON, JSON Lines and CSV are produced piece by piece, so a scan of
a whole country's reports is written out without being held in memory as one string."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from ..core.reuse import PassageCluster, ScanResult
from ..safetext import safe_text, spreadsheet_cell
from ..wording import counted
from .columns import pad

SCHEMA_ID = "reportdiff.scan/1"


def _document(r: ScanResult, rank: int, doc: int, s: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "path": r.paths[doc],
        "rank": rank,
        "shared_share": s.shared,
        "template_share": s.template,
        "passages": s.passages,
    }
    if r.years and r.years[doc] is not None:
        entry["year"] = r.years[doc]
    return entry


def _cluster(r: ScanResult, c: PassageCluster) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "text": c.text,
        "count": len(c.documents),
        "documents": [r.paths[d] for d in c.documents],
        "occurrences": [
            {"path": r.paths[o.doc], "start": o.start, "end": o.end} for o in c.occurrences
        ],
    }


def _summary(r: ScanResult) -> dict[str, Any]:
    summary = {
        "documents": len(r.shares),
        "clusters": len(r.clusters),
        "template_clusters": r.template_clusters,
        "skipped": len(r.skipped),
    }
    if r.new_from:
        summary["indexed_before"] = r.new_from
    return summary


def _dumps(value: Any, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent)


def iter_scan_json(r: ScanResult) -> Iterator[str]:
    """The JSON document in pieces: one per document row and one per cluster."""
    yield '{\n  "schema": ' + _dumps(SCHEMA_ID) + ',\n  "documents": ['
    for i, (rank, s) in enumerate(enumerate(r.shares, start=1)):
        yield ("," if i else "") + "\n    " + _dumps(_document(r, rank, s.doc, s))
    yield '\n  ],\n  "clusters": ['
    for i, c in enumerate(r.clusters):
        yield ("," if i else "") + "\n    " + _dumps(_cluster(r, c))
    skipped = [{"path": p, "problem": why} for p, why in r.skipped]
    yield '\n  ],\n  "skipped": ' + _dumps(skipped)
    yield ',\n  "summary": ' + _dumps(_summary(r)) + "\n}\n"


def iter_scan_jsonl(r: ScanResult) -> Iterator[str]:
    """JSON Lines: a summary line, then a line per document, cluster and skipped file."""
    yield _dumps({"type": "summary", "schema": SCHEMA_ID, **_summary(r)}) + "\n"
    for rank, s in enumerate(r.shares, start=1):
        yield _dumps({"type": "document", **_document(r, rank, s.doc, s)}) + "\n"
    for c in r.clusters:
        yield _dumps({"type": "cluster", **_cluster(r, c)}) + "\n"
    for p, why in r.skipped:
        yield _dumps({"type": "skipped", "path": p, "problem": why}) + "\n"


def render_scan_json(r: ScanResult) -> str:
    return "".join(iter_scan_json(r))


def iter_scan_csv(r: ScanResult, table: str = "documents") -> Iterator[str]:
    """One CSV table: the documents ranked by boilerplate share, or the passage clusters."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")

    def flush() -> str:
        text = out.getvalue()
        out.seek(0)
        out.truncate()
        return text

    if table == "clusters":
        w.writerow(["kind", "count", "chars", "text", "documents"])
        for c in r.clusters:
            docs = spreadsheet_cell(";".join(r.paths[d] for d in c.documents))
            text = spreadsheet_cell(_flat(c.text))
            w.writerow([c.kind, len(c.documents), len(c.text), text, docs])
            yield flush()
    else:
        w.writerow(["rank", "path", "shared_share", "template_share", "passages"])
        for rank, s in enumerate(r.shares, start=1):
            path = spreadsheet_cell(r.paths[s.doc])
            w.writerow([rank, path, s.shared, s.template, s.passages])
        yield flush()
    yield flush()


def render_scan_csv(r: ScanResult, table: str = "documents") -> str:
    return "".join(iter_scan_csv(r, table))


def render_scan_text(r: ScanResult, top: int = 20) -> str:
    if r.new_from:
        lines = [
            f"Added {counted(len(r.shares), 'report')} to an index of {r.new_from}: "
            f"{counted(len(r.clusters), 'passage')} they share"
            f" ({r.template_clusters} template-like)."
        ]
    else:
        lines = [
            f"Scanned {counted(len(r.paths), 'report')}:"
            f" {counted(len(r.clusters), 'shared passage')}"
            f" ({r.template_clusters} template-like, in most reports)."
        ]
    lines += [f"  skipped {p}: {why}" for p, why in r.skipped]
    lines += ["", "Reports by boilerplate share (shared with other reports / template-like)"]
    for rank, s in enumerate(r.shares[:top], start=1):
        lines.append(
            f"  {rank:>4}. {pad(r.paths[s.doc], 48)} {s.shared:>6.1%}  {s.template:>6.1%}"
            f"  {counted(s.passages, 'passage')}"
        )
    if len(r.shares) > top:
        lines.append(f"  … and {len(r.shares) - top} more (--top, or --format csv for all)")
    lines += ["", "Shared passages, most widespread first"]
    for c in r.clusters[:top]:
        lines.append(f"  [{c.kind}] in {len(c.documents)} reports: {_names(r, c.documents)}")
        lines.append(f"      {_flat(c.text)[:120]}")
    if len(r.clusters) > top:
        lines.append(f"  … and {len(r.clusters) - top} more (--format json for all)")
    return safe_text("\n".join(lines) + "\n")


def _names(r: ScanResult, docs: tuple[int, ...], limit: int = 4) -> str:
    """The first few documents; with an index, the earlier reports are named as such."""
    shown = sorted(docs, key=lambda d: (r.new_from and d < r.new_from, d))[:limit]
    names = ", ".join(
        r.paths[d] + (" (indexed before)" if r.new_from and d < r.new_from else "") for d in shown
    )
    return names + (f" and {len(docs) - limit} more" if len(docs) > limit else "")


def _flat(text: str) -> str:
    return " ".join(text.split())
