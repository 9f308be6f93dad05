"""Ratios written as numbers joined by colons: 「三次产业结构由上年的15.6:31.5:52.9调整为
14.6:33.1:52.3」. Statistical bulletins and work reports state the structure of the
economy so, each number the share of one industry; each is a figure of its own, named
after the ratio and its place in it (「三次产业结构 第二项」), so that the second share
pairs with next year's second share and never with the first."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.lazy_regex import lazy_compile
from .parse import Reading
from .sentence import FROM_SUFFIX

# three or four numbers joined by colons (ASCII, full-width, ratio sign): two alone are
# as often a time of day or a score. (?=\d) first: the scan passes over every character
# that is no digit before trying the lookbehind (the same matches, in two thirds the time)
_RATIO = lazy_compile(
    r"(?=\d)(?<![\d.:：︰∶])\d{1,3}(?:\.\d+)?(?:\s?[:：︰∶]\s?\d{1,3}(?:\.\d+)?){2,3}(?![\d.:：︰∶%])"
)
_PART = re.compile(r"\d{1,3}(?:\.\d+)?")
_ORDINALS = "一二三四"


def ratio_spans(text: str) -> list[tuple[int, int]]:
    """Where the text writes a ratio of three or four parts; a clock time (08:30:15) is none."""
    out = []
    for m in _RATIO.finditer(text):
        parts = _PART.findall(m.group(0))
        if all("." not in p for p in parts) and all(len(p) == 2 for p in parts[1:]):
            continue  # 8:30:15, 10:00:00: a time of day
        out.append(m.span())
    return out


def ratio_parts(found: Sequence[Reading], spans: Sequence[tuple[int, int]]) -> list[Reading]:
    """The readings with each number of a ratio a count of its own, marked by its place
    (``Reading.part``, from 1); the bare numbers a ratio holds are read no other way."""
    out = []
    k = 0
    for r in found:
        while k < len(spans) and spans[k][1] <= r.start:
            k += 1
        inside = k < len(spans) and spans[k][0] <= r.start < spans[k][1]
        if inside and r.bare:
            place = 1 + sum(spans[k][0] <= x.start < r.start for x in found)
            out.append(r._replace(kind="count", bare=False, part=place))
        else:
            out.append(r)
    return out


def part_labels(text: str, found: Sequence[Reading], labels: Sequence[str]) -> list[str]:
    """Each part named after the ratio's own name (its first part's label) and its place:
    「三次产业结构 第二项」. A ratio the sentence moves to (「由上年的15.6:31.5:52.9调整为
    14.6:33.1:52.3」) is the same ratio: it takes the name, and the one it moved from
    is where the move started (role ``start``)."""
    out = list(labels)
    ratios = _ratios(found)
    names = [labels[members[0]] for members in ratios]
    for n in range(1, len(ratios)):
        before, members = ratios[n - 1], ratios[n]
        between = text[found[before[-1]].end : found[members[0]].start]
        if _MOVED_TO.fullmatch(names[n]) and not _SENTENCE_END.search(between):
            names[n] = names[n - 1]
            for i in before:
                out[i] = f"{names[n - 1]} 第{_ORDINALS[found[i].part - 1]}项 {FROM_SUFFIX}"
    for members, name in zip(ratios, names, strict=True):
        for i in members:
            if not out[i].endswith(FROM_SUFFIX):
                out[i] = f"{name} 第{_ORDINALS[found[i].part - 1]}项".strip()
    return out


def _ratios(found: Sequence[Reading]) -> list[list[int]]:
    """The indexes of each ratio's parts, in order."""
    out: list[list[int]] = []
    for i, r in enumerate(found):
        if r.part == 1:
            out.append([i])
        elif r.part and out:
            out[-1].append(i)
    return out


# the words that move a ratio to its new value, and nothing else: 调整为, 变为, 优化为
_MOVED_TO = re.compile(r"(?:调整|变化|变动|优化|演变|改变|变)?[为到至]?")
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
