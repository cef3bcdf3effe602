"""No double entry, in a real folder: marking a date done or logging a talk ticks the habits
linked to it, in the same save and the same undo step, on two partners' devices."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import Couples, RunHere
from tests.features.test_talks_store import sunday
from tracker.domain.dates.input import DateDraft
from tracker.domain.dates.model import DateNight, DateStatus
from tracker.domain.models import US, Check, CheckStatus, Fulfilment, Habit, Owner
from tracker.domain.talks.model import Status
from tracker.store import dates, talks
from tracker.store.couple import Change, Couple, recent_months
from tracker.store.links import ticked_also
from tracker.store.store import Store

NOW = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)  # a Wednesday evening
FRIDAY = date(2026, 11, 20)
STARTERS = ("date-night", "unhurried-talk", "phone-free-dinner")


@pytest.fixture
def alex(couples: Couples) -> Couple:
    return couples.create(starters=STARTERS, today=date(2026, 10, 1))


@pytest.fixture
def sam(alex: Couple) -> Iterator[Couple]:
    """Sam's own device on the same folder."""
    own = Store(alex.store.data_dir, "sam0000device", {"partner": "b"})
    own.load()
    own.ensure_replica()
    yield Couple(own, "b")
    own.close()


def titled(couple: Couple, title: str) -> Habit:
    return next(h for h in couple.habits(include_archived=True) if h.title == title)


def own_walk(couple: Couple, done_by: str = "date") -> Habit:
    """A habit each of us ticks, linked to dates too."""
    walk = Habit(
        Couple.new_habit_id(),
        "Walk home",
        owner=Owner.EACH,
        start=date(2026, 10, 1),
        done_by=done_by,
    )
    couple.save_habit(walk)
    return walk


def dinner_on(couple: Couple, day: date = FRIDAY) -> DateNight:
    draft = DateDraft(title="Dinner", day=day.isoformat(), time="19:30", hours="2")
    dn = dates.new_date(couple, draft)
    dates.save_date(couple, dn)
    return dn


def in_one_save(couple: Couple, action: object) -> list[Change]:
    with couple.store.together():
        changes = action()  # type: ignore[operator]
    assert isinstance(changes, list)
    return changes


def undo(couple: Couple, changes: list[Change]) -> None:
    with couple.store.together():
        for change in reversed(changes):
            couple.undo(change)


def on_disk(couple: Couple, habit: Habit, person: str, day: date) -> Check | None:
    """What a fresh reader of the folder finds: the tick was saved, not only remembered."""
    reader = Couple(Store(couple.store.data_dir, "reader"), couple.me)
    reader.store.load()
    return reader.check(habit.id, person, day)


# -- dates ------------------------------------------------------------------------------


def test_a_date_marked_done_ticks_date_night_and_own_linked_habits_on_its_day(
    alex: Couple,
) -> None:
    date_night, walk = titled(alex, "Date night"), own_walk(alex)
    dn = dinner_on(alex)
    changes = in_one_save(alex, lambda: dates.mark_done(alex, dn, FRIDAY, NOW))
    assert on_disk(alex, date_night, US, FRIDAY) == Check(date_night.id, US, FRIDAY)
    assert {p for p in ("a", "b") if on_disk(alex, walk, p, FRIDAY)} == {"a", "b"}
    assert alex.check(titled(alex, "Phone-free dinner").id, US, FRIDAY) is None  # not linked
    assert alex.check(titled(alex, "Unhurried talk").id, US, FRIDAY) is None  # linked to talks
    assert ticked_also(alex, changes) == (" — and ticked “Date night” and “Walk home” for you both")


def test_one_undo_takes_back_the_date_and_its_ticks(alex: Couple) -> None:
    date_night = titled(alex, "Date night")
    dn = dinner_on(alex)
    changes = in_one_save(alex, lambda: dates.mark_done(alex, dn, FRIDAY, NOW))
    undo(alex, changes)
    assert alex.check(date_night.id, US, FRIDAY) is None
    assert on_disk(alex, date_night, US, FRIDAY) is None
    occurrence = dates.occurrence(alex, dn, FRIDAY)
    assert occurrence is not None and occurrence.status is DateStatus.PLANNED


def test_whoever_already_has_a_check_off_that_day_keeps_it(alex: Couple, sam: Couple) -> None:
    date_night, walk = titled(alex, "Date night"), own_walk(alex)
    sam.store.refresh()
    sam.set_check(Check(walk.id, "b", FRIDAY, CheckStatus.SKIP, note="sore knee"))
    sam.set_check(Check(date_night.id, US, FRIDAY, note="the window table"))
    alex.store.refresh()
    dn = dinner_on(alex)
    changes = in_one_save(alex, lambda: dates.mark_done(alex, dn, FRIDAY, NOW))
    assert [c.record_id for c in changes if c.kind == "check"] == [Check(walk.id, "a", FRIDAY).id]
    assert alex.check(walk.id, "b", FRIDAY) == Check(
        walk.id, "b", FRIDAY, CheckStatus.SKIP, note="sore knee"
    )
    assert alex.check(date_night.id, US, FRIDAY) == Check(
        date_night.id, US, FRIDAY, note="the window table"
    )
    assert ticked_also(alex, changes) == " — and ticked “Walk home” for you"


