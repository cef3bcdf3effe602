"""How the screens look, at 80×24 and 120×40. Update with --snapshot-update after a
deliberate change, and look at the report before committing the new pictures."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp

SIZES = [(80, 24), (120, 40)]
OpenApp = Callable[[Couple | None], RekindleApp]
Snap = Callable[..., bool]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_today(
    snap_compare: Snap, lived_in: Couple, open_app: OpenApp, size: tuple[int, int]
) -> None:
    assert snap_compare(open_app(lived_in), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_habits(
    snap_compare: Snap, lived_in: Couple, open_app: OpenApp, size: tuple[int, int]
) -> None:
    assert snap_compare(open_app(lived_in), press=["2"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_heatmap_detail(
    snap_compare: Snap, lived_in: Couple, open_app: OpenApp, size: tuple[int, int]
) -> None:
    async def open_thanks(pilot: Pilot[None]) -> None:
        await pilot.press("2")
        screen = pilot.app.screen
        row = [h.title for h in screen.shown].index("One specific thank-you")  # type: ignore[attr-defined]
        screen.query_one("#habit-list").move_cursor(row=row)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(open_app(lived_in), run_before=open_thanks, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help(snap_compare: Snap, couple: Couple, open_app: OpenApp, size: tuple[int, int]) -> None:
    assert snap_compare(open_app(couple), press=["question_mark"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_onboarding(
    snap_compare: Snap, open_app: OpenApp, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    # A folder that does not exist: the "new couple" form, the same on every machine.
    monkeypatch.setenv("REKINDLE_DATA", "/nonexistent/Rekindle")
    assert snap_compare(open_app(None), terminal_size=size)
