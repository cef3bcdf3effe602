"""What `rekindle import loop` and `rekindle import csv` share: the options, the preview,
the question, the one save and the summary. Each format only reads its file."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.cli.common import DATA_OPTION, CLIError, Context, flat, my_today, say

if TYPE_CHECKING:
    from tracker.domain.habits.imports import Plan, Source


def add_format(formats: Any, name: str, helptext: str, run: Callable[..., int]) -> None:
    """One `rekindle import NAME FILE` subcommand, with the options every format shares."""
    found = formats.add_parser(name, parents=[DATA_OPTION], help=helptext)
    found.add_argument("file", metavar="FILE", help="the file to bring in")
    found.add_argument(
        "--as",
        dest="owner",
        choices=("a", "b", "together"),
        help="whose habits they become: partner a, partner b, or the two of you (default: yours)",
    )
    asking = found.add_mutually_exclusive_group()
    asking.add_argument("--yes", action="store_true", help="import without asking first")
    asking.add_argument(
        "--preview", action="store_true", help="show what would come in, and change nothing"
    )
    found.set_defaults(run=run)


def run_import(args: argparse.Namespace, context: Context, read: Callable[[Path], Source]) -> int:
    """Read, plan, show, ask, save, sum up: the file first, so a bad one never opens the
    couple's folder for writing."""
    from tracker.domain.habits.imports import ImportRefused
    from tracker.domain.models import Owner
    from tracker.store.imports import apply_plan, plan_for

    try:
        source = read(Path(args.file))
        couple = context.couple()
        owner = Owner(args.owner or couple.me)
        plan = plan_for(couple, source, owner, my_today(couple))
    except ImportRefused as refusal:
        raise CLIError(str(refusal)) from None
    if not plan.habits:
        say("The file holds no habits; nothing to bring in.")
        return 0
    asking = not (args.yes or args.preview or plan.adds_nothing)
    if asking and not sys.stdin.isatty():
        # Refused before anything is printed: a script reads an empty stdout on exit 1.
        raise CLIError(
            "Nothing was imported: add --yes to import without being asked, or --preview "
            "to see what would come in."
        )
    whose = "the two of you" if owner is Owner.TOGETHER else couple.name_of(owner.value)
    for line in preview(plan, whose):
        say(line)
    if plan.adds_nothing:
        say("All of it is here already; nothing to add.")
        return 0
    if args.preview or (asking and not _yes_to("Import this? [y/N] ")):
        say("Nothing was imported.")
        return 0
    apply_plan(couple, plan)
    say(summary(plan, whose))
    return 0


def _yes_to(question: str) -> bool:
    return input(question).strip().casefold() in ("y", "yes")


def preview(plan: Plan, whose: str) -> list[str]:
    """What the import will do, habit by habit, and what stays behind."""
    lines = [f"Bringing in for {whose}:"]
    for planned in plan.habits:
        habit = planned.habit
        what = "new" if planned.new else "already here, adding to it"
        span = f", {planned.first} to {planned.last}" if planned.first else ""
        lines.append(f"  “{flat(habit.title)}” ({what}): {_ticks(len(planned.ticks))}{span}")
        if planned.changed:
            lines.append(f"    its start moves back to {habit.start}, to hold the older ticks")
        if planned.already:
            lines.append(f"    {_ticks(planned.already)} already here, kept as they are")
        if habit.archived and planned.new:
            lines.append("    archived in the file, so archived here too")
        lines.extend(f"    {flat(caveat)}" for caveat in planned.caveats)
    if plan.left_behind:
        lines.append("Not carried over:")
        lines.extend(f"  {flat(what)}" for what in plan.left_behind)
    return lines


def summary(plan: Plan, whose: str) -> str:
    habits = plan.new_habits
    made = f"{habits} new habit{'s' if habits != 1 else ''} and " if habits else ""
    return f"Done: {made}{_ticks(plan.ticks)} brought in for {whose}."


def _ticks(n: int) -> str:
    return f"{n} tick{'s' if n != 1 else ''}"
