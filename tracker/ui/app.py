"""The app shell: screens, global keys, undo, and noticing the partner's changes."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from functools import partial
from typing import Any, Protocol, runtime_checkable

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

from tracker.domain.days import moment_in, person_today
from tracker.domain.kinds import touches_feed
from tracker.domain.text import visible
from tracker.store.arrivals import look_for_arrivals
from tracker.store.bin import last_deleted_here, mark_told, restore, untold
from tracker.store.couple import Change, Couple
from tracker.store.guards import permission_message
from tracker.store.replica import ReadOnlyFile
from tracker.store.settings import get_setting
from tracker.store.store import Store
from tracker.ui import writing
from tracker.ui.arrivals import describe_arrivals, describe_deletion
from tracker.ui.palette import screen_commands
from tracker.ui.registry import OVER_TODAY, SCREENS, load_class
from tracker.ui.screens.ordered_keys import opening
from tracker.ui.styles import BREAKPOINTS, sheet
from tracker.ui.toasts import keep_focus_in_view
from tracker.ui.widgets.literal import one_line

Clock = Callable[[], datetime]
POLL_SECONDS = 2.0


@runtime_checkable
class CountsOffThread(Protocol):
    """A screen whose view a worker can work out while the history loads, then hand it."""

    def compute(self, couple: Couple) -> Any: ...  # the view: each screen has its own

    def refresh_data(self, view: Any) -> None: ...


class RekindleApp(App[int]):
    TITLE = "Rekindle"
    CSS_PATH = [sheet("app.tcss")]
    HORIZONTAL_BREAKPOINTS = BREAKPOINTS
    BINDINGS = [
        *(entry.binding() for entry in SCREENS),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("u,ctrl+z", "undo", "Undo", show=False, id="undo"),
        Binding("ctrl+t", "toggle_dark", "Light/dark", show=False, id="theme"),
        # The card about couples therapy, for anyone at any time (screens/support.py).
        Binding("ctrl+g", "support", "Talk to someone", show=False, id="support"),
        Binding("q", "quit", "Quit", id="quit"),
    ]
    MODES = {entry.mode: entry.make for entry in SCREENS}

    def __init__(
        self,
        couple: Couple | None = None,
        clock: Clock | None = None,
        data_flag: str | None = None,
        poll: bool = True,
    ) -> None:
        super().__init__()
        self.couple = couple
        self.clock: Clock = clock or (lambda: datetime.now(UTC))
        self.due_marks: tuple[object, frozenset[str]] | None = None  # for every NavBar
        self.data_flag = data_flag
        self._refused = ""  # the folder-permission notice last shown, so it shows once
        # Each entry is one user action, which may have written several records.
        self.history: list[list[Change]] = []
        self._poll = poll
        self._held_keys: list[events.Key] = []  # typed while a form was opening
        self.theme = "textual-dark"

    def on_mount(self) -> None:
        if self.couple is None or not self.couple.is_set_up():
            from tracker.ui.screens.onboarding import OnboardingScreen

            self.push_screen(OnboardingScreen(self.data_flag, clock=self.clock), self._onboarded)
        else:
            self._start()

    def _onboarded(self, couple: Couple | None) -> None:
        if couple is None:
            self.exit(0)
            return
        self.couple = couple
        self._start()

    def _start(self) -> None:
        assert self.couple is not None
        saved = get_setting(self.couple, "theme", {}).get("name")
        if saved in self.available_themes:
            self.theme = saved
        self.switch_mode("today")
        # The partner's dates may have arrived while the app was closed (if only
        # recent months are read yet, this waits until the history is in).
        self.refresh_feed()
        if self.couple is not None and not self.couple.store.complete:
            # The core files' merge, kept so the next start need not decode them again.
            self.call_after_refresh(self.couple.store.save_cache)
            # After the first frame is on screen, so the reading does not delay it.
            self.call_after_refresh(
                self.run_worker,
                self._load_history,
                thread=True,
                exclusive=True,
                group="history",
            )
        else:
            self.tell_deletions()
        if self._poll:
            self.set_interval(POLL_SECONDS, self.check_for_changes)
            # A live app on a real folder: today's backup, if due, once the frame is up.
            self.call_after_refresh(self.run_worker, self._back_up, thread=True, group="backup")

    def _back_up(self) -> None:
        from tracker.ui.screens.backup_settings import automatic_backup

        assert self.couple is not None
        problem = automatic_backup(self.couple, self.today())
        if problem:
            self.call_from_thread(self.notify, problem, severity="warning", timeout=10)

    def _load_history(self) -> None:
        """The years before last month, read and counted off the main thread.

        The worker loads a store of its own and works out the open screen's view
        from it; the main thread then only swaps them in.
        """
        couple = self.couple
        assert couple is not None
        current = couple.store
        fresh = Store(current.data_dir, current.replica_id, current.meta)
        try:
            fresh.load(fold=False)
        except PermissionError as error:  # the folder's permissions changed since the start
            self.call_from_thread(self.folder_refused, error)
            return
        fresh.save_cache()
        helper = Couple(fresh, couple.me)
        helper.checks_by()
        screen = self.screen
        view = screen.compute(helper) if isinstance(screen, CountsOffThread) else None
        self.call_from_thread(self._history_loaded, helper, screen, view)

    def _history_loaded(self, helper: Couple, screen: Screen[object], view: object) -> None:
        assert self.couple is not None
        caught_up = self.couple.adopt(helper)
        self.refresh_feed()  # now every evening's marks are known
        if view is not None and not caught_up and screen is self.screen:
            assert isinstance(screen, CountsOffThread)  # only such a screen gave a view
            screen.refresh_data(view)
        else:  # something changed while it loaded: count again
            self.refresh_screen()
        self.tell_deletions()  # a partner's delete may have arrived while the app was closed

    async def on_event(self, event: events.Event) -> None:
        """Keys typed while a form opens go to it, in the order typed.

        A key such as `a` opens its form only once it has passed through the focused list
        and come back up to the app, and by then the keys typed after it were handed to
        that list too: they come back up here, unused, after it. Such a key, and any key
        read while a form is still drawing itself, goes to the form that is now on top,
        held until it is ready (ordered_keys.opening): `a` and a quick "Walk" give the
        new form the whole word."""
        if isinstance(event, events.Key):
            if event.is_forwarded:  # back up from the screen it was typed on, unused
                typed_on = getattr(event, "typed_on", None)
                if typed_on is None or typed_on is self.screen:
                    await super().on_event(event)
                    return
                event = events.Key(event.key, event.character)  # typed again, here
            if self._held_keys or opening(self.screen):
                self._held_keys.append(event)
                await self.release_held_keys()
                return
            event.typed_on = self.screen  # type: ignore[attr-defined]
        await super().on_event(event)

    async def release_held_keys(self) -> None:
        """Each held key, as if read now, until one opens another form still opening."""
        while self._held_keys and not opening(self.screen):
            key = self._held_keys.pop(0)
            typed_on = key.typed_on = self.screen  # type: ignore[attr-defined]
            await super().on_event(key)
            if self.screen is not typed_on:
                # It closed a form (a picker that opens the next): what comes next may
                # be opening, so the rest wait for the next frame.
                self.call_after_refresh(self.release_held_keys)
                return

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Until onboarding has made a couple there is nothing to show or undo.
        return not (self.couple is None and action in ("show", "undo"))

    # -- time ----------------------------------------------------------------

    def now_ms(self) -> int:
        return int(self.clock().timestamp() * 1000)

    def today(self) -> date:
        assert self.couple is not None
        return person_today(self.couple.person(self.couple.me), self.clock())

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications here often carry a habit's or a partner's words: never markup.

        `markup` is ignored on purpose: screens' own notify() passes True by default.
        Every toast goes through here, so this is where its words are made inert.
        """
        super().notify(
            visible(message), title=visible(title), severity=severity, timeout=timeout, markup=False
        )
        # The toast takes lines of its own above the footer (app.tcss); on a screen that
        # scrolls, what has focus may sit under them until it is scrolled back into view.
        self.call_later(keep_focus_in_view, self)

    # -- changes -------------------------------------------------------------

    def remember(self, *changes: Change | None) -> None:
        kept = [change for change in changes if change is not None]
        if kept:
            self.history.append(kept)
            del self.history[:-100]
        if touches_feed(change.kind for change in kept):
            self.refresh_feed()

    def action_undo(self) -> None:
        if self.couple is None:
            return
        if not self.history:
            self._offer_last_deleted(self.couple)
            return
        step = self.history[-1]
        if writing.undo(self, step, self.refresh_screen):
            self.history.pop()
            if touches_feed(change.kind for change in step):
                self.refresh_feed()

    def _offer_last_deleted(self, couple: Couple) -> None:
        """Undo after a restart: the bin remembers what this computer deleted, so offer that.

        The undo list itself lives only as long as the app; the bin lasts, and it
        never offers back what the partner has already restored.
        """
        entry = last_deleted_here(couple, self.now_ms())
        if entry is None:
            self.notify("Nothing to undo.", severity="information")
            return
        title = one_line(entry.title, 40)
        when = f"{moment_in(entry.deleted_ms, couple.person(couple.me).tz):%a %d %b, %H:%M}"

        def answered(yes: bool | None) -> None:
            if yes:
                said = f"Brought back “{title}”."
                writing.write(self, lambda: restore(couple, entry.id), said, self.refresh_screen)

        from tracker.ui.screens.dialogs import ConfirmDialog

        question = f"Bring back “{title}”, deleted on this computer on {when}?"
        self.push_screen(ConfirmDialog(question, "Bring back"), answered)

    def tell_deletions(self) -> None:
        """Once for each delete the partner made: what, what of ours it kept, where it waits."""
        couple = self.couple
        if couple is None or not couple.store.complete:
            return
        news = untold(couple, self.now_ms())
        for entry in news[:3]:
            self.notify(describe_deletion(couple, entry), title="Deleted", timeout=20)
        if len(news) > 3:
            self.notify(f"And {len(news) - 3} more: all in Habits › Deleted.", title="Deleted")
        with contextlib.suppress(ReadOnlyFile, OSError):  # then told again next time: fine
            mark_told(couple, news)

    def refresh_screen(self) -> None:
        screen = self.screen
        refresh = getattr(screen, "refresh_data", None)
        # A screen still being built draws itself once it is (its on_mount): the history
        # finishing as 4 opened Dates asked for its lists before they existed.
        if callable(refresh) and screen.is_mounted:
            refresh()

    def refresh_feed(self) -> None:
        """Rewrite this device's calendar feed if its events changed; say so if it cannot be."""
        if self.couple is None or not self.couple.store.complete:
            return  # only recent months are read yet: older evenings' marks would be missing
        # Here, not at the top: the feed brings icalendar, about a tenth of a second to import,
        # and the first frame need not wait for it.
        from tracker.export.feed import refresh_feed

        problem = refresh_feed(self.couple)
        if problem:
            self.notify(problem, severity="warning", timeout=10)

    def check_for_changes(self) -> None:
        """The partner's files arrived or changed: merge them in and redraw."""
        if self.couple is None or not self.couple.store.complete:
            return
        try:
            arrived = look_for_arrivals(self.couple)
        except PermissionError as error:
            self.folder_refused(error)
            return
        self._refused = ""
        if arrived is None:
            return
        if arrived.calendar:
            self.refresh_feed()  # their new date reaches this device's calendar app too
        self.refresh_screen()
        # A delete gets a notice of its own (once, with the ticks it kept), not this line.
        message = describe_arrivals(self.couple, arrived)
        if message:
            self.notify(message, title="Synced")
        if arrived.deletions:
            self.tell_deletions()

    def folder_refused(self, error: PermissionError) -> None:
        """The data folder stopped letting this user in: say so once, with the fix; what is
        on screen stays, and the next look picks up again once access is back."""
        message = permission_message(error)
        if message != self._refused:
            self._refused = message
            self.notify(
                message, title="Can't read the folder", severity="error", timeout=20, markup=False
            )

    # -- screens and commands --------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        from tracker.ui.screens.too_small import TooSmallScreen, too_small

        small = too_small(event.size.width, event.size.height)
        screen = self.screen
        if not isinstance(screen, TooSmallScreen):
            if small:
                self.push_screen(TooSmallScreen())
        elif small:
            screen.show_size(event.size.width, event.size.height)
        else:
            self.pop_screen()

    def action_show(self, mode: str) -> None:
        if self.couple is not None:
            self.switch_mode(mode)

    def action_help(self) -> None:
        from tracker.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_support(self) -> None:
        from tracker.ui.screens.support import SupportDialog

        if not isinstance(self.screen, SupportDialog):
            self.push_screen(SupportDialog())

    def action_over_today(self, where: str) -> None:
        """Open a view that lives over Today (registry.OVER_TODAY), never twice."""
        if self.couple is None:
            return
        self.switch_mode("today")
        view = load_class(where)
        if not isinstance(self.screen, view):
            self.push_screen(view())

    def action_toggle_dark(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        if self.couple is not None:
            for entry in SCREENS:
                yield SystemCommand(entry.title, entry.about, partial(self.action_show, entry.mode))
            yield SystemCommand("Undo", "Undo the last change", self.action_undo)
            yield SystemCommand(
                "Light or dark", "Switch between light and dark themes", self.action_toggle_dark
            )
            for view in OVER_TODAY:
                about = f"{view.palette} · key {view.key} on Today"
                yield SystemCommand(view.title, about, partial(self.action_over_today, view.where))
        yield SystemCommand("Help", "Every key, on one page", self.action_help)
        yield SystemCommand(
            "Talk to someone: couples therapy",
            "When it helps, what to look for, how to find someone · key ctrl+g",
            self.action_support,
        )
        yield from screen_commands(self, screen)
        # Textual's own "Keys" panel would be a second, different help: ours lists every key.
        yield from (c for c in super().get_system_commands(screen) if c.title != "Keys")


def make_app(
    couple: Couple | None = None,
    *,
    clock: Clock | None = None,
    data_flag: str | None = None,
    poll: bool = True,
) -> RekindleApp:
    """The app on an opened couple; with none, it starts with onboarding."""
    return RekindleApp(couple, clock=clock, data_flag=data_flag, poll=poll)
