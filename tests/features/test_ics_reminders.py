"""Reminders in the calendar export: every talk and the weekly check-in carry a VALARM, so a
phone's calendar reminds too. Parsed back with icalendar, expanded with
recurring-ical-events, on a clock of our own (fixed instants, one minute per write), so
every stamp, and so every SEQUENCE, is known and the faked-day runs change nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import msgspec
import pytest
import recurring_ical_events
from icalendar import Calendar, Event

from tests.rekindle_cli import use_config
from tests.voice import banned_words_in
from tracker.domain.models import Person
from tracker.domain.talks.model import Status, plan_slot
from tracker.domain.talks.schedule import Freq, Repeat
from tracker.export import feed, ics
from tracker.store import talks
from tracker.store.couple import Couple
from tracker.store.identity import LocalConfig, new_replica_id
from tracker.store.reminder_prefs import put_reminder_prefs, reminder_prefs
from tracker.store.setup import create_couple

LONDON = "Europe/London"
AUCKLAND = "Pacific/Auckland"
JOINED = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)  # a Wednesday
CHECKIN = "Weekly check-in"


class Clock:
    """Milliseconds from a fixed instant, a minute later at every look: each write of the
    test gets its own whole second, as a person's edits do."""

    def __init__(self, start: datetime) -> None:
        self.millis = int(start.timestamp() * 1000)

    def __call__(self) -> int:
        self.millis += 60_000
        return self.millis


@pytest.fixture
def make(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Maker]:
    maker = Maker(tmp_path, monkeypatch)
    yield maker
    for couple in maker.opened:
        couple.store.close()


class Maker:
    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.tmp_path, self.monkeypatch = tmp_path, monkeypatch
        self.opened: list[Couple] = []

    def couple(self, tz: str = LONDON, joined: datetime = JOINED) -> Couple:
        """Alex and Sam set up on ``joined``, on Alex's device."""
        use_config(self.monkeypatch, self.tmp_path / "alex")
        made = create_couple(self.tmp_path / "data", "Alex", "Sam", tz, 4, now_millis=Clock(joined))
        self.opened.append(made)
        return made

    def sams_device(self, alex: Couple) -> Couple:
        """Sam's own device on the same folder, its clock a day after Alex's."""
        config = LocalConfig(alex.store.data_dir, new_replica_id(), "b", "sams-laptop")
        sam = Couple.open(config, now_millis=Clock(JOINED + timedelta(days=1)))
        sam.store.ensure_replica()
        self.opened.append(sam)
        return sam


def exported(couple: Couple) -> dict[str, Event]:
    """The feed's events by UID: everything this device's calendar is given."""
    calendar = Calendar.from_ical(ics.export(couple, include=ics.INCLUDES))
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def trigger(event: Event) -> timedelta:
    """The one alarm's trigger; fails if the event has none or more than one."""
    (alarm,) = [part for part in event.subcomponents if part.name == "VALARM"]
    assert str(alarm["ACTION"]) == "DISPLAY"
    found: timedelta = alarm.decoded("TRIGGER")
    return found


def has_alarm(event: Event) -> bool:
    return any(part.name == "VALARM" for part in event.subcomponents)


def checkin_of(couple: Couple) -> Event:
    (found,) = [e for e in exported(couple).values() if str(e["SUMMARY"]) == CHECKIN]
    return found


def choose(couple: Couple, **changes: object) -> None:
    """What Settings does: this person's reminder settings with some values changed."""
    put_reminder_prefs(couple, msgspec.structs.replace(reminder_prefs(couple), **changes))


def weekly_talk(couple: Couple, title: str = "Our talk") -> str:
    """Sundays at 20:00 from 6 December 2026."""
    slot = plan_slot(
        Couple.new_id(talks.SLOT), title, Repeat(Freq.WEEKLY), date(2026, 12, 6), time(20), 45,
        LONDON, JOINED,
    )  # fmt: skip
    talks.save_slot(couple, slot, "Planned")
    return slot.id


def once(couple: Couple, on: date) -> str:
    slot = plan_slot(
        Couple.new_id(talks.SLOT), "Just once", Repeat(Freq.ONCE), on, time(19), 30, LONDON, JOINED
    )
    talks.save_slot(couple, slot, "Planned")
    return slot.id


def meeting(couple: Couple, slot_id: str, day: date) -> talks.Meeting:
    (found,) = [m for m in talks.around(couple, JOINED) if m.slot.id == slot_id and m.day == day]
    return found


