"""The thing a figure measures, taken from its clause or its table row.

Chinese puts the noun before the figure (基本支出5105.15万元) or, with a counter,
after it (18台警务用车); a stated change (减少761.01万元) measures the same thing as
the figure it changes. Labels are for people and for matching, so they are short and
stripped of years, pronouns and verbs that do not name anything.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.lazy_regex import lazy_compile
from ..text.line_wraps import is_soft_break
from ..text.numbering import parse_numbering
from .parse import Reading
from .sentence import sentence_labels

CLAUSE_BREAK = "，。；：:;,、\n\t（）()！？!?“”「」《》【】"
_BREAK_RE = lazy_compile("[" + re.escape(CLAUSE_BREAK) + "]")
# the words after a counter, up to a break or the next number (350M is a name, not one)
_NOUN_RUN = lazy_compile("(?:[^" + re.escape(CLAUSE_BREAK) + r"\d]|\d+(?=[A-Za-z]))*")
TRIGGER_RE = lazy_compile(r"其中|包含|包括|分别为|分别是|分别|合计|共计|总计|累计")
LIST_RE = lazy_compile(r"其中|包含|包括|分别为|分别是|分别")
# Where a stated change begins: 相比2022年…, 较上年…, 同比…
CHANGE_RE = lazy_compile(
    r"相比|同比|(?:比|较|与)\s?(?:上年|去年|上一年|(?:19|20)\d\d\s?年)|比上年|较上年"
)
# the words that state a change, by direction (one list for labels, checks and matching)
RISE_WORDS = ("增加", "增长", "上升", "提高", "扩大", "增")
FALL_WORDS = ("减少", "下降", "降低", "缩小", "减")
CHANGE_WORDS = RISE_WORDS + FALL_WORDS
_YEAR = lazy_compile(
    r"(?:(?:19|20)\d\d\s?|[上本今去当])年(?:度|底|初|末|中(?![央国心小学]))?|\d{1,2}\s?月(?:份|底|初|末)?"
)
_LEAD = lazy_compile(
    r"^(?:[\s\u3000*]|相比|比|较|与|同比|截至|截止|对|将|把|其中|包含|包括|"
    r"本单位|本部门|我单位|我局|本局|我县|我们|全国|全县|全局|全年|全镇|全乡|全区|全市|全省|年内|本|我|共有|共|现设|现有|已|拟|的)+"
)
_TRAIL = lazy_compile(
    r"(?:(?<![行作认成称因视])为|拟?按|达到|高达|达|是|共|约|近|超过|突破|逾|不低于|不少于|不超过|低于|高于|大于|小于|合计|共计|总计|累计|计|了|有|的|分别|占|由|从"
    # the level a measure reached (提高到), or kept at (控制在)
    r"|(?:提高|增加|增长|下降|降低|减少|上升|缩短|压缩|压减|扩大|降|增|减)(?:到|至)"
    r"|(?:保持|稳定|控制|维持)在"
    r"|[\s\u3000*])+$"
)
_ENDS = lazy_compile(f"{_LEAD.pattern}|{_TRAIL.pattern}")  # both ends in one pass
_AFTER_STOP = lazy_compile(
    r"和|与|以及|全部|均|已|将|被|在|于|采取|参|进行|实现|的|做好|以|达"
    r"|(?:减少|增加|提高|下降|降|增|缩短|延长|扩大|上升)(?=至|到|了|\d)"  # 「9个减少至4个」
    r"|左右|以上|以下|以内"  # 「1200万人左右」: a bound, not a noun
)
# years and months, budget subject codes (2040201) and list words: never part of a name
_NOISE = lazy_compile(f"{_YEAR.pattern}|\\d{{5,}}|{TRIGGER_RE.pattern}")
_MAX_LABEL = 20


# 上海市普陀区财政局, 峨边彝族自治县公安局, 中共…区委社会工作部 (部门（单位）): the
# reporting agency, whose every figure this is, names nothing that differs by agency
# 社区, 区域, 全市 and 市区 start no agency's name, nor 布局 and 格局 end one
_AGENCY = lazy_compile(
    r"^(?:中共)?(?![社小全各本我两城])[^，。；：\s]{1,12}?[省市县区旗州](?![域民内外级两])"
    r"[^，。；：\s]{0,12}?(?:(?<![布格结当大全出开败变])局|委员会|办公室|委[^，。；：\s]{2,6}?部)"
    r"(?:部门(?![预决]算))?(?:[（(]单位[）)])?\s*(?=[^，。；：\s]{2})"
)


@lru_cache(maxsize=4096)  # a table's row names are asked once per figure in the row
def clean_label(raw: str) -> str:
    raw = raw[-3 * _MAX_LABEL :]  # the name is at the end; long clauses cost regex time
    text = _AGENCY.sub("", _NOISE.sub("", raw).lstrip(" \u3000*"))
    text = _ENDS.sub("", _without_list_number(text)).strip(" \u3000*")
    if len(text) <= _MAX_LABEL:
        return text
    return "…" + text[1 - _MAX_LABEL :]  # cut, perhaps mid-word: say so


# the list numbers of a Chinese outline (（二）, 二、, 3., 3．, (3), 3）, ①), which order
# items and name none: 「（二）公务用车购置及运行费」 is 公务用车购置及运行费
_LIST_NUMBER_KEYS = frozenset(("cn()", "ar()", "cn、", "cn.", "ar、", "ar).", "ar)", "ar.", "circ"))


def _without_list_number(text: str) -> str:
    numbering = parse_numbering(text)
    if numbering is None or numbering.key not in _LIST_NUMBER_KEYS:
        return text
    return text[numbering.end :]


@lru_cache(maxsize=4096)
def label_key(label: str) -> str:
    """What two labels must share to name the same thing: no digits, spaces or marks."""
    return "".join(ch for ch in label if ch.isalpha())


def is_change_word(label: str) -> bool:
    return label in CHANGE_WORDS or label.rstrip("了") in CHANGE_WORDS


_CLOSING = {"）": "（", ")": "(", "”": "“", "」": "「"}


def clause_start(text: str, pos: int, floor: int) -> int:
    """Where the clause ending at pos begins: after a break, a list trigger or floor.
    A parenthesis or a short quotation before pos belongs to the label: 维修（护）费
    126.44万元, “三公”经费预算数37.91万元."""
    floor = max(floor, pos - 3 * _MAX_LABEL)  # a label is short; do not walk a paragraph
    i = floor
    skip_below = pos
    for m in reversed(list(_BREAK_RE.finditer(text, floor, pos))):
        at = m.start()
        if at >= skip_below:
            continue  # inside a parenthesis already stepped over
        ch = text[at]
        if ch in _CLOSING:  # a short aside or quotation inside the name: 「“三公”经费」
            opening = text.rfind(_CLOSING[ch], floor, at)
            if opening >= 0 and at - opening < 16:
                skip_below = opening
                continue
        if ch == "\n" and is_soft_break(text, at):
            continue
        i = at + 1
        break
    ends = [m.end() for m in LIST_RE.finditer(text, i, pos)]
    return ends[-1] if ends else i


def prose_labels(text: str, readings: list[Reading], start: int, end: int) -> list[str]:
    """A label per reading of one paragraph (or table cell) text[start:end].

    Inside a stated change (较2022年的3650.12万元增加212.35万元，增长5.82%) the figures
    name the subject before the change: "基本支出 上年", "基本支出 增加", "基本支出 增长"."""
    labels: list[str] = []
    prev_end = figure_end = start  # after the last reading; after the last figure
    subject = ""
    has_change = readings and CHANGE_RE.search(text, start, end) is not None
    for n, r in enumerate(readings):
        if r.kind in ("year", "date"):  # never compared or checked: no name needed
            labels.append("")
            prev_end = r.end + (text[r.end : r.end + 1] in "底初末中")  # 2024年底
            continue
        floor = prev_end if n and _same_clause(text, prev_end, r.start) else start
        opens = clause_start(text, r.start, floor)
        label = clean_label(text[opens : r.start])
        if len(label) <= 2:  # 「“…（款）一般行政管理事务（项）”科目43.83万元」
            label = quoted_name(text, opens, floor) or label
        if n and label in _RANGE_WORDS and _same_clause(text, prev_end, r.start):
            label = subject  # 五万元以上五十万元以下: both ends of one range, one name
        if len(label) <= 2 and floor > figure_end:
            # 「编报绩效目标的2024年度项目4个」: 项目 alone names nothing; the words
            # before the year do (a longer name after one, 「某局2024年度收入…」, stays)
            floor = figure_end if n and _same_clause(text, figure_end, r.start) else start
            label = clean_label(text[clause_start(text, r.start, floor) : r.start]) or label
        change = change_at(text, r.start, start) if has_change else None
        if change is not None:
            lead = clean_label(text[clause_start(text, change, start) : change])
            label, own = _split_change(label)
            subject = lead or own or subject
            label = _change_label(label, subject)
        elif r.kind == "count" and (r.unit not in ("", "年", "date") or not label):
            after = _noun_after(text, r.end, end)
            label = after if len(after) >= 2 or not label else label
        if change is None and r.kind not in ("year", "date"):
            subject = label
        labels.append(label + _scope(text, r.end, end))
        prev_end = figure_end = r.end
    return sentence_labels(text, readings, labels, start, clean_label)


# the levels of a budget subject: 一般公共服务支出（类）统计信息事务（款）专项普查活动（项）
_LEVEL_END = re.compile(r"(?<=[（(][类款项][）)])")
_OPENING = {"”": "“", "」": "「"}


def quoted_name(text: str, opens: int, floor: int) -> str:
    """The quoted name a clause opens after: a figure that follows an item in quotes
    (and at most a word such as 科目) is that item's. Of a budget subject's levels the
    two innermost name it (统计信息事务（款）专项普查活动（项）; the 类 says little,
    and 一般行政管理事务（项） stands under many a 款), whole: a name cut is another's."""
    if opens < 1 or text[opens - 1] not in _OPENING:
        return ""
    start = text.rfind(_OPENING[text[opens - 1]], max(floor, opens - 3 * _MAX_LABEL), opens)
    if start < 0:
        return ""
    levels = [p.strip() for p in _LEVEL_END.split(text[start + 1 : opens - 1]) if p.strip()]
    name = "".join(levels[-2:])
    return name if len(name) <= 2 * _MAX_LABEL else clean_label(name)


