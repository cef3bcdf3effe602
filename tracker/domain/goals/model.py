"""Shared goals with milestones, each partner's own goals, and what they can spawn.

A goal is one record (kind "goal"); its milestones are records of their own
(``milestone:<goal-id>:<token>``) so the two of you can tick different
milestones at once without one tick overwriting the other. A personal goal
belongs to one partner and lists ways the other can help; the partner who
takes one on writes a small record of their own pointing at the habit.

Plain values only: no I/O, no UI.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, Literal, Self
from zoneinfo import ZoneInfo

import msgspec

from tracker.domain.editing import HabitDraft
from tracker.domain.models import PARTNERS, US, Area, Owner, ScheduleKind
from tracker.domain.text import MAX_TITLE, single_line
from tracker.domain.validation import MaybeDay, convert, optional_day

MAX_WHY = 500
MAX_ACTIONS = 12
FIRST_YEAR, LAST_YEAR = 2000, 2200
DATE_MINUTES = 120


def clean_goal_title(text: str, what: str = "goal") -> str:
    title = single_line(text)
    if not title:
        raise ValueError(f"Give the {what} a name.")
    if len(title) > MAX_TITLE:
        raise ValueError(
            f"Keep the {what}'s name to {MAX_TITLE} characters (this one has "
            f"{len(title)}); there is room for more under “why”."
        )
    return title


def clean_why(text: str) -> str:
    why = single_line(text)
    if len(why) > MAX_WHY:
        raise ValueError(
            f"Keep “why it matters” to {MAX_WHY} characters; this has {len(why)}. "
            "A sentence or two is plenty."
        )
    return why


def parse_day_text(text: str, what: str = "date") -> date | None:
    """A date typed as YYYY-MM-DD, None when left empty, or ValueError saying what's wrong."""
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        day = date.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(
            f"The {what} “{single_line(cleaned)[:20]}” isn't a day on the calendar; "
            "use YYYY-MM-DD, like 2027-06-30."
        ) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"Pick a {what} between {FIRST_YEAR} and {LAST_YEAR}.")
    return day


def _day(value: object) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


# Who a milestone belongs to: a partner, or both of us. Any other value is one a
# later version added (a third owner kind), so the record is skipped as newer.
GoalOwner = Literal["a", "b", "us"]


@dataclass(frozen=True, slots=True)
class SupportAction:
    key: str  # short stable token within its goal
    text: str  # "how you can support me"


@dataclass(frozen=True, slots=True)
class Goal:
    id: str
    title: str
    owner: str = US  # US for a shared goal, "a" or "b" for one partner's own
    why: str = ""
    target: date | None = None
    reached: bool = False
    created: date | None = None
    support: tuple[SupportAction, ...] = ()

    @property
    def shared(self) -> bool:
        return self.owner == US

    def to_data(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "owner": self.owner,
            "why": self.why,
            "target": self.target.isoformat() if self.target else None,
            "reached": self.reached,
            "created": self.created.isoformat() if self.created else None,
            "support": [{"key": s.key, "text": s.text} for s in self.support],
        }

    @classmethod
    def from_data(cls, goal_id: str, data: Mapping[str, Any]) -> Self:
        """Lenient on purpose, unlike every other kind: a goal is a few words two people
        wrote, so each odd value reads as its nearest sense (the tests pin this) and a
        goal is never dropped from the list for one of them."""
        owner = data.get("owner", US)
        support = data.get("support") or []
        return cls(
            id=goal_id,
            title=str(data.get("title", "")) or "(untitled goal)",
            owner=owner if owner in (*PARTNERS, US) else US,
            why=str(data.get("why") or ""),
            target=_day(data.get("target")),
            reached=bool(data.get("reached", False)),
            created=_day(data.get("created")),
            support=tuple(
                SupportAction(str(s["key"]), str(s.get("text", "")))
                for s in support
                if isinstance(s, dict) and s.get("key")
            ),
        )

    def with_action(self, key: str, text: str) -> Goal:
        """One more way to help, or ValueError saying why not."""
        cleaned = clean_goal_title(text, "way to help")
        if len(self.support) >= MAX_ACTIONS:
            raise ValueError(f"A goal can list up to {MAX_ACTIONS} ways to help.")
        if cleaned.casefold() in {s.text.casefold() for s in self.support}:
            raise ValueError("That way to help is already on the list.")
        return replace(self, support=(*self.support, SupportAction(key, cleaned)))

    def without_action(self, key: str) -> Goal:
        return replace(self, support=tuple(s for s in self.support if s.key != key))


