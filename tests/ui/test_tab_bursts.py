"""Switching tabs in a burst of keys: the tab key acts as it is read and puts the cursor
in the new tab's list at once, so keys typed straight after it act there, not on the
list just left (issue 22: Talks, Dates and Goals)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets import DataTable, OptionList, TabbedContent

from tests.ui.test_key_bursts import DELIVERIES, deliver
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp

OpenApp = Callable[[Couple | None], RekindleApp]


def cursor(app: RekindleApp, selector: str) -> int | None:
    widget = app.screen.query_one(selector)
    if isinstance(widget, DataTable):
        return widget.cursor_row
    assert isinstance(widget, OptionList)
    return widget.highlighted


@pytest.mark.parametrize("how", DELIVERIES)
@pytest.mark.parametrize(
    ("screen", "keys", "tab", "table"),
    [
        ("3", ["right_square_bracket"] * 2, "prompts", "#prompt-list"),
        ("4", ["right", "right"], "jar", "#jar-table"),
        ("4", ["tab", "tab"], "jar", "#jar-table"),
        ("6", ["right_square_bracket"] * 2, "vision", "#vision-table"),
    ],
    ids=["talks", "dates-arrows", "dates-tab", "goals"],
)
async def test_keys_after_a_tab_switch_act_in_the_new_tab(
    couple: Couple,
    open_app: OpenApp,
    how: str,
    screen: str,
    keys: list[str],
    tab: str,
    table: str,
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(screen)
        await pilot.pause()
        before = cursor(app, table) or 0
        await deliver(pilot, [*keys, "down", "down"], how)
        assert app.screen.query_one(TabbedContent).active == tab
        focused = app.screen.focused
        assert focused is not None and f"#{focused.id}" == table
        assert cursor(app, table) == before + 2  # both downs moved this list, not the one left
