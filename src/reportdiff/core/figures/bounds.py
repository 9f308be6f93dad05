"""The words that bound or approximate a figure: 近/约/≥ before it, 余/以上/以下/左右
after it, + and 余 inside it."""

from __future__ import annotations

import re

AT_LEAST_BEFORE = ("≥", "不少于", "不低于", "超过", "突破", "逾", "大于", "高于")
AT_MOST_BEFORE = ("≤", "不超过", "不高于", "低于", "小于")
APPROX_BEFORE = ("近", "约", "大约", "将近", "约为", "约合", "约达")  # 面积约为13459平方米
_AT_LEAST_AFTER = ("以上",)
_AT_MOST_AFTER = ("以下", "以内")
_APPROX_AFTER = ("左右", "余")
_BOUND_BEFORE = sorted(  # longest first
    [(w, "at_least") for w in AT_LEAST_BEFORE]
    + [(w, "at_most") for w in AT_MOST_BEFORE]
    + [(w, "approx") for w in APPROX_BEFORE],
    key=lambda pair: -len(pair[0]),
)
_QUALIFIER_CHARS = re.compile(r"[≥≤不超突逾大高低小近约将以左余多+＋]")
_INCLUSIVE = ("（含）", "(含)")


def bound_of(text: str, fig_start: int, fig_end: int, start: int, end: int) -> str:
    """The qualifier ("at_least", "at_most", "approx" or "") of the figure at
    ``text[fig_start:fig_end]``, read from the words around it within ``start:end``."""
    if not _QUALIFIER_CHARS.search(text, max(start, fig_start - 4), min(end, fig_end + 5)):
        return ""  # the common case, decided by one scan of a few characters
    before = text[max(start, fig_start - 4) : fig_start]
    after = text[fig_end : min(end, fig_end + 5)]
    if after.startswith(_INCLUSIVE):  # 100万元（含）以上: the bound includes the figure
        after = after[3:]
    inner = text[fig_start:fig_end]
    said_before = _word_before(before.rstrip())
    if said_before in ("at_least", "at_most"):
        return said_before
    if after.startswith(_AT_LEAST_AFTER):
        return "at_least"
    if after.startswith(_AT_MOST_AFTER):
        return "at_most"
    if "+" in inner[1:] or "＋" in inner:
        return "at_least"
    if said_before == "approx" or after.startswith(_APPROX_AFTER):
        return "approx"
    return "approx" if any(a in inner for a in ("余", "多")) else ""


def _word_before(before: str) -> str | None:
    """The bound the words just before a figure state, the longest word deciding:
    不超过 is at most though it ends in 超过, 不低于 at least though it ends in 低于."""
    return next((q for word, q in _BOUND_BEFORE if before.endswith(word)), None)
