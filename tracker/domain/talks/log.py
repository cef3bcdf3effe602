"""The log of your talks: what each of you heard, what you agreed, what came of it.

Each of you writes your own note on a talk (topic, what I heard, what we
agreed, the prompt), and every follow-up is its own record, so the two of
you never write the same record at once: logging on two laptops, offline,
loses nothing. Where both of you wrote a topic, yours shows first. A
follow-up can become a habit or a promise (in the promises feature's shape).

Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

import msgspec

from tracker.domain.talks.model import Occurrence, Slot
from tracker.domain.talks.records import Status
from tracker.domain.text import clean_line, strip_controls
from tracker.domain.validation import IsoDay, convert, valid_day

MAX_TOPIC = 200
MAX_LOG_TEXT = 2000
MAX_FOLLOWUP = 200
MAX_FOLLOWUPS = 10


def clean_text(text: str, what: str, *, required: bool = False) -> str:
    """A few lines of notes: controls dropped (newlines kept), length checked."""
    kept = strip_controls(text).strip()
    if required and not kept:
        raise ValueError(f"“{what}” is empty; write a few words, or leave it out.")
    if len(kept) > MAX_LOG_TEXT:
        raise ValueError(
            f"“{what}” can hold up to {MAX_LOG_TEXT:,} characters; this has "
            f"{len(kept):,}. Shorten it a little."
        )
    return kept


def clean_followups(lines: Iterable[str]) -> list[str]:
    found = [clean_line(line, "follow-up", MAX_FOLLOWUP, required=False) for line in lines]
    found = [line for line in found if line]
    if len(found) > MAX_FOLLOWUPS:
        raise ValueError(
            f"Pick the {MAX_FOLLOWUPS} follow-ups that matter most; the rest can wait."
        )
    return found


def note_id(slot_id: str, day: date, person: str) -> str:
    return f"talknote:{slot_id}:{day.isoformat()}:{person}"


@dataclass(frozen=True, slots=True)
class Note:
    """One person's notes on one talk."""

    slot_id: str
    day: date
    person: str
    topic: str = ""
    heard: str = ""  # what I heard my partner say, in my words
    agreed: str = ""
    prompt: str = ""  # the key of the prompt we used, if any

    @property
    def id(self) -> str:
        return note_id(self.slot_id, self.day, self.person)

    def to_data(self) -> dict[str, Any]:
        return {
            "slot": self.slot_id,
            "day": self.day.isoformat(),
            "person": self.person,
            "topic": self.topic,
            "heard": self.heard,
            "agreed": self.agreed,
            "prompt": self.prompt,
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Note:
        found = convert(data, NoteData)
        day = valid_day("day", found.day)
        return cls(
            found.slot, day, found.person, found.topic, found.heard, found.agreed, found.prompt
        )


class NoteData(msgspec.Struct):
    slot: str
    day: IsoDay
    person: str
    topic: str = ""
    heard: str = ""
    agreed: str = ""
    prompt: str = ""


@dataclass(frozen=True, slots=True)
class Followup:
    id: str
    slot_id: str
    day: date
    text: str
    by: str
    became: str = ""  # the habit or promise id it turned into

    def to_data(self) -> dict[str, Any]:
        return {
            "slot": self.slot_id,
            "day": self.day.isoformat(),
            "text": self.text,
            "by": self.by,
            "became": self.became,
        }

    @classmethod
    def from_data(cls, followup_id: str, data: Mapping[str, Any]) -> Followup:
        found = convert(data, FollowupData)
        day = valid_day("day", found.day)
        return cls(followup_id, found.slot, day, found.text, found.by, found.became)


class FollowupData(msgspec.Struct):
    slot: str
    day: IsoDay
    text: str = ""
    by: str = ""
    became: str = ""


def promise_data(text: str, by: str, to: str, due: date, made: date) -> dict[str, Any]:
    """A promise in the shape the promises feature reads."""
    return {
        "text": text,
        "by": by,
        "to": to,
        "due": due.isoformat(),
        "status": "open",
        "made": made.isoformat(),
    }


# --- the log ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LogEntry:
    occurrence: Occurrence
    title: str
    when: datetime  # naive local: when it was (moved or original)
    notes: dict[str, Note] = field(default_factory=dict)  # person → their note
    followups: tuple[Followup, ...] = ()

    @property
    def day(self) -> date:
        return self.occurrence.day

    def first(self, what: str, me: str) -> str:
        """My ``topic`` / ``agreed`` / ``prompt`` if I wrote one, else my partner's."""
        ordered = sorted(self.notes.values(), key=lambda n: n.person != me)
        return next((getattr(n, what) for n in ordered if getattr(n, what)), "")


def history(
    occurrences_found: Iterable[Occurrence],
    slots_by_id: Mapping[str, Slot],
    notes: Iterable[Note],
    followups: Iterable[Followup],
) -> list[LogEntry]:
    """Held and skipped talks (and any with notes), newest first, with what was written."""
    by_meeting: dict[tuple[str, date], list[Followup]] = {}
    for followup in followups:
        by_meeting.setdefault((followup.slot_id, followup.day), []).append(followup)
    noted: dict[tuple[str, date], dict[str, Note]] = {}
    for note in notes:
        noted.setdefault((note.slot_id, note.day), {})[note.person] = note
    found = {(o.slot_id, o.day): o for o in occurrences_found}
    for key in noted:
        found.setdefault(key, Occurrence(key[0], key[1], Status.HELD))
    entries = []
    for key, occurrence in found.items():
        if occurrence.status is Status.PLANNED and key not in noted:
            continue
        slot = slots_by_id.get(occurrence.slot_id)
        title = slot.title if slot else "A talk"
        at = slot.start.time() if slot else time(0)
        when = occurrence.moved_to or datetime.combine(occurrence.day, at)
        entries.append(
            LogEntry(
                occurrence,
                title,
                when,
                dict(noted.get(key, {})),
                tuple(sorted(by_meeting.get(key, []), key=lambda f: f.id)),
            )
        )
    return sorted(entries, key=lambda e: (e.when, e.occurrence.slot_id), reverse=True)
