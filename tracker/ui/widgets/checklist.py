"""A list and a radio button whose choice reads without colour: ✓ and ● mark it."""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.strip import Strip
from textual.widgets import RadioButton, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

CHOSEN_MARK = "✓"
NOT_CHOSEN_MARK = " "


class Checklist(SelectionList[str]):
    """Textual's SelectionList draws the same "X" in every box and tells chosen
    from not chosen by colour alone: unreadable with NO_COLOR, a colour-blind eye
    or a dim terminal. Here the box holds ✓ when chosen and stays empty when not."""

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return line
        # SelectionList (Textual 8, pinned) draws each row as: box left, box inside,
        # box right, a space, then the prompt. Only the inside changes.
        left, inside, *rest = list(line)
        mark = CHOSEN_MARK if selection.value in self.selected else NOT_CHOSEN_MARK
        return Strip([left, Segment(mark, inside.style, inside.control), *rest])


class ChoiceButton(RadioButton):
    """A RadioButton with its dot only when pressed: Textual draws ● in every
    button and tells the pressed one by colour alone."""

    def __init__(
        self, label: str | Text = "", value: bool = False, *, name: str | None = None
    ) -> None:
        super().__init__(label, value, name=name)
        self.BUTTON_INNER = self._inside()

    def _inside(self) -> str:
        return "●" if self.value else NOT_CHOSEN_MARK

    def watch_value(self) -> None:
        self.BUTTON_INNER = self._inside()
        super().watch_value()
