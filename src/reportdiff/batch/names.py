"""An agency's name as a report's title or file name gives it.

Titles and file names carry more than the agency: the year, what kind of report it
is, words like "draft" or "revised", version numbers and separators. What is left once
those are cut is the agency; ``agency_key`` folds it further (width, case, no spaces or
punctuation) so that the same agency gives the same key in every year.
"""

from __future__ import annotations

import re
import unicodedata

# Kinds of report and their parts. Chinese words are cut wherever they stand; Latin
# ones only as whole words ("report", not the start of "reporting").
_CJK_WORDS = (
    "部门整体支出绩效自评报告", "整体支出绩效自评报告", "部门整体支出绩效评价报告",
    "整体支出绩效评价报告", "绩效自评报告", "绩效评价报告", "自评报告", "评价报告",
    "部门整体支出", "整体支出", "绩效自评", "绩效评价", "部门决算", "部门预算",
    "决算报告", "预算报告", "政府工作报告", "工作报告", "工作总结", "决算", "预算",
    "报告", "征求意见稿", "修订稿", "修订版", "送审稿", "最终版", "修订", "终稿",
    "定稿", "草稿", "初稿", "副本",
)  # fmt: skip
_LATIN_WORDS = (
    "annual report", "performance report", "accountability report", "evaluation report",
    "self assessment", "self-assessment", "self-evaluation", "annual", "fiscal year",
    "financial year", "report", "draft", "final", "revised", "revision",
    "copy", "fy",
)  # fmt: skip
_REPORT_WORDS = re.compile(
    "|".join(
        [re.escape(w) for w in sorted(_CJK_WORDS, key=len, reverse=True)]
        + [rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])" for w in _LATIN_WORDS]
    ),
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)(?:\s*年度?)?")
_VERSION = re.compile(r"(?i)(?<![a-z0-9])v\d+(?![a-z0-9])|[（(]\s*\d+\s*[)）]")
_SEPARATORS = re.compile(r"[\s_\-.,，。:：、()（）\[\]【】《》“”\"']+")


def strip_report_words(text: str) -> str:
    """``text`` without year, report words, version marks or a leading 关于 / trailing 的."""
    shown = unicodedata.normalize("NFKC", text)
    shown = _REPORT_WORDS.sub(" ", _VERSION.sub(" ", _YEAR.sub(" ", shown)))
    shown = _SEPARATORS.sub(" ", shown).strip()
    shown = shown.removeprefix("关于").strip()
    return shown.removesuffix("的").strip()


def agency_key(name: str) -> str:
    """The agency in ``name`` folded for comparing: "" when nothing but report words.

    "白石县公安局2023年度部门整体支出绩效自评报告" and "白石县 公安局（修订稿）" both
    give "白石县公安局"; "Harbor-Transit_2024 draft" gives "harbortransit".
    """
    return re.sub(r"\W+", "", strip_report_words(name).casefold())


# A cover line that declares the reporting unit: 预算主管部门：…, 预算单位：…, 编制单位：…,
# Agency: … — budget and final-account reports carry one under a title that every
# agency of the same government shares (上海市普陀区2024年区级部门预算).
_DECLARED = re.compile(
    r"^[ \t]*(?:(?:预算|决算)?(?:主管)?(?:部门|单位)(?:名称)?|(?:编制|填报|报送)(?:单位|部门)"
    r"|(?i:agency|department|reporting (?:unit|entity)|prepared by))"
    r"[ \t]*[:：][ \t]*(\S[^\n]{1,60})$",
    re.MULTILINE,
)
_COVER_CHARS = 1500  # the declaration stands on the cover, before the body


def declared_agency(text: str) -> str:
    """The agency a report's cover declares on a 单位：/部门： line; "" when none does."""
    m = _DECLARED.search(text[:_COVER_CHARS])
    return m.group(1).strip() if m else ""


def display_name(title: str, stem: str, declared: str = "") -> str:
    """The agency as shown: as declared, else the title's when it names one, else the file's."""
    for source in (declared, title, stem):
        if agency_key(source):
            return strip_report_words(source)
    return stem
