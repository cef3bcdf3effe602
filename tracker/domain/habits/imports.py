"""Habit history from elsewhere (Loop Habit Tracker, a plain CSV) as a plan: which habits to
make or match, which ticks to write, and what is left behind. Pure: the readers parse a
file into a `Source`, the store applies the `Plan` in one save.

Every id is derived from the source, so importing the same file twice adds nothing: a new
habit's id is a hash of where it came from, and a tick's id is already the habit, the
person and the day (`check_id`), so a day that has a tick keeps it as it is.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from tracker.domain.models import (
    US,
    Check,
    CheckStatus,
    Direction,
    Habit,
    HabitKind,
    Owner,
    Schedule,
)
from tracker.domain.text import MAX_NOTE, MAX_TITLE, clean_note, cut, single_line, strip_controls

# Ticks before this day are refused as damage: nobody kept habits before Unix time began.
FIRST_DAY = date(1970, 1, 1)
# A unit is a word or two ("km", "pages"); a longer one from a file is cut.
MAX_UNIT = 20


class ImportRefused(ValueError):
    """The file cannot be imported whole; the message says why in one sentence."""


@dataclass(frozen=True)
class SourceHabit:
    """One habit as the other tracker kept it, already in Rekindle's terms."""

    key: str  # the source's own id for it (Loop's row id, the CSV's name)
    title: str
    description: str = ""
    kind: HabitKind = HabitKind.YES_NO
    target: float = 1.0
    unit: str = ""
    direction: Direction = Direction.AT_LEAST
    schedule: Schedule = field(default_factory=Schedule)
    archived: bool = False
    # What about this habit could not come across as it was, in words, for the preview.
    caveats: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceTick:
    habit_key: str
    day: date
    status: CheckStatus = CheckStatus.DONE
    value: float | None = None


@dataclass(frozen=True)
class Source:
    """What a reader found in a file."""

    name: str  # "loop", "csv": part of every new habit's id
    habits: tuple[SourceHabit, ...]
    ticks: tuple[SourceTick, ...]
    # What the file holds that Rekindle does not carry over, in words.
    left_behind: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlannedHabit:
    habit: Habit  # as it will be saved: new, or the matching one (its start moved if need be)
    new: bool
    changed: bool  # an existing habit whose start moves earlier to hold the older ticks
    ticks: tuple[Check, ...]  # the ticks to write: days that have none yet
    already: int  # the file's ticks on days that already have one, kept as they are
    first: date | None  # the file's first and last day for this habit
    last: date | None
    caveats: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    habits: tuple[PlannedHabit, ...]
    left_behind: tuple[str, ...]

    @property
    def ticks(self) -> int:
        return sum(len(planned.ticks) for planned in self.habits)

    @property
    def new_habits(self) -> int:
        return sum(planned.new for planned in self.habits)

    @property
    def adds_nothing(self) -> bool:
        return not any(p.new or p.changed or p.ticks for p in self.habits)


def person_of(owner: Owner) -> str:
    """Whose ticks an imported habit's are: one partner's, or the two of you together."""
    if owner is Owner.EACH:
        raise ValueError("An import goes to one partner or to the two of you together.")
    return {Owner.A: "a", Owner.B: "b", Owner.TOGETHER: US}[owner]


def imported_habit_id(source: str, key: str, owner: Owner) -> str:
    """The same file's same habit gets the same id every time, on every device."""
    digest = hashlib.sha256(f"{source}\0{key}\0{owner.value}".encode()).hexdigest()
    return f"habit:{source}-{digest[:16]}"


def plan_import(
    source: Source,
    owner: Owner,
    existing: Sequence[Habit],
    has_tick: Callable[[str], bool],
    today: date,
) -> Plan:
    """The plan for bringing `source` in as `owner`'s habits, checked whole first: a day in
    the future or before 1970, a name that cannot be a habit's, or a habit of the same name
    but another kind refuses the whole import (ImportRefused), so nothing is half-done."""
    person = person_of(owner)
    # One tick a habit a day, the file's last word on it (an old Loop had no unique index).
    by_habit: dict[str, dict[date, SourceTick]] = {h.key: {} for h in source.habits}
    for tick in source.ticks:
        _check_day(tick.day, today)
        if tick.habit_key in by_habit:
            by_habit[tick.habit_key][tick.day] = tick
    mine = {h.title.casefold(): h for h in existing if h.owner is owner}
    next_order = max((h.order for h in existing), default=-1) + 1
    planned: list[PlannedHabit] = []
    seen: set[str] = set()
    for found in source.habits:
        title = _title(found.title)
        if title.casefold() in seen:
            raise ImportRefused(f"The file has two habits named “{title}”; rename one first.")
        seen.add(title.casefold())
        ticks = sorted(by_habit[found.key].values(), key=lambda t: t.day)
        first = ticks[0].day if ticks else None
        match = mine.get(title.casefold())
        if match is not None and match.kind is not found.kind:
            raise ImportRefused(
                f"“{match.title}” is already a {match.kind.value} habit here, but the "
                f"file's is {found.kind.value}; rename one of them and import again."
            )
        if match is None:
            habit = _new_habit(source.name, found, title, owner, first or today, next_order)
            next_order += 1
        else:
            habit = match
        changed = match is not None and first is not None and first < match.start
        if changed:
            habit = habit.with_changes(start=first)
        checks = [Check(habit.id, person, t.day, t.status, t.value) for t in ticks]
        fresh = tuple(c for c in checks if not has_tick(c.id))
        planned.append(
            PlannedHabit(
                habit=habit,
                new=match is None,
                changed=changed,
                ticks=fresh,
                already=len(checks) - len(fresh),
                first=first,
                last=ticks[-1].day if ticks else None,
                caveats=found.caveats,
            )
        )
    return Plan(tuple(planned), source.left_behind)


def _check_day(day: date, today: date) -> None:
    if day > today:
        raise ImportRefused(f"The file has a tick on {day}, after today; nothing was imported.")
    if day < FIRST_DAY:
        raise ImportRefused(f"The file has a tick on {day}, before 1970; nothing was imported.")


def _title(text: str) -> str:
    """The habit's name on one line; a longer one than Rekindle keeps is cut (the same cut
    every time, so a second import still finds it), never a reason to refuse the file."""
    if not single_line(text):
        raise ImportRefused("A habit in the file has no name; give it one and import again.")
    return cut(single_line(text), MAX_TITLE)


def _new_habit(
    source: str, found: SourceHabit, title: str, owner: Owner, start: date, order: int
) -> Habit:
    # A long description is cut, never a reason to refuse years of ticks.
    description = clean_note(strip_controls(found.description).strip()[:MAX_NOTE])
    return Habit(
        id=imported_habit_id(source, found.key, owner),
        title=title,
        owner=owner,
        schedule=found.schedule,
        start=start,
        description=description,
        kind=found.kind,
        target=found.target,
        unit=single_line(found.unit)[:MAX_UNIT],
        direction=found.direction,
        archived=found.archived,
        order=order,
    )
