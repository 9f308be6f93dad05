"""Small fictional reports for archive tests, written fresh into tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

REPORT_2022 = """清河县水利局2022年度部门整体支出绩效自评报告

一、部门基本情况
清河县水利局负责全县水资源管理和农田水利建设。
二、预算执行情况
全年预算收入1200.50万元，支出1180.20万元。
三、存在的问题
项目资金拨付进度偏慢。
"""

REPORT_2023 = """清河县水利局2023年度部门整体支出绩效自评报告

一、部门基本情况
清河县水利局负责全县水资源管理、河湖长制和农田水利建设。
二、预算执行情况
全年预算收入1350.00万元，支出1322.75万元。
三、存在的问题
项目资金拨付进度偏慢，绩效目标设置不够细化。
四、下一步工作
加快资金拨付，细化绩效目标。
"""


@pytest.fixture
def reports(tmp_path: Path) -> dict[str, Path]:
    out = {}
    for name, text in {"2022": REPORT_2022, "2023": REPORT_2023}.items():
        path = tmp_path / f"water-{name}.txt"
        path.write_text(text, encoding="utf-8")
        out[name] = path
    return out


@pytest.fixture
def archive_dir(tmp_path: Path) -> Path:
    return tmp_path / "archive"
