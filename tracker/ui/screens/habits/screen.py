"""All habits: add, edit, archive, delete (with undo and a bin), reorder, open one in depth."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from tracker.domain.editing import reordered
from tracker.domain.models import Habit, Owner
from tracker.ui.screens.base import RekindleScreen
from tracker.ui.screens.dialogs import ConfirmDialog
from tracker.ui.screens.habits.detail import HabitDetailScreen
from tracker.ui.screens.habits.form import add_habit_flow, edit_habit_flow
from tracker.ui.styles import PHONE_WIDTH, sheet
from tracker.ui.widgets.literal import one_line
from tracker.ui.widgets.nav import NavBar
from tracker.ui.widgets.tap_table import TapTable


class HabitsScreen(RekindleScreen):
    CSS_PATH = sheet("habits.tcss")
    BINDINGS = [
        Binding("a", "add", "Add", id="habits.add"),
        Binding("e", "edit", "Edit", id="habits.edit"),
        Binding("v", "archive", "Archive", show=False, id="habits.archive"),
        Binding("x,delete", "delete", "Delete", id="habits.delete"),
        Binding("D", "deleted", "Deleted", id="habits.deleted"),
        Binding("shift+up,K", "move(-1)", "Move up", show=False, id="habits.up"),
        Binding("shift+down,J", "move(1)", "Move down", show=False, id="habits.down"),
        Binding("j", "cursor(1)", "Down", show=False),
        Binding("k", "cursor(-1)", "Up", show=False),
    ]
    HELP_EXTRA = [Binding("enter", "", "Open history")]
    # The views opened from here: the help page lists their keys too.
    HELP_SUBSCREENS = [
        ("A habit's history", "tracker.ui.screens.habits.detail:HabitDetailScreen"),
        ("Habits › Deleted", "tracker.ui.screens.habits.bin:DeletedScreen"),
    ]

    def __init__(self) -> None:
        super().__init__(id="habits")
        self.shown: list[Habit] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("habits")
        yield Static(
            "A tap or enter opens a habit's history. Archived habits keep their history "
            "and stop showing on Today.",
            classes="hint",
        )
        yield TapTable(id="habit-list", cursor_type="row")
        yield Static("No habits yet: press a to add one.", id="habits-empty", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Habits"
        self.refresh_data()

    def on_screen_resume(self) -> None:
        self.refresh_data()

    def _owner_text(self, habit: Habit) -> str:
        couple = self.rekindle.couple
        assert couple is not None
        if habit.owner in (Owner.A, Owner.B):
            return one_line(couple.name_of(habit.owner.value), 14)
        return {Owner.EACH: "each of us", Owner.TOGETHER: "together"}[habit.owner]

    def refresh_data(self, select: str | None = None) -> None:
        couple = self.rekindle.couple
        assert couple is not None
        table = self.query_one("#habit-list", DataTable)
        keep = select or self.current_id()
        habits = couple.habits(include_archived=True)
        self.shown = sorted(habits, key=lambda h: h.archived)  # archived ones last
        # The "archived" column only when something is archived: its padding is the
        # title's room otherwise (at 80 columns every character of a title counts).
        archived = any(h.archived for h in self.shown)
        # On a phone only whose it is stays beside the title (a tap on it shows the rest).
        phone = (self.size.width or self.app.size.width) < PHONE_WIDTH
        shown = ("Who",) if phone else ("Area", "Who", "When")
        labels = (*shown, "") if archived else shown
        cells = [
            tuple(
                {
                    "Area": h.area.value,
                    "Who": self._owner_text(h),
                    "When": h.schedule.describe(),
                    "": "archived" if h.archived else "",
                }[label]
                for label in labels
            )
            for h in self.shown
        ]
        widths = [
            max([len(label), *(cell_len(c[i]) for c in cells)]) for i, label in enumerate(labels)
        ]
        # What is left after the other columns, their padding (one each side) and the
        # scrollbar goes to the title.
        used = sum(widths) + 2 * (len(labels) + 1) + 2
        room = max(12, (self.size.width or self.app.size.width) - used)
        table.clear(columns=True)
        table.add_column("Habit", key="title", width=room)
        for label, width in zip(labels, widths, strict=True):
            table.add_column(label, width=width)
        for habit, row in zip(self.shown, cells, strict=True):
            style = "dim" if habit.archived else ""
            table.add_row(
                Text(one_line(habit.title, room), style=style),
                *(Text(cell, style=style) for cell in row[: len(shown)]),
                *(Text(cell, style="italic") for cell in row[len(shown) :]),
                key=habit.id,
            )
        for index, habit in enumerate(self.shown):
            if habit.id == keep:
                table.move_cursor(row=index, animate=False)
        self.query_one("#habits-empty", Static).display = not self.shown

    def on_resize(self) -> None:
        self.refresh_data()

    def current(self) -> Habit | None:
        table = self.query_one("#habit-list", DataTable)
        if not self.shown or not 0 <= table.cursor_row < len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def current_id(self) -> str | None:
        habit = self.current()
        return habit.id if habit else None

    def action_cursor(self, step: int) -> None:
        table = self.query_one("#habit-list", DataTable)
        table.move_cursor(row=max(0, table.cursor_row + step))

    @on(DataTable.RowSelected)
    def open_detail(self) -> None:
        habit = self.current()
        if habit is not None:
            self.app.push_screen(HabitDetailScreen(habit))

    def action_add(self) -> None:
        add_habit_flow(self.rekindle, on_done=self.refresh_data)

    def action_edit(self) -> None:
        habit = self.current()
        if habit is not None:
            edit_habit_flow(self.rekindle, habit, on_done=self.refresh_data)

    def action_archive(self) -> None:
        habit = self.current()
        if habit is None:
            return
        changed = habit.with_changes(archived=not habit.archived)
        verb = "Archived" if changed.archived else "Brought back"
        said = f"{verb} “{one_line(habit.title, 40)}”. Press u to undo."
        self.write(lambda: self.couple.save_habit(changed), said)

    def action_delete(self) -> None:
        habit = self.current()
        if habit is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(
                    lambda: self.couple.delete_habit(habit.id),
                    f"Deleted “{one_line(habit.title, 40)}”. Press u to undo; "
                    "it also waits under D (Deleted) for 30 days.",
                )

        question = (
            f"Delete “{one_line(habit.title, 50)}”? Its check-offs stay in the "
            "folder, and u brings it back. Archiving keeps it out of sight instead."
        )
        self.app.push_screen(ConfirmDialog(question, "Delete"), answered)

    def action_deleted(self) -> None:
        from tracker.ui.screens.habits.bin import DeletedScreen

        self.app.push_screen(DeletedScreen())

    def action_move(self, step: int) -> None:
        habit = self.current()
        active = [h for h in self.shown if h.archived == (habit.archived if habit else False)]
        if habit is None or habit not in active:
            return
        index = active.index(habit)
        target = index + step
        if not 0 <= target < len(active):
            return
        moved = reordered(active, habit, target)
        # Every habit's new place is saved at once, or none is (a half-done move would
        # leave two habits on one place), and u takes the whole move back.
        self.write(
            lambda: [self.couple.save_habit(h) for h in moved],
            redraw=lambda: self.refresh_data(select=habit.id),
        )
