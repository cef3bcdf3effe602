"""Talks in a real folder, written by two partners on two devices."""

from __future__ import annotations

import random
import tempfile
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Couples
from tests.rekindle_cli import use_config
from tracker.domain.checkin.promises import Promise
from tracker.domain.content.prompts import PROMPTS, Depth, Theme
from tracker.domain.models import Habit, Owner
from tracker.domain.talks.model import UNPLANNED, Slot, Status, plan_slot
from tracker.domain.talks.schedule import Freq, Repeat
from tracker.store import talks
from tracker.store.couple import Couple
from tracker.store.setup import create_couple
from tracker.store.store import Store

LONDON = "Europe/London"
NOW = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)  # a Wednesday evening
TODAY = date(2026, 11, 25)


@pytest.fixture
def pair(couples: Couples) -> tuple[Couple, Couple]:
    """Alex (a) and Sam (b), each on their own device, over one folder."""
    alex = couples.create(config="alex-config", tz=LONDON)
    return alex, couples.join(config="sam-config")


@pytest.fixture
def alex(pair: tuple[Couple, Couple]) -> Couple:
    return pair[0]


def sunday(couple: Couple, since: date = date(2026, 11, 1)) -> Slot:
    """Every Sunday at 20:00, first met on 1 November."""
    slot = plan_slot(
        Couple.new_id(talks.SLOT),
        "Sunday talk",
        Repeat(Freq.WEEKLY),
        since,
        time(20),
        45,
        LONDON,
        datetime(2026, 10, 30, tzinfo=UTC),
    )
    talks.save_slot(couple, slot, "Planned")
    return slot


def reread(couple: Couple) -> Store:
    """A fresh reader of the folder: what was written is on disk."""
    reader = Store(couple.store.data_dir, "reader")
    reader.load()
    return reader


# --- prompts -------------------------------------------------------------------------


def test_drawing_through_the_store_never_repeats_within_eight_weeks(alex: Couple) -> None:
    rng = random.Random(7)
    seen: dict[str, date] = {}
    for offset in range(56):  # one a day for eight weeks, 180 prompts to draw from
        day = TODAY + timedelta(days=offset)
        prompt, changes = talks.draw(alex, day, rng=rng)
        assert prompt is not None and changes
        assert prompt.key not in seen, f"{prompt.key} came back after {day - seen[prompt.key]}"
        seen[prompt.key] = day
    # Durable: the last one is this week's prompt for anyone reading the folder.
    last_week = TODAY + timedelta(days=55)
    assert reread(alex).get(f"talk-week:{last_week:%G-W%V}") is not None


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    seed=st.integers(0, 2**16),
    window=st.integers(1, 8),
    theme=st.sampled_from(list(Theme)),
    gaps=st.lists(st.integers(0, 9), min_size=5, max_size=30),
)
def test_draws_through_the_store_against_an_oracle(
    monkeypatch: pytest.MonkeyPatch, seed: int, window: int, theme: Theme, gaps: list[int]
) -> None:
    """Never a prompt seen within the window while a fresh one exists; else the one
    seen longest ago. The oracle only remembers what was drawn, and when."""
    with tempfile.TemporaryDirectory() as folder:
        use_config(monkeypatch, Path(folder) / "config")
        couple = create_couple(Path(folder) / "data", "Alex", "Sam", LONDON, 4, [])
        hidden = [p.key for p in PROMPTS if p.theme is theme][:3]
        for key in hidden:
            talks.set_pref(couple, key, hidden=True)
        pool = {p.key for p in PROMPTS if p.theme is theme} - set(hidden)
        last: dict[str, date] = {}
        rng, day = random.Random(seed), TODAY
        for gap in gaps:
            day += timedelta(days=gap)
            prompt, _ = talks.draw(couple, day, rng=rng, theme=theme, window_weeks=window)
            assert prompt is not None and prompt.key in pool
            fresh = {k for k in pool if k not in last or last[k] <= day - timedelta(weeks=window)}
            if fresh:
                assert prompt.key in fresh
            else:
                assert last[prompt.key] == min(last[k] for k in pool)
            last[prompt.key] = day
        couple.store.close()


