"""First run, the help page, and layouts at awkward sizes."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Button, Input, RadioButton, SelectionList, Static

from tests.rekindle_cli import use_config
from tests.ui.conftest import STARTED
from tracker.domain.content.starter import find_starter
from tracker.domain.models import Habit
from tracker.store.couple import Couple
from tracker.store.identity import load_config
from tracker.store.setup import create_couple
from tracker.ui.app import RekindleApp
from tracker.ui.screens.habits.today import TodayScreen
from tracker.ui.screens.help import HelpScreen, help_sections
from tracker.ui.screens.onboarding import DEFAULT_STARTERS, OnboardingScreen
from tracker.ui.widgets.habit_table import HabitTable

OpenApp = Callable[[Couple | None], RekindleApp]


def plain(renderable: object) -> str:
    """What a Rich renderable (a help table) reads as on a wide terminal."""
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


async def test_onboarding_creates_the_couple_then_opens_today(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_app: OpenApp
) -> None:
    monkeypatch.setenv("REKINDLE_DATA", str(tmp_path / "shared"))
    app = open_app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, OnboardingScreen)
        await pilot.press(*"Robin")
        app.screen.query_one("#partner-name", Input).value = "Kai"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert app.couple is not None
        assert {k: p.name for k, p in app.couple.people().items()} == {"a": "Robin", "b": "Kai"}
        config = load_config()
        assert config is not None and config.data_dir == tmp_path / "shared"
        assert config.partner == "a"
        assert len(app.couple.habits()) == len(DEFAULT_STARTERS)
        # Straight on to a first tick.
        await pilot.press("space")
        assert app.couple.store.generation > 0
        assert app.screen.query_one("#table-me", HabitTable).rows_shown[0].mark == "✓"


async def test_onboarding_skip_starts_with_the_suggested_habits_whatever_was_chosen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_app: OpenApp
) -> None:
    monkeypatch.setenv("REKINDLE_DATA", str(tmp_path / "shared"))
    app = open_app(None)
    async with app.run_test(size=(80, 24)) as pilot:
        skip = app.screen.query_one("#skip", Button)
        assert f"the {len(DEFAULT_STARTERS)} suggested habits" in str(skip.label)
        app.screen.query_one("#my-name", Input).value = "Robin"
        app.screen.query_one("#partner-name", Input).value = "Kai"
        app.screen.query_one("#starters", SelectionList).deselect_all()
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert app.couple is not None
        people = app.couple.people()
        assert (people["a"].name, people["b"].name) == ("Robin", "Kai")
        assert people["a"].tz == "Europe/London" and people["a"].day_start == 4
        wanted = {find_starter(key).title for key in DEFAULT_STARTERS}  # type: ignore[union-attr]
        assert {h.title for h in app.couple.habits()} == wanted


async def test_onboarding_on_a_shared_folder_joins_as_the_partner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_app: OpenApp
) -> None:
    folder = tmp_path / "shared"
    first = create_couple(folder, "Alex", "Sam", "Europe/London", 4, [], today=STARTED)
    first.store.close()
    use_config(monkeypatch, tmp_path / "sams-config")
    monkeypatch.setenv("REKINDLE_DATA", str(folder))
    app = open_app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#join-couple").display
        assert not app.screen.query_one("#skip").display  # joining: nothing to skip
        assert "Join" in str(app.screen.query_one("#start", Button).label)
        buttons = {b.name: b for b in app.screen.query(RadioButton)}
        assert app.focused is app.screen.query_one("#who")  # the one question asked
        await pilot.press("down", "space")  # from Alex to Sam, by keys
        assert buttons["b"].value and not buttons["a"].value
        # The pressed one has its dot; the other's box is empty, not just another colour.
        drawn = {key: str(b.render()) for key, b in buttons.items()}
        assert "●" in drawn["b"] and "●" not in drawn["a"], drawn
        app.screen.query_one("#tz", Input).value = "Australia/Sydney"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.couple is not None and app.couple.me == "b"
        assert app.couple.person("b").tz == "Australia/Sydney"
        assert app.couple.store.replica_id != first.store.replica_id


async def test_onboarding_explains_a_bad_time_zone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, open_app: OpenApp
) -> None:
    monkeypatch.setenv("REKINDLE_DATA", str(tmp_path / "shared"))
    app = open_app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"Robin", "tab", *"Kai")
        app.screen.query_one("#tz", Input).value = "Mars/Olympus"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OnboardingScreen)
        assert "Mars/Olympus" in str(app.screen.query_one("#error", Static).render())
        assert not (tmp_path / "shared" / "replicas").exists()


async def test_help_lists_every_binding(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(plain(s.content) for s in app.screen.query(Static))
        descriptions = {
            b.description
            for _, bindings in help_sections(RekindleApp.BINDINGS)
            for b in bindings
            if b.description
        }
        missing = [d for d in descriptions if d not in shown]
        assert not missing
        assert "Tick" in shown and "Undo" in shown and "Command palette" in shown
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)


@pytest.mark.parametrize("width", [40, 200])
async def test_awkward_titles_render_literally_at_any_width(
    couple: Couple, open_app: OpenApp, width: int
) -> None:
    nasty = "[bold]Hug[/bold] [link=https://example.org]x[/link] 👩‍❤️‍👨 \x1b[31m" + "long " * 40
    couple.save_habit(Habit(Couple.new_habit_id(), nasty, start=STARTED))
    app = open_app(couple)
    async with app.run_test(size=(width, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-phone" if width < 60 else "-narrow" if width < 96 else "-wide")
        table = screen.query_one("#table-me", HabitTable)
        row = next(r for r in table.rows_shown if r.habit.title.startswith("[bold]"))
        cell = table.get_cell(row.key, "title")
        assert cell.plain.startswith("[bold]Hug[/bold]")  # markup shown, not obeyed
        assert cell.plain.endswith("…")  # long titles are cut, not wrapped
        assert "\x1b" not in cell.plain
        assert cell.cell_len <= table.title_width()
        me, partner = (screen.query_one(f"#col-{w}").region for w in ("me", "partner"))
        if width < 96:
            assert partner.y > me.y  # stacked
        else:
            assert partner.x > me.x and partner.y == me.y  # side by side
        await pilot.press("space")
        assert couple.check(table.rows_shown[0].habit.id, "a", table.rows_shown[0].day)


async def test_light_and_dark_themes(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+t")
        assert app.theme == "textual-light"


async def test_palette_offers_every_action_of_the_screen(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for wanted in (
            "Tick",
            "Skip",
            "Note",
            "Day back",
            "Add habit",
            "Habits",
            "Talks",
            "Dates",
            "Check-in",
            "Goals",
            "Sync",
            "Settings",
            "Undo",
            "Help",
        ):
            assert wanted in titles, wanted
        tick = next(c for c in app.get_system_commands(app.screen) if c.title == "Tick")
        await tick.callback()  # type: ignore[misc]
        await pilot.pause()
        first = app.screen.query_one("#table-me", HabitTable).rows_shown[0]
        assert couple.check(first.habit.id, "a", first.day) is not None
