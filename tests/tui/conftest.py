"""Comparisons for the UI tests, built from text in memory or from the samples."""

from __future__ import annotations

import pytest

from reportdiff.core.compare import compare
from reportdiff.model import Comparison, Document
from reportdiff.readers import read_document
from reportdiff.readers.blocks import blocks_from_lines
from tests.conftest import SAMPLES


def comparison_of(old: str, new: str) -> Comparison:
    def doc(name: str, text: str) -> Document:
        return Document(name, text.split("\n", 1)[0], text, blocks_from_lines(text))

    return compare(doc("old.txt", old), doc("new.txt", new))


@pytest.fixture(scope="session")
def sample_comparison() -> Comparison:
    return compare(
        read_document(SAMPLES / "zh" / "qingshui-water-2023.txt"),
        read_document(SAMPLES / "zh" / "qingshui-water-2024.txt"),
    )
