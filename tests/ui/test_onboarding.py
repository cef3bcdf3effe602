"""The first-run screen as a newcomer meets it: empty names, a choice they can see
without colour, and Start and Skip on the first screen at 80×24 and 120×40."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static

from tracker.domain.content.starter import DEFAULT_STARTERS, STARTER_HABITS, find_starter
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.screens.habits.today import TodayScreen
from tracker.ui.screens.onboarding import OnboardingScreen, offered
from tracker.ui.widgets.checklist import CHOSEN_MARK, Checklist

OpenApp = Callable[[Couple | None], RekindleApp]
SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "shared"
    monkeypatch.setenv("REKINDLE_DATA", str(folder))
    return folder


def starter_list(pilot: Pilot[None]) -> Checklist:
    return pilot.app.screen.query_one("#starters", Checklist)


def marked_rows(starters: Checklist) -> dict[str, bool]:
    """Each visible row's prompt, and whether its drawn box holds the chosen mark."""
    rows = {}
    for y in range(starters.scrollable_content_region.height):
        drawn = starters.render_line(y).text
        box, _, prompt = drawn.partition(" ")
        if prompt.strip():
            rows[prompt.strip()] = CHOSEN_MARK in box
    return rows


def shown(pilot: Pilot[None], selector: str) -> str:
    return str(pilot.app.screen.query_one(selector, Static).render())


async def test_names_start_empty_and_say_what_to_type(shared: Path, open_app: OpenApp) -> None:
    app = open_app(None)
    async with app.run_test(size=(80, 24)):
        for selector in ("#my-name", "#partner-name"):
            box = app.screen.query_one(selector, Input)
            assert box.value == ""
            assert "first name" in str(box.placeholder)
        # The login name ("alex" in these tests) is no longer offered as if typed.
        assert "Alex" not in str(app.screen.query_one("#my-name", Input).placeholder)


@pytest.mark.parametrize(
    ("mine", "theirs", "said", "focused"),
    [
        ("", "", "Please type your name first.", "my-name"),
        ("  ", "Kai", "Please type your name first.", "my-name"),
        ("Robin", "", "Please type your partner's name first.", "partner-name"),
    ],
)
@pytest.mark.parametrize("key", ["ctrl+s", "ctrl+d"])
async def test_start_without_a_name_says_so_and_writes_nothing(
    shared: Path,
    home: Path,
    open_app: OpenApp,
    mine: str,
    theirs: str,
    said: str,
    focused: str,
    key: str,
) -> None:
    app = open_app(None)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#my-name", Input).value = mine
        app.screen.query_one("#partner-name", Input).value = theirs
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, OnboardingScreen)
        assert shown(pilot, "#error") == said
        assert app.screen.query_one("#error").region.height == 1  # seen, one line
        assert app.focused is not None and app.focused.id == focused
    assert not shared.exists()
    assert not list(home.rglob("config.toml"))


async def test_starters_chosen_by_keys_are_exactly_the_habits_made(
    shared: Path, open_app: OpenApp
) -> None:
    app = open_app(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Robin", "tab", *"Kai", "tab", "tab", "tab")
        starters = starter_list(pilot)
        assert app.focused is starters
        offered = [starters.get_option_at_index(i).value for i in range(starters.option_count)]
        suggested = len(DEFAULT_STARTERS)
        # The suggested ones come first, so none is chosen out of sight.
        assert set(offered[:suggested]) == set(DEFAULT_STARTERS) == set(starters.selected)
        # Untick the first suggestion; tick the two after the suggestions.
        await pilot.press("space", *["down"] * suggested, "space", "down", "space")
        expected = set(DEFAULT_STARTERS) - {offered[0]} | {
            offered[suggested],
            offered[suggested + 1],
        }
        assert set(starters.selected) == expected
        assert shown(pilot, "#starters-count") == f"{CHOSEN_MARK} 4 of {len(offered)} chosen"
        start = app.screen.query_one("#start", Button)
        assert str(start.label) == "Start with 4 habits"
        await pilot.press("tab")
        assert app.focused is start
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert app.couple is not None
        made = {h.title for h in app.couple.habits()}
    assert made == {find_starter(key).title for key in expected}  # type: ignore[union-attr]


async def test_chosen_starters_carry_a_mark_not_only_a_colour(
    shared: Path, open_app: OpenApp
) -> None:
    app = open_app(None)
    async with app.run_test(size=(120, 40)) as pilot:
        starters = starter_list(pilot)
        titles = {
            starters.get_option_at_index(i).value: str(starters.get_option_at_index(i).prompt)
            for i in range(starters.option_count)
        }

        def expected_marks() -> dict[str, bool]:
            rows = marked_rows(starters)
            return {title: title in {titles[k] for k in starters.selected} for title in rows}

        assert marked_rows(starters) == expected_marks()
        assert sum(marked_rows(starters).values()) == len(DEFAULT_STARTERS)
        starters.focus()
        await pilot.press("space", "down", "down", "down", "down", "space")
        await pilot.pause()
        assert marked_rows(starters) == expected_marks()
        assert sum(marked_rows(starters).values()) == len(DEFAULT_STARTERS)
        assert str(app.screen.query_one("#start", Button).label) == (
            f"Start with {len(DEFAULT_STARTERS)} habits"
        )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_start_and_skip_are_on_the_first_screen(
    shared: Path, open_app: OpenApp, size: tuple[int, int]
) -> None:
    width, height = size
    app = open_app(None)
    async with app.run_test(size=size) as pilot:
        await pilot.press("ctrl+s")  # an error line takes its room too
        await pilot.pause()
        screen = app.screen
        footer_top = height - 1
        for selector in ("#start", "#skip"):
            button = screen.query_one(selector, Button)
            region = button.region
            assert region.height > 0 and region.bottom <= footer_top, selector
            assert region.right <= width, selector
            assert len(str(button.label)) + 2 <= region.width, selector  # label not cut
        # The form above needs no scrolling; only the starter list scrolls.
        assert screen.query_one("#onboarding-body").max_scroll_y == 0
        starters = starter_list(pilot)
        assert starters.scrollable_content_region.height >= len(DEFAULT_STARTERS)
        assert starters.max_scroll_y > 0


@given(st.sets(st.sampled_from([s.key for s in STARTER_HABITS])))
def test_offered_puts_the_chosen_first_each_in_library_order(chosen: set[str]) -> None:
    rows = offered(STARTER_HABITS, chosen)
    library = [s.key for s in STARTER_HABITS]
    oracle = [k for k in library if k in chosen] + [k for k in library if k not in chosen]
    assert [key for _, key, _ in rows] == oracle
    assert {key for _, key, ticked in rows if ticked} == chosen
