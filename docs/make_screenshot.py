"""Save the README's picture from the real app: python docs/make_screenshot.py

Writes the demo's made-up couple up to a fixed evening (so the picture only changes when
the app does), opens it as Alex and saves Textual's own SVG screenshot of the Today screen.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
EVENING = datetime(2026, 11, 25, 20, 30, tzinfo=UTC)
sys.path.insert(0, str(HERE.parent))


async def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["REKINDLE_CONFIG"] = str(Path(scratch) / "config")
        from tracker.cli.demo_cmds import DEMO_SEED, DEMO_YEARS
        from tracker.store.sample import write_sample
        from tracker.store.setup import join_couple
        from tracker.ui.app import make_app

        folder = Path(scratch) / "couple"
        write_sample(folder, DEMO_YEARS, DEMO_SEED, EVENING.date(), EVENING)
        couple = join_couple(folder, "a")
        app = make_app(couple, clock=lambda: EVENING, poll=False)
        async with app.run_test(size=(110, 30)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            app.save_screenshot(filename="today.svg", path=str(HERE))


if __name__ == "__main__":
    asyncio.run(main())
