"""Extraction on the two real reports: label / as written / value triples read by hand."""

import pytest

from .figure_helpers import by_label, one, read_figures

pytestmark = pytest.mark.seeds

DAOXIAN = [
    ("机关内设机构", "6个", 6, "个"),
    ("直属机构", "11个", 11, "个"),
    ("基层派出所", "23个", 23, "个"),
    ("实有人员（不含交警）", "325人", 325, "人"),
    ("实有人员（不含交警、森林公安）", "318人", 318, "人"),
    ("车辆", "58辆", 58, "辆"),
    ("基本支出", "5105.15万元", 51051500, "元"),
    ("工资福利支出", "4035.19万元", 40351900, "元"),
    ("基本工资", "1291.54万元", 12915400, "元"),
    ("津补贴", "1095.23万元", 10952300, "元"),
    ("绩效工资", "480.73万元", 4807300, "元"),
    ("医疗保险单位部分", "218万元", 2180000, "元"),
    ("养老保险及职业年金单位部分", "500.2万", 5002000, "元"),
    ("住房公积金", "279.82万元", 2798200, "元"),
    ("其它工资福利支出", "169.55万元", 1695500, "元"),
    ("一般商品及服务支出", "960.39万元", 9603900, "元"),
    ("资本性支出", "14万元", 140000, "元"),
    ("项目支出", "678万元", 6780000, "元"),
    ("政府性基金预算支出", "5855.5万元", 58555000, "元"),
    ("巡辅警经费", "2532.5万元", 25325000, "元"),
    ("盛大金禧专项办案经费", "30万元", 300000, "元"),
    ("平安电子监控服务费", "1128万", 11280000, "元"),
    ("男性家族排查系统", "99万", 990000, "元"),
    ("非税收入返还", "500万元", 5000000, "元"),
    ("运动员", "4816名", 4816, "人"),
    ("龙船", "172艘", 172, "艘"),
    ("观看量", "4.59亿+人次", 459000000, "人次"),
    ("冻结涉案资金", "1000万元", 10000000, "元"),
    ("涉案金额", "2378万余元", 23780000, "元"),
    ("警务用车", "18台", 18, "台"),
    ("电击枪", "9支", 9, "支"),
    ("警用防护设备", "634套", 634, "套"),
    ("建设视频监控点", "475路", 475, "路"),
    ("资金", "3个亿", 300000000, "元"),
    ("组织者", "7人", 7, "人"),
    ("偷渡者", "18人", 18, "人"),
]

EBIAN = [
    ("行政编制", "152 名", 152, "人"),
    ("工勤编制", "5 名", 5, "人"),
    ("移动警务终端", "65 台", 65, "台"),
    ("收入预算", "6202.69 万元", 62026900, "元"),
    ("一般公共预算财政拨款", "5716.49 万元", 57164900, "元"),
    ("公共安全支出", "4711.87 万元", 47118700, "元"),
    ("社会保障和就业支出", "603.16 万元", 6031600, "元"),
    ("住房保障支出", "258.44 万元", 2584400, "元"),
    ("收入 减少", "761.01 万元", 7610100, "元"),
    ("支出 减少", "21.34%", 21.34, "%"),
    ("卫生健康支出 增加", "42.56%", 42.56, "%"),
    ("治安卡口", "9", 9, ""),
    ("人脸点位", "50", 50, ""),
    ("维护辖区实有人口", "138000 人", 138000, "人"),
    ("毛发检测", "4.76 万人", 47600, "人"),
    ("党政网专线通信费（移动）", "0.144 万元", 1440, "元"),
    ("公安局座机、宽带费用（电信）", "4.8 万元", 48000, "元"),
    ("前端在线率", "95%", 95, "%"),
    ("查处吸毒人员", "72 人", 72, "人"),
    ("强戒", "25 人", 25, "人"),
    ("整体绩效自评得分", "95 分", 95, "分"),
]


def _check(figures, triples):
    for label, text, value, unit in triples:
        found = [f for f in by_label(figures, label) if f.text == text]
        assert found, (label, text, [f.text for f in by_label(figures, label)])
        assert found[0].value == pytest.approx(value), (label, text)
        assert found[0].unit == unit, (label, text)


def test_daoxian_figures(seeds_dir):
    _, figures = read_figures(seeds_dir / "daoxian-police-2023.txt")
    _check(figures, DAOXIAN)
    assert len(figures) > 150


def test_ebian_figures(seeds_dir):
    _, figures = read_figures(seeds_dir / "ebian-police-2023.txt")
    _check(figures, EBIAN)


def test_offsets_point_at_the_text(seeds_dir):
    for name in ("daoxian-police-2023.txt", "ebian-police-2023.txt"):
        doc, figures = read_figures(seeds_dir / name)
        assert all(doc.text[f.start : f.end] == f.text for f in figures)


def test_parts_link_to_their_totals(seeds_dir):
    _, figures = read_figures(seeds_dir / "daoxian-police-2023.txt")
    total = one(figures, "基本支出")
    wages = one(figures, "工资福利支出")
    assert figures[wages.parent] == total
    children = [f.label for f in figures if f.parent == figures.index(wages)]
    assert children[:3] == ["基本工资", "津补贴", "绩效工资"]
    assert len(children) == 8
    fund = figures.index(one(figures, "政府性基金预算支出"))
    assert sum(f.parent == fund for f in figures) == 11
    assert figures[one(figures, "基层派出所").parent].text == "42个"  # …共42个部门


def test_descriptions_and_products_are_not_breakdowns(seeds_dir):
    _, figures = read_figures(seeds_dir / "ebian-police-2023.txt")
    assert one(figures, "移动警务终端").parent is None
    assert all(f.parent is None for f in figures if f.text in ("1 台", "3 台", "550 元"))


def test_years_and_dates_are_recognised(seeds_dir):
    _, figures = read_figures(seeds_dir / "daoxian-police-2023.txt")
    kinds = {f.text: f.kind for f in figures}
    assert kinds["2023年"] == "year"
    assert kinds["2023年9月20日"] == "date"
    assert kinds["29年"] == "count"  # 29 years ago: a duration, not a year
    assert not any("8.19" in f.text or "1994" in f.text for f in figures)


def test_figures_know_their_innermost_section(seeds_dir):
    from reportdiff.core.sections.segment import segment_document
    from reportdiff.readers import read_document

    doc = read_document(seeds_dir / "daoxian-police-2023.txt")
    sections = {s.id: s for s in segment_document(doc)}
    _, figures = read_figures(seeds_dir / "daoxian-police-2023.txt")
    for f in figures:
        s = sections[f.section]
        assert s.start <= f.start < s.end
        inner = [c for c in sections.values() if c.parent == s.id and c.start <= f.start < c.end]
        assert not inner
