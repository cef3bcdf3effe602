"""Undo writes a new version: it syncs like any edit, and calendars see it as one."""

from __future__ import annotations

from pathlib import Path

from tracker.store.couple import Couple
from tracker.store.store import Store


def test_undo_of_an_edit_raises_the_revision_instead_of_lowering_it(tmp_path: Path) -> None:
    store = Store(tmp_path / "data", "replica0001", {"partner": "a"})
    store.load()
    couple = Couple(store, "a")
    couple.put_record("date", "date:1", {"title": "Picnic", "revision": 0}, "Planned")
    change = couple.put_record(
        "date", "date:1", {"title": "Picnic by the lake", "revision": 1}, "Edited"
    )
    couple.undo(change)
    restored = couple.record("date:1")
    assert restored is not None
    assert restored.data["title"] == "Picnic"  # the old content is back...
    assert restored.data["revision"] == 2  # ...as a newer revision, so SEQUENCE rises


def test_undo_of_something_new_deletes_it_and_a_fresh_reader_agrees(tmp_path: Path) -> None:
    store = Store(tmp_path / "data", "replica0001", {"partner": "a"})
    store.load()
    couple = Couple(store, "a")
    change = couple.put_record("appreciation", "appreciation:1", {"text": "the tea"}, "Noted")
    couple.undo(change)
    assert couple.record("appreciation:1") is None
    reader = Store(tmp_path / "data", "reader")
    reader.load()
    assert reader.get("appreciation:1") is None
    assert reader.state["appreciation:1"].deleted