# -- talks -----------------------------------------------------------------------------


def test_a_talk_series_keeps_its_rule_and_has_one_alarm_at_the_chosen_time(make: Maker) -> None:
    alex = make.couple()
    slot_id = weekly_talk(alex)
    assert trigger(exported(alex)[slot_id]) == timedelta(minutes=-60)  # the default
    choose(alex, talk_before=25)
    talks.set_status(alex, meeting(alex, slot_id, date(2026, 12, 13)), Status.SKIPPED)
    moved = meeting(alex, slot_id, date(2026, 12, 20))
    talks.move(alex, moved, datetime(2026, 12, 21, 19, 30), JOINED)
    events = exported(alex)
    series = events[slot_id]
    assert trigger(series) == timedelta(minutes=-25)
    assert series["RRULE"].to_ical() == b"FREQ=WEEKLY;BYDAY=SU"
    skipped = [d.dt.replace(tzinfo=None) for d in series["EXDATE"].dts]
    assert skipped == [datetime(2026, 12, 13, 20), datetime(2026, 12, 20, 20)]
    # The moved evening is an event of its own, with the same reminder.
    assert trigger(events[f"talkocc:{slot_id}:2026-12-20"]) == timedelta(minutes=-25)


def test_zero_minutes_reminds_at_the_start(make: Maker) -> None:
    alex = make.couple()
    slot_id = weekly_talk(alex)
    choose(alex, talk_before=0)
    assert trigger(exported(alex)[slot_id]) == timedelta(0)


def test_a_skipped_talk_has_no_alarm(make: Maker) -> None:
    alex = make.couple()
    single = once(alex, date(2026, 12, 3))
    series = weekly_talk(alex)
    moved = meeting(alex, series, date(2026, 12, 13))
    talks.move(alex, moved, datetime(2026, 12, 14, 19), JOINED)
    assert has_alarm(exported(alex)[single])
    talks.set_status(alex, meeting(alex, single, date(2026, 12, 3)), Status.SKIPPED)
    talks.set_status(alex, meeting(alex, series, date(2026, 12, 13)), Status.SKIPPED)
    events = exported(alex)
    for uid in (single, f"talkocc:{series}:2026-12-13"):
        assert str(events[uid]["STATUS"]) == "CANCELLED"
        assert not has_alarm(events[uid])
    assert trigger(events[series]) == timedelta(minutes=-60)  # the rest still remind


def test_a_new_talk_reminder_lifts_the_sequence_and_quiet_hours_change_nothing(
    make: Maker,
) -> None:
    alex = make.couple()
    slot_id = weekly_talk(alex)
    before = exported(alex)[slot_id]
    choose(alex, talk_before=15)
    after = exported(alex)[slot_id]
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert after.decoded("DTSTAMP") > before.decoded("DTSTAMP")
    payload = ics.export(alex, include=ics.INCLUDES)
    choose(alex, quiet_from=time(23), quiet_to=time(7), habits_at=time(21))
    assert ics.export(alex, include=ics.INCLUDES) == payload  # nothing in it changed


# -- the weekly check-in -----------------------------------------------------------------


def test_the_checkin_is_one_weekly_event_with_an_alarm_at_its_start(make: Maker) -> None:
    alex = make.couple()
    event = checkin_of(alex)
    assert event["RRULE"].to_ical() == b"FREQ=WEEKLY;BYDAY=SU"  # Sunday 19:00 by default
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert str(event["DTSTART"].params["TZID"]) == LONDON
    # The first Sunday on or after the day Alex joined (Wednesday 25 November).
    assert start == datetime(2026, 11, 29, 19, tzinfo=ZoneInfo(LONDON))
    assert end - start == timedelta(minutes=15)
    assert trigger(event) == timedelta(0)
    said = str(event["DESCRIPTION"])
    assert "Check-in screen" in said and "rekindle checkin" in said
    assert banned_words_in(said) == []


def test_exporting_again_gives_the_same_bytes(make: Maker) -> None:
    alex = make.couple()
    weekly_talk(alex)
    choose(alex, checkin_day=2, checkin_at=time(21, 15))
    first = ics.export(alex, include=ics.INCLUDES)
    assert feed.refresh_feed(alex) is None
    assert ics.export(alex, include=ics.INCLUDES) == first
    assert feed.feed_path(alex.store.data_dir).read_bytes() == first


