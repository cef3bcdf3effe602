"""Every key, on one page, read from the bindings themselves so it never goes stale."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tracker.ui.styles import sheet

ABOUT = (
    "Rekindle keeps the small things two people do for each other in view. "
    "Tick what you did today; skip what you planned to skip (a skip never breaks a "
    "streak). The together streak counts the days you both showed up for at least "
    "one habit. Strength forgives a missed day: it grows with steady practice and "
    "fades slowly, not all at once."
)


def _sections() -> list[tuple[str, list[BindingType]]]:
    # Imported here: the screens import this module's neighbours.
    from tracker.ui.app import RekindleApp
    from tracker.ui.screens.habits.bin import DeletedScreen
    from tracker.ui.screens.habits.detail import HabitDetailScreen
    from tracker.ui.screens.habits.screen import HabitsScreen
    from tracker.ui.screens.habits.today import TodayScreen
    from tracker.ui.widgets.habit_table import HabitTable

    return [
        ("Everywhere", [*RekindleApp.BINDINGS, Binding("ctrl+p", "", "Command palette")]),
        (
            "Today",
            [
                *TodayScreen.BINDINGS,
                Binding("enter", "", "Tick"),
                *HabitTable.BINDINGS,
                Binding("up,down", "", "Move"),
            ],
        ),
        ("Habits", [*HabitsScreen.BINDINGS, Binding("enter", "", "Open history")]),
        ("A habit's history", HabitDetailScreen.BINDINGS),
        ("Habits › Deleted", DeletedScreen.BINDINGS),
    ]


class HelpScreen(ModalScreen[None]):
    CSS_PATH = sheet("dialogs.tcss")
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide", id="help"):
            yield Static(Text("Keys", style="bold"))
            for title, bindings in _sections():
                yield Static(self._table(title, bindings))
            yield Static(Text(ABOUT), classes="hint")
            yield Static(Text("Esc closes this page.", style="dim"))

    def _table(self, title: str, bindings: list[BindingType]) -> Table:
        table = Table(
            title=title, title_justify="left", show_header=False, box=None, padding=(0, 2, 0, 0)
        )
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for binding in bindings:
            if not isinstance(binding, Binding):
                continue
            keys = " / ".join(
                self.app.get_key_display(Binding(k, "")) for k in binding.key.split(",")
            )
            table.add_row(keys, binding.description or binding.action)
        return table
