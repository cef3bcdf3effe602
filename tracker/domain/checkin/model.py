"""The weekly check-in: each partner rates the five areas and overall closeness.

One check-in per person per ISO week (the person's own week, from their own
days), kept under a deterministic id so a second check-in that week edits the
first. The partner's ratings stay out of view until both have answered that
week, or the week is over; the folder itself is readable by both, so this is
about not swaying each other, never about secrecy.

When things stay low, the check-in screen offers a calm card about couples
therapy. The rules that raise it live here, with their thresholds:

- **Low for a while**: overall closeness or any area rated ``LOW`` (2) or
  below in ``LOW_RUN`` (3) check-ins in a row by the same person. "In a row"
  means consecutive check-ins that person made; a week they skipped neither
  breaks nor extends the run.
- **A sharp drop**: any rating falling by ``SHARP_DROP`` (2) points or more
  from a person's previous check-in to their latest (4 → 2, 5 → 3).
- **Trust at the floor**: the latest check-in rates trust ``TRUST_FLOOR`` (1).

Only each person's latest check-in can raise the card, so once things
improve it goes away by itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Annotated, Any, Self

import msgspec

from tracker.domain.models import Area
from tracker.domain.text import single_line
from tracker.domain.validation import IsoDay, convert, valid_day

CLOSENESS = "closeness"
KEYS: tuple[str, ...] = (*(area.value for area in Area), CLOSENESS)
LABELS: dict[str, str] = {
    Area.COMMUNICATION.value: "Communication",
    Area.CONFLICT.value: "Unresolved conflicts",
    Area.QUALITY_TIME.value: "Quality time together",
    Area.PRIORITIES.value: "Shared priorities",
    Area.TRUST.value: "Trust",
    CLOSENESS: "Overall closeness",
}
QUESTIONS: dict[str, str] = {
    Area.COMMUNICATION.value: "How well are we talking, and listening, these days?",
    Area.CONFLICT.value: "Do our disagreements get settled, or carried around?",
    Area.QUALITY_TIME.value: "Are we finding time that's just ours?",
    Area.PRIORITIES.value: "Are we pulling in the same direction?",
    Area.TRUST.value: "Can we rely on each other, and feel safe being open?",
    CLOSENESS: "All in all, how close do we feel this week?",
}
SCALE = "1 far apart · 2 strained · 3 so-so · 4 good · 5 close"
MIN_RATING, MAX_RATING = 1, 5
MAX_CHECKIN_NOTE = 300

# The card suggesting professional help: see the module docstring.
LOW = 2
LOW_RUN = 3
SHARP_DROP = 2
TRUST_FLOOR = 1
MAX_DISMISSED = 200

_WEEK = re.compile(r"(\d{4})-W(\d{2})")


# -- weeks --------------------------------------------------------------------


def iso_week(day: date) -> str:
    """``2026-W48``: sorts as text in time order."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_monday(week: str) -> date:
    found = _WEEK.fullmatch(week.strip())
    if found is None:
        raise ValueError(f"“{week}” is not a week; weeks look like 2026-W48.")
    try:
        return date.fromisocalendar(int(found[1]), int(found[2]), 1)
    except ValueError:
        raise ValueError(f"{week} is not a week of that year.") from None


def shift_week(week: str, weeks: int) -> str:
    return iso_week(week_monday(week) + timedelta(weeks=weeks))


def recent_weeks(current: str, count: int) -> list[str]:
    """The ``count`` weeks ending with ``current``, oldest first."""
    return [shift_week(current, -back) for back in range(count - 1, -1, -1)]


def week_label(week: str) -> str:
    """``Week 48 · 23–29 Nov 2026``."""
    monday = week_monday(week)
    sunday = monday + timedelta(days=6)
    number = int(week.split("-W")[1])
    if monday.month == sunday.month:
        span = f"{monday.day}–{sunday.day} {sunday:%b %Y}"
    elif monday.year == sunday.year:
        span = f"{monday.day} {monday:%b} – {sunday.day} {sunday:%b %Y}"
    else:
        span = f"{monday.day} {monday:%b %Y} – {sunday.day} {sunday:%b %Y}"
    return f"Week {number} · {span}"


def checkin_id(person: str, week: str) -> str:
    """Deterministic: both of a person's devices converge on one check-in a week."""
    return f"checkin:{person}:{week}"


# -- what people type ---------------------------------------------------------


def check_rating(value: object, key: str) -> int:
    """A rating from 1 to 5, or ValueError with one sentence saying what is wrong."""
    label = LABELS.get(key, key)
    text = str(value).strip() if not isinstance(value, bool) else ""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif re.fullmatch(r"[+-]?\d{1,6}", text):
        number = int(text)
    else:
        shown = text[:20] or "nothing"
        raise ValueError(f"{label} needs a whole number from 1 to 5, not “{shown}”.")
    if not MIN_RATING <= number <= MAX_RATING:
        raise ValueError(f"{label} needs a rating from 1 to 5; {number} is outside that.")
    return number