# a comma, not the separator of 8,512.40 (a digit before it and three after)
_CLAUSE_COMMA = lazy_compile(r"(?<!\d)[，,]|[，,](?!\d{3}(?!\d))")
_CHANGE_GOES_ON = lazy_compile(r"\s*(?:" + "|".join(CHANGE_WORDS) + ")")


def change_at(text: str, pos: int, floor: int) -> int | None:
    """Where the stated change that pos stands in begins (相比2022年…, 较上年…), or None.

    The change runs to ；or 。, and over a comma only into another change word
    (「减少761.01万元，减少10.93%」), not into the next subject."""
    lo = max(floor, pos - 60)
    if not CHANGE_RE.search(text, lo, pos):
        return None  # most figures: no comparison anywhere near
    cut = max(text.rfind(ch, lo, pos) for ch in "；;。\n")
    found = list(CHANGE_RE.finditer(text, max(lo, cut + 1), pos))
    if not found:
        return None
    start, end = found[-1].start(), found[-1].end()
    for comma in _CLAUSE_COMMA.finditer(text[end:pos]):
        if comma.start() <= 1:
            continue  # 「与2023年度相比，收入支出总计减少…」: the comparison opens the clause
        if not _CHANGE_GOES_ON.match(text, end + comma.end()):
            return None
    return start


