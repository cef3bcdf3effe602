"""`rekindle goal milestone add|edit|done|undone|delete`: the steps on a shared goal's way,
as the Goals screen's milestone form and space key keep them (`milestone_from_form`,
`Milestone.ticked`)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from tracker.cli.common import DATA_OPTION, CLIError, Context, checked, flat, my_today, say
from tracker.cli.goal_lookup import goal_named, milestone_named, open_for_goals, save_edit

if TYPE_CHECKING:
    from tracker.domain.goals.model import Goal
    from tracker.store.couple import Couple

OWNERS = ("together", "me", "partner")


def add_milestone_actions(actions: Any) -> None:
    """`goal milestone …`, among the goal's actions (`goal_form_cmds`)."""
    milestone = actions.add_parser(
        "milestone", parents=[DATA_OPTION], help="a shared goal's milestones"
    )
    steps = milestone.add_subparsers(dest="step", required=True)
    add = steps.add_parser("add", parents=[DATA_OPTION], help="add a milestone to a shared goal")
    add.add_argument("goal", help="the goal's name, or enough of it to be unique")
    add.add_argument("title", help="the milestone (up to 80 characters)")
    _options(add)
    add.set_defaults(run=run_add)

    edit = steps.add_parser("edit", parents=[DATA_OPTION], help="change only what is given")
    _names(edit)
    edit.add_argument("--title", help="a new name")
    _options(edit)
    edit.set_defaults(run=run_edit)

    for step, text in (
        ("done", "tick a milestone off"),
        ("undone", "take a milestone's tick back"),
        ("delete", "delete a milestone"),
    ):
        one = steps.add_parser(step, parents=[DATA_OPTION], help=text)
        _names(one)
        one.set_defaults(run=run_delete if step == "delete" else run_tick)


def _names(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("goal", help="the goal's name, or enough of it to be unique")
    parser.add_argument("milestone", help="the milestone's name, or enough of it")


def _options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--due", metavar="YYYY-MM-DD", help='when it is due ("" clears it)')
    parser.add_argument(
        "--owner", choices=OWNERS, help="who takes it on: together (default), me or partner"
    )


def _owner(couple: Couple, chosen: str | None, current: str) -> str:
    from tracker.domain.models import US

    return {None: current, "together": US, "me": couple.me, "partner": couple.partner_key}[chosen]


def _shared_goal(couple: Couple, wanted: str) -> Goal:
    from tracker.domain.goals.model import milestone_refusal

    goal = goal_named(couple, wanted)
    refusal = milestone_refusal(goal)
    if refusal is not None:
        raise CLIError(refusal)
    return goal


def _who(couple: Couple, owner: str) -> str:
    return "together" if owner not in ("a", "b") else f"for {couple.name_of(owner)}"


def run_add(args: argparse.Namespace, context: Context) -> int:
    from tracker.domain.goals.model import milestone_from_form
    from tracker.domain.models import US
    from tracker.store import goals as store

    couple = open_for_goals(context)
    goal = _shared_goal(couple, args.goal)
    step = checked(
        milestone_from_form,
        args.title,
        args.due or "",
        _owner(couple, args.owner, US),
        goal_id=goal.id,
        new_id=store.new_milestone_id(goal.id),
    )
    store.save_milestone(couple, step)
    due = f", due {step.due}" if step.due else ""
    say(
        f"Added the milestone “{flat(step.title)}” to “{flat(goal.title)}” "
        f"({flat(_who(couple, step.owner))}{due})."
    )
    return 0


def run_edit(args: argparse.Namespace, context: Context) -> int:
    from tracker.domain.goals.model import milestone_from_form
    from tracker.store import goals as store

    couple = open_for_goals(context)
    goal = _shared_goal(couple, args.goal)
    old = milestone_named(store.milestones(couple), goal, args.milestone)
    due = old.due.isoformat() if old.due else ""
    step = checked(
        milestone_from_form,
        old.title if args.title is None else args.title,
        due if args.due is None else args.due,
        _owner(couple, args.owner, old.owner),
        goal_id=goal.id,
        new_id=old.id,
        old=old,
    )
    return save_edit(old, step, lambda new: store.save_milestone(couple, new))


def run_tick(args: argparse.Namespace, context: Context) -> int:
    from tracker.store import goals as store

    couple = open_for_goals(context)
    goal = _shared_goal(couple, args.goal)
    step = milestone_named(store.milestones(couple), goal, args.milestone)
    ticking = args.step == "done"
    if step.done == ticking:
        state = "ticked off" if ticking else "not ticked"
        say(f"“{flat(step.title)}” is already {state}; nothing to change.")
        return 0
    after = step.ticked(couple.me, my_today(couple))
    verb = "Ticked" if after.done else "Unticked"
    store.save_milestone(couple, after, f"{verb} “{step.title}”")
    say(f"{verb} “{flat(step.title)}” on “{flat(goal.title)}”.")
    return 0


def run_delete(args: argparse.Namespace, context: Context) -> int:
    from tracker.store import goals as store

    couple = open_for_goals(context)
    goal = _shared_goal(couple, args.goal)
    step = milestone_named(store.milestones(couple), goal, args.milestone)
    store.delete_milestone(couple, step)
    say(f"Deleted the milestone “{flat(step.title)}” from “{flat(goal.title)}”.")
    return 0
