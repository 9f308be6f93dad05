"""The whole-document redline of a comparison, assembled from its section diffs.

A Word redline needs one sequence of (op, text) that turns OLD into NEW: accepting
every change gives NEW, rejecting every change gives OLD. Nothing is diffed again:
the unchanged runs the section diffs found (``SectionPair.same``) are the
candidates, and the heaviest set of them that stands in the same order in both
documents is kept (a weighted longest increasing subsequence, O(k log k) in the
number of runs). Everything between two kept runs is deleted from OLD and inserted
in NEW, so a section that moved reads as deleted in its old place and inserted in
its new one, and text no pair covers (numbering, unpaired sections) is exact too.
"""

from __future__ import annotations

from bisect import bisect_left

from ...model import Comparison
from .readable import DELETE, EQUAL, INSERT

Run = tuple[int, int, int]  # old start, new start, length


def redline(c: Comparison) -> list[tuple[int, str]]:
    """(op, text) over the whole of both documents, in document order."""
    out: list[tuple[int, str]] = []
    old_pos = new_pos = 0
    for old_at, new_at, size in _in_order(sorted(r for p in c.pairs for r in p.same if r[2])):
        out += _gap(c.old.text[old_pos:old_at], c.new.text[new_pos:new_at])
        out.append((EQUAL, c.old.text[old_at : old_at + size]))
        old_pos, new_pos = old_at + size, new_at + size
    return out + _gap(c.old.text[old_pos:], c.new.text[new_pos:])


def _gap(gone: str, came: str) -> list[tuple[int, str]]:
    """The text between two kept runs: what both sides share at its ends (a heading's
    unchanged numbering, a line break) stays equal, the rest is deleted and inserted."""
    head = _common_prefix(gone, came)
    rest_gone, rest_came = gone[head:], came[head:]
    tail = _common_prefix(rest_gone[::-1], rest_came[::-1])
    ops = [
        (EQUAL, came[:head]),
        (DELETE, rest_gone[: len(rest_gone) - tail]),
        (INSERT, rest_came[: len(rest_came) - tail]),
        (EQUAL, rest_came[len(rest_came) - tail :]),
    ]
    return [(op, t) for op, t in ops if t]


def _common_prefix(a: str, b: str) -> int:
    """Length of the common start, by halving (slice comparisons run in C)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _in_order(runs: list[Run]) -> list[Run]:
    """The runs (sorted by old start, not overlapping) of greatest total length whose
    new starts increase too: a Fenwick tree of best totals by new-start rank."""
    ranks = sorted({r[1] for r in runs})
    tree: list[tuple[int, int]] = [(0, -1)] * (len(ranks) + 1)  # (best total, run index)
    before: list[int] = []
    for i, (_, new_at, size) in enumerate(runs):
        k = bisect_left(ranks, new_at)
        best, prev = _prefix_best(tree, k)
        before.append(prev)
        _raise(tree, k + 1, (best + size, i))
    best, last = _prefix_best(tree, len(ranks))
    chosen = []
    while last >= 0:
        chosen.append(runs[last])
        last = before[last]
    return chosen[::-1]


def _prefix_best(tree: list[tuple[int, int]], k: int) -> tuple[int, int]:
    """The best (total, index) among ranks below ``k``."""
    best = (0, -1)
    while k > 0:
        best = max(best, tree[k])
        k -= k & -k
    return best


def _raise(tree: list[tuple[int, int]], k: int, value: tuple[int, int]) -> None:
    while k < len(tree):
        tree[k] = max(tree[k], value)
        k += k & -k
