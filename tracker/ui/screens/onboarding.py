"""First run: who you are, where the shared folder lives, and a few habits to begin with."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable
from datetime import UTC, datetime
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    Button,
    Footer,
    Header,
    Input,
    Label,
    RadioSet,
    SelectionList,
    Static,
)

from tracker.domain.content.starter import DEFAULT_STARTERS, STARTER_HABITS, StarterHabit
from tracker.domain.days import person_today
from tracker.domain.models import Person
from tracker.store.couple import Couple
from tracker.store.identity import DATA_ENV, SetupError, default_data_dir, guess_time_zone
from tracker.store.setup import (
    add_starters,
    check_day_start,
    check_name,
    check_tz,
    create_couple,
    has_couple,
    join_couple,
    read_people,
)
from tracker.ui.screens.dialog_base import form_state, leave_or_ask
from tracker.ui.screens.ordered_keys import FOCUS_KEYS, move_focus, settled
from tracker.ui.styles import sheet
from tracker.ui.widgets.checklist import CHOSEN_MARK, Checklist, ChoiceButton
from tracker.ui.widgets.literal import TextInput, literal, one_line

# Two lines at 80 columns: the form below must fit an 80×24 terminal.
WELCOME = (
    "Welcome. Rekindle keeps the small things that bring you two closer in view: "
    "habits, talks, time together. It all stays in one folder on your machines."
)


def habit_word(count: int) -> str:
    return "habit" if count == 1 else "habits"


def habits(count: int) -> str:
    return f"{count} {habit_word(count)}"


def offered(
    starters: Iterable[StarterHabit], chosen: Collection[str]
) -> list[tuple[str, str, bool]]:
    """The list's rows, those already chosen first: none sits out of sight below."""
    rows = [(f"{s.title} · {s.schedule.describe()}", s.key, s.key in chosen) for s in starters]
    return sorted(rows, key=lambda row: not row[2])


