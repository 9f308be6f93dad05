"""PDF reports as published: the samples printed by LibreOffice (committed), the seeds
printed once here when LibreOffice is installed, and real budget PDFs in ../shared."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest

from reportdiff.core.checks.tables import table_totals
from reportdiff.core.compare import compare
from reportdiff.core.figures import extract_figures
from reportdiff.core.sections import segment_document
from reportdiff.model import Comparison, Document
from reportdiff.readers import read_document
from tests.conftest import SAMPLES, run_cli

ZH = SAMPLES / "zh"
EN = SAMPLES / "en"
PRINTED = [ZH / "qingshui-water-2023", ZH / "qingshui-water-2024"]
PRINTED += [EN / "harbor-transit-2023", EN / "harbor-transit-2024"]
SOURCE = {ZH: ".txt", EN: ".md"}
REAL_PDF = "dev/pdf"


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, SAMPLES / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def no_blank_lines(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if line.strip())


def table_rows(doc: Document) -> list[list[str]]:
    return [
        [doc.text[c.start : c.end] for c in row]
        for b in doc.blocks
        if b.kind == "table"
        for row in b.cells
    ]


# --- the committed sample PDFs ---------------------------------------------------------


@pytest.mark.parametrize("stem", PRINTED, ids=lambda p: p.name)
def test_a_printed_sample_reads_as_its_docx(stem: Path) -> None:
    pdf, docx = read_document(stem.with_suffix(".pdf")), read_document(stem.with_suffix(".docx"))
    assert pdf.source_format == "pdf"
    assert pdf.text == docx.text  # headers, page numbers, wraps and spacing all undone
    assert table_rows(pdf) == table_rows(docx)
    assert pdf.title == docx.title


@pytest.mark.parametrize("stem", PRINTED, ids=lambda p: p.name)
def test_compare_pdf_with_its_docx_finds_nothing(stem: Path) -> None:
    result = run_cli("compare", str(stem.with_suffix(".pdf")), str(stem.with_suffix(".docx")))
    assert result.returncode == 0, result.stderr
    assert "identical" in result.stdout


@pytest.mark.parametrize("stem", PRINTED, ids=lambda p: p.name)
def test_the_pdf_outline_is_the_docx_outline(stem: Path) -> None:
    pdf, docx = read_document(stem.with_suffix(".pdf")), read_document(stem.with_suffix(".docx"))
    levels = [(pdf.block_text(b), b.style_level) for b in pdf.blocks if b.style_level]
    assert levels == [(docx.block_text(b), b.style_level) for b in docx.blocks if b.style_level]
    assert [docx.block_text(b) for b in docx.blocks if b.bold] == [
        pdf.block_text(b) for b in pdf.blocks if b.bold
    ]


def test_the_sample_pdfs_carry_the_furniture_that_is_undone() -> None:
    """The printed samples do have running headers and page numbers to remove."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(ZH / "qingshui-water-2023.pdf"))
    try:
        raw = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()
    assert len(raw) >= 3
    assert all(re.search(rf"第 {i} 页", page) for i, page in enumerate(raw, start=1))
    assert all(page.startswith("清水县水利局 2023 年度") for page in raw)  # the printer's spacing


def summary_of(c: Comparison) -> tuple[list[tuple[str | None, str | None, str, bool]], int, int]:
    """Alignment (pair statuses), figure changes, and characters edited."""
    pairs = [(p.old, p.new, p.status, p.moved) for p in c.pairs]
    figures = sum(n.status != "unchanged" for n in c.numbers)
    edited = sum(len(e.old_text) + len(e.new_text) for p in c.pairs for e in p.edits)
    return pairs, figures, edited


