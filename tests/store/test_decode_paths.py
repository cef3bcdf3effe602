"""The fast, typed read of a shard file gives exactly what the careful one does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.store.store_helpers import shard_bytes
from tracker.store.decode import Refused, decode_file
from tracker.store.files import FileRead, _parse_carefully, parse_file
from tracker.store.records import Lost, Record, format_stamp

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)
stamps = st.builds(format_stamp, st.integers(10**12, 2 * 10**12), st.integers(0, 999_999))
names = st.text(min_size=1, max_size=12)


@st.composite
def records(draw: Any) -> Record:
    stamp = draw(stamps)
    replica = draw(names)
    older = draw(st.none() | st.dictionaries(names, st.just((format_stamp(1, 0), "old"))))
    lost = draw(
        st.none()
        | st.dictionaries(names, st.builds(Lost, st.just((stamp, "x")), st.booleans(), json_values))
    )
    lost = {k: v if v.present else Lost(v.version, False) for k, v in (lost or {}).items()}
    return Record(
        draw(names),
        draw(st.sampled_from(["habit", "check", "person", "new-kind"])),
        stamp,
        replica,
        draw(st.booleans()),
        draw(st.dictionaries(st.text(max_size=8), json_values, max_size=5)),
        older or None,
        None,
        lost or None,
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(records(), max_size=6))
def test_fast_and_careful_reads_agree(found: list[Record]) -> None:
    raw = shard_bytes(found, {"partner": "b"}, "them")
    fast = parse_file(Path("x.json"), raw)
    careful = _parse_carefully(FileRead(Path("x.json")), raw)
    assert fast.records == careful.records
    assert (fast.meta, fast.problem) == (careful.meta, careful.problem)


def test_a_file_the_fast_path_refuses_is_read_carefully() -> None:
    good = Record("habit:1", "habit", format_stamp(10**12, 0), "them", False, {"title": "A"})
    raw = shard_bytes([good]).replace(b'"records":{', b'"records":{"0":{"id":3},')
    try:
        decode_file(raw)
    except Refused:
        pass
    else:
        raise AssertionError("a damaged entry must send the file down the careful path")
    read = parse_file(Path("x.json"), raw)
    assert read.records == [good]
    assert read.skipped_records == 1
