"""Print the sample reports to PDF, as a reviewer would receive them.

    python samples/build_pdf.py           # needs LibreOffice (soffice) on PATH

Each sample is built as a .docx by build_docx.py, this time with a running header
(the report's title) and a page-number footer ("第 3 页", "- 3 -"), then printed by
LibreOffice. The committed PDFs let tests read PDFs without LibreOffice.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _build_docx_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_docx", HERE / "build_docx.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def print_pdf(source: Path, out: Path, soffice: str = "soffice") -> None:
    """Write ``out``: ``source`` (.txt/.md sample) as a furnished .docx, printed to PDF."""
    build_docx = _build_docx_module()
    with tempfile.TemporaryDirectory() as tmp:
        docx = Path(tmp) / (out.stem + ".docx")
        build_docx.build(source, docx, printed=True)
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{tmp}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(docx),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        shutil.move(str(Path(tmp) / (out.stem + ".pdf")), out)


def main() -> int:
    for source, docx in _build_docx_module().PAIRS:
        out = HERE / docx.replace(".docx", ".pdf")
        print_pdf(HERE / source, out)
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
