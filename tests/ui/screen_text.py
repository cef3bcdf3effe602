"""What a terminal shows, as text: the lines the app drew, and the words inside one
widget's place on screen (to prove a sentence is drawn whole, not cut)."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.text import Text
from textual.app import App
from textual.content import Content
from textual.widget import Widget


def screen_lines(app: App[Any]) -> list[str]:
    """Every line of the current screen as drawn, without colour."""
    console = Console(
        width=app.size.width,
        file=io.StringIO(),
        record=True,
        color_system=None,
        legacy_windows=False,
    )
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text().splitlines()


def words(text: str) -> str:
    return " ".join(text.split())


def drawn_words(app: App[Any], widget: Widget) -> str:
    """The words drawn inside the widget's region, line after line."""
    region = widget.region
    lines = screen_lines(app)[region.y : region.bottom]
    return words(" ".join(line[region.x : region.right] for line in lines))


def written_words(widget: Widget) -> str:
    """The words the widget was given to show (its text without markup); "" for a
    drawing such as a table, which has no one sentence to look for."""
    shown = widget.render()
    if isinstance(shown, Content | Text):
        return words(shown.plain)
    return words(shown) if isinstance(shown, str) else ""
