"""Today: both partners' habits side by side, ticked with the keyboard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from rich.style import Style
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical
from textual.widgets import DataTable, Footer, Header, Label, Static

from tracker.domain.habits.today import CoupleFigures, HabitRow, couple_figures, row_for, rows_for
from tracker.domain.habits.week import week_share_means
from tracker.domain.models import PARTNERS, US, Check, CheckStatus, Habit
from tracker.domain.text import count
from tracker.store.couple import Couple
from tracker.store.settings import first_weekday
from tracker.ui.registry import OVER_TODAY
from tracker.ui.screens.base import RekindleScreen
from tracker.ui.styles import sheet
from tracker.ui.widgets.habit_table import HabitTable
from tracker.ui.widgets.literal import literal, one_line, wrapped
from tracker.ui.widgets.nav import NavBar


@dataclass(frozen=True, slots=True)
class TodayView:
    day: date
    habits: list[Habit]
    rows: dict[str, list[HabitRow]]  # person key (a, b, us) → rows
    figures: CoupleFigures
    complete: bool  # streaks and strength counted on the whole history


def today_view(couple: Couple, day: date) -> TodayView:
    habits, checks, complete = couple.habits(), couple.checks_by(), couple.store.complete
    first = first_weekday(couple)
    return TodayView(
        day=day,
        habits=habits,
        rows={
            p: rows_for(habits, checks, p, day, complete, first_weekday=first)
            for p in (*PARTNERS, US)
        },
        figures=couple_figures(habits, checks, day, first_weekday=first),
        complete=complete,
    )


# The meta a line carries when a tap on it opens a view over Today: that view's key.
OPENS = "opens"


def day_label(day: date, today: date) -> str:
    text = f"{day:%A} {day.day} {day:%B %Y}"
    offset = (today - day).days
    if offset == 0:
        return f"{text} · today"
    if offset == 1:
        return f"{text} · yesterday"
    return f"{text} · {count(offset, 'day')} ago"


class TodayScreen(RekindleScreen):
    CSS_PATH = sheet("today.tcss")
    BINDINGS = [
        Binding("space", "tick", "Tick", id="today.tick"),
        Binding("s", "skip", "Skip", id="today.skip"),
        # Keys that open a form act as they are read (priority; there is no field here to
        # type in), so what is typed straight after goes to the form, not to the lists
        # (whose h and l act as read too): `a` and a quick "Walk" keep the l.
        Binding("n", "note", "Note", id="today.note", priority=True),
        Binding("left_square_bracket", "day(-1)", "Day back", show=False, id="today.back"),
        Binding("right_square_bracket", "day(1)", "Day on", show=False, id="today.forward"),
        Binding("t", "back_to_today", "To today", show=False, id="today.today"),
        Binding("a", "add_habit", "Add habit", id="today.add", priority=True),
        # Off the footer (it is full at 80 columns): the line itself says which key hides it.
        Binding("x", "hide_since", "Hide what is new", show=False, id="today.since"),
        # Its line at the top names d; m is on the help page and in the palette.
        *(view.binding() for view in OVER_TODAY),
    ]
    HELP_EXTRA = [
        Binding("enter", "", "Tick"),
        *HabitTable.BINDINGS,
        Binding("up,down", "", "Move"),
    ]
    HELP_SUBSCREENS = [(view.title, view.where) for view in OVER_TODAY]

    def __init__(self) -> None:
        super().__init__(id="today")
        self.day: date | None = None
        # What the rows were last drawn from: (couple, its store's generation, day). A
        # resume (Textual sends two before the first frame) redraws only when it moved.
        self._drawn: tuple[int, int, date] | None = None

    def compose(self) -> ComposeResult:
        couple = self.rekindle.couple
        assert couple is not None
        yield Header()
        yield NavBar("today")
        with Vertical(id="top"):
            yield Static(id="since")  # what the partner did while this person was away
            # Hover explains the percentages (the help page says it too): _draw_figures.
            yield Static(id="figures")
            yield Static(id="day")
            yield Static(id="agenda")
        with Container(id="columns"):
            with Vertical(classes="person", id="col-me"):
                yield Label(id="label-me", classes="who")
                yield HabitTable(couple.me, id="table-me")
            with Vertical(classes="person", id="col-partner"):
                yield Label(id="label-partner", classes="who")
                yield HabitTable(couple.partner_key, id="table-partner")
        with Vertical(id="together"):
            yield Label("Together", classes="who")
            yield HabitTable(US, id="table-us")
        yield Static(id="empty")
        yield Footer()

    def on_mount(self) -> None:
        self.day = self.rekindle.today()
        self.refresh_data()
        self.query_one("#table-me", HabitTable).focus()
        self.query_one("#since").display = False
        self.call_after_refresh(self._greet)  # after the first frame: the habits come first

    def on_unmount(self) -> None:
        """The app is closing: what arrived while it was open was told as it came, so
        the next opening tells only what comes after."""
        from tracker.store.since import mark_here

        if self.rekindle.couple is not None:
            mark_here(self.rekindle.couple, self.rekindle.clock())

    def on_screen_resume(self) -> None:
        couple = self.rekindle.couple
        if couple is None or self.day is None:
            return
        if self._drawn != (id(couple), couple.store.generation, self.day):
            self.refresh_data()
        else:  # the rows stand; what is coming up moves with the clock
            self.call_after_refresh(self._draw_agenda)

    # -- drawing -------------------------------------------------------------

    def compute(self, couple: Couple) -> TodayView:
        """Everything the screen shows for its day. Pure reading, so a worker thread may
        call it on a couple of its own."""
        assert self.day is not None
        return today_view(couple, self.day)

    def refresh_data(self, view: TodayView | None = None) -> None:
        couple = self.rekindle.couple
        if couple is None or self.day is None:
            return
        if view is None or view.day != self.day:
            view = self.compute(couple)
        self._drawn = (id(couple), couple.store.generation, self.day)
        me, partner = couple.me, couple.partner_key
        self.sub_title = "Today"
        self.query_one("#label-me", Label).update(literal(f"{couple.name_of(me)} (you)"))
        self.query_one("#label-partner", Label).update(literal(couple.name_of(partner)))
        tables = (("#table-me", me), ("#table-partner", partner), ("#table-us", US))
        for selector, person in tables:
            table = self.query_one(selector, HabitTable)
            table.history_ready = view.complete
            table.show(view.rows[person])
        self.query_one("#together").display = bool(view.rows[US])
        self._draw_figures(view.figures, view.complete)
        # After the frame: every feature has a say here, and none should delay the habits.
        self.call_after_refresh(self._draw_agenda)
        empty = self.query_one("#empty", Static)
        empty.display = not view.habits
        empty.update(
            "No habits yet. Press [b]a[/b] to add one — the starter ideas are a "
            "good place to begin."
        )

    def _greet(self) -> None:
        # Imported here, as the agenda's: the first frame waits for none of what it reads.
        from tracker.store.since import since_you_were_here

        couple = self.rekindle.couple
        line = since_you_were_here(couple, self.rekindle.clock()) if couple else None
        if line is None:
            return
        box = self.query_one("#since", Static)
        box.update(wrapped(line).append("  x hides this", style="dim"))
        box.display = True
        self._draw_agenda()  # the question's line makes room for it

    def action_hide_since(self) -> None:
        """Gone for the rest of this opening; the next one tells only what is new by then."""
        self.query_one("#since").display = False
        self._draw_agenda()

    def _draw_agenda(self) -> None:
        from tracker.store.agenda import today_agenda

        couple = self.rekindle.couple
        if couple is None or self.day is None:
            return
        from tracker.store.daily import today_line

        lines = [f"◆ {line}" for line in today_agenda(couple, self.day)]
        agenda = literal("\n".join(lines))
        # The day's question closes the list, whichever day the habits show; while the
        # "since you were here" lines show, it waits (x brings it), so at 80×24 every
        # habit still fits above the footer.
        if not self.query_one("#since").display:
            question = literal(f"◆ {today_line(couple, self.rekindle.today())}")
            question.append("  · d", style="dim")
            # A tap on the line opens the question as d does (on_click below). Not a link
            # ("@click"): a link's colour and underline would restyle the line.
            question.stylize(Style(meta={OPENS: "d"}))
            agenda.append("\n" if lines else "").append(question)
        box = self.query_one("#agenda", Static)
        box.display = bool(agenda)
        box.update(agenda)

    async def on_click(self, event: events.Click) -> None:
        """A tap on a line that names a view over Today (the day's question) opens it."""
        key = event.style.meta.get(OPENS)
        view = next((view for view in OVER_TODAY if view.key == key), None)
        if view is not None:
            event.stop()
            await self.app.run_action(view.binding().action)

    def _draw_figures(self, figures: CoupleFigures | None = None, complete: bool = True) -> None:
        couple = self.rekindle.couple
        assert couple is not None and self.day is not None
        first = first_weekday(couple)
        if figures is None:
            figures = couple_figures(
                couple.habits(), couple.checks_by(), self.day, first_weekday=first
            )
            complete = couple.store.complete
        streak = figures.together_streak
        parts = [f"Together streak: {count(streak, 'day')}"]
        if not complete:
            parts = ["Together streak: …"]  # counted once the whole history is in
        for person in (couple.me, couple.partner_key):
            share = figures.week[person]
            shown = "—" if share is None else f"{round(share * 100)}%"
            parts.append(f"{one_line(couple.name_of(person), 24)} {shown}")
        week = "  ·  This week: " + ", ".join(parts[1:])
        box = self.query_one("#figures", Static)
        box.update(literal(parts[0] + week))
        box.tooltip = week_share_means(first)  # names the day the week begins on
        self.query_one("#day", Static).update(
            day_label(self.day, self.rekindle.today()) + "   [dim]\\[ and ] change day[/dim]"
        )

    def _redraw_row(self, table: HabitTable, row: HabitRow) -> None:
        couple = self.rekindle.couple
        assert couple is not None and self.day is not None
        fresh = row_for(
            row.habit,
            table.person,
            couple.checks_by(),
            self.day,
            couple.store.complete,
            first_weekday=first_weekday(couple),
        )
        table.update_row(fresh)
        self._draw_figures()

    # -- acting ----------------------------------------------------------------

    def _focused(self) -> tuple[HabitTable, HabitRow] | None:
        table = self.focused if isinstance(self.focused, HabitTable) else None
        row = table.current() if table else None
        if table is None or row is None:
            self.notify("Pick a habit first: tap it, or use the arrow keys.", severity="warning")
            return None
        return table, row

    def _save(self, check: Check | None, row: HabitRow, table: HabitTable, what: str) -> None:
        """A tick, skip or note (None clears it); only its row and the figures redraw."""
        couple = self.couple
        self.write(
            lambda: (
                couple.clear_check(row.habit.id, row.person, row.day)
                if check is None
                else couple.set_check(check, what)
            ),
            redraw=lambda: self._redraw_row(table, row),
        )

    @on(DataTable.RowSelected)
    def _enter_ticks(self, event: DataTable.RowSelected) -> None:
        # Enter, or a tap on a row (widgets/tap_table.py): a tap on another list than the
        # one focused ticks on the list tapped, which takes the focus as space expects.
        if isinstance(event.data_table, HabitTable):
            self.set_focus(event.data_table, scroll_visible=False)
        self.action_tick()

    def action_tick(self) -> None:
        found = self._focused()
        if found is None:
            return
        table, row = found
        if row.habit.measurable:
            from tracker.ui.screens.dialogs import AmountDialog

            current = row.check.value if row.check else None
            self.app.push_screen(
                AmountDialog(row.habit, current),
                lambda value: self._ticked_amount(table, row, value),
            )
            return
        if row.check is not None and row.check.status is CheckStatus.DONE:
            self._save(None, row, table, "Unticked")
            return
        note = row.check.note if row.check else ""
        check = Check(row.habit.id, row.person, row.day, CheckStatus.DONE, note=note)
        self._save(check, row, table, f"Ticked “{row.habit.title}”")

    def _ticked_amount(self, table: HabitTable, row: HabitRow, value: float | None) -> None:
        if value is None:
            return
        note = row.check.note if row.check else ""
        check = Check(row.habit.id, row.person, row.day, CheckStatus.DONE, value, note)
        self._save(check, row, table, f"Logged “{row.habit.title}”")

    def action_skip(self) -> None:
        found = self._focused()
        if found is None:
            return
        table, row = found
        if row.check is not None and row.check.status is CheckStatus.SKIP:
            self._save(None, row, table, "Unskipped")
            return
        check = Check(
            row.habit.id,
            row.person,
            row.day,
            CheckStatus.SKIP,
            note=row.check.note if row.check else "",
        )
        self._save(check, row, table, f"Skipped “{row.habit.title}”")

    def action_note(self) -> None:
        found = self._focused()
        if found is None:
            return
        table, row = found
        if row.check is None:
            self.notify("Tick or skip it first; the note goes with that.", severity="warning")
            return
        from tracker.ui.screens.dialogs import NoteDialog

        self.app.push_screen(
            NoteDialog(row.habit.title, row.check.note),
            lambda note: self._noted(table, row, note),
        )

    def _noted(self, table: HabitTable, row: HabitRow, note: str | None) -> None:
        if note is None or row.check is None:
            return
        check = Check(row.habit.id, row.person, row.day, row.check.status, row.check.value, note)
        self._save(check, row, table, "Saved the note")

    def action_day(self, step: int) -> None:
        assert self.day is not None
        today = self.rekindle.today()
        target = self.day + timedelta(days=step)
        if target > today:
            self.notify("That day hasn't happened yet.", severity="information")
            return
        self.day = target
        self.refresh_data()

    def action_back_to_today(self) -> None:
        self.day = self.rekindle.today()
        self.refresh_data()

    def action_add_habit(self) -> None:
        from tracker.ui.screens.habits.form import add_habit_flow

        add_habit_flow(self.rekindle, on_done=self.refresh_data)

    def action_focus_column(self, step: int) -> None:
        tables = [t for t in self.query(HabitTable) if t.display and t.rows_shown]
        if not tables:
            return
        focused = self.focused
        index = tables.index(focused) if focused in tables else 0
        self.set_focus(tables[(index + step) % len(tables)])  # now, not after queued keys
