import random

from reportdiff.core.reuse.shingles import keyed_sentences as reuse_sentences
from reportdiff.core.text.sentences import MAX_SENTENCE_CHARS, sentence_ends, split_sentences
from reportdiff.core.text.tokens import FIGURE_RE


def test_sentences_end_at_chinese_and_english_stops_and_lines():
    text = "一句。二句！”三句？四；\n五 It rose. It fell.\tcell"
    assert split_sentences(text) == [
        "一句。",
        "二句！”",
        "三句？",
        "四；",
        "\n",
        "五 It rose.",
        " It fell.",
        "\t",
        "cell",
    ]


def test_no_sentence_is_longer_than_the_cap_and_all_round_trip():
    rng = random.Random(7)
    alphabet = "预算资金项目管理，、 0123456789.万元%。\n"
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        limit = rng.randint(8, 60)
        pieces = split_sentences(text, limit)
        assert "".join(pieces) == text
        assert all(0 < len(p) <= limit for p in pieces)


def test_a_long_run_is_cut_at_a_comma_not_inside_a_figure():
    clause = "安排专项资金3862.47万元用于基础设施建设"
    text = "，".join([clause] * 400)  # no sentence end at all
    pieces = split_sentences(text)
    assert len(pieces) > 1
    assert max(map(len, pieces)) <= MAX_SENTENCE_CHARS
    assert all(p.endswith("，") for p in pieces[:-1])


def test_a_cut_without_commas_keeps_figures_whole():
    rng = random.Random(3)
    parts = []
    while sum(map(len, parts)) < 3 * MAX_SENTENCE_CHARS:
        parts.append(
            "项目" if rng.random() < 0.5 else f"{rng.randint(1, 99999)}.{rng.randint(10, 99)}"
        )
    text = "".join(parts)
    figures = {(m.start(), m.end()) for m in FIGURE_RE.finditer(text)}
    for end in sentence_ends(text)[:-1]:
        assert not any(start < end < stop for start, stop in figures)


def test_reuse_detection_cuts_sentences_the_same_way():
    text = "第一句话写在这里。第二句话写在这里！\nThe third one. The fourth one."
    spans = [(s.start, s.end) for s in reuse_sentences(text)]
    pieces = [p.strip() for p in split_sentences(text) if p.strip()]
    assert [text[a:b] for a, b in spans] == pieces
