"""The check-in's questions and prompts wrap rather than run off the edge: every
sentence on the form, the prompt card and the screen is drawn whole at 80×24 and 120×40
(issue 22: "…settled, or carried a")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Label, Static

from tests.ui.conftest import TODAY
from tests.ui.screen_text import drawn_words, written_words
from tests.ui.test_checkin_snapshots import both_in, history  # noqa: F401  (fixtures)
from tests.ui.test_dialogs import Host
from tracker.domain.checkin.model import KEYS, LABELS, QUESTIONS, make_checkin
from tracker.domain.content.prompts import PROMPTS
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.screens.checkin.dialogs import PromptDialog
from tracker.ui.screens.checkin.form import CheckinForm

OpenApp = Callable[[Couple | None], RekindleApp]
SIZES = [(80, 24), (120, 40)]
size_ids = pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")


async def assert_every_sentence_whole(pilot: Pilot[Any]) -> int:
    """Scroll to each label and text on the screen in turn and read it off the screen."""
    app: App[Any] = pilot.app
    checked = 0
    for widget in list(app.screen.query(Label)) + list(app.screen.query(Static)):
        if not widget.display or not written_words(widget):
            continue
        widget.scroll_visible(animate=False)
        await pilot.pause()
        assert written_words(widget) in drawn_words(app, widget), type(widget).__name__
        checked += 1
    return checked


@size_ids
async def test_every_check_in_question_is_drawn_whole(size: tuple[int, int]) -> None:
    earlier = make_checkin("a", TODAY, dict.fromkeys(KEYS, 3), {})
    app = Host(CheckinForm("a", TODAY, earlier, "Samantha-Josephine"))
    async with app.run_test(size=size) as pilot:
        await assert_every_sentence_whole(pilot)
        shown = [drawn_words(app, label) for label in app.screen.query(".rate-label")]
        for key in KEYS:
            assert any(f"{LABELS[key]} {QUESTIONS[key]}" in line for line in shown), key


@size_ids
async def test_a_drawn_prompt_and_its_heading_are_drawn_whole(size: tuple[int, int]) -> None:
    longest = max(PROMPTS, key=lambda prompt: len(prompt.text))
    heading = "A question for unresolved conflicts, to talk through together this week"
    app = Host(PromptDialog(heading, lambda: longest))
    async with app.run_test(size=size) as pilot:
        assert await assert_every_sentence_whole(pilot) >= 3


@size_ids
async def test_the_check_in_screen_draws_every_sentence_whole(
    both_in: Couple,  # noqa: F811
    open_app: OpenApp,
    size: tuple[int, int],
) -> None:
    app = open_app(both_in)
    async with app.run_test(size=size) as pilot:
        await pilot.press("5")
        await pilot.pause()
        assert await assert_every_sentence_whole(pilot) >= 5
