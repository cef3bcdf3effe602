"""Date nights without a terminal or a file: what people type, when dates fall, what counts."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.dates.input import (
    DateDraft,
    clean_memory,
    clean_stars,
    date_from_draft,
    parse_day,
    parse_hours,
    parse_time,
)
from tracker.domain.dates.model import (
    DateKind,
    DateNight,
    DateStatus,
    Mark,
    Occurrence,
    Repeat,
    RepeatFreq,
    calendar_event,
    last_day,
    next_day,
    occurrences,
    rrule_text,
    rule_days,
    sequence_of,
)
from tracker.domain.dates.views import (
    Rating,
    agenda_lines,
    past,
    quality_time,
    rating_id,
    upcoming,
    when_text,
)

LONDON = "Europe/London"


def friday_series(**repeat: object) -> DateNight:
    """Every other Friday at 19:30 in London, from 16 October 2026 (before the clocks change)."""
    options = {"freq": RepeatFreq.WEEKLY, "interval": 2, **repeat}
    return DateNight(
        "date:fri",
        "Dinner",
        LONDON,
        datetime(2026, 10, 16, 19, 30),
        minutes=150,
        repeat=Repeat(**options),  # type: ignore[arg-type]
    )


def draft(**fields: object) -> DateDraft:
    values = {"title": "Dinner", "day": "2026-11-27", "time": "19:30", "hours": "2"}
    values.update(fields)
    return DateDraft(**values)  # type: ignore[arg-type]


def made(**fields: object) -> DateNight:
    return date_from_draft(draft(**fields), "date:x", LONDON, "a")


# -- what people type ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "missing"),
        ("2026-02-30", "There is no 30 February 2026: that month has 28 days."),
        ("2028-02-30", "that month has 29 days"),
        ("2026-13-01", "no month 13"),
        ("27/11/2026", "is not a date; use YYYY-MM-DD"),
        ("1066-10-14", "between 1970 and 2199"),
        ("[bold]x[/bold]", "is not a date"),
    ],
)
def test_impossible_days_are_explained(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        parse_day(text)


def test_real_days_parse_including_leap_days_and_after_2038() -> None:
    assert parse_day("2028-02-29") == date(2028, 2, 29)
    assert parse_day(" 2061-07-04 ") == date(2061, 7, 4)


@pytest.mark.parametrize(
    ("text", "hour", "minute"),
    [("19:30", 19, 30), ("7pm", 19, 0), ("7:15pm", 19, 15), ("12am", 0, 0), ("9.05", 9, 5)],
)
def test_times_people_write(text: str, hour: int, minute: int) -> None:
    found = parse_time(text)
    assert (found.hour, found.minute) == (hour, minute)


@pytest.mark.parametrize("text", ["25:00", "19:60", "13pm", "noonish", "", "-1:00", "0:00:00"])
def test_invalid_times_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="time"):
        parse_time(text)


@pytest.mark.parametrize(
    ("text", "minutes"), [("2", 120), ("1.5", 90), ("2,5", 150), ("1:45", 105)]
)
def test_lengths_in_hours(text: str, minutes: int) -> None:
    assert parse_hours(text) == minutes


@pytest.mark.parametrize(
    ("text", "message"), [("0", "quarter of an hour"), ("25", "getaway"), ("two", "not a length")]
)
def test_bad_lengths(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_hours(text)


def test_end_before_start_is_refused_with_the_times_named() -> None:
    with pytest.raises(ValueError, match=r"end \(18:00\) before it starts \(19:30\)"):
        made(end="18:00")


def test_an_end_time_sets_the_length_even_across_the_clocks_going_back() -> None:
    # 00:30 to 02:30 on the night the clocks go back is three hours of real time.
    dn = made(day="2026-10-25", time="00:30", end="02:30")
    assert dn.minutes == 180


def test_a_time_the_clocks_skip_does_not_exist() -> None:
    with pytest.raises(ValueError, match="01:30 on Sunday 28 March 2027 doesn't exist"):
        made(day="2027-03-28", time="01:30")


def test_an_hour_that_happens_twice_is_accepted_as_the_first() -> None:
    dn = made(day="2026-10-25", time="01:30")
    occ = Occurrence(dn, dn.first_day, DateStatus.PLANNED)
    assert occ.start_at.utcoffset() == timedelta(hours=1)  # still summer time


@pytest.mark.parametrize("zone", ["Mars/Olympus", "", "../etc/passwd", "Europe/"])
def test_time_zones_that_do_not_exist(zone: str) -> None:
    with pytest.raises(ValueError, match="time zone"):
        date_from_draft(draft(tz=zone or " "), "date:x", zone or " ", "a")


def test_a_getaway_needs_a_day_or_more() -> None:
    with pytest.raises(ValueError, match="at least one day"):
        made(kind=DateKind.GETAWAY, days="0")
    with pytest.raises(ValueError, match="from 0 to 30"):
        made(kind=DateKind.GETAWAY, days="45")
    getaway = made(kind=DateKind.GETAWAY, days="3")
    assert getaway.all_day and getaway.start == date(2026, 11, 27) and getaway.days == 3


def test_titles_keep_what_was_typed_but_lose_control_characters() -> None:
    dn = made(title="  [bold]Us[/bold]\x1b[31m 💑 \n night ")
    assert dn.title == "[bold]Us[/bold][31m 💑 night"
    with pytest.raises(ValueError, match="name"):
        made(title=" \t ")
    with pytest.raises(ValueError, match="80 characters"):
        made(title="x" * 81)


def test_repeats_are_checked() -> None:
    with pytest.raises(ValueError, match="end before the first date"):
        made(repeat=RepeatFreq.WEEKLY, until="2026-11-01")
    with pytest.raises(ValueError, match="from 1 to 52"):
        made(repeat=RepeatFreq.WEEKLY, every="0")
    with pytest.raises(ValueError, match="one at a time"):
        made(kind=DateKind.GETAWAY, repeat=RepeatFreq.WEEKLY)


def test_ratings_and_memories() -> None:
    assert clean_stars("4") == 4
    assert clean_stars("★★★") == 3
    for bad in ("0", "6", "", "great"):
        with pytest.raises(ValueError, match="rating"):
            clean_stars(bad)
    assert clean_memory(" the heron\non the way home ") == "the heron on the way home"
    with pytest.raises(ValueError, match="200"):
        clean_memory("x" * 201)


def test_a_date_survives_its_stored_form() -> None:
    for dn in (friday_series(until=date(2027, 6, 30)), made(kind=DateKind.GETAWAY, days="2")):
        assert DateNight.from_data(dn.id, dn.to_data()) == dn
    mark = Mark("date:fri", date(2026, 10, 30), DateStatus.CANCELLED, 3)
    assert Mark.from_data(mark.to_data()) == mark
    assert mark.id == "dateocc:date:fri:2026-10-30"
    assert rating_id("date:fri", date(2026, 10, 30), "b") == "daterating:date:fri:2026-10-30:b"


# -- when dates fall -------------------------------------------------------------------


def weekly_oracle(first: date, interval: int, until: date | None, lo: date, hi: date) -> list[date]:
    days, day = [], first
    while day <= hi and (until is None or day <= until):
        if day >= lo:
            days.append(day)
        day += timedelta(weeks=interval)
    return days


def monthly_oracle(
    first: date, interval: int, until: date | None, lo: date, hi: date
) -> list[date]:
    nth = (first.day - 1) // 7 + 1
    days, year, month = [], first.year, first.month
    while date(year, month, 1) <= hi:
        same = [
            d
            for d in (
                date(year, month, n) for n in range(1, calendar.monthrange(year, month)[1] + 1)
            )
            if d.weekday() == first.weekday()
        ]
        day = same[-1] if nth == 5 else same[nth - 1]
        if lo <= day <= hi and day >= first and (until is None or day <= until):
            days.append(day)
        month += interval
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return days


@settings(max_examples=200, deadline=None)
@given(
    first=st.dates(date(2020, 1, 1), date(2045, 12, 31)),
    interval=st.integers(1, 6),
    monthly=st.booleans(),
    until_after=st.one_of(st.none(), st.integers(0, 800)),
    lo_shift=st.integers(-100, 400),
    span=st.integers(0, 500),
)
def test_recurrence_matches_a_simple_count(
    first: date,
    interval: int,
    monthly: bool,
    until_after: int | None,
    lo_shift: int,
    span: int,
) -> None:
    until = None if until_after is None else first + timedelta(days=until_after)
    freq = RepeatFreq.MONTHLY if monthly else RepeatFreq.WEEKLY
    dn = DateNight(
        "date:h",
        "H",
        LONDON,
        datetime.combine(first, datetime.min.time()).replace(hour=19),
        repeat=Repeat(freq, interval, until),
    )
    lo = first + timedelta(days=lo_shift)
    hi = lo + timedelta(days=span)
    oracle = monthly_oracle if monthly else weekly_oracle
    expected = oracle(first, interval, until, lo, hi)
    assert rule_days(dn, lo, hi) == expected
    following = oracle(first, interval, until, lo, date(2100, 1, 1))
    assert next_day(dn, lo) == (following[0] if following else None)


def test_a_series_keeps_its_wall_time_across_the_clock_changes() -> None:
    dn = friday_series()
    found = occurrences(dn, {}, date(2026, 10, 16), date(2027, 4, 10))
    assert [o.start.time() for o in found] == [datetime(1, 1, 1, 19, 30).time()] * len(found)
    utc = {o.day: o.start_at.astimezone(UTC).hour for o in found}
    assert utc[date(2026, 10, 16)] == 18  # summer time
    assert utc[date(2026, 10, 30)] == 19  # after 25 October
    assert utc[date(2027, 4, 2)] == 18  # after 28 March
    assert all(o.end_at - o.start_at == timedelta(minutes=150) for o in found)


def test_a_fifth_friday_means_the_last_friday_each_month() -> None:
    dn = DateNight(
        "date:m",
        "Last Friday",
        LONDON,
        datetime(2026, 1, 30, 20, 0),
        repeat=Repeat(RepeatFreq.MONTHLY, 1),
    )
    days = rule_days(dn, date(2026, 1, 1), date(2026, 4, 30))
    assert days == [date(2026, 1, 30), date(2026, 2, 27), date(2026, 3, 27), date(2026, 4, 24)]
    assert rrule_text(dn) == "FREQ=MONTHLY;INTERVAL=1;BYDAY=-1FR"
    assert "last Friday every month" in dn.repeat.describe(dn.first_day)


def test_until_is_in_utc_for_timed_dates_and_a_date_for_getaways() -> None:
    dn = friday_series(until=date(2027, 6, 25))
    assert rrule_text(dn) == "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;UNTIL=20270625T225959Z"
    assert last_day(dn) == date(2027, 6, 25)
    assert last_day(friday_series()) is None


# -- into a calendar event ----------------------------------------------------------------


def test_a_called_off_evening_becomes_an_exdate_and_lifts_the_sequence() -> None:
    dn = friday_series()
    marks = {
        date(2026, 10, 30): Mark(dn.id, date(2026, 10, 30), DateStatus.CANCELLED, 1),
        date(2026, 11, 13): Mark(dn.id, date(2026, 11, 13), DateStatus.DONE, 2),
        date(2026, 11, 14): Mark(
            dn.id, date(2026, 11, 14), DateStatus.CANCELLED, 1
        ),  # not a Friday
    }
    event = calendar_event(dn, marks, datetime(2026, 11, 1, tzinfo=UTC))
    assert event.uid == "date-fri@rekindle"
    assert event.exdates == (datetime(2026, 10, 30, 19, 30),)
    assert event.sequence == sequence_of(dn, marks) == 4
    assert not event.cancelled
    assert event.start == datetime(2026, 10, 16, 19, 30)
    assert event.end == datetime(2026, 10, 16, 22, 0)
    assert event.rrule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"


def test_a_called_off_one_off_or_series_stays_as_cancelled() -> None:
    one = made()
    off = {one.first_day: Mark(one.id, one.first_day, DateStatus.CANCELLED, 1)}
    assert calendar_event(one, off, datetime(2026, 1, 1, tzinfo=UTC)).cancelled
    series = friday_series().edited(cancelled=True)
    event = calendar_event(series, {}, datetime(2026, 1, 1, tzinfo=UTC))
    assert event.cancelled and event.sequence == 1


def test_a_getaway_is_all_day_with_an_exclusive_end() -> None:
    getaway = made(kind=DateKind.GETAWAY, day="2026-12-12", days="3")
    event = calendar_event(getaway, {}, datetime(2026, 1, 1, tzinfo=UTC))
    assert event.all_day
    assert (event.start, event.end) == (date(2026, 12, 12), date(2026, 12, 15))


# -- what the screen shows ---------------------------------------------------------------


def test_upcoming_and_past_split_at_now_and_the_next_far_date_still_shows() -> None:
    dn = friday_series()
    far = DateNight("date:far", "Anniversary", LONDON, datetime(2027, 9, 4, 12, 0))
    now = datetime(2026, 11, 13, 20, 0, tzinfo=UTC)  # during the 13 November evening
    ahead = upcoming([dn, far], {}, now)
    assert [o.day for o in ahead][:2] == [date(2026, 11, 13), date(2026, 11, 27)]
    assert ahead[-1].date.id == "date:far"  # beyond eight weeks, yet shown
    behind = past([dn, far], {}, now)
    assert [o.day for o in behind] == [date(2026, 10, 30), date(2026, 10, 16)]


def test_quality_time_counts_only_evenings_marked_done_this_month() -> None:
    dn = friday_series()
    walk = DateNight(
        "date:walk", "Walk", LONDON, datetime(2026, 11, 8, 10, 0), 90, kind=DateKind.UNPLUGGED
    )
    away = DateNight("date:away", "Away", LONDON, date(2026, 11, 20), days=2, kind=DateKind.GETAWAY)
    marks = {
        dn.id: {
            date(2026, 10, 30): Mark(dn.id, date(2026, 10, 30), DateStatus.DONE),  # last month
            date(2026, 11, 13): Mark(dn.id, date(2026, 11, 13), DateStatus.DONE),
        },
        walk.id: {walk.first_day: Mark(walk.id, walk.first_day, DateStatus.DONE)},
        away.id: {away.first_day: Mark(away.id, away.first_day, DateStatus.DONE)},
    }
    figure = quality_time([dn, walk, away], marks, date(2026, 11, 25))
    assert (figure.minutes, figure.evenings, figure.unplugged, figure.days_away) == (240, 2, 1, 2)
    assert figure.planned == 1  # 27 November is still ahead
    assert figure.text() == (
        "November: 4 h together on 2 dates · 1 unplugged evening · 2 days away · 1 still planned"
    )
    assert quality_time([], {}, date(2026, 11, 25)).text() == "November: no dates marked done yet."


def test_agenda_shows_tonight_in_my_own_time_zone_and_each_day_of_a_getaway() -> None:
    dn = friday_series()
    away = DateNight(
        "date:away",
        "Lakes",
        LONDON,
        date(2026, 11, 20),
        days=3,
        kind=DateKind.GETAWAY,
        place="Keswick",
    )
    assert agenda_lines([dn], {}, date(2026, 11, 13), LONDON) == ["Tonight 19:30: Dinner"]
    assert agenda_lines([dn], {}, date(2026, 11, 13), "Asia/Tokyo") == []
    assert agenda_lines([dn], {}, date(2026, 11, 14), "Asia/Tokyo") == ["Today 04:30: Dinner"]
    assert agenda_lines([away], {}, date(2026, 11, 21), LONDON) == [
        "Getaway: Lakes (day 2 of 3) · Keswick"
    ]
    assert agenda_lines([away], {}, date(2026, 11, 23), LONDON) == []
    off = {dn.id: {date(2026, 11, 13): Mark(dn.id, date(2026, 11, 13), DateStatus.CANCELLED)}}
    assert agenda_lines([dn], off, date(2026, 11, 13), LONDON) == []


def test_when_text() -> None:
    dn = friday_series()
    assert when_text(Occurrence(dn, date(2026, 11, 13), DateStatus.PLANNED)) == "Fri 13 Nov 19:30"
    away = DateNight("date:a", "A", LONDON, date(2026, 12, 12), days=3, kind=DateKind.GETAWAY)
    occ = Occurrence(away, away.first_day, DateStatus.PLANNED)
    assert when_text(occ, with_year=True) == "Sat 12 – Mon 14 Dec 2026"


def test_rating_round_trip_and_bounds() -> None:
    rating = Rating("date:fri", date(2026, 11, 13), "a", 5, "the heron")
    assert Rating.from_data(rating.to_data()) == rating
    assert Rating.from_data({**rating.to_data(), "stars": 9}).stars == 5
