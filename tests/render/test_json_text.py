"""The JSON writer writes, byte for byte, what json.dumps(ensure_ascii=False, indent=n)
writes: on any JSON-like value, unusual ones included, and on a real comparison."""

import enum
import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from reportdiff.core.compare import compare
from reportdiff.readers import read_document
from reportdiff.render.json import comparison_to_dict
from reportdiff.render.json_text import dumps


class Level(enum.IntEnum):
    LOW = 1


class Tag(enum.StrEnum):
    A = "a"


SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from([Level.LOW, Tag.A, "“引号”\n\t\\", "\x00\u2028\ud7ff", -0.0, 1e300])
)
KEYS = st.text(max_size=6) | st.sampled_from([1, 2.5, None, True])
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(KEYS, inner, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=500, deadline=None)
@given(VALUES, st.sampled_from([None, 0, 1, 2, 4]))
def test_writes_what_json_dumps_writes(value, indent):
    expected = json.dumps(value, ensure_ascii=False, indent=indent)
    assert dumps(value, indent=indent) == expected


def test_nan_and_keys_that_are_not_text_are_written_as_json_writes_them():
    value = {"a": [math.nan, math.inf], 1: {None: -math.inf}}
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_a_comparison_of_the_seed_reports_is_written_as_json_writes_it(seeds_dir):
    old = read_document(seeds_dir / "daoxian-police-2023.txt")
    new = read_document(seeds_dir / "ebian-police-2023.txt")
    view = comparison_to_dict(compare(old, new), None)
    assert dumps(view) == json.dumps(view, ensure_ascii=False, indent=2)
