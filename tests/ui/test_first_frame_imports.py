"""The first frame waits for nothing it does not draw: the calendar feed (and with it
icalendar, about a tenth of a second to import) comes once the history is in."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import Couples
from tests.rekindle_cli import command_env

FIRST_FRAME = """
import sys
from datetime import UTC, datetime

from tracker.store.couple import Couple, recent_months
from tracker.store.identity import load_config
from tracker.ui.app import make_app
from tracker.ui.screens.habits.today import TodayScreen

seen = []
mount = TodayScreen.on_mount

def on_mount(screen):
    # Right after the first paint, before any later work (as benchmarks/first_frame.py).
    screen.call_after_refresh(lambda: seen or seen.extend(sorted(sys.modules)))
    mount(screen)

TodayScreen.on_mount = on_mount

async def auto(pilot):
    while not seen:
        await pilot.pause(0.01)
    pilot.app.exit()

couple = Couple.open(load_config(), months=recent_months(datetime.now(UTC).date()))
make_app(couple, poll=False).run(headless=True, size=(80, 24), auto_pilot=auto)
print("\\n".join(seen), file=sys.stderr)
"""


def test_the_first_frame_does_not_import_the_calendar(couples: Couples) -> None:
    couples.create(config="config", starters=["phone-free-dinner"]).store.close()
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME],
        env=command_env(couples.tmp_path / "config"),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    modules = set(done.stderr.splitlines())
    assert "tracker.ui.screens.habits.today" in modules  # Today was drawn
    assert not {m for m in modules if m.split(".")[0] == "icalendar"}
    assert "tracker.export.feed" not in modules
