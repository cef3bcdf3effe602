"""The one shape every modal question takes, and the one kind of field a form is made of.

Every dialog leaves with nothing on escape (asking first when something was changed),
saves with ctrl+s or its Save button, and shows what is wrong on an error line inside
itself while everything typed stays put. Keys that move between fields are applied in
the order they were typed, however fast they come.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual import events, on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import (
    Button,
    Footer,
    Input,
    Label,
    OptionList,
    Select,
    SelectionList,
    Static,
    TextArea,
)

from tracker.ui.screens.ordered_keys import FOCUS_KEYS, move_focus, settled
from tracker.ui.styles import sheet
from tracker.ui.widgets.literal import TextInput, literal, one_line, wrapped

T = TypeVar("T")

SAVE_LABEL = "Save (ctrl+s)"
CANCEL_LABEL = "Cancel"
DISCARD_QUESTION = "Discard your changes?"
# The longer dialogs tighten up on a short terminal so their buttons stay in view.
SHORT_TERMINAL = [(0, "-short"), (34, "-tall")]


@dataclass(frozen=True, slots=True)
class Field:
    """One labelled input of a form; a Select when it has choices."""

    id: str
    label: str
    value: str = ""
    placeholder: str = ""
    hint: str = ""  # shown under the label, e.g. what your partner wrote
    choices: tuple[tuple[str, str], ...] = ()  # (label, value)
    max_length: int = 0  # 0: no limit while typing (the domain still checks)


def field_widgets(fields: Iterable[Field]) -> ComposeResult:
    """Each field as its label, its hint and its input. Typed text is drawn literally."""
    for spec in fields:
        yield Label(literal(spec.label))
        if spec.hint:
            yield Static(Text(one_line(spec.hint, 160), style="italic"), classes="hint")
        if spec.choices:
            yield Select(
                [(literal(label), value) for label, value in spec.choices],
                value=spec.value or spec.choices[0][1],
                allow_blank=False,
                id=spec.id,
            )
        else:
            yield TextInput(
                spec.value, placeholder=spec.placeholder, id=spec.id, max_length=spec.max_length
            )


def form_state(widgets: Iterable[Widget]) -> tuple[object, ...]:
    """What a person can change in these widgets, in order: each field's value, a text
    area's text, what a selection list has ticked, the entries of a list they can add to
    or reorder. Where a cursor or highlight sits is not a change."""
    state: list[object] = []
    for widget in widgets:
        if isinstance(widget, TextArea):
            state.append(widget.text)
        elif isinstance(widget, SelectionList):
            state.append(tuple(widget.selected))
        elif isinstance(widget, OptionList):
            options = (widget.get_option_at_index(i) for i in range(widget.option_count))
            state.append(tuple(option.id or str(option.prompt) for option in options))
        elif hasattr(widget, "value"):  # inputs, selects, checkboxes, switches, ratings
            state.append(widget.value)
    return tuple(state)


def leave_or_ask(
    screen: Screen[Any],
    changed: bool,
    leave: Callable[[], object],
    question: str = DISCARD_QUESTION,
    yes: str = "Discard",
    no: str = "Keep editing",
) -> None:
    """Escape on a form: ``leave`` at once when nothing was changed, else only once the
    person says so ("Keep editing" goes back with everything as typed). Dialogs, the
    Settings screen and the welcome all leave this way."""
    if not changed:
        leave()
        return

    def answered(discard: bool | None) -> None:
        if discard:
            leave()

    screen.app.push_screen(ConfirmDialog(question, yes=yes, no=no), answered)


class Dialog(ModalScreen[T | None], Generic[T]):
    """A modal question. Subclasses compose their widgets (ending with ``buttons()``
    when they save) and implement ``make``, which reads them into the answer or raises
    ValueError with the sentence to show. Dialogs that only show something set
    ``SAVES = False``: ctrl+s is then neither bound nor shown.

    The dialog remembers what its fields held when it opened; escape after a change asks
    before throwing it away. A dialog keeping answers outside its widgets extends
    ``form_state``."""

    # Feature dialogs list dialogs.tcss first, then their own sheet.
    CSS_PATH: ClassVar[str | PurePath | list[str | PurePath] | None] = sheet("dialogs.tcss")
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
        # Keys that move on act in the order typed, however fast (ordered_keys.py).
        *FOCUS_KEYS,
        Binding("enter", "enter", show=False, priority=True),
    ]
    SAVES: ClassVar[bool] = True
    opened_with: tuple[object, ...] | None = None
    # Until its first frame is drawn (and the cursor put in its first field), keys typed
    # are held for it by the app, then handed over in order (ordered_keys.opening).
    opening = True

    @on(events.Mount)
    def _remember_how_it_opened(self) -> None:
        # Runs after the subclass's own on_mount, so values it fills in count as the start.
        self.opened_with = self.form_state()
        self.call_after_refresh(self._ready_for_keys)

    def _ready_for_keys(self) -> None:
        """Drawn, the cursor in its first field: the keys the app held for it go now,
        before any key read later."""
        self.opening = False
        release = getattr(self.app, "release_held_keys", None)
        if callable(release):  # RekindleApp; a bare App (some tests) holds nothing
            self.app.call_next(release)

    def make(self) -> T:
        raise NotImplementedError(f"{type(self).__name__} saves but has no make()")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.SAVES or action != "save"

    def form_state(self) -> tuple[object, ...]:
        return form_state(self.query("*"))

    def changed(self) -> bool:
        return self.opened_with is not None and self.form_state() != self.opened_with

    @on(events.Mount)
    def _show_own_keys(self) -> None:
        """The dialog's own footer, over the one of the screen behind (whose keys do not
        work while it is open), so Save's key shows even when the button is out of view."""
        self.mount(Footer())
        # The footer draws on the next bindings change; the dialog's focus may have come first.
        self.call_after_refresh(self.refresh_bindings)

    def action_cancel(self) -> None:
        leave_or_ask(self, self.changed(), lambda: self.dismiss(None))

    def action_save(self) -> None:
        try:
            answer = self.make()
        except ValueError as error:
            self.show_error(str(error))
            return
        self.dismiss(answer)

    async def action_move_focus(self, step: int) -> None:
        await move_focus(self, step)

    async def action_enter(self) -> None:
        field = self.focused
        if not isinstance(field, Input):
            raise SkipAction()  # a button presses, a list picks, a text area breaks the line
        await settled(self)
        self.entered(field)

    def show_error(self, message: str) -> None:
        error = self.query_one(".error", Static)
        error.update(literal(message))
        error.display = True

    def hide_error(self) -> None:
        self.query_one(".error", Static).display = False

    def buttons(self, *, compact: bool = False) -> ComposeResult:
        """The error line, then Save and Cancel: the same words in every dialog."""
        yield Static(classes="error")
        with Horizontal(classes="buttons"):
            yield Button(SAVE_LABEL, variant="primary", id="save", compact=compact)
            yield Button(CANCEL_LABEL, id="cancel", compact=compact)

    def entered(self, field: Input) -> None:
        """Enter in a one-line input saves; a dialog that means something else overrides.
        Moving focus from here must be ``self.set_focus``: ``widget.focus()`` waits its
        turn behind keys already typed."""
        if self.SAVES:
            self.action_save()

    def input_value(self, selector: str) -> str:
        return str(self.query_one(selector, Input).value)

    def select_value(self, selector: str) -> str:
        return str(self.query_one(selector, Select).value)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()


