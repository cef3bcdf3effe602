"""Check-in: this week side by side, trends, gaps, the weakest area with things to try,
promises and thanks, and a calm card about getting help when things stay hard."""

from __future__ import annotations

import random

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Vertical, VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from tracker.domain.checkin import kinds as checkin_kinds
from tracker.domain.checkin.analysis import gaps, weakest_area
from tracker.domain.checkin.model import (
    LABELS,
    CheckIn,
    HelpTrigger,
    iso_week,
    recent_weeks,
    shift_week,
    week_label,
)
from tracker.domain.checkin.promises import MAX_APPRECIATION, Appreciation, make_appreciation
from tracker.domain.checkin.promises import weekly_counts as appreciation_counts
from tracker.domain.content.prompts import PROMPTS, Prompt, Theme
from tracker.domain.content.starter import find_starter
from tracker.domain.content.strategies import AREA_INTRO, Strategy, strategies_for
from tracker.domain.models import Area
from tracker.domain.talks.skills import draw_prompt
from tracker.store import checkins as store
from tracker.store.couple import Couple
from tracker.ui.screens.base import RekindleScreen
from tracker.ui.screens.checkin.dialogs import PromptDialog
from tracker.ui.screens.checkin.form import CheckinForm
from tracker.ui.screens.checkin.view import TREND_WEEKS, help_card, notes_text, ratings_table
from tracker.ui.screens.dialog_base import Field, FieldsDialog
from tracker.ui.styles import sheet
from tracker.ui.widgets.literal import literal, one_line, wrapped
from tracker.ui.widgets.nav import NavBar

FIRST_TIME = (
    "Once a week, each of you rates the five areas the guide names as why couples drift "
    "(communication, unresolved conflicts, quality time, shared priorities and trust) "
    "and how close you feel overall, from 1 to 5. Press c to begin; it takes two minutes."
)
PRIVACY = (
    "Both of you can read the shared folder. The app only waits to show your ratings "
    "side by side until you've both answered, so neither of you sways the other."
)

# After a betrayal: the path is private to this device, so its key is named quietly.
TRUST_LINE = "Rebuilding trust after a breach, privately on this computer · b"


