"""`rekindle tick`, `rekindle status`, `rekindle habits`: the Today screen, scriptable."""

from __future__ import annotations

import argparse
import contextlib
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from tracker.cli.common import (
    DATA_OPTION,
    CLIError,
    Context,
    as_json,
    flat,
    in_range,
    my_today,
    now,
    say,
)
from tracker.cli.matching import ambiguous, match_title, not_found
from tracker.domain.habits.typed import format_amount, parse_amount
from tracker.domain.models import US, Check, CheckStatus, Habit, Owner
from tracker.domain.text import clean_note
from tracker.store.couple import Couple

if TYPE_CHECKING:
    from tracker.domain.content.starter import StarterHabit
    from tracker.domain.habits.today import HabitRow
    from tracker.store.check_index import Indexed


def register(commands: Any) -> None:
    tick = commands.add_parser("tick", parents=[DATA_OPTION], help="tick off a habit")
    tick.add_argument("habit", help="the habit's name, or enough of it to be unique")
    tick.add_argument("--date", help="the day: YYYY-MM-DD, today or yesterday (default today)")
    tick.add_argument("--value", help="how much, for a measurable habit")
    tick.add_argument("--note", help="a few words to go with it")
    tick.add_argument("--skip", action="store_true", help="mark a planned skip instead")
    tick.add_argument("--undo", action="store_true", help="take the tick (or skip) back")
    tick.add_argument(
        "--for", dest="person", choices=["a", "b"], help="tick for partner a or b (default: you)"
    )
    tick.set_defaults(run=run_tick)

    status = commands.add_parser(
        "status", parents=[DATA_OPTION], help="today for both of you, with streaks"
    )
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.add_argument("--date", help="another day than today (YYYY-MM-DD)")
    status.set_defaults(run=run_status)

    habits = commands.add_parser("habits", parents=[DATA_OPTION], help="list the habits")
    habits.add_argument("--json", action="store_true", help="machine-readable output")
    habits.add_argument(
        "--starters",
        action="store_true",
        help="list the starter ideas instead (keys for `init --starter`)",
    )
    habits.add_argument(
        "--deleted",
        action="store_true",
        help="the deleted ones, to bring back with `habit restore`",
    )
    habits.add_argument("--all", action="store_true", help="with --deleted: older than 30 days too")
    habits.add_argument(
        "--archived", action="store_true", help="only the archived ones (`habit unarchive`)"
    )
    habits.set_defaults(run=run_habits)


def parse_day(text: str | None, today: date) -> date:
    if text is None or text.strip().casefold() == "today":
        return today
    if text.strip().casefold() == "yesterday":
        return today - timedelta(days=1)
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise CLIError(f"“{text}” is not a date; use YYYY-MM-DD, like 2026-02-28.") from None
    in_range(day)
    if day > today:
        raise CLIError(f"{day} hasn't happened yet; you can tick today or earlier days.")
    return day


def find_habit(habits: list[Habit], wanted: str) -> Habit:
    """Exact name, else a unique prefix, else a unique part of the name (loosely)."""
    if not " ".join(wanted.split()):
        raise CLIError('Say which habit, e.g. rekindle tick "phone-free dinner".')
    found = match_title(habits, lambda h: h.title, wanted)
    if len(found) > 1:
        raise ambiguous(wanted, [h.title for h in found])
    if not found:
        titles = [h.title for h in habits]
        raise not_found("No habit called", wanted, titles, "`rekindle habits` lists them.")
    return found[0]


def months_for(text: str | None) -> set[str]:
    """The months a tick on the day `text` names can fall in, in anyone's time zone: only
    those are read (with the habits), not years of history."""
    utc = now().date()
    # Today and yesterday in any time zone (UTC-12 to UTC+14) fall in these days: most
    # of the month, one month's files.
    months = {f"{utc + timedelta(days=shift):%Y-%m}" for shift in (-2, -1, 0, 1)}
    with contextlib.suppress(ValueError):  # today, yesterday, no day: parse_day says so
        months.add(f"{date.fromisoformat((text or '').strip()):%Y-%m}")
    return months