@pytest.mark.parametrize("folder", [ZH, EN], ids=["zh", "en"])
def test_year_over_year_pdfs_diff_as_their_sources_do(folder: Path) -> None:
    old, new = sorted(p.with_suffix("") for p in folder.glob("*.pdf"))
    ext = SOURCE[folder]
    from_pdf = summary_of(compare(read_document(f"{old}.pdf"), read_document(f"{new}.pdf")))
    from_src = summary_of(compare(read_document(f"{old}{ext}"), read_document(f"{new}{ext}")))
    assert from_pdf[0] == from_src[0]  # the same sections align, with the same status
    assert from_pdf[1] == pytest.approx(from_src[1], rel=0.05)
    assert from_pdf[2] == pytest.approx(from_src[2], rel=0.05)
    assert from_pdf[1] > 0
    assert from_pdf[2] > 0


def test_the_english_docx_reads_as_its_markdown() -> None:
    for md in sorted(EN.glob("*.md")):
        docx = md.with_suffix(".docx")
        assert no_blank_lines(read_document(docx).text) == no_blank_lines(read_document(md).text)


def test_build_docx_reproduces_the_english_docx(tmp_path: Path) -> None:
    build_docx = load("build_docx")
    for md in sorted(EN.glob("*.md")):
        build_docx.build(md, tmp_path / "again.docx")
        assert md.with_suffix(".docx").read_bytes() == (tmp_path / "again.docx").read_bytes()


def test_scan_reads_pdfs_beside_text_reports(tmp_path: Path) -> None:
    for stem in PRINTED[:2]:
        shutil.copy(stem.with_suffix(".pdf"), tmp_path / f"{stem.name}.pdf")
    shutil.copy(ZH / "baishi-police-2023.txt", tmp_path)
    result = run_cli("scan", str(tmp_path), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "qingshui-water-2023.pdf" in result.stdout
    assert "skipped" not in result.stderr


# --- the seeds, printed here -------------------------------------------------------------


@pytest.fixture(scope="module")
def printed_seeds(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, Path]]:
    from tests.conftest import SEEDS

    if not SEEDS.is_dir():
        pytest.skip("the real reports in ../shared/seeds are not beside this checkout")
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed, so the seeds cannot be printed")
    build_docx, build_pdf = load("build_docx"), load("build_pdf")
    out = tmp_path_factory.mktemp("printed-seeds")
    made = []
    for txt in sorted(SEEDS.glob("*.txt")):
        docx, pdf = out / f"{txt.stem}.docx", out / f"{txt.stem}.pdf"
        build_docx.build(txt, docx)
        build_pdf.print_pdf(txt, pdf)
        made.append((pdf, docx))
    return made


@pytest.mark.seeds
@pytest.mark.slow
def test_rows_the_printed_seeds_cut_at_a_page_break_read_whole(printed_seeds) -> None:
    """LibreOffice breaks tall rows across pages, inside the label cell too; read back,
    every table cell of the PDF is a cell of the .docx, not a piece of one, but for a
    cell the seed itself cut at its own page break (two tables in the .docx), which
    reads whole here."""
    squeeze = re.compile(r"\s+")

    def cells(doc: Document) -> list[str]:
        return [squeeze.sub("", doc.text[c.start : c.end]) for r in table_rows_of(doc) for c in r]

    shown = whole = 0
    for pdf, docx in printed_seeds:
        source = set(cells(read_document(docx)))
        found = [c for c in cells(read_document(pdf)) if c]
        shown += len(found)
        whole += sum(c in source for c in found)
    assert shown > 100  # the 峨边 seed has long tables
    assert whole >= 0.99 * shown


def table_rows_of(doc: Document) -> list:
    return [row for b in doc.blocks if b.kind == "table" for row in b.cells]


@pytest.mark.seeds
@pytest.mark.slow
def test_a_printed_seed_compares_with_its_docx_section_for_section(printed_seeds) -> None:
    for pdf, docx in printed_seeds:
        pdf_doc, docx_doc = read_document(pdf), read_document(docx)
        c = compare(pdf_doc, docx_doc)
        bare = re.compile(r"\s")
        old, new = c.old_sections, c.new_sections
        assert [bare.sub("", s.heading) for s in old] == [bare.sub("", s.heading) for s in new]
        assert all(p.old and p.new for p in c.pairs)
        # Spacing alone is no edit, and rows a page break cut read whole.
        assert all(not p.moved for p in c.pairs)
        summary = c.summary()
        assert summary.sections_changed == 0, pdf.name
        assert (summary.numbers_added, summary.numbers_removed) == (0, 0), pdf.name


