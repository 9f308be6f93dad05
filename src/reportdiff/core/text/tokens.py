"""Tokens for diffing: a figure with its unit is one token, CJK is one token per
character, Latin text one token per word, and runs of whitespace or punctuation
stay separate so edits snap to readable boundaries."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lazy_regex import lazy_compile

# Units that belong to the number before them: a change of 5105.15万元 to 5322.40万元
# must read as one replacement, never as digit soup. The pieces are exported so that
# core/figures/parse.py reads figures with this same grammar.
NUMBER_PATTERN = r"[-+−]?(?:\d{1,3}(?:[,，]\d{3})+(?!\d)|\d+)(?:[.．]\d+)?"
MAGNITUDE_PATTERN = r"万亿|亿|万|千(?![瓦克])"  # 千瓦 and 千克 are units: 10亿千瓦, 5千克
APPROX_PATTERN = r"余|多|\+|＋"
UNIT_PATTERN = (
    r"元|%|％|‰|个百分点|百分点|"
    # a counter that begins a word (表1 支出, 3台账, 5项目) is not a counter; a period
    # (3个月, 15个工作日) is one unit, not a count of 个
    r"年度|年|月|日|号|时|分钟|分|人次|人|名|辆|个工作日|工作日|个月|个小时|个|台套|台次|台(?!账)|套|次|起|件次|件|户|所|家(?!庭)|"
    r"处(?![理置罚])|株|项(?!目)|条(?![件例])|宗|艘|座|张|支(?![出付持])|架|路|份|场次|场(?!所)|"
    r"期(?![间限])|批|块|亩|轮|公斤|千克|斤|km|平方公里|公里|平方米|立方米|米|吨|小时|天|美元|"
    r"千瓦时|千瓦|部(?![门署分委长队位件际属级室机])|"  # 行政法规15部 counts laws
    r"trillion|billion|million|thousand|percentage points?|percent|per cent"
)
CURRENCY_PATTERN = r"[$¥￥€£]"
FIGURE_RE = re.compile(
    # a figure starts with a currency sign, a sign or a digit: the lookahead lets a scan
    # skip every other character at once (the same matches, twice as fast)
    r"(?=[$¥￥€£+\-−\d])"
    rf"{CURRENCY_PATTERN}?{NUMBER_PATTERN}"
    rf"(?:\s?(?=\S)(?:(?:{APPROX_PATTERN})?(?:{MAGNITUDE_PATTERN})(?:{APPROX_PATTERN})?(?:{UNIT_PATTERN})?"
    rf"|(?:{APPROX_PATTERN})(?:{UNIT_PATTERN})?|(?:{UNIT_PATTERN})))?"
)
_TOKEN_RE = re.compile(
    FIGURE_RE.pattern
    + r"|[A-Za-z]+(?:['’\-][A-Za-z]+)*"  # a Latin word
    + r"|\s+"  # whitespace run
    + r"|.",  # anything else: one CJK character or punctuation mark
    re.DOTALL,
)


def tokenize(text: str) -> list[str]:
    """Split text into diff tokens that concatenate back to exactly the text."""
    return _TOKEN_RE.findall(text)


class TokenEncoder:
    """Map each distinct token to one character, as diff-match-patch does for lines.

    One encoder must encode both sides of a diff so equal tokens share a character.
    """

    # Skip the surrogate range, which Python strings can hold but dmp mishandles.
    _BASE = 0xE000

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}
        self._tokens: dict[str, str] = {}

    @property
    def tokens(self) -> list[str]:
        return list(self._codes)

    def encode(self, tokens: Sequence[str]) -> str:
        codes = self._codes
        for tok in tokens:
            if tok not in codes:
                code = self._char(len(codes))
                codes[tok] = code
                self._tokens[code] = tok
        return "".join(map(codes.__getitem__, tokens))

    def decode(self, chars: str) -> str:
        return "".join(map(self._tokens.__getitem__, chars))

    def _char(self, n: int) -> str:
        cp = self._BASE + n
        if cp >= 0xF900:  # past the private-use area: continue above the BMP
            cp = 0x10000 + (cp - 0xF900)
        if cp > 0x10FFFF:
            raise OverflowError("more distinct tokens than characters to stand for them")
        return chr(cp)


_WHOLE_RE = lazy_compile(FIGURE_RE.pattern + r"|[A-Za-z]+(?:['’\-][A-Za-z]+)*")
_LONGEST_WHOLE = 64  # no figure or word is longer; a cut is looked for this far around


def unsplit_cut(text: str, at: int, *, forward: bool) -> int:
    """Move a cut at ``at`` out of the figure or Latin word it falls inside: to that
    token's end when ``forward``, else to its start (``at`` itself when it splits
    nothing). Excerpts cut this way never show 3862.4… for 3862.47万元."""
    lo = max(0, at - _LONGEST_WHOLE)
    for m in _WHOLE_RE.finditer(text, lo, min(len(text), at + _LONGEST_WHOLE)):
        if m.start() >= at:
            break
        if m.end() > at:
            return m.end() if forward else m.start()
    return at
