"""`rekindle remind`: what is due for you now, for a shell prompt, a status bar or a
desktop notification; `remind install|uninstall` sets up (or removes) a scheduled run."""

from __future__ import annotations

import argparse
from typing import Any

from tracker.cli.common import DATA_OPTION, Context, as_json, my_today, now


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
    # Filled in next: what is due is worked out in tracker/domain/reminders.
    couple = context.couple(months=())
    if args.json:
        today = my_today(couple)
        print(
            as_json(
                {
                    "now": now().isoformat(),
                    "day": today.isoformat(),
                    "person": couple.me,
                    "quiet": False,
                    "items": [],
                }
            )
        )
    return 0