def goal_from_form(
    title: str,
    why: str,
    target: str,
    *,
    owner: str,
    goal_id: str,
    created: date,
    old: Goal | None = None,
) -> Goal:
    """The goal a form describes, as typed (a new one, or `old` changed), or ValueError
    with the sentence to show. The app's form and `rekindle goal add|edit` both ask here."""
    cleaned = clean_goal_title(title)
    reason = clean_why(why)
    by = parse_day_text(target, "target date")
    if old is not None:
        return replace(old, title=cleaned, why=reason, target=by)
    return Goal(goal_id, cleaned, owner, reason, by, created=created)


def change_refusal(goal: Goal, me: str, owner_name: str) -> str | None:
    """Why `me` may not change this goal (a partner's own goal is theirs), or None."""
    if goal.owner in (US, me):
        return None
    return f"That is {owner_name}'s own goal; {owner_name} can change it on their side."


def milestone_refusal(goal: Goal) -> str | None:
    """Milestones are steps on a shared goal's way; an own goal lists ways to help instead."""
    if goal.shared:
        return None
    return "Milestones go under shared goals; one person's own goal lists ways to help instead."


def milestone_id(goal_id: str, token: str) -> str:
    return f"milestone:{goal_id}:{token}"


@dataclass(frozen=True, slots=True)
class Milestone:
    id: str
    goal_id: str
    title: str
    due: date | None = None
    owner: str = US  # who takes it on: "a", "b" or US for both
    done: bool = False
    done_on: date | None = None
    done_by: str = ""

    def to_data(self) -> dict[str, Any]:
        return {
            "goal": self.goal_id,
            "title": self.title,
            "due": self.due.isoformat() if self.due else None,
            "owner": self.owner,
            "done": self.done,
            "done_on": self.done_on.isoformat() if self.done_on else None,
            "done_by": self.done_by,
        }

    @classmethod
    def from_data(cls, milestone: str, data: Mapping[str, Any]) -> Self:
        found = convert(data, MilestoneData)
        return cls(
            id=milestone,
            goal_id=found.goal,
            title=found.title or "(untitled milestone)",
            due=optional_day("due", found.due),
            owner=found.owner,
            done=found.done,
            done_on=optional_day("done_on", found.done_on),
            done_by=found.done_by or "",
        )

    def ticked(self, by: str, day: date) -> Milestone:
        """Ticked or unticked: a second tick takes it back."""
        if self.done:
            return replace(self, done=False, done_on=None, done_by="")
        return replace(self, done=True, done_on=day, done_by=by)


def milestone_from_form(
    title: str,
    due: str,
    owner: str,
    *,
    goal_id: str,
    new_id: str,
    old: Milestone | None = None,
) -> Milestone:
    """The milestone a form describes (new, or `old` changed), or ValueError saying why not.
    Anyone but a partner ("a", "b") takes it on together."""
    cleaned = clean_goal_title(title, "milestone")
    by = parse_day_text(due, "due date")
    who = owner if owner in PARTNERS else US
    if old is not None:
        return replace(old, title=cleaned, due=by, owner=who)
    return Milestone(new_id, goal_id, cleaned, by, who)


class MilestoneData(msgspec.Struct):
    goal: str
    title: str = ""
    due: MaybeDay = None
    owner: GoalOwner = US
    done: bool = False
    done_on: MaybeDay = None
    done_by: str | None = None


def ordered(milestones: Iterable[Milestone]) -> list[Milestone]:
    """Dated ones first by date, then the undated, each by title: a stable order."""
    return sorted(milestones, key=lambda m: (m.due is None, m.due or date.max, m.title, m.id))


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int
    share: float  # 0 to 1

    def text(self) -> str:
        return f"{self.done}/{self.total}" if self.total else ""


