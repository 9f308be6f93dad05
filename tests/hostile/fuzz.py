"""A small .docx fuzzer: mutants of a few seed documents (byte flips, truncation, XML
and zip edits), each read by the readers, which must answer with a Document or an
InputError — never another exception, a hang or a memory blow-up.

Used by the CI test at a small budget and by ``bench/fuzz_readers.py`` for long runs.
"""

from __future__ import annotations

import io
import random
import re
import time
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .docx_gen import numbering_xml, paragraph, write_docx

_QUANTITIES = ["0", "-1", "1", "9", "10", "255", "32768", "2147483647", "4294967296",
               "99999999999999999999", "1e9", "", "x", "%1"]  # fmt: skip
_ATTRIBUTES = re.compile(rb'(w:(?:val|ilvl|numId|abstractNumId))="([^"]*)"')


def seeds(folder: Path) -> list[bytes]:
    """Seed documents covering lists, tables with spans and merges, and nesting."""
    folder.mkdir(parents=True, exist_ok=True)
    items = "".join(paragraph(f"第{i}项工作按计划完成", 1) for i in range(6))
    cell = "<w:tc><w:tcPr>{}</w:tcPr><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    rows = "".join(
        "<w:tr>"
        + cell.format('<w:vMerge w:val="restart"/>' if i == 0 else "<w:vMerge/>", f"项目{i}")
        + cell.format('<w:gridSpan w:val="2"/>', f"{i * 10}万元")
        + "</w:tr>"
        for i in range(5)
    )
    nested = f"<w:tbl><w:tr>{cell.format('', 'outer')}</w:tr></w:tbl>"
    body = paragraph("一、概况") + items + f"<w:tbl>{rows}</w:tbl>" + nested
    paths = [
        write_docx(folder / "lists.docx", body, numbering=numbering_xml("upperLetter", "3")),
        write_docx(folder / "chinese.docx", items, numbering=numbering_xml("chineseCounting", "1")),
        write_docx(folder / "main.docx", body, main="word/main.dat"),
    ]
    return [p.read_bytes() for p in paths]


def mutants(seed_docs: list[bytes], count: int, rng: random.Random) -> Iterator[tuple[str, bytes]]:
    """``count`` mutants, each named by how it was made."""
    makers = [_flip_bytes, _truncate, _edit_quantities, _edit_xml_bytes, _rename_member,
              _duplicate_member]  # fmt: skip
    for _ in range(count):
        maker = rng.choice(makers)
        yield maker.__name__.lstrip("_"), maker(rng.choice(seed_docs), rng)


def _flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data))]


def _rewrite(data: bytes, edit) -> bytes:
    """The zip with each member passed through ``edit(name, bytes)``."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        warnings.simplefilter("ignore")  # a duplicate member name is one of the mutations
        for info in src.infolist():
            result = edit(info.filename, src.read(info))
            for name, raw in result if isinstance(result, list) else [(info.filename, result)]:
                z.writestr(name, raw)
    return out.getvalue()


def _edit_quantities(data: bytes, rng: random.Random) -> bytes:
    def edit(name: str, raw: bytes) -> bytes:
        return _ATTRIBUTES.sub(
            lambda m: (
                m.group(1) + b'="' + rng.choice(_QUANTITIES).encode() + b'"'
                if rng.random() < 0.3
                else m.group(0)
            ),
            raw,
        )

    return _rewrite(data, edit)


def _edit_xml_bytes(data: bytes, rng: random.Random) -> bytes:
    def edit(name: str, raw: bytes) -> bytes:
        if rng.random() < 0.5 or not raw:
            return raw
        at = rng.randrange(len(raw))
        junk = rng.choice([b"<", b">", b"&e;", b"<!DOCTYPE x>", b"\x00", b"</w:p>", b"<w:p>"])
        return raw[:at] + junk + raw[at + rng.randint(0, 5) :]

    return _rewrite(data, edit)


def _rename_member(data: bytes, rng: random.Random) -> bytes:
    target = rng.choice(["word/document.xml", "word/numbering.xml", "[Content_Types].xml"])
    new = rng.choice(["word/x.bin", "word/document.xml", "word/numbering.dat"])
    return _rewrite(data, lambda name, raw: [(new if name == target else name, raw)])


def _duplicate_member(data: bytes, rng: random.Random) -> bytes:
    def edit(name: str, raw: bytes):
        return [(name, raw), (name + ".copy", raw)] if rng.random() < 0.3 else raw

    return _rewrite(data, edit)


@dataclass
class FuzzReport:
    read: int = 0
    refused: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    slowest: tuple[float, str] = (0.0, "")


def fuzz(folder: Path, count: int, seed: int = 0, max_seconds: float = 5.0) -> FuzzReport:
    """Read ``count`` mutants; anything but a Document or an InputError is a failure,
    and so is a read slower than ``max_seconds``."""
    from reportdiff.errors import InputError
    from reportdiff.readers import read_document

    rng = random.Random(seed)
    report = FuzzReport()
    path = folder / "mutant.docx"
    for i, (how, data) in enumerate(mutants(seeds(folder / "seeds"), count, rng)):
        path.write_bytes(data)
        started = time.monotonic()
        try:
            read_document(path)
            report.read += 1
        except InputError:
            report.refused += 1
        except Exception as exc:  # what the fuzzer is looking for
            report.failures.append((f"#{i} {how}", f"{type(exc).__name__}: {exc}"[:200]))
        took = time.monotonic() - started
        if took > report.slowest[0]:
            report.slowest = (took, f"#{i} {how}")
        if took > max_seconds:
            report.failures.append((f"#{i} {how}", f"took {took:.1f} s"))
    return report
