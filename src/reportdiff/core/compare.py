"""compare(): two Documents in, one Comparison out. The only entry point of the core."""

from __future__ import annotations

from ..collector import collector_paused
from ..model import Comparison, Document
from ..options import CompareOptions
from .checks.document import check_document
from .diff.textdiff import diff_pairs
from .figures.extract import extract_figures
from .figures.match import diff_figures
from .reuse.boilerplate import ReuseContext, carried_over_share, find_boilerplate
from .sections.align import align_sections
from .sections.pair_outline import pair_outline
from .sections.segment import segment_document


def compare(
    old: Document,
    new: Document,
    options: CompareOptions | None = None,
    context: ReuseContext | None = None,
) -> Comparison:
    with collector_paused():
        return _compare(old, new, options or CompareOptions(), context)


def _compare(
    old: Document, new: Document, options: CompareOptions, context: ReuseContext | None
) -> Comparison:
    old_sections = segment_document(old)
    new_sections = segment_document(new)
    pairs = align_sections(old, old_sections, new, new_sections, options)
    pairs, notes = diff_pairs(old, old_sections, new, new_sections, pairs, options)
    old_figures = extract_figures(old, old_sections)
    new_figures = extract_figures(new, new_sections)
    figures = diff_figures(
        old, old_figures, new, new_figures, pairs, include_unchanged=options.all_numbers
    )
    # Identical documents hold the same arithmetic: report it once, for NEW.
    identical = old.text == new.text
    old_checks = () if identical else check_document(old, old_sections, "old", old_figures)
    checks = old_checks + check_document(new, new_sections, "new", new_figures)
    flags = find_boilerplate(old, old_sections, new, new_sections, pairs, context)
    return Comparison(
        old=old,
        new=new,
        old_sections=old_sections,
        new_sections=new_sections,
        pairs=pairs,
        numbers=figures.changes,
        related=figures.related,
        checks=checks,
        boilerplate=flags,
        notes=notes,
        outline=pair_outline(pairs, old_sections, new_sections),
        carried_over=carried_over_share(new.text, new_sections, flags),
    )
