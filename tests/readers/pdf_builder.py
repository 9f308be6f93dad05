"""Write small PDFs by hand, so tests can make the PDFs that printers never do.

Each page is a content stream; text is drawn in Helvetica (or a font whose glyphs
carry no Unicode meaning), and the file gets a correct cross-reference table.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
# A CJK font pdfium knows without embedding: Unicode (UCS-2) codes, ideographs one em
# wide, ASCII half an em.
SONG = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
    b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
    b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
    b"/DW 1000 /W [1 95 500] /FontDescriptor << /Type /FontDescriptor /FontName "
    b"/STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 "
    b"/Descent -120 /CapHeight 880 /StemV 93 >> >>] >>"
)
# Glyph names that map to no Unicode value, and no ToUnicode map: text without meaning.
UNMAPPED_FONT = (
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
    b"/Differences [32 " + b" ".join(b"/g%d" % i for i in range(32, 127)) + b"] >> >>"
)
# A standard security handler whose user password is not empty.
ENCRYPT = (
    b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 "
    b"/O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> >>"
)


def text_page(lines: list[str], size: int = 12, top: int = 780) -> bytes:
    """A content stream drawing ``lines`` top-down at the left margin."""
    ops = [b"BT", b"/F1 %d Tf" % size, b"%d TL" % int(size * 1.4), b"72 %d Td" % top]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(b"(" + escaped.encode("cp1252") + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def image_page() -> bytes:
    """A page showing only a (tiny, grey) image: what a scanner produces."""
    return b"q 400 0 0 500 72 200 cm /Im1 Do Q"


def build_pdf(pages: list[bytes], *, font: bytes = HELVETICA, encrypt: bool = False) -> bytes:
    """A complete PDF of the given content streams."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    pages_id = add(b"")
    font_id = add(font)
    image = add(
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x80\x80\x80\x80\nendstream"
    )
    kids = []
    for content in pages:
        stream = add(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
                % (pages_id, stream, font_id, image)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id
    objects[pages_id - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    encrypt_id = add(ENCRYPT) if encrypt else None
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if encrypt_id:
        trailer += b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (encrypt_id, b"ab" * 16, b"ab" * 16)
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def write_pdf(path: Path, pages: list[bytes], **kwargs: object) -> Path:
    path.write_bytes(build_pdf(pages, **kwargs))  # type: ignore[arg-type]
    return path


# --- tables: ruled grids and text placed at given points (top-down y, as read) ------


PAGE_HEIGHT = 842
_HELVETICA_WIDTHS = {",": 0.278, ".": 0.278, " ": 0.278, "-": 0.333, "%": 0.889}


def text_width(text: str, size: float) -> float:
    """Helvetica's advance for ``text``: digits 0.556 em, most letters about that."""
    return sum(_HELVETICA_WIDTHS.get(ch, 0.556) for ch in text) * size


def text_at(text: str, x: float, y: float, size: float = 9) -> bytes:
    """Draw ``text`` with its baseline ``y`` points below the page's top."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"BT /F1 %g Tf %g %g Td (%s) Tj ET" % (
        size,
        x,
        PAGE_HEIGHT - y,
        escaped.encode("cp1252"),
    )


def rule(x0: float, y0: float, x1: float, y1: float) -> bytes:
    """A thin line between two points, top-down y: one path, as printers draw rules."""
    return b"0.5 w %g %g m %g %g l S" % (x0, PAGE_HEIGHT - y0, x1, PAGE_HEIGHT - y1)


@dataclass(frozen=True)
class Cell:
    """A table cell as drawn: its text (lines split by newlines), the columns it
    spans, and whether it continues the cell above it (no rule between them)."""

    text: str = ""
    span: int = 1
    merged: bool = False


def ruled_table(
    rows: list[list[Cell]],
    widths: list[float],
    *,
    left: float = 56,
    top: float = 100,
    height: float = 20,
    size: float = 9,
) -> tuple[bytes, float]:
    """A ruled table drawn as Word or Excel print it: numbers right-aligned, words
    left-aligned, each cell's lines from its top; each row as high as its lines need.
    Returns the content and the y of its bottom rule."""
    xs = [left]
    for w in widths:
        xs.append(xs[-1] + w)
    ops: list[bytes] = []
    y = top
    for row in rows:
        lines = max((c.text.count("\n") + 1 for c in row), default=1)
        bottom = y + max(height, lines * size * 1.3 + 6)
        col = 0
        for cell in row:
            x0, x1 = xs[col], xs[col + cell.span]
            if not cell.merged:
                ops.append(rule(x0, y, x1, y))
            ops.append(rule(x0, y, x0, bottom))
            for k, line in enumerate(cell.text.split("\n") if cell.text else []):
                base = y + 3 + size + k * size * 1.3
                numeric = line.replace(",", "").replace(".", "").lstrip("-").isdigit()
                x = x1 - 2 - text_width(line, size) if numeric else x0 + 2
                ops.append(text_at(line, x, base, size))
            col += cell.span
        ops.append(rule(xs[-1], y, xs[-1], bottom))
        y = bottom
    ops.append(rule(xs[0], y, xs[-1], y))
    return b"\n".join(ops), y
