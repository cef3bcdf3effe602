"""Escape on a form: it closes at once when nothing was changed, and asks before throwing
changes away when something was ("Keep editing" or escape go back with everything as typed)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Select, SelectionList, TextArea

from tests.ui.conftest import TODAY
from tests.ui.test_dialogs import NOT_DIALOGS, Host, modal_classes
from tracker.domain.content.prompts import PROMPTS
from tracker.domain.dates.input import DateDraft
from tracker.domain.editing import HabitDraft, habit_from_draft
from tracker.domain.goals.alignment import Divergence, Kind
from tracker.domain.models import Habit
from tracker.domain.talks.log import Followup
from tracker.store import checkins
from tracker.store import dates as date_store
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.screens.checkin.dialogs import PromptDialog
from tracker.ui.screens.checkin.form import CheckinForm, RatingInput
from tracker.ui.screens.dates.forms import DateForm, IdeaDialog, RatingDialog
from tracker.ui.screens.dialog_base import (
    DISCARD_QUESTION,
    ConfirmDialog,
    Dialog,
    Field,
    FieldsDialog,
)
from tracker.ui.screens.dialogs import AmountDialog, NoteDialog
from tracker.ui.screens.goals.dialogs import InfoDialog, OrderDialog, TalkDialog, ValuesDialog
from tracker.ui.screens.habits.form import HabitForm, StarterPicker
from tracker.ui.screens.support import SupportDialog
from tracker.ui.screens.talks.coach import (
    FollowupPicker,
    IStatementForm,
    OwnPromptForm,
    PromiseForm,
    TalkNowScreen,
)
from tracker.ui.screens.talks.forms import LogForm, LogStart, MoveForm, SlotFields, SlotForm

OpenApp = Callable[[Couple | None], RekindleApp]
NAMES = {"a": "Alex", "b": "Sam"}


def never(*_: object) -> object:
    raise ValueError("Not in this test.")


def a_habit() -> Habit:
    return habit_from_draft(HabitDraft(title="Walk", unit="minutes", target="20"), "h1", TODAY)


# One way to open every dialog there is; a new dialog fails the first test until it is here.
OPENERS: dict[type[Dialog[object]], Callable[[], Dialog[object]]] = {
    Dialog: lambda: Dialog(),
    FieldsDialog: lambda: FieldsDialog("A question", [Field("what", "What")], never),
    ConfirmDialog: lambda: ConfirmDialog("Delete it?"),
    AmountDialog: lambda: AmountDialog(a_habit(), None),
    NoteDialog: lambda: NoteDialog("Tea in bed", ""),
    CheckinForm: lambda: CheckinForm("a", TODAY, None, "Sam"),
    PromptDialog: lambda: PromptDialog("A question", lambda: PROMPTS[0]),
    DateForm: lambda: DateForm(DateDraft(title="Picnic"), never, "Plan a date"),
    RatingDialog: lambda: RatingDialog("Picnic", None, ""),
    IdeaDialog: lambda: IdeaDialog(never),
    OrderDialog: lambda: OrderDialog("Order", "Most first", ["one", "two", "three"]),
    ValuesDialog: lambda: ValuesDialog(["family", "honesty"]),
    TalkDialog: lambda: TalkDialog(
        Divergence("area:home", Kind.AREA_DIFFERENT, "Home", "What is home?", PROMPTS[0].theme),
        TODAY,
    ),
    InfoDialog: lambda: InfoDialog("How it works", "Like this."),
    StarterPicker: lambda: StarterPicker(set()),
    HabitForm: lambda: HabitForm(HabitDraft(), NAMES, never, "A habit"),
    TalkNowScreen: lambda: TalkNowScreen("Weekly talk", "now", PROMPTS[0]),
    IStatementForm: lambda: IStatementForm(),
    OwnPromptForm: lambda: OwnPromptForm(),
    FollowupPicker: lambda: FollowupPicker([Followup("f1", "s1", TODAY, "Call mum", "a")]),
    PromiseForm: lambda: PromiseForm("Call mum", NAMES, "a", TODAY, TODAY),
    SlotForm: lambda: SlotForm("Plan a talk", SlotFields(title="Weekly talk"), never),
    MoveForm: lambda: MoveForm("Weekly talk", datetime(2026, 11, 26, 20), lambda _: None),
    LogForm: lambda: LogForm(LogStart("Weekly talk", partner="Sam")),
    SupportDialog: lambda: SupportDialog(),
}


def change_first_field(dialog: Dialog[object]) -> bool:
    """Change the first thing a person could change, as they would; False if there is none."""
    for widget in dialog.query("*"):
        if isinstance(widget, Input):
            widget.value += "x"
        elif isinstance(widget, TextArea):
            widget.text += "x"
        elif isinstance(widget, Select):
            others = [value for _, value in widget._options if value != widget.value]
            widget.value = others[0]
        elif isinstance(widget, SelectionList):
            widget.toggle(widget.get_option_at_index(0).value)
        elif isinstance(widget, Checkbox | RatingInput):
            widget.value = 2 if isinstance(widget, RatingInput) else not widget.value
        else:
            continue
        return True
    return False


def asks(app: App[object]) -> bool:
    screen = app.screen
    return isinstance(screen, ConfirmDialog) and screen.question == DISCARD_QUESTION


async def keep_editing(pilot: Pilot[Any], answer: str) -> None:
    """Escape on a changed form, hear the question, and go back with ``answer``."""
    form = pilot.app.screen
    await pilot.press("escape")
    assert asks(pilot.app)
    if answer == "click":
        await pilot.click("#no")
    else:
        await pilot.press(answer)
    assert pilot.app.screen is form


async def discard(pilot: Pilot[Any], answer: str = "y") -> None:
    await pilot.press("escape")
    assert asks(pilot.app)
    if answer == "click":
        await pilot.click("#yes")
    else:
        await pilot.press(answer)
    await pilot.pause()
    assert not isinstance(pilot.app.screen, Dialog)


def test_every_dialog_has_an_opener_here() -> None:
    assert set(modal_classes()) - NOT_DIALOGS == set(OPENERS)


@pytest.mark.parametrize("cls", list(OPENERS), ids=lambda cls: cls.__name__)
async def test_escape_straight_away_closes_every_dialog_without_asking(
    cls: type[Dialog[object]],
) -> None:
    app = Host(OPENERS[cls]())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, Dialog)
    assert app.answers in ([None], [False])  # a yes/no question hears "no"


# Questions and pickers: nothing in them is typed or chosen before they answer.
NOTHING_TO_CHANGE = {
    Dialog,
    ConfirmDialog,
    PromptDialog,
    TalkDialog,
    InfoDialog,
    StarterPicker,
    TalkNowScreen,
    FollowupPicker,
    SupportDialog,  # words to read: nothing to type, nothing to lose
}


@pytest.mark.parametrize("cls", list(OPENERS), ids=lambda cls: cls.__name__)
async def test_escape_after_a_change_asks_and_keep_editing_keeps_it(
    cls: type[Dialog[object]],
) -> None:
    dialog = OPENERS[cls]()
    app = Host(dialog)
    async with app.run_test(size=(80, 24)) as pilot:
        if cls is OrderDialog:
            await pilot.press("J")  # the first one moves down
        else:
            assert change_first_field(dialog) == (cls not in NOTHING_TO_CHANGE)
        if cls in NOTHING_TO_CHANGE:
            return
        changed = dialog.form_state()
        await keep_editing(pilot, "escape")
        assert dialog.form_state() == changed
        await keep_editing(pilot, "click")  # "Keep editing (n)"
        assert dialog.form_state() == changed
        await discard(pilot)
    assert app.answers == [None]


async def test_the_habit_form_asks_before_losing_a_typed_name(
    couple: Couple, open_app: OpenApp
) -> None:
    before = [h.title for h in couple.habits()]
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "enter")  # "Write my own"
        assert isinstance(app.screen, HabitForm)
        await pilot.press(*"Slow Sunday")
        await keep_editing(pilot, "n")
        assert app.screen.query_one("#title", Input).value == "Slow Sunday"
        await discard(pilot)
    assert [h.title for h in couple.habits()] == before


async def test_a_date_form_untouched_closes_and_a_changed_one_asks(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "a")
        assert isinstance(app.screen, DateForm)
        await pilot.press("escape")
        assert not isinstance(app.screen, Dialog)
        await pilot.press("a", *"Pottery")
        await keep_editing(pilot, "escape")
        assert app.screen.query_one("#title", Input).value == "Pottery"
        await discard(pilot)
    assert date_store.dates(couple) == []


async def test_the_check_in_asks_before_losing_ratings_and_keeps_them(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "c")
        assert isinstance(app.screen, CheckinForm)
        await pilot.press("4", *"fine")
        await keep_editing(pilot, "escape")
        assert app.screen.query_one("#rate-communication", RatingInput).value == 4
        assert app.screen.query_one("#note-communication", Input).value == "fine"
        await discard(pilot, "click")  # "Discard (y)"
    assert checkins.checkin_for(couple, "a", "2026-W48") is None