_ENDS_IN_CHANGE = lazy_compile(r"(.*?)\s*(" + "|".join(CHANGE_WORDS) + r")了?$")


def _split_change(label: str) -> tuple[str, str]:
    """收入支出总计减少 → ("减少", "收入支出总计"); 收入 → ("", "收入")."""
    m = _ENDS_IN_CHANGE.match(label)
    return (m.group(2), m.group(1)) if m else ("", label)


def _change_label(label: str, subject: str) -> str:
    base = _base(subject)
    if is_change_word(label):
        return f"{base} {label}".strip()
    return f"{base} 上年".strip()


_RANGE_WORDS = {"以上", "以下", "以内", "至", "到"}  # all that stands between a range's ends


def _same_clause(text: str, a: int, b: int) -> bool:
    return not _BREAK_RE.search(text, a, b)


def _base(label: str) -> str:
    """收入 减少 → 收入: a change's label names what changed."""
    head, _, tail = label.rpartition(" ")
    return head if head and (tail == "上年" or is_change_word(tail)) else label


def _noun_after(text: str, pos: int, end: int) -> str:
    """18台警务用车、…: the counted thing follows the counter."""
    run = _NOUN_RUN.match(text, pos, min(end, pos + 12))
    noun = run.group(0) if run else ""
    stop = _AFTER_STOP.search(noun)
    return clean_label(noun[: stop.start()] if stop else noun)


def _scope(text: str, pos: int, end: int) -> str:
    """人员编制400（含交警）: a parenthesis right after the figure scopes it."""
    if pos >= end or text[pos] not in "（(":
        return ""
    close = text.find("）" if text[pos] == "（" else ")", pos, min(end, pos + 20))
    inner = text[pos : close + 1] if close > 0 else ""
    return inner if inner and not any(ch.isdigit() for ch in inner) else ""
