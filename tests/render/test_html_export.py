from __future__ import annotations

from html.parser import HTMLParser

from reportdiff.core.compare import compare
from reportdiff.model import Document
from reportdiff.readers.blocks import blocks_from_lines
from reportdiff.render.html import render_html

OLD = "一、基本情况\n支出5105.15万元。<script>alert(1)</script>\n二、问题\n进度偏慢。\n"
NEW = (
    "一、基本情况\n支出5322.40万元。<script>alert(1)</script>\n"
    "二、问题\n进度偏慢。\n三、计划\n加快。\n"
)


def doc(path: str, text: str) -> Document:
    return Document(path, text.split("\n")[0], text, blocks_from_lines(text))


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)


def test_html_is_self_contained_escaped_and_structured() -> None:
    c = compare(doc("a<b>.txt", OLD), doc("new.txt", NEW))
    html = render_html(c)
    parser = _Collect()
    parser.feed(html)
    assert "script" not in parser.tags
    assert "&lt;script&gt;" in html
    assert "a&lt;b&gt;.txt" in html
    assert not [v for k, v in parser.attrs if k in ("src", "href") and not v.startswith("#")]
    assert "http://" not in html.replace("http-equiv", "")
    assert "https://" not in html
    assert "default-src 'none'" in html
    assert parser.tags.count("details") == len(c.pairs)
    assert "<h2>Outline</h2>" in html
    assert "三、计划" in html
    assert parser.tags.count("ins") >= 1


def test_the_page_language_is_the_reports() -> None:
    english = "1. Overview\nThe Authority employed 214 staff and ran 12 ferries.\n"
    en = compare(doc("old.md", english), doc("new.md", english.replace("214", "226")))
    assert '<html lang="en">' in render_html(en)
    assert '<html lang="zh-CN">' in render_html(compare(doc("a.txt", OLD), doc("b.txt", NEW)))


def test_the_html_summary_counts_what_the_text_summary_counts() -> None:
    """Added and removed figures are in the HTML summary as in the text one."""
    import re

    from reportdiff.render.text import render_text

    old = doc("old.txt", "一、基本情况\n支出5105.15万元，车辆7辆。\n二、问题\n进度偏慢。\n")
    new = doc("new.txt", "一、基本情况\n支出5322.40万元。\n二、问题\n进度偏慢，培训120人次。\n")
    c = compare(old, new)
    s = c.summary()
    assert s.numbers_added
    assert s.numbers_removed
    html = render_html(c)
    summary = re.search(r'<p class="summary">(.*?)</p>', html).group(1)
    spans = re.findall(r"<span>(.*?)</span>", summary)
    assert f"{s.numbers_added} added" in spans[spans.index("1 figure changed") :]
    assert f"{s.numbers_removed} removed" in spans[spans.index("1 figure changed") :]
    assert f"{s.numbers_added} added" in render_text(c)
