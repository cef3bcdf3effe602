"""What each key on the Goals screen asks, and how the answer reaches the store.

Every write goes through the one write path (tracker/ui/writing.py): saved whole or
not at all, one undo step (u) however many records it touched, and a refusal said.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from tracker.domain.editing import habit_from_draft
from tracker.domain.goals import kinds as goal_kinds
from tracker.domain.goals.model import (
    DATE_MINUTES,
    Goal,
    Milestone,
    SupportAction,
    default_date_day,
    goal_from_form,
    habit_draft_for_goal,
    habit_draft_for_support,
    milestone_from_form,
    planned_date,
)
from tracker.domain.goals.priorities import REVIEW_EVERY, starting_order
from tracker.domain.goals.values import HORIZONS, area_label, clean_vision, horizon_label
from tracker.domain.models import US, Habit
from tracker.store import goals as store
from tracker.store.couple import Couple
from tracker.ui import writing
from tracker.ui.screens.dialog_base import Field, FieldsDialog
from tracker.ui.screens.goals.dialogs import OrderDialog, ValuesDialog
from tracker.ui.screens.habits.form import HabitForm
from tracker.ui.shell import Shell
from tracker.ui.widgets.literal import one_line

Done = Callable[[], None]


def undoable(message: str) -> str:
    """What Goals says once a change is saved."""
    return f"{message}. Press u to undo."


def _couple(app: Shell) -> Couple:
    assert app.couple is not None
    return app.couple


# -- values, vision, priorities ------------------------------------------------------


def edit_values(app: Shell, done: Done) -> None:
    couple = _couple(app)

    def saved(ranked: list[str] | None) -> None:
        if ranked is not None:
            writing.write(
                app,
                lambda: [store.save_values(couple, couple.me, ranked)],
                undoable("Saved your values"),
                done,
            )

    app.push_screen(ValuesDialog(store.values_of(couple, couple.me)), saved)


def edit_vision(app: Shell, area: str, done: Done) -> None:
    couple = _couple(app)
    mine = store.vision_of(couple, couple.me)
    theirs = store.vision_of(couple, couple.partner_key)
    partner = couple.name_of(couple.partner_key)
    fields = [
        Field(
            f"y{years}",
            f"In {horizon_label(years)}",
            mine.get((area, years), ""),
            placeholder="where you see yourself, or the two of you",
            hint=f"{partner} wrote: {theirs[(area, years)]}" if (area, years) in theirs else "",
        )
        for years in HORIZONS
    ]

    def make(values: dict[str, str]) -> dict[int, str]:
        return {y: clean_vision(values[f"y{y}"], area, y) for y in HORIZONS}

    def saved(texts: dict[int, str] | None) -> None:
        if texts is not None:
            writing.write(
                app,
                lambda: store.save_vision(couple, couple.me, area, texts),
                undoable(f"Saved your vision for {area}"),
                done,
            )

    intro = (
        f"{area_label(area)}: a sentence or two for each horizon, or leave one empty. "
        f"{partner} sees what you write here."
    )
    app.push_screen(FieldsDialog(f"Your vision: {area}", fields, make, intro), saved)


def review_priorities(app: Shell, today: date, done: Done) -> None:
    couple = _couple(app)
    start = starting_order(store.reviews(couple, couple.me))

    def saved(ranked: list[str] | None) -> None:
        if ranked is not None:
            writing.write(
                app,
                lambda: [store.save_review(couple, couple.me, today, ranked)],
                undoable("Saved your priorities"),
                done,
            )

    intro = (
        "Order these by how much of your time and care they get now, as things are. "
        "There is no right order. shift+↑/↓ (or K/J) moves the one under the cursor."
    )
    heading = f"Your priorities for {today:%B %Y}"
    app.push_screen(OrderDialog(heading, intro, start), saved)


def cycle_review_every(app: Shell, done: Done) -> None:
    couple = _couple(app)
    now = store.review_every(couple)
    after = REVIEW_EVERY[(REVIEW_EVERY.index(now) + 1) % len(REVIEW_EVERY)]
    label = "every month" if after == 1 else f"every {after} months"
    writing.write(
        app,
        lambda: [store.set_review_every(couple, after)],
        undoable(f"Priorities review: {label}"),
        done,
    )


# -- goals and milestones --------------------------------------------------------------


def edit_goal(app: Shell, owner: str, done: Done, goal: Goal | None = None) -> None:
    couple = _couple(app)
    today = app.today()
    fields = [
        Field("title", "Goal", goal.title if goal else "", "e.g. Save for a trip to Lisbon"),
        Field(
            "why",
            "Why it matters to us" if owner == US else "Why it matters to me",
            goal.why if goal else "",
        ),
        Field(
            "target",
            "By when (YYYY-MM-DD, optional)",
            goal.target.isoformat() if goal and goal.target else "",
            "e.g. 2027-06-30",
        ),
    ]

    def make(values: dict[str, str]) -> Goal:
        return goal_from_form(
            values["title"],
            values["why"],
            values["target"],
            owner=owner,
            goal_id=Couple.new_id(goal_kinds.GOAL),
            created=today,
            old=goal,
        )

    def saved(found: Goal | None) -> None:
        if found is not None:
            title = one_line(found.title, 40)
            writing.write(
                app, lambda: [store.save_goal(couple, found)], undoable(f"Saved “{title}”"), done
            )

    heading = ("Edit " if goal else "New ") + ("shared goal" if owner == US else "goal of mine")
    app.push_screen(FieldsDialog(heading, fields, make), saved)


def edit_milestone(app: Shell, goal: Goal, done: Done, milestone: Milestone | None = None) -> None:
    couple = _couple(app)
    who = (
        ("Both of us", US),
        (one_line(couple.name_of("a"), 20), "a"),
        (one_line(couple.name_of("b"), 20), "b"),
    )
    fields = [
        Field(
            "title", "Milestone", milestone.title if milestone else "", "e.g. Open a savings pot"
        ),
        Field(
            "due",
            "Due (YYYY-MM-DD, optional)",
            milestone.due.isoformat() if milestone and milestone.due else "",
        ),
        Field("owner", "Who takes it on", milestone.owner if milestone else US, choices=who),
    ]

    def make(values: dict[str, str]) -> Milestone:
        return milestone_from_form(
            values["title"],
            values["due"],
            values["owner"],
            goal_id=goal.id,
            new_id=store.new_milestone_id(goal.id),
            old=milestone,
        )

    def saved(found: Milestone | None) -> None:
        if found is not None:
            title = one_line(found.title, 40)
            writing.write(
                app,
                lambda: [store.save_milestone(couple, found)],
                undoable(f"Saved “{title}”"),
                done,
            )

    heading = f"{'Edit' if milestone else 'New'} milestone for “{one_line(goal.title, 40)}”"
    app.push_screen(FieldsDialog(heading, fields, make), saved)


def tick_milestone(app: Shell, milestone: Milestone, done: Done) -> None:
    couple = _couple(app)
    after = milestone.ticked(couple.me, app.today())
    verb = "Ticked" if after.done else "Unticked"
    message = f"{verb} “{one_line(milestone.title, 40)}”"
    writing.write(
        app, lambda: [store.save_milestone(couple, after, message)], undoable(message), done
    )


def toggle_reached(app: Shell, goal: Goal, done: Done) -> None:
    couple = _couple(app)
    after = replace(goal, reached=not goal.reached)
    verb = "Reached" if after.reached else "Back in progress:"
    writing.write(
        app,
        lambda: [store.save_goal(couple, after)],
        undoable(f"{verb} “{one_line(goal.title, 40)}”"),
        done,
    )


def habit_from_goal(app: Shell, goal: Goal, done: Done) -> None:
    couple = _couple(app)
    today = app.today()
    order = len(couple.habits(include_archived=True))
    names = {k: couple.name_of(k) for k in ("a", "b")}
    form = HabitForm(
        habit_draft_for_goal(goal),
        names,
        lambda d: habit_from_draft(d, Couple.new_habit_id(), today, order),
        f"A habit for “{one_line(goal.title, 40)}”",
    )

    def saved(habit: Habit | None) -> None:
        if habit is not None:
            title = one_line(habit.title, 40)
            writing.write(
                app,
                lambda: store.habit_for_goal(couple, goal.id, habit),
                undoable(f"Added the habit “{title}”"),
                done,
            )

    app.push_screen(form, saved)


def date_from_goal(app: Shell, goal: Goal, done: Done) -> None:
    couple = _couple(app)
    tz = couple.person(couple.me).tz
    fields = [
        Field("title", "What", f"Date night: {goal.title}"[:80]),
        Field("day", "Day (YYYY-MM-DD)", default_date_day(app.today()).isoformat()),
        Field("time", f"Time (HH:MM, {tz})", "19:00"),
    ]

    def make(values: dict[str, str]) -> dict[str, object]:
        return planned_date(values["title"], values["day"], values["time"], tz, DATE_MINUTES)

    def saved(data: dict[str, object] | None) -> None:
        if data is not None:
            title = one_line(str(data["title"]), 40)
            writing.write(
                app,
                lambda: store.plan_date(couple, goal.id, data),
                undoable(f"Planned “{title}”"),
                done,
            )

    intro = "A planned date for this goal; it shows on the Dates screen with the others."
    app.push_screen(FieldsDialog("Plan a date", fields, make, intro), saved)


# -- each of us -------------------------------------------------------------------------


def add_support(app: Shell, goal: Goal, done: Done) -> None:
    couple = _couple(app)
    partner = couple.name_of(couple.partner_key)
    fields = [
        Field(
            "text",
            f"How {one_line(partner, 20)} can support you",
            "",
            "e.g. ask me on Sundays how the running went",
        )
    ]

    def make(values: dict[str, str]) -> Goal:
        return goal.with_action(store.token(), values["text"])

    def saved(found: Goal | None) -> None:
        if found is not None:
            writing.write(
                app, lambda: [store.save_goal(couple, found)], undoable("Added a way to help"), done
            )

    app.push_screen(FieldsDialog(f"For “{one_line(goal.title, 40)}”", fields, make), saved)


def take_on(app: Shell, goal: Goal, action: SupportAction, done: Done) -> None:
    couple = _couple(app)
    today = app.today()
    order = len(couple.habits(include_archived=True))
    draft = habit_draft_for_support(goal, action, couple.me, couple.name_of(goal.owner))
    names = {k: couple.name_of(k) for k in ("a", "b")}
    form = HabitForm(
        draft,
        names,
        lambda d: habit_from_draft(d, Couple.new_habit_id(), today, order),
        f"Take on: {one_line(action.text, 50)}",
    )

    def saved(habit: Habit | None) -> None:
        if habit is not None:
            writing.write(
                app,
                lambda: store.take_on(couple, goal.id, action, habit),
                undoable(f"You took on “{one_line(action.text, 40)}”"),
                done,
            )

    app.push_screen(form, saved)
