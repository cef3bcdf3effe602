"""Dates in the couple's folder: two partners at once.

(The always-current calendar feed is the export layer's: tests/features/test_ics_feed.py.)
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from tests.conftest import Couples
from tracker.domain.content.ideas import IDEAS, IdeaKind
from tracker.domain.dates.input import DateDraft
from tracker.domain.dates.jar import JarIdea, idea_from_text
from tracker.domain.dates.model import DateKind, DateNight, DateStatus, RepeatFreq
from tracker.store import dates as store
from tracker.store.couple import Couple
from tracker.store.store import Store

NOW = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)


@pytest.fixture
def alex(couples: Couples) -> Couple:
    return couples.create()


@pytest.fixture
def sam(alex: Couple) -> Iterator[Couple]:
    """Sam's own device on the same folder."""
    own = Store(alex.store.data_dir, "sam0000device", {"partner": "b"})
    own.load()
    own.ensure_replica()
    yield Couple(own, "b")
    own.close()


def plan(couple: Couple, **fields: object) -> DateNight:
    values = {"title": "Dinner", "day": "2026-10-16", "time": "19:30", "hours": "2"}
    values.update(fields)
    dn = store.new_date(couple, DateDraft(**values))  # type: ignore[arg-type]
    store.save_date(couple, dn)
    return dn


def test_a_date_keeps_wall_time_and_zone_and_who_planned_it(alex: Couple) -> None:
    dn = plan(alex, tz="America/New_York")
    record = alex.record(dn.id)
    assert record is not None and record.kind == "date"
    assert record.data["start"] == "2026-10-16T19:30" and record.data["tz"] == "America/New_York"
    assert record.data["by"] == "a" and record.data["revision"] == 0
    default = plan(alex, title="Walk")
    assert default.tz == "Europe/London"  # partner A's


def test_two_partners_marking_different_evenings_both_keep_their_mark(
    alex: Couple, sam: Couple
) -> None:
    dn = plan(alex, repeat=RepeatFreq.WEEKLY)
    sam.store.refresh()
    store.set_status(alex, dn, date(2026, 10, 23), DateStatus.DONE)
    store.set_status(sam, dn, date(2026, 10, 30), DateStatus.CANCELLED)
    store.rate(alex, dn, date(2026, 10, 23), 5, "the heron", NOW)
    store.rate(sam, dn, date(2026, 10, 23), 4, "too much garlic", NOW)
    for couple in (alex, sam):
        couple.store.refresh()
        marks = store.marks(couple)[dn.id]
        assert marks[date(2026, 10, 23)].status is DateStatus.DONE
        assert marks[date(2026, 10, 30)].status is DateStatus.CANCELLED
        both = store.ratings(couple)[(dn.id, date(2026, 10, 23))]
        assert {p: (r.stars, r.memory) for p, r in both.items()} == {
            "a": (5, "the heron"),
            "b": (4, "too much garlic"),
        }


def test_rating_is_only_for_evenings_that_happened(alex: Couple) -> None:
    dn = plan(alex, day="2026-12-04")
    with pytest.raises(ValueError, match="hasn't happened yet"):
        store.rate(alex, dn, date(2026, 12, 4), 5, "", NOW)
    past = plan(alex, title="Walk", day="2026-11-20")
    store.set_status(alex, past, date(2026, 11, 20), DateStatus.CANCELLED)
    with pytest.raises(ValueError, match="called off"):
        store.rate(alex, past, date(2026, 11, 20), 5, "", NOW)
    with pytest.raises(ValueError, match="isn't on"):
        store.rate(alex, past, date(2026, 11, 21), 5, "", NOW)
    store.set_status(alex, past, date(2026, 11, 20), DateStatus.PLANNED)
    changes = store.rate(alex, past, date(2026, 11, 20), 3, "rain", NOW)
    assert len(changes) == 2  # marked done, then rated
    assert store.marks(alex)[past.id][date(2026, 11, 20)].status is DateStatus.DONE


def test_a_damaged_record_is_skipped_and_the_rest_shown(alex: Couple) -> None:
    plan(alex)
    alex.put_record("date", "date:broken", {"title": "No start"}, "test")
    alex.put_record(
        "date", "date:mars", {"title": "M", "start": "2026-01-01T10:00", "tz": "Mars/X"}, "t"
    )
    assert [d.title for d in store.dates(alex)] == ["Dinner"]


def test_agenda_for_the_today_screen(alex: Couple) -> None:
    plan(alex, day="2026-11-25", time="19:45", place="Luigi’s")
    plan(alex, title="Lakes", kind=DateKind.GETAWAY, day="2026-11-24", days="2")
    assert store.agenda(alex, date(2026, 11, 25)) == [
        "Getaway: Lakes (day 2 of 2)",
        "Tonight 19:45: Dinner · Luigi’s",
    ]
    assert store.agenda(alex, date(2026, 11, 26)) == []


def test_surprise_me_leaves_out_ideas_done_or_planned_lately(alex: Couple) -> None:
    getaways = [i for i in IDEAS if i.kind is IdeaKind.GETAWAY]
    for idea in getaways[:-1]:
        plan(alex, title=idea.title, idea=idea.key, day="2026-11-01")
    rng = random.Random(7)
    drawn = {store.surprise_me(alex, date(2026, 11, 25), IdeaKind.GETAWAY, rng) for _ in range(20)}
    assert {i.key for i in drawn if i} == {getaways[-1].key}
    # Long ago counts as not recent: the whole shelf is back.
    later = {
        i.key
        for _ in range(200)
        if (i := store.surprise_me(alex, date(2027, 6, 1), IdeaKind.GETAWAY, rng))
    }
    assert later == {i.key for i in getaways}


def test_own_ideas_go_in_the_jar_and_can_come_out(alex: Couple) -> None:
    idea = idea_from_text(
        alex.new_id("idea"), "Dance in the kitchen [b]", IdeaKind.HOME, "1", by="a"
    )
    store.add_idea(alex, idea)
    jar = store.idea_jar(alex)
    assert jar[0] == idea and len(jar) == len(IDEAS) + 1
    assert store.find_jar_idea(alex, idea.key) == idea
    with pytest.raises(ValueError, match="stay in the jar"):
        store.delete_idea(alex, JarIdea.of(IDEAS[0]))
    store.delete_idea(alex, idea)
    assert len(store.idea_jar(alex)) == len(IDEAS)


def test_quality_time_from_the_store(alex: Couple) -> None:
    walk = plan(
        alex, title="Walk", day="2026-11-08", time="10:00", hours="1.5", kind=DateKind.UNPLUGGED
    )
    store.mark_done(alex, walk, walk.first_day, NOW)
    figure = store.quality(alex, date(2026, 11, 25))
    assert (figure.minutes, figure.unplugged) == (90, 1)
    with pytest.raises(ValueError, match="hasn't happened"):
        later = plan(alex, title="Later", day="2026-12-01")
        store.mark_done(alex, later, later.first_day, NOW)
