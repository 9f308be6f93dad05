"""Pairing reports by the agency their cover, title or file name gives (pure)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportdiff.batch.names import agency_key, declared_agency, display_name
from reportdiff.batch.pairing import Named, pair_reports
from reportdiff.readers import read_document

from .agency_reports import DEPARTMENTS, agency_name


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("青石县公安局2023年度部门整体支出绩效自评报告", "青石县公安局"),
        ("青石县 公安局（修订稿）", "青石县公安局"),
        ("关于青石县水利局2024年部门决算的报告", "青石县水利局"),
        ("Harbor-Transit_2024 draft", "harbortransit"),
        ("reporting office 2023 Report v2", "reportingoffice"),
        ("ＦＹ２０２３ Harbor Transit Annual Report", "harbortransit"),
        (
            "Harbor Point Port Transit Authority: Annual Performance Report, Fiscal Year 2024",
            "harborpointporttransitauthority",
        ),
        ("Office of Budget and Management FY2024 Annual Report", "officeofbudgetandmanagement"),
        ("Ministry of Finance Self-Evaluation, Financial Year 2023", "ministryoffinance"),
        ("2023年度部门整体支出绩效自评报告", ""),
    ],
)
def test_agency_key_keeps_the_agency_alone(name: str, key: str) -> None:
    assert agency_key(name) == key


def test_display_name_prefers_a_title_that_names_an_agency() -> None:
    assert display_name("青石县公安局2023年度自评报告", "dept-01") == "青石县公安局"
    assert display_name("2023年度部门整体支出绩效自评报告", "青石县林业局-2023") == "青石县林业局"


def named(title: str, stem: str = "") -> Named:
    return Named(f"/x/{stem or title}.txt", title, stem or title)


def test_every_agency_pairs_by_title_whatever_the_files_are_called() -> None:
    old = [named(f"{agency_name(i)}2023年度报告", f"dept-{i:02d}-2023") for i in range(20)]
    new = [named(f"{agency_name(i)}2024年度报告", f"{i}号文件") for i in reversed(range(20))]
    result = pair_reports(old, new)
    assert not result.unpaired
    assert {(p.old, 19 - p.new) for p in result.pairs} == {(i, i) for i in range(20)}
    assert all(p.score == 100 for p in result.pairs)


def test_a_spelling_difference_pairs_fuzzily() -> None:
    old = [named("青石县住房和城乡建设局2023年报告"), named("青石县林业局2023年报告")]
    new = [named("青石县住房与城乡建设局2024年报告"), named("青石县林业局2024年报告")]
    result = pair_reports(old, new)
    assert {(p.old, p.new) for p in result.pairs} == {(0, 0), (1, 1)}
    fuzzy = next(p for p in result.pairs if p.old == 0)
    assert 85 <= fuzzy.score < 100


def test_unpaired_reports_say_why() -> None:
    old = [named(agency_name(i)) for i in range(3)]
    new = [named(agency_name(i)) for i in (0, 1)] + [named(agency_name(5))]
    result = pair_reports(old, new)
    assert len(result.pairs) == 2
    reasons = {(u.side, u.agency): u.reason for u in result.unpaired}
    assert set(reasons) == {("old", agency_name(2)), ("new", agency_name(5))}
    assert reasons[("old", agency_name(2))].startswith("no report of this agency in NEW")
    assert "closest:" in reasons[("old", agency_name(2))]


def test_two_equally_good_candidates_are_ambiguous_not_guessed() -> None:
    old = [named("青石县城关镇中心学校")]
    new = [named("青石县城关镇中心小学"), named("青石县城关镇中心中学")]
    result = pair_reports(old, new)
    assert not result.pairs
    assert all(u.reason.startswith("ambiguous") for u in result.unpaired)
    assert len(result.unpaired) == 3
    assert {u.side for u in result.unpaired} == {"old", "new"}


def test_a_second_report_of_the_same_agency_is_listed_not_dropped() -> None:
    old = [named("青石县林业局2023", "a")]
    new = [named("青石县林业局2024", "b"), named("青石县林业局2024（修订稿）", "c")]
    result = pair_reports(old, new)
    assert len(result.pairs) == 1
    (left,) = result.unpaired
    assert left.side == "new"
    assert "paired with another report" in left.reason


def test_names_differing_in_a_number_never_pair() -> None:
    old = [Named("/o/dept-01.txt", "", "dept-01")]
    new = [Named("/n/dept-10.txt", "", "dept-10")]
    result = pair_reports(old, new)
    assert not result.pairs
    assert len(result.unpaired) == 2


def test_departments_of_one_county_do_not_pair_with_each_other() -> None:
    old = [named(agency_name(i)) for i in range(len(DEPARTMENTS)) if i % 2]
    new = [named(agency_name(i)) for i in range(len(DEPARTMENTS)) if not i % 2]
    assert not pair_reports(old, new).pairs


def test_a_title_every_agency_shares_gives_way_to_the_declared_agency() -> None:
    """Budget reports of one government share a title; the cover line names the agency."""
    for n in (2, 5, 12):
        title = {"old": "上海市某某区2024年区级部门预算", "new": "上海市某某区2025年区级部门预算"}
        old = [
            Named(f"/o/{i}.pdf", title["old"], f"budget-{i}-2024", agency_name(i)) for i in range(n)
        ]
        new = [
            Named(f"/n/{i}.pdf", title["new"], f"file{n - i}", agency_name(i))
            for i in reversed(range(n))
        ]
        result = pair_reports(old, new)
        assert not result.unpaired, result.unpaired
        assert {(old[p.old].declared, new[p.new].declared) for p in result.pairs} == {
            (agency_name(i), agency_name(i)) for i in range(n)
        }
        assert {p.agency for p in result.pairs} == {agency_name(i) for i in range(n)}


def test_a_shared_title_still_pairs_one_agency_alone_in_a_year() -> None:
    old = [Named("/o/a.pdf", "某区2024年区级部门预算", "a", agency_name(0))]
    new = [
        Named(f"/n/{i}.pdf", "某区2025年区级部门预算", f"x{i}", agency_name(i)) for i in (3, 0, 7)
    ]
    result = pair_reports(old, new)
    [pair] = result.pairs
    assert new[pair.new].declared == agency_name(0)
    assert all("no report of this agency" in u.reason for u in result.unpaired)


@pytest.mark.parametrize(
    ("cover", "agency"),
    [
        (
            "某区2025年区级部门预算\n预算主管部门：某区人民政府某某街道办事处\n",
            "某区人民政府某某街道办事处",
        ),
        ("某区部门预算\n\n预算单位: 某市财政局\n目录\n", "某市财政局"),
        ("2023年度部门决算\n编制单位：青石县水利局\n", "青石县水利局"),
        ("Annual report 2024\nAgency: Harbor Transit Authority\n", "Harbor Transit Authority"),
        ("一、基本情况\n本单位负责全县治安。部门：见附表\n", ""),  # not a cover line
        ("一、基本情况\n" + "正文。" * 600 + "\n单位：青石县林业局\n", ""),  # past the cover
    ],
)
def test_the_declared_agency_is_read_from_the_cover(cover: str, agency: str) -> None:
    assert declared_agency(cover) == agency


def test_real_budget_pdfs_declare_their_agencies(real_dir: Path) -> None:
    pdfs = sorted((real_dir / "dev" / "pdf").glob("*.pdf"))
    if not pdfs:
        pytest.skip("the published budget PDFs in ../shared/real/dev/pdf are absent")
    declared = {p.name: declared_agency(read_document(p).text) for p in pdfs}
    assert all(declared.values()), declared
    years = [v for k, v in declared.items() if "wanli" in k]
    assert len(years) == 2
    assert years[0] == years[1]
    assert len(set(declared.values())) == len(pdfs) - 1  # one office, two years
