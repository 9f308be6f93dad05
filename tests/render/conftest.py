"""A real budget pair whose redline the export tests read (figures and tables)."""

from __future__ import annotations

import pytest

from reportdiff.core.compare import compare
from reportdiff.model import Comparison
from reportdiff.readers import read_document
from tests.conftest import REAL


@pytest.fixture(scope="module")
def budget_pair() -> Comparison:
    """普陀区万里街道's 2024 and 2025 部门预算 (PDF): figures changed throughout, and
    nine tables."""
    pair = [REAL / "dev" / "pdf" / f"putuo-wanli-jiedao-bumen-yusuan-{y}.pdf" for y in (2024, 2025)]
    if not all(p.is_file() for p in pair):
        pytest.skip("the 普陀区万里街道 budget PDFs are not in ../shared/real/dev/pdf")
    return compare(read_document(pair[0]), read_document(pair[1]))
