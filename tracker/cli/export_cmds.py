"""`rekindle export ics`: the dates (and talks, and the check-in) as a calendar file, or where
the feed is."""

from __future__ import annotations

import argparse
import importlib
from typing import Any

from tracker.cli.common import DATA_OPTION, CLIError, Context, deliver, my_today, out_file, say
from tracker.cli.date_cmds import day_arg
from tracker.export import feed, ics

# The formats besides ics, each a module under tracker/cli whose
# `register_format(formats)` adds its subcommand to `rekindle export`.
OTHER_FORMATS: tuple[str, ...] = ("export_json", "export_csv")


def register(commands: Any) -> None:
    export = commands.add_parser("export", parents=[DATA_OPTION], help="export to other apps")
    formats = export.add_subparsers(dest="format", metavar="FORMAT", required=True)
    cal = formats.add_parser(
        "ics", parents=[DATA_OPTION], help="dates (and talks) as an .ics calendar file"
    )
    cal.add_argument("--out", metavar="FILE", help="write here (default: print it)")
    cal.add_argument("--from", dest="first", metavar="D", help="only events from this day")
    cal.add_argument("--to", dest="last", metavar="D", help="only events up to this day")
    cal.add_argument(
        "--include",
        action="append",
        choices=ics.INCLUDES,
        default=[],
        help="talks, or your weekly check-in, too (repeat for both)",
    )
    cal.add_argument(
        "--feed",
        action="store_true",
        help="bring this device's always-current calendar feed up to date and print its path "
        "(the file to subscribe your calendar app to)",
    )
    cal.set_defaults(run=run_export)
    for module in OTHER_FORMATS:
        importlib.import_module(f"tracker.cli.{module}").register_format(formats)


def run_feed(context: Context) -> int:
    """Only the path on stdout, so a script can use it: `cp "$(rekindle export ics --feed)" …`."""
    couple = context.couple()
    problem = feed.refresh_feed(couple)
    if problem:
        raise CLIError(problem)
    print(feed.feed_path(couple.store.data_dir))
    return 0


def run_export(args: argparse.Namespace, context: Context) -> int:
    if args.feed:
        if args.out or args.first or args.last or args.include:
            raise CLIError(
                "--feed is always every date and talk and your weekly check-in; "
                "leave out the other options."
            )
        return run_feed(context)
    couple = context.couple()
    today = my_today(couple)
    first = day_arg(args.first, today, "--from") if args.first else None
    last = day_arg(args.last, today, "--to") if args.last else None
    out = out_file(args.out, "rekindle.ics") if args.out else None
    try:
        payload = ics.export(couple, first, last, args.include)
    except ValueError as error:
        raise CLIError(str(error)) from None
    if not deliver(payload, out):
        return 0
    count = payload.count(b"BEGIN:VEVENT")
    say(f"Wrote {count} event{'s' * (count != 1)} to {out}.")
    return 0
