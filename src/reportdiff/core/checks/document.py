"""A report checked against itself: totals, stated changes, one label with two values.

Each check recomputes what the report states from the figures it states, and reports
only differences beyond the rounding of the figures as written (a total given to the
万元 can be off by half a 万元).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from ...model import Check, Document, Figure, Section, Side
from ..figures.extract import extract_figures
from .changes import check_changes
from .common import show, sum_message, sum_tolerance
from .labels import check_labels
from .tables import check_tables

_EXHAUSTIVE = re.compile(r"包含|包括|分别")


def check_document(
    doc: Document,
    sections: Sequence[Section],
    side: Side,
    figures: Sequence[Figure] | None = None,
) -> tuple[Check, ...]:
    """Every check that fails in doc, in text order."""
    figures = extract_figures(doc, sections) if figures is None else figures
    found = [
        *check_sums(doc.text, figures, side),
        *check_changes(doc.text, figures, side),
        *check_labels(doc, figures, side),
        *check_tables(doc, figures, side),
    ]
    ordered = sorted(found, key=lambda k: k.figures[0].start if k.figures else 0)
    return tuple(k._replace(evidence=_evidence(k)) for k in ordered)


# what each check relies on, said once for every check of its kind
_RULE = {
    "sum": "a total and the parts listed under it, of one role and unit",
    "change": "a stated change against the two values it is stated between",
    "label_conflict": "one label with two values, both of one period (or a plan and its outcome)",
    "prose_vs_table": "a figure in the text against the table row of the same name",
    "restated": "an item's amount against the same year's figure the passage restates",
}


def _evidence(k: Check) -> tuple[str, ...]:
    """The rule a check applied, each figure it read (label, text, role, section), and
    what the check itself found bearing on them."""
    figures = tuple(
        f"{f.label or '(unlabelled)'} {f.text.strip()} ({f.role}, §{f.section or '0'})"
        for f in k.figures
    )
    return (_RULE.get(k.kind, k.kind), *figures, *k.evidence)


def check_sums(text: str, figures: Sequence[Figure], side: Side) -> list[Check]:
    """A total and its parts (其中 / 包含 / 合计 / 共) that do not add up."""
    parts: dict[int, list[Figure]] = defaultdict(list)
    for f in figures:
        if f.parent is not None:
            parts[f.parent].append(f)
    out = []
    for index, children in parts.items():
        check = _sum_check(text, figures[index], children, side)
        if check:
            out.append(check)
    return out


def _sum_check(text: str, total: Figure, parts: list[Figure], side: Side) -> Check | None:
    if any(f.qualifier for f in (total, *parts)):
        return None  # 200余名 and 25万+ do not add up exactly by design
    if any(f.role != total.role for f in parts):
        return None  # a five-year total is not the sum of one year's figures
    summed = sum(f.value for f in parts)
    tolerance = sum_tolerance(total, parts)
    gap = summed - total.value
    before = total.start < parts[0].start
    exhaustive = not before or bool(_EXHAUSTIVE.search(text, total.end, parts[0].start))
    # 「其中」 may list only some parts; they must still not exceed the total, and a
    # breakdown of money into two or more parts is meant to be complete.
    complete = exhaustive or (len(parts) >= 2 and total.kind == "amount")
    if gap <= tolerance and (not complete or gap >= -tolerance):
        return None
    sign = "+" if gap > 0 else "−"
    gap_shown = f"{sign}{show(abs(gap), total)}"
    message = sum_message(total.label, total.text, len(parts), show(summed, total), gap_shown)
    return Check("sum", side, message, (total, *parts))
