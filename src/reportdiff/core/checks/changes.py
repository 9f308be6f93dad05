"""Stated changes (相比2022年…减少761.01万元，减少10.93%) recomputed from their figures.

A stated change names last year's figure, the change and often the rate; this year's
figure stands before it (「基本支出3862.47万元，较2022年的3650.12万元…」) or earlier in
the paragraph under a similar label (「2023年收入预算6202.69万元…相比2022年收入…」).
The difference and the rate are recomputed from the figures as written, and a check
fails only beyond their rounding.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from ...model import Check, Figure, Side
from ..figures.english_changes import may_state_changes, parse_changes
from ..figures.label import CHANGE_WORDS, RISE_WORDS, change_at, label_key
from .common import rounding, show
from .periods import YEAR_NAMED, NamedChange, named_change
from .restated import check_restated

_WORD_BEFORE = re.compile(r"(" + "|".join(CHANGE_WORDS) + r")了?\s*$")


class _Stated:
    """A change a sentence states: the figures around its 相比/较上年 and their signs."""

    __slots__ = (
        "base",
        "current",
        "delta",
        "delta_sign",
        "delta_word",
        "flat",
        "keyword",
        "pct",
        "pct_sign",
        "pct_word",
    )

    def __init__(
        self,
        keyword: int,
        base: Figure | None = None,
        delta: Figure | None = None,
        delta_sign: int = 0,
        delta_word: str = "",
        pct: Figure | None = None,
        pct_sign: int = 0,
        pct_word: str = "",
        current: Figure | None = None,
        flat: bool = False,
    ) -> None:
        self.keyword = keyword  # where 相比/较上年 stands
        self.base = base  # last year's figure
        self.delta = delta
        self.delta_sign = delta_sign
        self.delta_word = delta_word  # as the report says it: 增加, 减少, up, fell
        self.pct = pct
        self.pct_sign = pct_sign
        self.pct_word = pct_word
        self.current = current  # this year's figure, where the sentence names it
        self.flat = flat  # 「与2023年预算持平」: no change at all


def check_changes(text: str, figures: Sequence[Figure], side: Side) -> list[Check]:
    out = []
    starts = [f.start for f in figures]
    for stated in [*_stated_changes(text, figures), *_flat_changes(text)]:
        named = None
        if stated.base is None:
            named = named_change(text, figures, starts, stated.keyword, stated.delta)
        if named is not None:
            out.extend(_named_checks(text, figures, stated, named, side))
        elif stated.delta or (stated.base and stated.pct):
            check = _verify(stated, _current(text, figures, starts, stated), side)
            if check:
                out.append(check)
    for stated in _ranges(text, figures):
        check = _verify(stated, stated.current, side)
        if check:
            out.append(check)
    for stated in _english_changes(text, figures) if may_state_changes(text) else ():
        check = _verify(stated, stated.current, side)
        if check:
            out.append(check)
    return out


def _ranges(text: str, figures: Sequence[Figure]) -> list[_Stated]:
    """「办公费由50.00万元增加到60.00万元，增长25.0%」, 「差旅费12.00万元，上年10.00万元，
    同比增长30.0%」: a starting or last year's figure, this year's under the same name in
    the sentence, and the change words beside them."""
    out = []
    for _n, f in enumerate(figures):
        subject = f.label
        if f.role not in ("start", "previous") or not subject:
            continue
        if f.role == "previous" and change_at(text, f.start, max(0, f.start - 80)) is not None:
            continue  # 「较上年…」: a stated change of its own (_stated_changes)
        lo, hi = _sentence(text, f.start)
        same = [g for g in figures if lo <= g.start < hi and g is not f]
        order = same if f.role == "start" else same[::-1]  # 「由」 first, 「上年」 after
        current = next(
            (g for g in order if g.label == subject and g.role == "current" and _like(g, f)),
            None,
        )
        if current is None:
            continue
        stated = _Stated(f.start, base=f, current=current)
        key = label_key(subject)
        for g in same:
            word = _WORD_BEFORE.search(text, max(0, g.start - 4), g.start)
            if g is current or not word or not label_key(g.label).startswith(key):
                continue
            sign = 1 if word.group(1) in RISE_WORDS else -1
            if g.kind == "percent" and "年均" in text[max(0, g.start - 6) : g.start]:
                continue  # 「年均增长24%」 compounds over years: not the change once
            if _is_rate(g) and stated.pct is None:
                stated.pct, stated.pct_sign, stated.pct_word = g, sign, word.group(1)
            elif (_like(g, f) or _is_points(g)) and stated.delta is None:
                stated.delta, stated.delta_sign, stated.delta_word = g, sign, word.group(1)
        if stated.delta or stated.pct:
            out.append(stated)
    return out


def _sentence(text: str, pos: int) -> tuple[int, int]:
    lo = max(text.rfind(ch, 0, pos) for ch in "。；;\n") + 1
    ends = [i for i in (text.find(ch, pos) for ch in "。；;\n") if i >= 0]
    return lo, min(ends, default=len(text))


def _like(a: Figure, b: Figure) -> bool:
    return (a.unit, a.kind) == (b.unit, b.kind)


def _english_changes(text: str, figures: Sequence[Figure]) -> list[_Stated]:
    """「Fare revenue rose 9.4% to $12.8 million from $11.7 million」, as _Stated."""
    out = []
    for c in parse_changes(text, figures):
        if c.current is None:
            continue  # "up 7% on the previous year": nothing to recompute it from

        def at(i: int | None) -> Figure | None:
            return figures[i] if i is not None else None

        out.append(
            _Stated(
                c.move_at,
                base=at(c.base),
                delta=at(c.delta),
                delta_sign=c.sign,
                delta_word=c.said or c.word,
                pct=at(c.pct),
                pct_sign=c.sign,
                pct_word=c.said or c.word,
                current=at(c.current),
            )
        )
    return out


def _stated_changes(text: str, figures: Sequence[Figure]) -> list[_Stated]:
    found: dict[int, _Stated] = {}
    for f in figures:
        tail = f.label.rpartition(" ")[2]
        if f.kind in ("year", "date") or not (f.role == "previous" or tail in CHANGE_WORDS):
            continue  # labelling named every figure of a stated change after it
        at = change_at(text, f.start, max(0, f.start - 80))
        if at is None:
            continue
        stated = found.setdefault(at, _Stated(at))
        word = _WORD_BEFORE.search(text, max(0, f.start - 4), f.start)
        sign = (1 if word.group(1) in RISE_WORDS else -1) if word else 0
        said = word.group(1) if word else ""
        if _is_rate(f) and word and stated.pct is None:
            stated.pct, stated.pct_sign, stated.pct_word = f, sign, said
        elif word and stated.delta is None and not _is_rate(f):
            stated.delta, stated.delta_sign, stated.delta_word = f, sign, said
        elif not word and stated.base is None:
            stated.base = f
    return [s for s in found.values() if s.delta or s.pct]


_FLAT = re.compile(r"(?<!基本)(?<!大体)(?<!总体)(?<!大致)持平")


def _flat_changes(text: str) -> list[_Stated]:
    """「比2023年预算执行数持平」: a stated change of nothing, with no figure after it."""
    out = []
    for m in _FLAT.finditer(text) if "持平" in text else ():
        at = change_at(text, m.start(), max(0, m.start() - 80))
        if at is not None and not re.search(r"\d", YEAR_NAMED.sub("", text[at : m.start()])):
            out.append(_Stated(at, flat=True))
    return out


def _named_checks(
    text: str, figures: Sequence[Figure], stated: _Stated, named: NamedChange, side: Side
) -> list[Check]:
    """A change whose comparison names last year's figure: recomputed from the figures it
    names, and this year's figure checked against the item's amount the passage opens with."""
    stated.base = named.base
    subject = named.subject
    current = named.current or subject
    label = subject.label if subject else ""
    found = [_verify(stated, current, side, label)]
    if named.current is not None and subject is not None:

        def fits(f: Figure) -> bool:
            return _verify(stated, f, side) is None

        found.append(check_restated(figures, named, subject, stated_fits=fits, side=side))
    return [k for k in found if k is not None]


def _current(
    text: str, figures: Sequence[Figure], starts: list[int], stated: _Stated
) -> Figure | None:
    """This year's figure: the one the change clause follows, or the best-named one
    earlier in the passage (up to a blank line, at most 300 characters back)."""
    like = stated.base or stated.delta
    assert like is not None
    lo = max(text.rfind("\n\n", 0, stated.keyword) + 1, stated.keyword - 300)
    window = figures[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, stated.keyword)]
    earlier = [
        f
        for f in window
        if (f.unit, f.kind) == (like.unit, like.kind) and change_at(text, f.start, lo) is None
    ]
    if not earlier:
        return None
    gap = text[earlier[-1].end : stated.keyword]
    if not re.search(r"[。；;]", gap) and len(gap) <= 8:
        return earlier[-1]  # 「基本支出3862.47万元，较2022年…」
    subject = label_key(_subject(like))
    if not subject:
        return None
    keys = [label_key(f.label) for f in earlier]
    scored = [
        (fuzz.partial_ratio(subject, k), fuzz.ratio(subject, k), f.start, f)
        for k, f in zip(keys, earlier, strict=True)
    ]
    best = max(scored, key=lambda s: s[:3])
    return best[3] if best[0] >= 80 else None


def _subject(f: Figure) -> str:
    """收入 减少 → 收入: what a figure of a stated change is the change of."""
    return f.label if f.role == "previous" else f.label.rsplit(" ", 1)[0]


def _verify(stated: _Stated, current: Figure | None, side: Side, label: str = "") -> Check | None:
    base, delta = stated.base, stated.delta
    change = stated.delta_sign * delta.value if delta else None
    if stated.flat:
        problems = _flat_problem(base, current)
    elif base is None:  # 「总计2995.39万元。与2023年度相比…减少56.95万元，下降1.87%」
        if current is None or delta is None or change is None or stated.pct is None:
            return None
        base_value = current.value - change
        spread = rounding(current) + rounding(delta)
        problems = _pct_problem(stated, base_value, spread, change, like=current)
    else:
        problems = _delta_problem(stated, current, change)
        if stated.pct is not None and base.value:
            spread = rounding(base) + (rounding(delta) if delta else 0.0)
            if change is None and current is not None:
                change = current.value - base.value
                spread += rounding(current)
            if change is not None:
                problems += _pct_problem(stated, base.value, spread, change, like=base)
    if not problems:
        return None
    other = base or delta  # named "收入" (previous) / "收入 减少": the subject comes first
    label = label or (current.label if current else "") or (_subject(other) if other else "")
    figures = tuple(f for f in (current, base, delta, stated.pct) if f is not None)
    return Check("change", side, f"{label}: " + "; ".join(problems), figures)


def _delta_problem(stated: _Stated, current: Figure | None, change: float | None) -> list[str]:
    base, delta = stated.base, stated.delta
    if current is None or delta is None or change is None or base is None:
        return []
    actual = current.value - base.value
    tolerance = rounding(current) + rounding(base) + rounding(delta) + 1e-6
    if abs(actual - change) <= tolerance:
        return []
    relative = base.value and base.unit != "%"  # a rate's change is in points alone
    rate = f" ({actual / base.value * 100:+.2f}%)" if relative else ""
    return [
        f"{current.text} against {base.text} is {_signed(actual, base)}{rate}, "
        f"not {_said(stated.delta_word, delta)}"
    ]


def _flat_problem(base: Figure | None, current: Figure | None) -> list[str]:
    if base is None or current is None:
        return []
    actual = current.value - base.value
    if abs(actual) <= rounding(current) + rounding(base) + 1e-6:
        return []
    rate = f" ({actual / base.value * 100:+.2f}%)" if base.value else ""
    return [f"{current.text} against {base.text} is {_signed(actual, base)}{rate}, not 持平"]


def _pct_problem(
    stated: _Stated, base_value: float, spread: float, change: float, like: Figure
) -> list[str]:
    """The stated rate against change / last year's value, within the rounding of both."""
    pct = stated.pct
    assert pct is not None
    if not base_value:
        return []
    expected = change / base_value * 100
    written = stated.pct_sign * pct.value
    tolerance = rounding(pct) + abs(100 * spread / base_value) * (1 + abs(expected) / 100) + 1e-6
    if abs(expected - written) <= tolerance:
        return []
    return [f"{_signed(change, like)} on {show(base_value, like)} is {expected:+.2f}%, not "
            f"{_said(stated.pct_word, pct)}"]  # fmt: skip


def _said(word: str, f: Figure) -> str:
    """The change as the report words it: 增长13.28%, up 9.5%."""
    return f"{word} {f.text}" if word.isascii() else f"{word}{f.text}"


def _signed(value: float, like: Figure) -> str:
    sign = "+" if value >= 0 else "−"
    if like.unit == "%":  # 98.0% against 97.0% is +1.0个百分点, not +1.0%
        points = " pp" if like.text.isascii() and like.label.isascii() else "个百分点"
        return f"{sign}{show(abs(value), like).rstrip('%')}{points}"
    return sign + show(abs(value), like)


def _is_points(f: Figure) -> bool:
    return f.unit == "百分点"


def _is_rate(f: Figure) -> bool:
    """A relative change (增长5%), not a change in points (提高1.5个百分点)."""
    return f.kind == "percent" and not _is_points(f)
