"""The sync screen: who writes to the folder, and what needs a hand."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from tracker.cli.serve.identity import browser_config
from tracker.store.couple import Couple
from tracker.store.identity import LocalConfig, load_config
from tracker.store.store import Store
from tracker.ui.app import RekindleApp
from tracker.ui.screens.sync import SyncScreen

OpenApp = Callable[[Couple | None], RekindleApp]


def findings(app: RekindleApp) -> str:
    return str(app.screen.query_one("#findings", Static).content)


async def test_sync_screen_lists_devices_and_asks_if_the_folder_is_shared(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("9")
        assert isinstance(app.screen, SyncScreen)
        table = app.screen.query_one("#replicas", DataTable)
        assert table.row_count == 1
        assert str(table.get_row_at(0)[0]) == "Alex"
        assert "Nothing from Sam has arrived yet. Is the folder shared?" in findings(app)

        # Sam's device appears in the folder; a bad file arrives beside it.
        sam = Store(couple.store.data_dir, "samslaptop1", {"partner": "b", "device": "sams-pc"})
        sam.load()
        sam.ensure_replica()
        sam.put("person", "person:b", couple.person("b").to_data())
        broken = couple.store.data_dir / "replicas" / "samslaptop1" / "log" / "2026-10.json"
        broken.parent.mkdir(parents=True, exist_ok=True)
        broken.write_text(json.dumps({"records": {"1": {"id": "x"}}})[:20])
        await pilot.press("r")
        await pilot.pause()
        assert table.row_count == 2
        assert "sams-pc" in [str(table.get_row_at(i)[1]) for i in range(2)]
        text = findings(app)
        assert "Is the folder shared?" not in text
        assert "2026-10.json" in text and "does not parse" in text
        assert broken.read_text() == json.dumps({"records": {"1": {"id": "x"}}})[:20]


async def test_copied_config_shows_as_two_devices_on_one_replica(
    couple: Couple, open_app: OpenApp
) -> None:
    core = couple.store.data_dir / "replicas" / couple.store.replica_id / "core.json"
    content = json.loads(core.read_text())
    content["meta"]["1"]["machine"] = "another-machine"
    content["meta"]["1"]["device"] = "old-laptop"
    core.write_text(json.dumps(content))
    couple.store.load()
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("9")
        text = findings(app)
        assert "Two devices are writing as this same replica" in text
        assert "old-laptop" in text and "rekindle join" in text


async def test_an_overridden_rename_is_listed_and_the_other_one_can_be_taken(
    couple: Couple, open_app: OpenApp
) -> None:
    habit = couple.habits()[0]
    sam = Store(couple.store.data_dir, "samslaptop1", {"partner": "b", "device": "sams-pc"})
    sam.load()
    sam.ensure_replica()
    sam.put("person", "person:b", couple.person("b").to_data())
    # Apart: Alex renames on this device, Sam renames the same habit on theirs, later.
    couple.save_habit(habit.with_changes(title="Walk together"))
    seen_by_sam = dict(sam.get(habit.id).data)  # type: ignore[union-attr]
    sam.put("habit", habit.id, {**seen_by_sam, "title": "Evening walk"})
    couple.store.refresh()
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("9")
        text = findings(app)
        assert "Sam's “Evening walk” was kept; Alex's was “Walk together”" in text
        table = app.screen.query_one("#overrides", DataTable)
        assert table.row_count == 1
        assert "Alex: Walk together" in str(table.get_row_at(0)[2])
        await pilot.press("o")
        await pilot.pause()
        assert couple.habit(habit.id).title == "Walk together"  # type: ignore[union-attr]
        assert app.screen.query_one("#overrides", DataTable).row_count == 0
        assert "was kept" not in findings(app)
        # One more change like any other: u undoes it.
        await pilot.press("u")
        await pilot.pause()
        assert couple.habit(habit.id).title == "Evening walk"  # type: ignore[union-attr]


async def test_a_browser_served_by_rekindle_serve_is_a_device_of_its_own(
    couple: Couple, open_app: OpenApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REKINDLE_CONFIG", str(tmp_path / "alex-config"))
    host = LocalConfig(couple.store.data_dir, couple.store.replica_id, "a", "alex-laptop")
    sams = load_config(browser_config(host, "b", "Sam", couple.store.data_dir))
    assert sams is not None
    Couple.open(sams, data_dir=couple.store.data_dir).store.ensure_replica()
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("9", "r")  # r: look at the folder again
        await pilot.pause()
        assert isinstance(app.screen, SyncScreen)
        table = app.screen.query_one("#replicas", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert ["Sam", "Sam (browser on alex-la…"] in [row[:2] for row in rows]
