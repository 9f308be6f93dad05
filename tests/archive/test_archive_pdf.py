"""PDF reports in the archive: stored as added, compared as their .docx would be."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportdiff.archive import Archive, parse_ref
from reportdiff.archive.inputs import read_input
from reportdiff.cli import main
from reportdiff.core.compare import compare
from reportdiff.readers import read_document
from tests.conftest import SAMPLES

ZH = SAMPLES / "zh"
EN = SAMPLES / "en"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def summary_line(old, new) -> tuple[int, int, int, int, int]:
    s = compare(old, new).summary()
    return (
        s.sections_changed,
        s.sections_added,
        s.sections_removed,
        s.sections_moved,
        len(compare(old, new).numbers),
    )


@pytest.mark.parametrize(
    ("folder", "stem"), [(ZH, "qingshui-water"), (EN, "harbor-transit")], ids=["zh", "en"]
)
def test_archived_pdfs_compare_as_their_docx(archive_dir: Path, folder: Path, stem: str) -> None:
    archive = Archive(archive_dir)
    for year in (2023, 2024):
        pdf = folder / f"{stem}-{year}.pdf"
        result = archive.add(pdf, "PDF office", year)
        assert result.status == "added"
        archive.add(pdf.with_suffix(".docx"), "Word office", year)
    v = archive.resolve(parse_ref("PDF office@2023"))
    assert v.original == "original.pdf"
    assert archive.files(v)["original.pdf"] == (folder / f"{stem}-2023.pdf").read_bytes()
    assert archive.text(v) == read_document(folder / f"{stem}-2023.pdf").text
    doc = archive.read_document(v)
    assert (doc.source_format, doc.path) == ("pdf", "PDF office@2023")
    # the log's one-line summary, and a full comparison, as from the .docx versions
    pdf_log = archive.log("PDF office")[0].summary.split(": ", 1)[1]
    docx_log = archive.log("Word office")[0].summary.split(": ", 1)[1]
    assert pdf_log == docx_log
    assert "section" in pdf_log
    from_pdf = summary_line(
        read_input("PDF office@2023", archive_dir), read_input("PDF office@latest", archive_dir)
    )
    from_docx = summary_line(
        read_input("Word office@2023", archive_dir), read_input("Word office@2024", archive_dir)
    )
    assert from_pdf == from_docx
    assert from_pdf[0] > 0


def test_an_archived_pdf_and_its_docx_file_compare_identical(
    capsys: pytest.CaptureFixture[str], archive_dir: Path
) -> None:
    a = ("--archive", str(archive_dir))
    pdf = ZH / "qingshui-water-2023.pdf"
    status, out, _ = run(
        capsys, "archive", "add", str(pdf), "--agency", "清水县水利局", "--year", "2023", *a
    )
    assert status == 0
    assert out.startswith("added: 清水县水利局@2023 as ")
    status, out, err = run(
        capsys, "compare", "清水县水利局@2023", str(pdf.with_suffix(".docx")), *a
    )
    assert status == 0, err
    assert "identical" in out
    status, out, _ = run(capsys, "archive", "show", "清水县水利局@2023", *a)
    assert status == 0
    assert "source: qingshui-water-2023.pdf" in out
    assert read_document(pdf).text.splitlines()[0] in out


def test_a_pdf_of_the_same_report_revises_its_docx(archive_dir: Path) -> None:
    """The published PDF replacing the .docx draft: a revision with the same text."""
    archive = Archive(archive_dir)
    docx = ZH / "qingshui-water-2024.docx"
    archive.add(docx, "清水县水利局", 2024)
    result = archive.add(docx.with_suffix(".pdf"), "清水县水利局", 2024)
    assert result.status == "revised"
    assert result.summary == "same text as the previous revision, new file"
    [v] = archive.versions()
    assert v.original == "original.pdf"
    assert archive.read_document(v).source_format == "pdf"
    first = archive.log("清水县水利局")[-1].commit
    assert archive.read_document(v, first).source_format == "docx"  # the draft stays readable


def test_history_runs_over_archived_pdfs(
    capsys: pytest.CaptureFixture[str], archive_dir: Path
) -> None:
    a = ("--archive", str(archive_dir))
    for year in (2023, 2024):
        pdf = ZH / f"qingshui-water-{year}.pdf"
        run(capsys, "archive", "add", str(pdf), "--agency", "清水县水利局", "--year", str(year), *a)
    status, out, err = run(capsys, "history", "清水县水利局", *a)
    assert status == 0, err
    assert "2024" in out
    assert "changed" in out
