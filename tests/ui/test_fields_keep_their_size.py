"""No field in any dialog is squashed: at 80×24 and 120×40 every one-line input keeps a
line and ten columns to type in, and every text area three lines (issue 22: "Plan a
date"'s Notes squashed to nothing). A long form scrolls its body instead.

Every dialog class is opened (the openers of test_discard_question, which fail when a
new dialog is missing), and every dialog a screen's key opens, with lived-in data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, TextArea

from tests.ui.test_dialogs import Host
from tests.ui.test_discard_question import OPENERS
from tests.ui.test_footer_fit import door_keys
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.registry import SCREENS
from tracker.ui.screens.dialog_base import Dialog

OpenApp = Callable[[Couple | None], RekindleApp]
SIZES = [(80, 24), (120, 40)]
size_ids = pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
LEAST_WIDTH = 10
LEAST_LINES = {Input: 1, TextArea: 3}


def least_width(field: Input | TextArea) -> int:
    """Ten columns, or room for what a short field asks for ("HH:MM") and the cursor."""
    asks = field.placeholder if isinstance(field, Input) else ""
    return min(LEAST_WIDTH, len(asks) + 2) if asks else LEAST_WIDTH


async def squashed_fields(pilot: Pilot[Any]) -> list[str]:
    """Each field of the open dialog too small to type in, brought into view first."""
    dialog = pilot.app.screen
    found = []
    for field in [*dialog.query(Input), *dialog.query(TextArea)]:
        if not all(node.display for node in field.ancestors_with_self if isinstance(node, Widget)):
            continue  # on a part of the form not in use (a repeat's fields, once only)
        field.scroll_visible(animate=False)
        await pilot.pause()
        room = field.content_region
        lines = LEAST_LINES[TextArea if isinstance(field, TextArea) else Input]
        if room.height < lines or room.width < least_width(field):
            found.append(f"{type(dialog).__name__} #{field.id}: {room.width}×{room.height}")
    return found


@size_ids
@pytest.mark.parametrize("cls", list(OPENERS), ids=lambda cls: cls.__name__)
async def test_every_dialogs_fields_keep_room_to_type(
    cls: type[Dialog[object]], size: tuple[int, int]
) -> None:
    app = Host(OPENERS[cls]())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert await squashed_fields(pilot) == []


@size_ids
async def test_every_dialog_a_key_opens_keeps_room_to_type(
    lived_in: Couple, open_app: OpenApp, size: tuple[int, int]
) -> None:
    app = open_app(lived_in)
    squashed: list[str] = []
    opened: set[str] = set()
    async with app.run_test(size=size) as pilot:
        for entry in SCREENS:
            await pilot.press(entry.key)
            await pilot.pause()
            home = app.screen
            for key in door_keys(home):
                await pilot.press(key)
                await pilot.pause()
                if isinstance(app.screen, Dialog):
                    opened.add(type(app.screen).__name__)
                    squashed += await squashed_fields(pilot)
                while app.screen is not home and len(app.screen_stack) > 1:
                    await pilot.press("escape")
                    await pilot.pause()
                    if app.screen is not home and isinstance(app.screen, Dialog):
                        await pilot.press("y")  # "Discard your changes?" if a key typed in it
                        await pilot.pause()
                if app.screen is not home:
                    await pilot.press(entry.key)
                    await pilot.pause()
    assert {"DateForm", "SlotForm", "CheckinForm"} <= opened
    assert squashed == []
