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
