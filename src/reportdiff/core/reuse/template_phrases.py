"""Template instructions and placeholders left in a filled-in report.

Each pattern has a short display form that the flag's evidence quotes, e.g.
``template phrase 「围绕……进行绩效分析」``. The patterns describe the genre's
standard forms (部门整体支出绩效自评报告 and 部门决算 templates) and generic
placeholders; they are deliberately narrow, since a false alarm on a sentence the
author really wrote costs a reviewer's trust.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

_CLOSE = r"[^（()）\n]"


class TemplatePhrase(NamedTuple):
    """An instruction or placeholder a blank template leaves in a report."""

    label: str  # the display form quoted in the evidence
    pattern: re.Pattern[str]
    # Words every match holds, starting at most ``reach`` characters into it: the scan
    # then looks only near them (a pattern opening with "any 0..20 characters" is
    # otherwise tried at every character of the text).
    anchor: str = ""
    reach: int = 0

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches ``pattern.finditer(text)`` finds."""
        if not self.anchor:
            yield from self.pattern.finditer(text)
            return
        pos = 0
        while (at := text.find(self.anchor, pos)) >= 0:
            # no match starts before at - reach: its anchor would come before ``at``
            m = self.pattern.search(text, max(pos, at - self.reach))
            if m is None:
                return
            yield m
            pos = max(m.end(), m.start() + 1)


PHRASES: tuple[TemplatePhrase, ...] = (
    TemplatePhrase("（报告范围包括……）", re.compile(r"[（(]\s*报告范围" + _CLOSE + r"{0,40}[）)]")),
    TemplatePhrase(
        "围绕……进行绩效分析", re.compile(r"围绕[^。；\n]{1,60}?进行(?:绩效)?分析[。；]?")
    ),
    # (?=…) before a lookbehind or an alternation names the characters a match can start
    # with, so the scan skips every other character at once (the same matches, faster)
    TemplatePhrase(
        "包括……等情况", re.compile(r"(?=包括)(?<![，,、])包括[^。\n]{1,120}?等情况[。；]?")
    ),
    TemplatePhrase(
        "（根据……填写/描述）",
        re.compile(
            r"[（(]"
            + _CLOSE
            + r"{0,30}(?:填写|填列|填报|进行描述|如实描述|据实描述|请删除|可删除)"
            + _CLOSE
            + r"{0,30}[）)]"
        ),
    ),
    TemplatePhrase(
        "由……填写",
        # the instruction ends where it says 填写 (由项目单位填写。); a rule saying who
        # fills in what (由认股人填写认购的股份数) goes on to its object
        re.compile(r"(?:由|请)[^。；\n（(]{1,40}?(?:填写|填列|填报)(?=[。；;，,）)\s]|$)[。；]?"),
    ),
    TemplatePhrase(
        "XX",
        re.compile(
            r"(?=[XxＸｘ])(?<![A-Za-z])[XxＸｘ]{2,}(?:[年月日号][XxＸｘ]{2,})*[年月日号]?(?![A-Za-z])"
        ),
    ),
    TemplatePhrase("××", re.compile(r"(?=[×✕╳＊○□_＿])(?:[×✕╳＊]{2,}|○{2,}|□{2,}|_{4,}|＿{3,})")),
    TemplatePhrase(
        "【】",
        re.compile(r"【\s*(?:[^】\n]{0,20}(?:填|请|名称|示例|例如|删除|根据|XX)[^】\n]{0,20})?】"),
    ),
    TemplatePhrase("范本", re.compile(r"[^\n。]{0,20}范本"), anchor="范本", reach=20),
    TemplatePhrase(
        "。。。", re.compile(r"(?=[。.])(?:(?<![。])。{3,}|\.{3,}(?=\s*$))", re.MULTILINE)
    ),
    TemplatePhrase(
        "[insert …]",
        # the verb a whole word ([Enterprise …] is a name), and no link ([text](url))
        re.compile(
            r"[\[<](?:insert|enter|describe|name of|add)\b[^\]>\n]{0,60}[\]>](?!\()",
            re.IGNORECASE,
        ),
    ),
    TemplatePhrase("lorem ipsum", re.compile(r"lorem ipsum", re.IGNORECASE)),
)


class PhraseHit(NamedTuple):
    """Where a template phrase stands in a text, and which one."""

    start: int
    end: int
    label: str


def find_template_phrases(text: str) -> list[PhraseHit]:
    """Template phrases in ``text``, in order; overlapping hits keep the longest."""
    hits = [
        PhraseHit(m.start(), m.end(), p.label)
        for p in PHRASES
        for m in p.finditer(text)
        if m.group().strip()
    ]
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[PhraseHit] = []
    for h in hits:
        if kept and h.start < kept[-1].end:
            continue
        kept.append(h)
    return kept
