"""Deep conversations in the couple's folder: slots, meetings, the log and the prompts.

Records (all in core.json):

* ``talk:<uuid>``: a slot (``Slot.to_data``), in partner A's zone unless it says.
* ``talkocc:<slot>:<YYYY-MM-DD>``: one meeting, by its original date.
* ``talknote:<slot>:<YYYY-MM-DD>:<person>``: that person's notes (topic, heard, agreed).
* ``talk-followup:<uuid>``: one follow-up; ``became`` names a habit or promise.
* prompt preferences, uses, this week's prompt and own prompts: see
  ``tracker.domain.talks.prompts``.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any, TypedDict

import msgspec

from tracker.domain.calendar import NO_REMINDER, CalendarEvent, Reminder
from tracker.domain.checkin.kinds import PROMISE as PROMISE
from tracker.domain.content.prompts import Depth, Prompt, Theme, find_prompt
from tracker.domain.models import Fulfilment, Habit
from tracker.domain.talks import prompts as deck
from tracker.domain.talks.calendar import slot_events

# The talk kinds, also read as talks.SLOT (and so on) by screens, commands and tests.
from tracker.domain.talks.kinds import FOLLOWUP as FOLLOWUP
from tracker.domain.talks.kinds import NOTE as NOTE
from tracker.domain.talks.kinds import OCCURRENCE as OCCURRENCE
from tracker.domain.talks.kinds import OWN as OWN
from tracker.domain.talks.kinds import PREF as PREF
from tracker.domain.talks.kinds import SLOT as SLOT
from tracker.domain.talks.kinds import USED as USED
from tracker.domain.talks.kinds import WEEK as WEEK
from tracker.domain.talks.log import (
    MAX_TOPIC,
    Followup,
    LogEntry,
    Note,
    clean_followups,
    clean_text,
    history,
    note_id,
    promise_data,
)
from tracker.domain.talks.model import (
    LOOK_AHEAD,
    LOOK_BACK,
    UNPLANNED,
    Meeting,
    Occurrence,
    Slot,
    agenda_lines,
    meetings,
    meetings_on,
    move_problem,
    occurrence_id,
    same_series,
)
from tracker.domain.talks.prompts import PromptPref
from tracker.domain.talks.records import Status
from tracker.domain.talks.schedule import aware, with_until
from tracker.domain.talks.skills import draw_prompt
from tracker.domain.text import clean_line
from tracker.store.couple import Change, Couple
from tracker.store.links import tick_fulfilled
from tracker.store.records import stamp_millis

# --- slots ------------------------------------------------------------------------


def home_tz(couple: Couple) -> str:
    """The zone new slots are in: partner A's."""
    return couple.person("a").tz


def slots(couple: Couple, include_cancelled: bool = False) -> list[Slot]:
    found: list[Slot] = couple.objects(SLOT)  # a damaged one is left out, not fatal
    kept = [s for s in found if include_cancelled or not s.cancelled]
    return sorted(kept, key=lambda s: (s.start, s.title, s.id))


def slot(couple: Couple, slot_id: str) -> Slot | None:
    return next((s for s in slots(couple, True) if s.id == slot_id), None)


def _undo_as_edit(couple: Couple, change: Change, restore: dict[str, Any]) -> Change:
    """A Change whose undo writes ``restore`` one revision up instead of going back.

    Calendar apps only take an event whose SEQUENCE rose, so an undo must look
    like one more edit to them, never like an older version coming back.
    """
    written = couple.record(change.record_id)
    if written is None:  # pragma: no cover - we just wrote it
        return change
    revision = int(written.data.get("revision", 0)) + 1
    before = msgspec.structs.replace(written, data={**restore, "revision": revision})
    return Change(change.record_id, change.kind, before, change.description)


def save_slot(couple: Couple, new: Slot, description: str) -> Change:
    """Write a slot; undoing a new one cancels it (so calendars drop it too)."""
    change = couple.put_record(SLOT, new.id, new.to_data(), description)
    old = change.before.data if change.before else {**new.to_data(), "cancelled": True}
    return _undo_as_edit(couple, change, dict(old))


