"""An export brought into a new folder shows the same app: every screen the couple's data
fills reads line for line as it did in the folder it came from."""

from __future__ import annotations

from collections.abc import Callable

from tests.conftest import Couples
from tests.ui.screen_text import screen_lines
from tracker.export.json_export import export_document, read_document
from tracker.export.json_import import import_records
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp

OpenApp = Callable[[Couple | None], RekindleApp]

# Sync and Settings name the devices and folders, which a new folder has of its own.
SCREENS = ("1", "2", "3", "4", "5", "6")


async def every_screen(open_app: OpenApp, couple: Couple) -> dict[str, list[str]]:
    app = open_app(couple)
    seen: dict[str, list[str]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        for key in SCREENS:
            await pilot.press(key)
            await pilot.pause()
            seen[key] = screen_lines(app)
    return seen


async def test_an_export_imported_into_a_new_folder_shows_the_same_screens(
    lived_in: Couple, couples: Couples, open_app: OpenApp
) -> None:
    before = await every_screen(open_app, lived_in)
    payload = export_document(lived_in.store.live())
    fresh = couples.create(config="fresh-config", data="fresh-data")
    with fresh.store.together():
        import_records(fresh, read_document(payload), merge=False)
    after = await every_screen(open_app, fresh)
    assert any("One specific thank-you" in line for line in after["1"])  # not an empty app
    for key in SCREENS:
        assert after[key] == before[key], f"screen {key}"
