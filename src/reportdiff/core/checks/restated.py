"""An item's amount given twice in one passage, for one year, with two values.

A 部门预算 explains each item as 「“…（项）”350.35万元，主要用于…。2023年…执行数为
348.52万元，2024年预算安排352.67万元，比2023年…增加0.53%」: the amount the passage opens
with and this year's figure of its stated change are one figure said twice, and must
agree within their rounding. Where they do not, the check names both and says which one
the tables (the item's row) and the stated change bear out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ...model import Check, Figure, Side
from ..figures.label import label_key
from .common import rounding, show
from .periods import NamedChange


def check_restated(
    figures: Sequence[Figure],
    named: NamedChange,
    subject: Figure,
    *,
    stated_fits: Callable[[Figure], bool],
    side: Side,
) -> Check | None:
    """The item's amount (subject) against this year's figure the passage restates."""
    current = named.current
    assert current is not None
    gap = current.value - subject.value
    if abs(gap) <= rounding(subject) + rounding(current) + 1e-6:
        return None
    sign = "+" if gap > 0 else "−"
    message = (
        f"{subject.label}: {subject.text}, restated as {named.current_words} {current.text} "
        f"in the same passage ({sign}{show(abs(gap), subject)})"
    )
    evidence, backers = _support(figures, subject, current, stated_fits)
    for f in (subject, current):
        said = [who for who, backed in backers if backed is f]
        if said:
            verb = "bear" if len(said) > 1 else "bears"
            message += f"; {' and '.join(said)} {verb} out {f.text}"
    return Check("restated", side, message, (subject, current, named.base), tuple(evidence))


def _support(
    figures: Sequence[Figure],
    subject: Figure,
    current: Figure,
    stated_fits: Callable[[Figure], bool],
) -> tuple[list[str], list[tuple[str, Figure]]]:
    """What bears out one of the two figures and not the other (the item's table row,
    the stated change): lines of evidence, and who backs which figure."""
    lines, backers = [], []
    rows = _table_values(figures, subject)
    for f, other in ((subject, current), (current, subject)):
        cells = [g for g in rows if _agrees(g, f) and not _agrees(g, other)]
        if cells:
            row = cells[0].label.split(" / ")[0]
            lines.append(
                f"the tables give {row} {cells[0].text.strip()}: {f.text}, not {other.text}"
            )
            backers.append(("the tables", f))
    fits = [f for f in (subject, current) if stated_fits(f)]
    if len(fits) == 1:
        other = current if fits[0] is subject else subject
        lines.append(f"the stated change holds for {fits[0].text}, not {other.text}")
        backers.append(("the stated change", fits[0]))
    return lines, backers


def _table_values(figures: Sequence[Figure], subject: Figure) -> list[Figure]:
    """Table cells of the item's row: a row whose name the item's name holds
    (住房公积金 in 住房改革支出（款）住房公积金（项）)."""
    item = label_key(subject.label)
    out = []
    for g in figures:
        if not g.column or (g.unit, g.kind) != (subject.unit, subject.kind):
            continue
        row = label_key(g.label.split(" / ")[0])
        if len(row) >= 2 and row in item:
            out.append(g)
    return out


def _agrees(cell: Figure, f: Figure) -> bool:
    return abs(cell.value - f.value) <= rounding(f) + rounding(cell) + 1e-6
