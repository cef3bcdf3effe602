"""Rebuilding trust: the path after a betrayal, opened from Check-in with b.

Private to this device (store/trust.py keeps it in the local state folder): the
partner's app never shows it. Each weekly step opens the form or card that already
exists for its one action, and what is saved there (a promise, a repair, a talk) is
shared as usual, through the one write path.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import partial

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from tracker.domain.content.trust_path import (
    LEAVE_QUESTION,
    LEFT,
    LISTENING_PROMPTS,
    OPENING,
    PRIVATE_LINE,
    ROLE_LABELS,
    SAFETY,
    STEPS,
    TITLE,
    WHO_INTRO,
    WHO_QUESTION,
    Role,
    StepAction,
    TrustStep,
)
from tracker.domain.trust.path import TrustPath
from tracker.store import trust as store
from tracker.ui.screens.base import RekindleScreen
from tracker.ui.screens.checkin.dialogs import PromptDialog
from tracker.ui.screens.checkin.promise_forms import promise_form, repair_form
from tracker.ui.screens.dialog_base import ConfirmDialog, Field, FieldsDialog
from tracker.ui.screens.support import SupportDialog
from tracker.ui.screens.talks.plan import plan_talk
from tracker.ui.styles import sheets
from tracker.ui.widgets.nav import NavBar
from tracker.ui.writing import keep_on_device

A_WEEK_ON = "in 7 days"
START_HINT = "s starts it. First, one question about you, which you can change later."


class TrustScreen(RekindleScreen):
    CSS_PATH = sheets("checkin.tcss", "trust.tcss")
    BINDINGS = [
        Binding("escape,backspace", "app.pop_screen", "Back", id="trust.back"),
        Binding("s", "start", "Start", id="trust.start"),
        Binding("enter", "act", "Do this step", id="trust.act"),
        Binding("x", "toggle_done", "Done", id="trust.done"),
        Binding("w", "who", "Who I am", id="trust.who"),
        Binding("L", "leave", "Leave path", id="trust.leave"),
    ]
    HELP_EXTRA = [Binding("up,down", "", "Pick a step")]

    def __init__(self) -> None:
        super().__init__(id="trust")
        self.path: TrustPath | None = None
        # The listening prompts in order, going round again, for as long as this is open.
        self._listening = itertools.cycle(LISTENING_PROMPTS)

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("checkin")
        with VerticalScroll(id="trust-body"):
            yield Static(PRIVATE_LINE, id="trust-private", classes="hint")
            yield Static(id="trust-problem")
            yield Static(id="trust-opening")
            yield Static(id="trust-week")
            yield OptionList(id="trust-steps")
            yield Static(id="trust-step")
        # Outside the scrolling part: in view on every step, however long, at any size.
        yield Static(Text(SAFETY, style="bold"), id="trust-safety")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = TITLE
        self.refresh_data()

    def on_screen_resume(self) -> None:
        self.refresh_data()

    # -- drawing -------------------------------------------------------------

    def refresh_data(self) -> None:
        loaded = store.read_path(self.couple)
        self.path = loaded.path
        problem = self.query_one("#trust-problem", Static)
        problem.display = loaded.problem is not None
        problem.update(loaded.problem or "")
        started = self.path is not None
        for selector in ("#trust-week", "#trust-steps", "#trust-step"):
            self.query_one(selector).display = started
        opening = self.query_one("#trust-opening", Static)
        opening.display = not started
        opening.update(Text("\n\n".join([*OPENING, START_HINT])))
        if self.path is not None:
            self._draw_path(self.path)
            # Hidden until the path starts, so it could not take the focus on mount.
            self.query_one("#trust-steps", OptionList).focus(scroll_visible=False)
        self.refresh_bindings()

    def _draw_path(self, path: TrustPath) -> None:
        today = self.rekindle.today()
        open_ = path.open_steps(today)
        self.query_one("#trust-week", Static).update(
            Text.assemble(
                (f"Week {open_[-1]} of {len(STEPS)}", "bold"),
                f" · you said: {path.role.label} · w changes it",
            )
        )
        options = self.query_one("#trust-steps", OptionList)
        keep = options.highlighted
        options.clear_options()
        for number in open_:
            mark = "✓" if number in path.done else "·"
            options.add_option(Option(f"{mark} {number}. {STEPS[number - 1].title}"))
        if open_[-1] < len(STEPS):
            following = open_[-1] + 1
            day = path.opens_on(following)
            opens = f"  Step {following} opens {day:%A} {day.day} {day:%B}"
            options.add_option(Option(opens, disabled=True))
        last = len(open_) - 1
        options.highlighted = last if keep is None else min(keep, last)
        self._draw_step()

    @on(OptionList.OptionHighlighted, "#trust-steps")
    def _draw_step(self) -> None:
        number, step = self.step() or (0, None)
        box = self.query_one("#trust-step", Static)
        if self.path is None or step is None:
            box.update("")
            return
        done = number in self.path.done
        box.update(
            Text.assemble(
                (step.title, "bold"),
                (f" · {step.theme.label}", "dim"),
                "\n",
                step.words_for(self.path.role),
                "\n",
                ("⏎ ", "bold"),
                step.action.label,
                (" · x marks it undone" if done else " · x marks it done", "dim"),
            )
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start":
            return self.path is None
        if action in ("act", "toggle_done", "who", "leave"):
            return self.path is not None
        return True

    # -- acting ----------------------------------------------------------------

    def step(self) -> tuple[int, TrustStep] | None:
        """The highlighted step and its number, if it is an open one."""
        if self.path is None:
            return None
        index = self.query_one("#trust-steps", OptionList).highlighted
        open_ = self.path.open_steps(self.rekindle.today())
        if index is None or not 0 <= index < len(open_):
            return None
        return open_[index], STEPS[open_[index] - 1]

    def _keep(self, path: TrustPath, said: str) -> None:
        """Save on this computer only; a refusal is said, and nothing changes."""
        keep_on_device(
            self.rekindle, lambda: store.save_path(self.couple, path), said, self.refresh_data
        )

    def _ask_role(self, then: Callable[[Role], None]) -> None:
        current = self.path.role if self.path else Role.UNSAID
        choices = tuple((label, role.value) for role, label in ROLE_LABELS.items())
        dialog = FieldsDialog(
            TITLE,
            [Field("role", WHO_QUESTION, value=current.value, choices=choices)],
            lambda values: Role(values["role"]),
            WHO_INTRO,
            wide=False,
        )
        self.app.push_screen(dialog, lambda role: then(role) if role is not None else None)

    def action_start(self) -> None:
        if self.path is not None:
            return
        today = self.rekindle.today()
        self._ask_role(
            lambda role: self._keep(TrustPath(today, role), "Started, on this computer.")
        )

    def action_who(self) -> None:
        path = self.path
        if path is not None:
            self._ask_role(lambda role: self._keep(path.with_role(role), "Changed."))

    def action_toggle_done(self) -> None:
        found = self.step()
        if self.path is None or found is None:
            return
        number, _ = found
        try:
            marked = self.path.toggled(number, self.rekindle.today())
        except ValueError as error:
            self.notify(str(error), severity="warning")
            return
        self._keep(marked, "Marked done." if number in marked.done else "Marked not done.")

    @on(OptionList.OptionSelected, "#trust-steps")
    def action_act(self) -> None:
        found = self.step()
        if found is None:
            return
        openers: dict[StepAction, Callable[[], object]] = {
            StepAction.SAY_WHAT_IS_OPEN: lambda: promise_form(
                self,
                example="e.g. tell you if they contact me",
                intro="Something that will be open from now on. It goes in the promise "
                "ledger, which your partner sees.",
                due=A_WEEK_ON,
            ),
            StepAction.SMALL_PROMISE: lambda: promise_form(
                self, intro="Something small enough to keep this week.", due=A_WEEK_ON
            ),
            StepAction.LISTENING_PROMPTS: lambda: self.app.push_screen(
                PromptDialog("Listening without defending", lambda: next(self._listening))
            ),
            StepAction.LOG_REPAIR: lambda: repair_form(self),
            StepAction.THERAPY_CARD: lambda: self.app.push_screen(SupportDialog()),
            StepAction.PLAN_TALK: lambda: plan_talk(self, title="Time to talk"),
        }
        openers[found[1].action]()

    def action_leave(self) -> None:
        if self.path is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                forget = partial(store.forget_path, self.couple)
                keep_on_device(self.rekindle, forget, LEFT, self.refresh_data)

        self.app.push_screen(ConfirmDialog(LEAVE_QUESTION, "Leave it", "Stay on it"), answered)
