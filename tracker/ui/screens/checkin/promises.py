"""Promises and repairs: "I'll do X by Y", kept or broken or moved, and apologies logged."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static

from tracker.domain.checkin.promises import (
    Promise,
    renegotiate,
    settle,
)
from tracker.store import checkins as store
from tracker.ui.screens.base import RekindleScreen
from tracker.ui.screens.checkin.promise_forms import DUE_HINT, promise_form, repair_form
from tracker.ui.screens.dialog_base import Field, FieldsDialog
from tracker.ui.styles import sheet
from tracker.ui.widgets.literal import literal, one_line
from tracker.ui.widgets.nav import NavBar
from tracker.ui.widgets.tap_table import TapTable


class PromisesScreen(RekindleScreen):
    CSS_PATH = sheet("checkin.tcss")
    BINDINGS = [
        Binding("escape,backspace", "app.pop_screen", "Back", id="promises.back"),
        Binding("a", "add", "Promise", id="promises.add"),
        Binding("k", "settle(True)", "Kept", id="promises.kept"),
        Binding("b", "settle(False)", "Broken", id="promises.broken"),
        Binding("r", "renegotiate", "New date", show=False, id="promises.renegotiate"),
        Binding("l", "repair", "Log a repair", show=False, id="promises.repair"),
    ]

    def __init__(self) -> None:
        super().__init__(id="promises")
        self.shown: list[Promise] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("checkin")
        with VerticalScroll(id="promises-body"):
            yield Static(id="reliability", classes="section")
            yield TapTable(id="promise-list", cursor_type="row", zebra_stripes=True)
            yield Static(id="promises-empty", classes="hint")
            yield Static("Repairs", classes="who", id="repairs-title")
            yield Static(id="repairs", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Promises and repairs"
        self.refresh_data()
        self.query_one("#promise-list", DataTable).focus()

    def refresh_data(self) -> None:
        couple, today = self.couple, self.rekindle.today()
        table = self.query_one("#promise-list", DataTable)
        keep = table.cursor_row
        self.shown = store.promises(couple)
        table.clear(columns=True)
        table.add_columns("Due", "Who", "Promise", "")
        for promise in self.shown:
            state = "overdue" if promise.overdue(today) else promise.status.value
            by, to = couple.name_of(promise.by), couple.name_of(promise.to)
            who = f"{one_line(by, 10)} → {one_line(to, 10)}"
            table.add_row(
                f"{promise.due:%a %d %b}",
                Text(who),
                literal(one_line(promise.text, 48)),
                Text(state, style="bold" if state == "overdue" else "dim"),
            )
        if self.shown:
            table.move_cursor(row=min(keep, len(self.shown) - 1), animate=False)
        table.display = bool(self.shown)
        empty = self.query_one("#promises-empty", Static)
        empty.display = not self.shown
        empty.update("No promises yet. Press a to make one: “I'll do X by Y”.")
        rates = store.reliabilities(couple, today)
        lines = Text().append("Kept promises", style="bold")
        for person, windows in rates.items():
            name = "You" if person == couple.me else one_line(couple.name_of(person), 20)
            parts = " · ".join(f"{days} days: {r.describe()}" for days, r in windows.items())
            lines.append(f"\n{name}: {parts}")
        self.query_one("#reliability", Static).update(lines)
        self._draw_repairs()

    def _draw_repairs(self) -> None:
        couple = self.couple
        found = store.repairs(couple)[:8]
        text = Text()
        for repair in found:
            who = "You" if repair.by == couple.me else one_line(couple.name_of(repair.by), 20)
            text.append(f"{repair.day:%d %b} · {who}: ", style="bold")
            text.append_text(literal(one_line(repair.apology, 70)))
            text.append("\n  What will change: ", style="dim")
            text.append_text(literal(one_line(repair.change, 70)))
            text.append("\n")
        if not found:
            text = Text("Nothing logged. l logs an apology, and what will change.")
        self.query_one("#repairs", Static).update(text)

    # -- acting ----------------------------------------------------------------

    def _current(self) -> Promise | None:
        table = self.query_one("#promise-list", DataTable)
        if not self.shown or not 0 <= table.cursor_row < len(self.shown):
            self.notify("Pick a promise first (arrow keys).", severity="warning")
            return None
        return self.shown[table.cursor_row]

    def action_add(self) -> None:
        promise_form(self)

    def action_settle(self, kept: bool) -> None:
        promise = self._current()
        if promise is None:
            return
        try:
            done = settle(promise, kept, self.rekindle.today())
        except ValueError as error:
            self.notify(str(error), severity="warning")
            return
        what = f"Marked {done.status.value}"
        self.write(lambda: store.save_promise(self.couple, done, what), f"{what}. u undoes it.")

    def action_renegotiate(self) -> None:
        promise = self._current()
        if promise is None:
            return
        today = self.rekindle.today()
        dialog = FieldsDialog(
            "A new date",
            [Field("due", "New date", placeholder=DUE_HINT)],
            lambda values: renegotiate(promise, values["due"], today),
            f"Now due {promise.due:%a %d %b %Y}. The old date stays in its history.",
            wide=False,
            enter_moves_on=True,
        )
        self.app.push_screen(dialog, self._moved)

    def _moved(self, promise: Promise | None) -> None:
        if promise is not None:
            self.write(
                lambda: store.save_promise(self.couple, promise, "Renegotiated a promise"),
                f"Now due {promise.due:%a %d %b}. u undoes it.",
            )

    def action_repair(self) -> None:
        repair_form(self)
