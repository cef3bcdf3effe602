"""Text people typed, shown exactly as typed: never markup, never terminal escapes."""

from __future__ import annotations

from rich.text import Text

from tracker.domain.text import visible


def literal(text: str, style: str = "") -> Text:
    """A Rich Text that no "[bold]" or "[link=...]" in `text` can restyle."""
    return Text(visible(text), style=style, no_wrap=True, overflow="ellipsis")


def one_line(text: str, width: int) -> str:
    """Fold to one line and cut to `width` cells with an ellipsis."""
    flat = " ".join(visible(text).split())
    if width <= 1:
        return flat[:width]
    cut = Text(flat)
    cut.truncate(width, overflow="ellipsis")
    return cut.plain


def for_input(text: str) -> str:
    """What an Input box shows for stored text: one line, controls as pictures (␛, ⏎).

    An Input draws its value as it is, so a raw escape there would reach the terminal.
    """
    return visible(text, newlines=False)


def as_typed(shown: str, stored: str) -> str:
    """The stored text back if the box still shows it untouched, else what was typed.

    Opening a form and saving it unchanged must not rewrite a partner's words
    just because they held a character we show as a picture.
    """
    return stored if shown == for_input(stored) else shown
