"""Text people typed, shown exactly as typed: never markup, never terminal escapes."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Input

from tracker.domain.text import visible, visible_each


def literal(text: str, style: str = "") -> Text:
    """A Rich Text that no "[bold]" or "[link=...]" in `text` can restyle."""
    return Text(visible(text), style=style, no_wrap=True, overflow="ellipsis")


def wrapped(text: str) -> Text:
    """Like `literal`, but wrapped to the width it is given instead of cut."""
    found = literal(text)
    found.no_wrap, found.overflow = False, "fold"
    return found


def one_line(text: str, width: int) -> str:
    """Fold to one line and cut to `width` cells with an ellipsis."""
    flat = " ".join(visible(text).split())
    if width <= 1:
        return flat[:width]
    cut = Text(flat)
    cut.truncate(width, overflow="ellipsis")
    return cut.plain


class TextInput(Input):
    """An Input that draws its value inertly: an escape shows as ␛, never acts.

    Textual's Input draws its value as it is, so a partner's name holding
    ESC ]0; would retitle the terminal from Settings. The value itself stays
    exactly as stored (a form saved untouched keeps it); only the drawing
    changes, one shown character per stored one so the cursor lines up.
    """

    @property
    def _value(self) -> Text:
        # Textual 8's one place that turns the value into what is drawn (pinned version).
        if self.password:
            return super()._value
        return Text(visible_each(self.value), no_wrap=True, overflow="ignore", end="")
