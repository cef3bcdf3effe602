"""The idea jar: our ideas and the couple's own, "surprise me", and an idea made a date."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated, Any, Self

import msgspec

from tracker.domain.content.ideas import DAY, IDEAS, Idea, IdeaKind
from tracker.domain.dates.input import DateDraft, parse_hours, whole_number
from tracker.domain.dates.model import DateNight, Marks, occurrences
from tracker.domain.dates.records import DateKind, RepeatFreq
from tracker.domain.text import clean_name, clean_note, count
from tracker.domain.validation import convert

RECENT_DAYS = 90  # an idea done (or planned) this recently stays out of "surprise me"
MAX_IDEA_TITLE = 60
MAX_IDEA_MINUTES = 24 * 60 * 14
COST_WORDS = ("free", "cheap", "some money", "a treat")

_DATE_KIND = {
    IdeaKind.NEW_HOBBY: DateKind.NEW_HOBBY,
    IdeaKind.UNPLUGGED: DateKind.UNPLUGGED,
    IdeaKind.GETAWAY: DateKind.GETAWAY,
}


@dataclass(frozen=True, slots=True)
class JarIdea:
    """An idea in the jar: one of ours (key = its slug) or the couple's own (key = record id)."""

    key: str
    title: str
    kind: IdeaKind
    description: str = ""
    minutes: int = 120
    cost: int = 1
    own: bool = False
    by: str = ""

    @classmethod
    def of(cls, idea: Idea) -> Self:
        return cls(idea.key, idea.title, idea.kind, idea.description, idea.minutes, idea.cost)

    @property
    def date_kind(self) -> DateKind:
        if self.kind is IdeaKind.GETAWAY and self.minutes < DAY:
            return DateKind.DATE_NIGHT
        return _DATE_KIND.get(self.kind, DateKind.DATE_NIGHT)

    def length_text(self) -> str:
        if self.minutes >= DAY:
            days = self.minutes // DAY
            return count(days, "day")
        hours = self.minutes / 60
        return f"{self.minutes} min" if self.minutes < 60 else f"{hours:g} h"

    @property
    def cost_text(self) -> str:
        return COST_WORDS[max(0, min(3, self.cost))]

    def summary(self) -> str:
        """ "out · 3 h · some money": its shelf, length and cost. The "cheap" shelf is left
        unsaid when the cost already says so, never "cheap · 3 h · free"."""
        shelf = [] if self.kind is IdeaKind.CHEAP and self.cost <= 1 else [self.kind.value]
        return " · ".join([*shelf, self.length_text(), self.cost_text])

    def to_data(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "kind": self.kind.value,
            "description": self.description,
            "minutes": self.minutes,
            "cost": self.cost,
            "by": self.by,
        }

    @classmethod
    def from_data(cls, record_id: str, data: Mapping[str, Any]) -> Self:
        found = convert(data, IdeaData)
        return cls(
            key=record_id,
            title=found.title,
            kind=found.kind,
            description=found.description,
            minutes=found.minutes,
            cost=found.cost,
            own=True,
            by=found.by,
        )


class IdeaData(msgspec.Struct):
    title: str = ""
    kind: IdeaKind = IdeaKind.HOME
    description: str = ""
    # own_idea allows a quarter of an hour to two weeks; older ones may be a little shorter.
    minutes: Annotated[int, msgspec.Meta(ge=1, le=MAX_IDEA_MINUTES)] = 120
    cost: Annotated[int, msgspec.Meta(ge=0, le=3)] = 1  # free, cheap, some, a treat
    by: str = ""


def own_idea(
    record_id: str,
    title: str,
    kind: IdeaKind,
    description: str = "",
    hours: float = 2.0,
    by: str = "",
) -> JarIdea:
    """An idea the couple wrote, checked like anything else they type."""
    minutes = round(hours * 60)
    if not 15 <= minutes <= MAX_IDEA_MINUTES:
        raise ValueError("Give the idea a length from a quarter of an hour to two weeks.")
    if kind is IdeaKind.GETAWAY:
        minutes = max(DAY, minutes // DAY * DAY)
    return JarIdea(
        key=record_id,
        title=clean_name(title, "idea", MAX_IDEA_TITLE),
        kind=kind,
        description=clean_note(description),
        minutes=minutes,
        own=True,
        by=by,
    )


def idea_from_text(
    record_id: str, title: str, kind: IdeaKind, length: str, about: str = "", by: str = ""
) -> JarIdea:
    """An idea from a form: its length in hours, or in days for a getaway."""
    if kind is IdeaKind.GETAWAY:
        hours = whole_number(length.strip() or "1", "A getaway idea's days", 1, 14) * 24.0
    else:
        hours = parse_hours(length.strip() or "2") / 60
    return own_idea(record_id, title, kind, about, hours, by)


def jar(own: Iterable[JarIdea]) -> list[JarIdea]:
    """The couple's own ideas first (newest last), then ours, by shelf."""
    ours = [JarIdea.of(idea) for idea in IDEAS]
    order = {kind: index for index, kind in enumerate(IdeaKind)}
    return list(own) + sorted(ours, key=lambda idea: order[idea.kind])


def recently_used(
    dates: Sequence[DateNight], marks: Mapping[str, Marks], today: date, days: int = RECENT_DAYS
) -> set[str]:
    """Ideas a date came from that was done lately or is still ahead."""
    since = today - timedelta(days=days)
    used = set()
    for dn in dates:
        if not dn.idea or dn.cancelled:
            continue
        window = occurrences(dn, marks.get(dn.id, {}), since, today + timedelta(days=366))
        if any(o.status.value != "cancelled" for o in window):
            used.add(dn.idea)
    return used


def surprise(
    ideas: Sequence[JarIdea],
    used: set[str],
    rng: random.Random,
    kind: IdeaKind | None = None,
) -> JarIdea | None:
    """One idea not done recently (of a kind, if asked); if all were, any of that kind."""
    shelf = [idea for idea in ideas if kind is None or idea.kind is kind]
    fresh = [idea for idea in shelf if idea.key not in used]
    pool = fresh or shelf
    return rng.choice(pool) if pool else None


def coming_saturday(today: date) -> date:
    """The next Saturday after today (a week on, if today is Saturday)."""
    return today + timedelta(days=(5 - today.weekday()) % 7 or 7)


def draft_from_idea(idea: JarIdea, today: date, tz: str) -> DateDraft:
    """A date ready to save: the idea's title and length, this coming Saturday."""
    kind = idea.date_kind
    minutes = min(max(idea.minutes, 15), 24 * 60)
    return DateDraft(
        title=idea.title,
        kind=kind,
        day=coming_saturday(today).isoformat(),
        time="11:00" if minutes >= 6 * 60 else "19:30",
        hours=f"{minutes / 60:g}",
        days=str(max(1, idea.minutes // DAY)),
        notes=idea.description,
        tz=tz,
        repeat=RepeatFreq.NONE,
        idea=idea.key,
    )
