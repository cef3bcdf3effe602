"""Child process for the start-up benchmark: open the app headless, report the first frame.

Usage: python benchmarks/first_frame.py SPAWNED_AT (--data DIR --replica ID | --minimal)
           [--wait-history]
Prints one JSON line: seconds from the parent's spawn to the first Today frame,
and, with --wait-history, the peak RSS once the whole history has loaded.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

spawned_at = float(sys.argv[1])


first_paint: list[float] = []


def painted() -> None:
    """Called once the screen has been drawn for the first time."""
    if not first_paint:
        first_paint.append(time.time() - spawned_at)


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, because ru_maxrss survives exec and
    would report the parent's peak when the parent was larger."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def minimal_app():  # type: ignore[no-untyped-def]
    """The same widgets as Today, no data, no store: the floor for a first frame."""
    from textual.app import App, ComposeResult
    from textual.containers import Horizontal, Vertical
    from textual.widgets import DataTable, Footer, Header, Label, Static

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("1 Today 2 Habits 3 Talks")
            yield Static("Together streak")
            yield Static("Wednesday")
            with Horizontal():
                for _ in range(2):
                    with Vertical():
                        yield Label("Someone")
                        yield DataTable()
            yield DataTable()
            yield Footer()

        def on_mount(self) -> None:
            for table in self.query(DataTable):
                table.add_columns("", "Habit", "Streak", "Str.")
                for row in range(8):
                    table.add_row("·", f"Habit {row}", "0d", "0%")
            self.call_after_refresh(painted)

    return Minimal()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("spawned_at")
    parser.add_argument("--data")
    parser.add_argument("--replica", default="alex-laptop")
    parser.add_argument("--minimal", action="store_true")
    parser.add_argument("--wait-history", action="store_true")
    args = parser.parse_args()
    result: dict[str, float] = {}

    if args.minimal:
        app = minimal_app()

        async def auto(pilot) -> None:  # type: ignore[no-untyped-def]
            while not first_paint:
                await pilot.pause(0.005)
            result["first_frame_s"] = first_paint[0]
            result["peak_rss_mb"] = peak_rss_mb()
            pilot.app.exit()
    else:
        from datetime import UTC, datetime

        from tracker.store.couple import Couple, recent_months
        from tracker.store.identity import LocalConfig
        from tracker.ui.app import make_app
        from tracker.ui.screens.habits.today import TodayScreen

        mount = TodayScreen.on_mount

        def on_mount(screen: TodayScreen) -> None:
            # Queued first, so it runs right after the first paint, before the work the
            # screen itself leaves for after the frame (the agenda).
            screen.call_after_refresh(painted)
            mount(screen)

        TodayScreen.on_mount = on_mount  # type: ignore[method-assign]
        # Built by hand: importing the sample generator would count its start-up cost.
        config = LocalConfig(Path(args.data), args.replica, "a", args.replica)
        couple = Couple.open(config, months=recent_months(datetime.now(UTC).date()))
        app = make_app(couple, poll=False)

        async def auto(pilot) -> None:  # type: ignore[no-untyped-def]
            while not first_paint:
                await pilot.pause(0.005)
            result["first_frame_s"] = first_paint[0]
            if args.wait_history:
                await pilot.app.workers.wait_for_complete()
                await pilot.pause()
                result["history_loaded_s"] = time.time() - spawned_at
            result["peak_rss_mb"] = peak_rss_mb()
            pilot.app.exit()

    app.run(headless=True, size=(120, 40), auto_pilot=auto)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
