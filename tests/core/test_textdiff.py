import pytest

from reportdiff.core.diff.textdiff import diff_texts, edits_from_diffs
from reportdiff.core.text.sentences import split_sentences


def checked_edits(a: str, b: str, timeout: float = 1.0):
    diffs, timed_out = diff_texts(a, b, timeout)
    assert not timed_out
    # The diff reproduces both sides exactly.
    assert "".join(t for op, t in diffs if op <= 0) == a
    assert "".join(t for op, t in diffs if op >= 0) == b
    return edits_from_diffs(diffs, 0, 0)


def test_changed_figure_reads_as_one_replacement():
    a = "本单位2023年基本支出5105.15万元，其中工资福利支出4035.19万元。"
    b = "本单位2023年基本支出5322.40万元，其中工资福利支出4035.19万元。"
    [edit] = checked_edits(a, b)
    assert (edit.op, edit.old_text, edit.new_text) == ("replace", "5105.15万元", "5322.40万元")
    assert a[edit.old_start : edit.old_end] == "5105.15万元"
    assert b[edit.new_start : edit.new_end] == "5322.40万元"


def test_inserted_words_in_chinese():
    a = "加强部门预算管理。"
    b = "进一步加强部门预算管理。"
    [edit] = checked_edits(a, b)
    assert (edit.op, edit.new_text) == ("insert", "进一步")


def test_english_edits_are_whole_words():
    a = "Revenue grew by 4.2 million dollars in the year."
    b = "Revenue grew by 4.6 million dollars in the fiscal year."
    edits = checked_edits(a, b)
    assert [(e.op, e.old_text.strip(), e.new_text.strip()) for e in edits] == [
        ("replace", "4.2 million", "4.6 million"),
        ("insert", "", "fiscal"),
    ]


def test_deleted_sentence_is_one_delete():
    a = "第一句话。第二句话写的是项目。第三句话。"
    b = "第一句话。第三句话。"
    [edit] = checked_edits(a, b)
    assert (edit.op, edit.old_text) == ("delete", "第二句话写的是项目。")


def test_rewritten_sentence_is_not_confetti():
    a = "全年共开展安全检查四十次，发现隐患二十处。"
    b = "组织专家深入基层调研，形成报告一份。"
    edits = checked_edits(a, b)
    assert len(edits) == 1
    assert edits[0].op == "replace"


def test_whitespace_only_changes_are_not_edits():
    assert checked_edits("甲乙丙。", "甲乙丙。 ") == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("事业编制0名，在职145名。", "事业编制 0 名，在职 145 名。"),
        ("完成2023年目标任务。", "完成 2023 年目标任务。"),
        ("配备65台移动终端，\n\t\t11张定位卡。", "配备 65 台移动终端，11 张定位卡。"),
        ("The plan was\nadopted in 2023.", "The plan was adopted  in 2023."),
    ],
)
def test_spacing_alone_is_no_edit(a: str, b: str) -> None:
    """Where a space stands beside CJK text, or how much whitespace parts two words."""
    assert checked_edits(a, b) == []


def test_spacing_beside_a_real_change_is_part_of_it() -> None:
    [edit] = checked_edits("事业编制0名，在职145名。", "事业编制 2 名，在职 145 名。")
    assert edit.op == "replace"
    assert "0" in edit.old_text
    assert "2" in edit.new_text


def test_joined_or_split_latin_words_are_edits() -> None:
    [edit] = checked_edits("a well known plan.", "a wellknown plan.")
    assert (edit.old_text.strip(), edit.new_text.strip()) == ("well known", "wellknown")


def test_split_sentences_round_trips():
    text = "一句。二句！三句？四；\n五"
    assert "".join(split_sentences(text)) == text
    assert split_sentences(text)[0] == "一句。"


def test_timeout_falls_back_and_says_so():
    # Many reordered, slightly edited sentences; a zero-ish budget forces the fallback.
    sentences = [f"第{i}项工作完成情况良好，累计投入资金{i * 7}万元。" for i in range(400)]
    a = "".join(sentences)
    b = "".join(s.replace("良好", "较好") for s in reversed(sentences))
    diffs, timed_out = diff_texts(a, b, 1e-6)
    assert timed_out
    assert "".join(t for op, t in diffs if op <= 0) == a
    assert "".join(t for op, t in diffs if op >= 0) == b


def test_renumbering_behind_markup_is_not_an_edit():
    from reportdiff.core.diff.textdiff import section_span
    from reportdiff.model import Section

    text = "## 二、基本情况\n正文"
    s = Section(
        "1", "## 二、基本情况", "二、", "基本情况", 1, ("基本情况",), 0, len(text), 10, len(text)
    )
    start, end = section_span(s)
    assert text[start:end] == "基本情况\n正文"


def test_lines_of_an_edited_list_pair_with_their_own_lines():
    a = (
        "防汛物资储备经费52.00万元；\n"
        "水资源监测建设项目105.40万元；\n"
        "灌区配套改造经费100.00万元。\n"
    )
    b = (
        "水资源监测建设项目112.60万元；\n"
        "灌区配套改造经费100.00万元；\n"
        "幸福河湖试点项目65.00万元。\n"
    )
    edits = checked_edits(a, b)
    pairs = [(e.op, e.old_text, e.new_text) for e in edits]
    assert ("delete", "防汛物资储备经费52.00万元；\n", "") in pairs
    assert ("replace", "105.40万元", "112.60万元") in pairs
    assert not any("防汛" in e.old_text and "水资源" in e.new_text for e in edits)
