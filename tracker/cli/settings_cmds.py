"""`rekindle settings`: the settings the two of you share, read and changed from a script.

For now that is the day your weeks start on: weekly habits, "this week" and the year grid
count from it. Until one of you chooses, each computer follows its own language settings.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from tracker.cli.common import DATA_OPTION, Context, as_json, say
from tracker.domain.weeks import WEEK_STARTS, locale_first_weekday, week_start_word, weekday_name
from tracker.store.settings import chosen_week_start, first_weekday, put_week_start


def register(commands: Any) -> None:
    settings = commands.add_parser(
        "settings",
        parents=[DATA_OPTION],
        help="the settings you share: which day your weeks start on",
    )
    settings.add_argument(
        "--week-start",
        choices=tuple(WEEK_STARTS),
        help="start your weeks on Monday or Sunday, for you both",
    )
    settings.add_argument("--json", action="store_true", help="machine-readable output")
    settings.set_defaults(run=run_settings)


def run_settings(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple(months=())  # settings live in the core files: no month is read
    changed = False
    if args.week_start is not None and WEEK_STARTS[args.week_start] != chosen_week_start(couple):
        put_week_start(couple, WEEK_STARTS[args.week_start])
        changed = True
    first, chosen = first_weekday(couple), chosen_week_start(couple) is not None
    if args.json:
        data: dict[str, Any] = {
            "week_start": week_start_word(first),
            "week_start_chosen": chosen,
            "locale_week_start": week_start_word(locale_first_weekday(os.environ)),
        }
        print(as_json(data))
        return 0
    day = weekday_name(first)
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
    return 0
