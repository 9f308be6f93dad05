"""Build the Word versions of the Chinese sample reports from their .txt files.

    python samples/build_docx.py          # rewrites samples/zh/*.docx listed in PAIRS

The .docx is written as raw WordprocessingML with fixed zip timestamps, so the same
.txt always gives the same file. It exercises what a reader of real Word reports must
handle, and renders to exactly the text of the .txt:

* top-level headings (一、 … and the stray "7、") use the Heading 1 style with the
  number typed into the text; "1）．" and "(二)" subheadings use Heading 2, typed;
* "（一）" subheadings use Heading 2 with *automatic* numbering "（%1）";
* the subsections restarting at 一、 inside 六、 are plain paragraphs with automatic
  numbering "%1、" (chineseCounting) and no heading style;
* "（一）…。" items under 下一步改进措施 are automatically numbered list items;
* numbers are followed by nothing (w:suff "nothing"), not Word's default tab, so that
  Word shows "（一）基本支出情况" as the .txt has it;
* a ``**bold**`` line becomes a bold paragraph without the asterisks;
* tab-separated lines become a Word table whose first column merges vertically
  where the .txt leaves it empty.
"""

from __future__ import annotations

import re
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
PAIRS = (
    ("zh/qingshui-water-2023.txt", "zh/qingshui-water-2023.docx"),
    ("zh/qingshui-water-2024.txt", "zh/qingshui-water-2024.docx"),
    ("en/harbor-transit-2023.md", "en/harbor-transit-2023.docx"),
    ("en/harbor-transit-2024.md", "en/harbor-transit-2024.docx"),
)

CN_DIGITS = "一二三四五六七八九十"
TOP = re.compile(rf"^(?:[{CN_DIGITS}]+、|\d+、(?!.*[。；]$))")  # "1、…。" is a list item
SUB_TYPED = re.compile(r"^(?:\d）．|\([一二三四五六七八九十]\))")
SUB_AUTO = re.compile(rf"^（[{CN_DIGITS}]+）")
BOLD = re.compile(r"^\*\*(.+)\*\*$")
EN_TOP = re.compile(r"^(?:\d+\. [A-Z]|[A-Z][A-Z ]+$)")  # "1. OVERVIEW", "KEY PERFORMANCE …"
EN_SUB = re.compile(r"^(?:\d+\.\d+|[A-Z]\.) [A-Z]")  # "1.1 Mission", "A. Ferry Services"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# numId -> abstractNumId; every num restarts at 1.
# 1 = 一、 inside 六、, 2 = （一） headings, 3 = （一） items
NUMS = {1: 0, 2: 1, 3: 1}
ABSTRACT_FORMATS = {0: "%1、", 1: "（%1）"}


def run(text: str, bold: bool = False) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def paragraph(text: str, style: str = "", num_id: int = 0, bold: bool = False) -> str:
    ppr = ""
    if style or num_id:
        style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
        num_xml = (
            f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>' if num_id else ""
        )
        ppr = f"<w:pPr>{style_xml}{num_xml}</w:pPr>"
    return f"<w:p>{ppr}{run(text, bold)}</w:p>"


def strip_label(line: str, pattern: re.Pattern[str]) -> str:
    return line[pattern.match(line).end() :]  # type: ignore[union-attr]


def cell(text: str, merge: str = "") -> str:
    vmerge = {"": "", "restart": '<w:vMerge w:val="restart"/>', "continue": "<w:vMerge/>"}[merge]
    return f'<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/>{vmerge}</w:tcPr>{paragraph(text)}</w:tc>'


def table(rows: list[list[str]]) -> str:
    """A grid table; an empty first cell under a filled one continues that cell's merge."""
    width = max(len(r) for r in rows)
    grid = "".join('<w:gridCol w:w="1400"/>' for _ in range(width))
    body = []
    for i, row in enumerate(rows):
        row = row + [""] * (width - len(row))
        merges = [""] * width
        if i > 1 and not row[0]:  # row 0 is the header
            merges[0] = "continue"
        elif i > 0 and i + 1 < len(rows) and rows[i + 1][0] == "" and row[0]:
            merges[0] = "restart"
        body.append(
            "<w:tr>" + "".join(cell(t, m) for t, m in zip(row, merges, strict=True)) + "</w:tr>"
        )
    tblpr = '<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
    return f"<w:tbl>{tblpr}<w:tblGrid>{grid}</w:tblGrid>{''.join(body)}</w:tbl>"


