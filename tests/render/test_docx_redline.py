from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from reportdiff.core.compare import compare
from reportdiff.readers import read_document
from reportdiff.render.docx import render_docx

sys.path.insert(0, str(Path(__file__).parent))
from redline_reader import revision_text, revisions


def test_redline_accept_gives_new_reject_gives_old(seeds_dir: Path) -> None:
    old = read_document(seeds_dir / "daoxian-police-2023.txt")
    new = read_document(seeds_dir / "ebian-police-2023.txt")
    c = compare(old, new)
    data = render_docx(c, author="Reviewer", date=datetime(2024, 5, 1, tzinfo=UTC))
    assert revision_text(data, accept=True) == c.new.text
    assert revision_text(data, accept=False) == c.old.text
    revs = revisions(data)
    assert revs
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert {r.get(f"{w}author") for r in revs} == {"Reviewer"}
    assert {r.get(f"{w}date") for r in revs} == {"2024-05-01T00:00:00Z"}
