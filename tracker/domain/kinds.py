"""Every kind of record in one table: its name, how its data becomes a domain object,
and whether it lives in month shards.

Each feature names its kinds next to its types (tracker/domain/<feature>/kinds.py);
the few shared ones (people, habits, ticks, settings) are named here.

The store validates and parses through this table, so a kind is never retyped
as a string elsewhere and a record that does not fit its kind is skipped (and
named) the same way everywhere, instead of crashing whichever screen meets it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any, Final, TypeVar

import msgspec

from tracker.domain.checkin import kinds as checkin
from tracker.domain.daily import kinds as daily
from tracker.domain.dates import kinds as dates
from tracker.domain.goals import kinds as goals
from tracker.domain.lovemap import kinds as lovemap
from tracker.domain.talks import kinds as talks
from tracker.domain.validation import Invalid

T = TypeVar("T")
X = TypeVar("X")
Parse = Callable[[str, Mapping[str, Any]], Any]  # (record id, data) → domain object


class Kind(msgspec.Struct, frozen=True):
    name: str
    # The domain type whose `from_data` reads this kind, as "module:Class"; None for plain
    # settings-like data read where it is used. Named, not imported: every command imports
    # this table, and most of them never parse a date night or a goal.
    reads_as: str | None = None
    with_id: bool = True  # from_data(record_id, data), else from_data(data)
    # Piles up week after week, each about one day: lives in month shards, so core.json
    # stays small and opening the app reads only recent months of it.
    sharded: bool = False


PERSON: Final = "person"
HABIT: Final = "habit"
CHECK: Final = "check"
SETTING: Final = "setting"  # one person's setting (store/settings.py), read where it is used

KINDS: Final[dict[str, Kind]] = {
    kind.name: kind
    for kind in (
        Kind(PERSON, "models:Person", with_id=False),
        Kind(HABIT, "models:Habit"),
        Kind(CHECK, "models:Check", with_id=False, sharded=True),
        Kind(checkin.APPRECIATION, "checkin.promises:Appreciation", sharded=True),
        Kind(checkin.CHECKIN, "checkin.model:CheckIn", with_id=False, sharded=True),
        Kind(checkin.REPAIR, "checkin.promises:Repair"),
        Kind(checkin.PROMISE, "checkin.promises:Promise"),
        Kind(goals.GOAL, "goals.model:Goal"),
        Kind(goals.MILESTONE, "goals.model:Milestone"),
        Kind(dates.DATE, "dates.model:DateNight"),
        Kind(dates.OCCURRENCE, "dates.model:Mark", with_id=False, sharded=True),
        Kind(dates.RATING, "dates.views:Rating", with_id=False, sharded=True),
        Kind(dates.IDEA, "dates.jar:JarIdea"),
        Kind(talks.SLOT, "talks.model:Slot"),
        Kind(talks.OCCURRENCE, "talks.model:Occurrence", with_id=False, sharded=True),
        Kind(talks.NOTE, "talks.log:Note", with_id=False, sharded=True),
        Kind(talks.FOLLOWUP, "talks.log:Followup"),
        Kind(talks.PREF, "talks.prompts:PromptPref", with_id=False),
        Kind(talks.WEEK, sharded=True),
        Kind(daily.ASKED, "daily.model:Asked", with_id=False, sharded=True),
        Kind(daily.ANSWER, "daily.model:Answer", with_id=False, sharded=True),
        Kind(daily.HIDDEN, "daily.model:Hide", with_id=False),
        # Not sharded: a new round's picks and "finished" read every round there was.
        Kind(lovemap.ROUND, "lovemap.model:RoundStart", with_id=False),
        Kind(lovemap.ANSWER, "lovemap.model:Answer", with_id=False),
        Kind(lovemap.GUESS, "lovemap.model:Guess", with_id=False),
        Kind(lovemap.MARK, "lovemap.model:Mark", with_id=False),
        Kind(lovemap.HIDDEN, "lovemap.model:Hide", with_id=False),
    )
}
SHARDED_KINDS: Final = frozenset(name for name, kind in KINDS.items() if kind.sharded)
# The kinds a calendar event is made of: a write of any of them may change the calendar
# feed, and a change to any other kind (a habit tick, a rating) cannot. Settings and people
# count: a person's reminder settings and time zone place their check-in and talk alarms.
FEED_KINDS: Final = frozenset(
    {dates.DATE, dates.OCCURRENCE, talks.SLOT, talks.OCCURRENCE, SETTING, PERSON}
)


def touches_feed(kinds: Iterable[str]) -> bool:
    """Whether records of these kinds changing can change the calendar feed."""
    return any(kind in FEED_KINDS for kind in kinds)


@cache
def parser(kind: str) -> Parse | None:
    """The kind's domain parsing as (record id, data) → object, imported on first use."""
    found = KINDS.get(kind)
    if found is None or found.reads_as is None:
        return None
    module, _, name = found.reads_as.partition(":")
    # Looked up by name, so the checker knows only that it is some from_data classmethod.
    from_data: Callable[..., Any] = getattr(
        importlib.import_module(f"tracker.domain.{module}"), name
    ).from_data
    if found.with_id:
        return from_data
    return lambda _record_id, data: from_data(data)


# Every kind reads through a declared struct and raises Invalid (a ValueError); these are
# what is left: a promise's missing field is a KeyError (its callers tell it apart), and a
# goal's lenient reading is hand-written.
_PARSE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, OverflowError, IndexError)


def parse(kind: str, record_id: str, data: Mapping[str, Any]) -> Any:
    """The record's domain object, or Invalid saying which field is wrong and why."""
    parse_one = parser(kind)
    if parse_one is None:
        raise Invalid("", f"no parser for kind {kind!r}", newer=kind not in KINDS)
    try:
        return parse_one(record_id, data)
    except Invalid:
        raise
    except KeyError as error:
        raise Invalid(str(error.args[0]) if error.args else "", "missing") from None
    except _PARSE_ERRORS as error:
        raise Invalid("", str(error)[:120], newer="is not a valid" in str(error)) from None


def problem(kind: str, record_id: str, data: Mapping[str, Any]) -> Invalid | None:
    """Why this record's data does not fit its kind, or None (unknown kinds pass)."""
    if parser(kind) is None:
        return None
    try:
        parse(kind, record_id, data)
    except Invalid as error:
        return error
    return None


def parsed(
    items: Iterable[X],
    parse_one: Callable[[X], T],
    skipped: Callable[[X, Invalid], None] | None = None,
) -> list[T]:
    """The one parse-and-skip path: each item as a domain object; one that does not fit is
    left out (and told to `skipped`), never a crash of whatever screen asked for it."""
    found: list[T] = []
    for item in items:
        try:
            found.append(parse_one(item))
        except Invalid as error:
            if skipped is not None:
                skipped(item, error)
        except _PARSE_ERRORS as error:
            if skipped is not None:
                skipped(item, Invalid("", str(error)[:120]))
    return found
