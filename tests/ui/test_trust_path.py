"""Rebuilding trust, opened from Check-in with b: private to this device, one step a
week, each step's one action opening the form that already exists for it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select, Static

from tests.conftest import Couples
from tests.ui.conftest import NOW, TODAY
from tests.ui.screen_text import drawn_words, screen_lines, words
from tracker.domain.checkin.promises import make_promise
from tracker.domain.content.trust_path import (
    LEAVE_QUESTION,
    LEFT,
    LISTENING_PROMPTS,
    OPENING,
    PRIVATE_LINE,
    SAFETY,
    STEPS,
    Role,
    StepAction,
)
from tracker.domain.trust.path import TrustPath
from tracker.store import checkins, talks
from tracker.store.couple import Couple
from tracker.store.trust import UNREADABLE, read_path, save_path, trust_file
from tracker.ui.app import RekindleApp, make_app
from tracker.ui.screens.checkin.dialogs import PromptDialog
from tracker.ui.screens.checkin.promises import PromisesScreen
from tracker.ui.screens.checkin.trust import TrustScreen
from tracker.ui.screens.dialog_base import ConfirmDialog, FieldsDialog
from tracker.ui.screens.help import help_sections
from tracker.ui.screens.support import SupportDialog
from tracker.ui.screens.talks.forms import SlotForm

OpenApp = Callable[[Couple | None], RekindleApp]


def shown(app: RekindleApp) -> str:
    """The words on the terminal as drawn, wrapped lines joined."""
    return words(" ".join(screen_lines(app)))


def app_at(couple: Couple, moment: datetime) -> RekindleApp:
    return make_app(couple, clock=lambda: moment, poll=False)


async def open_path(pilot: Pilot[None]) -> TrustScreen:
    await pilot.press("5", "b")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, TrustScreen)
    return screen


async def choose(pilot: Pilot[None], role: Role) -> None:
    dialog = pilot.app.screen
    assert isinstance(dialog, FieldsDialog)
    dialog.query_one("#role", Select).value = role.value
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_start_choose_who_you_are_and_keep_a_promise_from_step_one(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_path(pilot)
        text = shown(app)
        assert words(OPENING[1]) in text and words(PRIVATE_LINE) in text
        assert words(SAFETY) in text
        await pilot.press("s")
        await pilot.pause()
        await choose(pilot, Role.HURT)
        assert read_path(couple).path == TrustPath(TODAY, Role.HURT)
        assert isinstance(app.focused, OptionList)  # ↑ ↓ pick a step at once
        text = shown(app)
        first = STEPS[0]
        # Step one, in the words for the one who was hurt, and the safety line, all in view.
        assert first.title in text and words(first.by_role[Role.HURT]) in text
        assert words(first.by_role[Role.BROKE]) not in text
        assert words(SAFETY) in text and "Week 1 of 8" in text
        assert "Step 2 opens Wednesday 2 December" in text

        await pilot.press("enter")  # its action: the promise form, to say what is open
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FieldsDialog) and form.heading.startswith("A promise to")
        form.query_one("#text", Input).value = "tell you if they contact me"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TrustScreen)
        promises = checkins.promises(couple)
        assert [p.text for p in promises] == ["tell you if they contact me"]
        assert promises[0].due == TODAY + timedelta(days=7)

        await pilot.press("escape", "p")  # and it is in the ledger, as any promise is
        await pilot.pause()
        assert isinstance(app.screen, PromisesScreen)
        assert "tell you if they contact me" in shown(app)


async def test_the_partners_app_shows_nothing_of_the_path(couples: Couples) -> None:
    alex = couples.create(config="alex-config")
    app = app_at(alex, NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_path(pilot)
        await pilot.press("s")
        await pilot.pause()
        await choose(pilot, Role.BROKE)
        assert "Week 1 of 8" in shown(app)
    sam = couples.join(config="sam-config")
    assert read_path(sam).path is None
    app = app_at(sam, NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        assert "I broke the trust" not in shown(app)
        await open_path(pilot)
        text = shown(app)
        # Sam sees the path's opening page, as anyone who has not started sees it.
        assert words(OPENING[0]) in text and "Week 1" not in text
        assert STEPS[0].title not in text


# The first step with each action (step 1's promise is the first test's).
FIRST_WITH = {s.action: n for n, s in reversed(list(enumerate(STEPS, start=1)))}


@pytest.mark.parametrize(
    ("step", "opened"),
    [(n, action) for action, n in FIRST_WITH.items() if n > 1],
    ids=lambda value: str(value),
)
async def test_each_steps_action_opens_its_form(
    couple: Couple, step: int, opened: StepAction
) -> None:
    save_path(couple, TrustPath(TODAY, Role.UNSAID))
    app = app_at(couple, NOW + timedelta(weeks=len(STEPS)))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_path(pilot)
        screen.query_one("#trust-steps", OptionList).highlighted = step - 1
        await pilot.pause()
        text = shown(app)
        assert STEPS[step - 1].title in text and words(SAFETY) in text
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        if opened is StepAction.SMALL_PROMISE:
            assert isinstance(dialog, FieldsDialog) and dialog.heading.startswith("A promise")
        elif opened is StepAction.LOG_REPAIR:
            assert isinstance(dialog, FieldsDialog) and dialog.heading == "Log a repair"
            dialog.query_one("#apology", Input).value = "I lied about where I was."
            dialog.query_one("#change", Input).value = "I'll tell you where I am."
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert [r.apology for r in checkins.repairs(couple)] == ["I lied about where I was."]
        elif opened is StepAction.LISTENING_PROMPTS:
            assert isinstance(dialog, PromptDialog)
            assert dialog.prompt == LISTENING_PROMPTS[0]
            assert "understand" in shown(app)  # drawn, not only chosen
            await pilot.press("n")
            assert dialog.prompt == LISTENING_PROMPTS[1]
        elif opened is StepAction.THERAPY_CARD:
            assert isinstance(dialog, SupportDialog)
            assert "What to look for" in shown(app)
        else:
            assert isinstance(dialog, SlotForm)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert [s.title for s in talks.slots(couple)] == ["Time to talk"]


async def test_steps_open_week_by_week_and_are_marked_done_and_undone(couple: Couple) -> None:
    save_path(couple, TrustPath(TODAY, Role.UNSAID))
    # Day 15 after starting: three steps are open, the fourth opens on day 21.
    app = app_at(couple, NOW + timedelta(days=15))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_path(pilot)
        options = screen.query_one("#trust-steps", OptionList)
        assert options.option_count == 4 and options.highlighted == 2
        assert "Week 3 of 8" in shown(app) and "Step 4 opens Wednesday 16 December" in shown(app)
        assert options.get_option_at_index(3).disabled
        await pilot.press("x")
        await pilot.pause()
        assert read_path(couple).path == TrustPath(TODAY, Role.UNSAID, frozenset({3}))
        assert f"✓ 3. {STEPS[2].title}" in shown(app) and "x marks it undone" in shown(app)
        await pilot.press("up", "x")
        await pilot.pause()
        assert read_path(couple).path == TrustPath(TODAY, Role.UNSAID, frozenset({2, 3}))
        await pilot.press("x")
        await pilot.pause()
        assert read_path(couple).path == TrustPath(TODAY, Role.UNSAID, frozenset({3}))
        await pilot.press("w")
        await pilot.pause()
        await choose(pilot, Role.BROKE)
        assert read_path(couple).path == TrustPath(TODAY, Role.BROKE, frozenset({3}))
        assert "you said: I broke the trust" in shown(app)


async def test_leaving_the_path_asks_once_then_deletes_it_from_this_device(
    couple: Couple, open_app: OpenApp
) -> None:
    save_path(couple, TrustPath(TODAY, Role.HURT, frozenset({1})))
    made = make_promise("promise:1", "call when I'm late", "a", "b", "friday", TODAY)
    checkins.save_promise(couple, made, "Made a promise")
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_path(pilot)
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # no: nothing goes
        await pilot.pause()
        assert read_path(couple).path is not None
        await pilot.press("L", "y")
        await pilot.pause()
        assert isinstance(app.screen, TrustScreen)
        assert not trust_file(couple.store.data_dir, couple.store.replica_id).exists()
        assert any(LEFT in n.message for n in app._notifications)
        assert words(OPENING[0]) in shown(app)
    # What was made from the path is shared as usual, and stays.
    assert [p.text for p in checkins.promises(couple)] == ["call when I'm late"]


async def test_a_damaged_file_is_said_in_a_sentence_not_a_crash(
    couple: Couple, open_app: OpenApp
) -> None:
    file = trust_file(couple.store.data_dir, couple.store.replica_id)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(b'{"format": "rekindle-trust-path", "started": "[red]x", "role": 7}')
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_path(pilot)
        assert words(UNREADABLE) in words(str(screen.query_one("#trust-problem", Static).render()))
        await pilot.press("s")
        await pilot.pause()
        await choose(pilot, Role.UNSAID)
        assert read_path(couple).path == TrustPath(TODAY, Role.UNSAID)
        assert not screen.query_one("#trust-problem", Static).display


def test_the_help_page_lists_the_paths_keys() -> None:
    sections = dict(help_sections([]))
    keys = {b.description for b in sections["Rebuilding trust"]}
    assert {"Start", "Do this step", "Done", "Who I am", "Leave path"} <= keys
    assert "Rebuilding trust" in {b.description for b in sections["Check-in"]}


async def test_a_computer_that_will_not_keep_it_says_so_and_nothing_starts(
    couple: Couple, open_app: OpenApp
) -> None:
    # A file where the state folder should be: any save there fails, as on a full disk.
    folder = trust_file(couple.store.data_dir, couple.store.replica_id).parent
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("not a folder")
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_path(pilot)
        await pilot.press("s")
        await pilot.pause()
        await choose(pilot, Role.HURT)
        assert isinstance(app.screen, TrustScreen)
        assert any(n.severity == "error" for n in app._notifications)
        assert read_path(couple).path is None
        assert words(OPENING[0]) in shown(app)


@pytest.mark.parametrize("role", list(Role))
async def test_every_step_shows_its_action_and_the_safety_line_at_80x24(
    couple: Couple, role: Role
) -> None:
    save_path(couple, TrustPath(TODAY, role))
    app = app_at(couple, NOW + timedelta(weeks=len(STEPS)))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_path(pilot)
        options = screen.query_one("#trust-steps", OptionList)
        assert options.option_count == len(STEPS)  # all open, none still to come
        for number, step in enumerate(STEPS, start=1):
            options.highlighted = number - 1
            await pilot.pause()
            text = shown(app)
            # In view without scrolling: the step's words for this person, its one
            # action, and the safety line whole.
            assert words(step.words_for(role)) in text, number
            assert f"⏎ {step.action.label}" in text and words(SAFETY) in text, number


async def test_the_leave_question_is_drawn_whole(couple: Couple, open_app: OpenApp) -> None:
    save_path(couple, TrustPath(TODAY, Role.UNSAID))
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_path(pilot)
        await pilot.press("L")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert drawn_words(app, dialog.query_one(".title")) == words(LEAVE_QUESTION)
