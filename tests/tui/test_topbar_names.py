"""The top bar names both files in the room it has, keeping what tells them apart."""

import pytest
from rich.cells import cell_len

from reportdiff.tui.topbar import _told_apart

PAIRS = [
    ("putuo-wanli-jiedao-bumen-yusuan-2024.pdf", "putuo-wanli-jiedao-bumen-yusuan-2025.pdf"),
    ("清水县水利局2023年度自评报告.docx", "清水县水利局2024年度自评报告.docx"),
    ("harbor-transit-2023.md", "harbor-transit-2024.md"),
    ("daoxian-police-2023.txt", "ebian-police-2023.txt"),
]


@pytest.mark.parametrize(("old", "new"), PAIRS)
@pytest.mark.parametrize("width", [9, 12, 16, 24, 60])
def test_two_names_cut_to_fit_still_read_apart(old: str, new: str, width: int) -> None:
    a, b = _told_apart(old, new, width)
    assert cell_len(a) <= width
    assert cell_len(b) <= width
    assert a != b


def test_the_differing_year_is_kept_whole_with_the_shared_end_that_fits() -> None:
    old, new = PAIRS[0]
    assert _told_apart(old, new, 9) == ("…2024.pdf", "…2025.pdf")
    assert _told_apart(old, new, 60) == (old, new)
