"""Adding and editing a habit: pick a starter idea or write your own, then adjust it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import cast

from rich.console import RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, OptionList, Select, SelectionList
from textual.widgets.option_list import Option

from tracker.domain.content.starter import STARTER_HABITS, StarterHabit, find_starter
from tracker.domain.editing import WORDS, HabitDraft, habit_from_draft, with_stored_words
from tracker.domain.habits.links import LINK_WORDS
from tracker.domain.models import (
    WEEKDAY_NAMES,
    Area,
    Direction,
    Habit,
    HabitKind,
    Owner,
    ScheduleKind,
)
from tracker.domain.reminders.habit_times import quiet_refusal
from tracker.store.couple import Couple
from tracker.store.reminder_prefs import reminder_prefs
from tracker.ui import writing
from tracker.ui.screens.dialog_base import Dialog
from tracker.ui.screens.ordered_keys import settled
from tracker.ui.shell import Shell
from tracker.ui.styles import sheets
from tracker.ui.widgets.literal import TextInput, one_line

OWN_IDEA = "own"
BY_HAND = "none"
# The choice of what else ticks a habit, in the words the detail and the CLI use too.
_LINKS = [("Ticked only by hand", BY_HAND)] + [
    (f"Also ticked {words}", event.value) for event, words in LINK_WORDS.items()
]


class StarterPicker(Dialog[str]):
    """Our starter ideas by area, with "write my own" at the top."""

    SAVES = False  # picking one answers

    def __init__(self, taken_titles: set[str]) -> None:
        super().__init__()
        self.taken = {t.casefold() for t in taken_titles}

    def compose(self) -> ComposeResult:
        options: list[Option | None] = [Option("✎  Write my own habit", id=OWN_IDEA), None]
        for area in Area:
            options.append(Option(Text(area.value.capitalize(), style="bold"), disabled=True))
            for starter in STARTER_HABITS:
                if starter.area is area and starter.title.casefold() not in self.taken:
                    line = Text(f"  {starter.title}  ")
                    line.append(starter.schedule.describe(), style="dim")
                    options.append(Option(line, id=starter.key))
        with Vertical(classes="dialog wide"):
            yield Label("Add a habit", classes="title")
            yield Label("Pick an idea to start from (you can change it next), or write your own.")
            yield OptionList(*options, id="starters")

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    async def action_enter(self) -> None:
        """Picked as enter is read (a priority key), not a moment later, so the keys typed
        straight after it go to the form it opens (ordered_keys.py)."""
        await settled(self)
        option = self.query_one("#starters", OptionList).highlighted_option
        if option is not None and not option.disabled:
            self.dismiss(option.id)


class HabitForm(Dialog[Habit]):
    """A habit's every setting; only the ones that apply to its schedule and kind show."""

    CSS_PATH = sheets("dialogs.tcss", "habits.tcss")

    def __init__(
        self,
        draft: HabitDraft,
        names: dict[str, str],
        make: Callable[[HabitDraft], Habit],
        heading: str,
    ) -> None:
        super().__init__()
        self.draft = draft
        self.names = names
        self.make_habit = make
        self.heading = heading
        link = draft.fulfilled_by
        # A link only a newer version knows shows as none, and is kept unless changed.
        self._link_shown = link.value if link else BY_HAND

    def compose(self) -> ComposeResult:
        d = self.draft
        owners: list[tuple[RenderableType, str]] = [
            ("Each of us, separately", Owner.EACH.value),
            ("Together: one shared tick", Owner.TOGETHER.value),
            # Text, not str: a Select reads a str prompt as markup, and names are typed.
            (Text(f"Only {one_line(self.names['a'], 20)}"), Owner.A.value),
            (Text(f"Only {one_line(self.names['b'], 20)}"), Owner.B.value),
        ]
        with VerticalScroll(classes="dialog wide form"):
            yield Label(self.heading, classes="title")
            yield Label("Name")
            # TextInput draws stored words inertly (␛, ⏎); `_untouched` says how they are saved.
            yield TextInput(d.title, id="title", placeholder="e.g. Phone-free dinner")
            # The reminder time, short, beside the description: the form keeps its height.
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("Why or how (optional)")
                    yield TextInput(d.description, id="description")
                with Vertical(id="remind-field"):
                    yield Label("Remind at")
                    yield TextInput(d.remind_at, id="remind-at", placeholder="usual time")
            with Horizontal(classes="row"):
                yield Select(
                    [(a.value.capitalize(), a.value) for a in Area],
                    value=d.area.value,
                    allow_blank=False,
                    id="area",
                )
                yield Select(owners, value=d.owner.value, allow_blank=False, id="owner")
            yield Select(_LINKS, value=self._link_shown, allow_blank=False, id="done-by")
            with Horizontal(classes="row"):
                yield Select(
                    [(k.value.capitalize(), k.value) for k in ScheduleKind],
                    value=d.schedule.value,
                    allow_blank=False,
                    id="schedule",
                )
                yield TextInput(d.times, id="times", placeholder="times", type="integer")
                # "X in N days" reads as a sentence: [3] in [10] days.
                yield Label("in", id="in-word", classes="between")
                yield TextInput(d.every, id="every", placeholder="N days", type="integer")
                yield Label("days", id="days-word", classes="between")
            yield SelectionList[int](
                *[(name, index, index in d.weekdays) for index, name in enumerate(WEEKDAY_NAMES)],
                id="weekdays",
            )
            with Horizontal(classes="row"):
                yield Select(
                    [
                        ("Yes / no", HabitKind.YES_NO.value),
                        ("Measurable", HabitKind.MEASURABLE.value),
                    ],
                    value=d.kind.value,
                    allow_blank=False,
                    id="kind",
                )
                yield Select(
                    [("At least", Direction.AT_LEAST.value), ("At most", Direction.AT_MOST.value)],
                    value=d.direction.value,
                    allow_blank=False,
                    id="direction",
                )
                yield TextInput(d.target, id="target", placeholder="goal")
                yield TextInput(d.unit, id="unit", placeholder="unit, e.g. minutes")
            yield from self.buttons()

    def on_mount(self) -> None:
        self._show_relevant()
        self.query_one("#title", Input).focus()

    @on(Select.Changed)
    def _show_relevant(self) -> None:
        # allow_blank=False: the value is always one of the kinds, never Select.BLANK.
        kind = ScheduleKind(cast(str, self.query_one("#schedule", Select).value))
        in_days = kind is ScheduleKind.TIMES_IN_DAYS
        counted = (ScheduleKind.PER_WEEK, ScheduleKind.PER_MONTH, ScheduleKind.TIMES_IN_DAYS)
        self.query_one("#times").display = kind in counted
        self.query_one("#every").display = in_days or kind is ScheduleKind.EVERY_N_DAYS
        for word in ("#in-word", "#days-word"):
            self.query_one(word).display = in_days
        self.query_one("#weekdays").display = kind is ScheduleKind.WEEKDAYS
        measurable = self.query_one("#kind", Select).value == HabitKind.MEASURABLE.value
        for selector in ("#direction", "#target", "#unit"):
            self.query_one(selector).display = measurable

    def _read(self) -> HabitDraft:
        value, choice = self.input_value, self.select_value
        return HabitDraft(
            title=value("#title"),
            description=value("#description"),
            area=Area(choice("#area")),
            owner=Owner(choice("#owner")),
            schedule=ScheduleKind(choice("#schedule")),
            weekdays=list(self.query_one("#weekdays", SelectionList).selected),
            times=value("#times"),
            every=value("#every"),
            kind=HabitKind(choice("#kind")),
            target=value("#target"),
            unit=value("#unit"),
            direction=Direction(choice("#direction")),
            done_by=self._link_read(choice("#done-by")),
            remind_at=value("#remind-at"),
        )

    def _link_read(self, chosen: str) -> str:
        if chosen == self._link_shown:
            return self.draft.done_by  # as it was, even a link this version does not know
        return "" if chosen == BY_HAND else chosen

    def make(self) -> Habit:
        draft = self._read()
        habit = self._untouched(draft, self.make_habit(draft))
        problem = self._quiet_refusal(habit)
        if problem:
            raise ValueError(problem)
        return habit

    def _quiet_refusal(self, habit: Habit) -> str | None:
        """A time newly chosen inside this person's quiet hours would never reach them.
        Read from the app at save time, so every flow opening this form is checked alike."""
        couple = self.app.couple if isinstance(self.app, Shell) else None
        if couple is None:
            return None
        return quiet_refusal(habit, couple.me, reminder_prefs(couple), before=self.draft)

    def _untouched(self, draft: HabitDraft, habit: Habit) -> Habit:
        """Words left as they were are saved exactly as stored (`with_stored_words`)."""
        before = self.draft
        same = [name for name in WORDS if getattr(draft, name) == getattr(before, name)]
        return with_stored_words(habit, before, same)


