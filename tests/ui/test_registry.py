"""The screen registry is the one list of screens: each entry opens, has its key, and is
found in the row of screens, the command palette and the help page."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

import pytest
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from tests.ui.test_onboarding_and_help import plain
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.registry import SCREENS, ScreenEntry
from tracker.ui.screens.help import HelpScreen, screen_sections
from tracker.ui.widgets.nav import NavBar

OpenApp = Callable[[Couple | None], RekindleApp]


def test_keys_and_modes_are_each_used_once() -> None:
    assert len({entry.key for entry in SCREENS}) == len(SCREENS)
    assert len({entry.mode for entry in SCREENS}) == len(SCREENS)
    app_keys = [b.key for b in RekindleApp.BINDINGS if isinstance(b, Binding)]
    assert len(set(app_keys)) == len(app_keys)


@pytest.mark.parametrize("entry", SCREENS, ids=lambda e: e.mode)
def test_entry_imports_and_is_bound_to_its_key(entry: ScreenEntry) -> None:
    assert issubclass(entry.load(), Screen)
    bound = {b.id: b for b in RekindleApp.BINDINGS if isinstance(b, Binding)}
    binding = bound[f"screen.{entry.mode}"]
    assert (binding.key, binding.action) == (entry.key, f"show('{entry.mode}')")
    assert entry.mode in RekindleApp.MODES
    line = NavBar.line("").plain
    assert f" {entry.key} {entry.title} " in line
    titles = [title for title, _ in screen_sections()]
    assert entry.title in titles


def test_start_up_imports_no_screen_but_through_the_registry() -> None:
    """Screens load on first visit: importing the app loads none of them (Today included)."""
    modules = [entry.where.partition(":")[0] for entry in SCREENS]
    script = f"import sys, tracker.ui.app\nprint([m for m in {modules!r} if m in sys.modules])"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


async def test_palette_and_help_name_every_screen(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 60)) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert all(entry.title in titles for entry in SCREENS)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = "\n".join(plain(s.content) for s in app.screen.query(Static))
        for entry in SCREENS:
            _, heading, after = shown.partition(f"\n{entry.title}\n")
            assert heading, f"help has no section for {entry.title}"
            section = after.split("\n\n")[0]  # a blank line comes before the next heading
            own = [b.description for b in entry.load().BINDINGS if isinstance(b, Binding)]
            assert any(description in section for description in own), entry.title