class ConfirmDialog(Dialog[bool]):
    """A yes/no question; escape means no."""

    SAVES = False
    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(literal(self.question), classes="title")
            with Horizontal(classes="buttons"):
                yield Button(f"{self.yes} (y)", variant="error", id="yes")
                yield Button(f"{self.no} (n)", id="no")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class FieldsDialog(Dialog[T]):
    """A few labelled fields; ``make`` turns what was typed into the answer.

    Enter saves from any field, or with ``enter_moves_on`` goes to the next field
    first and saves on the last (for forms where half an answer must not be saved).
    """

    VERTICAL_BREAKPOINTS = SHORT_TERMINAL

    def __init__(
        self,
        heading: str,
        fields: Sequence[Field],
        make: Callable[[dict[str, str]], T],
        intro: str = "",
        *,
        wide: bool = True,
        enter_moves_on: bool = False,
    ) -> None:
        super().__init__()
        self.heading = heading
        self.fields = list(fields)
        self.make_answer = make
        self.intro = intro
        self.wide = wide
        self.enter_moves_on = enter_moves_on

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog form wide" if self.wide else "dialog form"):
            # Headings may hold a name someone typed: never markup.
            yield Label(wrapped(self.heading), classes="title")
            if self.intro:
                yield Static(wrapped(self.intro), classes="hint intro")
            yield from field_widgets(self.fields)
            yield from self.buttons()

    def on_mount(self) -> None:
        if self.fields:
            self.query_one(f"#{self.fields[0].id}").focus()

    def values(self) -> dict[str, str]:
        found = {}
        for spec in self.fields:
            widget = self.query_one(f"#{spec.id}")
            found[spec.id] = str(widget.value) if isinstance(widget, Input | Select) else ""
        return found

    def make(self) -> T:
        return self.make_answer(self.values())

    def entered(self, field: Input) -> None:
        inputs = list(self.query(Input))
        index = inputs.index(field)
        if self.enter_moves_on and index + 1 < len(inputs):
            self.set_focus(inputs[index + 1])
        else:
            self.action_save()
