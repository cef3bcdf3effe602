"""Save the README's picture from the real app: python docs/make_screenshot.py

Opens a throwaway copy of sample_data/ as Alex on the evening the sample ends
and saves Textual's own SVG screenshot of the Today screen.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
from datetime import UTC, datetime, time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


async def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["REKINDLE_CONFIG"] = str(Path(scratch) / "config")
        from tracker.store.setup import join_couple
        from tracker.ui.app import make_app

        folder = Path(scratch) / "couple"
        shutil.copytree(HERE.parent / "sample_data", folder)
        couple = join_couple(folder, "a")
        last = max(r.data.get("day", "") for r in couple.store.live("check"))
        evening = datetime.combine(datetime.fromisoformat(last).date(), time(20, 30), UTC)
        app = make_app(couple, clock=lambda: evening, poll=False)
        async with app.run_test(size=(110, 30)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            app.save_screenshot(filename="today.svg", path=str(HERE))


if __name__ == "__main__":
    asyncio.run(main())
