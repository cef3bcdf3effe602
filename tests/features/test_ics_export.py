"""The .ics export: parsed back with icalendar, expanded with recurring-ical-events,
and compared with the domain's own schedule across the clock changes."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from icalendar import Calendar, Event

from tests.conftest import Couples
from tests.rekindle_cli import use_config
from tracker.domain.calendar import CalendarEvent
from tracker.domain.dates.input import DateDraft
from tracker.domain.dates.model import DateKind, DateNight, DateStatus, RepeatFreq, occurrences
from tracker.export import feed, ics
from tracker.store import dates as store
from tracker.store.couple import Couple

LONDON = ZoneInfo("Europe/London")
STAMP = datetime(2026, 9, 1, 12, 0, tzinfo=UTC)


def talk_series() -> CalendarEvent:
    """Made by hand, as the conversations feature hands them over: Sundays 10:00, one skipped."""
    return CalendarEvent(
        uid="talk-sunday@rekindle",
        title="Our Sunday talk",
        tz="Europe/London",
        start=datetime(2026, 10, 18, 10, 0),
        end=datetime(2026, 10, 18, 10, 45),
        sequence=2,
        last_modified=STAMP,
        rrule="FREQ=WEEKLY;BYDAY=SU",
        exdates=(datetime(2026, 11, 1, 10, 0),),
        categories=("Rekindle", "Conversation"),
    )


def one_off(**changes: object) -> CalendarEvent:
    values: dict[str, object] = {
        "uid": "date-one@rekindle",
        "title": "Dinner",
        "tz": "Europe/London",
        "start": datetime(2026, 11, 27, 19, 30),
        "end": datetime(2026, 11, 27, 21, 30),
        "last_modified": STAMP,
    }
    values.update(changes)
    return CalendarEvent(**values)  # type: ignore[arg-type]


def parsed(payload: bytes) -> Calendar:
    return Calendar.from_ical(payload)


def events_of(calendar: Calendar) -> dict[str, Event]:
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


@pytest.fixture
def couple(couples: Couples) -> Couple:
    return couples.create()


def plan(couple: Couple, **fields: object) -> str:
    values = {"title": "Dinner", "day": "2026-10-16", "time": "19:30", "hours": "2.5"}
    values.update(fields)
    dn = store.new_date(couple, DateDraft(**values))  # type: ignore[arg-type]
    store.save_date(couple, dn)
    return dn.id


# -- the file itself --------------------------------------------------------------------


def test_required_properties_parse_back() -> None:
    cal = parsed(ics.render([one_off(), talk_series()]))
    assert str(cal["PRODID"]) == ics.PRODID
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["METHOD"]) == "PUBLISH"
    for event in cal.walk("VEVENT"):
        assert event["UID"] and event["DTSTAMP"] and "SEQUENCE" in event
        assert event.decoded("DTSTAMP") == STAMP  # the record's last change, not now
    zones = {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")}
    assert zones == {"Europe/London"}
    assert cal.get_missing_tzids() == set()


def test_lines_are_crlf_folded_at_75_octets_and_text_is_escaped() -> None:
    title = "Dinner, candles; and a toast 🥂💑 " + "long " * 30
    notes = "Bring: wine, bread; cheese\nand the 🎲 game\\board"
    event = one_off(title=title, description=notes, location="Luigi’s, Soho; upstairs")
    payload = ics.render([event])
    assert payload.endswith(b"\r\n")
    assert b"\n" not in payload.replace(b"\r\n", b"")
    lines = payload.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")  # folding never splits a character
    raw = payload.replace(b"\r\n ", b"").decode()
    assert "SUMMARY:Dinner\\, candles\\; and a toast 🥂💑 long" in raw
    assert "DESCRIPTION:Bring: wine\\, bread\\; cheese\\nand the 🎲 game\\\\board" in raw
    back = events_of(parsed(payload))["date-one@rekindle"]
    assert str(back["SUMMARY"]) == " ".join(title.split())
    assert str(back["DESCRIPTION"]) == notes
    assert str(back["LOCATION"]) == "Luigi’s, Soho; upstairs"


def test_control_characters_never_reach_the_file() -> None:
    payload = ics.render([one_off(title="Us\x1b[31m\x07 night", description="a\x00b\x1bc")])
    assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", payload)
    back = events_of(parsed(payload))["date-one@rekindle"]
    assert str(back["SUMMARY"]) == "Us[31m night"


def test_times_carry_a_tzid_and_only_getaways_are_dates() -> None:
    getaway = CalendarEvent(
        uid="date-away@rekindle",
        title="Lakes",
        tz="Europe/London",
        start=date(2026, 12, 12),
        end=date(2026, 12, 15),
        last_modified=STAMP,
    )
    payload = ics.render([one_off(), talk_series(), getaway]).replace(b"\r\n ", b"").decode()
    events = payload[payload.index("BEGIN:VEVENT") :]  # a VTIMEZONE's own DTSTARTs are local
    lines = re.findall(r"^(?:DTSTART|DTEND|EXDATE)[;:].*$", events, re.M)
    assert len(lines) == 7
    for line in lines:
        assert "TZID=Europe/London:" in line or "VALUE=DATE:" in line, line
    assert "DTSTART;VALUE=DATE:20261212" in payload
    assert "DTEND;VALUE=DATE:20261215" in payload  # exclusive: the day after the last


def test_vtimezone_reaches_past_2038() -> None:
    late = one_off(start=datetime(2061, 7, 1, 19, 30), end=datetime(2061, 7, 1, 21, 0))
    cal = parsed(ics.render([late]))
    (zone,) = cal.walk("VTIMEZONE")
    own = zone.to_tz(lookup_tzid=False)  # the file's own rules, not the system's
    summer = datetime(2061, 7, 1, 19, 30, tzinfo=own)
    assert summer.utcoffset() == timedelta(hours=1)
    winter = datetime(2061, 12, 1, 19, 30, tzinfo=own)
    assert winter.utcoffset() == timedelta(0)


def test_an_open_ended_series_gets_decades_of_zone_rules() -> None:
    cal = parsed(ics.render([talk_series()]))
    own = cal.walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)
    assert datetime(2050, 7, 3, 10, 0, tzinfo=own).utcoffset() == timedelta(hours=1)


def test_far_and_odd_time_zones() -> None:
    chatham = one_off(uid="c@x", tz="Pacific/Chatham")
    kiritimati = one_off(uid="k@x", tz="Pacific/Kiritimati")
    cal = parsed(ics.render([chatham, kiritimati]))
    assert {str(z["TZID"]) for z in cal.walk("VTIMEZONE")} == {
        "Pacific/Chatham",
        "Pacific/Kiritimati",
    }
    start = events_of(cal)["c@x"].decoded("DTSTART")
    assert start.utcoffset() == timedelta(hours=13, minutes=45)


def test_recurrence_stays_a_rule_with_exdates() -> None:
    cal = parsed(ics.render([talk_series()]))
    (event,) = cal.walk("VEVENT")
    assert event["RRULE"].to_ical() == b"FREQ=WEEKLY;BYDAY=SU"
    assert [d.dt for d in event["EXDATE"].dts] == [datetime(2026, 11, 1, 10, 0, tzinfo=LONDON)]
    assert "RECURRENCE-ID" not in event


def test_cancelled_and_alarm() -> None:
    cal = parsed(
        ics.render(
            [one_off(cancelled=True, alarm_minutes=30), one_off(uid="b@x", alarm_minutes=90)]
        )
    )
    off, on = events_of(cal)["date-one@rekindle"], events_of(cal)["b@x"]
    assert str(off["STATUS"]) == "CANCELLED" and not off.walk("VALARM")
    assert str(on["STATUS"]) == "CONFIRMED"
    (alarm,) = on.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == timedelta(minutes=-90)
    assert str(alarm["DESCRIPTION"]) == "Dinner"


def test_same_events_in_any_order_give_the_same_bytes() -> None:
    events = [one_off(), talk_series(), one_off(uid="z@x", tz="America/New_York")]
    assert ics.render(events) == ics.render(list(reversed(events)))


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (one_off(tz="Mars/Olympus"), "“Mars/Olympus” isn't a time zone we know"),
        (one_off(end=datetime(2026, 11, 27, 18, 0)), "ends before it starts"),
        (one_off(start=date(2026, 12, 1), end=date(2026, 12, 1)), "ends before it starts"),
        (one_off(start=date(2026, 12, 1)), "needs an end day"),
        (one_off(rrule="FREQ=SOMETIMES"), "repeat rule we cannot read"),
    ],
)
def test_bad_events_stop_the_export_with_one_sentence(event: CalendarEvent, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ics.render([one_off(uid="fine@x"), event])


def test_window_keeps_whole_series_that_touch_it() -> None:
    series, single = talk_series(), one_off()
    assert ics.touches(series, date(2027, 5, 1), date(2027, 5, 3))  # a Sunday inside
    assert not ics.touches(series, date(2026, 1, 1), date(2026, 10, 17))  # before it began
    assert ics.touches(single, date(2026, 11, 27), date(2026, 11, 27))
    assert not ics.touches(single, date(2026, 11, 28), None)
    getaway = CalendarEvent("g@x", "G", "UTC", date(2026, 12, 12), date(2026, 12, 15))
    assert ics.touches(getaway, date(2026, 12, 14), date(2026, 12, 20))
    assert not ics.touches(getaway, date(2026, 12, 15), date(2026, 12, 20))


# -- the expansion agrees with our own schedule -------------------------------------------


def test_expanded_occurrences_match_the_domain_across_both_clock_changes(couple: Couple) -> None:
    date_id = plan(couple, repeat=RepeatFreq.WEEKLY, every="1", until="2027-04-30")
    dn = store.find_date(couple, date_id)
    assert dn is not None
    store.set_status(couple, dn, date(2026, 10, 30), DateStatus.CANCELLED)  # the week after
    store.set_status(couple, dn, date(2027, 4, 2), DateStatus.CANCELLED)  # and after the change
    cal = parsed(ics.export(couple))
    first, last = date(2026, 10, 1), date(2027, 5, 31)
    expanded = recurring_ical_events.of(cal).between(first, last + timedelta(days=1))
    theirs = sorted((e.decoded("DTSTART"), e.decoded("DTEND")) for e in expanded)
    ours = sorted(
        (o.start_at, o.end_at)
        for o in occurrences(dn, store.marks(couple)[dn.id], first, last)
        if o.status is not DateStatus.CANCELLED
    )
    assert theirs == ours
    assert len(ours) == 29 - 2
    by_day = {start.date(): start for start, _ in theirs}
    # 19:30 on the wall throughout; the UTC hour moves with the clocks.
    assert {start.astimezone(LONDON).strftime("%H:%M") for start in by_day.values()} == {"19:30"}
    assert by_day[date(2026, 10, 23)].astimezone(UTC).hour == 18
    assert by_day[date(2026, 11, 6)].astimezone(UTC).hour == 19
    assert by_day[date(2027, 3, 26)].astimezone(UTC).hour == 19
    assert by_day[date(2027, 4, 9)].astimezone(UTC).hour == 18
    assert date(2026, 10, 30) not in by_day and date(2027, 4, 2) not in by_day


def test_a_hand_made_conversation_series_expands_across_the_change() -> None:
    cal = parsed(ics.render([talk_series()]))
    found = recurring_ical_events.of(cal).between(date(2026, 10, 18), date(2026, 11, 9))
    starts = [e.decoded("DTSTART") for e in found]
    assert [s.date() for s in starts] == [date(2026, 10, 18), date(2026, 10, 25), date(2026, 11, 8)]
    assert {s.astimezone(LONDON).hour for s in starts} == {10}
    assert [s.astimezone(UTC).hour for s in starts] == [9, 10, 10]


# -- through the store --------------------------------------------------------------------


def test_uid_is_stable_and_sequence_rises_with_each_edit(couple: Couple) -> None:
    date_id = plan(couple)
    before = events_of(parsed(ics.export(couple)))
    dn = store.find_date(couple, date_id)
    assert dn is not None
    store.save_date(couple, store.edited_date(couple, dn, _moved(dn)))
    after = events_of(parsed(ics.export(couple)))
    assert list(before) == list(after) == [date_id.replace(":", "-") + "@rekindle"]
    (uid,) = after
    assert after[uid]["SEQUENCE"] > before[uid]["SEQUENCE"]
    assert after[uid].decoded("DTSTART").hour == 20


def _moved(dn: DateNight) -> DateDraft:
    draft = DateDraft.of(dn)
    draft.time = "20:00"
    return draft


def test_exporting_twice_without_a_change_is_byte_identical(
    couple: Couple, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_config(monkeypatch, tmp_path / "config")
    plan(couple, repeat=RepeatFreq.WEEKLY, every="2", alarm="60", notes="wine, bread; 🥂")
    plan(couple, title="Lakes", kind=DateKind.GETAWAY, day="2027-04-10", days="3")
    first = ics.export(couple)
    assert feed.refresh_feed(couple) is None
    path = feed.feed_path(couple.store.data_dir)
    mtime = path.stat().st_mtime_ns
    assert feed.refresh_feed(couple) is None
    assert ics.export(couple) == first
    # The feed is everything: the dates, the talks and this person's weekly check-in.
    assert ics.export(couple, include=ics.INCLUDES) == path.read_bytes()
    assert path.stat().st_mtime_ns == mtime  # nothing changed, nothing rewritten


def test_a_couple_on_utc_gets_utc_times_not_floating_ones() -> None:
    event = one_off(tz="UTC", rrule="FREQ=WEEKLY", exdates=(datetime(2026, 12, 4, 19, 30),))
    payload = ics.render([event]).decode()
    assert "DTSTART:20261127T193000Z" in payload
    assert "EXDATE:20261204T193000Z" in payload
    assert "BEGIN:VTIMEZONE" not in payload
