"""`rekindle habit add|edit|archive|unarchive|delete|move`: the Habits screen, scriptable.

Every option is a field of the app's habit form, checked by the same domain rules
(`tracker.domain.editing`), so a habit the CLI saves is one the form could have saved,
and a refusal is the form's own sentence.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from tracker.cli.common import (
    DATA_OPTION,
    CLIError,
    Context,
    checked,
    flat,
    in_range,
    my_today,
    say,
)

if TYPE_CHECKING:
    from tracker.domain.editing import HabitDraft
    from tracker.domain.models import Habit
    from tracker.store.couple import Couple

AREAS = ("communication", "conflict", "quality-time", "priorities", "trust")
OWNERS = ("each", "together", "me", "partner")
NO_LINK = "none"  # --done-by none: ticked only by hand


def register(commands: Any) -> None:
    """`rekindle habit ACTION`: one habit's every action, restoring one from the bin too."""
    from tracker.cli.bin_cmds import add_restore

    habit = commands.add_parser(
        "habit",
        parents=[DATA_OPTION],
        help="one habit: add, edit, archive, unarchive, delete, restore or move it",
    )
    actions = habit.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", parents=[DATA_OPTION], help="add a habit")
    add.add_argument("title", help="its name (up to 80 characters)")
    _form_options(add)
    add.set_defaults(run=run_add)

    edit = actions.add_parser(
        "edit", parents=[DATA_OPTION], help="change a habit: only the options given"
    )
    edit.add_argument("name", help="the habit's name, or enough of it to be unique")
    edit.add_argument("--title", help="a new name")
    _form_options(edit)
    edit.add_argument("--yes-no", action="store_true", help="make it a yes/no habit again")
    edit.set_defaults(run=run_edit)

    for action, text in (
        ("archive", "put a habit away; its history stays"),
        ("unarchive", "bring an archived habit back to Today"),
        ("delete", "delete a habit (`habit restore` brings it back for 30 days)"),
    ):
        one = actions.add_parser(action, parents=[DATA_OPTION], help=text)
        one.add_argument("name", help="the habit's name, or enough of it to be unique")
        one.set_defaults(run=run_put_away, action=action)

    move = actions.add_parser(
        "move", parents=[DATA_OPTION], help="change where a habit sits in the list"
    )
    move.add_argument("name", help="the habit's name, or enough of it to be unique")
    where = move.add_mutually_exclusive_group(required=True)
    where.add_argument("--up", action="store_const", const=-1, dest="step", help="one place up")
    where.add_argument("--down", action="store_const", const=1, dest="step", help="one down")
    where.add_argument("--to", type=int, metavar="N", help="to place N (1 is the top)")
    move.set_defaults(run=run_move)
    add_restore(actions)


def _form_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--description", metavar="TEXT", help="why or how (optional)")
    parser.add_argument("--area", choices=AREAS, help="which of the five areas it tends")
    parser.add_argument(
        "--owner", choices=OWNERS, help="each of us separately (default), together, me or partner"
    )
    when = parser.add_mutually_exclusive_group()
    when.add_argument("--daily", action="store_true", help="every day (the default)")
    when.add_argument("--on", metavar="DAYS", help="chosen weekdays, e.g. mon,wed,fri")
    when.add_argument(
        "--per-week", metavar="X", help="X times a week (1 to 7; weeks begin as `settings` says)"
    )
    when.add_argument("--per-month", metavar="X", help="X times a month (1 to 28)")
    when.add_argument("--every", metavar="N", help="every N days (1 to 365)")
    when.add_argument(
        "--in-days",
        metavar="N",
        help="with --times X: X times in each stretch of N days (2 to 365)",
    )
    parser.add_argument("--times", metavar="X", help="how many times, with --in-days N")
    parser.add_argument("--target", metavar="AMOUNT", help="makes it measurable: the goal")
    parser.add_argument("--unit", help="what a measurable habit counts, e.g. minutes")
    parser.add_argument(
        "--at-most",
        action="store_const",
        const="at most",
        dest="direction",
        help="the target is a limit to stay under (default: at least)",
    )
    parser.add_argument(
        "--at-least",
        action="store_const",
        const="at least",
        dest="direction",
        help="the target is a minimum to reach",
    )
    parser.add_argument("--start", metavar="YYYY-MM-DD", help="the day it begins (default today)")
    parser.add_argument(
        "--remind",
        metavar="HH:MM",
        help="when it reminds you, e.g. 20:30; none: at your usual time (`rekindle settings`)",
    )
    from tracker.domain.habits.links import LINK_WORDS

    parser.add_argument(
        "--done-by",
        choices=[*LINK_WORDS, NO_LINK],
        help="also ticked "
        + " or ".join(f"{words} ({event})" for event, words in LINK_WORDS.items())
        + f"; {NO_LINK}: only by hand",
    )