def draft_from_starter(starter: StarterHabit) -> HabitDraft:
    # The id and start are placeholders: the form only takes the fields.
    return HabitDraft.of(starter.to_habit("new", date.min))


def _names(couple: Couple) -> dict[str, str]:
    return {key: couple.name_of(key) for key in ("a", "b")}


def save_habit(app: Shell, habit: Habit | None, on_done: Callable[[], None]) -> None:
    couple = app.couple
    if habit is None or couple is None:
        return
    saved = f"Saved “{one_line(habit.title, 40)}”."
    writing.write(app, lambda: couple.save_habit(habit), saved, on_done)


def add_habit_flow(app: Shell, on_done: Callable[[], None]) -> None:
    """Starter picker → form prefilled → saved. Two screens, escape at any point."""
    couple = app.couple
    assert couple is not None
    taken = {h.title for h in couple.habits(include_archived=True)}

    def picked(key: str | None) -> None:
        if key is None:
            return
        starter = find_starter(key) if key != OWN_IDEA else None
        draft = draft_from_starter(starter) if starter else HabitDraft()
        order = len(couple.habits(include_archived=True))
        today = app.today()
        form = HabitForm(
            draft,
            _names(couple),
            lambda d: habit_from_draft(d, Couple.new_habit_id(), today, order),
            "New habit",
        )
        app.push_screen(form, lambda habit: save_habit(app, habit, on_done))

    app.push_screen(StarterPicker(taken), picked)


def edit_habit_flow(app: Shell, habit: Habit, on_done: Callable[[], None]) -> None:
    couple = app.couple
    assert couple is not None
    form = HabitForm(
        HabitDraft.of(habit),
        _names(couple),
        lambda d: habit_from_draft(d, habit.id, habit.start, habit.order, habit.archived),
        "Edit habit",
    )
    app.push_screen(form, lambda saved: save_habit(app, saved, on_done))
