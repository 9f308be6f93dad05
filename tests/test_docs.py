"""The README and docs/ link to pages and pictures that exist."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_relative_links_resolve(page):
    text = page.read_text(encoding="utf-8")
    targets = [t for t in LINK.findall(text) if "://" not in t]
    missing = [t for t in targets if not (page.parent / t).exists()]
    assert not missing, f"{page.name} links to missing {missing}"


def test_readme_stays_an_overview():
    # The detail lives in docs/; the README says what the tool is and how to start.
    assert len((ROOT / "README.md").read_bytes()) <= 10 * 1024
