"""Every key, on one page, read from the bindings themselves so it never goes stale.

The screens come from the registry, so a new screen's keys are listed here
without touching this file. A screen may add HELP_EXTRA (keys its widgets
handle, such as enter on a table) and HELP_SUBSCREENS (the views it opens,
as (title, "module:Class")), whose keys are listed after its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from tracker.domain.days import MONDAY
from tracker.domain.habits.week import week_share_means
from tracker.store.couple import Couple
from tracker.store.settings import first_weekday
from tracker.ui.registry import SCREENS, load_class
from tracker.ui.styles import sheet

ABOUT = (
    "Rekindle keeps the small things two people do for each other in view. "
    "Tick what you did today; skip what you planned to skip (a skip never breaks a "
    "streak). The together streak counts the days you both showed up for at least "
    "one habit. Strength forgives a missed day: it grows with steady practice and "
    "fades slowly, not all at once."
)
# The mark nav.py puts on a screen's name, explained where people look for what things mean.
DUE_MEANS = (
    "A • after a screen's name in the row at the top: something there is due now (a habit "
    "whose reminder time has come, a talk soon, tonight's date, the check-in waiting). "
    "`rekindle remind` lists the same from a terminal, and `rekindle remind install` "
    "brings it to your desktop's notifications."
)
Section = tuple[str, list[BindingType]]


def _keys_of(screen: type[Screen[None]]) -> list[BindingType]:
    extra: Sequence[BindingType] = getattr(screen, "HELP_EXTRA", ())
    return [*screen.BINDINGS, *extra]


def screen_sections() -> list[Section]:
    """Each screen's keys, in the order of the row of screens, each followed by its views.

    Importing every screen class here is fine: help opens long after start-up.
    """
    sections: list[Section] = []
    for entry in SCREENS:
        screen = entry.load()
        sections.append((entry.title, _keys_of(screen)))
        subscreens: Sequence[tuple[str, str]] = getattr(screen, "HELP_SUBSCREENS", ())
        sections += [(title, _keys_of(load_class(where))) for title, where in subscreens]
    return sections


def help_sections(app_bindings: Iterable[BindingType]) -> list[Section]:
    everywhere = [*app_bindings, Binding("ctrl+p", "", "Command palette")]
    return [("Everywhere", everywhere), *screen_sections()]


class HelpScreen(ModalScreen[None]):
    CSS_PATH = sheet("dialogs.tcss")
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide", id="help"):
            yield Static(Text("Keys · Esc closes this page", style="bold"))
            # The running app's own keys: this module does not import the app.
            for title, bindings in help_sections(self.app.BINDINGS):
                yield Static(self._table(title, bindings))
            yield Static(Text(ABOUT), classes="hint")
            yield Static(Text(week_share_means(self._first_weekday())), classes="hint")
            yield Static(Text(DUE_MEANS), classes="hint")
            yield Static(Text("Esc closes this page.", style="dim"))
        yield Footer()

    def _first_weekday(self) -> int:
        # Help opens during the welcome too, before there is a couple to ask.
        couple = getattr(self.app, "couple", None)
        return first_weekday(couple) if isinstance(couple, Couple) else MONDAY

    def _table(self, title: str, bindings: list[BindingType]) -> Group:
        table = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        shown: set[tuple[str, str]] = set()
        for binding in bindings:
            if not isinstance(binding, Binding):
                continue
            keys = " / ".join(
                self.app.get_key_display(Binding(k, "")) for k in binding.key.split(",")
            )
            row = (keys, binding.description or binding.action)
            if row not in shown:  # Goals has two "a Add" keys, one for each tab
                shown.add(row)
                table.add_row(*row)
        # The heading on a line of its own: a table's title would wrap to the table's width.
        return Group(Text(""), Text(title, style="bold underline"), table)
