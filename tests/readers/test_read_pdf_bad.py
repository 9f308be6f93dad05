"""PDFs that cannot be compared: one line saying why, exit status 2, bounded cost."""

from __future__ import annotations

import random
import sys
import textwrap
from pathlib import Path

import pytest

from reportdiff.errors import InputError
from reportdiff.readers import pdf as pdf_reader
from reportdiff.readers import read_document
from tests.conftest import SAMPLES, run_cli
from tests.readers.pdf_builder import UNMAPPED_FONT, image_page, text_page, write_pdf

SAMPLE = SAMPLES / "zh" / "qingshui-water-2023.pdf"


def refused(path: Path) -> str:
    with pytest.raises(InputError) as info:
        read_document(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    return message


def test_a_hand_made_pdf_reads(tmp_path: Path) -> None:
    """The builder's PDFs are sound: what the tests below break is what they break."""
    path = write_pdf(tmp_path / "ok.pdf", [text_page(["1. Overview", "Ferries ran all year."])])
    assert read_document(path).text == "1. Overview\nFerries ran all year.\n"


def test_encrypted(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "locked.pdf", [text_page(["secret"])], encrypt=True)
    assert "encrypted (password-protected)" in refused(path)


def test_scanned_pages_without_a_text_layer(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "scan.pdf", [image_page(), image_page()])
    message = refused(path)
    assert "has no text layer — it is a scanned image; run OCR first, e.g. ocrmypdf" in message


def test_a_scan_with_a_typed_cover_is_refused_too(tmp_path: Path) -> None:
    cover = text_page(["Annual Report 2023"])
    path = write_pdf(tmp_path / "mostly-scan.pdf", [cover, image_page(), image_page()])
    assert "has no text layer on 2 of its 3 pages" in refused(path)


def test_one_scanned_page_among_typed_ones_is_read(tmp_path: Path) -> None:
    words = ["Budget", "Staffing", "Outlook"]
    typed = [text_page([f"{w}.", f"What the {w.lower()} was."], top=600) for w in words]
    path = write_pdf(tmp_path / "signed.pdf", [*typed, image_page()])
    assert "Outlook." in read_document(path).text


def test_text_without_unicode_mapping(tmp_path: Path) -> None:
    path = write_pdf(
        tmp_path / "cid.pdf", [text_page(["Glyphs that map to nothing"])], font=UNMAPPED_FONT
    )
    assert "without Unicode mapping" in refused(path)


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9])
def test_truncated(tmp_path: Path, cut: float) -> None:
    data = SAMPLE.read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * cut)])
    try:
        doc = read_document(path)
    except InputError as exc:
        problem = str(exc)
    else:  # pdfium rebuilt what it could: then it is text of the report, not garbage
        assert doc.text.strip()
        assert "\ufffd" not in doc.text
        return
    assert "damaged or truncated PDF" in problem or "no text layer" in problem


def test_damaged_header_only(tmp_path: Path) -> None:
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    assert "damaged or truncated PDF" in refused(path)


def test_too_many_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_PDF_PAGES", 3)
    assert "pages, over the limit of 3" in refused(SAMPLE)


def test_oversized(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_PDF_BYTES", 10_000)
    assert "over the 10000 bytes limit" in refused(SAMPLE)


def test_too_many_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_PDF_CHARS", 500)
    assert "characters of text" in refused(SAMPLE)


def test_too_many_drawing_objects_on_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_reader, "MAX_PDF_PAGE_OBJECTS", 5)
    assert "drawing objects, over the limit of 5" in refused(SAMPLE)


def test_named_pdf_but_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_text("一、概况\n正文。\n", encoding="utf-8")
    assert "not a PDF" in refused(path)


def test_the_command_line_says_it_in_one_line_with_status_2(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "scan.pdf", [image_page()])
    result = run_cli("compare", str(path), str(SAMPLES / "zh" / "qingshui-water-2023.txt"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "no text layer" in result.stderr
    assert "Traceback" not in result.stderr


# --- fuzzing ---------------------------------------------------------------------------

FUZZ_SCRIPT = textwrap.dedent(
    """
    import random, resource, sys
    from pathlib import Path
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # 1 GB
    from reportdiff.errors import InputError
    from reportdiff.readers import read_document

    seed, count, source, folder = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
    rng = random.Random(seed)
    data = Path(source).read_bytes()
    for i in range(count):
        b = bytearray(data)
        how = rng.choice(("flip", "cut", "splice", "zero"))
        if how == "flip":
            for _ in range(rng.randint(1, 50)):
                b[rng.randrange(len(b))] = rng.randrange(256)
        elif how == "cut":
            b = b[: rng.randrange(16, len(b))]
        elif how == "splice":
            at, n = rng.randrange(len(b)), rng.randint(1, 4096)
            b[at:at] = b[rng.randrange(len(b)) :][:n]
        else:
            at = rng.randrange(len(b))
            b[at : at + rng.randint(1, 2048)] = bytes(rng.randint(1, 2048))
        path = Path(folder) / f"m{i}.pdf"
        path.write_bytes(bytes(b))
        try:
            read_document(path)
        except InputError as exc:
            assert "\\n" not in str(exc)
        path.unlink()
    print("ok", count)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="resource limits are POSIX")
@pytest.mark.parametrize("source", ["zh/qingshui-water-2024.pdf", "en/harbor-transit-2023.pdf"])
def test_mutated_pdfs_never_traceback_hang_or_exceed_1gb(tmp_path: Path, source: str) -> None:
    """Small budget here; raise FUZZ_COUNT to fuzz longer."""
    import os
    import subprocess

    count = int(os.environ.get("FUZZ_COUNT", "25"))
    seed = random.randrange(1 << 30)
    script = tmp_path / "fuzz.py"
    script.write_text(FUZZ_SCRIPT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(pdf_reader.__file__).parents[2])}
    result = subprocess.run(
        [sys.executable, str(script), str(seed), str(count), str(SAMPLES / source), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=30 + 3 * count,
        env=env,
        check=False,
    )
    assert result.returncode == 0, f"seed {seed}: {result.stderr[-2000:]}"
    assert result.stdout.strip() == f"ok {count}"


@pytest.mark.skipif(sys.platform == "win32", reason="resource limits are POSIX")
def test_far_off_coordinates_do_not_size_the_column_search(tmp_path: Path) -> None:
    """Seed 2818840 once mutated a sample into text placed far beyond any page: the
    column search counted coverage per point across it and ran out of memory."""
    import os
    import subprocess

    script = tmp_path / "fuzz.py"
    script.write_text(FUZZ_SCRIPT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(pdf_reader.__file__).parents[2])}
    source = str(SAMPLES / "zh/qingshui-water-2024.pdf")
    result = subprocess.run(
        [sys.executable, str(script), "2818840", "25", source, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok 25"