@pytest.mark.seeds
@pytest.mark.slow
def test_a_printed_seed_reads_as_its_docx_but_for_spacing(printed_seeds) -> None:
    for pdf, docx in printed_seeds:
        a, b = read_document(pdf).text, read_document(docx).text
        assert "第 1 页" not in a
        assert "第1页" not in a
        squeeze = re.compile(r"\s+")
        assert squeeze.sub("", a).count("。") == squeeze.sub("", b).count("。")
        import difflib

        ratio = difflib.SequenceMatcher(None, squeeze.sub("", a), squeeze.sub("", b)).ratio()
        assert ratio > 0.99


# --- real budget PDFs ------------------------------------------------------------------


def real_pdfs(real_dir: Path) -> list[Path]:
    found = sorted((real_dir / REAL_PDF).glob("*.pdf"))
    if not found:
        pytest.skip("no real PDFs in ../shared/real/dev/pdf")
    return found


@pytest.mark.seeds
def test_real_budget_pdfs_read_with_tables_and_without_furniture(real_dir: Path) -> None:
    for path in real_pdfs(real_dir):
        doc = read_document(path)
        tables = [b for b in doc.blocks if b.kind == "table"]
        assert len(tables) >= 8, path.name  # each has nine budget tables
        assert not re.search(r"^\s*(-\s*\d+\s*-|第\s*\d+\s*页|\d+\s*/\s*\d+)\s*$", doc.text, re.M)
        assert len(re.findall(r"\d [年月日万元个]", doc.text)) <= 3  # no printer's spacing
        rows = table_rows(doc)
        assert any(r[0].startswith("一、财政拨款收入") for r in rows)  # 收支总表's first row
        assert all(len(r) >= 2 for r in rows)


@pytest.mark.seeds
def test_real_budget_tables_line_up_and_add_up(real_dir: Path) -> None:
    """Every row of a table has one cell per column (a 合计 spanning the code columns,
    a header group, a lone total row on the next page), so the totals the tables state
    are checked under their own headers: many are, and all hold."""
    for path in real_pdfs(real_dir):
        doc = read_document(path)
        tables = [b for b in doc.blocks if b.kind == "table"]
        assert all(len({len(row) for row in b.cells}) == 1 for b in tables), path.name
        figures = extract_figures(doc, segment_document(doc))
        totals = table_totals(doc, figures)
        assert len(totals) >= 20, path.name
        wrong = [f"{t.label} {t.total.text}" for t in totals if not t.holds]
        assert not wrong, (path.name, wrong)


@pytest.mark.seeds
def test_real_pdf_paragraphs_run_on_over_wraps(real_dir: Path) -> None:
    """A wrapped line ends mid-sentence; after joining, few paragraphs do."""
    for path in real_pdfs(real_dir):
        doc = read_document(path)
        paragraphs = [doc.block_text(b) for b in doc.blocks if b.kind == "paragraph"]
        long = [p for p in paragraphs if len(p) > 60]
        cut = [p for p in long if not p.endswith(("。", "：", "；", "）", ")", "。”"))]
        assert len(cut) <= 0.1 * len(long), (path.name, cut[:3])


@pytest.mark.seeds
def test_two_years_of_one_office_align(real_dir: Path) -> None:
    old, new = (
        real_dir / REAL_PDF / f"putuo-wanli-jiedao-bumen-yusuan-{y}.pdf" for y in (2024, 2025)
    )
    if not old.is_file():
        pytest.skip("the 万里街道 PDFs are not in ../shared/real/dev/pdf")
    c = compare(read_document(old), read_document(new))
    matched = [p for p in c.pairs if p.old and p.new]
    assert len(matched) >= 0.8 * len(c.pairs)
    assert any(n.status == "changed" for n in c.numbers)
