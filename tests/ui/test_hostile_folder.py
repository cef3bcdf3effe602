"""The app with a hostile or locked-down folder: it keeps running and says what is wrong."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from tests.store.store_helpers import shard_bytes
from tracker.store.couple import Couple
from tracker.store.records import Record, format_stamp
from tracker.ui.app import RekindleApp

OpenApp = Callable[[Couple | None], RekindleApp]
SAM = "samslaptop1"


def sams_folder(couple: Couple) -> Path:
    folder = couple.store.data_dir / "replicas" / SAM / "log"
    folder.mkdir(parents=True)
    far = Record("habit:far", "habit", format_stamp(999_999_999_999_999, 0), SAM, True, {})
    meta = {"partner": "b", "device": "sams-pc"}
    (folder.parent / "core.json").write_bytes(shard_bytes([far], meta, SAM))
    return folder


async def test_a_deep_file_and_a_stamp_in_year_33658_load_and_show(
    couple: Couple, open_app: OpenApp
) -> None:
    deep = sams_folder(couple) / "2026-10.json"
    deep.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    couple.store.load(months={"2026-11"})  # the rest loads in the worker, after the frame
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        for _ in range(100):  # the worker's result reaches the app by a message: on a busy
            if couple.store.complete:  # machine, a few frames after the worker ends
                break
            await pilot.pause(0.05)
        assert couple.store.complete
        await pilot.press("9")
        table = app.screen.query_one("#replicas", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert any("far in the future" in row for row in rows), rows
        text = str(app.screen.query_one("#findings", Static).content)
        assert "2026-10.json" in text and "nested far deeper" in text
    assert deep.read_bytes() == b"[" * 100_000 + b"]" * 100_000


async def test_a_folder_that_locks_us_out_is_said_once(
    couple: Couple, open_app: OpenApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    where = str(couple.store.data_dir / "replicas")

    def refuse() -> list[Record]:
        raise PermissionError(errno.EACCES, "Permission denied", where)

    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        monkeypatch.setattr(couple.store, "refresh", refuse)
        app.check_for_changes()
        app.check_for_changes()  # the poll again: no second notice
        await pilot.pause()
        shown = [n.message for n in app._notifications if "permission denied" in n.message]
        assert len(shown) == 1 and where in shown[0] and "chmod" in shown[0]


async def test_a_tick_the_folder_refuses_says_not_saved(
    couple: Couple, open_app: OpenApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tracker.store.replica as replica

    def refuse(folder: Path) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(folder))

    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        monkeypatch.setattr(replica, "make_private_dir", refuse)
        await pilot.press("space")
        await pilot.pause()
        shown = [n.message for n in app._notifications]
        assert any(m.startswith("Not saved: This user may not read or change") for m in shown)
        assert not any("Not saved: Not saved" in m for m in shown)
