"""Readable edit groups: a rewritten clause reads as one replacement, not confetti.

diff-match-patch's semantic clean-up (run on tokens) already drops equalities no
longer than the edits on both sides of them, counted in tokens. A rewritten
sentence still keeps scraps: 企{+业+}事业, 监督机关、 between two long replacements.
Here an equality between two edit groups is absorbed into one replacement when it
is short against the edits around it, counted in characters, and merging repeats,
so a sentence rewritten throughout becomes one replacement. A figure changed in an
otherwise unchanged sentence, or two figures a clause apart, stay separate edits;
an equality at a line break is never absorbed, so lines of a list stay edits of
their own, and so is a tab between the cells of a table row (see cells.py).
"""

from __future__ import annotations

from collections.abc import Sequence

DELETE, EQUAL, INSERT = -1, 0, 1
# An equality shorter than this (non-space characters) between two edits is noise.
_NOISE_CHARS = 2
# An equality is absorbed when at most this share of the edits either side of it.
_ABSORB_SHARE = 0.5
CELL = "\t"  # between the cells of a table row, as the readers write it


class _Group:
    """An edit's deleted and inserted text, or an equality between edits."""

    __slots__ = ("came", "gone", "same")

    def __init__(self, gone: str = "", came: str = "", same: str | None = None) -> None:
        self.gone = gone
        self.came = came
        self.same = same  # an equality, when set

    @property
    def size(self) -> int:
        return max(len(self.gone.strip()), len(self.came.strip()))


def absorb_scraps(diffs: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """The diff with short equalities between edits folded into the edits."""
    out: list[_Group] = []
    for group in _groups(diffs):
        out.append(group)
        while len(out) >= 3 and _absorbs(out[-3], out[-2], out[-1]):
            right, same, left = out.pop(), out.pop(), out[-1]
            assert same.same is not None
            left.gone += same.same + right.gone
            left.came += same.same + right.came
    return [pair for g in out for pair in _ops(g)]


def _groups(diffs: Sequence[tuple[int, str]]) -> list[_Group]:
    groups: list[_Group] = []
    for op, text in diffs:
        if op == EQUAL:
            groups.append(_Group(same=text))
            continue
        if not groups or groups[-1].same is not None:
            groups.append(_Group())
        if op == DELETE:
            groups[-1].gone += text
        else:
            groups[-1].came += text
    return groups


def _absorbs(left: _Group, same: _Group, right: _Group) -> bool:
    if left.same is not None or right.same is not None or same.same is None:
        return False
    if (
        "\n" in same.same
        or CELL in same.same
        or _line_break_at(left.gone, left.came, right.gone, right.came)
    ):
        return False
    kept = len(same.same.strip())
    return kept < _NOISE_CHARS or kept <= _ABSORB_SHARE * (left.size + right.size)


def _line_break_at(left_gone: str, left_came: str, right_gone: str, right_came: str) -> bool:
    """Does a line end just before the equality or start just after it?"""
    return any(t.endswith("\n") for t in (left_gone, left_came)) or any(
        t.startswith("\n") for t in (right_gone, right_came)
    )


def _ops(group: _Group) -> list[tuple[int, str]]:
    if group.same is not None:
        return [(EQUAL, group.same)] if group.same else []
    return [(op, t) for op, t in ((DELETE, group.gone), (INSERT, group.came)) if t]
