"""Date nights, their evenings, ratings and the couple's own ideas, in the couple's folder.

Records (their kinds: tracker/domain/dates/kinds.py): a date (one per date or series,
edited by whoever plans it), its evenings' marks (``dateocc:<date id>:<day>``: what
happened to one evening), ratings (``daterating:<date id>:<day>:<person>``: each
partner's own), and the couple's own ideas for the jar.

Nothing here writes a calendar file: the feed is derived from both partners'
records, so it lives on each device, outside the shared folder, and the export
layer keeps it current (tracker.export.feed).
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, date, datetime

from tracker.domain.calendar import CalendarEvent
from tracker.domain.content.ideas import IdeaKind, find_idea
from tracker.domain.dates.input import DateDraft, date_from_draft
from tracker.domain.dates.jar import JarIdea, jar, recently_used, surprise

# The date kinds, also read as dates.DATE (and so on) by screens, commands and tests.
from tracker.domain.dates.kinds import DATE as DATE
from tracker.domain.dates.kinds import IDEA as IDEA
from tracker.domain.dates.kinds import OCCURRENCE as OCCURRENCE
from tracker.domain.dates.kinds import RATING as RATING
from tracker.domain.dates.model import (
    DateNight,
    Mark,
    Marks,
    Occurrence,
    calendar_event,
    marks_by_date,
    occurrence_id,
    occurrence_on,
)
from tracker.domain.dates.records import DateStatus
from tracker.domain.dates.views import QualityTime, Rating, agenda_lines, quality_time
from tracker.domain.models import Fulfilment
from tracker.store.couple import Change, Couple, NotSetUp
from tracker.store.links import tick_fulfilled
from tracker.store.records import stamp_millis

# -- reading ----------------------------------------------------------------------


def couple_tz(couple: Couple) -> str:
    """The couple's time zone: partner A's, unless a date says otherwise."""
    return couple.person("a").tz


def dates(couple: Couple) -> list[DateNight]:
    found: list[DateNight] = couple.objects(DATE)  # a damaged or foreign one is skipped, named
    return found


def find_date(couple: Couple, date_id: str) -> DateNight | None:
    record = couple.record(date_id)
    if record is None or record.kind != DATE:
        return None
    found: list[DateNight] = couple.as_objects([record])
    return found[0] if found else None


def marks(couple: Couple) -> dict[str, dict[date, Mark]]:
    return marks_by_date(couple.objects(OCCURRENCE))


def ratings(couple: Couple) -> dict[tuple[str, date], dict[str, Rating]]:
    """(date id, day) → person → rating."""
    found: dict[tuple[str, date], dict[str, Rating]] = {}
    rating: Rating
    for rating in couple.objects(RATING):
        found.setdefault((rating.date_id, rating.day), {})[rating.person] = rating
    return found


def own_ideas(couple: Couple) -> list[JarIdea]:
    found: list[JarIdea] = couple.objects(IDEA)
    return found


def idea_jar(couple: Couple) -> list[JarIdea]:
    return jar(own_ideas(couple))


def find_jar_idea(couple: Couple, key: str) -> JarIdea | None:
    built_in = find_idea(key)
    if built_in is not None:
        return JarIdea.of(built_in)
    return next((idea for idea in own_ideas(couple) if idea.key == key), None)


def occurrence(couple: Couple, dn: DateNight, day: date) -> Occurrence | None:
    return occurrence_on(dn, marks(couple).get(dn.id, {}), day)


# -- writing ----------------------------------------------------------------------


def new_date(couple: Couple, draft: DateDraft) -> DateNight:
    """A date from a form or the command line (ValueError says what to fix)."""
    return date_from_draft(draft, Couple.new_id(DATE), couple_tz(couple), couple.me)


def edited_date(couple: Couple, old: DateNight, draft: DateDraft) -> DateNight:
    """The edit of a date: same id, revision one higher, still cancelled if it was."""
    fresh = date_from_draft(draft, old.id, couple_tz(couple), old.by, old.revision + 1)
    return replace(fresh, cancelled=old.cancelled)


def save_date(couple: Couple, dn: DateNight, description: str = "") -> Change:
    return couple.put_record(DATE, dn.id, dn.to_data(), description or f"Saved “{dn.title}”")


def call_off_series(couple: Couple, dn: DateNight, cancelled: bool = True) -> Change:
    """The whole date (every evening of a series) called off, or back on."""
    verb = "Called off" if cancelled else "Back on:"
    return save_date(couple, dn.edited(cancelled=cancelled), f"{verb} “{dn.title}”")


def set_status(couple: Couple, dn: DateNight, day: date, status: DateStatus) -> Change:
    """Mark one evening done, called off or planned again."""
    if occurrence(couple, dn, day) is None:
        raise ValueError(f"“{dn.title}” isn't on {day:%A %d %B %Y}.")
    record = couple.record(occurrence_id(dn.id, day))
    is_mark = record is not None and record.kind == OCCURRENCE
    before: list[Mark] = couple.as_objects([record]) if record and is_mark else []
    revision = before[0].revision + 1 if before else 1
    mark = Mark(dn.id, day, status, revision)
    words = {DateStatus.DONE: "Done", DateStatus.CANCELLED: "Called off"}
    what = f"{words.get(status, 'Planned again')}: “{dn.title}” on {day:%d %b}"
    return couple.put_record(OCCURRENCE, mark.id, mark.to_data(), what)


def rate(
    couple: Couple, dn: DateNight, day: date, stars: int, memory: str, now: datetime
) -> list[Change]:
    """My rating and memory line of an evening that has happened (marked done if it wasn't)."""
    found = occurrence(couple, dn, day)
    if found is None:
        raise ValueError(f"“{dn.title}” isn't on {day:%A %d %B %Y}.")
    if found.status is DateStatus.CANCELLED:
        raise ValueError("That evening was called off; there is nothing to rate.")
    if found.start_at > now:
        raise ValueError("That one hasn't happened yet; rate it afterwards.")
    changes = []
    if found.status is not DateStatus.DONE:
        changes.extend(_done(couple, dn, day))
    rating = Rating(dn.id, day, couple.me, stars, memory)
    what = f"Rated “{dn.title}”"
    changes.append(couple.put_record(RATING, rating.id, rating.to_data(), what))
    return changes


def mark_done(couple: Couple, dn: DateNight, day: date, now: datetime) -> list[Change]:
    """The evening marked done, and the habits a date night does for us ticked that day
    (store/links.py): one save, when the caller holds `Store.together()`."""
    found = occurrence(couple, dn, day)
    if found is None:
        raise ValueError(f"“{dn.title}” isn't on {day:%A %d %B %Y}.")
    if found.start_at > now:
        raise ValueError("That one hasn't happened yet; mark it done afterwards.")
    return _done(couple, dn, day)


def _done(couple: Couple, dn: DateNight, day: date) -> list[Change]:
    marked = set_status(couple, dn, day, DateStatus.DONE)
    return [marked, *tick_fulfilled(couple, Fulfilment.DATE, day)]


def delete_date(couple: Couple, dn: DateNight) -> Change | None:
    return couple.delete_record(dn.id, f"Deleted “{dn.title}”")


def add_idea(couple: Couple, idea: JarIdea) -> Change:
    return couple.put_record(IDEA, idea.key, idea.to_data(), f"Added “{idea.title}” to the jar")


def delete_idea(couple: Couple, idea: JarIdea) -> Change | None:
    if not idea.own:
        raise ValueError("Our own ideas stay in the jar; you can delete the ones you added.")
    return couple.delete_record(idea.key, f"Took “{idea.title}” out of the jar")


def surprise_me(
    couple: Couple, today: date, kind: IdeaKind | None = None, rng: random.Random | None = None
) -> JarIdea | None:
    """One idea from the jar, not one done (or planned) lately."""
    everything = dates(couple)
    used = recently_used(everything, marks(couple), today)
    return surprise(idea_jar(couple), used, rng or random.Random(), kind)


# -- views ------------------------------------------------------------------------


def quality(couple: Couple, today: date) -> QualityTime:
    return quality_time(dates(couple), marks(couple), today)


def agenda(couple: Couple, day: date) -> list[str]:
    """Lines for the Today screen's "also today" box: tonight's date, a getaway."""
    try:
        my_tz = couple.person(couple.me).tz
    except NotSetUp:
        return []
    return agenda_lines(dates(couple), marks(couple), day, my_tz)


# -- the calendar -------------------------------------------------------------------


def _changed_at(couple: Couple, *record_ids: str) -> datetime:
    millis = [stamp_millis(r.stamp) for i in record_ids if (r := couple.record(i)) is not None]
    return datetime.fromtimestamp(max(millis, default=0) // 1000, UTC)


def calendar_events(couple: Couple) -> list[CalendarEvent]:
    """Every date as a calendar event, called-off ones included, in a stable order."""
    by_date = marks(couple)
    events = []
    for dn in dates(couple):
        own: Marks = by_date.get(dn.id, {})
        changed = _changed_at(couple, dn.id, *(mark.id for mark in own.values()))
        events.append(calendar_event(dn, own, changed))
    return sorted(events, key=lambda event: event.uid)
