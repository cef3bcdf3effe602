"""One habit in depth: a year heatmap per person, longest runs, strength over time."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Footer, Header, Label, Sparkline, Static

from tracker.domain.habits.history import longest_runs, weekly_strength, year_grid
from tracker.domain.habits.links import link_words
from tracker.domain.habits.progress import habit_checks, streaks, strength
from tracker.domain.habits.schedule import streak_words
from tracker.domain.models import Habit
from tracker.domain.text import visible
from tracker.store.settings import first_weekday
from tracker.ui.screens.base import RekindleScreen
from tracker.ui.styles import sheet
from tracker.ui.widgets.heatmap import Heatmap
from tracker.ui.widgets.literal import literal
from tracker.ui.widgets.nav import NavBar


class HabitDetailScreen(RekindleScreen):
    CSS_PATH = sheet("habits.tcss")
    BINDINGS = [
        Binding("escape,backspace", "app.pop_screen", "Back", id="detail.back"),
        Binding("e", "edit", "Edit", id="detail.edit"),
    ]

    def __init__(self, habit: Habit) -> None:
        super().__init__(id="habit-detail")
        self.habit = habit

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("habits")
        yield VerticalScroll(id="detail-body")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        couple = self.rekindle.couple
        assert couple is not None
        habit = couple.habit(self.habit.id) or self.habit
        self.habit = habit
        # The title bar names the habit (shown literally: a partner may have typed it).
        self.sub_title = f"Habits › {visible(habit.title, newlines=False)}"
        today = self.rekindle.today()
        body = self.query_one("#detail-body", VerticalScroll)
        body.remove_children()
        widgets: list[Widget] = [
            Label(literal(habit.title), classes="detail-title"),
            Static(
                literal(
                    f"{habit.area.value.capitalize()} · {habit.schedule.describe()}"
                    + (f" · {habit.description}" if habit.description else "")
                ),
                classes="hint",
            ),
        ]
        linked = link_words(habit)
        if linked:  # what else ticks it, so a tick nobody typed is never a mystery
            widgets.append(Static(f"{linked[0].upper()}{linked[1:]}.", classes="hint"))
        checks_by = couple.checks_by()
        first = first_weekday(couple)
        for person in habit.people():
            checks = habit_checks(checks_by, habit, person)
            run = streaks(habit, checks, today, first)
            who = couple.name_of(person)
            widgets.append(
                Label(
                    literal(
                        f"{who}: streak {streak_words(run.current, run.unit)}, best {run.best} · "
                        f"strength {round(strength(habit, checks, today) * 100)}%"
                    ),
                    classes="who",
                )
            )
            grid = year_grid(habit, checks, today, first_weekday=first)
            widgets.append(Heatmap(grid, today, first_weekday=first))
            points = weekly_strength(habit, checks, today)
            if len(points) > 1:
                widgets.append(Label("Strength, week by week over the last year", classes="hint"))
                widgets.append(Sparkline(points, classes="strength"))
            runs = longest_runs(habit, checks, today)
            if runs:
                text = "  ".join(f"{r.length} ({r.first:%d %b %Y}–{r.last:%d %b})" for r in runs)
                widgets.append(Static(f"Longest runs: {text}", classes="hint"))
        body.mount_all(widgets)

    def action_edit(self) -> None:
        from tracker.ui.screens.habits.form import edit_habit_flow

        edit_habit_flow(self.rekindle, self.habit, on_done=self.refresh_data)
