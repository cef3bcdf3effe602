"""What is due for one person at one instant, and what a notification may bring up:
time zones, a day that begins at 04:00, DST, quiet hours, and "already sent today"."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.days import day_moment, local_day
from tracker.domain.reminders.due import (
    CheckinState,
    DueKind,
    OpenHabit,
    Planned,
    PromiseDue,
    QuestionState,
    Situation,
    due_items,
    to_notify,
)
from tracker.domain.reminders.prefs import ReminderPrefs, parse_quiet
from tracker.domain.reminders.words import notification, oneline

LONDON, BERLIN, AUCKLAND = "Europe/London", "Europe/Berlin", "Pacific/Auckland"
NO_QUIET = ReminderPrefs(quiet_from=None, quiet_to=None)
WALK = OpenHabit("habit:walk", "Evening walk", None)
HUG = OpenHabit("habit:hug", "Morning hug", time(7, 30))


def at(text: str, tz: str = LONDON) -> datetime:
    """A wall time in ``tz`` as an aware instant."""
    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(tz))


def situation(now: datetime, tz: str = LONDON, **kw: object) -> Situation:
    fields: dict[str, object] = {"prefs": NO_QUIET, "day_start": 4, **kw}
    return Situation(now=now, person="a", tz=tz, partner_name="Sam", **fields)  # type: ignore[arg-type]


def notified(s: Situation, sent: set[str] | None = None) -> list[str]:
    return [item.text for item in to_notify(due_items(s), s, sent or set())]


# -- habits -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2026-12-01 19:59", []),  # listed, but the usual time (20:00) has not come
        ("2026-12-01 20:00", ["Still open today: Evening walk"]),
        ("2026-12-02 03:59", ["Still open today: Evening walk"]),  # still 1 Dec's evening
    ],
)
def test_an_open_habit_comes_up_from_the_usual_time(now: str, expected: list[str]) -> None:
    s = situation(at(now), habits=[WALK])
    assert [item.text for item in due_items(s)] == ["Still open today: Evening walk"]
    assert notified(s) == expected


def test_a_habit_with_its_own_time_comes_up_then() -> None:
    s = situation(at("2026-12-01 07:30"), habits=[HUG, WALK])
    assert notified(s) == ["Still open today: Morning hug"]


def test_a_day_begun_at_four_keeps_the_small_hours_in_yesterday() -> None:
    late = OpenHabit("habit:late", "Say goodnight", time(1, 0))
    s = situation(at("2026-12-02 01:30"), habits=[late])
    assert s.day == date(2026, 12, 1)
    (item,) = due_items(s)
    assert item.key == "habit:late|a|2026-12-01"
    # 01:00 on a day begun at 04:00 is the next calendar date's 01:00, not this morning's.
    assert item.at == at("2026-12-02 01:00")
    assert notified(situation(at("2026-12-02 00:59"), habits=[late])) == []


def test_a_together_habit_is_said_so() -> None:
    together = OpenHabit("habit:talk", "Unhurried talk", None, together=True)
    (item,) = due_items(situation(at("2026-12-01 21:00"), habits=[together]))
    assert item.text == "Still open today, together: Unhurried talk"
    assert item.key == "habit:talk|us|2026-12-01"


def test_far_zones_each_get_their_own_evening() -> None:
    instant = datetime(2026, 12, 1, 7, 5, tzinfo=UTC)  # 20:05 in Auckland, 07:05 in London
    assert notified(situation(instant, AUCKLAND, habits=[WALK])) == [
        "Still open today: Evening walk"
    ]
    assert notified(situation(instant, LONDON, habits=[WALK])) == []


def test_a_reminder_in_the_hour_a_dst_change_skips_comes_after_it() -> None:
    # Berlin springs from 02:00 to 03:00 on 29 March 2026; a day begun at midnight.
    early = OpenHabit("habit:early", "Stretch together", time(2, 30))
    s = situation(at("2026-03-29 03:29", BERLIN), BERLIN, day_start=0, habits=[early])
    (item,) = due_items(s)
    assert item.at.astimezone(ZoneInfo(BERLIN)).time() == time(3, 30)
    assert notified(s) == []
    assert notified(situation(at("2026-03-29 03:30", BERLIN), BERLIN, day_start=0, habits=[early]))


def test_a_repeated_hour_brings_it_up_the_first_time() -> None:
    # London falls back from 02:00 BST to 01:00 GMT on 25 October 2026.
    s = situation(at("2026-10-25 01:45"), day_start=0, habits=[HUG])
    moment = day_moment(date(2026, 10, 25), time(1, 30), LONDON, 0)
    assert moment == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 01:30 BST, the first one
    assert s.day == date(2026, 10, 25)


# -- quiet hours and "already sent" ---------------------------------------------------------


def test_nothing_is_sent_in_quiet_hours_and_it_waits_for_them_to_end() -> None:
    prefs = ReminderPrefs(quiet_from=time(22), quiet_to=time(8))
    late = situation(at("2026-12-01 23:30"), prefs=prefs, habits=[WALK])
    assert due_items(late)  # still listed when asked
    assert notified(late) == []
    # A habit due at 07:30, inside quiet hours, comes up as they end.
    assert notified(situation(at("2026-12-02 07:59"), prefs=prefs, habits=[HUG])) == []
    morning = situation(at("2026-12-02 08:00"), prefs=prefs, habits=[HUG])
    assert notified(morning) == ["Still open today: Morning hug"]


def test_what_was_sent_today_is_not_sent_again() -> None:
    s = situation(at("2026-12-01 20:30"), habits=[WALK, HUG])
    first = to_notify(due_items(s), s, set())
    assert len(first) == 2
    again = to_notify(due_items(s), s, {item.key for item in first})
    assert again == []
    # The next day the same habit is a new reminder.
    tomorrow = situation(at("2026-12-02 20:30"), habits=[WALK])
    assert notified(tomorrow, {item.key for item in first})


# -- the rest ---------------------------------------------------------------------------


def test_a_talk_is_listed_within_hours_and_sent_its_minutes_before() -> None:
    prefs = ReminderPrefs(quiet_from=None, quiet_to=None, talk_before=30)
    talk = Planned("talk:s1:2026-12-01", "Sunday talk", at("2026-12-01 20:00"), 30)
    listed = [
        (n, due_items(situation(at(n), prefs=prefs, talks=[talk])))
        for n in ("2026-12-01 16:59", "2026-12-01 17:00", "2026-12-01 19:30", "2026-12-01 20:00")
    ]
    assert [len(items) for _, items in listed] == [0, 1, 1, 0]
    assert notified(situation(at("2026-12-01 19:29"), prefs=prefs, talks=[talk])) == []
    assert notified(situation(at("2026-12-01 19:30"), prefs=prefs, talks=[talk])) == [
        "Talk at 20:00: Sunday talk"
    ]


def test_tonights_date_in_my_own_zone() -> None:
    # Planned in Berlin's time; I am in London, an hour behind.
    dinner = Planned("date:d1:2026-12-01", "Dinner out", at("2026-12-01 20:00", BERLIN), 60)
    (item,) = due_items(situation(at("2026-12-01 12:00"), dates=[dinner]))
    assert item.text == "Tonight at 19:00: Dinner out"
    tomorrow = Planned("date:d2:2026-12-02", "Picnic", at("2026-12-02 13:00"), 60)
    assert due_items(situation(at("2026-12-01 12:00"), dates=[tomorrow])) == []


@pytest.mark.parametrize(
    ("now", "partner_in", "expected"),
    [
        ("2026-12-06 18:59", False, []),  # Sunday, before my check-in time
        ("2026-12-06 19:00", False, ["This week's check-in is waiting for you"]),
        ("2026-12-02 10:00", True, ["Sam has answered this week's check-in; yours is the last"]),
    ],
)
def test_the_weekly_check_in(now: str, partner_in: bool, expected: list[str]) -> None:
    state = CheckinState("2026-W49", mine_in=False, partner_in=partner_in)
    assert [i.text for i in due_items(situation(at(now), checkin=state))] == expected
    mine = CheckinState("2026-W49", mine_in=True, partner_in=partner_in)
    assert due_items(situation(at(now), checkin=mine)) == []


def test_most_important_first_and_one_notification_for_all() -> None:
    s = situation(
        at("2026-12-06 20:05"),
        habits=[WALK],
        talks=[Planned("talk:s:2026-12-06", "Talk", at("2026-12-06 20:30"), 60)],
        checkin=CheckinState("2026-W49", False, False),
        promises=[PromiseDue("promise:9", "Call Mum", date(2026, 12, 6))],
    )
    items = due_items(s)
    assert [i.kind for i in items] == [
        DueKind.TALK,
        DueKind.CHECKIN,
        DueKind.PROMISE,
        DueKind.HABIT,
    ]
    summary, body = notification(to_notify(items, s, set()))
    assert summary == "Rekindle: 4 things for you"
    assert body.splitlines() == [
        "• Talk at 20:30: Talk",
        "• This week's check-in is waiting for you",
        "• A promise due today: “Call Mum”",
        "• Still open today: Evening walk",
    ]
    # The talk alone, at 19:45: the others' times have not come.
    early = situation(at("2026-12-06 19:45"), talks=s.talks, promises=s.promises, habits=[WALK])
    assert notification(to_notify(due_items(early), early, set())) == (
        "Rekindle",
        "Talk at 20:30: Talk",
    )
    assert oneline(items) == "♥ talk 20:30 · check-in · 1 promise · 1 open"


def test_a_partners_title_stays_on_one_line_and_literal() -> None:
    sneaky = OpenHabit("habit:x", "[b]Walk[/b]\nrm -rf ~\x1b[2J", None)
    _, body = notification(due_items(situation(at("2026-12-01 21:00"), habits=[sneaky])))
    assert "\n" not in body and "\x1b" not in body
    assert "[b]Walk[/b]" in body


# -- rules against a simple oracle --------------------------------------------------------

ZONES = st.sampled_from([LONDON, BERLIN, AUCKLAND, "America/St_Johns", "Asia/Kathmandu", "UTC"])
CLOCKS = st.times().map(lambda t: t.replace(second=0, microsecond=0, tzinfo=None))
INSTANTS = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)


def _quiet_oracle(minute: int, start: int, end: int) -> bool:
    if start < end:
        return start <= minute < end
    return minute >= start or minute < end


@settings(max_examples=300, deadline=None)
@given(
    now=INSTANTS,
    tz=ZONES,
    day_start=st.integers(0, 23),
    usual=CLOCKS,
    own=st.lists(st.none() | CLOCKS, max_size=4),
    quiet=st.none() | st.tuples(CLOCKS, CLOCKS).filter(lambda q: q[0] != q[1]),
    sent_mask=st.lists(st.booleans(), max_size=4),
)
def test_what_is_sent_matches_the_rule(
    now: datetime,
    tz: str,
    day_start: int,
    usual: time,
    own: list[time | None],
    quiet: tuple[time, time] | None,
    sent_mask: list[bool],
) -> None:
    prefs = ReminderPrefs(
        habits_at=usual,
        quiet_from=quiet[0] if quiet else None,
        quiet_to=quiet[1] if quiet else None,
    )
    habits = [OpenHabit(f"habit:{n}", f"Habit {n}", clock) for n, clock in enumerate(own)]
    s = situation(now, tz, day_start=day_start, prefs=prefs, habits=habits)
    items = due_items(s)
    sent = {item.key for item, mask in zip(items, sent_mask, strict=False) if mask}
    local = now.astimezone(ZoneInfo(tz))
    minute = local.hour * 60 + local.minute
    is_quiet = quiet is not None and _quiet_oracle(
        minute, quiet[0].hour * 60 + quiet[0].minute, quiet[1].hour * 60 + quiet[1].minute
    )
    expected = [] if is_quiet else [i for i in items if i.at <= now and i.key not in sent]
    assert to_notify(items, s, sent) == expected
    assert len(items) == len(habits)
    for item, habit in zip(items, sorted(habits, key=lambda h: _at(s, h, usual)), strict=True):
        # Every reminder falls inside the person's own day, at their chosen wall time when
        # that time exists that day (a DST gap moves it by the gap).
        assert local_day(item.at, tz, day_start) == s.day
        wall = item.at.astimezone(ZoneInfo(tz)).time().replace(tzinfo=None)
        chosen = habit.remind_at or usual
        gap = abs(
            datetime.combine(date.min, wall) - datetime.combine(date.min, chosen)
        ) % timedelta(days=1)
        assert gap in (timedelta(0), timedelta(hours=1), timedelta(minutes=30), timedelta(hours=23))


def _at(s: Situation, habit: OpenHabit, usual: time) -> tuple[datetime, str]:
    moment = day_moment(s.day, habit.remind_at or usual, s.tz, s.day_start)
    return moment, ""


# -- settings as typed ------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["25:00", "7pm-ish", "22:00-22:00", "22:00", "soon-later"])
def test_quiet_hours_that_make_no_stretch_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match=r"\S"):
        parse_quiet(bad)


def test_a_partners_damaged_settings_keep_their_defaults_field_by_field() -> None:
    prefs = ReminderPrefs.from_data(
        {
            "habits_at": "25:99",
            "quiet_from": "23:00",
            "quiet_to": 7,
            "talk_before": 30,
            "checkin_day": {"x": 1},
            "checkin_at": "18:30",
        }
    )
    default = ReminderPrefs()
    assert (prefs.habits_at, prefs.talk_before, prefs.checkin_at) == (
        default.habits_at,
        30,
        time(18, 30),
    )
    assert (prefs.quiet_from, prefs.quiet_to) == (default.quiet_from, default.quiet_to)
    assert prefs.checkin_day == default.checkin_day
    none = ReminderPrefs.from_data({"quiet_from": "", "quiet_to": ""})
    assert not none.has_quiet
    assert ReminderPrefs.from_data(prefs.to_data()) == prefs


def test_the_daily_question_waits_until_i_answer_it() -> None:
    waiting = situation(at("2026-12-01 20:30"), question=QuestionState(False, True), habits=[WALK])
    items = due_items(waiting)
    assert [i.kind for i in items] == [DueKind.QUESTION, DueKind.HABIT]
    assert items[0].text == "Sam has answered today's question; yours is waiting"
    assert items[0].key == "question:2026-12-01"
    assert oneline(items) == "♥ question · 1 open"
    alone = situation(at("2026-12-01 20:30"), question=QuestionState(False, False))
    assert [i.text for i in due_items(alone)] == ["Today's question is waiting for you"]
    answered = situation(at("2026-12-01 20:30"), question=QuestionState(True, False))
    assert due_items(answered) == []
