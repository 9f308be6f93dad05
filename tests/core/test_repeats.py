"""Duplicates inside one report: a passage printed twice (the same words, names
included; spacing, punctuation, width and how a figure is written aside) is flagged
at both places, each naming where the other stands. One sentence form said of many
items — budget lines, the organs of a statute — is an enumeration, not a repeat."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.core.compare import compare
from reportdiff.core.reuse.shingles import keyed_sentences
from reportdiff.core.text import Positions
from reportdiff.model import Comparison, Document, Flag
from reportdiff.readers import read_document
from reportdiff.readers.blocks import blocks_from_lines
from tests.conftest import REAL, SEEDS


def doc(text: str, path: str = "new.txt") -> Document:
    blocks = blocks_from_lines(text)
    return Document(path, text[blocks[0].start : blocks[0].end], text, blocks)


def duplicates(c: Comparison, side: str = "new") -> list[Flag]:
    return [f for f in c.boilerplate if f.kind == "duplicate" and f.doc == side]


BLANK = doc("某县某局年度报告\n一、说明\n无。\n", "old.txt")

# Sentence forms a report says of each of its items, the item named in the sentence.
FORMS = [
    "主要原因是：{item}一般行政管理事务经费增加。",
    "“一般公共服务支出（类）{item}（款）一般行政管理事务（项）”主要用于{item}工作。",
    "{item}任期届满未及时改选的，在改选出的成员就任前，原{item}成员仍应当履行职务。",
    "企业事业单位或者其他组织有前款所列行为之一的，可以并处{item}万元以下的罚款。",
    "The {item} committee reviews the annual budget of the programme before the board"
    " approves it for the coming year.",
]
ITEMS = ["组织事务", "宣传事务", "统战事务", "群众团体事务", "董事会", "监事会", "一", "五", "十"]
ITEMS += ["市场监督管理事务", "城管执法", "行政运行", "事业运行", "机关服务", "planning"]
ITEMS += ["audit", "risk", "safety"]


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(FORMS),
    st.lists(st.sampled_from(ITEMS), min_size=3, max_size=9, unique=True),
    st.booleans(),
)
def test_one_sentence_form_said_of_many_items_is_no_duplicate(form, items, one_section) -> None:
    lines = [form.format(item=item) for item in items]
    if one_section:
        body = "一、说明\n" + "\n".join(lines)
    else:  # each item under a heading of its own, as statutes and budget notes go
        numerals = "一二三四五六七八九"
        body = "\n".join(f"{numerals[i]}、第{i + 1}项\n{line}" for i, line in enumerate(lines))
    c = compare(BLANK, doc(f"某县某局年度报告\n{body}\n"))
    assert not duplicates(c)


PASTED = (
    "基本支出主要用于保障机关正常运转，按时足额发放在职人员工资1,234.50万元。",
    "项目支出主要用于社区公共服务设施的日常维护和社区治理相关工作的开展。",
)
# The same paragraph printed again, as a second paste or another extraction gives it.
AGAIN = [
    PASTED,
    (PASTED[0].replace("，", ","), PASTED[1]),  # half-width punctuation
    (PASTED[0].replace("1,234.50", "1234.5"), PASTED[1]),  # the figure written otherwise
    (PASTED[0].replace("机关正常运转", "机关 正常 运转"), PASTED[1].replace("。", "．")),
    ("同时，" + PASTED[0], PASTED[1]),  # a clause put before it: the rest is the repeat
]


def _line_column(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"{line}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


@pytest.mark.parametrize("again", AGAIN)
@pytest.mark.parametrize("same_section", [False, True])
def test_a_pasted_paragraph_is_flagged_twice_each_naming_the_other(again, same_section) -> None:
    first, second = "".join(PASTED), "".join(again)
    middle = "" if same_section else "二、绩效情况\n"
    text = (
        f"某县某局年度报告\n一、收支情况\n{first}\n本年度收支总体平稳，未发生超预算支出。\n"
        f"{middle}本年度绩效目标全部完成，群众满意度较上年有所提高。\n{second}\n"
    )
    c = compare(BLANK, doc(text))
    flags = duplicates(c)
    assert len(flags) == 2
    one, two = flags
    assert one.text == first
    assert two.text == second.removeprefix("同时，")
    at_one, at_two = _line_column(text, text.index(first)), _line_column(text, text.rindex(second))
    if same_section:
        assert one.detail == f"repeated within §一 at {at_two}"
        assert two.detail == f"repeated within §一 at {at_one}"
    else:
        assert one.detail == f"repeated in §二 at {at_two}"
        assert two.detail == f"repeated in §一 at {at_one}"


def test_a_name_changed_in_a_pasted_paragraph_makes_it_no_repeat() -> None:
    """A paragraph pasted and then given another item's name is that item's
    paragraph: the words differ, so it is not printed twice."""
    other = PASTED[0].replace("在职人员", "离休人员")
    text = f"某县某局年度报告\n一、收支情况\n{PASTED[0]}\n二、绩效情况\n{other}\n"
    assert not duplicates(compare(BLANK, doc(text)))


# --- real reports ----------------------------------------------------------------------

_NOT_WORD = re.compile(r"[\W_]+")
_LABEL = re.compile(
    r"^(?:第[一二三四五六七八九十百零\d]+[条章节]|[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．])"
)


def _plain(text: str) -> str:
    """Without width, spacing, punctuation and a list label at the start."""
    text = unicodedata.normalize("NFKC", text).strip()
    return _NOT_WORD.sub("", _LABEL.sub("", text))


REAL_PAIRS = [
    (SEEDS / "daoxian-police-2023.txt", SEEDS / "ebian-police-2023.txt"),
    (
        REAL / "dev/pdf/putuo-wanli-jiedao-bumen-yusuan-2024.pdf",
        REAL / "dev/pdf/putuo-wanli-jiedao-bumen-yusuan-2025.pdf",
    ),
    (REAL / "dev/law/gongsifa-2018.md", REAL / "dev/law/gongsifa-2023.md"),
    (REAL / "dev/law/tongjifa-2009.md", REAL / "dev/law/tongjifa-2024.md"),
    (REAL / "jsjs_putuo_caizhengju_2024.txt", REAL / "jsjs_putuo_shehuigongzuobu_2024.txt"),
]


@pytest.mark.parametrize("pair", REAL_PAIRS, ids=lambda p: p[1].stem)
def test_every_real_duplicate_names_a_place_holding_the_same_words(pair) -> None:
    """Each duplicate's detail names line:column of the other occurrence; what stands
    there says what the flagged passage's first sentence says, word for word (the
    budget lines of a 部门预算, 组织事务 then 宣传事务, and a statute's parallel rules
    for the board and the supervisors are not repeats)."""
    old_path, new_path = pair
    if not new_path.is_file():
        pytest.skip(f"{new_path.name} of ../shared is not beside this checkout")
    c = compare(read_document(old_path), read_document(new_path))
    for side, document in (("old", c.old), ("new", c.new)):
        text, at = document.text, Positions(document)
        sentences = keyed_sentences(text)
        place = {at(s.start): s for s in sentences}
        for f in duplicates(c, side):
            mine = next(s for s in sentences if s.start <= f.start < s.end)
            own = _plain(text[f.start : min(mine.end, f.end)])
            cited = re.findall(r"\d+:\d+", f.detail)
            assert cited, f.detail
            for where in cited:
                other = place[where]
                theirs = _plain(text[other.start : other.end])
                assert own in theirs or theirs in own, (f.detail, own, theirs)


def test_a_budget_line_pasted_onto_the_next_is_still_found(real_dir: Path) -> None:
    """The 2024 部门预算 of a 街道 explains two budget lines with the same sentence, one of
    them pasted from the other: both are flagged, each naming the other."""
    path = real_dir / "dev/pdf/putuo-wanli-jiedao-bumen-yusuan-2024.pdf"
    if not path.is_file():
        pytest.skip("the 部门预算 PDFs in ../shared/real/dev/pdf are not beside this checkout")
    document = read_document(path)
    c = compare(BLANK, document)
    flags = duplicates(c)
    assert flags
    at = Positions(document)
    starts = {at(f.start): f for f in flags}
    for f in flags:
        for where in re.findall(r"\d+:\d+", f.detail):
            assert where in starts, f"{f.detail} names a place that is not flagged"
            assert at(f.start) in starts[where].detail
