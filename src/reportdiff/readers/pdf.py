"""PDF reports: guard the file, then take characters, fonts and ruled lines from pdfium.

Only what a page shows is read here: each character with its box, size and
boldness, and the thin lines that rule tables. Turning that geometry back into
paragraphs, headings and tables is pdf_layout's job, on plain records. pypdfium2
is imported here only, and lazily.

Bad files end in one InputError: encrypted, damaged, no text layer (a scan), a text
layer without Unicode mapping, or beyond the page, object and character limits of
options.py, so a hostile file is refused before it costs unbounded time or memory.
"""

from __future__ import annotations

import ctypes
import math
import time
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Document
from ..options import (
    MAX_PDF_BYTES,
    MAX_PDF_CHARS,
    MAX_PDF_PAGE_OBJECTS,
    MAX_PDF_PAGES,
    MAX_PDF_SECONDS,
)
from ..safetext import shown_name
from .pdf_layout import Char, Page, Rule, layout_document
from .sniff import check_file, read_bounded

_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")
_FORCE_BOLD = 1 << 18  # PDF font descriptor flag
_FILL_STROKE = 2  # text render mode that fakes bold by stroking the outline
_RULE_THICKNESS = 2.5  # points: thicker paths are shapes or shading, not rules
# pdfium reports a hyphen that ends a line before a letter as one of these codes.
_HYPHEN_MARKS = (0x02, 0xFFFE)
_UNMAPPED_SHARE = 0.1  # above this share of unreadable characters the layer is garbage
NO_TEXT = (
    "has no text layer — it is a scanned image; run OCR first, e.g. ocrmypdf, "
    "and compare its output"
)


def read_pdf(path: Path) -> Document:
    """A Document from a PDF with a text layer, or an InputError that says why not."""
    check_file(path, MAX_PDF_BYTES)
    data = read_bounded(path, MAX_PDF_BYTES)
    pages = extract_pages(str(path), data)
    return layout_document(shown_name(str(path)), pages)  # valid UTF-8 in every output


def extract_pages(name: str, data: bytes) -> list[Page]:
    """Every page's characters and rules; refuses files that are not readable reports."""
    import pypdfium2 as pdfium

    pdf = _open(name, data)
    try:
        count = len(pdf)
        if count == 0:
            raise InputError(name, "is a PDF with no pages")
        if count > MAX_PDF_PAGES:
            raise InputError(
                name,
                f"has {count} pages, over the limit of {MAX_PDF_PAGES}; is it really a report?",
            )
        deadline = time.monotonic() + MAX_PDF_SECONDS
        pages: list[Page] = []
        total = 0
        for index in range(count):
            page = _read_page(name, pdf, index, pdfium)
            total += len(page.chars)
            if total > MAX_PDF_CHARS:
                raise InputError(
                    name, f"holds over {MAX_PDF_CHARS} characters of text; is it really a report?"
                )
            if time.monotonic() > deadline:
                raise InputError(name, f"took over {MAX_PDF_SECONDS:.0f} s to read; refusing it")
            pages.append(page)
    finally:
        pdf.close()
    _check_text_layer(name, pages)
    return pages


def _open(name: str, data: bytes) -> Any:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == raw.FPDF_ERR_PASSWORD:
            raise InputError(
                name, "is an encrypted (password-protected) PDF; save an unprotected copy first"
            ) from None
        if exc.err_code == raw.FPDF_ERR_SECURITY:
            raise InputError(name, "is a PDF with an unsupported security handler") from None
        raise InputError(
            name, "is a damaged or truncated PDF that cannot be opened; download it again"
        ) from None


def _read_page(name: str, pdf: Any, index: int, pdfium: Any) -> Page:
    import pypdfium2.raw as raw

    try:
        page = pdf[index]
    except pdfium.PdfiumError:
        raise InputError(name, f"has a damaged page {index + 1}") from None
    try:
        width, height = page.get_size()
        objects = raw.FPDFPage_CountObjects(page)
        if objects > MAX_PDF_PAGE_OBJECTS:
            raise InputError(
                name,
                f"page {index + 1} holds {objects} drawing objects, over the limit of "
                f"{MAX_PDF_PAGE_OBJECTS}; refusing it",
            )
        textpage = page.get_textpage()
        try:
            chars, unmapped = _chars(textpage, height, _shown_box(page))
        finally:
            textpage.close()
        rules = _rules(page, objects, height)
    finally:
        page.close()
    return Page(index, width, height, tuple(chars), tuple(rules), unmapped)


