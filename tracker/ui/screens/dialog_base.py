"""The one shape every modal question takes, and the one kind of field a form is made of.

Every dialog leaves with nothing on escape, saves with ctrl+s or its Save button, and
shows what is wrong on an error line inside itself while everything typed stays put.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import ClassVar, Generic, TypeVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Select, Static

from tracker.ui.styles import sheet
from tracker.ui.widgets.literal import TextInput, literal, one_line, wrapped

T = TypeVar("T")

SAVE_LABEL = "Save (ctrl+s)"
CANCEL_LABEL = "Cancel"
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


class Dialog(ModalScreen[T | None], Generic[T]):
    """A modal question. Subclasses compose their widgets (ending with ``buttons()``
    when they save) and implement ``make``, which reads them into the answer or raises
    ValueError with the sentence to show. Dialogs that only show something set
    ``SAVES = False``: ctrl+s is then neither bound nor shown."""

    # Feature dialogs list dialogs.tcss first, then their own sheet.
    CSS_PATH: ClassVar[str | PurePath | list[str | PurePath] | None] = sheet("dialogs.tcss")
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]
    SAVES: ClassVar[bool] = True

    def make(self) -> T:
        raise NotImplementedError(f"{type(self).__name__} saves but has no make()")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.SAVES or action != "save"

    @on(events.Mount)
    def _show_own_keys(self) -> None:
        """The dialog's own footer, over the one of the screen behind (whose keys do not
        work while it is open), so Save's key shows even when the button is out of view."""
        self.mount(Footer())
        # The footer draws on the next bindings change; the dialog's focus may have come first.
        self.call_after_refresh(self.refresh_bindings)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        try:
            answer = self.make()
        except ValueError as error:
            self.show_error(str(error))
            return
        self.dismiss(answer)

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

    def entered(self, event: Input.Submitted) -> None:
        """Enter in a one-line input saves; a dialog that means something else overrides."""
        if self.SAVES:
            self.action_save()

    def input_value(self, selector: str) -> str:
        return str(self.query_one(selector, Input).value)

    def select_value(self, selector: str) -> str:
        return str(self.query_one(selector, Select).value)

    @on(Input.Submitted)
    def _input_submitted(self, event: Input.Submitted) -> None:
        self.entered(event)

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()


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

    def entered(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        index = inputs.index(event.input)
        if self.enter_moves_on and index + 1 < len(inputs):
            inputs[index + 1].focus()
        else:
            self.action_save()
