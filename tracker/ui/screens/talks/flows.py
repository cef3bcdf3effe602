"""What the Talks screen's keys do: each opens a form and hands the answer to the store."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from textual.widgets import TabbedContent

from tracker.domain.editing import followup_habit_draft, habit_from_draft
from tracker.domain.models import Habit
from tracker.domain.talks.log import Followup, LogEntry
from tracker.domain.talks.model import Meeting, Slot, move_problem, slot_from_form
from tracker.domain.talks.records import Status
from tracker.domain.talks.schedule import countdown
from tracker.store import talks
from tracker.store.couple import Change, Couple
from tracker.store.links import ticked_also
from tracker.ui.screens.base import RekindleScreen
from tracker.ui.screens.dialogs import ConfirmDialog
from tracker.ui.screens.habits.form import HabitForm
from tracker.ui.screens.talks.coach import (
    FollowupPicker,
    IStatementForm,
    OwnPromptForm,
    PromiseForm,
    TalkNowScreen,
)
from tracker.ui.screens.talks.forms import (
    LogDraft,
    LogForm,
    LogStart,
    MoveForm,
    SlotFields,
    SlotForm,
)
from tracker.ui.widgets.literal import one_line


def slot_maker(slot_id: str, tz: str, now: datetime) -> Callable[[SlotFields], Slot]:
    def make(f: SlotFields) -> Slot:
        return slot_from_form(slot_id, f.title, f.repeat, f.day, f.at, f.minutes, tz, now)

    return make


def next_sunday(today: date) -> date:
    """Where a new talk starts unless moved: the coming Sunday (today, on a Sunday)."""
    return today + timedelta(days=(6 - today.weekday()) % 7)


def plan_talk(
    screen: RekindleScreen,
    fields: SlotFields,
    also: Callable[[Slot], list[Change]] | None = None,
    done: str = "Planned.",
) -> None:
    """The "Plan a talk" form, and the new slot saved on Save; `also` writes what goes
    with it in the same step (the daily question's "talk about this" adds its prompt), so
    one u takes back both."""
    couple = screen.couple
    make = slot_maker(Couple.new_id(talks.SLOT), talks.home_tz(couple), screen.rekindle.clock())

    def made(slot: object) -> None:
        if not isinstance(slot, Slot):
            return

        def save() -> list[Change]:
            changes = [talks.save_slot(couple, slot, f"Planned “{slot.title}”")]
            return changes + (also(slot) if also else [])

        screen.write(save, done)

    screen.app.push_screen(SlotForm("Set aside a time to talk", fields, make), made)


class TalkFlows(RekindleScreen):
    """Mixed into TalksScreen; kept apart so each file stays readable."""

    if TYPE_CHECKING:  # defined by TalksScreen

        def refresh_data(self) -> None: ...
        def current_meeting(self) -> Meeting | None: ...
        def current_entry(self) -> LogEntry | None: ...
        def current_prompt_key(self) -> str | None: ...

    @property
    def tab(self) -> str:
        return self.query_one("#talk-tabs", TabbedContent).active or "coming"

    def today(self) -> date:
        return self.rekindle.today()

    def _meeting(self) -> Meeting | None:
        meeting = self.current_meeting()
        if meeting is None:
            self.notify("Plan a talk first: press a.", severity="information")
        return meeting

    # -- slots -------------------------------------------------------------------

    def action_add(self) -> None:
        plan_talk(self, SlotFields(day=next_sunday(self.today()).isoformat()))

    def action_edit(self) -> None:
        meeting = self._meeting()
        if meeting is None:
            return
        old = meeting.slot
        repeat = next(
            (r for r in ("week", "2weeks", "3weeks", "4weeks", "month") if _matches(old.rule, r)),
            "once",
        )
        # From the meeting's own date in the series (not where it was moved to), so a
        # new name alone keeps the series as it is.
        fields = SlotFields(
            old.title, repeat, meeting.day.isoformat(), f"{old.start:%H:%M}", str(old.minutes)
        )
        make = slot_maker(old.id, old.tz, self.rekindle.clock())

        def made(new: object) -> None:
            if isinstance(new, Slot):
                now = self.rekindle.clock()
                self.write(lambda: talks.edit_slot(self.couple, old, new, now), "Changed.")

        self.app.push_screen(SlotForm("Change this time to talk", fields, make), made)

    def action_end(self) -> None:
        meeting = self._meeting()
        if meeting is None:
            return
        slot = meeting.slot

        def answered(yes: bool | None) -> None:
            if yes:
                now = self.rekindle.clock()
                self.write(
                    lambda: talks.end_slot(self.couple, slot, now),
                    "Ended. Its log stays; u undoes.",
                )

        question = f"Stop “{one_line(slot.title, 40)}”? Talks you've had stay in the log."
        self.app.push_screen(ConfirmDialog(question, "Stop it"), answered)

    # -- one meeting ---------------------------------------------------------------

    def action_skip(self) -> None:
        meeting = self._meeting()
        if meeting is None:
            return
        back = meeting.status is Status.SKIPPED
        status = Status.PLANNED if back else Status.SKIPPED
        words = "Back on." if back else "Skipped this one. Press s again to bring it back."
        self.write(lambda: talks.set_status(self.couple, meeting, status), words)

    def action_move(self) -> None:
        meeting = self._meeting()
        if meeting is None:
            return
        now = self.rekindle.clock()

        def moved(when: object) -> None:
            if isinstance(when, datetime):
                self.write(lambda: talks.move(self.couple, meeting, when, now), "Moved.")

        form = MoveForm(
            meeting.slot.title, meeting.local_start, lambda w: move_problem(w, meeting.slot, now)
        )
        self.app.push_screen(form, moved)

    def action_log(self) -> None:
        if self.tab == "log":
            entry = self.current_entry()
            if entry is not None:
                self._log(entry.occurrence.slot_id, entry.day, entry.title)
            return
        meeting = self._meeting()
        if meeting is not None:
            self._log(meeting.slot.id, meeting.day, meeting.slot.title)

    def _log(self, slot_id: str, day: date, title: str) -> None:
        couple = self.couple
        mine = talks.note(couple, slot_id, day, couple.me)
        theirs = talks.note(couple, slot_id, day, couple.partner_key)
        done = [f.text for f in talks.followups(couple) if (f.slot_id, f.day) == (slot_id, day)]
        prompt = talks.week_prompt(couple, self.today())
        start = LogStart(
            title=f"{title}, {day:%A} {day.day} {day:%B}",
            topic=mine.topic or theirs.topic,
            heard=mine.heard,
            agreed=mine.agreed or theirs.agreed,
            partner=couple.name_of(couple.partner_key),
            partner_heard=theirs.heard,
            followups=tuple(done),
            prompt=prompt,
            used_prompt=bool(prompt and mine.prompt == prompt.key),
        )

        def logged(draft: object) -> None:
            if not isinstance(draft, LogDraft):
                return
            written: list[Change] = []  # to say which habits it ticked too

            def log() -> list[Change]:
                written.extend(
                    talks.log_talk(
                        couple,
                        slot_id,
                        day,
                        topic=draft.topic,
                        heard=draft.heard,
                        agreed=draft.agreed,
                        followups=draft.followups,
                        prompt=draft.prompt,
                    )
                )
                return written

            if self.write(log):
                self.notify(f"Logged{ticked_also(couple, written)}. Press u to undo.")

        self.app.push_screen(LogForm(start), logged)

    def action_talk_now(self) -> None:
        now = self.rekindle.clock()
        meeting = self.current_meeting() if self.tab == "coming" else None
        if meeting is None:
            found = talks.around(self.couple, now)
            meeting = next((m for m in found if m.status is Status.PLANNED and m.end > now), None)
        tz = self.couple.person(self.couple.me).tz
        title = meeting.slot.title if meeting else "A talk"
        when = countdown(meeting.start, meeting.slot.minutes, now, tz) if meeting else "now"
        prompt = talks.week_prompt(self.couple, self.today())

        def after(choice: str | None) -> None:
            if choice == "log":
                if meeting is not None:
                    self._log(meeting.slot.id, meeting.day, meeting.slot.title)
                else:
                    self._log("unplanned", self.today(), "A talk")
            elif choice == "draw":
                self.action_draw()
                self.action_talk_now()
            elif choice == "i":
                self.action_i_statement()

        self.app.push_screen(TalkNowScreen(title, when, prompt), after)

    def action_i_statement(self) -> None:
        self.app.push_screen(IStatementForm())

    # -- prompts -------------------------------------------------------------------

    def action_draw(self) -> None:
        found: list[object] = []

        def draw() -> list[Change]:
            prompt, changes = talks.draw(self.couple, self.today(), rng=random.Random())
            found.append(prompt)
            return changes

        if self.write(draw) and found and found[0] is None:
            self.notify(
                "Every prompt is hidden. Unhide some on the Prompts tab.", severity="warning"
            )

    def use_prompt(self, key: str) -> None:
        self.write(lambda: talks.use_prompt(self.couple, key, self.today()), "This week's prompt.")

    def _toggle(self, what: str) -> None:
        key = self.current_prompt_key()
        if key is None:
            return
        pref = talks.prefs(self.couple)[self.couple.me].get(key)
        if what == "favourite":
            on = not (pref and pref.favourite)
            self.write(
                lambda: talks.set_pref(self.couple, key, favourite=on),
                "A favourite." if on else "No longer a favourite.",
            )
        else:
            on = not (pref and pref.hidden)
            self.write(
                lambda: talks.set_pref(self.couple, key, hidden=on),
                "Hidden: it won't be drawn. h again brings it back." if on else "Back in the deck.",
            )

    def action_favourite(self) -> None:
        self._toggle("favourite")

    def action_hide(self) -> None:
        self._toggle("hidden")

    def action_own_prompt(self) -> None:
        def written(answer: object) -> None:
            if isinstance(answer, tuple):
                text, theme, depth = answer
                self.write(
                    lambda: talks.add_own_prompt(self.couple, text, theme, depth),
                    "Added to the deck.",
                )

        self.app.push_screen(OwnPromptForm(), written)

    # -- follow-ups ----------------------------------------------------------------

    def action_follow_up(self) -> None:
        entry = self.current_entry()
        open_ones = [f for f in entry.followups if not f.became] if entry else []
        if not open_ones:
            self.notify("No follow-ups waiting here. Log some with l.", severity="information")
            return

        def chosen(answer: tuple[Followup, str] | None) -> None:
            if answer is None:
                return
            followup, what = answer
            if what == "promise":
                self._promise(followup)
            else:
                self._habit(followup)

        self.app.push_screen(FollowupPicker(open_ones), chosen)

    def _promise(self, followup: Followup) -> None:
        couple, today = self.couple, self.today()
        names = {key: couple.name_of(key) for key in ("a", "b")}

        def made(answer: object) -> None:
            if isinstance(answer, tuple):
                by, due = answer
                to = "b" if by == "a" else "a"
                self.write(
                    lambda: talks.followup_to_promise(couple, followup, by, to, due, today),
                    "Made a promise. Press u to undo.",
                )

        form = PromiseForm(followup.text, names, couple.me, today + timedelta(days=7), today)
        self.app.push_screen(form, made)

    def _habit(self, followup: Followup) -> None:
        couple, today = self.couple, self.today()
        draft = followup_habit_draft(followup.text)
        order = len(couple.habits(include_archived=True))
        names = {key: couple.name_of(key) for key in ("a", "b")}
        form = HabitForm(
            draft,
            names,
            lambda d: habit_from_draft(d, Couple.new_habit_id(), today, order),
            "A habit from your talk",
        )

        def made(habit: Habit | None) -> None:
            if habit is not None:
                self.write(
                    lambda: talks.followup_to_habit(couple, followup, habit), "Made a habit."
                )

        self.app.push_screen(form, made)


def _matches(rule: str, key: str) -> bool:
    """Does a stored rule fit one of the form's repeat choices?"""
    interval = 1 if key in ("week", "month") else int(key[0])
    freq = "MONTHLY" if key == "month" else "WEEKLY"
    parts = dict(p.split("=", 1) for p in rule.split(";") if "=" in p)
    return parts.get("FREQ") == freq and int(parts.get("INTERVAL", "1")) == interval
