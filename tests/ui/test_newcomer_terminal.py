"""Terminals a newcomer may have: too small, no colour, TERM=dumb, not a terminal at all."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets import Static

from tracker.cli.tui import terminal_problem
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.screens.habits.today import TodayScreen
from tracker.ui.screens.too_small import TooSmallScreen

OpenApp = Callable[[Couple | None], RekindleApp]


async def test_a_tiny_window_asks_to_be_larger_then_gets_out_of_the_way(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(30, 10)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        message = str(app.screen.query_one("#too-small", Static).content)
        assert "Make the window a little larger" in message and "30×10" in message
        await pilot.resize_terminal(35, 10)
        await pilot.pause()
        assert "35×10" in str(app.screen.query_one("#too-small", Static).content)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("space")  # and it works as usual
        first = app.screen.query_one("#table-me").rows_shown[0]
        assert couple.check(first.habit.id, "a", first.day) is not None


@pytest.mark.parametrize(
    ("env", "interactive", "phrase"),
    [
        ({"TERM": "dumb"}, True, "TERM=dumb"),
        ({"TERM": "xterm-256color"}, False, "needs a terminal window"),
        ({}, False, "needs a terminal window"),
    ],
)
def test_terminals_that_cannot_draw_the_app_get_one_sentence(
    env: dict[str, str], interactive: bool, phrase: str
) -> None:
    problem = terminal_problem(env, interactive)
    assert problem is not None and phrase in problem
    assert "rekindle status" in problem  # and what to do instead


def test_a_normal_terminal_is_fine() -> None:
    assert terminal_problem({"TERM": "xterm-256color"}, True) is None
    assert terminal_problem({"TERM": "xterm-256color", "NO_COLOR": "1"}, True) is None


def test_rekindle_without_a_terminal_says_so_instead_of_hanging(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.rekindle_cli import run_command
    from tracker.store.setup import create_couple

    create_couple(tmp_path / "data", "Alex", "Sam", "Europe/London").store.close()
    # A real process: no terminal behind it (stdin a pipe, TERM=dumb) is the point.
    done = run_command(tmp_path / "config", TERM="dumb")
    assert done.code == 1
    assert "needs a terminal window" in done.err and "Traceback" not in done.err
