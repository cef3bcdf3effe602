"""Settings' Backups: a backup now, how to restore, and how many automatic ones to keep."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from textual.widgets import Button, Input, Static

from tests.ui.conftest import TODAY
from tracker.store.backup.automatic import read_state, state_file
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.screens.settings import SettingsScreen

OpenApp = Callable[[Couple | None], RekindleApp]


def said(app: RekindleApp) -> str:
    return str(app.screen.query_one("#backup-said", Static).content)


async def test_back_up_now_writes_a_checked_zip_and_says_where(
    couple: Couple, open_app: OpenApp, home: Path
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("0")
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#backup-now", Button).press()
        await app.workers.wait_for_complete()
        await pilot.pause()
        made = home / "backups" / f"rekindle-backup-{TODAY.isoformat()}.zip"
        assert f"checked, to {made}." in said(app)
        core = f"replicas/{couple.store.replica_id}/core.json"
        with zipfile.ZipFile(made) as archive:
            assert (
                archive.read(f"{made.stem}/{core}") == (couple.store.data_dir / core).read_bytes()
            )
        app.screen.query_one("#restore", Button).press()
        await pilot.pause()
        assert "close Rekindle and run: rekindle restore FILE" in said(app)


async def test_keep_n_is_saved_on_this_device_and_a_bad_number_is_said(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    store = couple.store
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("0")
        keep = app.screen.query_one("#backup-keep", Input)
        assert keep.value == "7"  # on unless turned off
        keep.value = "lots"
        await pilot.press("ctrl+s")
        error = str(app.screen.query_one("#settings-error", Static).content)
        assert "from 0 (none) to 365" in error
        assert read_state(store.data_dir, store.replica_id).keep == 7
        keep.value = "0"
        await pilot.press("ctrl+s")
        assert read_state(store.data_dir, store.replica_id).keep == 0
        assert str(app.screen.query_one("#settings-error", Static).content) == ""
    # This computer's alone: kept beside its other state, never in the shared folder.
    assert state_file(store.data_dir, store.replica_id).is_file()
    assert not state_file(store.data_dir, store.replica_id).is_relative_to(store.data_dir)


async def test_a_live_app_makes_the_days_backup_after_its_first_frame(
    couple: Couple, home: Path
) -> None:
    from tests.ui.conftest import NOW
    from tracker.ui.app import make_app

    app = make_app(couple, clock=lambda: NOW, poll=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
    made = list((home / "backups" / "automatic").iterdir())
    assert [p.name for p in made] == [f"rekindle-auto-backup-{TODAY.isoformat()}.zip"]
    again = make_app(couple, clock=lambda: NOW, poll=True)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await again.workers.wait_for_complete()
    assert len(list((home / "backups" / "automatic").iterdir())) == 1  # once a day
