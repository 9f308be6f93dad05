"""Benchmark: how many of the section pairs a reviewer makes does the alignment find?

    python bench/bench_sections.py

Truth is written by hand below: for each real pair of documents, the sections a
reviewer pairs, each named by its title (numbering stripped, spaces ignored, a prefix
is enough) and, where a title repeats, by its parent's title ("parent/title"). Pairs
are split into the ones the alignment was tuned on ("tuning") and the ones kept out of
tuning ("held-out"), so the held-out recall says how it does on reports not seen.

Printed per pair and per set: recall (truth pairs found, as a plain or weak match),
weak (truth pairs found but shown weak), and wrong (a truth section shown as a plain
match with some other section); and, truth aside, lowtext: the pairs shown as a plain
match whose texts are under 5% alike (what a reviewer reads as a doubtful pair).
Inputs: ../shared (the real documents).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from reportdiff.core.compare import compare  # noqa: E402
from reportdiff.model import Comparison, Section  # noqa: E402
from reportdiff.readers import read_document  # noqa: E402


@dataclass(frozen=True)
class Case:
    name: str
    old: str
    new: str
    held_out: bool
    truth: tuple[tuple[str, str], ...]


_TOS_SAME = ["Definitions", "AccountTerms", "AcceptableUse", "User-GeneratedContent"]
_TOS_SAME += ["PrivateRepositories"]
_TOS_SAME += ["CopyrightInfringement", "IntellectualPropertyNotice", "APITerms"]
_TOS_LATER = ["Payment", "CancellationandTermination", "CommunicationswithGitHub"]
_TOS_LATER += ["DisclaimerofWarranties", "LimitationofLiability", "ReleaseandIndemnification"]
_TOS_LATER += ["ChangestoTheseTerms", "Miscellaneous"]

CASES = (
    Case(
        "seeds daoxian→ebian (two agencies)",
        "seeds/daoxian-police-2023.txt",
        "seeds/ebian-police-2023.txt",
        held_out=False,
        truth=(
            ("部门基本情况", "部门基本情况"),
            ("主要职能", "机构职能和人员概况"),
            ("一般公共预算支出情况", "部门财政资金支出情况"),
            ("部门整体支出绩效情况", "部门整体绩效管理情况"),
            ("存在的问题及原因分析", "存在问题"),
            ("下一步改进措施", "改进建议"),
            ("绩效自评结果拟就用和公开情况", "结果应用情况"),
        ),
    ),
    Case(
        "github terms 2019-07→2019-12",
        "real/dev/en/github-tos-2019-07-02.md",
        "real/dev/en/github-tos-2019-12-20.md",
        held_out=False,
        truth=tuple((t, t) for t in _TOS_SAME + _TOS_LATER),
    ),
    Case(
        "政府工作报告 2016→2017",
        "real/dev/gwr/gwr_national_2016.txt",
        "real/dev/gwr/gwr_national_2017.txt",
        held_out=True,
        truth=(
            ("2015年工作回顾", "2016年工作回顾"),
            ("2016年重点工作", "2017年重点工作任务"),
            ("加强供给侧结构性改革", "用改革的办法深入推进"),
            ("深挖国内需求潜力", "进一步释放国内需求潜力"),
            ("加快发展现代农业", "促进农业稳定发展"),
            ("推进新一轮高水平对外开放", "积极主动扩大对外开放"),
            ("加大环境治理力度", "加大生态环境保护治理力度"),
            ("切实保障改善民生", "推进以保障和改善民生为重点"),
            ("加强政府自身建设", "全面加强政府自身建设"),
        ),
    ),
    Case(
        "政府工作报告 2023→2024 (restructured)",
        "real/gwr_national_2023.txt",
        "real/gwr_national_2024.txt",
        held_out=False,
        truth=(
            ("过去一年和五年工作回顾", "2023年工作回顾"),
            ("对今年政府工作的建议", "2024年政府工作任务"),
            ("着力扩大国内需求", "着力扩大国内需求"),
            ("加快建设现代化产业体系", "大力推进现代化产业体系建设"),
            ("保障基本民生和发展社会事业", "切实保障和改善民生"),
        ),
    ),
    Case(
        "公司法 2018→2023 (full revision)",
        "real/dev/law/gongsifa-2018.md",
        "real/dev/law/gongsifa-2023.md",
        held_out=True,
        truth=(
            ("总则", "总则"),
            ("有限责任公司的设立和组织机构", "有限责任公司的设立和组织机构"),
            ("有限责任公司的设立和组织机构/设立", "有限责任公司的设立和组织机构/设立"),
            ("有限责任公司的设立和组织机构/组织机构", "有限责任公司的设立和组织机构/组织机构"),
            ("国有独资公司的特别规定", "国家出资公司组织机构的特别规定"),
            ("有限责任公司的股权转让", "有限责任公司的股权转让"),
            ("股份有限公司的设立和组织机构", "股份有限公司的设立和组织机构"),
            ("股份有限公司的设立和组织机构/设立", "股份有限公司的设立和组织机构/设立"),
            ("股东大会", "股东会"),
            ("董事会、经理", "董事会、经理"),
            ("监事会", "监事会"),
            ("上市公司组织机构的特别规定", "上市公司组织机构的特别规定"),
            ("股份有限公司的股份发行和转让", "股份有限公司的股份发行和转让"),
            ("股份发行", "股份发行"),
            ("股份转让", "股份转让"),
            ("公司董事、监事、高级管理人员", "公司董事、监事、高级管理人员"),
            ("公司债券", "公司债券"),
            ("公司财务、会计", "公司财务、会计"),
            ("公司合并、分立", "公司合并、分立"),
            ("公司解散和清算", "公司解散和清算"),
            ("外国公司的分支机构", "外国公司的分支机构"),
            ("法律责任", "法律责任"),
            ("附则", "附则"),
        ),
    ),
)


def _squash(s: str) -> str:
    return "".join(s.split())


def _finds(sections: tuple[Section, ...], key: str) -> set[str]:
    """Ids of the sections a truth key names: title prefix, and parent title prefix."""
    parent_key, _, title_key = key.rpartition("/")
    by_id = {s.id: s for s in sections}
    found = set()
    for s in sections:
        if s.id == "0" or not _squash(s.title).startswith(title_key):
            continue
        parent = by_id.get(s.parent or "")
        if parent_key and not (parent and _squash(parent.title).startswith(parent_key)):
            continue
        found.add(s.id)
    return found


def score(case: Case, c: Comparison) -> tuple[int, int, int, int, int]:
    """(truth pairs, found, found but weak, truth sections plainly paired elsewhere,
    plain pairs under 5% alike)."""
    found = weak = wrong = 0
    primary = [p for p in c.pairs if p.old and p.new and not p.secondary]
    for old_key, new_key in case.truth:
        olds, news = _finds(c.old_sections, old_key), _finds(c.new_sections, new_key)
        hit = [p for p in primary if p.old in olds and p.new in news]
        if hit:
            found += 1
            weak += any(getattr(p, "weak", False) for p in hit)
            continue
        wrong += any(
            (p.old in olds or p.new in news) and not getattr(p, "weak", False) for p in primary
        )
    low = sum(
        p.status == "changed" and p.similarity < 0.05 and not getattr(p, "weak", False)
        for p in primary
    )
    return len(case.truth), found, weak, wrong, low


def main() -> None:
    if not SHARED.is_dir():
        sys.exit("the real documents in ../shared are not beside this checkout")
    totals: dict[bool, list[int]] = {False: [0] * 5, True: [0] * 5}
    heads = ("truth", "found", "weak", "wrong", "lowtext")
    print(f"{'pair':40} {'set':9} " + " ".join(f"{h:>5}" for h in heads))
    for case in CASES:
        c = compare(read_document(SHARED / case.old), read_document(SHARED / case.new))
        row = score(case, c)
        kind = "held-out" if case.held_out else "tuning"
        print(f"{case.name:40} {kind:9} " + " ".join(f"{v:5d}" for v in row[:4]) + f" {row[4]:7d}")
        totals[case.held_out] = [t + v for t, v in zip(totals[case.held_out], row, strict=True)]
    for held_out, (n, found, weak, wrong, low) in totals.items():
        kind = "held-out" if held_out else "tuning"
        recall = f"recall {found}/{n} = {found / max(1, n):.0%}"
        print(f"{kind}: {recall}, {weak} weak, {wrong} wrong, {low} lowtext")


if __name__ == "__main__":
    main()
