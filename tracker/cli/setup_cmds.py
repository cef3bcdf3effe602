"""`rekindle init` and `rekindle join`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tracker.cli.common import DATA_OPTION, CLIError, Context, ask, flat, say
from tracker.domain.days import zone_named
from tracker.store.identity import guess_time_zone, load_config
from tracker.store.setup import create_couple, has_couple, join_couple, read_people


def register(commands: Any) -> None:
    init = commands.add_parser(
        "init", parents=[DATA_OPTION], help="start a new couple's folder on this device"
    )
    init.add_argument("--name", help="your name")
    init.add_argument("--partner-name", help="your partner's name")
    init.add_argument(
        "--tz",
        type=zone_named,
        help="your time zone, e.g. Europe/Berlin (default: this computer's)",
    )
    init.add_argument(
        "--day-start",
        type=int,
        default=4,
        metavar="HOUR",
        help="hour your day starts; ticks before it count for the evening before (default 4)",
    )
    starters = init.add_mutually_exclusive_group()
    starters.add_argument(
        "--starter",
        action="append",
        default=[],
        metavar="KEY",
        help="begin with this starter habit (repeatable) instead of the three the app "
        "suggests; `rekindle habits --starters` lists them",
    )
    starters.add_argument("--no-starters", action="store_true", help="begin with no habits at all")
    init.add_argument(
        "--force", action="store_true", help="set up again even though this device already is"
    )
    init.set_defaults(run=run_init)

    join = commands.add_parser(
        "join",
        parents=[DATA_OPTION],
        help="add this device to a folder that already holds your couple's data",
    )
    join.add_argument("--as", dest="who", help="who you are: your name, or a / b")
    join.add_argument("--tz", type=zone_named, help="your time zone (default: keep what is set)")
    join.add_argument("--day-start", type=int, metavar="HOUR", help="hour your day starts")
    join.set_defaults(run=run_join)


def _already_set_up(force: bool) -> None:
    config = load_config()
    if config is not None and not force:
        raise CLIError(
            f"This device is already set up (data folder {config.data_dir}). "
            "Use --force to start over, or `rekindle join` to switch folders."
        )


def run_init(args: argparse.Namespace, context: Context) -> int:
    _already_set_up(args.force)
    data_dir = context.data_dir()
    name = args.name or ask("Your name")
    partner = args.partner_name or ask("Your partner's name")
    tz = args.tz or guess_time_zone()
    # The app's onboarding ticks the same few by default: a couple set up either way
    # has something to tick tonight.
    from tracker.domain.content.starter import DEFAULT_STARTERS

    starters = [] if args.no_starters else args.starter or list(DEFAULT_STARTERS)
    couple = create_couple(data_dir, name, partner, tz, args.day_start, starters)
    people = couple.people()
    say(
        f"Set up {flat(people['a'].name)} & {flat(people['b'].name)} "
        f"in {flat(couple.store.data_dir)}."
    )
    if starters:
        titles = ", ".join(f"“{flat(h.title)}”" for h in couple.habits())
        say(f"To begin with: {titles}. `rekindle habit add` adds your own.")
    say("Next: share that folder with your partner's computer (Syncthing, Dropbox ...),")
    say(f"then on theirs run: rekindle join --data FOLDER --as {flat(people['b'].name)}")
    return 0


def run_join(args: argparse.Namespace, context: Context) -> int:
    data_dir = context.data_dir()
    who = args.who or _ask_who(data_dir)
    couple = join_couple(data_dir, who, args.tz, args.day_start)
    me = couple.person(couple.me)
    say(
        f"This device now writes as {flat(me.name)} (replica {flat(couple.store.replica_id)}) "
        f"in {flat(couple.store.data_dir)}."
    )
    return 0


def _ask_who(data_dir: Path) -> str:
    """Ask at a terminal; elsewhere (a script, a pipe) say which flag answers it."""
    if sys.stdin.isatty():
        return ask("Who are you (your name)")
    names = ""
    if has_couple(data_dir.expanduser()):
        people = read_people(data_dir.expanduser())
        names = " (" + " or ".join(flat(person.name) for person in people.values()) + ")"
    raise CLIError(f"Say who you are with --as NAME{names}.")