def edit_slot(couple: Couple, old: Slot, new: Slot, now: datetime) -> list[Change]:
    """Change a slot without rewriting its past.

    A new name or length, or a schedule that hasn't started yet, edits the
    slot in place (one revision up).
    A new schedule for a slot that has met before ends the old one now (its
    history stays) and starts a new slot from the new first meeting.
    """
    if same_series(old, new):
        edited = old.edited(title=new.title, minutes=new.minutes)
        return [save_slot(couple, edited, f"Changed “{new.title}”")]
    if not old.rule or aware(old.start, old.tz) > now:
        edited = old.edited(
            title=new.title, rule=new.rule, start=new.start, minutes=new.minutes, tz=new.tz
        )
        return [save_slot(couple, edited, f"Changed “{new.title}”")]
    ended = old.edited(rule=with_until(old.rule, now))
    fresh = Slot(Couple.new_id(SLOT), new.title, new.start, new.minutes, new.tz, new.rule)
    return [
        save_slot(couple, ended, f"Ended “{old.title}”"),
        save_slot(couple, fresh, f"Changed “{new.title}”"),
    ]


def end_slot(couple: Couple, old: Slot, now: datetime) -> Change:
    """Stop a slot: a repeat that has met ends now, keeping its past; else it is cancelled."""
    if old.rule and aware(old.start, old.tz) <= now:
        return save_slot(couple, old.edited(rule=with_until(old.rule, now)), f"Ended “{old.title}”")
    return save_slot(couple, old.edited(cancelled=True), f"Cancelled “{old.title}”")


# --- meetings ---------------------------------------------------------------------


def _occurrences(couple: Couple) -> dict[str, Occurrence]:
    found: list[Occurrence] = couple.objects(OCCURRENCE)
    return {o.id: o for o in found}


def occurrence(couple: Couple, slot_id: str, day: date) -> Occurrence:
    found = _occurrences(couple).get(occurrence_id(slot_id, day))
    return found or Occurrence(slot_id, day)


def around(couple: Couple, now: datetime) -> list[Meeting]:
    """Meetings from two weeks back to a year ahead, moved ones where they now are."""
    return meetings(slots(couple), _occurrences(couple), now - LOOK_BACK, now + LOOK_AHEAD)


def _save_occurrence(couple: Couple, changed: Occurrence, description: str) -> Change:
    change = couple.put_record(OCCURRENCE, changed.id, changed.to_data(), description)
    planned = Occurrence(changed.slot_id, changed.day)  # as good as no record at all
    return _undo_as_edit(
        couple, change, dict(change.before.data if change.before else planned.to_data())
    )


def set_status(couple: Couple, meeting: Meeting, status: Status) -> Change:
    current = occurrence(couple, meeting.slot.id, meeting.day)
    changed = current.changed(couple.me, status=status)
    words = {Status.HELD: "Marked as held", Status.SKIPPED: "Skipped", Status.PLANNED: "Back on"}
    return _save_occurrence(couple, changed, f"{words[status]}: {meeting.slot.title}")


def move(couple: Couple, meeting: Meeting, when: datetime, now: datetime) -> Change:
    """Move one meeting to ``when`` (naive local, the slot's zone); ValueError if past."""
    problem = move_problem(when, meeting.slot, now)
    if problem:
        raise ValueError(problem)
    current = occurrence(couple, meeting.slot.id, meeting.day)
    changed = current.changed(couple.me, moved_to=when, status=Status.PLANNED)
    return _save_occurrence(couple, changed, f"Moved {meeting.slot.title}")


def meeting_on(couple: Couple, day: date, slot_id: str | None = None) -> tuple[str, date]:
    """Which meeting a talk on ``day`` belongs to: (slot id, original date).

    A slot meeting that day (by its original or its moved date), else an
    unplanned talk. ValueError when two slots meet that day and none was named.
    """
    chosen = [s for s in slots(couple, True) if not slot_id or s.id == slot_id]
    found = meetings_on(chosen, _occurrences(couple), day)
    if slot_id and not found:
        raise ValueError(f"That slot doesn't meet on {day}.")
    if len(found) > 1:
        raise ValueError(f"More than one talk was planned on {day}; say which with --slot.")
    return found[0] if found else (UNPLANNED, day)


# --- the log ----------------------------------------------------------------------