def _apply(args: argparse.Namespace, draft: HabitDraft, couple: Couple) -> list[str]:
    """Write the options given onto the draft; returns the words (WORDS) typed."""
    from tracker.domain.editing import WORDS, weekdays_from_text
    from tracker.domain.models import Area, Direction, HabitKind, Owner, ScheduleKind

    typed = []
    for name in WORDS:
        value = getattr(args, name, None)
        if value is not None:
            setattr(draft, name, value)
            typed.append(name)
    if args.area:
        draft.area = Area(args.area.replace("-", " "))
    if args.owner:
        mine = {"me": couple.me, "partner": couple.partner_key}
        draft.owner = Owner(mine.get(args.owner, args.owner))
    if args.daily:
        draft.schedule = ScheduleKind.DAILY
    elif args.on is not None:
        draft.schedule = ScheduleKind.WEEKDAYS
        draft.weekdays = checked(weekdays_from_text, args.on)
    elif args.per_week is not None:
        draft.schedule, draft.times = ScheduleKind.PER_WEEK, args.per_week
    elif args.per_month is not None:
        draft.schedule, draft.times = ScheduleKind.PER_MONTH, args.per_month
    elif args.every is not None:
        draft.schedule, draft.every = ScheduleKind.EVERY_N_DAYS, args.every
    _apply_times_in_days(args, draft)
    if getattr(args, "yes_no", False):
        draft.kind = HabitKind.YES_NO
    elif args.target is not None or args.unit is not None or args.direction:
        draft.kind = HabitKind.MEASURABLE
    if args.target is not None:
        draft.target = args.target
    if args.direction:
        draft.direction = Direction(args.direction)
    if args.done_by is not None:
        draft.done_by = "" if args.done_by == NO_LINK else args.done_by
    if args.remind is not None:
        draft.remind_at = args.remind  # "none" too: habit_from_draft reads it as the usual time
    return typed


def _apply_times_in_days(args: argparse.Namespace, draft: HabitDraft) -> None:
    """--times X --in-days N; an "X in N days" habit's edit may change either alone."""
    from tracker.domain.models import ScheduleKind

    already = draft.schedule is ScheduleKind.TIMES_IN_DAYS
    if args.in_days is not None:
        if args.times is None and not already:
            raise CLIError("Say how many times too, e.g. --times 3 --in-days 10.")
        draft.schedule, draft.every = ScheduleKind.TIMES_IN_DAYS, args.in_days
    if args.times is None:
        return
    if draft.schedule is not ScheduleKind.TIMES_IN_DAYS:
        raise CLIError("--times goes with --in-days, e.g. --times 3 --in-days 10.")
    draft.times = args.times


def _start(text: str | None, default: date) -> date:
    if text is None:
        return default
    try:
        return in_range(date.fromisoformat(text.strip()))
    except ValueError:
        raise CLIError(f"“{text}” is not a date; use YYYY-MM-DD, like 2026-02-28.") from None


def _refuse_a_quiet_time(couple: Couple, habit: Habit, before: Habit | None = None) -> None:
    """The sentence why ``habit``'s reminder time, newly chosen inside this person's quiet
    hours, would never reach them (the habit form refuses it alike)."""
    from tracker.domain.reminders.habit_times import quiet_refusal
    from tracker.store.reminder_prefs import reminder_prefs

    problem = quiet_refusal(habit, couple.me, reminder_prefs(couple), before)
    if problem:
        raise CLIError(problem)


