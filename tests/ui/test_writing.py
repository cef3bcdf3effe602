"""The one way the UI writes: all of an action or none of it, one undo step, and a
refusal said in words rather than a crash."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.tools import cannot
from tracker.store import files, replica
from tracker.store.couple import Couple
from tracker.store.replica import replica_dir, replica_lock
from tracker.ui.app import RekindleApp
from tracker.ui.screens.habits.screen import HabitsScreen
from tracker.ui.screens.settings import SettingsScreen

OpenApp = Callable[[Couple | None], RekindleApp]


def _freeze(folder: Path) -> Callable[[], None]:
    """Make the folder refuse new files for real, root included; return how to undo that.

    Root ignores permission bits, so there it is the immutable flag (ext4 and most
    Linux file systems), which refuses even root."""
    if os.geteuid() != 0:
        folder.chmod(0o500)
        return lambda: folder.chmod(0o700)
    chattr = shutil.which("chattr")
    if chattr and subprocess.run([chattr, "+i", str(folder)]).returncode == 0:
        return lambda: subprocess.run([chattr, "-i", str(folder)], check=True)
    cannot("cannot make a folder read-only for root here (chattr +i)")


@contextmanager
def read_only_after(
    folder: Path, file_writes: int, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """The folder turns read-only once `file_writes` files have been rewritten in it, as a
    disk remounted read-only or a permissions change halfway through a save would."""
    real_replace = os.replace
    thaw: list[Callable[[], None]] = []

    def replace(source: str | Path, target: str | Path) -> None:
        real_replace(source, target)
        if len(thaw) == 0 and Path(target).parent == folder:
            nonlocal file_writes
            file_writes -= 1
            if file_writes == 0:
                thaw.append(_freeze(folder))

    monkeypatch.setattr(files.os, "replace", replace)
    if file_writes == 0:
        thaw.append(_freeze(folder))
    try:
        yield
    finally:
        for undo in thaw:
            undo()
        monkeypatch.setattr(files.os, "replace", real_replace)


def orders_on_disk(couple: Couple) -> dict[str, int]:
    """The habits' order as a fresh start would read it from the files."""
    again = Couple(type(couple.store)(couple.store.data_dir, couple.store.replica_id), couple.me)
    again.store.load(use_cache=False)
    return {h.id: h.order for h in again.habits(include_archived=True)}


def spread_out(couple: Couple) -> list[str]:
    """Orders with gaps (as after deletes), so one move renumbers every habit."""
    habits = couple.habits(include_archived=True)
    for habit in habits:
        couple.save_habit(habit.with_changes(order=habit.order * 10 + 5))
    return [h.id for h in habits]


def own_folder(couple: Couple) -> Path:
    return replica_dir(couple.store.data_dir, couple.store.replica_id)


def said(app: RekindleApp) -> list[str]:
    return [n.message for n in app._notifications]


@pytest.mark.parametrize("files_written_first", [0, 1], ids=["from-the-start", "halfway"])
async def test_a_reorder_the_folder_refuses_is_saved_whole_or_not_at_all(
    couple: Couple, open_app: OpenApp, monkeypatch: pytest.MonkeyPatch, files_written_first: int
) -> None:
    ids = spread_out(couple)
    before = orders_on_disk(couple)
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        assert isinstance(app.screen, HabitsScreen)
        with read_only_after(own_folder(couple), files_written_first, monkeypatch):
            await pilot.press("shift+down")
            await pilot.pause()
        on_disk = orders_on_disk(couple)
        moved = [i for i in ids if on_disk[i] != before[i]]
        # Every habit gets a new place in the one move, or none does.
        assert moved in ([], ids), (before, on_disk)
        shown = {h.id: h.order for h in couple.habits(include_archived=True)}
        assert shown == on_disk  # what the app shows is what is in the files
        if not moved:
            assert any(m.startswith("Not saved:") for m in said(app)), said(app)
        await pilot.press("u")  # one undo takes the whole move back; or there is none
        await pilot.pause()
        assert orders_on_disk(couple) == before


async def test_an_undo_the_folder_refuses_says_why_and_can_be_tried_again(
    couple: Couple, open_app: OpenApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    spread_out(couple)
    before = orders_on_disk(couple)
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "shift+down")
        await pilot.pause()
        moved = orders_on_disk(couple)
        with read_only_after(own_folder(couple), 0, monkeypatch):
            await pilot.press("u")
            await pilot.pause()
        assert orders_on_disk(couple) == moved  # nothing half-undone
        assert any(m.startswith("Not saved:") for m in said(app)), said(app)
        await pilot.press("u")  # the step was kept: once the folder lets us, the whole move goes
        await pilot.pause()
        assert orders_on_disk(couple) == before


async def test_settings_saved_into_a_read_only_folder_say_why_and_keep_running(
    couple: Couple, open_app: OpenApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("0")
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#my-name", Input).value = "Alexandra"
        app.screen.query_one("#partner-name", Input).value = "Samir"
        with read_only_after(own_folder(couple), 0, monkeypatch):
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)  # still running, still there
        assert any(m.startswith("Not saved:") for m in said(app)), said(app)
        assert "Saved." not in said(app)
        assert (couple.person("a").name, couple.person("b").name) == ("Alex", "Sam")
        assert app.history == []  # nothing to undo: nothing was saved


async def test_a_tick_while_another_rekindle_holds_the_lock_says_so(
    couple: Couple, open_app: OpenApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(replica, "LOCK_WAIT_S", 0.2)
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        with replica_lock(own_folder(couple)):  # a `rekindle tick` from a script, say
            await pilot.press("space")
            await pilot.pause()
        assert any("busy saving" in m for m in said(app)), said(app)
        assert app.history == []
        await pilot.press("space")  # once it lets go, the tick goes through
        await pilot.pause()
        assert len(app.history) == 1