def blocks(lines: list[str]) -> Iterator[str]:
    """Body XML for each paragraph or table of the report, in order."""
    in_six = False  # inside 六、 before its bold indicator heading: 一、 restarts there
    i = 0
    while i < len(lines):
        line = lines[i]
        if "\t" in line:
            j = i
            while j < len(lines) and "\t" in lines[j]:
                j += 1
            yield table([r.split("\t") for r in lines[i:j]])
            i = j
            continue
        if i == 0:
            yield paragraph(line, "Title")
        elif BOLD.match(line):
            in_six = False
            yield paragraph(BOLD.match(line).group(1), bold=True)  # type: ignore[union-attr]
        elif TOP.match(line) and in_six:
            yield paragraph(strip_label(line, TOP), "ListParagraph", num_id=1, bold=True)
        elif TOP.match(line):
            in_six = line.startswith("六、")
            yield paragraph(line, "Heading1")
        elif SUB_AUTO.match(line) and not line.endswith("。"):
            yield paragraph(strip_label(line, SUB_AUTO), "Heading2", num_id=2)
        elif SUB_AUTO.match(line):
            yield paragraph(strip_label(line, SUB_AUTO), "ListParagraph", num_id=3)
        elif SUB_TYPED.match(line):
            yield paragraph(line, "Heading2")
        else:
            yield paragraph(line)
        i += 1


def english_blocks(lines: list[str]) -> Iterator[str]:
    """Body XML of an English report: blank lines only separate paragraphs."""
    for i, line in enumerate(line for line in lines if line.strip()):
        if i == 0:
            yield paragraph(line, "Title")
        elif EN_TOP.match(line):
            yield paragraph(line, "Heading1")
        elif EN_SUB.match(line):
            yield paragraph(line, "Heading2")
        else:
            yield paragraph(line)


def document_xml(text: str, english: bool = False, printed: bool = False) -> str:
    lines = text.rstrip("\n").split("\n")
    body = "".join(english_blocks(lines) if english else blocks(lines))
    refs = (
        '<w:headerReference w:type="default" r:id="rId3"/>'
        '<w:footerReference w:type="default" r:id="rId4"/>'
        if printed
        else ""
    )
    sect = f'<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/></w:sectPr>'
    root = f'<w:document xmlns:w="{W}" xmlns:r="{R}">'
    return f"{XML_HEAD}{root}<w:body>{body}{sect}</w:body></w:document>"


def style(style_id: str, name: str, ppr: str = "", rpr: str = "", kind: str = "paragraph") -> str:
    based = "" if style_id == "Normal" else '<w:basedOn w:val="Normal"/>'
    default = ' w:default="1"' if style_id == "Normal" else ""
    return (
        f'<w:style w:type="{kind}"{default} w:styleId="{style_id}"><w:name w:val="{name}"/>{based}'
        f"<w:qFormat/>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}"
        f"{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}"
        "</w:style>"
    )


# Printed, a report's paragraphs stand apart: Chinese ones by a two-character first-line
# indent, English ones by space after; a font LibreOffice has keeps the PDFs small.
PRINT_FONT = "WenQuanYi Micro Hei"
PRINT_PARAGRAPH = {
    False: '<w:ind w:firstLineChars="200" w:firstLine="480"/>',
    True: '<w:spacing w:after="160"/>',
}


def styles_xml(printed: bool = False, english: bool = False) -> str:
    body_font, heading_font = (PRINT_FONT, PRINT_FONT) if printed else ("SimSun", "SimHei")
    font = (
        f'<w:rFonts w:ascii="{body_font}" w:eastAsia="{body_font}" w:hAnsi="{body_font}"/>'
        '<w:sz w:val="24"/>'
    )
    heading = f'<w:rFonts w:eastAsia="{heading_font}"/><w:b/><w:sz w:val="{{}}"/>'
    normal_ppr = PRINT_PARAGRAPH[english] if printed else ""
    border = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    grid = (
        '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
        f"<w:tblPr><w:tblBorders>{border}</w:tblBorders></w:tblPr></w:style>"
    )
    return (
        f'{XML_HEAD}<w:styles xmlns:w="{W}">'
        + style("Normal", "Normal", normal_ppr, rpr=font)
        + style("Title", "Title", '<w:jc w:val="center"/>', heading.format(36))
        + style(
            "Heading1", "heading 1", '<w:keepNext/><w:outlineLvl w:val="0"/>', heading.format(32)
        )
        + style(
            "Heading2", "heading 2", '<w:keepNext/><w:outlineLvl w:val="1"/>', heading.format(28)
        )
        + style(
            "Heading3", "heading 3", '<w:keepNext/><w:outlineLvl w:val="2"/>', heading.format(24)
        )
        + style("ListParagraph", "List Paragraph", '<w:ind w:firstLine="420"/>')
        + grid
        + "</w:styles>"
    )