def test_a_new_day_time_or_zone_raises_the_sequence_and_keeps_the_uid(make: Maker) -> None:
    alex = make.couple()
    seen = [checkin_of(alex)]
    choose(alex, checkin_at=time(20, 30))
    seen.append(checkin_of(alex))
    choose(alex, checkin_day=2)
    seen.append(checkin_of(alex))
    alex.save_person(Person("a", "Alex", AUCKLAND))
    seen.append(checkin_of(alex))
    assert len({str(e["UID"]) for e in seen}) == 1
    sequences = [int(e["SEQUENCE"]) for e in seen]
    assert sequences == sorted(set(sequences)), sequences  # strictly rising
    last = seen[-1]
    assert last["RRULE"].to_ical() == b"FREQ=WEEKLY;BYDAY=WE"
    # Alex joined on Wednesday evening in UTC, already Thursday in Auckland: from the next
    # Wednesday there.
    assert last.decoded("DTSTART") == datetime(2026, 12, 2, 20, 30, tzinfo=ZoneInfo(AUCKLAND))


def test_expanded_across_the_spring_clock_change_it_stays_at_seven_on_sunday(
    make: Maker,
) -> None:
    alex = make.couple(joined=datetime(2027, 3, 1, 9, tzinfo=UTC))
    calendar = Calendar.from_ical(ics.export(alex, include=ics.INCLUDES))
    found = recurring_ical_events.of(calendar).between(date(2027, 3, 14), date(2027, 4, 12))
    starts = sorted(e.decoded("DTSTART") for e in found if str(e["SUMMARY"]) == CHECKIN)
    london = ZoneInfo(LONDON)
    assert [s.astimezone(london).strftime("%a %d %b %H:%M") for s in starts] == [
        "Sun 14 Mar 19:00",
        "Sun 21 Mar 19:00",
        "Sun 28 Mar 19:00",  # the clocks went forward that morning
        "Sun 04 Apr 19:00",
        "Sun 11 Apr 19:00",
    ]
    assert [s.astimezone(UTC).hour for s in starts] == [19, 19, 18, 18, 18]


def test_far_away_it_is_on_their_own_monday_morning(make: Maker) -> None:
    """Auckland: Monday 07:30 there is Sunday evening in UTC, and New Zealand's clocks go
    back on 4 April 2027, moving the UTC hour but never the Monday."""
    alex = make.couple(tz=AUCKLAND, joined=datetime(2027, 3, 1, 9, tzinfo=UTC))
    choose(alex, checkin_day=0, checkin_at=time(7, 30))
    calendar = Calendar.from_ical(ics.export(alex, include=ics.INCLUDES))
    found = recurring_ical_events.of(calendar).between(date(2027, 3, 20), date(2027, 4, 14))
    starts = sorted(e.decoded("DTSTART") for e in found if str(e["SUMMARY"]) == CHECKIN)
    there = ZoneInfo(AUCKLAND)
    assert [s.astimezone(there).strftime("%a %d %H:%M") for s in starts] == [
        "Mon 22 07:30",
        "Mon 29 07:30",
        "Mon 05 07:30",
        "Mon 12 07:30",
    ]
    assert [s.astimezone(UTC).strftime("%a %H:%M") for s in starts] == [
        "Sun 18:30",
        "Sun 18:30",
        "Sun 19:30",
        "Sun 19:30",
    ]


def test_each_device_exports_its_own_persons_checkin(make: Maker) -> None:
    alex = make.couple()
    sam = make.sams_device(alex)
    sam.save_person(Person("b", "Sam", AUCKLAND))
    choose(sam, checkin_day=4, checkin_at=time(18))
    alex.store.refresh()
    alexs, sams = checkin_of(alex), checkin_of(sam)
    assert str(alexs["UID"]) != str(sams["UID"])
    assert alexs["RRULE"].to_ical() == b"FREQ=WEEKLY;BYDAY=SU"  # Sam's choice is Sam's
    assert sams["RRULE"].to_ical() == b"FREQ=WEEKLY;BYDAY=FR"
    assert sams.decoded("DTSTART").tzinfo == ZoneInfo(AUCKLAND)
    assert sams.decoded("DTSTART").time() == time(18)


def test_a_zone_this_computer_does_not_know_leaves_out_only_the_checkin(make: Maker) -> None:
    alex = make.couple()
    slot_id = weekly_talk(alex)
    alex.save_person(Person("a", "Alex", "Mars/Olympus_Mons"))
    events = exported(alex)
    assert list(events) == [slot_id]  # the talk is still there; no check-in at no time
