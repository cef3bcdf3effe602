"""One good record per kind declared in the second pass of issue 15, and the bad versions
of it: an option this version does not know (from a newer Rekindle) or a value no person
could mean (damaged). Each names the store listing a screen reads it through."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from tests.store.unfit_cases import DAMAGED, NEWER
from tracker.store import checkins, daily, dates, goals, lovemap, talks
from tracker.store.couple import Couple

Listed = Callable[[Couple], Collection[str]]  # what a screen shows of the kind, as keys
DAY = "2026-11-04"
RATINGS = {"communication": 4, "conflict": 3, "quality time": 5}
RATINGS |= {"priorities": 4, "trust": 5, "closeness": 4}


@dataclass(frozen=True)
class KindCase:
    kind: str
    record_id: str
    good: dict[str, Any]
    listed: Listed
    key: str  # what `listed` holds for the good record


def _ids(items: Collection[Any]) -> set[str]:
    return {item.id for item in items}


CASES = {
    c.kind: c
    for c in (
        KindCase(
            "appreciation",
            "appreciation:x1",
            {"by": "b", "to": "a", "day": DAY, "text": "Thanks for dinner"},
            lambda c: _ids(checkins.appreciations(c)),
            "appreciation:x1",
        ),
        KindCase(
            "checkin",
            "checkin:b:2026-W45",
            {"person": "b", "week": "2026-W45", "ratings": RATINGS, "day": DAY},
            lambda c: _ids(checkins.all_checkins(c)),
            "checkin:b:2026-W45",
        ),
        KindCase(
            "repair",
            "repair:x1",
            {"by": "b", "to": "a", "day": DAY, "apology": "Sorry", "change": "Listen"},
            lambda c: _ids(checkins.repairs(c)),
            "repair:x1",
        ),
        KindCase(
            "promise",
            "promise:x1",
            {"text": "Call Mum", "by": "b", "to": "a", "due": DAY, "status": "open"},
            lambda c: _ids(checkins.promises(c)),
            "promise:x1",
        ),
        KindCase(
            "goal",
            "goal:x1",
            {"title": "Save up", "owner": "us", "target": "2027-06-01"},
            lambda c: _ids(goals.goals(c)),
            "goal:x1",
        ),
        KindCase(
            "milestone",
            "milestone:goal:x1:m1",
            {"goal": "goal:x1", "title": "First 100", "due": "2027-01-01", "owner": "b"},
            lambda c: _ids(goals.milestones(c)),
            "milestone:goal:x1:m1",
        ),
        KindCase(
            "date",
            "date:x1",
            {"title": "Tapas", "tz": "UTC", "start": "2026-11-06T19:30", "kind": "date night"},
            lambda c: _ids(dates.dates(c)),
            "date:x1",
        ),
        KindCase(
            "date-occurrence",
            "dateocc:date:x1:2026-11-04",
            {"date": "date:x1", "day": DAY, "status": "done"},
            lambda c: {m.id for by_day in dates.marks(c).values() for m in by_day.values()},
            "dateocc:date:x1:2026-11-04",
        ),
        KindCase(
            "date-rating",
            "daterating:date:x1:2026-11-04:b",
            {"date": "date:x1", "day": DAY, "person": "b", "stars": 4},
            lambda c: {f"{d}|{day}|{p}" for (d, day), by in dates.ratings(c).items() for p in by},
            "date:x1|2026-11-04|b",
        ),
        KindCase(
            "idea",
            "idea:x1",
            {"title": "Picnic", "kind": "out", "minutes": 90, "cost": 1},
            lambda c: {i.key for i in dates.own_ideas(c)},
            "idea:x1",
        ),
        KindCase(
            "talk",
            "talk:x1",
            {"title": "Sunday talk", "start": "2026-11-08T18:00", "minutes": 45, "tz": "UTC"},
            lambda c: _ids(talks.slots(c, include_cancelled=True)),
            "talk:x1",
        ),
        KindCase(
            "talk-occurrence",
            "talkocc:talk:x1:2026-11-04",
            {"slot": "talk:x1", "day": DAY, "status": "held", "by": "b"},
            lambda c: {talks.occurrence(c, "talk:x1", date(2026, 11, 4)).status.value},
            "held",
        ),
        KindCase(
            "talk-note",
            "talknote:talk:x1:2026-11-04:b",
            {"slot": "talk:x1", "day": DAY, "person": "b", "topic": "Money"},
            lambda c: {n.topic for n in talks.notes(c)},
            "Money",
        ),
        KindCase(
            "talk-followup",
            "talkfollowup:x1",
            {"slot": "talk:x1", "day": DAY, "text": "Book a table", "by": "b"},
            lambda c: _ids(talks.followups(c)),
            "talkfollowup:x1",
        ),
        KindCase(
            "prompt-pref",
            "prompt-pref:b:lovemaps-1",
            {"favourite": True, "hidden": False},
            lambda c: set(talks.prefs(c)["b"]),
            "lovemaps-1",
        ),
        KindCase(
            "daily-asked",
            "dailyasked:2026-11-04:sams-laptop",
            {"day": DAY, "person": "b", "key": "daily-002", "device": "sams-laptop"},
            lambda c: set(daily.asked_days(c).values()),
            "daily-002",
        ),
        KindCase(
            "daily-answer",
            "dailyanswer:2026-11-04:b",
            {"day": DAY, "person": "b", "key": "daily-002", "text": "[b]Soup[/b]"},
            lambda c: {a.text for a in daily.answers(c)},
            "[b]Soup[/b]",
        ),
        KindCase(
            "daily-hidden",
            "dailyhidden:b:daily-002",
            {"person": "b", "key": "daily-002"},
            daily.hidden,
            "daily-002",
        ),
        KindCase(
            "lovemap-round",
            "lovemapround:1:sams-laptop",
            {
                "n": 1,
                "started": DAY,
                "person": "b",
                "keys": ["lovemap-001", "lovemap-002"],
                "device": "sams-laptop",
            },
            lambda c: {f"round {r.n}" for r in lovemap.rounds(c)},
            "round 1",
        ),
        KindCase(
            "lovemap-answer",
            "lovemapanswer:1:b:lovemap-001",
            {"n": 1, "person": "b", "key": "lovemap-001", "text": "[b]Soup[/b]"},
            lambda c: {e.answer for e in lovemap.entries(c)},
            "[b]Soup[/b]",
        ),
        KindCase(
            "lovemap-guess",
            "lovemapguess:1:b:lovemap-001",
            {"n": 1, "person": "b", "key": "lovemap-001", "text": "Tea"},
            lambda c: {e.guess for e in lovemap.entries(c)},
            "Tea",
        ),
        KindCase(
            "lovemap-mark",
            "lovemapmark:1:b:lovemap-001",
            {"n": 1, "person": "b", "key": "lovemap-001", "verdict": "close"},
            lambda c: {str(e.verdict) for e in lovemap.entries(c)},
            "close",
        ),
        KindCase(
            "lovemap-hidden",
            "lovemaphidden:b:lovemap-001",
            {"person": "b", "key": "lovemap-001"},
            lovemap.hidden,
            "lovemap-001",
        ),
    )
}

# (kind, case name, changes to the good data, field doctor names, reason)
BAD_KINDS: list[tuple[str, str, dict[str, Any], str, str]] = [
    ("appreciation", "day 31 Nov", {"day": "2026-11-31"}, "day", DAMAGED),
    ("checkin", "rating 6", {"ratings": {**RATINGS, "trust": 6}}, "ratings.trust", DAMAGED),
    ("checkin", "week 60", {"week": "2026-W60"}, "week", DAMAGED),
    ("repair", "year 1", {"day": "0001-11-04"}, "day", DAMAGED),
    ("promise", "status", {"status": "postponed"}, "status", NEWER),
    ("promise", "due", {"due": "soon"}, "due", DAMAGED),
    ("milestone", "owner", {"owner": "kids"}, "owner", NEWER),
    ("milestone", "done_on", {"done_on": "9999-01-01"}, "done_on", DAMAGED),
    ("date", "kind", {"kind": "concert"}, "kind", NEWER),
    ("date", "minutes", {"minutes": 10**9}, "minutes", DAMAGED),
    ("date", "days", {"days": 400}, "days", DAMAGED),
    (
        "date",
        "interval 0",
        {"repeat": {"freq": "weekly", "interval": 0}},
        "repeat.interval",
        DAMAGED,
    ),
    ("date", "repeat freq", {"repeat": {"freq": "yearly"}}, "repeat.freq", NEWER),
    ("date", "zone", {"tz": "Mars/Olympus"}, "tz", DAMAGED),
    ("date-occurrence", "status", {"status": "postponed"}, "status", NEWER),
    ("date-rating", "stars", {"stars": "many"}, "stars", DAMAGED),
    ("idea", "kind", {"kind": "spa"}, "kind", NEWER),
    ("idea", "cost", {"cost": 99}, "cost", DAMAGED),
    ("talk", "start", {"start": "3000-01-01T18:00"}, "start", DAMAGED),
    ("talk", "minutes", {"minutes": "long"}, "minutes", DAMAGED),
    ("talk-occurrence", "status", {"status": "rescheduled"}, "status", NEWER),
    ("talk-occurrence", "moved_to", {"moved_to": "2026-13-01T10:00"}, "moved_to", DAMAGED),
    ("talk-note", "day", {"day": "2026-11-04x"}, "day", DAMAGED),
    ("talk-followup", "text", {"text": 42}, "text", DAMAGED),
    ("prompt-pref", "favourite", {"favourite": "maybe"}, "favourite", DAMAGED),
    ("daily-asked", "day", {"day": "2026-02-30"}, "day", DAMAGED),
    ("daily-asked", "person", {"person": "c"}, "person", NEWER),
    ("daily-answer", "huge", {"text": "x" * 1001}, "text", DAMAGED),
    ("daily-answer", "text", {"text": ["a", "b"]}, "text", NEWER),
    ("daily-answer", "key", {"key": ""}, "key", DAMAGED),
    ("daily-hidden", "key", {"key": 7}, "key", DAMAGED),
    ("lovemap-round", "round 0", {"n": 0}, "n", DAMAGED),
    ("lovemap-round", "keys", {"keys": ["lovemap-001"] * 21}, "keys", DAMAGED),
    ("lovemap-answer", "huge", {"text": "x" * 201}, "text", DAMAGED),
    ("lovemap-answer", "empty", {"text": ""}, "text", DAMAGED),
    ("lovemap-guess", "person", {"person": "c"}, "person", NEWER),
    ("lovemap-mark", "verdict", {"verdict": "maybe"}, "verdict", NEWER),
    ("lovemap-hidden", "key", {"key": ""}, "key", DAMAGED),
]