def numbering_xml() -> str:
    abstract = "".join(
        f'<w:abstractNum w:abstractNumId="{aid}"><w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        f'<w:suff w:val="nothing"/><w:lvlText w:val="{fmt}"/><w:lvlJc w:val="left"/>'
        "</w:lvl></w:abstractNum>"
        for aid, fmt in ABSTRACT_FORMATS.items()
    )
    nums = "".join(
        f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        for nid, aid in NUMS.items()
    )
    return f'{XML_HEAD}<w:numbering xmlns:w="{W}">{abstract}{nums}</w:numbering>'


def core_xml(title: str) -> str:
    return (
        f"{XML_HEAD}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>reportdiff samples</dc:creator>"
        '<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created>'
        "</cp:coreProperties>"
    )


def page_part(kind: str, content: str) -> str:
    """A header or footer part holding one centred paragraph of ``content`` (XML)."""
    tag = "hdr" if kind == "header" else "ftr"
    return (
        f'{XML_HEAD}<w:{tag} xmlns:w="{W}" xmlns:r="{R}">'
        f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{content}</w:p></w:{tag}>'
    )


def page_number(english: bool) -> str:
    """Footer runs: "- 3 -" in English, "第 3 页" in Chinese."""
    field = '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    before, after = ("- ", " -") if english else ("第 ", " 页")
    return run(before) + field + run(after)


def package_parts(text: str, english: bool = False, printed: bool = False) -> dict[str, str]:
    """The parts of the .docx; ``printed`` lays it out as a printed report: a running
    header (the title), a page-number footer and paragraphs that stand apart."""
    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    page_types = (
        f'<Override PartName="/word/header1.xml" ContentType="{ct}.header+xml"/>'
        f'<Override PartName="/word/footer1.xml" ContentType="{ct}.footer+xml"/>'
        if printed
        else ""
    )
    types = (
        f'{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{ct}.document.main+xml"/>'
        f'<Override PartName="/word/styles.xml" ContentType="{ct}.styles+xml"/>'
        f'<Override PartName="/word/numbering.xml" ContentType="{ct}.numbering+xml"/>'
        f"{page_types}"
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>'
    )
    rels = (
        f'{XML_HEAD}<Relationships xmlns="{PKG}">'
        f'<Relationship Id="rId1" Type="{OFFICE_DOC}" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
        'relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>'
    )
    page_rels = (
        f'<Relationship Id="rId3" Type="{R}/header" Target="header1.xml"/>'
        f'<Relationship Id="rId4" Type="{R}/footer" Target="footer1.xml"/>'
        if printed
        else ""
    )
    doc_rels = (
        f'{XML_HEAD}<Relationships xmlns="{PKG}">'
        f'<Relationship Id="rId1" Type="{R}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId2" Type="{R}/numbering" Target="numbering.xml"/>'
        f"{page_rels}</Relationships>"
    )
    title = text.split("\n", 1)[0]
    parts = {
        "[Content_Types].xml": types,
        "_rels/.rels": rels,
        "docProps/core.xml": core_xml(title),
        "word/document.xml": document_xml(text, english, printed),
        "word/styles.xml": styles_xml(printed, english),
        "word/numbering.xml": numbering_xml(),
        "word/_rels/document.xml.rels": doc_rels,
    }
    if printed:
        parts["word/header1.xml"] = page_part("header", run(title))
        parts["word/footer1.xml"] = page_part("footer", page_number(english))
    return parts


def build(txt: Path, out: Path, printed: bool = False) -> None:
    """Write ``out`` from ``txt``; the same input always yields the same parts."""
    english = txt.suffix == ".md"
    parts = package_parts(txt.read_text(encoding="utf-8"), english, printed)
    tmp = out.with_name(out.name + ".tmp")
    with zipfile.ZipFile(tmp, "w") as zf:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, xml.encode("utf-8"), compresslevel=9)
    tmp.replace(out)


def main() -> int:
    for txt, docx in PAIRS:
        build(HERE / txt, HERE / docx)
        print(f"wrote {HERE / docx}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
