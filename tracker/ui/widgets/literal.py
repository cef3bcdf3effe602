"""Text people typed, shown exactly as typed: never markup, never terminal escapes."""

from __future__ import annotations

from rich.text import Text

# Control characters become their visible Unicode pictures (ESC → ␛), so an
# escape sequence in a title is seen, not obeyed.
_PICTURES = {code: 0x2400 + code for code in range(0x20)} | {0x7F: 0x2421}
_PICTURES.pop(0x0A)  # newlines stay newlines; callers that need one line fold them


def visible(text: str) -> str:
    return text.translate(_PICTURES)


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
