"""A hyphen that ends a line: pdfium marks it apart from other characters, and it is
read as the hyphen it is, for joining the lines to decide on."""

from __future__ import annotations

from pathlib import Path

from reportdiff.readers import read_document
from reportdiff.readers.pdf import extract_pages
from tests.readers.pdf_builder import text_page, write_pdf


def test_a_hyphen_at_a_lines_end_is_read_and_not_unmapped(tmp_path: Path) -> None:
    lines = ["The handset model NOH-", "AN01 and a well-", "kept evacu-", "ation plan for 2022-"]
    pdf = write_pdf(tmp_path / "h.pdf", [text_page([*lines, "2023."])])
    [page] = extract_pages(str(pdf), pdf.read_bytes())
    assert page.unmapped == 0
    assert sum(c.text == "-" for c in page.chars) == 4
    text = read_document(pdf).text
    assert "NOH-" in text
    assert "\ufffe" not in text
    assert "\x02" not in text
