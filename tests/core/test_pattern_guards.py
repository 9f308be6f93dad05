"""Patterns given a guard for speed find exactly what they found without it.

A leading ``(?=[…])`` names the characters a match can start with, so the scan skips
the rest of the text at once; a template phrase with an ``anchor`` is only looked for
near its anchor. Both must leave the matches as they were, on text full of the
characters the patterns care about (and the few that case-fold into ASCII letters).
"""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.core.figures.extract import _NOISE_RE
from reportdiff.core.figures.ratios import _RATIO
from reportdiff.core.reuse.template_phrases import PHRASES
from reportdiff.core.text.contents import _LEADER
from reportdiff.core.text.tokens import _TOKEN_RE, FIGURE_RE, tokenize

_GUARD = re.compile(r"^\(\?=(?:\[(?:\\.|[^\]])*\]|[^()\[]*)\)")

PIECES = [
    *"范本。.\n XxＸｘ×✕＊○□_＿包括，、年月号等情况（）()【】填请",
    "http://a.cn/2023",
    "www.x.org",
    "ab@cd.com",
    "邮编",
    "邮政编码：",
    "postcode 100000",
    "〔2021〕5号",
    "2021/914",
    "电话：",
    "Tel. ",
    "Fax",
    "0731-1234567",
    "ſ",
    "K",
    "İ",
    "19",
    "20",
    "23",
    "范本文件",
    "...",
    "。。。",
    "____",
    "5105.15万元",
    "-3.2%",
    "−12",
    "$1.8 million",
    "¥12,480",
    "１２３",
    "٣",
    "1,23",
    "+5",
    "余",
    "个百分点",
    "……",
    "⋯⋯",
    "．．．",
    "· ·",
    "•・",
    "15.6:31.5:52.9",
    "08:30:15",
    ":",
    "：",
    "∶",
    "7",
]
TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def spans(matches):
    return [m.span() for m in matches]


def unguarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    stripped = _GUARD.sub("", pattern.pattern)
    assert stripped != pattern.pattern
    return re.compile(stripped, pattern.flags)


GUARDED = [p.pattern for p in PHRASES if _GUARD.match(p.pattern.pattern)] + [
    _NOISE_RE,
    FIGURE_RE,
    _LEADER,
    _RATIO,
]


def test_the_guarded_patterns_are_the_ones_meant():
    assert len(GUARDED) >= 5
    assert [p for p in PHRASES if p.anchor]


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_a_guard_changes_no_match(text):
    for pattern in GUARDED:
        assert spans(pattern.finditer(text)) == spans(unguarded(pattern).finditer(text))


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_an_anchored_phrase_finds_what_its_pattern_finds(text):
    for phrase in PHRASES:
        assert spans(phrase.finditer(text)) == spans(phrase.pattern.finditer(text))


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_tokens_tile_the_text_with_figures_whole(text):
    tokens = tokenize(text)
    assert "".join(tokens) == text
    unguarded_tokens = re.compile(
        unguarded(FIGURE_RE).pattern + _TOKEN_RE.pattern[len(FIGURE_RE.pattern) :], re.DOTALL
    )
    assert tokens == unguarded_tokens.findall(text)