def test_rating_an_evening_not_yet_done_ticks_too_and_marking_it_again_adds_nothing(
    alex: Couple,
) -> None:
    date_night = titled(alex, "Date night")
    dn = dinner_on(alex)
    dates.rate(alex, dn, FRIDAY, 5, "the heron", NOW)
    assert alex.check(date_night.id, US, FRIDAY) is not None
    again = in_one_save(alex, lambda: dates.mark_done(alex, dn, FRIDAY, NOW))
    assert [c.kind for c in again] == [dates.OCCURRENCE]
    assert ticked_also(alex, again) == ""


def test_an_archived_or_unlinked_habit_is_left_alone(alex: Couple) -> None:
    date_night = titled(alex, "Date night")
    alex.save_habit(date_night.with_changes(archived=True))
    walk = own_walk(alex, done_by="")
    dn = dinner_on(alex)
    changes = in_one_save(alex, lambda: dates.mark_done(alex, dn, FRIDAY, NOW))
    assert [c.kind for c in changes] == [dates.OCCURRENCE]
    assert alex.check(date_night.id, US, FRIDAY) is None
    assert alex.check(walk.id, "a", FRIDAY) is None


def test_no_tick_is_written_blind_on_a_day_whose_check_offs_are_not_read_yet(
    alex: Couple,
) -> None:
    long_ago = NOW.date() - timedelta(days=200)  # before the months a first read takes
    walk = own_walk(alex)
    alex.save_habit(walk.with_changes(start=long_ago))
    alex.set_check(Check(walk.id, "a", long_ago, CheckStatus.SKIP, note="away"))
    dn = dinner_on(alex, long_ago)
    # Sam's app in its first seconds: the months around today read, the years before not yet.
    early = Store(alex.store.data_dir, "sam0000second", {"partner": "b"})
    early.load(months=recent_months(NOW.date()))
    sam = Couple(early, "b")
    try:
        blind = in_one_save(sam, lambda: dates.mark_done(sam, dn, long_ago, NOW))
        assert [c.kind for c in blind] == [dates.OCCURRENCE]
        early.refresh()  # the rest of the history is in
        seen = in_one_save(sam, lambda: dates.mark_done(sam, dn, long_ago, NOW))
        assert [c.record_id for c in seen if c.kind == "check"] == [
            Check(walk.id, "b", long_ago).id
        ]
        kept = sam.check(walk.id, "a", long_ago)
        assert kept is not None and kept.note == "away"
    finally:
        early.close()


# -- talks ------------------------------------------------------------------------------


def test_a_logged_talk_ticks_unhurried_talk_at_its_goal_on_the_day_it_was_had(
    alex: Couple,
) -> None:
    talk = titled(alex, "Unhurried talk")
    slot = sunday(alex)
    meeting = next(m for m in talks.around(alex, NOW) if m.day == date(2026, 11, 29))
    talks.move(alex, meeting, datetime(2026, 11, 27, 19, 0), NOW)  # had on Friday instead
    changes = in_one_save(alex, lambda: talks.log_talk(alex, slot.id, meeting.day, topic="Us"))
    assert alex.check(talk.id, US, date(2026, 11, 29)) is None
    tick = on_disk(alex, talk, US, date(2026, 11, 27))
    assert tick is not None and tick.value == 15.0 and talk.met_by(tick.value)
    assert ticked_also(alex, changes) == " — and ticked “Unhurried talk” for you both"
    again = in_one_save(alex, lambda: talks.log_talk(alex, slot.id, meeting.day, heard="More"))
    assert [c.kind for c in again] == [talks.NOTE]  # notes added later tick nothing again
    undo(alex, changes)
    assert alex.check(talk.id, US, date(2026, 11, 27)) is None
    assert talks.occurrence(alex, slot.id, meeting.day).status is not Status.HELD


# -- the link, stored and merged ------------------------------------------------------------


def test_a_link_set_on_one_device_and_a_rename_on_the_other_both_survive(
    alex: Couple, sam: Couple
) -> None:
    walk = own_walk(alex, done_by="")
    sam.store.refresh()
    alex.save_habit(walk.with_changes(title="Evening walk"))  # Sam has not seen this yet
    seen_by_sam = sam.habit(walk.id)
    assert seen_by_sam is not None and seen_by_sam.title == "Walk home"
    sam.save_habit(seen_by_sam.with_changes(done_by=Fulfilment.TALK.value))
    for couple in (alex, sam):
        couple.store.refresh()
        merged = couple.habit(walk.id)
        assert merged is not None
        assert (merged.title, merged.fulfilled_by) == ("Evening walk", Fulfilment.TALK)


