"""Every screen of the registry at 80×24, on the demo couple at a fixed evening: a screen
added to the registry gets its picture here without touching this file (issue 22).

The demo is written afresh for each picture into a folder whose name is the same on
every run, because Settings and Sync show where the folder is; the clock, the seed and
the devices' names are fixed, so the same pictures come out every time. Update with
--snapshot-update after a deliberate change, and look at the report first."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.ui.conftest import NOW, TODAY
from tracker.store.couple import Couple
from tracker.store.sample import sample_config, write_sample
from tracker.ui.app import make_app
from tracker.ui.registry import SCREENS, ScreenEntry

Snap = Callable[..., bool]
SEED = 7
# Shown on screen (Settings, Sync), so it may not vary with the test's temporary folder.
FOLDERS = Path("/tmp/rekindle-screen-snapshots")


@pytest.fixture
def demo(request: pytest.FixtureRequest) -> Iterator[Couple]:
    entry: ScreenEntry = request.node.callspec.params["entry"]
    folder = FOLDERS / entry.mode / "Rekindle"
    shutil.rmtree(folder, ignore_errors=True)
    write_sample(folder, 0.5, SEED, TODAY, NOW)
    couple = Couple.open(sample_config(folder))
    yield couple
    couple.store.close()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("entry", SCREENS, ids=lambda entry: entry.mode)
def test_every_screen_at_80x24(snap_compare: Snap, demo: Couple, entry: ScreenEntry) -> None:
    app = make_app(demo, clock=lambda: NOW, poll=False)
    assert snap_compare(app, press=[entry.key], terminal_size=(80, 24))