def run_tick(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple(months_for(args.date))
    habit = find_habit(couple.habits(), args.habit)
    person = US if habit.owner is Owner.TOGETHER else (args.person or couple.me)
    if person not in habit.people():
        raise CLIError(
            f"“{habit.title}” belongs to {couple.name_of(habit.people()[0])}; "
            f"use --for {habit.people()[0]} to tick it for them."
        )
    day = parse_day(args.date, my_today(couple))
    if day < habit.start:
        raise CLIError(f"“{habit.title}” started on {habit.start}; pick that day or later.")
    if args.undo:
        change = couple.clear_check(habit.id, person, day)
        say(
            f"Took back “{habit.title}” on {day}."
            if change
            else f"Nothing to take back for “{habit.title}” on {day}."
        )
        return 0
    value = None
    if args.value is not None:
        if not habit.measurable:
            raise CLIError(f"“{habit.title}” is a yes/no habit; leave out --value.")
        try:
            value = parse_amount(args.value, habit.unit)
        except ValueError as error:
            raise CLIError(str(error)) from None
    elif habit.measurable and not args.skip:
        raise CLIError(
            f"“{habit.title}” counts {habit.unit or 'an amount'}; add --value, e.g. --value 15."
        )
    try:
        note = clean_note(args.note or "")
    except ValueError as error:
        raise CLIError(str(error)) from None
    status = CheckStatus.SKIP if args.skip else CheckStatus.DONE
    couple.set_check(Check(habit.id, person, day, status, value, note))
    done = "Skipped" if args.skip else "Ticked"
    amount = f" ({format_amount(value)} {habit.unit})".rstrip() if value is not None else ""
    say(f"{done} “{habit.title}”{amount} for {couple.name_of(person)} on {day}.")
    return 0


def _row_json(row: HabitRow) -> dict[str, Any]:
    return {
        "habit": row.habit.title,
        "id": row.habit.id,
        "person": row.person,
        "state": row.state.value,
        "value": row.check.value if row.check else None,
        "note": row.check.note if row.check else "",
        "streak": row.streaks.current,
        "best": row.streaks.best,
        "unit": row.streaks.unit,
        "strength": round(row.strength, 4),
        "progress": list(row.progress),
    }


def status_data(couple: Couple, day: date, indexed: Indexed | None = None) -> dict[str, Any]:
    """Today's rows for both of us; `indexed` brings every habit's figures already worked
    out (check_index.py), so ten years are not walked again for each call."""
    from tracker.domain.habits.today import couple_figures, rows_for  # not for a tick
    from tracker.store.settings import first_weekday

    habits = couple.habits()
    checks = couple.checks_by() if indexed is None else indexed.checks_by
    known = None if indexed is None else indexed.figures
    together = None if indexed is None else indexed.together_streak
    first = first_weekday(couple)  # the index's figures counted weeks from it too
    figures = couple_figures(habits, checks, day, together, first)
    people = {
        key: {
            "name": couple.name_of(key),
            "me": key == couple.me,
            "week": figures.week[key],
            "habits": [
                _row_json(r)
                for r in rows_for(habits, checks, key, day, known=known, first_weekday=first)
            ],
        }
        for key in ("a", "b")
    }
    return {
        "day": day.isoformat(),
        "together_streak": figures.together_streak,
        "people": people,
        "together": [
            _row_json(r)
            for r in rows_for(habits, checks, US, day, known=known, first_weekday=first)
        ],
    }


def run_status(args: argparse.Namespace, context: Context) -> int:
    from tracker.domain.habits.schedule import streak_words
    from tracker.domain.text import count

    indexed = context.indexed(lambda couple: parse_day(args.date, my_today(couple)))
    day = indexed.day
    data = status_data(indexed.couple, day, indexed)
    if args.json:
        print(as_json(data))
        return 0
    streak = data["together_streak"]
    say(f"{day:%A %d %B %Y} · together streak {count(streak, 'day')}")
    sections = [
        (flat(p["name"]) + (" (you)" if p["me"] else ""), p["habits"], p["week"])
        for p in data["people"].values()
    ]
    sections.append(("Together", data["together"], None))
    for title, rows, week in sections:
        share = "" if week is None else f" · this week {round(week * 100)}%"
        say(f"\n{title}{share}")
        for row in rows:
            mark = {"met": "✓", "skipped": "–", "not due": " "}.get(row["state"], "·")
            streak = flat(streak_words(row["streak"], row["unit"]))
            say(
                f"  {mark} {flat(row['habit'])}  ({streak}, "
                f"strength {round(row['strength'] * 100)}%)"
            )
        if not rows:
            say("  (nothing here yet)")
    return 0


def _habit_json(habit: Habit) -> dict[str, Any]:
    """A habit as stored, its link always present: null for none, or for one only a newer
    version knows (this one treats it as none); its own reminder time too, null for the
    usual time."""
    link = habit.fulfilled_by
    return {
        "id": habit.id,
        **habit.to_data(),
        "done_by": link.value if link else None,
        "remind_at": habit.remind_at or None,
    }


def _starter_json(starter: StarterHabit) -> dict[str, Any]:
    """A starter in the shape of `habits --json` (less what only a saved habit has)."""
    return {
        "key": starter.key,
        "title": starter.title,
        "description": starter.description,
        "area": starter.area.value,
        "owner": starter.owner.value,
        "schedule": starter.schedule.to_data(),
        "kind": starter.kind.value,
        "target": starter.target,
        "unit": starter.unit,
        "direction": starter.direction.value,
        "done_by": starter.done_by.value if starter.done_by else None,
    }


def run_habits(args: argparse.Namespace, context: Context) -> int:
    if args.starters:
        from tracker.domain.content.starter import STARTER_HABITS

        if args.json:
            print(as_json([_starter_json(starter) for starter in STARTER_HABITS]))
            return 0
        for starter in STARTER_HABITS:
            say(f"{starter.key:<28} {starter.area.value:<14} {starter.title}")
        return 0
    if args.deleted:
        from tracker.cli.bin_cmds import run_deleted

        return run_deleted(args, context)
    from tracker.domain.habits.links import link_words
    from tracker.domain.reminders.habit_times import reminder_words

    couple = context.couple(months=())  # habits live in the core files: no month is read
    habits = couple.habits(include_archived=True)
    if args.archived:
        habits = [h for h in habits if h.archived]
    if args.json:
        print(as_json([_habit_json(h) for h in habits]))
        return 0
    if not habits and args.archived:
        say("Nothing archived.")
    elif not habits:
        say(
            "No habits yet. Open the app (rekindle) and press a, or see "
            "`rekindle habits --starters`."
        )
    for habit in habits:
        who = {Owner.EACH: "each of us", Owner.TOGETHER: "together"}.get(
            habit.owner, couple.name_of(habit.owner.value)
        )
        archived = "  (archived)" if habit.archived else ""
        extra = "".join(
            f" · {words}" for words in (link_words(habit), reminder_words(habit)) if words
        )
        say(
            f"{flat(habit.title)}  ·  {habit.area.value} · {flat(who)} · "
            f"{habit.schedule.describe()}{extra}{archived}"
        )
    return 0
