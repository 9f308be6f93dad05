"""Display width in terminal cells, as the core needs it: to tell the width a PDF's
text was wrapped at, and the renderers to line up columns of report text. East Asian
wide and full-width characters take two cells, every other character one. (Only the
review UI's row layout measures with rich, which draws those rows; the two agree on
every CJK character and full-width form.)"""

from __future__ import annotations

import re

WIDE_RE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
    "\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
    "\U00020000-\U0003fffd]"
)


def cells(text: str) -> int:
    """Terminal cells ``text`` takes on one line (counted in C: every line asks)."""
    return len(text) + len(WIDE_RE.findall(text))
