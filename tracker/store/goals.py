"""Goals, values, vision and priorities in the couple's folder.

Record ids are chosen so the two of you never need to edit one record at
the same time:

* ``values:<person>``, ``vision:<person>:<area>:<years>`` and
  ``priorities:<person>:<YYYY-MM>`` are each written only by that person;
* ``goal:<id>`` is a goal; a shared goal may be edited by either of you (last
  edit wins, as anyone would expect of a title or a date);
* ``milestone:<goal-id>:<token>`` are separate records, so ticking one never
  overwrites a tick on another;
* ``support-taken:<goal-id>:<action>`` is written by the partner who took a
  way to help on as a habit, and ``goal-link:<goal-id>:<target>`` ties a
  goal to the habits and dates it started.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any, TypeGuard

from tracker.domain.content.values import LIFE_AREAS
from tracker.domain.dates.kinds import DATE
from tracker.domain.goals.alignment import Alignment, align
from tracker.domain.goals.kinds import (
    GOAL,
    GOAL_PARTS,
    LINK,
    MILESTONE,
    PRIORITIES,
    SETTINGS,
    SUPPORT_TAKEN,
    VALUES,
    VISION,
)
from tracker.domain.goals.model import (
    Goal,
    Milestone,
    SupportAction,
    due_milestones,
    due_words,
    milestone_id,
)
from tracker.domain.goals.priorities import (
    REVIEW_EVERY,
    Review,
    clean_priorities,
    month_key,
    review_due,
)
from tracker.domain.goals.values import HORIZONS, Answers, clean_ranking
from tracker.domain.kinds import HABIT
from tracker.domain.models import Habit
from tracker.domain.text import count
from tracker.store.couple import Change, Couple
from tracker.store.records import Record

SETTINGS_ID = SETTINGS  # one record for the couple, its id its kind
AGENDA_LINES = 4


def token() -> str:
    return uuid.uuid4().hex[:12]


# -- values and vision -----------------------------------------------------------


def values_of(couple: Couple, person: str) -> list[str]:
    record = couple.record(f"{VALUES}:{person}")
    if record is None or record.deleted:
        return []
    ranked = record.data.get("ranked")
    return clean_ranking(ranked if isinstance(ranked, list) else [])


def save_values(couple: Couple, person: str, ranked: Sequence[str]) -> Change:
    cleaned = clean_ranking(ranked)
    return couple.put_record(
        VALUES,
        f"{VALUES}:{person}",
        {"person": person, "ranked": cleaned},
        f"Saved {couple.name_of(person)}'s values",
    )


def vision_id(person: str, area: str, years: int) -> str:
    return f"vision:{person}:{area}:{years}"


def vision_of(couple: Couple, person: str) -> dict[tuple[str, int], str]:
    found = {}
    for area in LIFE_AREAS:
        for years in HORIZONS:
            record = couple.record(vision_id(person, area, years))
            if record is not None and not record.deleted:
                text = record.data.get("text")
                if isinstance(text, str) and text.strip():
                    found[(area, years)] = text
    return found


def save_vision(couple: Couple, person: str, area: str, texts: dict[int, str]) -> list[Change]:
    """Write the horizons that changed; an emptied one is deleted. Texts are cleaned already."""
    changes: list[Change] = []
    current = vision_of(couple, person)
    for years in HORIZONS:
        text = texts.get(years, "")
        if text == current.get((area, years), ""):
            continue
        record_id = vision_id(person, area, years)
        label = f"{area} in {count(years, 'year')}"
        if text:
            data = {"person": person, "area": area, "years": years, "text": text}
            changes.append(couple.put_record(VISION, record_id, data, f"Saved {label}"))
        else:
            change = couple.delete_record(record_id, f"Cleared {label}")
            if change is not None:
                changes.append(change)
    return changes


def save_one_vision(couple: Couple, person: str, area: str, years: int, text: str) -> list[Change]:
    """One horizon of one area (cleaned already); the area's other horizons stay as they are."""
    texts = {y: t for (a, y), t in vision_of(couple, person).items() if a == area}
    texts[years] = text
    return save_vision(couple, person, area, texts)


def answers(couple: Couple, person: str) -> Answers:
    return Answers(
        couple.name_of(person), tuple(values_of(couple, person)), vision_of(couple, person)
    )


def alignment(couple: Couple) -> Alignment:
    """Me first, then my partner: the screen reads "you" on the left."""
    return align(answers(couple, couple.me), answers(couple, couple.partner_key))


# -- goals and milestones --------------------------------------------------------


def goals(couple: Couple) -> list[Goal]:
    found: list[Goal] = couple.objects(GOAL)  # a damaged one from a partner's file is skipped
    return sorted(
        found,
        key=lambda g: (g.reached, g.target is None, g.target or date.max, g.title.casefold()),
    )


def goal(couple: Couple, goal_id: str) -> Goal | None:
    record = couple.record(goal_id)
    if record is None or record.deleted or record.kind != GOAL:
        return None
    found: list[Goal] = couple.as_objects([record])
    return found[0] if found else None


def save_goal(couple: Couple, new: Goal) -> Change:
    return couple.put_record(GOAL, new.id, new.to_data(), f"Saved “{new.title}”")


def milestones(couple: Couple) -> list[Milestone]:
    found: list[Milestone] = couple.objects(MILESTONE)
    return found


def new_milestone_id(goal_id: str) -> str:
    return milestone_id(goal_id, token())


def save_milestone(couple: Couple, milestone: Milestone, description: str = "") -> Change:
    return couple.put_record(
        MILESTONE, milestone.id, milestone.to_data(), description or f"Saved “{milestone.title}”"
    )


