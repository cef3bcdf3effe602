"""Habits › Deleted: what either of you deleted lately, and a way to bring it back."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, DataTable, Footer, Header, Static

from tracker.domain.days import moment_in
from tracker.domain.text import count
from tracker.store.bin import BIN_DAYS, Binned, in_bin, restore
from tracker.ui.screens.base import RekindleScreen
from tracker.ui.styles import sheet
from tracker.ui.widgets.literal import one_line
from tracker.ui.widgets.nav import NavBar
from tracker.ui.widgets.tap_table import TapTable

HINT = (
    f"Deleted habits, dates, ideas and goals wait here for {BIN_DAYS} days or more. "
    "Bringing one back brings back every tick made on it since."
)


def when_text(millis: int, tz: str) -> str:
    return f"{moment_in(millis, tz):%a %d %b, %H:%M}"


class DeletedScreen(RekindleScreen):
    CSS_PATH = sheet("habits.tcss")
    BINDINGS = [
        Binding("escape,backspace", "app.pop_screen", "Back", id="deleted.back"),
        Binding("r", "restore", "Bring back", id="deleted.restore"),
        Binding("j", "cursor(1)", "Down", show=False),
        Binding("k", "cursor(-1)", "Up", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="habits-deleted")
        self.shown: list[Binned] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("habits")
        yield Static(HINT, classes="hint")
        yield TapTable(id="deleted-list", cursor_type="row")
        yield Static(
            f"Nothing deleted in the last {BIN_DAYS} days.", id="deleted-empty", classes="hint"
        )
        with Horizontal(id="deleted-buttons"):
            yield Button("Bring back (r)", variant="primary", id="restore")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Habits › Deleted"
        self.refresh_data()

    def refresh_data(self) -> None:
        couple = self.couple
        now_ms = int(self.rekindle.clock().timestamp() * 1000)
        keep = self.current()
        self.shown = in_bin(couple, now_ms)
        tz = couple.person(couple.me).tz
        table = self.query_one("#deleted-list", DataTable)
        table.clear(columns=True)
        rows = [
            (
                entry.what,
                couple.name_of(entry.deleted_by) if entry.deleted_by else "?",
                when_text(entry.deleted_ms, tz),
                str(entry.ticks_since) if entry.kind == "habit" else "",
            )
            for entry in self.shown
        ]
        labels = ("What", "Deleted by", "When", "Ticks since")
        widths = [max([len(label), *(len(r[i]) for r in rows)]) for i, label in enumerate(labels)]
        room = max(12, (self.size.width or self.app.size.width) - sum(widths) - 2 * 5 - 4)
        table.add_column("Title", width=room)
        for label, width in zip(labels, widths, strict=True):
            table.add_column(label, width=width)
        for entry, row in zip(self.shown, rows, strict=True):
            # The title is the words someone typed: shown as they are, never as markup.
            table.add_row(
                Text(one_line(entry.title, room)), *(Text(c) for c in row), key=entry.token
            )
        for index, entry in enumerate(self.shown):
            if keep is not None and entry.id == keep.id:
                table.move_cursor(row=index, animate=False)
        # An empty table would fill the screen and push the sentence below out of sight.
        self.query_one("#deleted-list", DataTable).display = bool(self.shown)
        self.query_one("#deleted-empty", Static).display = not self.shown
        self.query_one("#restore", Button).disabled = not self.shown

    def on_resize(self) -> None:
        self.refresh_data()

    def current(self) -> Binned | None:
        table = self.query_one("#deleted-list", DataTable)
        if not self.shown or not 0 <= table.cursor_row < len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def action_cursor(self, step: int) -> None:
        table = self.query_one("#deleted-list", DataTable)
        table.move_cursor(row=max(0, table.cursor_row + step))

    @on(Button.Pressed, "#restore")
    def restore_pressed(self) -> None:
        self.action_restore()

    def action_restore(self) -> None:
        entry = self.current()
        if entry is None:
            return
        since = entry.ticks_since
        ticks = f", with the {count(since, 'tick')} made since" if since else ""
        self.write(
            lambda: restore(self.couple, entry.id),
            f"Brought back “{one_line(entry.title, 40)}”{ticks}. Press u to undo.",
        )
