"""The daily question: today's (or an earlier day's) question, your answer, your
partner's once yours is in, the run of days you both answered, and every earlier day.

Opened from Today with d. Days from the last week can still be answered (pick one in the
list); older ones are there to read.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Header, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from tracker.domain.content.daily import daily_text
from tracker.domain.daily.model import clean_answer
from tracker.domain.daily.rules import LATE_DAYS, answer_problem
from tracker.domain.talks.model import MAX_TALK_TITLE
from tracker.domain.text import cut
from tracker.store import daily as store
from tracker.store.replica import ReadOnlyFile
from tracker.ui.screens.base import RekindleScreen
from tracker.ui.screens.daily.days import (
    Shown,
    day_line,
    heading,
    my_closed_side,
    name,
    streak_words,
    their_side,
)
from tracker.ui.screens.dialog_base import ConfirmDialog, leave_or_ask
from tracker.ui.screens.talks.plan import plan_talk
from tracker.ui.styles import sheet
from tracker.ui.widgets.literal import literal
from tracker.ui.widgets.nav import NavBar


class QuestionScreen(RekindleScreen):
    CSS_PATH = sheet("daily.tcss")
    BINDINGS = [
        Binding("escape", "back", "Back", id="question.back"),
        Binding("ctrl+s", "save", "Save answer", id="question.save"),
        Binding("t", "talk", "Talk about this", id="question.talk"),
        Binding("h", "hide", "Hide question", show=False, id="question.hide"),
    ]
    HELP_EXTRA = [
        Binding("tab", "", "Between your answer and the days"),
        Binding("enter", "", "Open a day (the last week can still be answered)"),
    ]

    def __init__(self) -> None:
        super().__init__(id="question")
        self.day: date | None = None
        self.shown: Shown | None = None
        self.typed_from = ""  # what the answer box held when the day opened

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("today")
        with VerticalScroll(id="question-body"):
            yield Static(id="question-heading")
            with Horizontal(id="answers"):
                with Vertical(classes="side"):
                    yield Label("You", classes="who")
                    yield TextArea(id="answer", soft_wrap=True, tab_behavior="focus")
                    yield Static(id="mine-closed", classes="answer")
                    yield Static(id="answer-error", classes="error")
                    # A button as well as ctrl+s: a phone's keyboard in a browser has no ctrl.
                    with Horizontal(id="answer-actions"):
                        yield Button("Save", variant="primary", id="save-answer", compact=True)
                        yield Static(id="answer-hint", classes="hint")
                with Vertical(classes="side"):
                    yield Label(id="partner-name", classes="who")
                    yield Static(id="theirs", classes="answer")
            yield Static(id="streak", classes="hint")
            yield Label(
                "Every day so far · a tap or enter opens one", classes="who", id="days-title"
            )
            yield OptionList(id="days")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "The daily question"
        self.open_day(self.rekindle.today())

    # -- drawing -------------------------------------------------------------

    def _first_look(self, day: date) -> None:
        """A day still open is given its question the first time anyone looks at it, as
        `rekindle question` does: bookkeeping, not something to undo. A folder we may
        not write to still shows it (store.peek) and says why only when you save."""
        with suppress(ReadOnlyFile, OSError):
            store.question_for(self.couple, day)

    def open_day(self, day: date) -> None:
        """Show `day` with a fresh answer box: mine as saved, or empty."""
        self.day = day
        box = self.query_one("#answer", TextArea)
        box.load_text("")
        self.typed_from = ""
        self.refresh_data()  # fills the box with my answer, if there is one
        mine = self.shown.view.mine if self.shown else None
        box.move_cursor(box.document.end)
        self.query_one("#answer-error").display = False
        # Into the box when there is something to write; else on the days, with the view
        # kept at the top so both answers stay in sight.
        if self.shown is not None and self.shown.open and mine is None:
            self.set_focus(box)
        else:
            self.set_focus(self.query_one("#days"), scroll_visible=False)
            self.query_one("#question-body", VerticalScroll).scroll_home(animate=False)

    def refresh_data(self) -> None:
        couple, today = self.couple, self.rekindle.today()
        if self.day is None:
            return
        still_open = answer_problem(self.day, today) is None
        if still_open:
            self._first_look(self.day)
        view = (store.open_view if still_open else store.day_view)(couple, self.day)
        self._keep_box_in_step(view.mine.text if view.mine else "")
        partner = couple.name_of(couple.partner_key)
        self.shown = Shown(view, today, partner)
        self.query_one("#question-heading", Static).update(heading(self.shown))
        self._draw_sides(self.shown)
        words = streak_words(store.streak(couple, today))
        streak = self.query_one("#streak", Static)
        streak.update(words)
        streak.display = bool(words)
        self._draw_days(today, partner)

    def _keep_box_in_step(self, saved: str) -> None:
        """My saved answer changed under the box (an undo, or my other computer's answer
        arriving): the box follows it, unless I have typed in it since, which stays."""
        box = self.query_one("#answer", TextArea)
        if saved != self.typed_from and box.text == self.typed_from:
            box.load_text(saved)
            self.typed_from = saved

    def _draw_sides(self, shown: Shown) -> None:
        box = self.query_one("#answer", TextArea)
        box.display = shown.open
        closed = self.query_one("#mine-closed", Static)
        closed.display = not shown.open
        closed.update(my_closed_side(shown))
        hint = "or ctrl+s · esc goes back"  # after the Save button
        if not shown.open:
            hint = f"Answers can be added up to {LATE_DAYS} days late; this day is to read."
        elif shown.view.mine is not None:
            hint = "Saved. Change it, save again."
        self.query_one("#answer-hint", Static).update(hint)
        self.query_one("#save-answer").display = shown.open
        self.query_one("#partner-name", Label).update(literal(name(shown)))
        self.query_one("#theirs", Static).update(their_side(shown))

    def _draw_days(self, today: date, partner: str) -> None:
        """Today and the week still open first, then every earlier day, newest first."""
        couple = self.couple
        earlier = {view.day: view for view in store.past(couple, today)}
        week = [today - timedelta(days=back) for back in range(LATE_DAYS + 1)]
        days = sorted(set(week) | set(earlier), reverse=True)
        listed = self.query_one("#days", OptionList)
        keep = listed.highlighted
        listed.clear_options()
        for day in days:
            view = store.open_view(couple, day) if day in week else earlier[day]
            listed.add_option(Option(day_line(Shown(view, today, partner)), id=day.isoformat()))
        listed.highlighted = keep if keep is not None else days.index(self.day or today)

    # -- acting ----------------------------------------------------------------

    def typed(self) -> str:
        return self.query_one("#answer", TextArea).text

    def changed(self) -> bool:
        return self.shown is not None and self.shown.open and self.typed() != self.typed_from

    def action_back(self) -> None:
        leave_or_ask(self, self.changed(), self.app.pop_screen)

    @on(Button.Pressed, "#save-answer")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(OptionList.OptionSelected, "#days")
    def _pick_day(self, event: OptionList.OptionSelected) -> None:
        day = date.fromisoformat(event.option.id or "")
        leave_or_ask(self, self.changed(), lambda: self.open_day(day))

    def _say(self, problem: str) -> None:
        error = self.query_one("#answer-error", Static)
        error.update(literal(problem))
        error.display = True

    def action_save(self) -> None:
        """Save my answer; a refusal is said under the box and what was typed stays."""
        assert self.day is not None
        couple, day, today, text = self.couple, self.day, self.rekindle.today(), self.typed()
        try:
            problem = answer_problem(day, today)
            if problem:
                raise ValueError(problem)
            clean_answer(text)
        except ValueError as error:
            self._say(str(error))
            return
        partner = name(self.shown) if self.shown else ""
        they_answered = self.shown is not None and self.shown.view.they_answered
        done = f"Saved. {partner}'s answer is next to yours." if they_answered else "Saved."
        if self.write(lambda: store.answer(couple, day, text, today), done):
            self.open_day(day)

    def action_hide(self) -> None:
        key = self.shown.view.key if self.shown else None
        if key is None:
            self.notify("No question that day, so there is nothing to hide.")
            return
        couple = self.couple

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(
                    lambda: store.hide(couple, key),
                    "Hidden: neither of you will be asked it again. u brings it back.",
                )

        question = (
            "Hide this question? Neither of you will be asked it again. The day keeps it, "
            "with any answers."
        )
        self.app.push_screen(ConfirmDialog(question, "Hide it", "Keep it"), answered)

    def action_talk(self) -> None:
        """Plan a one-off talk about the question: the talk form, filled in; on Save the
        question becomes that week's conversation prompt, which Talk now opens on."""
        key = self.shown.view.key if self.shown else None
        if key is None:
            self.notify("No question that day to talk about.")
            return
        couple = self.couple
        title = cut(f"Talk: {daily_text(key)}", MAX_TALK_TITLE)
        plan_talk(
            self,
            title,
            "once",
            also=lambda slot: store.as_talk_prompt(couple, key, slot.start.date()),
            done="Planned. Talks shows it, with this question as that week's prompt.",
        )
