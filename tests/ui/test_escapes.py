"""Issue 15: escapes in a partner's files are shown, never obeyed, on every screen.

The partner's name, a habit title, a device, a replica folder and a conflict copy all
hold an escape that would set the terminal's title and one that would clear it. Each
test looks at the bytes Textual writes and at the composed screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input

from tests.ui.conftest import TODAY
from tests.ui.hostile import (
    EVIL_NAME,
    EVIL_TITLE,
    OBEYED,
    acting,
    capture,
    make_hostile,
    screen_lines,
)
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.screens.habits.form import HabitForm
from tracker.ui.screens.settings import SettingsScreen
from tracker.ui.screens.sync import SyncScreen

OpenApp = Callable[[Couple | None], RekindleApp]
FAMILY = "👨\u200d👩\u200d👧"
SHOWN = "␛]0;pwned␇␛[2J␛[Hwiped"  # the escapes as pictures: seen, not obeyed


def assert_inert(app: RekindleApp, written: list[str]) -> str:
    """Nothing the terminal would obey was written or composed; returns the screen's text."""
    sent = "".join(written)
    assert not [escape for escape in OBEYED if escape in sent]
    lines = screen_lines(app)
    assert not set().union(*(acting(line) for line in lines))
    return "\n".join(lines)


async def test_every_screen_shows_the_escapes_without_obeying_them(
    couple: Couple, open_app: OpenApp
) -> None:
    make_hostile(couple, TODAY)
    app = open_app(couple)
    written = capture(app)
    async with app.run_test(headless=False, size=(120, 40), notifications=True) as pilot:
        seen: dict[str, str] = {}
        for key in "1234567890":
            written.clear()
            await pilot.press(key)
            await pilot.pause()
            seen[type(app.screen).__name__] = assert_inert(app, written)
    # The data really was drawn (as pictures) where it belongs.
    for screen in ("TodayScreen", "HabitsScreen", "SyncScreen"):
        assert SHOWN in seen[screen], screen


async def test_settings_shows_names_inertly_and_keeps_them_unless_edited(
    couple: Couple, open_app: OpenApp
) -> None:
    make_hostile(couple, TODAY)
    app = open_app(couple)
    written = capture(app)
    async with app.run_test(headless=False, size=(120, 40), notifications=True) as pilot:
        await pilot.press("0")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert f"Sam{SHOWN}" in assert_inert(app, written)  # drawn as pictures
        partner_box = app.screen.query_one("#partner-name", Input)
        assert partner_box.value == EVIL_NAME  # while the value is exactly theirs
        await pilot.press("ctrl+s")  # saved untouched: their name stays exactly theirs
        await pilot.pause()
        assert couple.person("b").name == EVIL_NAME
        app.screen.query_one("#my-name", Input).value = f"Alex {FAMILY}"
        partner_box.value = "Sam\x1b[31m"  # pasted: drawn inertly, cleaned when saved
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Sam␛[31m" in assert_inert(app, written)
    assert couple.person("a").name == f"Alex {FAMILY}"  # the family stays one emoji
    assert couple.person("b").name == "Sam[31m"


async def test_habit_form_shows_the_title_inertly_and_saves_it_unchanged(
    couple: Couple, open_app: OpenApp
) -> None:
    habit = make_hostile(couple, TODAY)
    app = open_app(couple)
    written = capture(app)
    async with app.run_test(headless=False, size=(120, 40), notifications=True) as pilot:
        await pilot.press("2")
        await pilot.pause()
        written.clear()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, HabitForm)
        assert app.screen.query_one("#title", Input).value == EVIL_TITLE
        assert f"Thanks{SHOWN}" in assert_inert(app, written)
        await pilot.press("ctrl+s")  # the toast quotes the title
        await pilot.pause()
        assert not isinstance(app.screen, HabitForm)
        assert f"Thanks{SHOWN}" in assert_inert(app, written)
        assert couple.habit(habit).title == EVIL_TITLE  # not rewritten by opening the form

        await pilot.press("e")
        await pilot.pause()
        title = app.screen.query_one("#title", Input)
        title.value = title.value.replace("wiped", "kept")  # edited: cleaned like any typing
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert couple.habit(habit).title == "Thanks]0;pwned[2J[Hkept"


async def test_sync_screen_shows_devices_folders_and_copies_inertly(
    couple: Couple, open_app: OpenApp
) -> None:
    make_hostile(couple, TODAY)
    app = open_app(couple)
    written = capture(app)
    async with app.run_test(headless=False, size=(160, 60), notifications=True) as pilot:
        written.clear()
        await pilot.press("9")
        await pilot.pause()
        assert isinstance(app.screen, SyncScreen)
        shown = assert_inert(app, written)
    assert "pc␛]0;" in shown  # the device, cut to its column
    # The conflict copy's file name and the replica's owner, in the findings.
    assert f"core (Sam{SHOWN}'s conflicted copy 2026-11-25).json" in shown


async def test_toasts_show_words_not_markup_or_escapes(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    written = capture(app)
    async with app.run_test(headless=False, size=(120, 40), notifications=True) as pilot:
        written.clear()
        app.notify(f"[b]Hi[/b] {EVIL_NAME}", title=EVIL_TITLE)
        app.screen.notify("\u202eevil")  # a screen's notify lands in the same place
        await pilot.pause()
        shown = assert_inert(app, written)
    assert "[b]Hi[/b] Sam␛" in shown
    assert "\ufffdevil" in shown


def test_every_input_box_is_a_text_input() -> None:
    """A plain Input would draw a partner's escape raw: none may creep back in."""
    screens = Path(__file__).resolve().parents[2] / "tracker" / "ui"
    raw = [
        f"{path.name}:{number}"
        for path in screens.rglob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"(?<![\w.])Input\(", line)
    ]
    assert raw == []
