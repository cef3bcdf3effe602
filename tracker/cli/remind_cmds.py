"""`rekindle remind`: what is due for you now, for a shell prompt, a status bar or a
desktop notification; `remind install|uninstall` sets up (or removes) a scheduled run."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tracker.cli.common import DATA_OPTION, Context, as_json, flat, now, say, warn

if TYPE_CHECKING:
    from tracker.domain.reminders.due import Due, Situation


def register(commands: Any) -> None:
    remind = commands.add_parser(
        "remind",
        parents=[DATA_OPTION],
        help="what is due for you now: in words, for a prompt, or as a notification",
    )
    shown = remind.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help="machine-readable output")
    shown.add_argument(
        "--oneline", action="store_true", help="one short line, for a shell prompt or status bar"
    )
    shown.add_argument(
        "--notify",
        action="store_true",
        help="send it as one desktop notification (printed where there is no notification service)",
    )
    remind.set_defaults(run=run_remind)
    from tracker.cli.remind_install import register_install

    register_install(remind.add_subparsers(dest="action", metavar="{install,uninstall}"))


def run_remind(args: argparse.Namespace, context: Context) -> int:
    from tracker.domain.days import local_day, tz_problem
    from tracker.domain.reminders.due import due_items, in_quiet_hours, to_notify
    from tracker.domain.reminders.words import oneline
    from tracker.store import reminders
    from tracker.store.settings import first_weekday

    moment = now()
    couple = context.couple(months=())  # the habits first: they say which months matter
    me = couple.person(couple.me)
    if tz_problem(me.tz) is not None:
        warn(
            f"Your time zone “{flat(me.tz)}” isn't one this computer knows, so reminders "
            "follow UTC for now; set yours in Settings."
        )
    day = local_day(moment, reminders.zone_of(me), me.day_start)
    couple = context.couple(reminders.months_needed(couple.habits(), day, first_weekday(couple)))
    found = reminders.situation(couple, moment)
    items = due_items(found)
    sent_path = reminders.sent_file(context.data_dir(), context.require_config().replica_id)
    sent = reminders.sent_today(sent_path, found.day)
    fresh = to_notify(items, found, sent)
    if args.json:
        print(as_json(_json(found, items, {item.key for item in fresh}, in_quiet_hours(found))))
    elif args.oneline:
        if items:
            say(oneline(items))
    elif args.notify:
        if fresh:
            _send(fresh)
            reminders.note_sent(sent_path, found.day, sent | {item.key for item in fresh})
    else:
        for item in items:
            say(flat(item.text))
    return 0


def _send(items: Sequence[Due]) -> None:
    """One notification for all of them; printed instead where no service takes it."""
    from tracker.cli.notify import notify
    from tracker.domain.reminders.words import notification

    summary, body = notification(items)
    problem = notify(summary, body)
    if problem is not None:
        warn(f"{problem} Here it is instead:")
        say(summary)
        say(body)


def _json(found: Situation, items: Sequence[Due], fresh: set[str], quiet: bool) -> dict[str, Any]:
    return {
        "now": found.now.isoformat(timespec="seconds"),
        "day": found.day.isoformat(),
        "person": found.person,
        "quiet": quiet,
        "items": [
            {
                "key": item.key,
                "kind": item.kind.word,
                "text": item.text,
                "at": item.at.isoformat(timespec="minutes"),
                "notify": item.key in fresh,
            }
            for item in items
        ],
    }
