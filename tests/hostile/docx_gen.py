"""Small hostile .docx files, written byte by byte: each is a few KB on disk."""

from __future__ import annotations

import zipfile
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_R = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_NUM_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_NUM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"


def paragraph(text: str, num_id: int | None = None) -> str:
    numbering = f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
    return f"<w:p>{numbering if num_id else ''}<w:r><w:t>{text}</w:t></w:r></w:p>"


def document_xml(body: str, prolog: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    )


def numbering_xml(fmt: str, start: str, lvl_text: str = "%1.") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W}">'
        f'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{lvl_text}"/></w:lvl></w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
    )


def write_docx(
    path: Path,
    body: str,
    *,
    numbering: str | None = None,
    main: str = "word/document.xml",
    prolog: str = "",
    extra: dict[str, bytes] | None = None,
) -> Path:
    """A minimal package; ``main`` names the main part (content type by override)."""
    rels = f'<Relationship Id="rId1" Type="{_NUM_REL}" Target="numbering.xml"/>'
    overrides = f'<Override PartName="/{main}" ContentType="{_DOC_CT}"/>'
    if numbering:
        overrides += f'<Override PartName="/word/numbering.xml" ContentType="{_NUM_CT}"/>'
    parts = {
        "[Content_Types].xml": (
            f'<?xml version="1.0"?><Types xmlns="{_CT}">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f"{overrides}</Types>"
        ),
        "_rels/.rels": (
            f'<?xml version="1.0"?><Relationships xmlns="{_R}">'
            f'<Relationship Id="rId1" Type="{_OFFICE}" Target="{main}"/></Relationships>'
        ),
        main: document_xml(body, prolog),
        f"word/_rels/{Path(main).name}.rels": (
            f'<?xml version="1.0"?><Relationships xmlns="{_R}">'
            f"{rels if numbering else ''}</Relationships>"
        ),
    }
    if numbering:
        parts["word/numbering.xml"] = numbering
    if main != "word/document.xml":  # the decoy a name-based check would look at
        parts["word/document.xml"] = document_xml(paragraph("decoy"))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
        for name, raw in (extra or {}).items():
            z.writestr(name, raw)
    return path