class _NoteFields(TypedDict, total=False):
    """The parts of my note a log changes; the ones left out stay as they were."""

    topic: str
    agreed: str
    heard: str
    prompt: str


def log_talk(
    couple: Couple,
    slot_id: str,
    day: date,
    *,
    topic: str | None = None,
    agreed: str | None = None,
    heard: str | None = None,
    followups: Iterable[str] = (),
    prompt: str | None = None,
) -> list[Change]:
    """Mark a talk held (ticking the habits a talk does for us) and write my note on it;
    None leaves a field as it was.

    Everything is checked before anything is written, so a bad field saves
    nothing. Only my own note is written (never my partner's), and the
    meeting's record only when it wasn't held yet.
    """
    fields: _NoteFields = {}
    if topic is not None:
        fields["topic"] = clean_line(topic, "topic", MAX_TOPIC, required=False)
    if agreed is not None:
        fields["agreed"] = clean_text(agreed, "What we agreed")
    if heard is not None:
        fields["heard"] = clean_text(heard, "What I heard")
    if prompt is not None:
        fields["prompt"] = prompt
    lines = clean_followups(followups)
    current = occurrence(couple, slot_id, day)
    title = getattr(slot(couple, slot_id), "title", "a talk")
    changes = []
    if current.status is not Status.HELD:
        held = current.changed(couple.me, status=Status.HELD)
        changes.append(_save_occurrence(couple, held, f"Logged {title}"))
        # The habits a talk does for us, on the day it was had (a moved one's new day).
        had_on = current.moved_to.date() if current.moved_to else day
        changes.extend(tick_fulfilled(couple, Fulfilment.TALK, had_on))
    if fields:
        mine = note(couple, slot_id, day, couple.me)
        new = replace(mine, **fields)
        changes.append(couple.put_record(NOTE, new.id, new.to_data(), f"Notes on {title}"))
    for line in lines:
        followup = Followup(Couple.new_id(FOLLOWUP), slot_id, day, line, couple.me)
        changes.append(couple.put_record(FOLLOWUP, followup.id, followup.to_data(), "Follow-up"))
    return changes


def notes(couple: Couple) -> list[Note]:
    found: list[Note] = couple.objects(NOTE)
    return found


def note(couple: Couple, slot_id: str, day: date, person: str) -> Note:
    found = couple.record(note_id(slot_id, day, person))
    read: list[Note] = couple.as_objects([found] if found and found.kind == NOTE else [])
    return read[0] if read else Note(slot_id, day, person)


def followups(couple: Couple) -> list[Followup]:
    found: list[Followup] = couple.objects(FOLLOWUP)
    return found


def log(couple: Couple) -> list[LogEntry]:
    """Held and skipped talks, newest first, with both partners' notes."""
    by_id = {s.id: s for s in slots(couple, True)}
    return history(_occurrences(couple).values(), by_id, notes(couple), followups(couple))


def _became(couple: Couple, followup: Followup, target: str) -> Change:
    data = {**followup.to_data(), "became": target}
    return couple.put_record(FOLLOWUP, followup.id, data, "Follow-up")


def followup_to_promise(
    couple: Couple, followup: Followup, by: str, to: str, due: date, today: date
) -> list[Change]:
    """The follow-up as a promise the promises feature tracks."""
    if due < today:
        raise ValueError(f"{due} has already gone; pick today or a later day.")
    promise_id = Couple.new_id(PROMISE)
    data = promise_data(followup.text, by, to, due, today)
    made = couple.put_record(PROMISE, promise_id, data, f"Promised “{followup.text}”")
    return [made, _became(couple, followup, promise_id)]


def followup_to_habit(couple: Couple, followup: Followup, habit: Habit) -> list[Change]:
    return [couple.save_habit(habit), _became(couple, followup, habit.id)]


# --- prompts ----------------------------------------------------------------------


def own_prompts(couple: Couple) -> list[Prompt]:
    found = (deck.own_prompt(r.id, r.data) for r in couple.records(OWN))
    return [p for p in found if p is not None]


def all_prompts(couple: Couple) -> list[Prompt]:
    return deck.library(own_prompts(couple))


