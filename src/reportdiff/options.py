"""Options of each layer, kept apart so the core never sees display settings."""

from __future__ import annotations

from typing import NamedTuple

# Readers refuse inputs beyond these sizes rather than exhaust memory (README,
# "Input formats and limits"). A long report is well under 1 MiB of text.
# A text file on disk. A comparison of two files this size (a report repeated to
# 3.5 and 4.2 MB, thousands of sections) takes about 18 s and 670 MB here; at 8 MB a
# side it took 47 s and 1.6 GB, so this is where time and memory stay bounded
# (docs/diff.md, "Throughput").
MAX_TEXT_BYTES = 4 * 1024 * 1024
# Characters of text a report may hold once read, whatever its format: a .docx or PDF
# within its own limits can hold more text than a text file may, and the comparison's
# time and memory are bounded by the text, not by the file.
MAX_DOCUMENT_CHARS = MAX_TEXT_BYTES
MAX_DOCX_BYTES = 100 * 1024 * 1024  # a .docx on disk (images make them large)
MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024  # all members of a .docx, as declared
MAX_DOCX_XML = 32 * 1024 * 1024  # all its XML parts, which are parsed into trees
MAX_DOCX_RATIO = 200  # uncompressed / compressed size of any large member
MAX_DOCX_MEMBERS = 2000
# Quantities inside a .docx are bounded before use, whatever the file declares.
MAX_LIST_START = 32767  # the largest start value Word lets a list have
MAX_LIST_LABEL_CHARS = 64  # a list label ("第一章", "(a)"); longer templates are cut
MAX_PDF_BYTES = 100 * 1024 * 1024  # a PDF on disk (scanned pages make them large)
MAX_PDF_PAGES = 2000  # a long statute or budget runs to a few hundred
MAX_PDF_PAGE_OBJECTS = 200_000  # drawing objects on one page; a report page has thousands
MAX_PDF_CHARS = 5_000_000  # characters of text over all pages
MAX_PDF_SECONDS = 60.0  # to read all pages, so a hostile file cannot stall a scan


class CompareOptions(NamedTuple):
    """Knobs of the comparison core."""

    diff_timeout_s: float = 1.0  # per section pair, for every stage of its diff
    total_budget_s: float = 10.0  # over every diff stage and pair; past it, coarse diffs
    all_numbers: bool = False
    min_section_similarity: float = 0.35
    move_min_chars: int = 12  # shorter passages are not worth calling a move


class RenderOptions(NamedTuple):
    """Knobs of the text renderers."""

    color: bool = False
    width: int = 100
    context: int = 30  # characters of unchanged text shown around an edit
    full: bool = False  # show long edits whole instead of cut at a few hundred characters
