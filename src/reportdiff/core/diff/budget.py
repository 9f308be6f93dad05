"""A time budget for the diff: one deadline that every stage checks and shares.

diff-match-patch degrades gracefully when given a deadline (a part it could not
finish becomes one deletion and one insertion), so each stage passes it the time
that is left rather than a fixed timeout. A stage that finds the budget used up
does the cheap, linear thing instead, and the caller says so in the output.
"""

from __future__ import annotations

import math
import time

# diff-match-patch reads a timeout of 0 as "no limit": the least time it is given.
_LEAST_S = 1e-4


class Budget:
    """A deadline on the monotonic clock; ``seconds`` ≤ 0 or infinite: no limit."""

    deadline: float

    def __init__(self, seconds: float, *, within: Budget | None = None) -> None:
        now = time.perf_counter()
        own = now + seconds if 0 < seconds < math.inf else math.inf
        self.deadline = min(own, within.deadline) if within else own

    @property
    def limited(self) -> bool:
        return self.deadline < math.inf

    def left(self) -> float:
        return self.deadline - time.perf_counter()

    @property
    def expired(self) -> bool:
        return self.left() <= 0

    def dmp_timeout(self) -> float:
        """The value for diff-match-patch's ``Diff_Timeout`` (0 means unlimited)."""
        return max(self.left(), _LEAST_S) if self.limited else 0.0
