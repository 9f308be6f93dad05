"""`reportdiff history AGENCY`: per archived year, how much changed and what was carried over."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..safetext import safe_text
from ..wording import counted
from .archive import add_archive_argument
from .output import add_output_arguments, emit, output_format

if TYPE_CHECKING:
    from ..model import Document


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "history",
        help="per archived year of an agency: what changed, what was carried over",
        description="Compare every archived year of AGENCY with the year before: sections "
        "changed, added, removed and moved, figures changed, and the share of the text "
        "carried over from the year before.",
    )
    p.add_argument("agency", metavar="AGENCY", help="the agency, as archived")
    p.add_argument("--kind", default=None, help="only this kind of report (default: report)")
    add_output_arguments(p, ("text", "json"))
    add_archive_argument(p)
    p.set_defaults(run=run)


def agency_documents(
    archive_dir: str | Path | None, agency: str, kind: str | None = None
) -> list[tuple[int, Document]]:
    """Each archived year's document of ``agency`` (one per year, the default kind first)."""
    from ..archive import DEFAULT_KIND, Archive
    from ..errors import ArchiveError

    archive = Archive(archive_dir)
    versions = archive.versions(agency)
    if not versions:
        raise ArchiveError(f"no archived versions of {agency!r} in {archive.path}")
    wanted = kind or DEFAULT_KIND
    chosen = {v.year: v for v in versions if v.kind == wanted}
    if not chosen:
        raise ArchiveError(f"no archived {wanted!r} reports of {agency!r}")
    return [(year, archive.read_document(chosen[year])) for year in sorted(chosen)]


def run(args: argparse.Namespace) -> int:
    docs = agency_documents(args.archive, args.agency, args.kind)
    rows = [_year_row(docs[i - 1] if i else None, docs[i]) for i in range(len(docs))]
    if output_format(args) == "json":
        emit(
            args,
            json.dumps({"agency": args.agency, "years": rows}, ensure_ascii=False, indent=2) + "\n",
        )
    else:
        emit(args, _text(args.agency, rows))
    return 0


def _year_row(before: tuple[int, Document] | None, this: tuple[int, Document]) -> dict[str, Any]:
    from ..core.compare import compare

    year, doc = this
    row: dict[str, Any] = {"year": year, "previous": before[0] if before else None}
    if before is None:
        return row
    c = compare(before[1], doc)
    s = c.summary()
    row.update(
        sections_changed=s.sections_changed,
        sections_added=s.sections_added,
        sections_removed=s.sections_removed,
        sections_moved=s.sections_moved,
        figures_changed=s.numbers_changed,
        figures_added=s.numbers_added,
        figures_removed=s.numbers_removed,
        carried_over=c.carried_over.share,
    )
    return row


def _text(agency: str, rows: list[dict[str, Any]]) -> str:
    lines = [f"{agency}: {counted(len(rows), 'archived year')}"]
    for r in rows:
        if r["previous"] is None:
            lines.append(f"{r['year']}  first archived year")
            continue
        lines.append(
            f"{r['year']}  vs {r['previous']}: "
            f"{counted(r['sections_changed'], 'section')} changed, "
            f"{r['sections_added']} added, {r['sections_removed']} removed, "
            f"{r['sections_moved']} moved; {counted(r['figures_changed'], 'figure')} changed; "
            f"{r['carried_over']:.0%} carried over"
        )
    return safe_text("\n".join(lines) + "\n")