def test_a_newer_partners_link_is_read_as_none_and_kept_through_our_edits(
    alex: Couple, sam: Couple
) -> None:
    walk = own_walk(alex, done_by="")
    sam.store.refresh()
    # What a later Rekindle on Sam's side writes: a link this version has never heard of.
    sam.put_record("habit", walk.id, {**walk.to_data(), "done_by": "a-workout"}, "Linked")
    alex.store.refresh()
    read = alex.habit(walk.id)
    assert read is not None and read.fulfilled_by is None and alex.skipped == {}
    dn = dinner_on(alex)
    changes = in_one_save(alex, lambda: dates.mark_done(alex, dn, FRIDAY, NOW))
    assert all(c.record_id != Check(walk.id, "a", FRIDAY).id for c in changes)
    alex.save_habit(read.with_changes(title="Evening walk"))
    record = alex.record(walk.id)
    assert record is not None and record.data["done_by"] == "a-workout"


# -- the command line ---------------------------------------------------------------------


@pytest.fixture
def config(couples: Couples) -> Path:
    # Begun two months before the CLI's today (real or faked), so the days below are due.
    begun = date.today() - timedelta(days=60)
    couples.create(config="conf", starters=STARTERS, today=begun).store.close()
    return couples.tmp_path / "conf"


def habits_json(rekindle: RunHere, config: Path) -> dict[str, object]:
    listed = json.loads(rekindle(config, "habits", "--json").ok())
    return {h["title"]: h["done_by"] for h in listed}


def test_init_gives_linked_starters_and_habits_json_shows_the_links(
    rekindle_here: RunHere, config: Path
) -> None:
    assert habits_json(rekindle_here, config) == {
        "Unhurried talk": "talk",
        "Phone-free dinner": None,
        "Date night": "date",
    }
    starters = json.loads(rekindle_here(config, "habits", "--starters", "--json").ok())
    assert {s["key"]: s["done_by"] for s in starters if s["done_by"]} == {
        "unhurried-talk": "talk",
        "date-night": "date",
    }
    listing = rekindle_here(config, "habits").ok()
    assert "Date night  ·  quality time · together · 2× a month · also ticked when a date" in (
        listing
    )


def test_habit_add_and_edit_set_and_clear_the_link(rekindle_here: RunHere, config: Path) -> None:
    said = rekindle_here(config, "habit", "add", "Walk home", "--done-by", "date").ok()
    assert "also ticked when a date night is marked done" in said
    assert habits_json(rekindle_here, config)["Walk home"] == "date"
    rekindle_here(config, "habit", "edit", "Date night", "--done-by", "none").ok()
    rekindle_here(config, "habit", "edit", "Phone-free", "--done-by", "talk").ok()
    links = habits_json(rekindle_here, config)
    assert (links["Date night"], links["Phone-free dinner"]) == (None, "talk")
    unchanged = rekindle_here(config, "habit", "edit", "Walk home", "--done-by", "date").ok()
    assert "nothing to change" in unchanged
    wrong = rekindle_here(config, "habit", "edit", "Walk home", "--done-by", "gym")
    assert wrong.code == 2 and "invalid choice" in wrong.err


def _days_ago(days: int) -> str:
    """A day this many days before the real (or faked) today, as the CLI reads it."""
    return (date.today() - timedelta(days=days)).isoformat()


def test_date_done_and_talk_log_tick_and_say_so(
    rekindle_here: RunHere, config: Path, couples: Couples
) -> None:
    dinner, talk_day = _days_ago(10), _days_ago(6)  # by the CLI's own clock: any day works
    said = rekindle_here(config, "date", "add", "Dinner", "--on", dinner, "--at", "19:30").ok()
    assert "Dinner" in said
    done = rekindle_here(config, "date", "done", "Dinner").ok()
    assert "— and ticked “Date night” for you both." in done
    logged = rekindle_here(config, "talk", "log", "--date", talk_day, "--topic", "Us").ok()
    assert "Logged an unplanned talk on" in logged
    assert "— and ticked “Unhurried talk” for you both." in logged
    status = json.loads(rekindle_here(config, "status", "--date", dinner, "--json").ok())
    assert [r["habit"] for r in status["together"] if r["state"] == "met"] == ["Date night"]
    status = json.loads(rekindle_here(config, "status", "--date", talk_day, "--json").ok())
    (talk,) = [r for r in status["together"] if r["habit"] == "Unhurried talk"]
    assert (talk["state"], talk["value"]) == ("met", 15.0)
    again = rekindle_here(config, "talk", "log", "--date", talk_day, "--heard", "More").ok()
    assert "ticked" not in again


def test_rating_an_evening_not_marked_done_ticks_and_says_so(
    rekindle_here: RunHere, config: Path
) -> None:
    lunch = _days_ago(17)
    rekindle_here(config, "date", "add", "Lunch", "--on", lunch, "--at", "12:30").ok()
    rated = rekindle_here(config, "date", "rate", "Lunch", "--stars", "4").ok()
    assert rated.endswith("★★★★☆ — and ticked “Date night” for you both.\n")
    again = rekindle_here(config, "date", "rate", "Lunch", "--stars", "5").ok()
    assert "ticked" not in again
