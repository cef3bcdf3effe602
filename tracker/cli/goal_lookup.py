"""Finding the goal or milestone a command names, loosely, with a near miss offered back
(as `tick` finds a habit), and a domain rule's refusal said as the command's."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from tracker.cli.common import CLIError, Context, flat, say
from tracker.cli.matching import ambiguous, match_title, not_found

if TYPE_CHECKING:
    from tracker.domain.goals.model import Goal, Milestone
    from tracker.store.couple import Couple

T = TypeVar("T")


class Titled(Protocol):
    @property
    def title(self) -> str: ...


TitledT = TypeVar("TitledT", bound=Titled)


def open_for_goals(context: Context) -> Couple:
    """The couple with its core files read and no month: on ten years of history, 0.04 s
    instead of 0.7 s. Everything a goal command reads or writes lives in core files
    (tests/cli/test_goal_cmds.py checks that no such kind is sharded), so nothing it needs
    is left unread."""
    return context.couple(months=())


def find_named(
    items: Sequence[T], title_of: Callable[[T], str], wanted: str, noun: str, hint: str
) -> T:
    """Exact name, else a unique prefix, else a unique part of the name (loosely); else a
    refusal offering the nearest name, or `hint` when none is near."""
    if not " ".join(wanted.split()):
        raise CLIError(f"Say which {noun}, by its name or enough of it to be unique.")
    found = match_title(items, title_of, wanted)
    if len(found) > 1:
        raise ambiguous(wanted, [title_of(item) for item in found], noun)
    if not found:
        raise not_found(f"No {noun} called", wanted, [title_of(item) for item in items], hint)
    return found[0]


def goal_named(couple: Couple, wanted: str) -> Goal:
    """The goal `wanted` names, if it is one this person may change."""
    from tracker.domain.goals.model import change_refusal
    from tracker.store import goals as store

    goal = find_named(
        store.goals(couple), lambda g: g.title, wanted, "goal", "`rekindle goals` lists them."
    )
    refusal = change_refusal(goal, couple.me, flat(couple.name_of(goal.owner)))
    if refusal is not None:
        raise CLIError(refusal)
    return goal


def milestone_named(milestones: Sequence[Milestone], goal: Goal, wanted: str) -> Milestone:
    """One of this goal's milestones, named as `find_named` takes a name."""
    hint = f"`rekindle goals` lists the milestones of “{flat(goal.title)}”."
    mine = [m for m in milestones if m.goal_id == goal.id]
    return find_named(mine, lambda m: m.title, wanted, "milestone", hint)


def save_edit(old: TitledT, new: TitledT, save: Callable[[TitledT], object]) -> int:
    """An edit saved, or, when it changes nothing, said so and nothing written: a goal's
    and a milestone's edit answer alike."""
    if new == old:
        say(f"“{flat(old.title)}” already is that way; nothing to change.")
        return 0
    save(new)
    say(f"Saved “{flat(new.title)}”.")
    return 0