def test_a_small_deck_comes_round_again_only_once_it_is_all_used(alex: Couple) -> None:
    repair = [p.key for p in PROMPTS if p.theme is Theme.REPAIR]
    rng = random.Random(1)
    drawn = [
        talks.draw(alex, TODAY + timedelta(days=d), rng=rng, theme=Theme.REPAIR)[0]
        for d in range(len(repair) + 1)
    ]
    keys = [p.key for p in drawn if p is not None]
    assert sorted(keys[: len(repair)]) == sorted(repair)  # every one once
    assert keys[-1] == keys[0]  # then the one talked about longest ago


def test_a_prompt_either_of_us_hid_is_never_drawn(pair: tuple[Couple, Couple]) -> None:
    alex, sam = pair
    trust = [p for p in PROMPTS if p.theme is Theme.TRUST]
    talks.set_pref(sam, trust[0].key, hidden=True)  # Sam hides one, on Sam's laptop
    talks.set_pref(alex, trust[1].key, hidden=True)
    alex.store.refresh()  # Sam's file arrives
    rng = random.Random(3)
    drawn = {
        talks.draw(alex, TODAY + timedelta(weeks=w), rng=rng, theme=Theme.TRUST)[0].key  # type: ignore[union-attr]
        for w in range(60)
    }
    assert trust[0].key not in drawn and trust[1].key not in drawn
    assert len(drawn) == len(trust) - 2
    # Each person's marks are their own records: no clash between laptops.
    assert talks.prefs(alex)["b"][trust[0].key].hidden
    assert not talks.prefs(alex)["a"].get(trust[0].key)


def test_when_every_match_is_hidden_nothing_is_drawn_or_written(alex: Couple) -> None:
    for prompt in PROMPTS:
        if prompt.theme is Theme.FUN and prompt.depth is Depth.DEEP:
            talks.set_pref(alex, prompt.key, hidden=True)
    before = len(alex.records(talks.USED))
    assert talks.draw(alex, TODAY, theme=Theme.FUN, depth=Depth.DEEP) == (None, [])
    assert len(alex.records(talks.USED)) == before


def test_my_partners_draw_counts_as_recent_for_me_too(pair: tuple[Couple, Couple]) -> None:
    alex, sam = pair
    rng = random.Random(5)
    theirs = {talks.draw(sam, TODAY, rng=rng, theme=Theme.FUN)[0].key for _ in range(10)}  # type: ignore[union-attr]
    alex.store.refresh()
    mine = {talks.draw(alex, TODAY, rng=rng, theme=Theme.FUN)[0].key for _ in range(10)}  # type: ignore[union-attr]
    assert not theirs & mine
    assert talks.week_prompt(alex, TODAY) is not None


def test_this_weeks_prompt_is_the_same_all_week_for_both(pair: tuple[Couple, Couple]) -> None:
    alex, sam = pair
    prompt, _ = talks.draw(alex, TODAY, rng=random.Random(2))
    sam.store.refresh()
    monday, sunday_ = date(2026, 11, 23), date(2026, 11, 29)
    assert talks.week_prompt(sam, monday) == prompt == talks.week_prompt(sam, sunday_)
    assert talks.week_prompt(sam, sunday_ + timedelta(days=1)) is None


def test_our_own_prompts_join_the_deck_and_can_be_drawn(alex: Couple) -> None:
    talks.add_own_prompt(
        alex, "  What would make [b]Sunday[/b]\x1b easier?  ", Theme.STRESS, Depth.LIGHT
    )
    (own,) = talks.own_prompts(alex)
    assert own.text == "What would make [b]Sunday[/b] easier?"
    assert own.key.startswith("own-prompt:") and own in talks.all_prompts(alex)
    for prompt in PROMPTS:
        if prompt.theme is Theme.STRESS and prompt.depth is Depth.LIGHT:
            talks.set_pref(alex, prompt.key, hidden=True)
    drawn, _ = talks.draw(alex, TODAY, theme=Theme.STRESS, depth=Depth.LIGHT)
    assert drawn == own
    talks.set_pref(alex, own.key, favourite=True)
    assert talks.prefs(alex)["a"][own.key] == talks.PromptPref(favourite=True, hidden=False)
    for bad, message in (("   ", "empty"), ("x" * 201, "200 characters")):
        with pytest.raises(ValueError, match=message):
            talks.add_own_prompt(alex, bad, Theme.FUN, Depth.LIGHT)
    assert len(talks.own_prompts(alex)) == 1


# --- the log -------------------------------------------------------------------------


