"""The app's one kind of table: a single click or tap on a row picks it, as enter does."""

from __future__ import annotations

from typing import TypeVar

from textual import events
from textual.coordinate import Coordinate
from textual.widgets import DataTable

CellType = TypeVar("CellType")


class TapTable(DataTable[CellType]):
    """A DataTable whose rows act on one tap.

    Textual's own table only moves the cursor on the first click and picks the row on a
    second; in a browser a phone has no enter key, so one tap must do what enter does:
    tick on Today, open the thing under the row elsewhere. What a row's pick does is the
    screen's RowSelected handler, the same for enter and tap, so it must never destroy
    anything without an undo.

    The second click of a double click is ignored: a mouse user used to clicking twice
    gets one pick, not a tick and an untick, nor a click landing in the form it opened.
    """

    async def _on_click(self, event: events.Click) -> None:
        # Textual calls every class's own handler down the MRO: DataTable's is called here,
        # once, and not again after (nor Widget's, which only follows links; rows have none).
        event.prevent_default()
        if event.chain > 1:
            event.stop()
            return
        meta = event.style.meta
        before = self.cursor_coordinate
        await super()._on_click(event)
        if not self._on_a_row(meta):
            return
        # DataTable picked only when the click was on the cell already under the cursor.
        if Coordinate(meta["row"], meta["column"]) != before:
            self.action_select_cursor()

    def _on_a_row(self, meta: dict[str, object]) -> bool:
        """The click landed on a row's cells (not the header, a row label, or nothing)."""
        row, column = meta.get("row"), meta.get("column")
        if not isinstance(row, int) or not isinstance(column, int):
            return False
        if row < 0 or column < 0 or not self.show_cursor or self.cursor_type == "none":
            return False
        return self.cursor_type == "row" or not meta.get("out_of_bounds", False)
