"""At 80×24 every screen's footer holds its own keys and `?` and `q` without cutting any,
and every dialog a key opens shows its own keys (Save's among them) instead of the
footer of the screen behind it.

The tour is made from the registry and each screen's BINDINGS, so a new screen, key
or dialog is checked here without touching this file.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.registry import SCREENS
from tracker.ui.screens.dialog_base import Dialog

OpenApp = Callable[[Couple | None], RekindleApp]
# Keys that leave the app's screens altogether (onboarding again) or only move within one.
NOT_A_DOOR = {"settings.welcome", "dates.tab"}


def footer_keys(screen: Screen[object]) -> list[FooterKey]:
    """The keys the screen's own footer draws (a dialog's, not the one behind it)."""
    footers = [f for f in screen.query(Footer) if f.screen is screen]
    assert len(footers) == 1, f"{type(screen).__name__} has {len(footers)} footers"
    return list(footers[0].query(FooterKey))


def assert_fits(screen: Screen[object], width: int) -> list[str]:
    keys = footer_keys(screen)
    palette = [k for k in keys if k.has_class("-command-palette")]
    room = palette[0].region.x if palette else width
    name = type(screen).__name__
    for key in keys:
        if key not in palette:
            assert key.region.width > 0 and key.region.right <= room, (
                f"{name}: “{key.key_display} {key.description}” is cut off at {width} columns"
            )
    return [k.key_display for k in keys]


def typing(screen: Screen[object]) -> bool:
    """The cursor is in a text box (the daily question's answer): ? and q type there."""
    focused = screen.focused
    return focused is not None and focused.check_consume_key("q", "q")


def door_keys(screen: Screen[object]) -> list[str]:
    """Every key the screen binds that may open something, first key of each."""
    keys = []
    for binding in screen.BINDINGS:
        if isinstance(binding, Binding) and binding.id not in NOT_A_DOOR:
            keys.append(binding.key.split(",")[0])
    return keys


async def test_every_screen_and_dialog_shows_its_keys_at_80x24(
    lived_in: Couple, open_app: OpenApp
) -> None:
    app = open_app(lived_in)
    seen_dialogs: set[str] = set()
    async with app.run_test(size=(80, 24)) as pilot:
        for entry in SCREENS:
            await pilot.press(entry.key)
            await pilot.pause()
            home = app.screen
            shown = assert_fits(home, 80)
            if not app.screen.focused or not app.screen.focused.has_class("-textual-input"):
                assert "?" in shown and "q" in shown, f"{entry.title}: {shown}"
            for key in door_keys(home):
                await pilot.press(key)
                await pilot.pause()
                opened = app.screen
                if opened is not home:
                    shown = assert_fits(opened, 80)
                    if isinstance(opened, Dialog):
                        seen_dialogs.add(type(opened).__name__)
                        wanted = "^s" if opened.SAVES else "esc"
                        assert wanted in shown, f"{type(opened).__name__}: {shown}"
                    elif not typing(opened):  # a view of its own: the app's keys too
                        assert "?" in shown and "q" in shown, f"{type(opened).__name__}"
                while app.screen is not home and len(app.screen_stack) > 1:
                    await pilot.press("escape")
                    await pilot.pause()
                if app.screen is not home:
                    await pilot.press(entry.key)
                    await pilot.pause()
    # The tour reached the forms newcomers meet first (a sanity check on the tour itself).
    assert {"StarterPicker", "SlotForm", "DateForm", "TalkNowScreen"} <= seen_dialogs


async def test_every_tab_keeps_its_footer_whole_at_80x24(
    lived_in: Couple, open_app: OpenApp
) -> None:
    app = open_app(lived_in)
    async with app.run_test(size=(80, 24)) as pilot:
        for entry in SCREENS:
            await pilot.press(entry.key)
            await pilot.pause()
            screen = app.screen
            step = [
                b.key.split(",")[0]
                for b in screen.BINDINGS
                if isinstance(b, Binding) and b.action in ("tab(1)", "switch_tab(1)")
            ]
            for _ in range(6 if step else 0):  # every tab and back round to the first
                await pilot.press(step[0])
                await pilot.pause()
                shown = assert_fits(screen, 80)
                assert "?" in shown and "q" in shown, f"{entry.title}: {shown}"


async def test_a_on_the_goals_overview_adds_a_shared_goal(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        assert "a" in assert_fits(app.screen, 80)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, Dialog)


async def test_the_idea_jar_shows_p_and_surprise_leaves_the_idea_uncovered(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert "p" not in assert_fits(app.screen, 80)  # p plans from the jar only
        await pilot.press("s")
        await pilot.pause()
        assert "p" in assert_fits(app.screen, 80)
        assert not app._notifications  # nothing over the idea's description


async def test_the_palette_has_one_help_and_help_says_how_to_close(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Help" in titles and "Keys" not in titles
        await pilot.press("question_mark")
        await pilot.pause()
        assert "esc" in assert_fits(app.screen, 80)