def _who(couple: Couple, habit: Habit) -> str:
    """Whose it is, what else ticks it, its own reminder time: "together, also ticked when
    a talk is logged, reminder at 20:30"."""
    from tracker.domain.habits.links import link_words
    from tracker.domain.models import Owner
    from tracker.domain.reminders.habit_times import reminder_words

    if habit.owner in (Owner.A, Owner.B):
        who = f"for {couple.name_of(habit.owner.value)}"
    else:
        who = {Owner.EACH: "for each of you", Owner.TOGETHER: "together"}[habit.owner]
    extra = [words for words in (link_words(habit), reminder_words(habit)) if words]
    return ", ".join([who, *extra])


def run_add(args: argparse.Namespace, context: Context) -> int:
    from tracker.domain.editing import HabitDraft, habit_from_draft

    couple = context.couple()
    draft = HabitDraft(title=args.title)
    _apply(args, draft, couple)
    start = _start(args.start, my_today(couple))
    order = len(couple.habits(include_archived=True))
    habit = checked(habit_from_draft, draft, couple.new_habit_id(), start, order)
    _refuse_a_quiet_time(couple, habit)
    couple.save_habit(habit)
    say(
        f"Added “{flat(habit.title)}”: {habit.schedule.describe()}, {flat(_who(couple, habit))}, "
        f"from {habit.start}."
    )
    return 0


def run_edit(args: argparse.Namespace, context: Context) -> int:
    from tracker.cli.habit_cmds import find_habit
    from tracker.domain.editing import WORDS, HabitDraft, habit_from_draft, with_stored_words

    couple = context.couple()
    old = find_habit(couple.habits(include_archived=True), args.name)
    before = HabitDraft.of(old)
    draft = HabitDraft.of(old)
    typed = _apply(args, draft, couple)
    start = _start(args.start, old.start)
    habit = checked(habit_from_draft, draft, old.id, start, old.order, old.archived)
    habit = with_stored_words(habit, before, [word for word in WORDS if word not in typed])
    _refuse_a_quiet_time(couple, habit, old)
    if habit == old:
        say(f"“{flat(old.title)}” already is that way; nothing to change.")
        return 0
    couple.save_habit(habit)
    say(f"Saved “{flat(habit.title)}”: {habit.schedule.describe()}, {flat(_who(couple, habit))}.")
    return 0


def run_put_away(args: argparse.Namespace, context: Context) -> int:
    from tracker.cli.habit_cmds import find_habit
    from tracker.cli.matching import match_title

    couple = context.couple()
    everything = couple.habits(include_archived=True)
    if args.action == "delete":
        habit = find_habit(everything, args.name)
        couple.delete_habit(habit.id)
        say(
            f"Deleted “{flat(habit.title)}”. It waits 30 days among the deleted; "
            "`rekindle habit restore` brings it back with its ticks."
        )
        return 0
    archiving = args.action == "archive"
    try:
        habit = find_habit([h for h in everything if h.archived != archiving], args.name)
    except CLIError:
        # Asked to archive what already is (or bring back what is not away): say so.
        found = match_title(everything, lambda h: h.title, args.name)
        if len(found) != 1 or found[0].archived != archiving:
            raise
        state = "archived" if archiving else "not archived"
        say(f"“{flat(found[0].title)}” is already {state}; nothing to change.")
        return 0
    couple.save_habit(habit.with_changes(archived=archiving))
    verb = "Archived" if archiving else "Brought back"
    say(f"{verb} “{flat(habit.title)}”.")
    return 0


def run_move(args: argparse.Namespace, context: Context) -> int:
    from tracker.cli.habit_cmds import find_habit
    from tracker.domain.editing import reordered

    couple = context.couple()
    everything = couple.habits(include_archived=True)
    habit = find_habit(everything, args.name)
    # As the Habits screen: archived ones sit below the others and move among themselves.
    group = [h for h in everything if h.archived == habit.archived]
    here = group.index(habit)
    if args.to is not None:
        if not 1 <= args.to <= len(group):
            raise CLIError(f"Pick a place from 1 to {len(group)}.")
        place = args.to - 1
    else:
        place = min(max(here + args.step, 0), len(group) - 1)
    moved = reordered(group, habit, place)
    if place == here and not moved:
        say(f"“{flat(habit.title)}” is already at place {here + 1}.")
        return 0
    # Every habit's new place is saved at once, or none is.
    with couple.store.together():
        for changed in moved:
            couple.save_habit(changed)
    say(f"Moved “{flat(habit.title)}” to place {place + 1} of {len(group)}.")
    return 0