def _records_of_goal(couple: Couple, goal_id: str) -> list[Record]:
    found = []
    for kind in GOAL_PARTS:
        found += [r for r in couple.records(kind) if r.id.startswith(f"{kind}:{goal_id}:")]
    return found


def delete_goal(couple: Couple, goal_id: str) -> list[Change]:
    """The goal and its milestones and links; the habits and dates it started stay.

    The goal's own change comes first, so undo names it ("Undone: Deleted “...”").
    """
    record = couple.record(goal_id)
    title = str(record.data.get("title", "")) if record else ""
    changes = []
    for record_id in [goal_id, *(r.id for r in _records_of_goal(couple, goal_id))]:
        change = couple.delete_record(record_id, f"Deleted “{title}”")
        if change is not None:
            changes.append(change)
    return changes


def delete_milestone(couple: Couple, milestone: Milestone) -> Change | None:
    return couple.delete_record(milestone.id, f"Deleted “{milestone.title}”")


# -- what goals spawn ------------------------------------------------------------


def links(couple: Couple, goal_id: str) -> list[tuple[str, str]]:
    """(what, title) of the live habits and dates this goal started."""
    found = []
    for record in couple.records(LINK):
        if record.data.get("goal") != goal_id:
            continue
        target = couple.record(str(record.data.get("target", "")))
        if target is not None and not target.deleted:
            found.append((str(record.data.get("what", "")), str(target.data.get("title", ""))))
    return found


def _link(couple: Couple, goal_id: str, target: str, what: str) -> Change:
    data = {"goal": goal_id, "target": target, "what": what}
    return couple.put_record(LINK, f"{LINK}:{goal_id}:{target}", data, "Linked")


def habit_for_goal(couple: Couple, goal_id: str, habit: Habit) -> list[Change]:
    """Save a habit a goal started; undo takes back both."""
    return [couple.save_habit(habit), _link(couple, goal_id, habit.id, HABIT)]


def plan_date(couple: Couple, goal_id: str, data: dict[str, Any]) -> list[Change]:
    date_id = Couple.new_id(DATE)
    saved = couple.put_record(DATE, date_id, data, f"Planned “{data['title']}”")
    return [saved, _link(couple, goal_id, date_id, DATE)]


def taken_on(couple: Couple) -> dict[tuple[str, str], tuple[str, str]]:
    """(goal id, action key) → (who took it on, habit title), while the habit is there."""
    found = {}
    for record in couple.records(SUPPORT_TAKEN):
        habit = couple.habit(str(record.data.get("habit", "")))
        if habit is not None and not habit.archived:
            key = (str(record.data.get("goal", "")), str(record.data.get("action", "")))
            found[key] = (str(record.data.get("by", "")), habit.title)
    return found


def take_on(couple: Couple, goal_id: str, action: SupportAction, habit: Habit) -> list[Change]:
    """The helper's habit and the note that it answers this way to help."""
    data = {"goal": goal_id, "action": action.key, "habit": habit.id, "by": couple.me}
    return [
        couple.save_habit(habit),
        couple.put_record(
            SUPPORT_TAKEN,
            f"{SUPPORT_TAKEN}:{goal_id}:{action.key}",
            data,
            f"Took on “{action.text}”",
        ),
    ]


# -- priorities --------------------------------------------------------------------


def _is_month(value: object) -> TypeGuard[str]:
    return (
        isinstance(value, str)
        and re.fullmatch(r"\d{4}-\d{2}", value) is not None
        and 1 <= int(value[5:]) <= 12
    )


def reviews(couple: Couple, person: str) -> list[Review]:
    found = []
    for record in couple.records(PRIORITIES):
        month = record.data.get("month")
        if record.data.get("person") != person or not _is_month(month):
            continue
        ranked = record.data.get("ranked")
        found.append(
            Review(
                person, month, tuple(clean_priorities(ranked if isinstance(ranked, list) else []))
            )
        )
    return sorted(found, key=lambda r: r.month)


def save_review(couple: Couple, person: str, day: date, ranked: Sequence[str]) -> Change:
    month = month_key(day)
    data = {"person": person, "month": month, "ranked": clean_priorities(ranked)}
    return couple.put_record(
        PRIORITIES, f"{PRIORITIES}:{person}:{month}", data, "Saved the priorities review"
    )


def review_every(couple: Couple) -> int:
    record = couple.record(SETTINGS_ID)
    every = record.data.get("review_every") if record and not record.deleted else None
    return every if isinstance(every, int) and every in REVIEW_EVERY else REVIEW_EVERY[0]


def set_review_every(couple: Couple, months: int) -> Change:
    if months not in REVIEW_EVERY:
        raise ValueError(f"Pick one of {', '.join(map(str, REVIEW_EVERY))} months.")
    return couple.put_record(
        SETTINGS_ID, SETTINGS_ID, {"review_every": months}, "Changed how often to review"
    )


# -- Today -------------------------------------------------------------------------


def agenda(couple: Couple, day: date) -> list[str]:
    """Milestones due by this day, and my priorities review once it comes round again."""
    open_goals = {g.id: g for g in goals(couple) if not g.reached}
    due = [m for m in due_milestones(milestones(couple), day) if m.goal_id in open_goals]
    lines = []
    for m in due[:AGENDA_LINES]:
        who = "" if m.owner not in ("a", "b") else f" for {couple.name_of(m.owner)}"
        when = due_words(m.due, day)
        lines.append(f"Milestone{who} {when}: {m.title} (goal: {open_goals[m.goal_id].title})")
    if len(due) > AGENDA_LINES:
        lines.append(f"…and {count(len(due) - AGENDA_LINES, 'more milestone')} on Goals (6)")
    mine = reviews(couple, couple.me)
    if mine and review_due(mine, day, review_every(couple)):
        lines.append("Your priorities review has come round again (Goals, 6)")
    return lines
