"""The whole-document redline of a comparison, assembled from its section diffs.

A Word redline needs one sequence of (op, text) that turns OLD into NEW: accepting
every change gives NEW, rejecting every change gives OLD. Nothing is diffed again:
the unchanged runs the section diffs found (``SectionPair.same``) are the
candidates, and the heaviest set of them that stands in the same order in both
documents is kept (a weighted longest increasing subsequence, O(k log k) in the
number of runs). Everything between two kept runs is deleted from OLD and inserted
in NEW, so a section that moved reads as deleted in its old place and inserted in
its new one, and text no pair covers (numbering, unpaired sections) is exact too.

Every change then has its ends moved out of any figure or Latin word they fall inside
(text/tokens.py's ``unsplit_cut``, in either document), so a revision replaces whole
figures with their units, as the text report shows them: [-2024年-]{+2025年+}, never
202[-4-]{+5+}年. The run ends and the gaps' shared ends are cut by characters, and a
figure's digits often agree at either end.
"""

from __future__ import annotations

from bisect import bisect_left

from ...model import Comparison
from ..text.tokens import unsplit_cut
from .readable import DELETE, EQUAL, INSERT

Run = tuple[int, int, int]  # old start, new start, length
Hunk = tuple[int, int, int, int]  # old start, old end, new start, new end of one change


def redline(c: Comparison) -> list[tuple[int, str]]:
    """(op, text) over the whole of both documents, in document order."""
    out: list[tuple[int, str]] = []
    old_pos = new_pos = 0
    for old_at, new_at, size in _in_order(sorted(r for p in c.pairs for r in p.same if r[2])):
        out += _gap(c.old.text[old_pos:old_at], c.new.text[new_pos:new_at])
        out.append((EQUAL, c.old.text[old_at : old_at + size]))
        old_pos, new_pos = old_at + size, new_at + size
    out += _gap(c.old.text[old_pos:], c.new.text[new_pos:])
    return whole_tokens(out, c.old.text, c.new.text)


def whole_tokens(ops: list[tuple[int, str]], old: str, new: str) -> list[tuple[int, str]]:
    """``ops`` (which turn ``old`` into ``new``) with every change widened to whole
    figures and Latin words at both ends; changes that come to touch are joined."""
    out: list[tuple[int, str]] = []
    old_pos = 0
    for o0, o1, n0, n1 in _widened(_hunks(ops), old, new):
        out += [(EQUAL, old[old_pos:o0]), (DELETE, old[o0:o1]), (INSERT, new[n0:n1])]
        old_pos = o1
    out.append((EQUAL, old[old_pos:]))
    return [(op, t) for op, t in out if t]


def _hunks(ops: list[tuple[int, str]]) -> list[Hunk]:
    """The changes of ``ops``: each maximal run of deletions and insertions."""
    hunks: list[Hunk] = []
    old_pos = new_pos = 0
    for op, text in ops:
        if op == EQUAL:
            old_pos, new_pos = old_pos + len(text), new_pos + len(text)
            continue
        if not hunks or hunks[-1][1] != old_pos or hunks[-1][3] != new_pos:
            hunks.append((old_pos, old_pos, new_pos, new_pos))
        if op == DELETE:
            old_pos += len(text)
        else:
            new_pos += len(text)
        hunks[-1] = (hunks[-1][0], old_pos, hunks[-1][2], new_pos)
    return hunks


def _widened(hunks: list[Hunk], old: str, new: str) -> list[Hunk]:
    """Each change grown over the equal text beside it until neither end splits a
    figure or word in either document; a change that grows into its neighbour is
    joined with it. Equal text moves into the deletion and the insertion alike, so
    the ops still turn OLD into NEW."""
    out: list[Hunk] = []
    i = 0
    while i < len(hunks):
        o0, o1, n0, n1 = hunks[i]
        i += 1
        while True:
            back = max(_into(old, o0, forward=False), _into(new, n0, forward=False))
            ahead = max(_into(old, o1, forward=True), _into(new, n1, forward=True))
            if back and out and o0 - back <= out[-1][1]:
                o0, _, n0, _ = out.pop()
            elif ahead and i < len(hunks) and o1 + ahead >= hunks[i][0]:
                _, o1, _, n1 = hunks[i]
                i += 1
            elif back or ahead:
                o0, n0, o1, n1 = o0 - back, n0 - back, o1 + ahead, n1 + ahead
            else:
                break
        out.append((o0, o1, n0, n1))
    return out


def _into(text: str, at: int, *, forward: bool) -> int:
    """How far a cut at ``at`` must move to split no figure or word of ``text``."""
    return abs(unsplit_cut(text, at, forward=forward) - at)


def _gap(gone: str, came: str) -> list[tuple[int, str]]:
    """The text between two kept runs. Where both sides hold a line break, the first
    and the last stay line breaks of both: the text before the first finishes the line
    the kept run before it is on, the text after the last begins the next kept run's
    line, so a changed figure at a row's end and another at the next line's start are
    two changes, not one that swallows the line break. The whole lines between are
    deleted and inserted."""
    first_gone, first_came = gone.find("\n"), came.find("\n")
    if first_gone < 0 or first_came < 0:
        return _line_gap(gone, came)
    last_gone, last_came = gone.rfind("\n"), came.rfind("\n")
    ops = [*_line_gap(gone[:first_gone], came[:first_came]), (EQUAL, "\n")]
    ops += [
        (DELETE, gone[first_gone + 1 : last_gone + 1]),
        (INSERT, came[first_came + 1 : last_came + 1]),
    ]
    ops += _line_gap(gone[last_gone + 1 :], came[last_came + 1 :])
    return [(op, t) for op, t in ops if t]


def _line_gap(gone: str, came: str) -> list[tuple[int, str]]:
    """What both sides share at the ends (a heading's unchanged numbering) stays
    equal, the rest is deleted and inserted."""
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