class OnboardingScreen(Screen[Couple | None]):
    CSS_PATH = sheet("onboarding.tcss")
    BINDINGS = [
        # Priority: the focused Input would otherwise take ctrl+d (delete right).
        Binding("ctrl+s", "start", "Start", id="onboarding.start", priority=True),
        Binding("ctrl+d", "skip", "Skip", id="onboarding.skip", priority=True),
        Binding("escape", "leave", "Quit", id="onboarding.quit"),
        *FOCUS_KEYS,
    ]

    def __init__(
        self,
        data_flag: str | None = None,
        couple: Couple | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(id="onboarding")
        self.data_flag = data_flag
        # The app's clock, so new habits start on the same "today" the screens show.
        self.clock = clock or (lambda: datetime.now(UTC))
        self.joining = False
        # Given a couple, this is the welcome run again from Settings: it edits, never creates.
        self.editing = couple
        # The names as stored: saved untouched, each is kept exactly (see `_entered_name`).
        self._stored: dict[str, str] = {}
        # Whom the join question offers, so the same folder read again keeps its answer.
        self._people_offered: dict[str, Person] = {}
        self._opened_with: tuple[object, ...] = ()

    def _default_folder(self) -> str:
        return self.data_flag or os.environ.get(DATA_ENV) or str(default_data_dir())

    def compose(self) -> ComposeResult:
        yield Header()
        # Everything but the buttons scrolls, and within it the starter list takes the
        # room left, so Start and Skip are on the first screen even at 80×24.
        with VerticalScroll(id="onboarding-body"):
            yield Static(WELCOME, classes="hint group-end")
            with Horizontal(classes="row"):
                yield Label("Shared folder", classes="field-label")
                yield TextInput(self._default_folder(), id="folder", compact=True)
            yield Static(id="folder-note", classes="hint group-end")
            with Horizontal(id="new-couple", classes="row group-end"):
                yield Label("Your name", classes="field-label")
                yield TextInput(id="my-name", placeholder="your first name", compact=True)
                yield Label("Partner's name", classes="field-label")
                yield TextInput(id="partner-name", placeholder="their first name", compact=True)
            with Vertical(id="join-couple", classes="group-end"):
                yield Label("This folder already holds your couple's data. Which one are you?")
            with Horizontal(classes="row"):
                yield Label("Time zone", classes="field-label")
                yield TextInput(guess_time_zone(), id="tz", compact=True)
                yield Label("Day starts at", classes="field-label")
                yield TextInput("4", id="day-start", type="integer", compact=True)
                yield Label("o'clock", id="day-start-unit")
            yield Static(
                "A tick after midnight but before that hour counts for the evening before.",
                classes="hint group-end",
            )
            with Vertical(id="starters-box"):
                with Horizontal(classes="row"):
                    yield Label("Habits to begin with (space chooses; add more any time)")
                    yield Static(id="starters-count")
                yield Checklist(*offered(STARTER_HABITS, DEFAULT_STARTERS), id="starters")
        with Vertical(id="onboarding-actions"):
            yield Static(id="error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Start", variant="primary", id="start")
                yield Button("Skip", id="skip")
        yield Footer()

    async def on_mount(self) -> None:
        self.sub_title = "Getting started"
        if self.editing is not None:
            self._prefill(self.editing)
        else:
            await self._folder_changed()
        # Joining asks only which one you are; the name boxes are hidden then.
        self.query_one("#who" if self.joining else "#my-name").focus()
        self._opened_with = self._form_state()

    def _form_state(self) -> tuple[object, ...]:
        return form_state(self.query("#onboarding-body *"))

    def _prefill(self, couple: Couple) -> None:
        me = couple.person(couple.me)
        folder = self.query_one("#folder", Input)
        folder.value, folder.disabled = str(couple.store.data_dir), True
        self._stored = {"#my-name": me.name, "#partner-name": couple.name_of(couple.partner_key)}
        for selector, stored in self._stored.items():
            self.query_one(selector, Input).value = stored
        self.query_one("#tz", Input).value = me.tz
        self.query_one("#day-start", Input).value = str(me.day_start)
        self.query_one("#join-couple").display = False
        self.query_one("#folder-note", Static).update(
            "The same shared folder; change names, your time zone and day start, or add a few "
            "more starter habits."
        )
        taken = {h.title for h in couple.habits(include_archived=True)}
        starters = self.query_one("#starters", Checklist)
        starters.clear_options()
        starters.add_options(offered([s for s in STARTER_HABITS if s.title not in taken], ()))
        self._show_choice()

    @on(Input.Changed, "#folder")
    async def _folder_changed(self) -> None:
        if self.editing is not None:
            return  # the couple's own folder, filled in by _prefill: nobody is joining
        folder = Path(self.query_one("#folder", Input).value).expanduser()
        people = read_people(folder) if has_couple(folder) else {}
        self.joining = bool(people)
        self.query_one("#new-couple").display = not self.joining
        self.query_one("#starters-box").display = not self.joining
        self.query_one("#join-couple").display = self.joining
        note = self.query_one("#folder-note", Static)
        if self.joining and people != self._people_offered:
            self._people_offered = people
            # A new set each time: a RadioSet learns its buttons, and which one is
            # pressed, only as it mounts; buttons added later could both show pressed.
            await self.query("#who").remove()
            await self.query_one("#join-couple").mount(
                RadioSet(
                    *[
                        ChoiceButton(literal(one_line(p.name, 30)), value=i == 0, name=key)
                        for i, (key, p) in enumerate(sorted(people.items()))
                    ],
                    id="who",
                )
            )
        if self.joining:
            note.update("Found your couple's data here: this device will join it.")
        else:
            note.update("Share it later with your partner's computer only (Syncthing, Dropbox …).")
        self._show_choice()

    @on(SelectionList.SelectedChanged, "#starters")
    def _show_choice(self) -> None:
        """The count of chosen starters, and buttons that say what each will do."""
        starters = self.query_one("#starters", Checklist)
        chosen = len(starters.selected)
        self.query_one("#starters-count", Static).update(
            f"{CHOSEN_MARK} {chosen} of {starters.option_count} chosen"
        )
        start, skip = self.query_one("#start", Button), self.query_one("#skip", Button)
        skip.display = not self.joining
        if self.editing is not None:
            start.label = f"Save and add {habits(chosen)}" if chosen else "Save"
            skip.label = "Leave it as it was"
        elif self.joining:
            start.label = "Join your couple"
        else:
            start.label = f"Start with {habits(chosen)}" if chosen else "Start with no habits yet"
            suggested = len(DEFAULT_STARTERS)
            skip.label = f"Skip: start with the {suggested} suggested {habit_word(suggested)}"
        self.refresh_bindings()  # ctrl+d leaves the footer while joining

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Joining takes the couple's habits as they are: there is nothing to skip.
        return not (action == "skip" and self.joining)

    def _value(self, selector: str) -> str:
        return self.query_one(selector, Input).value.strip()

    def _entered_name(self, selector: str, who: str) -> str:
        """A name as typed, or exactly as stored when its box was left untouched."""
        stored = self._stored.get(selector)
        shown = self.query_one(selector, Input).value
        if stored is not None and shown == stored:
            return stored
        return check_name(shown.strip(), who)

    def _update(self, couple: Couple, tz: str, day_start: int) -> None:
        me = self._entered_name("#my-name", "your")
        partner_name = self._entered_name("#partner-name", "your partner's")
        partner = couple.person(couple.partner_key)
        couple.save_person(Person(couple.me, me, check_tz(tz), check_day_start(day_start)))
        couple.save_person(Person(partner.key, partner_name, partner.tz, partner.day_start))
        chosen = list(self.query_one("#starters", Checklist).selected)
        add_starters(couple, chosen, person_today(couple.person(couple.me), self.clock()))

    def _finish(self, use_defaults: bool) -> None:
        if self.editing is not None and use_defaults:
            self.dismiss(self.editing)  # leave it as it was
            return
        folder = Path(self._value("#folder") or self._default_folder())
        try:
            day_start = int(self._value("#day-start") or "4")
        except ValueError:
            self._say("The day start is an hour, like 4.")
            return
        tz = self._value("#tz") or guess_time_zone()
        try:
            if self.editing is not None:
                self._update(self.editing, tz, day_start)
                couple = self.editing
            elif self.joining:
                pressed = self.query_one("#who", RadioSet).pressed_button
                who = pressed.name if pressed is not None and pressed.name else "a"
                couple = join_couple(folder, who, tz, day_start)
            else:
                if self._missing_name():
                    return
                me, partner = self._value("#my-name"), self._value("#partner-name")
                starters = (
                    DEFAULT_STARTERS
                    if use_defaults
                    else self.query_one("#starters", Checklist).selected
                )
                me_then = Person("a", me, check_tz(tz), check_day_start(day_start))
                today = person_today(me_then, self.clock())
                couple = create_couple(
                    folder, me, partner, tz, day_start, list(starters), today=today
                )
        except SetupError as problem:
            self._say(literal(str(problem)))
            return
        self.dismiss(couple)

    def _say(self, problem: str | Text) -> None:
        # Shown only when there is something to say: an empty line costs the list a row.
        error = self.query_one("#error", Static)
        error.update(problem)
        error.display = True

    def _missing_name(self) -> bool:
        """Say which name is still empty, and go to its box; True if one is."""
        for selector, whose in (("#my-name", "your"), ("#partner-name", "your partner's")):
            if not self._value(selector):
                self._say(f"Please type {whose} name first.")
                self.set_focus(self.query_one(selector, Input))
                return True
        return False

    async def action_move_focus(self, step: int) -> None:
        await move_focus(self, step)

    # ctrl+s and ctrl+d act as they are read (priority): first let the field being typed
    # in take every key typed before them.
    @on(Button.Pressed, "#start")
    async def action_start(self) -> None:
        await settled(self)
        self._finish(use_defaults=False)

    @on(Button.Pressed, "#skip")
    async def action_skip(self) -> None:
        await settled(self)
        self._finish(use_defaults=True)

    def action_leave(self) -> None:
        """Escape. Run again from Settings, the welcome goes back there, asking first if
        something was changed. On the first run leaving quits the app: it always asks."""
        if self.editing is None:
            question = "Quit without setting up? Nothing is saved yet."
            leave_or_ask(self, True, lambda: self.dismiss(None), question, "Quit", "Stay")
        else:
            leave_or_ask(self, self._form_state() != self._opened_with, lambda: self.dismiss(None))
