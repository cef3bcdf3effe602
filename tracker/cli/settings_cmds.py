"""`rekindle settings`: the settings the two of you share, and your own reminders, read and
changed from a script.

Shared: the day your weeks start on; weekly habits, "this week" and the year grid count
from it. Until one of you chooses, each computer follows its own language settings.
Yours alone: when you are reminded (habits, talks, the check-in) and your quiet hours.
"""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING, Any

import msgspec

from tracker.cli.common import DATA_OPTION, Context, as_json, checked, flat, say
from tracker.domain.weeks import WEEK_STARTS, locale_first_weekday, week_start_word, weekday_name
from tracker.store.settings import chosen_week_start, first_weekday, put_week_start

if TYPE_CHECKING:
    from tracker.domain.reminders.prefs import ReminderPrefs


def register(commands: Any) -> None:
    settings = commands.add_parser(
        "settings",
        parents=[DATA_OPTION],
        help="the settings you share, and your reminders",
    )
    settings.add_argument(
        "--week-start",
        choices=tuple(WEEK_STARTS),
        help="start your weeks on Monday or Sunday, for you both",
    )
    yours = settings.add_argument_group("your reminders (yours alone: your partner sets theirs)")
    yours.add_argument(
        "--habits-at",
        metavar="HH:MM",
        help="from when habits still open are brought up, if they have no time of their own",
    )
    yours.add_argument(
        "--quiet",
        metavar="FROM-TO",
        help="no reminders between these times, e.g. 22:00-07:30; none for no quiet hours",
    )
    yours.add_argument(
        "--talk-before", metavar="MINUTES", help="how long before a talk it is brought up"
    )
    yours.add_argument(
        "--checkin",
        metavar='"DAY HH:MM"',
        help='when the weekly check-in is brought up, e.g. "sun 19:00"',
    )
    settings.add_argument("--json", action="store_true", help="machine-readable output")
    settings.set_defaults(run=run_settings)


def run_settings(args: argparse.Namespace, context: Context) -> int:
    from tracker.store.reminder_prefs import put_reminder_prefs, reminder_prefs

    couple = context.couple(months=())  # settings live in the core files: no month is read
    stored = reminder_prefs(couple)
    # Every value is read before anything is saved: one that does not fit saves nothing.
    chosen = checked(_chosen, args, stored)
    week_start = None if args.week_start is None else WEEK_STARTS[args.week_start]
    week_changed = week_start is not None and week_start != chosen_week_start(couple)
    with couple.store.together():
        if week_start is not None and week_changed:
            put_week_start(couple, week_start)
        if chosen != stored:
            put_reminder_prefs(couple, chosen)
    first, chosen_week = first_weekday(couple), chosen_week_start(couple) is not None
    if args.json:
        data: dict[str, Any] = {
            "week_start": week_start_word(first),
            "week_start_chosen": chosen_week,
            "locale_week_start": week_start_word(locale_first_weekday(os.environ)),
            "reminders": chosen.to_data(),
        }
        print(as_json(data))
        return 0
    _say_week(weekday_name(first), week_changed, chosen_week)
    say(_reminders_text(chosen, "now" if chosen != stored else ""))
    if args.quiet is not None:
        from tracker.domain.reminders.habit_times import kept_quiet, kept_quiet_text

        quiet = kept_quiet_text(kept_quiet(couple.habits(), couple.me, chosen))
        if quiet:
            say(flat(quiet))
    return 0


def _chosen(args: argparse.Namespace, stored: ReminderPrefs) -> ReminderPrefs:
    """The reminder settings with the options given; ValueError with the first bad one's
    sentence."""
    from tracker.domain.clock import parse_clock
    from tracker.domain.reminders.prefs import parse_quiet, parse_talk_before

    changes: dict[str, Any] = {}
    if args.habits_at is not None:
        changes["habits_at"] = parse_clock(args.habits_at)
    if args.quiet is not None:
        changes["quiet_from"], changes["quiet_to"] = parse_quiet(args.quiet)
    if args.talk_before is not None:
        changes["talk_before"] = parse_talk_before(args.talk_before)
    if args.checkin is not None:
        changes["checkin_day"], changes["checkin_at"] = _checkin(args.checkin)
    return msgspec.structs.replace(stored, **changes)


def _checkin(text: str) -> tuple[int, Any]:
    """ "sun 19:00" → (6, 19:00); ValueError with a sentence for anything else."""
    from tracker.domain.clock import parse_clock
    from tracker.domain.weeks import parse_weekday

    day, _, at = text.strip().partition(" ")
    if not at.strip():
        raise ValueError("Say a day and a time for the check-in, like “sun 19:00”.")
    return parse_weekday(day), parse_clock(at)


def _reminders_text(prefs: ReminderPrefs, now: str) -> str:
    """Your reminder settings in a sentence: "Your reminders (yours alone): …"."""
    from tracker.domain.clock import clock_text
    from tracker.domain.text import count

    talks = (
        f"talks {count(prefs.talk_before, 'minute')} before they start"
        if prefs.talk_before
        else "talks as they start"
    )
    quiet = f"quiet hours {prefs.quiet_text()}" if prefs.has_quiet else "no quiet hours"
    return (
        f"Your reminders {now + ' ' if now else ''}(yours alone): habits still open from "
        f"{clock_text(prefs.habits_at)} unless one has its own time, {talks}, the weekly "
        f"check-in on {prefs.checkin_text()}; {quiet}."
    )


def _say_week(day: str, changed: bool, chosen: bool) -> None:
    if changed:
        say(
            f"Your weeks start on {day} now, for you both. Weekly habits, “this week” and the "
            "year grid count from it; every tick stays as it was."
        )
    elif chosen:
        say(f"Your weeks start on {day}, as you chose (for you both).")
    else:
        say(
            f"Your weeks start on {day}, as this computer's language settings have it, until "
            "one of you chooses: rekindle settings --week-start monday|sunday"
        )
