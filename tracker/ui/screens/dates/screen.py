"""Dates: what's coming up, what you did (with both ratings), and the idea jar."""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from tracker.domain.content.ideas import IdeaKind
from tracker.domain.dates.input import DateDraft
from tracker.domain.dates.jar import (
    JarIdea,
    coming_saturday,
    draft_from_idea,
    idea_from_text,
)
from tracker.domain.dates.model import DateNight, Occurrence
from tracker.domain.dates.records import DateStatus
from tracker.domain.dates.views import length_text, past, stars_text, upcoming, when_text
from tracker.store import dates as store
from tracker.store.couple import Change, Couple
from tracker.store.links import ticked_also
from tracker.ui.screens.base import RekindleScreen
from tracker.ui.screens.dates.forms import DateForm, IdeaDialog, RatingDialog
from tracker.ui.screens.dialogs import ConfirmDialog
from tracker.ui.screens.ordered_keys import tab_row_settled
from tracker.ui.styles import sheet
from tracker.ui.widgets.date_table import EveningTable, JarTable, ListTable
from tracker.ui.widgets.literal import literal, one_line
from tracker.ui.widgets.nav import NavBar

TABS = ("upcoming", "past", "jar")

JAR_ONLY = {"plan"}
EVENINGS_ONLY = {"done", "rate", "cancel_evening"}