def clean_checkin_note(text: str, key: str = "") -> str:
    """One sentence or so, on one line; control characters dropped."""
    note = single_line(text)
    if len(note) > MAX_CHECKIN_NOTE:
        where = f" for {LABELS[key].lower()}" if key in LABELS else ""
        raise ValueError(
            f"The note{where} has {len(note):,} characters; keep it to {MAX_CHECKIN_NOTE}, "
            "a sentence or two is plenty."
        )
    return note


def check_week(week: str, current: str) -> None:
    """Check-ins are for the week you are in: never ahead, never after seeing the other's."""
    if week > current:
        raise ValueError(f"{week} hasn't started yet; you can check in for this week, {current}.")
    if week < current:
        raise ValueError(
            f"{week} is over. Check-ins are for the week you're in, so neither of you "
            "answers after seeing the other's."
        )


@dataclass(frozen=True, slots=True)
class CheckIn:
    """One person's ratings for one of their weeks."""

    person: str
    week: str
    ratings: Mapping[str, int]  # every key in KEYS, 1..5
    notes: Mapping[str, str] = field(default_factory=dict)
    day: date = date(2000, 1, 1)  # the person's day it was last saved

    @property
    def id(self) -> str:
        return checkin_id(self.person, self.week)

    def rating(self, key: str) -> int:
        return self.ratings[key]

    def to_data(self) -> dict[str, Any]:
        return {
            "person": self.person,
            "week": self.week,
            "ratings": {key: self.ratings[key] for key in KEYS},
            "notes": {key: self.notes[key] for key in KEYS if self.notes.get(key)},
            "day": self.day.isoformat(),
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Self:
        """A check-in from its record, or Invalid naming the field that is not usable."""
        found = convert(data, CheckInData)
        valid_day("week", found.week, week_monday)  # a real week, in the years we allow
        # As stored, by the keys KEYS names ("quality time" has a space in it).
        ratings, notes = msgspec.to_builtins(found.ratings), msgspec.to_builtins(found.notes)
        return cls(
            person=found.person,
            week=found.week,
            ratings={key: ratings[key] for key in KEYS},
            notes={key: notes[key] for key in KEYS if notes and notes.get(key)},
            day=valid_day("day", found.day),
        )


Rating = Annotated[int, msgspec.Meta(ge=MIN_RATING, le=MAX_RATING)]


class RatingsData(msgspec.Struct):
    """All six ratings, each 1 to 5 (check_rating's rule); none may be left out."""

    communication: Rating
    conflict: Rating
    quality_time: Rating = msgspec.field(name="quality time")
    priorities: Rating
    trust: Rating
    closeness: Rating


class NotesData(msgspec.Struct):
    communication: str | None = None
    conflict: str | None = None
    quality_time: str | None = msgspec.field(default=None, name="quality time")
    priorities: str | None = None
    trust: str | None = None
    closeness: str | None = None


class CheckInData(msgspec.Struct):
    person: str
    ratings: RatingsData
    week: str = ""
    notes: NotesData | None = None
    day: IsoDay = "2000-01-01"


def make_checkin(
    person: str,
    today: date,
    ratings: Mapping[str, object],
    notes: Mapping[str, str] | None = None,
) -> CheckIn:
    """This week's check-in from what was typed; ValueError names the first problem
    (a rating out of range before a blank one, since that is what was typed wrong)."""
    unknown = sorted(set(ratings) - set(KEYS))
    if unknown:
        raise ValueError(f"There is no check-in area called “{unknown[0]}”.")
    given = {key: ratings.get(key) for key in KEYS}
    checked = {key: check_rating(v, key) for key, v in given.items() if v not in (None, "")}
    missing = [LABELS[key].lower() for key in KEYS if key not in checked]
    if missing:
        raise ValueError(f"Rate all six, from 1 to 5; still blank: {', '.join(missing)}.")
    cleaned = {key: clean_checkin_note(text, key) for key, text in (notes or {}).items()}
    return CheckIn(person, iso_week(today), checked, {k: v for k, v in cleaned.items() if v}, today)


# -- who sees what ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WeekView:
    """One week as one viewer may see it."""

    week: str
    mine: CheckIn | None
    theirs: CheckIn | None  # None when absent *or* still hidden
    theirs_hidden: bool  # the partner has answered, and it's not time to show it
    note: str  # one calm line about what is (not) there

    @property
    def both(self) -> bool:
        return self.mine is not None and self.theirs is not None


def partner_visible(week: str, mine: CheckIn | None, current: str) -> bool:
    """The partner's check-in for ``week`` shows once mine is in or the week is over."""
    return mine is not None or week < current


def week_view(
    week: str, mine: CheckIn | None, theirs: CheckIn | None, current: str, partner: str
) -> WeekView:
    """What the viewer (whose current week is ``current``) sees of ``week``."""
    over = week < current
    hidden = theirs is not None and not partner_visible(week, mine, current)
    shown = None if hidden else theirs
    if mine is not None and theirs is not None:
        note = "You've both checked in, so here you are side by side."
    elif mine is not None:
        note = (
            f"{partner} hasn't checked in for that week."
            if over
            else f"Waiting for {partner}; you'll see each other's side by side once both are in."
        )
    elif theirs is not None:
        note = (
            "You didn't check in that week."
            if over
            else f"{partner} has checked in. Theirs shows once yours is in, so neither sways "
            "the other."
        )
    else:
        note = "No check-ins that week." if over else "Neither of you has checked in this week yet."
    return WeekView(week, mine, shown, hidden, note)


def visible_to_me(
    theirs: Iterable[CheckIn], mine: Iterable[CheckIn], current: str
) -> list[CheckIn]:
    """The partner's check-ins the viewer may see, oldest first."""
    my_weeks = {c.week for c in mine}
    return sorted(
        (c for c in theirs if c.week < current or c.week in my_weeks), key=lambda c: c.week
    )


# -- the card suggesting professional help -----------------------------------------


@dataclass(frozen=True, slots=True)
class HelpTrigger:
    rule: str  # "low", "drop" or "trust"
    person: str
    key: str
    week: str  # the check-in that raised it: a new check-in means a new trigger

    @property
    def id(self) -> str:
        return f"{self.rule}:{self.person}:{self.key}:{self.week}"

    def reason(self, name: str, me: bool) -> str:
        who, whose = ("You", "your") if me else (name, "their")
        label = LABELS[self.key].lower()
        if self.rule == "low":
            return f"{who} rated {label} {LOW} or lower in {whose} last {LOW_RUN} check-ins."
        if self.rule == "drop":
            return (
                f"{who} rated {label} {SHARP_DROP} or more points lower than in "
                f"{whose} check-in before."
            )
        return f"{who} rated trust {TRUST_FLOOR} in {whose} latest check-in."


def help_triggers(checkins: Sequence[CheckIn]) -> list[HelpTrigger]:
    """What one person's check-ins (any order) raise now, judged at the latest one."""
    if not checkins:
        return []
    ordered = sorted(checkins, key=lambda c: c.week)
    latest = ordered[-1]
    person, week = latest.person, latest.week
    found: list[HelpTrigger] = []
    run = ordered[-LOW_RUN:]
    for key in KEYS:
        if len(run) == LOW_RUN and all(c.rating(key) <= LOW for c in run):
            found.append(HelpTrigger("low", person, key, week))
    if len(ordered) > 1:
        before = ordered[-2]
        for key in KEYS:
            if before.rating(key) - latest.rating(key) >= SHARP_DROP:
                found.append(HelpTrigger("drop", person, key, week))
    if latest.rating(Area.TRUST.value) <= TRUST_FLOOR:
        found.append(HelpTrigger("trust", person, Area.TRUST.value, week))
    return found


@dataclass(frozen=True, slots=True)
class HelpSetting:
    """One person's choice about the card: on or off, and which triggers they dismissed.

    Kept as two records, so the Settings screen's on/off switch and a dismissal
    never overwrite each other: ``{"enabled": bool}`` and ``{"dismissed": [...]}``.
    """

    enabled: bool = True
    dismissed: tuple[str, ...] = ()

    @classmethod
    def read(cls, enabled: Mapping[str, Any] | None, dismissed: Mapping[str, Any] | None) -> Self:
        """From the two records' data (either may be missing or damaged: on, nothing hidden)."""
        ids = (dismissed or {}).get("dismissed") or []
        return cls(
            enabled=(enabled or {}).get("enabled", True) is not False,
            dismissed=tuple(str(d) for d in ids) if isinstance(ids, list) else (),
        )

    def enabled_data(self) -> dict[str, Any]:
        return {"enabled": self.enabled}

    def dismissed_data(self) -> dict[str, Any]:
        return {"dismissed": list(self.dismissed)}

    def dismiss(self, triggers: Iterable[HelpTrigger]) -> HelpSetting:
        added = [t.id for t in triggers if t.id not in self.dismissed]
        return HelpSetting(self.enabled, (*self.dismissed, *added)[-MAX_DISMISSED:])


def help_card(
    by_person: Mapping[str, Sequence[CheckIn]], setting: HelpSetting
) -> list[HelpTrigger]:
    """The triggers the card should show now: none when it is off or all were dismissed."""
    if not setting.enabled:
        return []
    dismissed = set(setting.dismissed)
    active = [t for checks in by_person.values() for t in help_triggers(checks)]
    return [t for t in active if t.id not in dismissed]
