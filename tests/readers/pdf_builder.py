"""Write small PDFs by hand, so tests can make the PDFs that printers never do.

Each page is a content stream; text is drawn in Helvetica (or a font whose glyphs
carry no Unicode meaning), and the file gets a correct cross-reference table.
"""

from __future__ import annotations

from pathlib import Path

HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
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