def test_logging_on_two_laptops_at_once_loses_nobodys_words(pair: tuple[Couple, Couple]) -> None:
    alex, sam = pair
    slot = sunday(alex)
    sam.store.refresh()
    day = date(2026, 11, 22)
    # Both write about the same talk, neither having seen the other's notes.
    talks.log_talk(
        alex,
        slot.id,
        day,
        topic="Money",
        heard="Work is heavy",
        agreed="Budget night",
        followups=["Look at the budget"],
    )
    talks.log_talk(sam, slot.id, day, heard="He feels stretched", followups=["Book a walk"])
    alex.store.refresh()
    sam.store.refresh()
    for couple in (alex, sam):
        (entry,) = talks.log(couple)
        assert entry.occurrence.status is Status.HELD
        assert {p: n.heard for p, n in entry.notes.items()} == {
            "a": "Work is heavy",
            "b": "He feels stretched",
        }
        assert entry.first("topic", "b") == "Money"
        assert entry.first("agreed", "b") == "Budget night"
        assert sorted(f.text for f in entry.followups) == ["Book a walk", "Look at the budget"]


def test_logging_two_different_talks_never_collides(pair: tuple[Couple, Couple]) -> None:
    alex, sam = pair
    slot = sunday(alex)
    sam.store.refresh()
    talks.log_talk(alex, slot.id, date(2026, 11, 15), topic="Holidays")
    talks.log_talk(sam, slot.id, date(2026, 11, 22), topic="Parents")
    alex.store.refresh()
    assert [e.first("topic", "a") for e in talks.log(alex)] == ["Parents", "Holidays"]


def test_a_bad_field_saves_nothing_at_all(alex: Couple) -> None:
    slot = sunday(alex)
    day = date(2026, 11, 22)
    talks.log_talk(alex, slot.id, day, topic="Kept", heard="Kept too")
    for kwargs, message in (
        ({"heard": "x" * 2001}, "2,000 characters"),
        ({"topic": "y" * 201}, "200 characters"),
        ({"followups": ["z" * 201]}, "200 characters"),
        ({"followups": [f"step {n}" for n in range(11)]}, "10 follow-ups"),
    ):
        before = dict(alex.store.state)
        with pytest.raises(ValueError, match=message):
            talks.log_talk(alex, slot.id, day, **{"agreed": "Changed", **kwargs})  # type: ignore[arg-type]
        assert alex.store.state == before
    note = talks.note(alex, slot.id, day, "a")
    assert (note.topic, note.heard) == ("Kept", "Kept too")


def test_notes_keep_markup_and_newlines_but_lose_terminal_escapes(alex: Couple) -> None:
    slot = sunday(alex)
    day = date(2026, 11, 22)
    talks.log_talk(
        alex,
        slot.id,
        day,
        topic="[link=https://x]hi[/link]",
        heard="line one\nline two\x1b[2J\x07",
        agreed="  ",
    )
    saved = talks.note(alex, slot.id, day, "a")
    assert saved.topic == "[link=https://x]hi[/link]"
    assert saved.heard == "line one\nline two[2J"
    assert saved.agreed == ""


def test_a_talk_on_a_day_with_no_slot_is_logged_as_unplanned(alex: Couple) -> None:
    sunday(alex)
    assert talks.meeting_on(alex, date(2026, 11, 24)) == (UNPLANNED, date(2026, 11, 24))
    talks.log_talk(alex, UNPLANNED, date(2026, 11, 24), topic="A walk and a talk")
    (entry,) = talks.log(alex)
    assert (entry.title, entry.first("topic", "a")) == ("A talk", "A walk and a talk")


def test_a_moved_talk_is_found_on_its_new_day_not_its_old_one(alex: Couple) -> None:
    slot = sunday(alex)
    (meeting,) = [m for m in talks.around(alex, NOW) if m.day == date(2026, 11, 29)]
    talks.move(alex, meeting, datetime(2026, 11, 30, 19, 30), NOW)
    assert talks.meeting_on(alex, date(2026, 11, 30)) == (slot.id, date(2026, 11, 29))
    assert talks.meeting_on(alex, date(2026, 11, 29)) == (UNPLANNED, date(2026, 11, 29))


def test_two_slots_on_one_day_must_be_told_apart(alex: Couple) -> None:
    sunday(alex)
    other = sunday(alex)
    with pytest.raises(ValueError, match="say which"):
        talks.meeting_on(alex, date(2026, 11, 22))
    assert talks.meeting_on(alex, date(2026, 11, 22), other.id) == (other.id, date(2026, 11, 22))


