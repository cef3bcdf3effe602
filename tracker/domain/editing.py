"""Turning what someone typed into a habit form into a Habit, or one clear sentence why not."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date

import msgspec

from tracker.domain.clock import clock_text, parse_clock
from tracker.domain.habits.typed import clean_title, parse_amount
from tracker.domain.models import (
    WEEKDAY_NAMES,
    Area,
    Direction,
    Fulfilment,
    Habit,
    HabitKind,
    Owner,
    Schedule,
    ScheduleKind,
    fulfilment_of,
)
from tracker.domain.text import single_line

MAX_DESCRIPTION = 500
MAX_UNIT = 20


@dataclass(slots=True)
class HabitDraft:
    """The form's fields as typed (numbers still text), plus the choices made."""

    title: str = ""
    description: str = ""
    area: Area = Area.COMMUNICATION
    owner: Owner = Owner.EACH
    schedule: ScheduleKind = ScheduleKind.DAILY
    weekdays: list[int] = field(default_factory=list)
    times: str = "3"
    every: str = "2"
    kind: HabitKind = HabitKind.YES_NO
    target: str = ""
    unit: str = ""
    direction: Direction = Direction.AT_LEAST
    # What else ticks it, as Habit.done_by: "" for nothing. A link this version does not
    # know stays as it came, so an edit that leaves it alone keeps a partner's choice.
    done_by: str = ""
    # Its reminder time as typed ("20:30", "8pm"); "" for the owner's usual time.
    remind_at: str = ""

    @property
    def fulfilled_by(self) -> Fulfilment | None:
        return fulfilment_of(self.done_by)

    @classmethod
    def of(cls, habit: Habit) -> HabitDraft:
        s = habit.schedule
        return cls(
            title=habit.title,
            description=habit.description,
            area=habit.area,
            owner=habit.owner,
            schedule=s.kind,
            weekdays=list(s.weekdays),
            times=str(s.times),
            every=str(s.every),
            kind=habit.kind,
            target=exact_text(habit.target) if habit.measurable else "",
            unit=habit.unit,
            direction=habit.direction,
            done_by=habit.done_by,
            remind_at=habit.remind_at,
        )


def exact_text(value: float) -> str:
    """Short when that loses nothing (15, 2.5), else every digit, so an edit never rounds."""
    short = f"{value:g}"
    return short if float(short) == value else repr(value)


def _whole(text: str, what: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise ValueError(f"{what} needs a whole number, like 3.") from None


# Kinds that ask how many times, each in its own calendar period.
_COUNTED = (ScheduleKind.PER_WEEK, ScheduleKind.PER_MONTH)


def schedule_of(draft: HabitDraft) -> Schedule:
    kind = draft.schedule
    in_days = kind is ScheduleKind.TIMES_IN_DAYS
    times = _whole(draft.times, "Times") if kind in _COUNTED or in_days else 1
    every = 1
    if kind is ScheduleKind.EVERY_N_DAYS:
        every = _whole(draft.every, "Every N days")
    elif in_days:
        every = _whole(draft.every, "The number of days")
    weekdays = tuple(sorted(set(draft.weekdays))) if kind is ScheduleKind.WEEKDAYS else ()
    # Schedule checks itself and raises ValueError with a sentence for people.
    return Schedule(kind, weekdays, times, every)


def habit_from_draft(
    draft: HabitDraft, habit_id: str, start: date, order: int = 0, archived: bool = False
) -> Habit:
    """A valid Habit, or ValueError with a sentence for the person filling the form."""
    title = clean_title(draft.title)
    description = single_line(draft.description)
    if len(description) > MAX_DESCRIPTION:
        raise ValueError(f"Keep the description under {MAX_DESCRIPTION} characters.")
    schedule = schedule_of(draft)
    target, unit = 1.0, ""
    if draft.kind is HabitKind.MEASURABLE:
        unit = single_line(draft.unit)
        if len(unit) > MAX_UNIT:
            raise ValueError(f"Keep the unit short (up to {MAX_UNIT} characters), like “minutes”.")
        target = parse_amount(draft.target, unit)
        if target <= 0:
            raise ValueError("The goal needs to be more than zero.")
    return Habit(
        id=habit_id,
        title=title,
        area=draft.area,
        owner=draft.owner,
        schedule=schedule,
        start=start,
        description=description,
        kind=draft.kind,
        target=target,
        unit=unit,
        direction=draft.direction,
        archived=archived,
        order=order,
        done_by=draft.done_by,
        remind_at=remind_of(draft.remind_at),
    )


def remind_of(text: str) -> str:
    """A reminder time as stored ("20:30"), "" for none, or ValueError with a sentence."""
    cleaned = text.strip()
    if cleaned.casefold() in {"", "none", "off"}:
        return ""
    return clock_text(parse_clock(cleaned))


def followup_habit_draft(text: str) -> HabitDraft:
    """The habit a talk's follow-up suggests, as the app's form and the CLI both start
    it: done together, once a week, named by the follow-up's words."""
    return HabitDraft(
        title=text[:80], owner=Owner.TOGETHER, schedule=ScheduleKind.PER_WEEK, times="1"
    )


# The words of a habit someone types; the rest are choices.
WORDS = ("title", "description", "unit")


def with_stored_words(habit: Habit, before: HabitDraft, untouched: Collection[str]) -> Habit:
    """`habit` with the words left as they were saved exactly as stored, not cleaned.

    A partner's title holding an escape stays theirs until someone edits it; only
    what is typed goes through the form's cleaning. `untouched` names the words
    (of WORDS) nobody changed.
    """
    kept = {name: getattr(before, name) for name in untouched if getattr(before, name)}
    if not habit.measurable:
        kept.pop("unit", None)
    return msgspec.structs.replace(habit, **kept) if kept else habit


def weekdays_from_text(text: str) -> list[int]:
    """Weekdays typed as "mon,wed,fri" or "Monday Thursday", as numbers (0 is Monday),
    or ValueError saying which word is not a weekday."""
    found: list[int] = []
    for word in text.replace(",", " ").split():
        key = word.strip(".").casefold()
        matches = [i for i, name in enumerate(_FULL_NAMES) if key and name.startswith(key)]
        if len(matches) != 1:
            raise ValueError(
                f"“{single_line(word)[:20]}” is not a weekday; use "
                f"{', '.join(WEEKDAY_NAMES[:-1])} or {WEEKDAY_NAMES[-1]}."
            )
        found.append(matches[0])
    return sorted(set(found))


_FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def reordered(group: Sequence[Habit], habit: Habit, place: int) -> list[Habit]:
    """The habits of `group` (in their shown order) whose place changes when `habit`
    moves to index `place`, renumbered from 0: saved together, or not at all."""
    others = [h for h in group if h.id != habit.id]
    others.insert(place, habit)
    return [h.with_changes(order=i) for i, h in enumerate(others) if h.order != i]
