"""Settings: names, my time zone and day start, the day our weeks begin on, my reminders,
theme, the help card, the data folder, this computer's backups."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static, Switch

from tracker.domain.days import MONDAY, SUNDAY
from tracker.domain.models import Person
from tracker.domain.reminders.habit_times import kept_quiet, kept_quiet_text
from tracker.store.couple import Change
from tracker.store.identity import SetupError
from tracker.store.reminder_prefs import put_reminder_prefs, reminder_prefs
from tracker.store.settings import (
    chosen_week_start,
    first_weekday,
    get_setting,
    put_setting,
    put_week_start,
)
from tracker.store.setup import check_day_start, check_name, check_tz
from tracker.ui.registry import SCREENS
from tracker.ui.screens.backup_settings import BackupFields
from tracker.ui.screens.base import RekindleScreen
from tracker.ui.screens.dialog_base import form_state, leave_or_ask
from tracker.ui.screens.ordered_keys import FOCUS_KEYS, move_focus, settled
from tracker.ui.screens.reminder_settings import ReminderFields
from tracker.ui.styles import sheet
from tracker.ui.widgets.literal import TextInput, literal
from tracker.ui.widgets.nav import NavBar
from tracker.ui.writing import keep_on_device

DARK, LIGHT = "textual-dark", "textual-light"


class SettingsScreen(RekindleScreen):
    CSS_PATH = sheet("settings.tcss")
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="settings.save", priority=True),
        Binding("ctrl+w", "welcome", "Welcome again", id="settings.welcome"),
        Binding("escape", "leave", "Back to Today", show=False, id="settings.leave"),
        *FOCUS_KEYS,
    ]

    def __init__(self) -> None:
        super().__init__(id="settings")
        self._stored: dict[str, str] = {}
        self._week_shown = MONDAY  # what the week choice showed when drawn (see action_save)
        # What the form held when last drawn from the store, and the theme then (the
        # switch shows a theme at once, so leaving without saving puts it back).
        self._opened_with: tuple[object, ...] = ()
        self._opened_theme = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("settings")
        with VerticalScroll(id="settings-body"):
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Your name")
                    yield TextInput(id="my-name")
                with Vertical():
                    yield Label("Your partner's name")
                    yield TextInput(id="partner-name")
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Your time zone")
                    yield TextInput(id="tz")
                with Vertical():
                    yield Label("Your day starts at (hour)")
                    yield TextInput(id="day-start", type="integer")
            yield Static(
                "Your partner sets their own time zone and day start on their computer.",
                classes="hint",
            )
            yield Label("Weeks start on")
            with Horizontal(classes="row"):
                yield Select(
                    [("Monday", MONDAY), ("Sunday", SUNDAY)],
                    value=MONDAY,
                    allow_blank=False,
                    id="week-start",
                )
                yield Static(id="week-start-hint", classes="hint")
            yield ReminderFields()
            with Horizontal(classes="switch-row"):
                yield Switch(id="light")
                yield Label("Light theme")
            with Horizontal(classes="switch-row"):
                yield Switch(id="help-card")
                yield Label("Suggest talking to a couples therapist when check-ins stay low")
            yield Static(id="folder", classes="hint")
            yield Static(id="settings-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Go through the welcome again (ctrl+w)", id="welcome")
            yield BackupFields()
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Settings"
        self.refresh_data()

    def refresh_data(self) -> None:
        couple = self.rekindle.couple
        assert couple is not None
        me = couple.person(couple.me)
        # TextInput draws these inertly (␛ for an escape); saved untouched, each is kept as is.
        self._stored = {
            "#my-name": me.name,
            "#partner-name": couple.name_of(couple.partner_key),
            "#tz": me.tz,
        }
        for selector, stored in self._stored.items():
            self.query_one(selector, Input).value = stored
        self.query_one("#day-start", Input).value = str(me.day_start)
        self.query_one("#week-start", Select).value = first_weekday(couple)
        self._draw_week_start()
        self.query_one(ReminderFields).show(reminder_prefs(couple))
        self.query_one(BackupFields).show(couple)
        self._opened_theme = self.app.theme
        self.query_one("#light", Switch).value = self.app.theme == LIGHT
        self.query_one("#help-card", Switch).value = bool(
            get_setting(couple, "help-card", {"enabled": True}).get("enabled", True)
        )
        self.query_one("#folder", Static).update(
            literal(
                f"Shared folder: {couple.store.data_dir}. To move it, close Rekindle, move the "
                "folder, then run: rekindle join --data NEW_PLACE"
            )
        )
        self._opened_with = self._form_state()

    def _form_state(self) -> tuple[object, ...]:
        return form_state(self.query("#settings-body *"))

    def action_leave(self) -> None:
        """Escape: back to Today, asking first if something here was changed and not saved."""

        def discard_and_leave() -> None:
            self.app.theme = self._opened_theme
            self.refresh_data()
            self.app.switch_mode(SCREENS[0].mode)

        leave_or_ask(self, self._form_state() != self._opened_with, discard_and_leave)

    def _draw_week_start(self) -> None:
        """Remember the week's first day as saved, and say whose choice it is."""
        couple = self.couple
        self._week_shown = first_weekday(couple)
        self.query_one("#week-start-hint", Static).update(
            "For you both: weekly habits, “this week” and the year grid count from this day."
            + (
                ""
                if chosen_week_start(couple) is not None
                else " Until you choose, it follows this computer's language settings."
            )
        )

    @on(Switch.Changed, "#light")
    def _theme(self, event: Switch.Changed) -> None:
        self.app.theme = LIGHT if event.value else DARK

    async def action_move_focus(self, step: int) -> None:
        await move_focus(self, step)

    @on(Button.Pressed, "#save")
    async def action_save(self) -> None:
        # ctrl+s acts as it is read (priority): the field being typed in first takes
        # every key typed before it.
        await settled(self)
        couple = self.rekindle.couple
        assert couple is not None
        error = self.query_one("#settings-error", Static)

        def value(selector: str) -> str:
            return self.query_one(selector, Input).value

        def entered(selector: str, check: Callable[[str], str]) -> str:
            # Untouched, the stored text is kept exactly: never rewritten behind anyone's back.
            stored = self._stored[selector]
            shown = value(selector)
            return stored if shown == stored else check(shown)

        try:
            name = entered("#my-name", lambda typed: check_name(typed, "your"))
            partner_name = entered(
                "#partner-name", lambda typed: check_name(typed, "your partner's")
            )
            tz = entered("#tz", lambda typed: check_tz(typed.strip()))
            day_start = check_day_start(int(value("#day-start") or "4"))
        except ValueError:
            error.update("The day start is an hour, like 4.")
            return
        except SetupError as problem:
            error.update(literal(str(problem)))
            return
        fields = self.query_one(ReminderFields)
        backups = self.query_one(BackupFields)
        try:
            reminders = fields.chosen()
            keep = backups.chosen_keep()
        except ValueError as problem:
            error.update(literal(str(problem)))
            return
        error.update("")
        partner = couple.person(couple.partner_key)
        help_card = self.query_one("#help-card", Switch).value
        week_start = self.query_one("#week-start", Select).value

        def save() -> list[Change]:
            changes = [couple.save_person(Person(couple.me, name, tz, day_start))]
            if partner.name != partner_name:
                renamed = Person(partner.key, partner_name, partner.tz, partner.day_start)
                changes.append(couple.save_person(renamed))
            changes.append(put_setting(couple, "help-card", {"enabled": help_card}))
            changes.append(put_setting(couple, "theme", {"name": self.app.theme}))
            # Saved only when changed: a week that merely follows this computer's language
            # is not made the couple's choice behind anyone's back.
            if isinstance(week_start, int) and week_start != self._week_shown:
                changes.append(put_week_start(couple, week_start))
            # Only when changed here: a change made on another of my devices stands.
            if reminders != fields.shown:
                changes.append(put_reminder_prefs(couple, reminders))
            return changes

        def redraw() -> None:
            # The form already shows what was saved: only whose choice the week is may
            # change, and the reminder times as they are kept ("8pm" shows as 20:00).
            self._draw_week_start()
            fields.show(reminders)

        # This computer's alone: kept on the device, not in the shared folder.
        if keep != backups.shown_keep and not keep_on_device(
            self.rekindle, lambda: backups.save_keep(couple, keep), "", lambda: None
        ):
            return
        backups.shown_keep = keep
        quiet_changed = reminders.quiet_text() != fields.shown.quiet_text()
        kept = kept_quiet(couple.habits(), couple.me, reminders) if quiet_changed else []
        # Quiet hours over a habit's own time are allowed; which habits they keep quiet
        # is said, so nobody wonders why one stopped reminding them.
        if self.write(save, " ".join(["Saved.", kept_quiet_text(kept)]).strip(), redraw):
            self._opened_theme = self.app.theme
            self._opened_with = self._form_state()

    @on(Button.Pressed, "#welcome")
    def action_welcome(self) -> None:
        from tracker.ui.screens.onboarding import OnboardingScreen

        self.app.push_screen(
            OnboardingScreen(couple=self.rekindle.couple, clock=self.rekindle.clock),
            lambda _: self.refresh_data(),
        )
