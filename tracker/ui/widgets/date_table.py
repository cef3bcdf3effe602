"""Lists on the Dates screen: evenings (upcoming or past) and the idea jar."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Generic, TypeVar

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding

from tracker.domain.content.ideas import IdeaKind
from tracker.domain.dates.jar import JarIdea
from tracker.domain.dates.model import Occurrence
from tracker.domain.dates.records import DateStatus
from tracker.domain.dates.views import Rating, stars_text, when_text
from tracker.ui.widgets.literal import one_line
from tracker.ui.widgets.tap_table import TapTable

T = TypeVar("T")
Ratings = dict[tuple[str, date], dict[str, Rating]]  # by (date id, day), then person


class ListTable(TapTable[Text], Generic[T]):
    """A row-cursor table that remembers the items behind its rows."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        # The arrows act as the key is read (priority), so keys typed straight after act
        # on the new list (screens/ordered_keys.py). h and l wait their turn: as letters
        # they may be part of a title typed straight after a (Plan) in the same burst.
        Binding("left", "screen.switch_tab(-1)", "Previous list", show=False, priority=True),
        Binding("right", "screen.switch_tab(1)", "Next list", show=False, priority=True),
        Binding("h", "screen.switch_tab(-1)", "Previous list", show=False),
        Binding("l", "screen.switch_tab(1)", "Next list", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.items: list[T] = []

    def key_of(self, item: T) -> str:
        raise NotImplementedError

    def room(self, fixed: int) -> int:
        width = self.size.width or self.app.size.width - 2
        return max(12, width - fixed)

    def fill(
        self,
        items: Sequence[T],
        columns: Sequence[tuple[str, int]],
        cells: Callable[[T, int], Sequence[Text]],
    ) -> None:
        """Redraw, keeping the cursor on the same item when it is still there."""
        keep = self.current_key()
        self.items = list(items)
        fixed = sum(width for _, width in columns if width > 0) + 2 * len(columns) + 1
        room = self.room(fixed)
        self.clear(columns=True)
        for label, width in columns:
            self.add_column(label, width=width if width > 0 else room)
        for item in self.items:
            self.add_row(*cells(item, room), key=self.key_of(item))
        self.select_key(keep)

    def select_key(self, key: str | None) -> None:
        for index, item in enumerate(self.items):
            if self.key_of(item) == key:
                self.move_cursor(row=index, animate=False)
                return

    def current(self) -> T | None:
        if not self.items or not 0 <= self.cursor_row < len(self.items):
            return None
        return self.items[self.cursor_row]

    def current_key(self) -> str | None:
        item = self.current()
        return None if item is None else self.key_of(item)


STATUS_STYLE = {DateStatus.DONE: "green", DateStatus.CANCELLED: "dim strike"}
NAME_ROOM = 10


class EveningTable(ListTable[Occurrence]):
    def key_of(self, item: Occurrence) -> str:
        return item.key

    def show_upcoming(self, rows: Sequence[Occurrence], today: date) -> None:
        """``today``: a date in another year shows its year."""
        wide = (self.size.width or self.app.size.width) >= 100

        def cells(occ: Occurrence, room: int) -> list[Text]:
            dim = STATUS_STYLE.get(occ.status, "")
            repeat = "⟳ " if occ.date.repeat.repeats else ""
            status = "" if occ.status is DateStatus.PLANNED else occ.status.value
            where = [Text(one_line(occ.date.place, 24), style="dim")] if wide else []
            return [
                Text(when_text(occ, today=today), style=dim),
                Text(repeat + one_line(occ.date.title, room - len(repeat)), style=dim),
                *where,
                Text(occ.date.kind.value, style="dim"),
                Text(status, style=dim),
            ]

        where = [("Where", 24)] if wide else []
        self.fill(rows, [("When", 21), ("What", 0), *where, ("Kind", 17), ("", 9)], cells)

    def show_past(
        self, rows: Sequence[Occurrence], rated: Ratings, people: Sequence[tuple[str, str]]
    ) -> None:
        """``people``: (key, name) of each partner, a column of stars each."""

        def cells(occ: Occurrence, room: int) -> list[Text]:
            given = rated.get((occ.date.id, occ.day), {})
            stars = [stars_text(given[key].stars) if key in given else "" for key, _ in people]
            status = {DateStatus.PLANNED: "not marked"}.get(occ.status, occ.status.value)
            return [
                Text(when_text(occ, with_year=True), style="dim"),
                Text(one_line(occ.date.title, room), style=STATUS_STYLE.get(occ.status, "")),
                *(Text(s, style="yellow") for s in stars),
                Text(status, style="dim"),
            ]

        # Each name whole over its stars (five wide) up to ten characters: "Partner", not
        # "Partn…"; the title's column gives up the difference.
        widths = [min(NAME_ROOM, max(5, cell_len(name))) for _, name in people]
        names = [(one_line(name, w), w) for (_, name), w in zip(people, widths, strict=True)]
        self.fill(rows, [("When", 21), ("What", 0), *names, ("", 10)], cells)


class JarTable(ListTable[JarIdea]):
    def key_of(self, item: JarIdea) -> str:
        return item.key

    def show(self, ideas: Sequence[JarIdea]) -> None:
        def cells(idea: JarIdea, room: int) -> list[Text]:
            mark = "✎ " if idea.own else ""
            return [
                Text(mark + one_line(idea.title, room - len(mark))),
                Text(idea.kind.value, style="dim"),
                Text(idea.length_text(), style="dim", justify="right"),
                Text(idea.cost_text, style="dim"),
            ]

        width = max(len(kind.value) for kind in IdeaKind)
        self.fill(ideas, [("Idea", 0), ("Shelf", width), ("Time", 7), ("Cost", 10)], cells)
