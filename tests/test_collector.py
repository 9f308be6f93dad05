"""The cyclic collector is held off while a comparison is built, and only then."""

from __future__ import annotations

import gc

import pytest

from reportdiff.collector import collector_paused
from reportdiff.core.compare import compare
from reportdiff.readers import read_document
from reportdiff.render.json import render_json
from tests.conftest import SAMPLES


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_off_in_the_block_and_on_after(collector_on):
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: the inner end leaves it off
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_in_the_block_turns_it_back_on(collector_on):
    with pytest.raises(ValueError, match="bad"), collector_paused():
        raise ValueError("bad")
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off(collector_on):
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_compare_and_the_json_writer_work_with_the_collector_off(collector_on, monkeypatch):
    import reportdiff.core.compare as entry
    from reportdiff.render import json_text

    seen: list[tuple[str, bool]] = []

    def spy(name, real):
        def call(*args, **kwargs):
            seen.append((name, gc.isenabled()))
            return real(*args, **kwargs)

        return call

    monkeypatch.setattr(entry, "segment_document", spy("segment", entry.segment_document))
    monkeypatch.setattr(entry, "find_boilerplate", spy("boilerplate", entry.find_boilerplate))
    monkeypatch.setattr(json_text, "encode_basestring", spy("json", json_text.encode_basestring))
    old, new = (read_document(SAMPLES / "zh" / f"qingshui-water-{y}.txt") for y in (2023, 2024))
    text = render_json(compare(old, new))
    assert {name for name, _ in seen} == {"segment", "boilerplate", "json"}
    assert not [name for name, enabled in seen if enabled]
    assert gc.isenabled()
    assert '"schema": "reportdiff.compare/1"' in text


def test_the_compare_command_reads_its_two_reports_with_the_collector_off(
    collector_on, monkeypatch, tmp_path
):
    from reportdiff.cli import compare as command
    from reportdiff.cli import main

    seen: list[bool] = []
    real = command.read_compare_input

    def reading(spec, args):
        seen.append(gc.isenabled())
        return real(spec, args)

    monkeypatch.setattr(command, "read_compare_input", reading)
    old, new = (SAMPLES / "zh" / f"qingshui-water-{y}.txt" for y in (2023, 2024))
    assert main(["compare", str(old), str(new), "-o", str(tmp_path / "out.json")]) == 1
    assert seen == [False, False]
    assert gc.isenabled()