class DatesScreen(RekindleScreen):
    CSS_PATH = sheet("dates.tcss")
    BINDINGS = [
        Binding("a", "add", "Plan", id="dates.add"),
        Binding("s", "surprise", "Surprise me", id="dates.surprise"),
        Binding("p", "plan", "Plan this idea", id="dates.plan"),
        Binding("d", "done", "Done", id="dates.done"),
        Binding("r", "rate", "Rate", id="dates.rate"),
        Binding("c", "cancel_evening", "Call off", id="dates.cancel"),
        Binding("C", "cancel_series", "Call off every evening", show=False, id="dates.series"),
        Binding("e", "edit", "Edit", show=False, id="dates.edit"),
        Binding("i", "add_idea", "Own idea", show=False, id="dates.idea"),
        Binding("x,delete", "delete", "Delete", show=False, id="dates.delete"),
        Binding("E", "export", "Export .ics", show=False, id="dates.export"),
        Binding("tab", "switch_tab(1)", "Next list", show=False, id="dates.tab", priority=True),
    ]
    HELP_EXTRA = [
        Binding("left,right", "switch_tab", "Upcoming, past, idea jar", show=False),
        Binding("enter", "open", "Upcoming: edit · past: rate · jar: plan it", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="dates")

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("dates")
        yield Static(id="figures")
        with TabbedContent(initial="upcoming", id="tabs"):
            with TabPane("Upcoming", id="upcoming"):
                yield EveningTable(id="upcoming-table")
            with TabPane("Past", id="past"):
                yield EveningTable(id="past-table")
            with TabPane("Idea jar", id="jar"):
                yield JarTable(id="jar-table")
        yield Static(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Dates"
        self.refresh_data()
        self.table().focus()

    def on_screen_resume(self) -> None:
        self.refresh_data()

    # -- drawing ---------------------------------------------------------------

    def tab(self) -> str:
        return self.query_one("#tabs", TabbedContent).active or "upcoming"

    def table(self, tab: str | None = None) -> ListTable[Occurrence] | ListTable[JarIdea]:
        return self.query_one(f"#{tab or self.tab()}-table", ListTable)

    def refresh_data(self) -> None:
        couple, moment = self.couple, self.rekindle.clock()
        everything, marks = store.dates(couple), store.marks(couple)
        self.query_one("#figures", Static).update(
            literal(store.quality(couple, self.rekindle.today()).text())
        )
        self.query_one("#upcoming-table", EveningTable).show_upcoming(
            upcoming(everything, marks, moment), self.rekindle.today()
        )
        people = [(key, couple.name_of(key)) for key in (couple.me, couple.partner_key)]
        self.query_one("#past-table", EveningTable).show_past(
            past(everything, marks, moment), store.ratings(couple), people
        )
        self.query_one("#jar-table", JarTable).show(store.idea_jar(couple))
        self.show_detail()

    def on_resize(self) -> None:
        self.refresh_data()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The footer has room for one list's keys at 80 columns: the jar's or the evenings'.
        if action in JAR_ONLY or action in EVENINGS_ONLY:
            on_jar = self.is_mounted and self.tab() == "jar"
            return on_jar == (action in JAR_ONLY)
        return True

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()

    @on(DataTable.RowHighlighted)
    @on(TabbedContent.TabActivated)
    def show_detail(self) -> None:
        item = self.table().current()
        detail = self.query_one("#detail", Static)
        if item is None:
            empty = {
                "upcoming": "Nothing planned yet. Press a to plan a date, or s for an idea.",
                "past": "Dates you have had show here, with both your ratings.",
                "jar": "The jar is empty.",
            }
            detail.update(empty[self.tab()])
            return
        detail.update(
            self._idea_detail(item) if isinstance(item, JarIdea) else self._evening_detail(item)
        )

    def _evening_detail(self, occ: Occurrence) -> Text:
        dn = occ.date
        parts = [f"{when_text(occ, with_year=True)} · {length_text(dn)}"]
        if dn.place:
            parts.append(f"at {dn.place}")
        if dn.repeat.repeats:
            parts.append(dn.repeat.describe(dn.first_day))
        if dn.alarm_minutes is not None:
            parts.append(f"reminder {dn.alarm_minutes} min before")
        if dn.tz != store.couple_tz(self.couple):
            parts.append(dn.tz)
        lines = [" · ".join(parts)]
        rated = store.ratings(self.couple).get((dn.id, occ.day), {})
        for key in (self.couple.me, self.couple.partner_key):
            if key in rated:
                memory = f"  “{rated[key].memory}”" if rated[key].memory else ""
                lines.append(f"{self.couple.name_of(key)} {stars_text(rated[key].stars)}{memory}")
        if dn.notes:
            lines.append(dn.notes)
        return literal("\n".join(one_line(line, 200) for line in lines[:4]))

    def _idea_detail(self, idea: JarIdea) -> Text:
        own = f" · added by {self.couple.name_of(idea.by)}" if idea.own and idea.by else ""
        head = f"{idea.summary()}{own} · p plans it for "
        return literal(f"{head}{self._saturday()}\n{idea.description}")

    def _saturday(self) -> str:
        day = coming_saturday(self.rekindle.today())
        return f"{day:%A} {day.day} {day:%B}"

    # -- moving about ------------------------------------------------------------

    async def action_switch_tab(self, step: int) -> None:
        index = (TABS.index(self.tab()) + step) % len(TABS)
        self.show_tab(TABS[index])
        await tab_row_settled(self.query_one("#tabs", TabbedContent))

    def show_tab(self, tab: str) -> None:
        self.query_one("#tabs", TabbedContent).active = tab
        # Now, not behind keys already typed: they are meant for this list.
        self.set_focus(self.table(tab))
        self.show_detail()

    @on(DataTable.RowSelected)
    def action_open(self) -> None:
        {"upcoming": self.action_edit, "past": self.action_rate, "jar": self.action_plan}[
            self.tab()
        ]()

    def _evening(self) -> Occurrence | None:
        item = self.table().current() if self.tab() != "jar" else None
        if not isinstance(item, Occurrence):
            self.notify("Pick a date first (upcoming or past).", severity="warning")
            return None
        return item

    # -- changing things -----------------------------------------------------------

    def _open_form(self, draft: DateDraft, old: DateNight | None) -> None:
        couple = self.couple

        def build(filled: DateDraft) -> DateNight:
            if old is None:
                return store.new_date(couple, filled)
            return store.edited_date(couple, old, filled)

        def saved(dn: DateNight | None) -> None:
            if dn is None:
                return
            verb = "Planned" if old is None else "Changed"
            if self.write(
                lambda: store.save_date(couple, dn), f"{verb} “{one_line(dn.title, 40)}”."
            ):
                self.show_tab("upcoming")
                first = store.occurrence(couple, dn, dn.first_day)
                self.table("upcoming").select_key(first.key if first else None)

        heading = "Plan a date" if old is None else "Change this date"
        self.app.push_screen(DateForm(draft, build, heading), saved)

    def action_add(self) -> None:
        today = self.rekindle.today()
        draft = DateDraft(day=coming_saturday(today).isoformat(), tz=store.couple_tz(self.couple))
        self._open_form(draft, None)

    def action_edit(self) -> None:
        occ = self._evening()
        if occ is not None:
            self._open_form(DateDraft.of(occ.date), occ.date)

    def action_plan(self) -> None:
        idea = self.table("jar").current() if self.tab() == "jar" else None
        if not isinstance(idea, JarIdea):
            self.show_tab("jar")
            self.notify("Pick an idea from the jar, then press p (or enter).")
            return
        today = self.rekindle.today()
        self._open_form(draft_from_idea(idea, today, store.couple_tz(self.couple)), None)

    def action_surprise(self) -> None:
        idea = store.surprise_me(self.couple, self.rekindle.today())
        if idea is None:
            return
        self.show_tab("jar")
        self.table("jar").select_key(idea.key)
        # No toast: it would cover the idea's own description, and the footer shows p.
        self.show_detail()

    def action_done(self) -> None:
        occ = self._evening()
        if occ is None:
            return
        dn, moment = occ.date, self.rekindle.clock()
        written: list[Change] = []  # to say which habits it ticked too

        def mark() -> list[Change]:
            written.extend(store.mark_done(self.couple, dn, occ.day, moment))
            return written

        if self.write(mark):
            self.notify(f"Marked done{ticked_also(self.couple, written)}.")
            self.action_rate(occ)

    def action_rate(self, occ: Occurrence | None = None) -> None:
        occ = occ or self._evening()
        if occ is None:
            return
        mine = store.ratings(self.couple).get((occ.date.id, occ.day), {}).get(self.couple.me)

        def rated(answer: tuple[int, str] | None) -> None:
            if answer is None:
                return
            stars, memory = answer
            moment = self.rekindle.clock()
            written: list[Change] = []  # an evening not yet done is marked done, and ticks

            def rate() -> list[Change]:
                written.extend(store.rate(self.couple, occ.date, occ.day, stars, memory, moment))
                return written

            if self.write(rate):
                also = ticked_also(self.couple, written)
                self.notify(f"Saved your {stars_text(stars)}{also}.")

        dialog = RatingDialog(
            occ.date.title, mine.stars if mine else None, mine.memory if mine else ""
        )
        self.app.push_screen(dialog, rated)

    def action_cancel_evening(self) -> None:
        occ = self._evening()
        if occ is None:
            return
        dn = occ.date
        if dn.cancelled:
            self.action_cancel_series()
            return
        back = occ.status is DateStatus.CANCELLED
        status = DateStatus.PLANNED if back else DateStatus.CANCELLED
        words = "Back on" if back else "Called off"
        self.write(
            lambda: store.set_status(self.couple, dn, occ.day, status),
            f"{words}: “{one_line(dn.title, 40)}” on {occ.day:%a %d %b}. u undoes it.",
        )

    def action_cancel_series(self) -> None:
        occ = self._evening()
        if occ is None:
            return
        dn = occ.date
        words = "Back on" if dn.cancelled else "Called off"
        self.write(
            lambda: store.call_off_series(self.couple, dn, not dn.cancelled),
            f"{words}: every evening of “{one_line(dn.title, 40)}”.",
        )

    def action_add_idea(self) -> None:
        couple = self.couple

        def build(title: str, kind: IdeaKind, length: str, about: str) -> JarIdea:
            return idea_from_text(Couple.new_id(store.IDEA), title, kind, length, about, couple.me)

        def added(idea: JarIdea | None) -> None:
            if idea is not None and self.write(
                lambda: store.add_idea(couple, idea), f"Added “{one_line(idea.title, 40)}”."
            ):
                self.show_tab("jar")
                self.table("jar").select_key(idea.key)

        self.app.push_screen(IdeaDialog(build), added)

    def action_delete(self) -> None:
        item = self.table().current()
        if isinstance(item, JarIdea):
            self.write(lambda: store.delete_idea(self.couple, item), "Taken out of the jar.")
            return
        if not isinstance(item, Occurrence):
            return
        dn = item.date

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(lambda: store.delete_date(self.couple, dn), "Deleted. u brings it back.")

        question = (
            f"Delete “{one_line(dn.title, 40)}”"
            + (" and every evening of it" if dn.repeat.repeats else "")
            + "? A calendar that imported it keeps it; c (call off) takes it out of calendars."
        )
        self.app.push_screen(ConfirmDialog(question, "Delete"), answered)

    def action_export(self) -> None:
        from tracker.export import feed, ics  # icalendar: only when exporting, not to open Dates

        try:
            # As the feed has it: the talks and this person's weekly check-in too.
            payload = ics.export(self.couple, include=ics.INCLUDES)
            path = feed.save_export(payload)  # on this device: the shared folder has one writer
        except (ValueError, OSError) as error:
            self.notify(f"Not exported: {error}", severity="error", timeout=10)
            return
        # The whole path, literally: it is what the calendar app asks for.
        self.notify(
            f"Saved {path} to import once. To stay up to date instead, subscribe your "
            f"calendar app to {feed.feed_path(self.couple.store.data_dir)}",
            timeout=15,
        )

    def palette_commands(self) -> Iterator[SystemCommand]:
        yield SystemCommand("Surprise me", "A date idea from the jar", self.action_surprise)
        yield SystemCommand("Plan a date", "Title, day, time, place", self.action_add)
        yield SystemCommand("Export dates (.ics)", "For your calendar app", self.action_export)
