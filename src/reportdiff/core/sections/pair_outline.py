"""One outline over both documents, built from the pairing: what every output lists.

Each pair becomes a row under the row that holds its section's parent: a pair with a
NEW section sits under the pair holding that section's NEW parent (so a new section
never lands under an unrelated removed one), a removed section under the pair holding
its OLD parent, where it stood in its own document. Siblings keep the order the
alignment listed the pairs in; the rows are that tree read top to bottom, so the text
report, the HTML report and the review UI show the same order and nesting.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...model import OutlineRow, Section, SectionPair


def pair_outline(
    pairs: Sequence[SectionPair],
    old_sections: Sequence[Section],
    new_sections: Sequence[Section],
) -> tuple[OutlineRow, ...]:
    holder_new = _holders(pairs, "new")
    holder_old = _holders(pairs, "old")
    old_parent = {s.id: s.parent for s in old_sections}
    new_parent = {s.id: s.parent for s in new_sections}
    children: dict[int | None, list[int]] = {}
    for k, p in enumerate(pairs):
        if p.new is not None:
            parent = holder_new.get(new_parent.get(p.new) or "")
        else:
            parent = holder_old.get(old_parent.get(p.old or "") or "")
        if parent == k:
            parent = None
        children.setdefault(parent, []).append(k)
    rows: list[OutlineRow] = []
    seen: set[int] = set()
    # (pair, depth, parent row); top-level rows have depth 1, as top-level sections do.
    stack: list[tuple[int | None, int, int]] = [(None, 0, -1)]
    while stack:
        node, depth, parent_row = stack.pop()
        if node is not None:
            if node in seen:
                continue
            seen.add(node)
            rows.append(OutlineRow(node, depth, None if parent_row < 0 else parent_row))
        here = len(rows) - 1 if node is not None else -1
        stack.extend((c, depth + 1, here) for c in reversed(children.get(node, [])))
    # A pair whose parent chain never reaches the top (it cannot, but stay total) is
    # listed at the top level rather than lost.
    rows.extend(OutlineRow(k, 1, None) for k in range(len(pairs)) if k not in seen)
    return tuple(rows)


def _holders(pairs: Sequence[SectionPair], side: str) -> dict[str, int]:
    """The pair that stands for each section of one side: its one-to-one match first."""
    found: dict[str, int] = {}
    for k, p in enumerate(pairs):
        sid = p.new if side == "new" else p.old
        if sid is not None and (
            sid not in found or (pairs[found[sid]].secondary and not p.secondary)
        ):
            found[sid] = k
    return found