def prompt_by_key(couple: Couple, key: str) -> Prompt | None:
    if key.startswith(f"{OWN}:"):
        record = couple.record(key)
        return deck.own_prompt(record.id, record.data) if record else None
    return find_prompt(key)


def prefs(couple: Couple) -> dict[str, dict[str, PromptPref]]:
    """person → prompt key → their favourite/hidden marks."""
    found: dict[str, dict[str, PromptPref]] = {"a": {}, "b": {}}
    pref: PromptPref
    for record, pref in couple.with_objects(couple.records(PREF)):
        _, person, key = [*record.id.split(":", 2), "", ""][:3]
        if person in found and key:
            found[person][key] = pref
    return found


def set_pref(
    couple: Couple, key: str, *, favourite: bool | None = None, hidden: bool | None = None
) -> Change:
    """Mark a prompt as my favourite or hidden (my own record: no clash with my partner)."""
    current = prefs(couple)[couple.me].get(key, PromptPref())
    new = PromptPref(
        current.favourite if favourite is None else favourite,
        current.hidden if hidden is None else hidden,
    )
    what = "Hid a prompt" if new.hidden and not current.hidden else "Marked a prompt"
    return couple.put_record(PREF, deck.pref_id(couple.me, key), new.to_data(), what)


def add_own_prompt(couple: Couple, text: str, theme: Theme, depth: Depth) -> Change:
    data = deck.own_prompt_data(text, theme, depth, couple.me)
    return couple.put_record(OWN, Couple.new_id(OWN), data, "Added your prompt")


def recently_used(couple: Couple) -> dict[str, date]:
    talked = [(n.prompt, n.day) for n in notes(couple) if n.prompt]
    return deck.used_days((r.data for r in couple.records(USED)), talked)


def use_prompt(couple: Couple, key: str, day: date) -> list[Change]:
    """Make ``key`` this week's prompt and note the day it came up."""
    data = {"key": key, "day": day.isoformat()}
    changes = [couple.put_record(WEEK, deck.week_id(day), {**data, "by": couple.me}, "New prompt")]
    last = recently_used(couple).get(key)
    if last is None or last < day:
        changes.append(couple.put_record(USED, deck.used_id(key), data, "New prompt"))
    return changes


def draw(
    couple: Couple,
    day: date,
    *,
    rng: random.Random | None = None,
    theme: Theme | None = None,
    depth: Depth | None = None,
    window_weeks: int = deck.DEFAULT_WINDOW_WEEKS,
) -> tuple[Prompt | None, list[Change]]:
    """A prompt neither of you hid nor saw in the last ``window_weeks``; it becomes
    this week's. None (and nothing written) when every match is hidden."""
    used, hidden = recently_used(couple), deck.hidden_keys(prefs(couple))
    rng = rng or random.Random()
    chosen = draw_prompt(all_prompts(couple), used, hidden, day, window_weeks, rng, theme, depth)
    if chosen is None:
        return None, []
    return chosen, use_prompt(couple, chosen.key, day)


def week_prompt(couple: Couple, day: date) -> Prompt | None:
    record = couple.record(deck.week_id(day))
    return prompt_by_key(couple, str(record.data.get("key", ""))) if record else None


# --- other screens ----------------------------------------------------------------


def agenda(couple: Couple, day: date) -> list[str]:
    """Lines for the Today screen's "also today" box."""
    me = couple.person(couple.me)
    start = aware(datetime.combine(day, time()), me.tz) - timedelta(days=1)
    found = meetings(slots(couple), _occurrences(couple), start, start + timedelta(days=3))
    return agenda_lines(found, day, me.tz, me.day_start)


def calendar_events(couple: Couple, reminder: Reminder = NO_REMINDER) -> list[CalendarEvent]:
    """Every slot as calendar events (rules kept as rules) with ``reminder`` as their alarm,
    for the .ics export."""
    stamps = {
        r.id: stamp_millis(r.stamp) for kind in (SLOT, OCCURRENCE) for r in couple.records(kind)
    }
    occurrences = list(_occurrences(couple).values())
    events: list[CalendarEvent] = []
    for found in slots(couple, include_cancelled=True):
        events.extend(slot_events(found, occurrences, stamps, reminder))
    return events