# --- follow-ups become habits and promises --------------------------------------------


def test_a_follow_up_becomes_a_promise_in_the_promises_shape(alex: Couple) -> None:
    slot = sunday(alex)
    talks.log_talk(alex, slot.id, date(2026, 11, 22), followups=["Cook on Friday"])
    (followup,) = talks.followups(alex)
    changes = talks.followup_to_promise(alex, followup, "a", "b", date(2026, 11, 27), TODAY)
    (record,) = alex.records("promise")
    assert record.id.startswith("promise:")
    assert dict(record.data) == {
        "text": "Cook on Friday",
        "by": "a",
        "to": "b",
        "due": "2026-11-27",
        "status": "open",
        "made": "2026-11-25",
    }
    promise = Promise.from_data(record.id, record.data)  # the promises feature can read it
    assert promise.due == date(2026, 11, 27)
    assert talks.followups(alex)[0].became == record.id
    for change in reversed(changes):  # undo takes both back
        alex.undo(change)
    assert alex.records("promise") == [] and talks.followups(alex)[0].became == ""
    with pytest.raises(ValueError, match="already gone"):
        talks.followup_to_promise(alex, followup, "a", "b", date(2026, 11, 1), TODAY)


def test_a_follow_up_becomes_a_habit(alex: Couple) -> None:
    slot = sunday(alex)
    talks.log_talk(alex, slot.id, date(2026, 11, 22), followups=["Walk on Saturdays"])
    (followup,) = talks.followups(alex)
    habit = Habit(Couple.new_habit_id(), "Walk on Saturdays", owner=Owner.TOGETHER, start=TODAY)
    talks.followup_to_habit(alex, followup, habit)
    assert [h.title for h in alex.habits()] == ["Walk on Saturdays"]
    assert talks.followups(alex)[0].became == habit.id


# --- slots over time ------------------------------------------------------------------


def test_skipping_and_moving_show_in_what_is_coming_up(alex: Couple) -> None:
    sunday(alex)
    found = talks.around(alex, NOW)
    first, second = [m for m in found if m.start > NOW][:2]
    talks.set_status(alex, first, Status.SKIPPED)
    talks.move(alex, second, datetime(2026, 12, 5, 18), NOW)
    later = {m.day: m for m in talks.around(alex, NOW)}
    assert later[first.day].status is Status.SKIPPED
    assert later[second.day].local_start == datetime(2026, 12, 5, 18)
    assert later[second.day].moved


def test_moving_a_talk_into_the_past_is_refused_and_nothing_changes(alex: Couple) -> None:
    sunday(alex)
    (meeting,) = [m for m in talks.around(alex, NOW) if m.day == date(2026, 11, 29)]
    before = dict(alex.store.state)
    with pytest.raises(ValueError, match="has already gone"):
        talks.move(alex, meeting, datetime(2026, 11, 25, 19, 0), NOW)  # an hour ago
    with pytest.raises(ValueError, match="more than a year away"):
        talks.move(alex, meeting, datetime(2028, 1, 1, 20), NOW)
    assert alex.store.state == before


def test_changing_the_time_of_a_series_that_has_met_keeps_its_past(alex: Couple) -> None:
    old = sunday(alex)
    talks.log_talk(alex, old.id, date(2026, 11, 22), topic="Kept")
    new = plan_slot(
        old.id, "Saturday talk", Repeat(Freq.WEEKLY), date(2026, 11, 28), time(18), 45, LONDON, NOW
    )
    changes = talks.edit_slot(alex, old, new, NOW)
    assert len(changes) == 2
    ended = talks.slot(alex, old.id)
    assert ended is not None and "UNTIL=" in ended.rule and ended.revision == 1
    coming = talks.around(alex, NOW)
    assert [m.local_start.weekday() for m in coming if m.start > NOW][:3] == [5, 5, 5]
    assert [e.first("topic", "a") for e in talks.log(alex)] == ["Kept"]
    # A new name and length only: one record, one revision up, the same series.
    other = sunday(alex)
    renamed = Slot(other.id, "Renamed", datetime(2026, 11, 29, 20), 60, LONDON, other.rule)
    assert len(talks.edit_slot(alex, other, renamed, NOW)) == 1
    edited = talks.slot(alex, other.id)
    assert edited is not None
    assert (edited.title, edited.minutes, edited.revision) == ("Renamed", 60, 1)
    assert edited.start == other.start  # the series still begins where it did


