"""The JSON contract (schema "reportdiff.compare/1"): an explicit view, not asdict().

The schema itself is ``schema/compare.schema.json`` in this package; README documents it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..collector import collector_paused
from ..model import (
    Check,
    Comparison,
    DateParts,
    Document,
    Edit,
    Figure,
    Flag,
    NumberChange,
    Section,
    SectionPair,
)
from .json_text import dumps
from .positions import Positions

if TYPE_CHECKING:
    from ..review_carry import ReviewEntry

SCHEMA_ID = "reportdiff.compare/1"


def comparison_to_dict(
    c: Comparison, reviews: Sequence[ReviewEntry] | None = None
) -> dict[str, Any]:
    """The contract view; ``reviews`` (the review's marks and notes) add a "reviews" block."""
    s = c.summary()
    at = {"old": Positions(c.old), "new": Positions(c.new)}
    out = {
        "schema": SCHEMA_ID,
        "old": doc_to_dict(c.old, c.old_sections),
        "new": doc_to_dict(c.new, c.new_sections),
        "sections": [pair_to_dict(p) for p in c.pairs],
        "outline": [
            {"pair": r.pair, "depth": r.depth, "parent": r.parent} for r in c.outline_rows()
        ],
        "numbers": [number_to_dict(n, at["old"], at["new"]) for n in c.numbers],
        "related": [number_to_dict(n, at["old"], at["new"]) for n in c.related],
        "checks": [check_to_dict(k, at[k.doc]) for k in c.checks],
        "boilerplate": [flag_to_dict(f, at[f.doc]) for f in c.boilerplate],
        "carried_over": carried_over_to_dict(c),
        "summary": {
            "sections_changed": s.sections_changed,
            "sections_added": s.sections_added,
            "sections_removed": s.sections_removed,
            "sections_moved": s.sections_moved,
            "numbers_changed": s.numbers_changed,
            "numbers_added": s.numbers_added,
            "numbers_removed": s.numbers_removed,
            "checks": s.checks,
            "boilerplate_flags": s.boilerplate_flags,
        },
        "notes": list(c.notes),
    }
    if reviews is not None:
        out["reviews"] = reviews_to_dict(c, reviews)
    return out


def reviews_to_dict(c: Comparison, reviews: Sequence[ReviewEntry]) -> dict[str, Any]:
    return {
        "reviewed": sum(e.reviewed and e.pair is not None for e in reviews),
        "total": len(c.pairs),
        "pairs": [
            {
                "key": e.key,
                "section": e.pair,
                "heading": e.heading,
                "reviewed": e.reviewed,
                "note": e.note,
                "changed_since_reviewed": e.changed,
                "status": e.status,
            }
            for e in reviews
        ],
    }


def render_json(
    c: Comparison, *, indent: int | None = 2, reviews: Sequence[ReviewEntry] | None = None
) -> str:
    with collector_paused():  # the view is tens of thousands of dicts, none in a cycle
        return dumps(comparison_to_dict(c, reviews), indent=indent)


def doc_to_dict(doc: Document, sections: tuple[Section, ...]) -> dict[str, Any]:
    return {
        "path": doc.path,
        "title": doc.title,
        "format": doc.source_format,
        "encoding": doc.encoding,
        "text": doc.text,
        "sections": [section_to_dict(s) for s in sections],
    }


def section_to_dict(s: Section) -> dict[str, Any]:
    return {
        "id": s.id,
        "heading": s.heading,
        "number": s.number,
        "title": s.title,
        "level": s.level,
        "path": list(s.path),
        "parent": s.parent,
        "start": s.start,
        "end": s.end,
        "body_start": s.body_start,
        "body_end": s.body_end,
    }


def pair_to_dict(p: SectionPair) -> dict[str, Any]:
    d: dict[str, Any] = {
        "old": p.old,
        "new": p.new,
        "status": p.status,
        "moved": p.moved,
        "renamed": p.renamed,
        "relation": p.relation,
        "secondary": p.secondary,
        "weak": p.weak,
        "basis": p.basis,
        "similarity": p.similarity,
        "edits": [edit_to_dict(e) for e in p.edits],
    }
    if p.note:
        d["note"] = p.note
    return d


def edit_to_dict(e: Edit) -> dict[str, Any]:
    d: dict[str, Any] = {
        "op": e.op,
        "old_text": e.old_text,
        "new_text": e.new_text,
        "old_start": e.old_start,
        "old_end": e.old_end,
        "new_start": e.new_start,
        "new_end": e.new_end,
    }
    if e.op == "move":
        d["other_section"] = e.other_section
        d["move_role"] = e.move_role
    return d


def figure_to_dict(f: Figure, at: Positions | None = None) -> dict[str, Any]:
    d: dict[str, Any] = {
        "text": f.text,
        "value": f.value,
        "unit": f.unit,
        "start": f.start,
        "end": f.end,
        "label": f.label,
        "kind": f.kind,
        "section": f.section,
        "qualifier": f.qualifier,
        "role": f.role,
    }
    if f.column:
        d["column"] = f.column
    if f.date is not None:
        d["date"] = date_to_dict(f.date)
    d.update(line_column(f.start, at))
    return d


def date_to_dict(parts: DateParts) -> dict[str, Any]:
    """A date figure's parts (null where unsaid), ``iso`` when it names one day, and a
    range's ``last`` day."""
    day = parts.as_date()
    d: dict[str, Any] = {
        "year": parts.year,
        "month": parts.month,
        "day": parts.day,
        "iso": day.isoformat() if day is not None else None,
    }
    if parts.last is not None:
        d["last"] = date_to_dict(parts.last)
    return d


def line_column(offset: int, at: Positions | None) -> dict[str, int]:
    """ "line" and "column" of the source file, beside the offset, when known."""
    if at is None:
        return {}
    line, column = at.line_column(offset)
    return {"line": line, "column": column}


def number_to_dict(
    n: NumberChange, old_at: Positions | None = None, new_at: Positions | None = None
) -> dict[str, Any]:
    return {
        "label": n.label,
        "old_section": n.old_section,
        "new_section": n.new_section,
        "old": figure_to_dict(n.old, old_at) if n.old else None,
        "new": figure_to_dict(n.new, new_at) if n.new else None,
        "status": n.status,
        "delta": n.delta,
        "pct": n.pct,
        "confidence": n.confidence,
        "evidence": list(n.evidence),
    }


def check_to_dict(k: Check, at: Positions | None = None) -> dict[str, Any]:
    return {
        "kind": k.kind,
        "doc": k.doc,
        "message": k.message,
        "figures": [figure_to_dict(f, at) for f in k.figures],
        "evidence": list(k.evidence),
    }


def flag_to_dict(f: Flag, at: Positions | None = None) -> dict[str, Any]:
    d: dict[str, Any] = {
        "kind": f.kind,
        "doc": f.doc,
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "detail": f.detail,
        "section": f.section,
        "score": f.score,
    }
    d.update(line_column(f.start, at))
    return d


def carried_over_to_dict(c: Comparison) -> dict[str, Any]:
    """Share of NEW carried over from OLD, whole and per section ("stickiness")."""
    return {"share": c.carried_over.share, "sections": c.carried_over.sections}
