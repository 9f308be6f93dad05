"""The two real reports in ../shared/seeds read as a careful reader would see them."""

from __future__ import annotations

import pytest

from reportdiff.readers import read_document

pytestmark = pytest.mark.seeds


def test_daoxian_seed(seeds_dir):
    doc = read_document(seeds_dir / "daoxian-police-2023.txt")
    assert doc.encoding == "utf-8"
    assert "[bookmark" not in doc.text
    assert "_GoBack" not in doc.text
    lines = [doc.block_text(b) for b in doc.blocks]
    assert 70 <= len(lines) <= 100  # one block per non-blank line of the extraction
    assert all(b.kind == "paragraph" for b in doc.blocks)
    # the artefact stood at the start of a heading; removed, the heading starts the line
    assert sum(line.startswith("三、") for line in lines) >= 2
    # indentation is gone from the text itself, not only from the blocks
    assert not any(line[:1].isspace() for line in doc.text.split("\n"))
    assert doc.title.endswith("报告")


def test_ebian_seed(seeds_dir):
    doc = read_document(seeds_dir / "ebian-police-2023.txt")
    tables = [b for b in doc.blocks if b.kind == "table"]
    paragraphs = [b for b in doc.blocks if b.kind == "paragraph"]
    assert len(tables) == 3
    assert 80 <= len(paragraphs) <= 120
    # the task table has three columns, the indicator tables four and two
    assert [len(t.cells[0]) for t in tables] == [3, 4, 2]
    assert all(len(row) == len(t.cells[0]) for t in tables[:2] for row in t.cells)
    for table in tables:
        for row in table.cells:
            for cell in row:
                assert "\t" not in doc.text[cell.start : cell.end]
                assert "\n" not in doc.text[cell.start : cell.end]
    # the markdown bold markers stay in the text for the segmenter to judge
    assert sum("**" in doc.block_text(b) for b in paragraphs) == 4


def test_block_offsets_hold_on_every_real_text(seeds_dir, real_dir):
    for path in [*sorted(seeds_dir.glob("*.txt")), *sorted(real_dir.glob("*.txt"))]:
        doc = read_document(path)
        for block in doc.blocks:
            text = doc.block_text(block)
            assert text, (path.name, block)
            assert text == text.strip(" \u3000"), (path.name, block)
            if block.kind == "paragraph":
                assert "\n" not in text
                assert "\t" not in text
        assert doc.text == doc.text.strip() + "\n"


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16-le", "utf-16", "utf-8-sig"])
def test_seeds_read_alike_in_other_encodings(seeds_dir, tmp_path, encoding):
    for path in sorted(seeds_dir.glob("*.txt")):
        original = read_document(path)
        raw = path.read_text(encoding="utf-8").replace("\n", "\r\n").encode(encoding)
        copy = tmp_path / path.name
        copy.write_bytes(raw)
        doc = read_document(copy)
        assert doc.encoding == encoding
        assert doc.text == original.text
        assert doc.blocks == original.blocks