def test_ending_a_slot_keeps_the_log_and_stops_what_is_ahead(alex: Couple) -> None:
    slot = sunday(alex)
    talks.log_talk(alex, slot.id, date(2026, 11, 22), topic="Kept")
    talks.end_slot(alex, slot, NOW)
    assert [m for m in talks.around(alex, NOW) if m.start > NOW] == []
    assert len(talks.log(alex)) == 1
    future = plan_slot(
        Couple.new_id(talks.SLOT),
        "One-off",
        Repeat(Freq.ONCE),
        date(2026, 12, 1),
        time(20),
        45,
        LONDON,
        NOW,
    )
    talks.save_slot(alex, future, "Planned")
    talks.end_slot(alex, future, NOW)
    cancelled = talks.slot(alex, future.id)
    assert cancelled is not None and cancelled.cancelled


def test_damaged_records_from_another_version_are_skipped_not_fatal(alex: Couple) -> None:
    slot = sunday(alex)
    odd = {
        ("talk", "talk:odd"): {"start": "not a time"},
        ("talk", "talk:loud"): {
            "start": "2026-11-26T20:00",
            "tz": LONDON,
            "rrule": "FREQ=SECONDLY",
        },
        ("talk", "talk:far"): {"start": "9999-12-31T23:00", "tz": LONDON},
        ("talk", "talk:long"): {"start": "2026-11-26T20:00", "tz": LONDON, "minutes": 10**12},
        ("talk-occurrence", "talkocc:x"): {"slot": slot.id, "day": "2026-11-29", "moved_to": "?"},
        ("talk-note", "talknote:x"): {"slot": slot.id, "day": "someday", "person": "a"},
        ("talk-followup", "talk-followup:x"): {"text": "no slot"},
        ("prompt-pref", "prompt-pref"): {"hidden": True},
        ("prompt-used", "prompt-used:x"): {"key": "love-maps-01", "day": "soon"},
    }
    for (kind, record_id), data in odd.items():
        alex.put_record(kind, record_id, data, "odd")
    assert sorted(s.title for s in talks.slots(alex)) == ["Our talk", "Sunday talk"]
    long = talks.slot(alex, "talk:long")
    assert long is not None and long.minutes == 480
    assert talks.around(alex, NOW) and talks.log(alex) == []
    assert talks.prefs(alex) == {"a": {}, "b": {}}
    assert talks.draw(alex, TODAY)[0] is not None
    assert len(talks.calendar_events(alex)) == 2
    assert talks.agenda(alex, date(2026, 11, 29)) == ["Talk at 20:00, 45 min: Sunday talk"]


def test_a_prompt_we_logged_talking_about_counts_as_used(alex: Couple) -> None:
    slot = sunday(alex)
    talks.log_talk(alex, slot.id, date(2026, 11, 22), prompt="repair-01")
    assert talks.recently_used(alex) == {"repair-01": date(2026, 11, 22)}
    (entry,) = talks.log(alex)
    assert entry.first("prompt", "b") == "repair-01"


# --- today ----------------------------------------------------------------------------


def test_today_says_when_we_talk_tonight_and_forgets_skipped_ones(alex: Couple) -> None:
    sunday(alex)
    day = date(2026, 11, 29)
    assert talks.agenda(alex, day) == ["Talk at 20:00, 45 min: Sunday talk"]
    assert talks.agenda(alex, date(2026, 11, 28)) == []
    (meeting,) = [m for m in talks.around(alex, NOW) if m.day == day]
    talks.set_status(alex, meeting, Status.SKIPPED)
    assert talks.agenda(alex, day) == []
    talks.set_status(alex, meeting, Status.HELD)
    assert talks.agenda(alex, day) == ["Talked today: Sunday talk"]


def test_a_talk_after_midnight_belongs_to_the_evening_before(alex: Couple) -> None:
    slot = plan_slot(
        Couple.new_id(talks.SLOT),
        "Night owls",
        Repeat(Freq.ONCE),
        date(2026, 11, 28),
        time(1, 30),
        45,
        LONDON,
        NOW,
    )
    talks.save_slot(alex, slot, "Planned")
    assert talks.agenda(alex, date(2026, 11, 27)) == ["Talk at 01:30, 45 min: Night owls"]
    assert talks.agenda(alex, date(2026, 11, 28)) == []