class CheckinScreen(RekindleScreen):
    CSS_PATH = sheet("checkin.tcss")
    BINDINGS = [
        Binding("c", "checkin", "Check in", id="checkin.checkin"),
        # Shown beside what they act on, so the footer stays short.
        Binding("a", "add_habit", "Add as habit", show=False, id="checkin.habit"),
        Binding("d", "draw", "Draw a prompt", show=False, id="checkin.prompt"),
        Binding("t", "appreciate", "Appreciate", id="checkin.appreciate"),
        Binding("p", "promises", "Promises", id="checkin.promises"),
        # Named in the promises section instead: the footer is full at 80 columns.
        Binding("b", "trust_path", "Rebuilding trust", show=False, id="checkin.trust"),
        Binding("h", "dismiss_help", "Hide card", id="checkin.hide"),
        Binding("H", "toggle_help", "Help cards on/off", show=False, id="checkin.cards"),
        Binding("left_square_bracket", "week(-1)", "Week back", show=False, id="checkin.back"),
        Binding("right_square_bracket", "week(1)", "Week on", show=False, id="checkin.on"),
    ]
    HELP_EXTRA = [Binding("up,down", "", "Pick a strategy")]
    # The promises view opened from here: the help page lists its keys too.
    HELP_SUBSCREENS = [
        ("Promises and repairs", "tracker.ui.screens.checkin.promises:PromisesScreen"),
        ("Rebuilding trust", "tracker.ui.screens.checkin.trust:TrustScreen"),
    ]

    def __init__(self) -> None:
        super().__init__(id="checkin")
        self.week = ""
        self.triggers: list[HelpTrigger] = []
        self.strategies: list[Strategy] = []
        self.area: Area | None = None
        self._draws = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("checkin")
        with VerticalScroll(id="checkin-body"):
            yield Static(id="week-line")
            yield Static(id="reveal", classes="hint")
            with Container(id="checkin-columns"):
                with Vertical(id="checkin-left"):
                    yield Static(id="ratings")
                    yield Static(id="gaps")
                    yield Static(id="notes", classes="hint")
                    yield Static(id="help-card")
                with Vertical(id="checkin-right"):
                    yield Static(id="weakest", classes="who")
                    yield Static(id="intro", classes="hint")
                    yield OptionList(id="strategies")
                    yield Static(id="strategy-text")
                    yield Static(id="trust", classes="section")
                    yield Static(id="thanks", classes="section")
            yield Static(PRIVACY, id="privacy", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Check-in"
        self.week = iso_week(self.rekindle.today())
        self.refresh_data()
        self.query_one("#strategies", OptionList).focus(scroll_visible=False)

    def on_screen_resume(self) -> None:
        self.refresh_data()

    # -- drawing -------------------------------------------------------------

    @property
    def current(self) -> str:
        return iso_week(self.rekindle.today())

    def refresh_data(self) -> None:
        if not self.week:
            return
        couple, current = self.couple, self.current
        self.week = min(self.week, current)
        partner = couple.name_of(couple.partner_key)
        view = store.view_of_week(couple, self.week, current)
        history = store.visible_history(couple, current)
        weeks = recent_weeks(self.week, TREND_WEEKS)
        if self.week != current:
            status = "an earlier week · ] goes forward"
        else:
            status = "you've checked in · c changes it" if view.mine else "c to check in"
        self.query_one("#week-line", Static).update(
            Text.assemble((week_label(self.week), "bold"), f" · {status} · [ earlier weeks")
        )
        self.query_one("#reveal", Static).update(wrapped(view.note))
        ratings = self.query_one("#ratings", Static)
        if any(history.values()) or view.theirs_hidden:
            ratings.update(
                ratings_table(view, history, weeks, couple.me, couple.partner_key, partner)
            )
        else:
            ratings.update(FIRST_TIME)
        found = gaps(view.mine, view.theirs) if view.mine and view.theirs else []
        gap_box = self.query_one("#gaps", Static)
        gap_box.display = bool(found)
        gap_box.update(wrapped("\n".join(g.describe(partner) for g in found)))
        notes = notes_text(view, partner)
        notes_box = self.query_one("#notes", Static)
        notes_box.display = notes is not None
        notes_box.update(notes or "")
        shown = [c for c in (view.mine, view.theirs) if c is not None]
        self._draw_weakest(shown)
        self._draw_help(current)
        self._draw_trust()

    def _draw_weakest(self, shown: list[CheckIn]) -> None:
        area = weakest_area(shown)
        options = self.query_one("#strategies", OptionList)
        weakest = self.query_one("#weakest", Static)
        intro = self.query_one("#intro", Static)
        if area is None:
            self.area, self.strategies = None, []
            options.clear_options()
            options.display = False
            weakest.update("Something to try")
            intro.update(
                "Once you've checked in, the area feeling weakest shows here, with a few "
                "small things to try this week."
            )
            self.query_one("#strategy-text", Static).display = False
            return
        keep = options.highlighted if area == self.area else 0
        self.area, self.strategies = area, strategies_for(area)
        lowest = min(c.rating(area.value) for c in shown)
        label = "Feeling weakest" if lowest <= 3 else "Lowest, though still good"
        weakest.update(f"{label}: {LABELS[area.value].lower()}")
        intro.update(AREA_INTRO[area])
        options.display = True
        self.query_one("#strategy-text", Static).display = True
        options.clear_options()
        options.add_options([Option(s.title, id=s.key) for s in self.strategies])
        options.highlighted = min(keep or 0, len(self.strategies) - 1)
        self._draw_strategy()

    @on(OptionList.OptionHighlighted, "#strategies")
    def _draw_strategy(self) -> None:
        strategy = self.strategy()
        box = self.query_one("#strategy-text", Static)
        if strategy is None:
            box.update("")
            return
        keys = []
        starter = find_starter(strategy.starter_habit) if strategy.starter_habit else None
        if starter is not None:
            keys.append(f"a adds “{starter.title}” as a habit")
        if strategy.prompt_theme:
            keys.append(f"d draws a prompt on {Theme(strategy.prompt_theme).label.lower()}")
        text = Text(strategy.text)
        if keys:
            text.append("\n" + " · ".join(keys), style="dim")
        box.update(text)

    def _draw_help(self, current: str) -> None:
        couple = self.couple
        self.triggers = store.active_help(couple, current)
        card = self.query_one("#help-card", Static)
        card.display = bool(self.triggers)
        if self.triggers:
            names = {key: couple.name_of(key) for key in (couple.me, couple.partner_key)}
            card.update(help_card(self.triggers, couple.me, names))
        self.refresh_bindings()

    def _draw_trust(self) -> None:
        couple, today = self.couple, self.rekindle.today()
        partner = couple.partner_key
        open_ = [p for p in store.promises(couple) if p.active]
        due = [p for p in open_ if p.due <= today]
        rates = store.reliabilities(couple, today)
        kept = " · ".join(
            f"{'you' if person == couple.me else one_line(couple.name_of(person), 16)}: "
            f"{windows[90].describe()}"
            for person, windows in rates.items()
        )
        self.query_one("#trust", Static).update(
            Text.assemble(
                ("Promises · p\n", "bold"),
                f"{len(open_)} open, {len(due)} due or overdue\n",
                (f"Kept over 90 days: {kept}", "dim"),
                (f"\n{TRUST_LINE}", "dim"),
            )
        )
        items = store.appreciations(couple)
        counts = appreciation_counts(items, iso_week(today))
        name = one_line(couple.name_of(partner), 16)
        text = Text.assemble(
            ("Noticed and appreciated · t\n", "bold"),
            f"This week: you {counts.get(couple.me, 0)}, {name} {counts.get(partner, 0)}",
        )
        for item in [a for a in items if a.by == partner][:2]:
            text.append(f"\n{name}, {item.day:%a %d %b}: ", style="dim")
            text.append_text(literal(one_line(item.text, 60)))
        self.query_one("#thanks", Static).update(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "dismiss_help":
            return bool(self.triggers)
        return True

    # -- acting ----------------------------------------------------------------

    def strategy(self) -> Strategy | None:
        index = self.query_one("#strategies", OptionList).highlighted
        if index is None or not 0 <= index < len(self.strategies):
            return None
        return self.strategies[index]

    def action_checkin(self) -> None:
        couple, today = self.couple, self.rekindle.today()
        self.week = iso_week(today)
        self.refresh_data()
        existing = store.checkin_for(couple, couple.me, self.week)
        form = CheckinForm(couple.me, today, existing, couple.name_of(couple.partner_key))
        self.app.push_screen(form, self._checked_in)

    def _checked_in(self, checkin: CheckIn | None) -> None:
        if checkin is None:
            return
        again = store.checkin_for(self.couple, checkin.person, checkin.week) is not None
        self.write(
            lambda: store.save_checkin(self.couple, checkin),
            f"{'Check-in updated' if again else 'Checked in'}. u undoes it.",
        )

    def action_week(self, step: int) -> None:
        target = shift_week(self.week, step)
        if target > self.current:
            self.notify("That week hasn't started yet.", severity="information")
            return
        self.week = target
        self.refresh_data()

    def action_add_habit(self) -> None:
        strategy = self.strategy()
        starter = find_starter(strategy.starter_habit or "") if strategy else None
        if strategy is None or starter is None:
            self.notify("Pick a strategy with a habit to go with it first.", severity="warning")
            return
        couple = self.couple
        if any(h.title.casefold() == starter.title.casefold() for h in couple.habits()):
            self.notify(f"“{starter.title}” is already one of your habits.")
            return
        order = len(couple.habits(include_archived=True))
        habit = starter.to_habit(Couple.new_habit_id(), self.rekindle.today(), order)
        self.write(
            lambda: couple.save_habit(habit), f"Added “{habit.title}” to your habits. u undoes it."
        )

    def action_draw(self) -> None:
        strategy = self.strategy()
        if strategy is None or not strategy.prompt_theme:
            self.notify("Pick a strategy with a conversation theme first.", severity="warning")
            return
        theme = Theme(strategy.prompt_theme)
        today = self.rekindle.today()

        def draw() -> Prompt | None:
            self._draws += 1
            rng = random.Random(f"{today}:{strategy.key}:{self._draws}")
            return draw_prompt(PROMPTS, {}, set(), today, 0, rng, theme=theme)

        self.app.push_screen(PromptDialog(f"Talk about it: {theme.label}", draw))

    def action_appreciate(self) -> None:
        couple, today = self.couple, self.rekindle.today()
        partner = couple.partner_key

        def make(values: dict[str, str]) -> Appreciation:
            new_id = Couple.new_id(checkin_kinds.APPRECIATION)
            return make_appreciation(new_id, couple.me, partner, today, values["text"])

        dialog = FieldsDialog(
            f"I noticed and appreciated ... ({one_line(couple.name_of(partner), 20)} sees it)",
            [
                Field(
                    "text",
                    "What you noticed",
                    placeholder="e.g. the tea you brought me",
                    max_length=MAX_APPRECIATION,
                )
            ],
            make,
            "Small and specific is best.",
            wide=False,
            enter_moves_on=True,
        )
        self.app.push_screen(dialog, self._appreciated)

    def _appreciated(self, item: Appreciation | None) -> None:
        if item is not None:
            self.write(lambda: store.save_appreciation(self.couple, item), "Noted. u undoes it.")

    def action_promises(self) -> None:
        from tracker.ui.screens.checkin.promises import PromisesScreen

        self.app.push_screen(PromisesScreen())

    def action_trust_path(self) -> None:
        from tracker.ui.screens.checkin.trust import TrustScreen

        self.app.push_screen(TrustScreen())

    def action_dismiss_help(self) -> None:
        if not self.triggers:
            return
        triggers = list(self.triggers)
        self.write(
            lambda: store.dismiss_help(self.couple, triggers),
            "Hidden until a new check-in. u undoes it.",
        )

    def action_toggle_help(self) -> None:
        turned = not store.help_setting(self.couple, self.couple.me).enabled
        what = "Help cards on" if turned else "Help cards off; H turns them back on"
        self.write(lambda: store.set_help_enabled(self.couple, turned), f"{what}. u undoes it.")
