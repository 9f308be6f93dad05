"""Labels that need the whole sentence, not just the clause before a figure.

- 「基础设施、制造业投资分别增长9.4%、9.1%」: the n-th figure after 分别 measures the
  n-th name before it: "基础设施 增长", "制造业投资 增长".
- 「国内生产总值超过126万亿元，增长5.2%」: a clause that only says how something moved
  (增长, 提高至) borrows the subject of the figure before it: "国内生产总值 增长".
- 「管网漏损率由14.2%下降至12.5%」: the figure after 由/从 is where the measure started
  ("管网漏损率 由"), the one after 至/到 where it ended ("管网漏损率").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .parse import Reading

Clean = Callable[[str], str]  # figure_label.clean_label: raw clause text -> label

FROM_SUFFIX = "由"  # the label suffix of a figure a measure moved from
_HARD_BREAK = "，,。；;：:！？!?\n"
_SENTENCE_END = re.compile("[。；;！？!?\n]")
_ITEM_SPLIT = re.compile(r"、|和|及|与|以及")
_BETWEEN_FIGURES = re.compile(r"^[\s、，,和及与]*$")
# what a clause says when it names no thing, only a movement: 增长, 年均增长, 提高至, 压减
_MOVE = (
    r"(?:年均|分别|同比|累计|全年|再|净|均|已)*"
    r"(?:增长|增加|减少|下降|上升|降低|提高|上涨|回落|缩短|延长|扩大|压减|压缩|缩减|增至"
    r"|降至|减至|减|增|降|达到|达|突破|超过|为)?(?:到|至|了)?"
)
_WEAK = re.compile(f"^{_MOVE}$")
_ENDS_IN_TO = re.compile(r"(?:到|至)$")
_SHARE_BEFORE = re.compile(r"占\s*$")
_LAST_YEAR_BEFORE = re.compile(r"[，,]\s*(?:上年|去年|上一年)度?(?:为|是)?\s*$")
_COMMA_BEFORE = re.compile(f"[，,]\\s*{_MOVE}\\s*$")
_TO_BEFORE = re.compile(r"(?:到|至)\s*$")
_ADVERB_BEFORE = re.compile(r"(?:年均|平均|同比)$")
_FROM_BEFORE = re.compile(r"(?:由|从)\s*(?:上年度?的?|去年的?|上一年的?)?\s*$")
# 由…至 / 从…到: a move has its end in the clause (由4.8%下降至3.2%); 由五人以下股东
# (by, not from) has none
_TO_AFTER = re.compile(r"[^，,。；;！？!?\n]{0,12}?(?:至|到)")


def is_weak(label: str) -> bool:
    """A label that names no thing: empty, or a verb of movement alone (增长, 提高至)."""
    return _WEAK.match(label.strip()) is not None


def sentence_labels(
    text: str, readings: list[Reading], labels: list[str], start: int, clean: Clean
) -> list[str]:
    """labels improved where the sentence says more than the clause: see the module."""
    out = list(labels)
    _respectively(text, readings, out, start, clean)
    _ranges_and_weak(text, readings, out, start)
    return out


def _respectively(
    text: str, readings: list[Reading], labels: list[str], start: int, clean: Clean
) -> None:
    for m in re.finditer("分别", text[start : readings[-1].start if readings else start]):
        at = start + m.start()
        run = _figures_after(text, readings, at + 2)
        # 「…增加值年均分别增长10.6%、7.9%」: 年均 says how each moved, not the last name
        adverb = _ADVERB_BEFORE.search(text, max(start, at - 4), at)
        items = _names_before(text, adverb.start() if adverb else at, start, clean)
        if len(items) < 2 or len(run) < len(items):
            continue
        first = readings[run[0]]
        verb = text[at + 2 : first.start].strip()
        suffix = FROM_SUFFIX if verb in ("从", "由") else _verb(verb)
        if adverb and suffix != FROM_SUFFIX:
            suffix = adverb.group(0) + suffix
        for i, name in zip(run, items, strict=False):
            labels[i] = f"{name} {suffix}".strip()


def _names_before(text: str, at: int, start: int, clean: Clean) -> list[str]:
    lo = max(start, at - 60)
    cut = max(text.rfind(ch, lo, at) for ch in _HARD_BREAK)
    names = [clean(part) for part in _ITEM_SPLIT.split(text[max(lo, cut + 1) : at])]
    return names if all(len(n) >= 2 for n in names) else []


def _figures_after(text: str, readings: list[Reading], pos: int) -> list[int]:
    """The run of figures right after 分别: 9.4%、9.1% / 67%和92%."""
    run: list[int] = []
    for i, r in enumerate(readings):
        if r.start < pos or r.kind in ("year", "date"):
            continue
        gap = text[readings[run[-1]].end if run else pos : r.start]
        if run and not _BETWEEN_FIGURES.match(gap):
            break
        if not run and (len(gap) > 8 or any(ch in gap for ch in _HARD_BREAK)):
            break
        run.append(i)
    return run


def _verb(words: str) -> str:
    """同比下降 → 下降; 再提高 → 提高: the movement, without its adverbs."""
    m = re.search(r"(增长|增加|减少|下降|上升|降低|提高|上涨|压减|压缩|减少|增)", words)
    return m.group(1) if m else ""


def _ranges_and_weak(text: str, readings: list[Reading], labels: list[str], start: int) -> None:
    subject = ""
    prev_end = start
    for i, r in enumerate(readings):
        if r.kind in ("year", "date"):
            continue
        if _SENTENCE_END.search(text, prev_end, r.start):
            subject = ""
        prev_end = r.end
        label = labels[i]
        lo = max(start, r.start - 8)
        moves_on = _TO_AFTER.match(text, r.end) is not None
        if _FROM_BEFORE.search(text, max(start, r.start - 8), r.start) and moves_on:
            own = label if not is_weak(label) else subject
            labels[i] = f"{_base(own)} {FROM_SUFFIX}".strip() if own else label
        elif not label.strip() and subject and _SHARE_BEFORE.search(text, r.start - 2, r.start):
            labels[i] = f"{subject} 占比"  # 「其他收入6.2万元，占0.21%」
        elif not label.strip() and subject and _LAST_YEAR_BEFORE.search(text, lo, r.start):
            labels[i] = f"{subject} 上年"  # 「差旅费12.00万元，上年10.00万元」
        elif is_weak(label) and subject:
            moved = label.strip()
            if _TO_BEFORE.search(text, max(start, r.start - 4), r.start):
                labels[i] = subject  # 「由4.8%下降至3.2%」: the level reached
            elif moved:
                labels[i] = subject if _ENDS_IN_TO.search(moved) else f"{subject} {moved}"
            elif _COMMA_BEFORE.search(text, lo, r.start):
                labels[i] = subject  # 「…增长8.0%，达到2200.00万元」
        if labels[i].strip() and not is_weak(labels[i]):
            subject = _base(labels[i])


def _base(label: str) -> str:
    """管网漏损率 由 → 管网漏损率; 国内生产总值 增长 → 国内生产总值."""
    head, _, tail = label.rpartition(" ")
    return head if head and (tail == FROM_SUFFIX or is_weak(tail) or tail == "上年") else label
