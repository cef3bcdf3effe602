"""First run: who you are, where the shared folder lives, and a few habits to begin with."""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

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
    RadioButton,
    RadioSet,
    SelectionList,
    Static,
)

from tracker.domain.content.starter import DEFAULT_STARTERS, STARTER_HABITS
from tracker.domain.days import person_today
from tracker.domain.models import Person
from tracker.store.couple import Couple
from tracker.store.identity import DATA_ENV, default_data_dir, guess_time_zone
from tracker.store.setup import (
    SetupError,
    add_starters,
    check_day_start,
    check_name,
    check_tz,
    create_couple,
    has_couple,
    join_couple,
    read_people,
)
from tracker.ui.screens.ordered_keys import FOCUS_KEYS, move_focus, settled
from tracker.ui.styles import sheet
from tracker.ui.widgets.literal import TextInput, literal, one_line

WELCOME = (
    "Welcome. Rekindle keeps the small, regular things that bring two people closer in "
    "view: a few habits each day, talks that matter, time together. It all lives in one "
    "folder you share with your partner's computer; nothing leaves your machines."
)


class OnboardingScreen(Screen[Couple | None]):
    CSS_PATH = sheet("onboarding.tcss")
    BINDINGS = [
        # Priority: the focused Input would otherwise take ctrl+d (delete right).
        Binding("ctrl+s", "start", "Start", id="onboarding.start", priority=True),
        Binding("ctrl+d", "skip", "Skip: use defaults", id="onboarding.skip", priority=True),
        Binding("escape", "quit", "Quit", id="onboarding.quit"),
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

    def _default_folder(self) -> str:
        return self.data_flag or os.environ.get(DATA_ENV) or str(default_data_dir())

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="onboarding-body"):
            yield Static(WELCOME, classes="hint")
            yield Label("Shared data folder")
            yield TextInput(self._default_folder(), id="folder")
            yield Static(id="folder-note", classes="hint")
            with Vertical(id="new-couple"), Horizontal(classes="row"):
                with Vertical():
                    yield Label("Your name")
                    yield TextInput(id="my-name", placeholder=self._me_default())
                with Vertical():
                    yield Label("Your partner's name")
                    yield TextInput(id="partner-name", placeholder="Partner")
            with Vertical(id="join-couple"):
                yield Label("This folder already holds your couple's data. Which one are you?")
                yield RadioSet(id="who")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Your time zone")
                    yield TextInput(guess_time_zone(), id="tz")
                with Vertical():
                    yield Label("Your day starts at (hour)")
                    yield TextInput("4", id="day-start", type="integer")
            yield Static(
                "A tick after midnight but before that hour counts for the evening before.",
                classes="hint",
            )
            with Vertical(id="starters-box"):
                yield Label("A few habits to begin with (space to choose; you can add more later)")
                yield SelectionList[str](
                    *[
                        (f"{s.title} · {s.schedule.describe()}", s.key, s.key in DEFAULT_STARTERS)
                        for s in STARTER_HABITS
                    ],
                    id="starters",
                )
            yield Static(id="error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Start (ctrl+s)", variant="primary", id="start")
                yield Button("Skip: use defaults (ctrl+d)", id="skip")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Getting started"
        if self.editing is not None:
            self._prefill(self.editing)
        else:
            self._folder_changed()
        self.query_one("#my-name", Input).focus()

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
        starters = self.query_one("#starters", SelectionList)
        starters.clear_options()
        starters.add_options(
            [
                (f"{s.title} · {s.schedule.describe()}", s.key, False)
                for s in STARTER_HABITS
                if s.title not in taken
            ]
        )
        self.query_one("#skip", Button).label = "Leave it as it was (ctrl+d)"

    @staticmethod
    def _me_default() -> str:
        try:
            return getpass.getuser().capitalize() or "Me"
        except (OSError, KeyError):
            return "Me"

    @on(Input.Changed, "#folder")
    def _folder_changed(self) -> None:
        folder = Path(self.query_one("#folder", Input).value).expanduser()
        people = read_people(folder) if has_couple(folder) else {}
        self.joining = bool(people)
        self.query_one("#new-couple").display = not self.joining
        self.query_one("#starters-box").display = not self.joining
        self.query_one("#join-couple").display = self.joining
        note = self.query_one("#folder-note", Static)
        if self.joining:
            who = self.query_one("#who", RadioSet)
            who.remove_children()
            who.mount_all(
                [
                    RadioButton(literal(one_line(p.name, 30)), value=i == 0, name=key)
                    for i, (key, p) in enumerate(sorted(people.items()))
                ]
            )
            note.update("Found your couple's data here: this device will join it.")
        else:
            note.update(
                "Share this folder with your partner's computer later "
                "(Syncthing, Dropbox ...). Keep it out of public places."
            )

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
        chosen = list(self.query_one("#starters", SelectionList).selected)
        add_starters(couple, chosen, person_today(couple.person(couple.me), self.clock()))

    def _finish(self, use_defaults: bool) -> None:
        if self.editing is not None and use_defaults:
            self.dismiss(self.editing)  # leave it as it was
            return
        error = self.query_one("#error", Static)
        folder = Path(self._value("#folder") or self._default_folder())
        try:
            day_start = int(self._value("#day-start") or "4")
        except ValueError:
            error.update("The day start is an hour, like 4.")
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
                me = self._value("#my-name") or self._me_default()
                partner = self._value("#partner-name") or "Partner"
                starters = (
                    DEFAULT_STARTERS
                    if use_defaults
                    else self.query_one("#starters", SelectionList).selected
                )
                me_then = Person("a", me, check_tz(tz), check_day_start(day_start))
                today = person_today(me_then, self.clock())
                couple = create_couple(
                    folder, me, partner, tz, day_start, list(starters), today=today
                )
        except SetupError as problem:
            error.update(literal(str(problem)))
            return
        self.dismiss(couple)

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

    def action_quit(self) -> None:
        self.dismiss(None)
