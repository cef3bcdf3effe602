"""Toasts never cover what they talk about.

Their place is set in app.tcss: lines of their own above the footer, which the screen
or dialog makes room for. A screen that scrolls lays its content out beneath them all
the same, so once a toast is drawn, the line with the cursor is scrolled back above it.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import DataTable, OptionList
from textual.widgets._toast import Toast  # Textual's own toast: no public name


def cursor_line(focused: Widget) -> Region:
    """Where a list's highlighted line is drawn; anything else, the whole widget."""
    row = getattr(focused, "cursor_row", getattr(focused, "highlighted", None))
    if not isinstance(focused, DataTable | OptionList) or not isinstance(row, int):
        return focused.region
    top = focused.content_region.y + row - round(focused.scroll_y)
    if isinstance(focused, DataTable) and focused.show_header:
        top += focused.header_height
    return Region(focused.region.x, top, focused.region.width, 1)


def keep_focus_in_view(app: App[Any], frames: int = 10) -> None:
    """Once the new toast has its place (a frame or two after notify), scroll the line
    with the cursor back above it, if it is beneath one."""
    screen = app.screen
    toasts = [toast.region for toast in screen.query(Toast)]
    if frames and not (toasts and all(toasts)):
        app.call_after_refresh(keep_focus_in_view, app, frames - 1)
        return
    if screen.focused is None:
        return
    line = cursor_line(screen.focused)
    covered = [toast for toast in toasts if toast.overlaps(line)]
    if covered:
        screen.scroll_relative(
            y=line.bottom - min(t.y for t in covered), animate=False, immediate=True
        )
