"""A figure's role: what it is in its sentence, as a field of the Figure.

The labelling passes (label.py, sentence.py, english.py) mark the figures a stated
change starts from with a word after the name ("管网漏损率 由", "基本支出 上年",
"Ridership (previous)"); `split_role` takes that word off once, where figures are
built, so nothing downstream reads roles out of labels. The other roles come from the
words just before a figure in its clause: 累计 / 五年来 (cumulative), 年均 (average),
计划 / 预计 (plan), 目标 / 力争 (target), and a bound a rule sets (十万元以下).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...model import FigureRole
from .english import PREVIOUS
from .sentence import FROM_SUFFIX

_SUFFIX_ROLES: dict[str, FigureRole] = {
    f" {FROM_SUFFIX}": "start",
    " 上年": "previous",
    f" {PREVIOUS}": "previous",
}
_CLAUSE_END = re.compile(r"[，,。；;：:！？!?\n（）()]")
_LOOK_BACK = 24  # characters of the clause before a figure that may give its role
# the order matters: 「五年累计」 is cumulative before it is anything else
_ROLE_WORDS: tuple[tuple[FigureRole, re.Pattern[str]], ...] = (
    (
        "cumulative",
        re.compile(
            r"累计|[两三四五六七八九十]年(?:来|间|中|内|以来|共|合计|累计)|过去[两三四五十]年|近[两三四五十]年"
            r"|(?i:\bcumulative|\bsince 20\d\d"
            r"|\bover the (?:past|last) (?:two|three|four|five|ten|\d+) years)"
        ),
    ),
    ("average", re.compile(r"年均|平均|(?i:\baverage\b)")),
    ("target", re.compile(r"目标|力争|确保|(?i:\btarget|\bgoal|\baim(?:s|ed)? to)")),
    ("plan", re.compile(r"计划|预计|预期|拟|(?i:\bplan(?:s|ned)? to|\bexpect|\bforecast)")),
)
_BOUND_AFTER = re.compile(r"\s*(?:以下|以上|以内)")
_BOUND_BEFORE = re.compile(r"(?:不超过|不得超过|不低于|不少于|不高于)\s*$")
_RULE_WORDS = re.compile(r"罚款|罚金|处以|并处|没收|应当|不得|(?i:\bshall\b|\bmay not\b|\bfine)")


def split_role(label: str) -> tuple[str, FigureRole | None]:
    """ "基本支出 上年" → ("基本支出", "previous"); a label without a role word → (label, None)."""
    for suffix, role in _SUFFIX_ROLES.items():
        if label.endswith(suffix):
            return label[: -len(suffix)].rstrip(), role
    return label, None


# last year's value quoted beside this year's: "up from last year's 8.9%", "48.8% of last
# year", "from 31% last year" (a figure "last year" alone may be the year reported on)
_PREVIOUS_BEFORE = re.compile(r"(?i:\b(?:last|previous) year[’']s\s*[*_]*\s*\$?)$")
_PREVIOUS_AFTER = re.compile(r"(?i:[*_]*\s*(?:of|in) (?:the )?(?:last|previous) year\b)")
# the next of a list that last year's value opens: "last year's 3.7% full-time and 16.1% part-time"
_PREVIOUS_LIST_BEFORE = re.compile(
    r"(?i:\b(?:last|previous) year[’']s\s*[*_]*\s*\$?[\d.,]+%?[ \t]*[A-Za-z-]+(?:[ \t]+[A-Za-z-]+)?"
    r"[*_]*,?[ \t]+(?:and|or)[ \t]+[*_]*\$?)$"
)
_LIST_REACH = 64
_FROM_BEFORE = re.compile(r"(?i:\bfrom\s*[*_]*\s*\$?)$")
_LAST_YEAR_AFTER = re.compile(r"(?i:[*_]*\s*last year\b)")


# every pattern above holds "year": a text without it (a Chinese report) asks none of them
_YEAR_WORD = re.compile(r"(?i:year)")


@lru_cache(maxsize=4)  # asked for every figure of a report
def _says_year(text: str) -> bool:
    return _YEAR_WORD.search(text) is not None


def _previous(text: str, start: int, end: int) -> bool:
    if not _says_year(text):
        return False
    before = text[max(0, start - _LOOK_BACK) : start]
    if _PREVIOUS_BEFORE.search(before) or _PREVIOUS_AFTER.match(text, end):
        return True
    if _PREVIOUS_LIST_BEFORE.search(text[max(0, start - _LIST_REACH) : start]):
        return True
    return bool(_FROM_BEFORE.search(before) and _LAST_YEAR_AFTER.match(text, end))


def role_in_text(text: str, start: int, end: int, qualifier: str) -> FigureRole:
    """The role the words around text[start:end] give a figure (see the module)."""
    lo = max(0, start - _LOOK_BACK)
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(text, lo, start)), default=lo)
    before = text[clause_start:start]
    for role, words in _ROLE_WORDS:
        if words.search(before):
            return role
    if _previous(text, start, end):
        return "previous"
    if qualifier in ("at_most", "at_least") and _is_rule(text, clause_start, start, end):
        return "bound"
    return "current"


def _is_rule(text: str, clause_start: int, start: int, end: int) -> bool:
    """十万元以下 / 不超过五年 in a clause that sets a rule (处…罚款, 应当, shall)."""
    bounded = _BOUND_AFTER.match(text, end) or _BOUND_BEFORE.search(text, clause_start, start)
    if not bounded:
        return False
    clause_end = _CLAUSE_END.search(text, end)
    stop = clause_end.start() if clause_end else len(text)
    return bool(_RULE_WORDS.search(text, clause_start, stop))


def figure_role(
    text: str, start: int, end: int, qualifier: str, label: str
) -> tuple[str, FigureRole]:
    """A figure's label without its role word, and its role: the label's word first."""
    label, role = split_role(label)
    return label, role or role_in_text(text, start, end, qualifier)
