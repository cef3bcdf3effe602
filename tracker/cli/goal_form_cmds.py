"""`rekindle goal add|edit|done|undone|delete|restore|support|milestone`: the Goals screen's
goal keys, scriptable.

Each action asks the domain rules the screen's forms ask (`goal_from_form`,
`milestone_from_form`, `change_refusal`, `Goal.with_action`), so a goal the command
saves is one the form could have saved, and a refusal is the form's own sentence.
`rekindle goals --json` reads back what these write.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from tracker.cli.common import DATA_OPTION, CLIError, Context, checked, flat, my_today, say
from tracker.cli.goal_lookup import find_named, goal_named, open_for_goals, save_edit

if TYPE_CHECKING:
    from tracker.domain.goals.model import Goal

# Whose a new goal is: the app adds shared ones and your own, never one for your partner.
GOAL_OWNERS = ("together", "me")


def register(commands: Any) -> None:
    goal = commands.add_parser(
        "goal",
        parents=[DATA_OPTION],
        help="one goal: add, edit, mark reached, delete, ways to help, milestones",
    )
    actions = goal.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", parents=[DATA_OPTION], help="add a goal")
    add.add_argument("title", help="its name (up to 80 characters)")
    add.add_argument(
        "--owner", choices=GOAL_OWNERS, default="together", help="shared (default) or your own"
    )
    _goal_options(add)
    add.set_defaults(run=run_add)

    edit = actions.add_parser("edit", parents=[DATA_OPTION], help="change only what is given")
    edit.add_argument("name", help="the goal's name, or enough of it to be unique")
    edit.add_argument("--title", help="a new name")
    _goal_options(edit)
    edit.set_defaults(run=run_edit)

    for action, text, run in (
        ("done", "mark a goal reached", run_reached),
        ("undone", "put a reached goal back in progress", run_reached),
        ("delete", "delete a goal and its milestones (`goal restore` undoes it)", run_delete),
        ("restore", "bring back a deleted goal with its milestones", run_restore),
    ):
        one = actions.add_parser(action, parents=[DATA_OPTION], help=text)
        one.add_argument("name", help="the goal's name, or enough of it to be unique")
        one.set_defaults(run=run)

    way = actions.add_parser(
        "support", parents=[DATA_OPTION], help="add a way your partner can help with your own goal"
    )
    way.add_argument("name", help="your goal's name, or enough of it to be unique")
    way.add_argument("text", help="e.g. “ask me on Sundays how the running went”")
    way.set_defaults(run=run_support)

    from tracker.cli.milestone_cmds import add_milestone_actions

    add_milestone_actions(actions)


def _goal_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--why", metavar="TEXT", help='why it matters ("" clears it)')
    parser.add_argument("--by", metavar="YYYY-MM-DD", help='a target date ("" clears it)')


def whose(goal: Goal) -> str:
    return "shared goal" if goal.shared else "goal of your own"


def run_add(args: argparse.Namespace, context: Context) -> int:
    from tracker.domain.goals import kinds
    from tracker.domain.goals.model import goal_from_form
    from tracker.domain.models import US
    from tracker.store import goals as store

    couple = open_for_goals(context)
    goal = checked(
        goal_from_form,
        args.title,
        args.why or "",
        args.by or "",
        owner=couple.me if args.owner == "me" else US,
        goal_id=couple.new_id(kinds.GOAL),
        created=my_today(couple),
    )
    store.save_goal(couple, goal)
    by = f", by {goal.target}" if goal.target else ""
    say(f"Added the {whose(goal)} “{flat(goal.title)}”{by}.")
    return 0


def run_edit(args: argparse.Namespace, context: Context) -> int:
    from tracker.domain.goals.model import goal_from_form
    from tracker.store import goals as store

    couple = open_for_goals(context)
    old = goal_named(couple, args.name)
    target = old.target.isoformat() if old.target else ""
    goal = checked(
        goal_from_form,
        old.title if args.title is None else args.title,
        old.why if args.why is None else args.why,
        target if args.by is None else args.by,
        owner=old.owner,
        goal_id=old.id,
        created=old.created or my_today(couple),
        old=old,
    )
    return save_edit(old, goal, lambda new: store.save_goal(couple, new))


def run_reached(args: argparse.Namespace, context: Context) -> int:
    from tracker.store import goals as store

    couple = open_for_goals(context)
    goal = goal_named(couple, args.name)
    reached = args.action == "done"
    if goal.reached == reached:
        state = "reached" if reached else "in progress"
        say(f"“{flat(goal.title)}” is already {state}; nothing to change.")
        return 0
    store.save_goal(couple, replace(goal, reached=reached))
    if reached:
        say(f"Reached “{flat(goal.title)}”.")
    else:
        say(f"“{flat(goal.title)}” is back in progress.")
    return 0


def run_delete(args: argparse.Namespace, context: Context) -> int:
    from tracker.store import goals as store

    couple = open_for_goals(context)
    goal = goal_named(couple, args.name)
    with couple.store.together():  # the goal and its parts go at once, or none does
        store.delete_goal(couple, goal.id)
    say(
        f"Deleted “{flat(goal.title)}” and its milestones; the habits and dates it started "
        "stay. `rekindle goal restore` brings it back for 30 days."
    )
    return 0


def run_restore(args: argparse.Namespace, context: Context) -> int:
    from tracker.cli.bin_cmds import now_ms
    from tracker.domain.goals.kinds import GOAL
    from tracker.store.bin import Binned, in_bin, restore

    couple = open_for_goals(context)
    deleted: dict[str, Binned] = {}
    for entry in in_bin(couple, now_ms(), everything=True):  # newest delete first
        if entry.kind == GOAL:
            deleted.setdefault(entry.title, entry)  # one name deleted twice: the newest
    hint = "Nothing like it was deleted."
    entry = find_named(list(deleted.values()), lambda b: b.title, args.name, "deleted goal", hint)
    with couple.store.together():
        checked(restore, couple, entry.id)
    say(f"Brought back “{flat(entry.title)}” with its milestones.")
    return 0


def run_support(args: argparse.Namespace, context: Context) -> int:
    from tracker.store import goals as store

    couple = open_for_goals(context)
    goal = goal_named(couple, args.name)
    if goal.owner != couple.me:
        raise CLIError("Ways to help go on your own goals; a shared goal has milestones instead.")
    after = checked(goal.with_action, store.token(), args.text)
    store.save_goal(couple, after)
    partner, added = couple.name_of(couple.partner_key), after.support[-1].text
    say(f"Added a way {flat(partner)} can help with “{flat(goal.title)}”: {flat(added)}.")
    return 0