def progress(goal: Goal, milestones: Sequence[Milestone]) -> Progress:
    """Ticked milestones out of all of them; a goal marked reached is complete."""
    mine = [m for m in milestones if m.goal_id == goal.id]
    done = sum(1 for m in mine if m.done)
    if goal.reached:
        return Progress(done, len(mine), 1.0)
    return Progress(done, len(mine), done / len(mine) if mine else 0.0)


def progress_bar(share: float, width: int = 8) -> str:
    filled = round(max(0.0, min(1.0, share)) * width)
    return "▰" * filled + "▱" * (width - filled)


def due_milestones(milestones: Iterable[Milestone], day: date) -> list[Milestone]:
    """Open milestones due on or before ``day``, most overdue first."""
    return ordered(m for m in milestones if not m.done and m.due is not None and m.due <= day)


def due_text(due: date | None, today: date) -> str:
    if due is None:
        return ""
    days = (due - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"{due.day} {due:%b}" + ("" if due.year == today.year else f" {due.year}")


def due_words(due: date | None, today: date, *, done: bool = False) -> str:
    """ "due 3 Dec", or "overdue since 1 Oct" once the day has passed and it isn't done:
    a date in the past alone reads as if there were still time."""
    if due is None:
        return ""
    late = not done and due < today
    return f"{'overdue since' if late else 'due'} {due_text(due, today)}"


# -- what a goal can spawn -----------------------------------------------------


def habit_draft_for_goal(goal: Goal) -> HabitDraft:
    """A monthly, together habit to start from ("save 200 a month"); the form adjusts it."""
    return HabitDraft(
        title=goal.title[:MAX_TITLE],
        description=f"For our goal “{goal.title}”"[:200],
        area=Area.PRIORITIES,
        owner=Owner.TOGETHER if goal.shared else Owner(goal.owner),
        schedule=ScheduleKind.PER_MONTH,
        times="1",
    )


def habit_draft_for_support(
    goal: Goal, action: SupportAction, helper: str, name: str
) -> HabitDraft:
    """The helper's own weekly habit to start from: one of the ways to help."""
    return HabitDraft(
        title=action.text[:MAX_TITLE],
        description=f"Helping {name} with “{goal.title}”"[:200],
        area=Area.PRIORITIES,
        owner=Owner(helper),
        schedule=ScheduleKind.PER_WEEK,
        times="1",
    )


def planned_date(
    title: str, day_text: str, time_text: str, tz: str, minutes: int = DATE_MINUTES
) -> dict[str, Any]:
    """A simple planned date-night record, or ValueError with a sentence saying why not."""
    name = clean_goal_title(title, "date")
    day = parse_day_text(day_text, "day")
    if day is None:
        raise ValueError("Pick a day for the date, like 2026-12-12.")
    try:
        clock = datetime.strptime(time_text.strip() or "19:00", "%H:%M").time()
    except ValueError:
        raise ValueError("Write the time as HH:MM, like 19:30.") from None
    zone = ZoneInfo(tz)
    start = datetime.combine(day, clock, tzinfo=zone)
    # A wall-clock time the clocks skip (spring forward) does not survive the round trip.
    back = start.astimezone(ZoneInfo("UTC")).astimezone(zone)
    if back.replace(tzinfo=None) != start.replace(tzinfo=None):
        raise ValueError(
            f"{clock:%H:%M} doesn't happen on {day} in {tz}: the clocks go forward then. "
            "Pick another time."
        )
    return {
        "title": name,
        "start": start.strftime("%Y-%m-%dT%H:%M"),
        "tz": tz,
        "minutes": minutes,
        "kind": "date night",
        "status": "planned",
        "revision": 0,
    }


def default_date_day(today: date) -> date:
    """The coming Saturday (a week on, if today is Saturday): a gentle first suggestion."""
    ahead = (5 - today.weekday()) % 7 or 7
    return today + timedelta(days=ahead)
