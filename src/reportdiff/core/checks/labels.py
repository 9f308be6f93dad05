"""One label with two different values in one report, in prose or in a table.

A label seen with exactly two values is a contradiction worth a look; one seen with
many (抓获犯罪嫌疑人10名 … 5人 … 12人) is a narrative counting separate events.
Approximate figures, rates (每人…), transitions (由…下降至…) and the figures of a
stated change are left alone. A figure in prose is checked against the table row of
the same name: it must equal one of that row's values (target or actual).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Sequence

from ...model import Check, Document, Figure, Side
from ..figures.label import CHANGE_WORDS, clause_start, label_key
from .common import rounding

InTable = Callable[[int], bool]  # whether an offset stands inside a table
_KINDS = ("amount", "count", "percent")
_NOT_A_NAME = re.compile(r"^(?:每|人均|平均)|(?:至|到|由|从|为|后|前)$")
_PLAN = re.compile(r"拟|计划|预计|力争|目标")
# a year's figure may be set against its plan or target (拟查处100人 / 查处72人), never
# against last year's, a total over years, an average or a bound a rule sets
_LIKE_ROLES = ("current", "plan", "target")
_GENERIC = {"投入", "完成", "新增", "增加", "减少", "全年", "累计", "其中", "合计", "共计"}
# words in a figure's clause that make it a part of what its label names: the ones
# newly set up (新设7个自贸试验区, 新增, 新建) or a subset (其中), not the total
# (建设11个自贸试验区). A part is compared with parts, never with the total.
_PART_OF = re.compile(
    r"新(?:设|增|建|开|签|批|认定|登记|成立|引进|培育|创建|组建|招|录|落户|注册|评)|增设|其中"
)


def check_labels(doc: Document, figures: Sequence[Figure], side: Side) -> list[Check]:
    in_table = _table_test(doc)
    named = [
        f
        for n, f in enumerate(figures)
        if _comparable(f) and not _enumerated(doc.text, figures, n) and not _reached(figures, n)
    ]
    against_table = _prose_vs_table(named, in_table, side)
    # a text figure that disagrees with its table row is told once, as the more telling
    # prose_vs_table, not again as two values of one label
    told = [{f.start for f in c.figures} for c in against_table]
    conflicts = [
        c
        for c in _conflicts(doc.text, named, in_table, side)
        if not any({f.start for f in c.figures} <= starts for starts in told)
    ]
    return [*conflicts, *against_table]


def _comparable(f: Figure) -> bool:
    name = f.label.split(" / ")[0]
    if f.kind not in _KINDS or len(label_key(name)) < 2 or f.qualifier == "approx":
        return False
    if f.role not in _LIKE_ROLES or name.endswith(CHANGE_WORDS):
        return False  # the figures of a stated change (or a rate: 年均增长) stand apart
    return not (_NOT_A_NAME.search(name) or name in _GENERIC)


def _enumerated(text: str, figures: Sequence[Figure], n: int) -> bool:
    """「46台电信卡移动警务通、50台移动警务通、3台…」: an item named by what follows
    it in a list of kinds is one kind of the thing, not the thing itself."""
    f = figures[n]
    if not f.label or not text[f.end : f.end + len(f.label) + 2].lstrip().startswith(f.label):
        return False
    for m in (n - 1, n + 1):
        if 0 <= m < len(figures) and figures[m].unit == f.unit:
            a, b = sorted((figures[m], f), key=lambda x: x.start)
            between = text[a.end : b.start]
            if "、" in between and not any(ch in between for ch in "；;。\n"):
                return True
    return False


def _reached(figures: Sequence[Figure], n: int) -> bool:
    """「支付进度由91.5%提高至96.2%」: the level reached in a transition is this year's
    value, not a second value of a target stated elsewhere."""
    before = figures[n - 1] if n > 0 else None
    return before is not None and before.role == "start" and before.label == figures[n].label


def _apart_and_specific(key: str, members: list[Figure]) -> bool:
    """Prose figures contradict each other when their label names one thing (four or more
    Chinese characters) and they stand in different passages, not in one enumeration."""
    starts = sorted(f.start for f in members)
    apart = all(b - a > 300 for a, b in itertools.pairwise(starts))
    return apart and sum("\u4e00" <= ch <= "\u9fff" for ch in key) >= 4


def _unit(f: Figure) -> str:
    """A bare count in a table (治安卡口 | 9) may be compared with 9个 elsewhere."""
    return f.unit or ("*" if f.kind == "count" else "")


def _planned(text: str, f: Figure) -> bool:
    """The sentence before the figure says it is a plan (拟, 计划, 预计, 力争, 目标):
    「拟查处吸毒人员100人，强戒50人」 plans both."""
    before = text[max(0, f.start - 80) : f.start]
    clause = re.split(r"[。；;\n\t]", before)[-1]
    return bool(_PLAN.search(clause))


def _measure(text: str, f: Figure) -> str:
    """ "part" when the figure's own clause says it counts only some of what its label
    names (新设, 其中 …), else "" (the thing itself)."""
    clause = text[clause_start(text, f.start, max(0, f.start - 60)) : f.start]
    return "part" if _PART_OF.search(clause) else ""


def _conflicts(text: str, figures: list[Figure], in_table: InTable, side: Side) -> list[Check]:
    groups: dict[tuple[str, str, str], list[Figure]] = defaultdict(list)
    for f in figures:
        if not f.qualifier and f.value != 0:  # 0万元 is "none this year", said of many things
            groups[(label_key(f.label), f.kind, _measure(text, f))].append(f)
    out = []
    for (key, _, _), members in groups.items():
        units = {_unit(f) for f in members} - {"*"}
        values: list[Figure] = []  # one of each value, values within rounding as one
        for f in members:
            if not any(_agree(f, v) for v in values):
                values.append(f)
            if len(values) > 2:
                break  # a label of many values: no contradiction (and no square work)
        if len(values) != 2 or len(units) > 1:
            continue
        if not any(in_table(f.start) for f in members) and not _apart_and_specific(key, members):
            continue  # prose repeats phrases (决算, 采购金额) for the different things it lists
        first = members[0]
        other = next(f for f in members if not _agree(f, first))
        message = f"{first.label} is {first.text} here and {other.text} there"
        plans = [f for f in (first, other) if _planned(text, f)]
        if len(plans) == 1:  # 「拟查处100人」 against 「查处72人」: a target and its outcome
            done = other if plans[0] is first else first
            message = f"{first.label}: {plans[0].text} planned, {done.text} reported"
        out.append(Check("label_conflict", side, message, (first, other)))
    return out


def _prose_vs_table(figures: list[Figure], in_table: InTable, side: Side) -> list[Check]:
    rows: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for f in figures:
        if in_table(f.start):
            rows[(label_key(f.label.split(" / ")[0]), f.kind)].append(f)
    out = []
    for f in figures:
        row = rows.get((label_key(f.label), f.kind))
        if in_table(f.start) or not row or not _same_unit(f, row):
            continue
        if any(_agree(f, t) for t in row) or _another_table_agrees(f, figures, in_table):
            continue
        shown = " / ".join(t.text for t in row)
        message = f"{f.label} is {f.text} in the text but {shown} in the table"
        out.append(Check("prose_vs_table", side, message, (f, *row)))
    return out


def _another_table_agrees(f: Figure, figures: list[Figure], in_table: InTable) -> bool:
    """Whether a table names the prose figure's item among other words and gives its
    value: a report may hold the item in several tables (公务接待费 in the basic-spending
    table, and as 「“三公”经费预算数 公务接待费」 in the 三公 table), and the text speaks
    of one of them."""
    key = label_key(f.label)
    return any(
        t.kind == f.kind and in_table(t.start) and key in label_key(t.label) and _agree(f, t)
        for t in figures
    )


def _agree(f: Figure, t: Figure) -> bool:
    """Equal to the rounding of both as written: 15621.11万元 in the text is the
    table's 156,211,123 元."""
    slack = rounding(f) + rounding(t) + 1e-9 * max(1.0, abs(f.value))
    return abs(f.value - t.value) <= slack


def _same_unit(f: Figure, row: list[Figure]) -> bool:
    return all(_unit(t) in ("*", f.unit) for t in row)


def _table_test(doc: Document) -> InTable:
    spans = sorted((b.start, b.end) for b in doc.blocks if b.kind == "table")
    starts = [s for s, _ in spans]

    def inside(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and pos < spans[i][1]

    return inside
