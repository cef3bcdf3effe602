"""Every modal question is one kind of Dialog: escape leaves, ctrl+s saves, Save reads the same."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable

import pytest
from textual.app import App
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static, TextArea

import tracker.ui
from tracker.ui.screens.dates.forms import RatingDialog
from tracker.ui.screens.dialog_base import SAVE_LABEL, ConfirmDialog, Dialog, Field, FieldsDialog
from tracker.ui.screens.dialogs import NoteDialog
from tracker.ui.screens.help import HelpScreen
from tracker.ui.screens.too_small import TooSmallScreen

# Not questions: the key card and the "make the window bigger" cover.
NOT_DIALOGS = {HelpScreen, TooSmallScreen}


def modal_classes() -> set[type[ModalScreen[object]]]:
    found: set[type[ModalScreen[object]]] = set()
    for info in pkgutil.walk_packages(tracker.ui.__path__, "tracker.ui."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, ModalScreen):
                found.add(cls)
    return found


def test_every_modal_is_a_dialog() -> None:
    modals = modal_classes()
    assert {"AmountDialog", "HabitForm", "CheckinForm", "SlotForm", "DateForm"} <= {
        cls.__name__ for cls in modals
    }
    strays = sorted(
        cls.__qualname__ for cls in modals - NOT_DIALOGS - {Dialog} if not issubclass(cls, Dialog)
    )
    assert strays == []


def test_cancel_and_errors_are_written_once() -> None:
    for cls in modal_classes() - NOT_DIALOGS - {Dialog}:
        for shared in ("show_error", "action_cancel", "buttons"):
            assert shared not in vars(cls), f"{cls.__name__} has its own {shared}"


class Host(App[None]):
    """Opens one dialog and keeps what it answers."""

    def __init__(self, dialog: Dialog[object]) -> None:
        super().__init__()
        self.dialog = dialog
        self.answers: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.answers.append)


def fields_dialog() -> FieldsDialog[dict[str, str]]:
    def make(values: dict[str, str]) -> dict[str, str]:
        if not values["what"].strip():
            raise ValueError("Write a few words first.")
        return values

    return FieldsDialog("A question", [Field("what", "What", placeholder="a few words")], make)


REPRESENTATIVE: dict[str, Callable[[], Dialog[object]]] = {
    "fields": fields_dialog,
    "note": lambda: NoteDialog("Tea in bed", ""),
    "rating": lambda: RatingDialog("Picnic", None, ""),
}


@pytest.mark.parametrize("name", list(REPRESENTATIVE))
async def test_escape_leaves_with_nothing(name: str) -> None:
    app = Host(REPRESENTATIVE[name]())
    async with app.run_test() as pilot:
        await pilot.press(*"ab", "escape")
        assert isinstance(app.screen, ConfirmDialog)  # "Discard your changes?"
        await pilot.press("y")
        assert not isinstance(app.screen, Dialog)
    assert app.answers == [None]


async def test_ctrl_s_saves_and_a_wrong_answer_stays_open() -> None:
    app = Host(fields_dialog())
    async with app.run_test() as pilot:
        assert app.screen.query_one("#save", Button).label.plain == SAVE_LABEL
        await pilot.press("ctrl+s")
        error = app.screen.query_one(".error", Static)
        assert error.display and "Write a few words" in str(error.render())
        assert app.answers == []
        await pilot.press(*"a walk", "ctrl+s")
    assert app.answers == [{"what": "a walk"}]


async def test_ctrl_s_saves_a_note_written_over_lines() -> None:
    app = Host(NoteDialog("Tea in bed", ""))
    async with app.run_test() as pilot:
        assert app.screen.query_one("#save", Button).label.plain == SAVE_LABEL
        app.screen.query_one("#note", TextArea).text = "With honey.\nLovely."
        await pilot.press("ctrl+s")
    assert app.answers == ["With honey.\nLovely."]


async def test_enter_in_a_line_still_saves_and_save_button_too() -> None:
    app = Host(RatingDialog("Picnic", None, ""))
    async with app.run_test() as pilot:
        app.screen.query_one("#stars", Input).value = "4"
        app.screen.query_one("#stars", Input).focus()
        await pilot.press("enter")
    assert app.answers == [(4, "")]

    app = Host(RatingDialog("Picnic", 5, "the heron"))
    async with app.run_test() as pilot:
        await pilot.click("#save")
    assert app.answers == [(5, "the heron")]
