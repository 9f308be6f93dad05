"""Benchmark: reading a PDF report against reading the same report as .docx.

    python bench/bench_pdf.py [--repeat 3] [--grow 5]

Rows: the committed sample (its PDF and .docx), the sample grown to about 30 pages
and the two real county reports of ../shared/seeds (each built as .docx and printed
to PDF here when LibreOffice is installed), and the real budget PDFs in
../shared/real/dev/pdf (PDF only). Times are the best of --repeat runs after a
warm-up read, so imports are not counted; the ratio is PDF time / .docx time.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reportdiff.readers import read_document  # noqa: E402

SAMPLE = ROOT / "samples" / "zh" / "qingshui-water-2023"
REAL = ROOT.parent / "shared" / "real" / "dev" / "pdf"
SEEDS = ROOT.parent / "shared" / "seeds"


def best_of(path: Path, repeat: int) -> float:
    read_document(path)  # warm-up: imports, caches
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        read_document(path)
        times.append(time.perf_counter() - t)
    return min(times)


def pages(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def printed(source: Path, folder: Path) -> tuple[Path, Path] | None:
    """``source`` (.txt or .md) built as a .docx and printed to PDF by LibreOffice."""
    if shutil.which("soffice") is None:
        return None

    def load(name: str):  # type: ignore[no-untyped-def]
        spec = importlib.util.spec_from_file_location(name, ROOT / "samples" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        return module

    docx, pdf = folder / f"{source.stem}.docx", folder / f"{source.stem}.pdf"
    load("build_docx").build(source, docx)
    load("build_pdf").print_pdf(source, pdf)
    return pdf, docx


def grown(folder: Path, times: int) -> tuple[Path, Path] | None:
    """The sample's text repeated ``times`` over, as .docx and printed to PDF."""
    text = SAMPLE.with_suffix(".txt").read_text(encoding="utf-8")
    head, body = text.split("\n", 1)
    txt = folder / "grown.txt"
    txt.write_text(head + "\n" + body * times, encoding="utf-8")
    return printed(txt, folder)


def row(name: str, pdf: Path, docx: Path | None, repeat: int) -> str:
    n = pages(pdf)
    t_pdf = best_of(pdf, repeat)
    cells = [name, str(n), f"{t_pdf * 1000:.0f}", f"{t_pdf * 1000 / n:.1f}"]
    if docx is not None:
        t_docx = best_of(docx, repeat)
        cells += [f"{t_docx * 1000:.0f}", f"{t_pdf / t_docx:.1f}×"]
    else:
        cells += ["—", "—"]
    return " | ".join(cells)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--grow", type=int, default=5, help="copies of the sample's body")
    args = parser.parse_args()
    print("report | pages | PDF ms | PDF ms/page | .docx ms | PDF/.docx")
    print("--- | --- | --- | --- | --- | ---")
    print(row(SAMPLE.name, SAMPLE.with_suffix(".pdf"), SAMPLE.with_suffix(".docx"), args.repeat))
    with tempfile.TemporaryDirectory() as tmp:
        made = grown(Path(tmp), args.grow)
        if made is None:
            print(f"{SAMPLE.name} ×{args.grow} | (LibreOffice not installed: not built)")
        else:
            print(row(f"{SAMPLE.name} ×{args.grow}", *made, args.repeat))
        for seed in sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []:
            made = printed(seed, Path(tmp))
            if made is not None:
                print(row(f"{seed.stem} (seed)", *made, args.repeat))
    for pdf in sorted(REAL.glob("*.pdf")) if REAL.is_dir() else []:
        print(row(pdf.stem, pdf, None, args.repeat))
    return 0


if __name__ == "__main__":
    sys.exit(main())