def _shown_box(page: Any) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of what a viewer or printer shows of the page: its
    media box cut to its crop box, in the coordinates characters are placed in."""
    import pypdfium2.raw as raw

    box = raw.FS_RECTF()
    if not raw.FPDF_GetPageBoundingBox(page.raw, box):
        return (-math.inf, -math.inf, math.inf, math.inf)
    return (box.left, box.bottom, box.right, box.top)


def _chars(
    textpage: Any, height: float, shown: tuple[float, float, float, float]
) -> tuple[list[Char], int]:
    """The characters of a page in top-down coordinates, and how many lack a Unicode value.

    A character placed outside what the page shows is left out: no reader sees it
    (producers leave whole paragraphs above a page's top edge, drawn again on the
    page where they are seen, and a reader of such a file should not read them twice)."""
    import pypdfium2.raw as raw

    count = textpage.count_chars()
    if count > MAX_PDF_CHARS:
        count = MAX_PDF_CHARS + 1  # enough to trip the limit in the caller
    rect = raw.FS_RECTF()
    styles = _Styles()
    chars: list[Char] = []
    unmapped = 0
    finite = math.isfinite
    shown_left, shown_bottom, shown_right, shown_top = shown
    handle = textpage.raw
    last_obj, style = None, (0.0, False)
    for i in range(count):
        code = raw.FPDFText_GetUnicode(handle, i)
        if code in (0x0A, 0x0D):
            continue
        if code in _HYPHEN_MARKS and raw.FPDFText_IsHyphen(handle, i):
            code = 0x2D  # the hyphen drawn at a line's end: joining the lines decides on it
        if _garbage(code) or raw.FPDFText_HasUnicodeMapError(handle, i):
            unmapped += 1
            continue
        raw.FPDFText_GetLooseCharBox(handle, i, rect)
        left, top, right, bottom = rect.left, rect.top, rect.right, rect.bottom
        if not (finite(left) and finite(top) and finite(right) and finite(bottom)):
            continue  # a broken file's character that stands nowhere
        if not (shown_left <= (left + right) / 2 <= shown_right) or not (
            shown_bottom <= (top + bottom) / 2 <= shown_top
        ):
            continue  # off the page: nobody sees it
        obj = raw.FPDFText_GetTextObject(handle, i)
        address = ctypes.c_void_p.from_buffer(obj).value if obj else None
        if address is None or address != last_obj:  # characters of one object share it
            style, last_obj = styles.of(obj, top - bottom), address
        # only a space can be one pdfium inferred, and only then does it matter
        generated = code == 0x20 and bool(raw.FPDFText_IsGenerated(handle, i))
        chars.append(Char(chr(code), left, height - top, right, height - bottom, *style, generated))
    return chars, unmapped


def _garbage(code: int) -> bool:
    """No Unicode value, a control character, a private-use glyph or U+FFFD."""
    return code == 0 or (code < 0x20 and code != 0x09) or 0xE000 <= code <= 0xF8FF or code == 0xFFFD


class _Styles:
    """Font size and boldness of text objects, with the buffers pdfium fills reused
    and each font's boldness looked up once (some producers draw every character
    as its own text object)."""

    def __init__(self) -> None:
        import pypdfium2.raw as raw

        self.raw = raw
        self.size = ctypes.c_float()
        self.matrix = raw.FS_MATRIX()
        self.fonts: dict[int | None, bool] = {}

    def of(self, obj: Any, box_height: float) -> tuple[float, bool]:
        """Size in points as drawn (after the object's scaling) and boldness."""
        raw = self.raw
        fallback = abs(box_height) if math.isfinite(box_height) else 0.0
        if not obj:
            return fallback, False
        scaled = fallback
        if raw.FPDFTextObj_GetFontSize(obj, self.size) and raw.FPDFPageObj_GetMatrix(
            obj, self.matrix
        ):
            m = self.matrix
            scaled = self.size.value * math.hypot(m.c, m.d)
        size = scaled if math.isfinite(scaled) and scaled > 0 else fallback
        if raw.FPDFTextObj_GetTextRenderMode(obj) == _FILL_STROKE:
            return size, True
        font = raw.FPDFTextObj_GetFont(obj)
        key = ctypes.c_void_p.from_buffer(font).value if font else None
        bold = self.fonts.get(key)
        if bold is None:
            bold = self.fonts[key] = bool(font) and _bold_font(font)
        return size, bold


def _bold_font(font: Any) -> bool:
    import pypdfium2.raw as raw

    if raw.FPDFFont_GetWeight(font) >= 600 or raw.FPDFFont_GetFlags(font) & _FORCE_BOLD:
        return True
    buf = ctypes.create_string_buffer(128)
    size = raw.FPDFFont_GetBaseFontName(font, buf, len(buf))
    name = buf.value.decode("latin-1").lower() if size else ""
    return any(word in name for word in _BOLD_NAMES)


def _rules(page: Any, objects: int, height: float) -> list[Rule]:
    """Thin horizontal and vertical paths: the lines that rule a table."""
    import pypdfium2.raw as raw

    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    rules: list[Rule] = []
    for i in range(objects):
        obj = raw.FPDFPage_GetObject(page, i)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_PATH:
            continue
        if not raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        x0, x1 = left.value, right.value
        y0, y1 = height - top.value, height - bottom.value
        w, h = x1 - x0, y1 - y0
        if min(w, h) <= _RULE_THICKNESS:
            rules.append(Rule(x0, y0, x1, y1))
        else:  # a rectangle: its four edges rule a cell
            rules.extend(
                (
                    Rule(x0, y0, x1, y0),
                    Rule(x0, y1, x1, y1),
                    Rule(x0, y0, x0, y1),
                    Rule(x1, y0, x1, y1),
                )
            )
    return rules


def _check_text_layer(name: str, pages: list[Page]) -> None:
    shown = sum(1 for p in pages for c in p.chars if not c.text.isspace())
    unmapped = sum(p.unmapped for p in pages)
    if unmapped and unmapped > _UNMAPPED_SHARE * (shown + unmapped):
        raise InputError(
            name,
            f"has a text layer without Unicode mapping ({unmapped} of {shown + unmapped} "
            "characters cannot be read as text); export it again with embedded Unicode "
            "fonts, or run OCR on it",
        )
    if shown == 0:
        raise InputError(name, NO_TEXT)
    blank = sum(1 for p in pages if not any(not c.text.isspace() for c in p.chars))
    if blank >= 2 and blank > len(pages) / 2:  # a scan with a typed cover, say
        raise InputError(
            name,
            f"has no text layer on {blank} of its {len(pages)} pages — they are scanned "
            "images; run OCR first, e.g. ocrmypdf, and compare its output",
        )
