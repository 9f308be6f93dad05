"""When a passage that other reports share is template: found in at least this share
of them (and in three at least). Comparing a pair asks it of its ``--corpus``; the
corpus scan asks it of every passage cluster."""

from __future__ import annotations

TEMPLATE_SHARE = 0.5  # a passage in at least this share of the corpus (and 3 documents)


def frequent(count: int, total: int, share: float = TEMPLATE_SHARE) -> bool:
    """Whether a passage in ``count`` of ``total`` documents is template-like."""
    return count >= 3 and count >= share * total
