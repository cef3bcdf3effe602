"""Merging field by field: two people's edits of different fields of one thing both survive.

Generated histories run the store's own write rule (`next_version`, stamped with
`HybridClock.after`) on 2–3 devices with skewed, stuck and far-ahead clocks, deletes
and restores, and partial syncs; the merge is compared with `field_oracle`, the same
rule written the slow, obvious way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.store.store_helpers import field_oracle, snapshot
from tracker.store.couple import Couple
from tracker.store.merge import merge, merge_into, next_version, overrides
from tracker.store.records import DELETED, HybridClock, Record
from tracker.store.store import Store

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
IDS = ("habit:1", "habit:2", "person:b")
FIELDS = ("title", "description", "area")
DAY = 24 * 3600 * 1000


@dataclass
class Device:
    name: str
    wall: int
    clock: HybridClock = field(init=False)
    state: dict[str, Record] = field(default_factory=dict)  # what its screens show
    file: dict[str, Record] = field(default_factory=dict)  # one version per id, as on disk

    def __post_init__(self) -> None:
        self.clock = HybridClock(lambda: self.wall)

    def write(self, record_id: str, data: dict[str, Any], deleted: bool) -> Record:
        current = self.state.get(record_id)
        stamp = self.clock.after(current.stamp if current else None)
        record = next_version(current, record_id, "habit", stamp, self.name, data, deleted)
        self.file[record_id] = record
        merge_into(self.state, [record])
        return record

    def sync_from(self, other: Device) -> None:
        for record in other.file.values():
            self.clock.observe(record.stamp)
        merge_into(self.state, other.file.values())


@dataclass
class Edit:
    device: str
    record_id: str
    name: str
    value: Any
    saw_newest: bool  # its device had seen the newest earlier version of that field
    record: Record


@dataclass
class History:
    devices: list[Device]
    edits: list[Edit]

    def files(self) -> list[list[Record]]:
        return [list(d.file.values()) for d in self.devices]


op = st.tuples(
    st.sampled_from(["set", "set", "set", "remove", "delete", "restore", "sync", "sync", "jump"]),
    st.integers(0, 2),
    st.sampled_from(IDS),
    st.sampled_from(FIELDS),
    st.integers(0, 2),
    st.text("ab", max_size=2),
)


@st.composite
def histories(draw: st.DrawFn) -> History:
    count = draw(st.integers(2, 3))
    names = draw(st.permutations(["b7", "a1", "zz"]))[:count]
    base = 1_764_000_000_000
    skews = draw(
        st.lists(
            st.sampled_from([0, 0, 2, -2, 90_000, 30 * DAY, -30 * DAY]),
            min_size=count,
            max_size=count,
        )
    )
    devices = [Device(n, base + s) for n, s in zip(names, skews, strict=True)]
    edits: list[Edit] = []
    for kind, who, record_id, name, other, text in draw(st.lists(op, min_size=4, max_size=40)):
        for device in devices:
            device.wall += 1
        me = devices[who % count]
        if kind == "jump":
            me.wall += draw(st.sampled_from([-120_000, -5, 5, 40 * DAY]))
            continue
        if kind == "sync":
            peer = devices[other % count]
            if peer is not me:
                me.sync_from(peer)
            continue
        current = me.state.get(record_id)
        data = dict(current.data) if current else {}
        deleted = current.deleted if current else False
        if kind == "set":
            data[name] = text
        elif kind == "remove":
            data.pop(name, None)
        else:
            deleted = kind == "delete"
        record = me.write(record_id, data, deleted)
        # Every field the write set (a new record speaks for all of them, if only to
        # leave them out) is an edit of that field.
        for slot in (*FIELDS, DELETED):
            if record.version_of(slot) != record.version:
                continue
            earlier = [
                e.record.version for e in edits if (e.record_id, e.name) == (record_id, slot)
            ]
            seen = current.version_of(slot) if current else None
            saw_newest = not earlier or (seen is not None and seen >= max(earlier))
            value = deleted if slot == DELETED else data.get(slot)
            edits.append(Edit(me.name, record_id, slot, value, saw_newest, record))
    return History(devices, edits)


def plain(state: dict[str, Record]) -> dict[str, tuple[str, str, bool, dict[str, Any]]]:
    return snapshot(state)


@SETTINGS
@given(histories())
def test_merge_equals_the_field_by_field_oracle(history: History) -> None:
    files = history.files()
    merged = merge(*files)
    assert plain(merged) == field_oracle(r for f in files for r in f)


@SETTINGS
@given(histories(), st.data())
def test_merge_is_commutative_associative_and_idempotent(
    history: History, data: st.DataObject
) -> None:
    files = history.files()
    everything = plain(merge(*files))
    # Whole records, not just the values: what was overridden is the same in any order too.
    assert merge(*data.draw(st.permutations(files))) == merge(*files)
    assert plain(merge(*data.draw(st.permutations(files)))) == everything
    flat = [r for f in files for r in f]
    assert plain(merge(data.draw(st.permutations(flat)))) == everything
    # Any grouping: the devices' merged states merged again give the same.
    partials = [list(merge(*files[:i], *files[i + 1 :]).values()) for i in range(len(files))]
    assert plain(merge(*partials)) == everything
    merged = merge(*files)
    assert plain(merge(merged.values(), *files, merged.values())) == everything
    state = dict(merged)
    assert merge_into(state, flat) == [] and state == merged


@SETTINGS
@given(histories())
def test_every_device_converges_after_a_full_exchange(history: History) -> None:
    for _ in range(2):
        for device in history.devices:
            for peer in history.devices:
                if peer is not device:
                    device.sync_from(peer)
    states = [plain(d.state) for d in history.devices]
    assert all(s == states[0] for s in states)
    listed = [[(r.id, name, lost) for r, name, lost in overrides(d.state)] for d in history.devices]
    assert all(found == listed[0] for found in listed)
    assert states[0] == field_oracle(r for f in history.files() for r in f)


@SETTINGS
@given(histories())
def test_an_edit_made_after_seeing_the_newest_version_wins_whatever_the_clocks(
    history: History,
) -> None:
    merged = merge(*history.files())
    last: dict[tuple[str, str], Edit] = {}
    for edit in history.edits:
        last[(edit.record_id, edit.name)] = edit
    for (record_id, name), edit in last.items():
        if not edit.saw_newest:
            continue
        record = merged[record_id]
        shown = record.deleted if name == DELETED else record.data.get(name)
        assert shown == edit.value, (record_id, name, edit)


def two_devices() -> tuple[Device, Device]:
    alex, sam = Device("alex0000", 1_764_000_000_000), Device("sam00000", 1_764_000_000_000)
    alex.write("habit:walk", {"title": "Walk", "description": ""}, False)
    sam.sync_from(alex)
    return alex, sam


def test_offline_edits_of_different_fields_both_survive() -> None:
    alex, sam = two_devices()
    alex.wall += 10
    alex.write("habit:walk", {"title": "Walk", "description": "After dinner, no phones"}, False)
    sam.wall += 20
    sam.write("habit:walk", {"title": "Evening walk", "description": ""}, False)
    for one, other in ((alex, sam), (sam, alex)):
        one.sync_from(other)
        assert dict(one.state["habit:walk"].data) == {
            "title": "Evening walk",
            "description": "After dinner, no phones",
        }
    # Nothing was overridden: different fields.
    assert overrides(alex.state) == []


def test_offline_edits_of_one_field_keep_the_later_and_list_the_other() -> None:
    alex, sam = two_devices()
    alex.wall += 10
    alex.write("habit:walk", {"title": "Walk together", "description": ""}, False)
    sam.wall += 20
    sam.write("habit:walk", {"title": "Evening walk", "description": ""}, False)
    alex.sync_from(sam)
    sam.sync_from(alex)
    for device in (alex, sam):
        assert device.state["habit:walk"].data["title"] == "Evening walk"
        [(record, name, lost)] = overrides(device.state)
        assert (record.id, name, lost.value, lost.version[1]) == (
            "habit:walk",
            "title",
            "Walk together",
            "alex0000",
        )
    # Taking the other one is one more edit; the listing goes away on both sides.
    alex.wall += 100
    alex.write("habit:walk", {"title": "Walk together", "description": ""}, False)
    sam.sync_from(alex)
    assert sam.state["habit:walk"].data["title"] == "Walk together"
    assert overrides(sam.state) == [] and overrides(alex.state) == []


def test_a_later_edit_that_saw_the_other_is_not_an_override() -> None:
    alex, sam = two_devices()
    alex.write("habit:walk", {"title": "Walk together", "description": ""}, False)
    sam.sync_from(alex)
    sam.wall += 50
    sam.write("habit:walk", {"title": "Evening walk", "description": ""}, False)
    alex.sync_from(sam)
    assert alex.state["habit:walk"].data["title"] == "Evening walk"
    assert overrides(alex.state) == []


def test_letting_an_override_go_settles_it_on_both_sides() -> None:
    alex, sam = two_devices()
    alex.write("habit:walk", {"title": "Walk together", "description": ""}, False)
    sam.wall += 20
    sam.write("habit:walk", {"title": "Evening walk", "description": ""}, False)
    alex.sync_from(sam)
    current = alex.state["habit:walk"]
    settled = next_version(
        current,
        current.id,
        current.kind,
        alex.clock.after(current.stamp),
        "alex0000",
        current.data,
        settle=["title"],
    )
    alex.file[current.id] = settled
    merge_into(alex.state, [settled])
    sam.sync_from(alex)
    assert overrides(alex.state) == [] and overrides(sam.state) == []
    assert sam.state["habit:walk"].data["title"] == "Evening walk"


def test_delete_and_a_concurrent_rename_both_count() -> None:
    alex, sam = two_devices()
    alex.write("habit:walk", {"title": "Walk", "description": ""}, True)
    sam.wall += 5
    sam.write("habit:walk", {"title": "Walk, Sam's way", "description": ""}, False)
    alex.sync_from(sam)
    walk = alex.state["habit:walk"]
    assert walk.deleted and walk.data["title"] == "Walk, Sam's way"
    # Restoring it brings back Sam's rename.
    alex.write("habit:walk", dict(walk.data), False)
    sam.sync_from(alex)
    assert not sam.state["habit:walk"].deleted
    assert sam.state["habit:walk"].data["title"] == "Walk, Sam's way"


def test_files_written_before_field_versions_still_merge_whole() -> None:
    old = Record("habit:1", "habit", "001764000000000.000000", "a", False, {"title": "Old"})
    newer = Record("habit:1", "habit", "001764000000001.000000", "b", False, {"title": "New"})
    assert merge([old], [newer])["habit:1"] is newer
    assert Record.from_doc(newer.to_doc()) == newer
    assert "older" not in newer.to_doc()  # unchanged on disk for plain versions


def test_undo_takes_back_only_what_the_change_set(tmp_path: Path) -> None:
    """Alex renames, Sam then edits the description; Alex's undo restores the old title
    and leaves Sam's description alone."""
    alex = Store(tmp_path, "alex0000", {"partner": "a"})
    alex.load()
    alex.ensure_replica()
    couple = Couple(alex, "a")
    couple.put_record("habit", "habit:1", {"title": "Walk", "description": ""}, "Added")
    rename = couple.put_record(
        "habit", "habit:1", {"title": "Evening walk", "description": ""}, "Renamed"
    )
    sam = Store(tmp_path, "sam00000", {"partner": "b"})
    sam.load()
    sam.ensure_replica()
    sam.put("habit", "habit:1", {"title": "Evening walk", "description": "no phones"})
    alex.refresh()
    couple.undo(rename)
    assert dict(alex.get("habit:1").data) == {"title": "Walk", "description": "no phones"}  # type: ignore[union-attr]
    # Undo of a delete brings it back, with whatever was done meanwhile.
    gone = couple.delete_record("habit:1", "Deleted")
    assert gone is not None and alex.get("habit:1") is None
    couple.undo(gone)
    assert dict(alex.get("habit:1").data) == {"title": "Walk", "description": "no phones"}  # type: ignore[union-attr]
