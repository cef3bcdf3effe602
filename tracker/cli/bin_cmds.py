"""`rekindle habits --deleted` and `rekindle habit restore NAME`: the bin, scriptable."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from tracker.cli.common import DATA_OPTION, CLIError, Context, as_json, flat, now, say
from tracker.cli.matching import ambiguous, match_title, not_found
from tracker.domain.days import moment_in
from tracker.domain.kinds import HABIT
from tracker.domain.text import count
from tracker.store.bin import BIN_DAYS, Binned, in_bin, restore
from tracker.store.couple import Couple


def add_restore(actions: Any) -> None:
    """`rekindle habit restore`, among the habit's actions (`habit_form_cmds`)."""
    back = actions.add_parser(
        "restore", parents=[DATA_OPTION], help="bring back a deleted habit, with its ticks"
    )
    back.add_argument("name", help="its name, or enough of it to be unique")
    back.set_defaults(run=run_restore)


def now_ms() -> int:
    return int(now().timestamp() * 1000)


def deleted_habits(couple: Couple, everything: bool) -> list[Binned]:
    return [b for b in in_bin(couple, now_ms(), everything) if b.kind == HABIT]


def local_time(couple: Couple, millis: int) -> datetime:
    """When, on the clock of the person asking."""
    return moment_in(millis, couple.person(couple.me).tz)


def who(couple: Couple, key: str) -> str:
    return couple.name_of(key) if key else "a device we don't know"


def ticks_text(ticks: int) -> str:
    return count(ticks, "tick")


def run_deleted(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()
    binned = deleted_habits(couple, args.all)
    if args.json:
        print(as_json([_as_data(couple, b) for b in binned]))
        return 0
    if not binned:
        say("Nothing deleted." if args.all else f"Nothing deleted in the last {BIN_DAYS} days.")
    for entry in binned:
        when = local_time(couple, entry.deleted_ms)
        since = f" · {ticks_text(entry.ticks_since)} since" if entry.ticks_since else ""
        say(
            f"{flat(entry.title)}  ·  deleted by {flat(who(couple, entry.deleted_by))} "
            f"on {when:%a %d %b %Y, %H:%M}{since}"
        )
    return 0


def _as_data(couple: Couple, entry: Binned) -> dict[str, Any]:
    deleted_at = datetime.fromtimestamp(entry.deleted_ms / 1000, UTC)
    return {
        "id": entry.id,
        "title": entry.title,
        "deleted_by": entry.deleted_by,
        "deleted_by_name": who(couple, entry.deleted_by),
        "deleted_at": deleted_at.isoformat(timespec="seconds"),
        "ticks_since": entry.ticks_since,
        "ticks_by": dict(entry.ticks_by),
        "data": dict(entry.record.data),
    }


def run_restore(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()
    if not " ".join(args.name.split()):
        raise CLIError('Say which habit, e.g. rekindle habit restore "phone-free dinner".')
    deleted = deleted_habits(couple, everything=True)
    found = match_title(deleted, lambda b: b.title, args.name)
    if len(found) > 1:
        titles = [b.title for b in found]
        if len(set(titles)) == 1:  # one name deleted twice: the newest delete comes back
            found = found[:1]
        else:
            raise ambiguous(args.name, titles, "deleted habit")
    if not found:
        raise not_found(
            "No deleted habit called",
            args.name,
            [b.title for b in deleted],
            "`rekindle habits --deleted --all` lists them.",
        )
    entry = found[0]
    try:
        restore(couple, entry.id)
    except ValueError as error:
        raise CLIError(str(error)) from None
    kept = entry.ticks_since
    since = f", with {ticks_text(kept)} made since it was deleted" if kept else ""
    say(f"Brought back “{flat(entry.title)}”{since}.")
    return 0
