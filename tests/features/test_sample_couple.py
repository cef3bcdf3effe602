"""The made-up couple (`rekindle sample`, `rekindle demo`): every feature has a real history.

A year of Alex and Sam is written with `write_sample`, opened as one of their
devices and read back through each feature's own store functions: talks held
and noted by both, dates done and rated, weekly check-ins with gaps and a rough
patch, promises kept and broken, goals with milestones and an alignment score.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from tests.conftest import RunHere
from tests.rekindle_cli import use_config
from tests.store.store_helpers import tree_bytes
from tracker.domain.checkin.model import KEYS, help_triggers, iso_week, recent_weeks
from tracker.domain.checkin.promises import PromiseStatus, reliability
from tracker.domain.content.daily import DAILY_QUESTIONS
from tracker.domain.daily import kinds as daily_kinds
from tracker.domain.daily.rules import pick
from tracker.domain.dates.model import DateKind, DateStatus
from tracker.domain.dates.views import past
from tracker.domain.sample.story import generate
from tracker.domain.talks.model import Status
from tracker.store import checkins, daily, dates, goals, talks
from tracker.store.couple import Couple
from tracker.store.sample import sample_config, write_sample
from tracker.store.setup import join_couple
from tracker.ui.app import RekindleApp, make_app

TODAY = date(2026, 11, 25)  # a Wednesday
NOW = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)
SEED = 7


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sample") / "couple"
    write_sample(out, 1, SEED, TODAY)
    return out


@pytest.fixture
def couple(folder: Path) -> Iterator[Couple]:
    opened = Couple.open(sample_config(folder))
    yield opened
    opened.store.close()


def test_every_kind_is_one_a_feature_store_reads() -> None:
    known = {
        "person", "habit", "check",
        talks.SLOT, talks.OCCURRENCE, talks.NOTE, talks.FOLLOWUP, talks.PREF, talks.USED,
        talks.WEEK, talks.OWN, talks.PROMISE,
        dates.DATE, dates.OCCURRENCE, dates.RATING, dates.IDEA,
        "checkin", "repair", "appreciation",
        "goal", "milestone", "values", "vision", "priorities",
        daily_kinds.ASKED, daily_kinds.ANSWER,
    }  # fmt: skip
    made = {r.kind for r in generate(TODAY - timedelta(days=365), TODAY, SEED)}
    assert made == known


def test_nothing_is_skipped_as_unreadable(couple: Couple) -> None:
    """Each store reads back every record of its kinds: shapes and ids are the feature's."""

    def n(kind: str) -> int:
        return len(couple.records(kind))

    assert len(talks.slots(couple, include_cancelled=True)) == n(talks.SLOT) == 1
    assert len(talks._occurrences(couple)) == n(talks.OCCURRENCE) > 40
    assert len(talks.notes(couple)) == n(talks.NOTE) > 40
    assert len(talks.followups(couple)) == n(talks.FOLLOWUP)
    assert len(talks.own_prompts(couple)) == n(talks.OWN) == 2
    assert len(dates.dates(couple)) == n(dates.DATE) > 3
    assert sum(len(m) for m in dates.marks(couple).values()) == n(dates.OCCURRENCE) > 20
    assert sum(len(r) for r in dates.ratings(couple).values()) == n(dates.RATING) > 20
    assert len(dates.own_ideas(couple)) == n(dates.IDEA) == 2
    assert len(checkins.all_checkins(couple)) == n("checkin") > 80
    assert len(checkins.promises(couple)) == n("promise") > 10
    assert len(checkins.repairs(couple)) == n("repair") >= 1
    assert len(checkins.appreciations(couple)) == n("appreciation") > 52
    assert len(goals.goals(couple)) == n("goal") == 5
    assert len(goals.milestones(couple)) == n("milestone") > 10
    reviews = goals.reviews(couple, "a") + goals.reviews(couple, "b")
    assert len(reviews) == n("priorities") > 12


def test_daily_questions_answered_most_days_with_a_run_up_to_today(couple: Couple) -> None:
    """Sam answers on Alex's laptop's app as the store reads it: every record validates,
    each day has the question the store itself would give it, and the demo opens on a
    run of days both answered, a history to browse, and Sam's answer waiting for Alex."""
    assert len(daily.answers(couple)) == len(couple.records(daily_kinds.ANSWER))
    days = daily.asked_days(couple)
    assert len(days) == len(couple.records(daily_kinds.ASKED)) > 30
    pool, seen = [question.key for question in DAILY_QUESTIONS], {}
    for day in sorted(days):  # as the store would have given them, a day at a time
        assert pick(daily.seed(couple), day, pool, seen, set()) == days[day]
        seen[day] = days[day]
    assert daily.streak(couple, TODAY) >= 6
    history = daily.past(couple, TODAY)
    both = [view for view in history if view.mine and view.theirs]
    one = [view for view in history if bool(view.mine) != view.they_answered]
    assert len(both) > len(history) / 2 and one  # most days both, some days one
    assert daily.who_answered(couple, TODAY) == (False, True)
    assert len(set(days.values())) == len(days)  # never the same question twice


def test_ids_follow_each_features_scheme(couple: Couple) -> None:
    for record in couple.records(talks.OCCURRENCE):
        assert record.id == f"talkocc:{record.data['slot']}:{record.data['day']}"
    for record in couple.records(talks.NOTE):
        data = record.data
        assert record.id == f"talknote:{data['slot']}:{data['day']}:{data['person']}"
    for record in couple.records(dates.OCCURRENCE):
        assert record.id == f"dateocc:{record.data['date']}:{record.data['day']}"
    for record in couple.records(dates.RATING):
        data = record.data
        assert record.id == f"daterating:{data['date']}:{data['day']}:{data['person']}"
    for record in couple.records("checkin"):
        assert record.id == f"checkin:{record.data['person']}:{record.data['week']}"
    for record in couple.records("priorities"):
        assert record.id == f"priorities:{record.data['person']}:{record.data['month']}"
    for kind in ("promise", "appreciation", "repair", "goal", dates.DATE, talks.SLOT):
        for record in couple.records(kind):
            prefix, _, token = record.id.partition(":")
            assert prefix == kind and len(token) == 12 and int(token, 16) >= 0


def test_talks_are_held_and_noted_by_both(couple: Couple) -> None:
    log = talks.log(couple)
    held = [e for e in log if e.occurrence.status is Status.HELD]
    assert len(held) > 30
    assert any(e.occurrence.status is Status.SKIPPED for e in log)
    both = [e for e in held if set(e.notes) == {"a", "b"}]
    assert len(both) > 10
    assert any(note.heard for e in both for note in e.notes.values())
    assert len({e.first("topic", "a") for e in held}) > 5  # not the same talk every week
    slot = talks.slots(couple)[0]
    assert slot.start.strftime("%A %H:%M") == "Sunday 20:00" and slot.rule
    # Prompts came up, and this week's is drawn already.
    assert talks.week_prompt(couple, TODAY) is not None
    assert len(talks.recently_used(couple)) > 20
    assert talks.prefs(couple)["b"]  # Sam marked a favourite and hid one


def test_dates_are_done_and_rated_by_both(couple: Couple) -> None:
    found, marks, ratings = dates.dates(couple), dates.marks(couple), dates.ratings(couple)
    evenings = past(found, marks, NOW)
    done = [o for o in evenings if o.status is DateStatus.DONE]
    assert len(done) > 15
    assert any(o.status is DateStatus.CANCELLED for o in evenings)
    rated = [ratings[(o.date.id, o.day)] for o in done if (o.date.id, o.day) in ratings]
    assert sum(set(r) == {"a", "b"} for r in rated) > 10
    assert any(r.memory for both in rated for r in both.values())
    series = [d for d in found if d.repeat.repeats]
    assert series and series[0].first_day.strftime("%A") == "Friday"
    assert series[0].repeat.interval == 2
    kinds = {d.kind for d in found}
    assert DateKind.DATE_NIGHT in kinds and len(kinds) >= 3


def test_checkins_most_weeks_with_gaps_and_a_rough_patch(couple: Couple) -> None:
    weeks = set(recent_weeks(iso_week(TODAY - timedelta(days=7)), 50))
    for person in ("a", "b"):
        mine = checkins.checkins_of(couple, person)
        done = {c.week for c in mine} & weeks
        assert 0.75 * len(weeks) <= len(done) < len(weeks)  # most weeks, never all
        closeness = {c.rating("closeness") for c in mine}
        assert len(closeness) >= 3  # it drifts
    # Somewhere in the year, three low check-ins in a row raised the help card.
    raised = set()
    for person in ("a", "b"):
        mine = checkins.checkins_of(couple, person)
        for n in range(1, len(mine) + 1):
            raised |= {t.rule for t in help_triggers(mine[:n])}
    assert "low" in raised
    # This week Sam is in and Alex isn't yet: the Today box says so.
    week = iso_week(TODAY)
    assert checkins.checkin_for(couple, "b", week) is not None
    assert checkins.checkin_for(couple, "a", week) is None
    assert any("has checked in" in line for line in checkins.agenda(couple, TODAY))
    assert all(set(c.ratings) == set(KEYS) for c in checkins.all_checkins(couple))


def test_promises_kept_broken_and_renegotiated(couple: Couple) -> None:
    found = checkins.promises(couple)
    statuses = {p.status for p in found}
    assert {PromiseStatus.KEPT, PromiseStatus.BROKEN} <= statuses
    assert any(h.get("event") == "renegotiated" for p in found for h in p.history)
    rates = [reliability(found, person, TODAY, 365).rate for person in ("a", "b")]
    assert all(rate is not None and 0 < rate <= 1 for rate in rates)
    assert any(rate is not None and rate < 1 for rate in rates)
    # A talk's follow-up that became a promise points at one that exists.
    became = [f.became for f in talks.followups(couple) if f.became]
    assert all(couple.record(target) is not None for target in became)


def test_goals_milestones_values_and_priorities(couple: Couple) -> None:
    found = goals.goals(couple)
    shared = [g for g in found if g.shared]
    assert 2 <= len(shared) <= 3
    assert {g.owner for g in found if not g.shared} == {"a", "b"}
    assert all(g.support for g in found if not g.shared)
    steps = goals.milestones(couple)
    assert {m.goal_id for m in steps} == {g.id for g in found}
    assert any(m.done for m in steps) and not all(m.done for m in steps)
    assert all(m.done_on and m.done_by in ("a", "b") for m in steps if m.done)
    score = goals.alignment(couple).score
    assert score is not None and 0 < score < 1
    for person in ("a", "b"):
        assert len(goals.values_of(couple, person)) >= 5
        assert goals.vision_of(couple, person)
        assert len(goals.reviews(couple, person)) >= 6


def test_same_seed_same_bytes_other_seed_other_couple(tmp_path: Path) -> None:
    write_sample(tmp_path / "one", 0.5, 3, TODAY)
    write_sample(tmp_path / "two", 0.5, 3, TODAY)
    write_sample(tmp_path / "three", 0.5, 4, TODAY)
    one = tree_bytes(tmp_path / "one")
    assert one == tree_bytes(tmp_path / "two")
    assert one.keys() == tree_bytes(tmp_path / "three").keys()
    assert one != tree_bytes(tmp_path / "three")


# The kernel stamps file times and times waits by the real clock, which faketime does not
# move: left out of the faked-day runs (tests/test_any_day.py), not of the suite.
@pytest.mark.kernel_clock
def test_status_and_doctor_on_a_device_that_joined(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rekindle_here: RunHere
) -> None:
    # Ending a few days ago, so nothing is stamped in this machine's future.
    source = tmp_path / "sample"
    write_sample(source, 1, SEED, date.today() - timedelta(days=5))
    config = tmp_path / "config"
    use_config(monkeypatch, config)
    join_couple(source, "a").store.close()
    for command in ("status", "doctor"):
        report = json.loads(rekindle_here(config, command, "--json").ok())
        if command == "status":
            assert {p["name"] for p in report["people"].values()} == {"Alex", "Sam"}
            assert report["together"]
        else:
            replicas = {r["replica_id"]: r for r in report["replicas"]}
            assert {"alex-laptop", "alex-phone", "sam-laptop", "sam-phone"} <= replicas.keys()
            assert all(replicas[r]["records"] > 0 for r in ("alex-laptop", "sam-laptop"))
            assert not [f for f in report["findings"] if f["level"] == "warn"]


def _text(app: RekindleApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_every_screen_shows_the_couples_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_config(monkeypatch, tmp_path / "config")
    write_sample(tmp_path / "couple", 1, SEED, TODAY)
    opened = Couple.open(sample_config(tmp_path / "couple"))
    app = make_app(opened, clock=lambda: NOW, poll=False)
    async with app.run_test(size=(120, 40)) as pilot:
        shown: dict[str, str] = {}
        for key in "12345690":
            await pilot.press(key)
            await pilot.pause()
            shown[key] = " ".join(str(s.render()) for s in app.screen.query(Static))
            rows = {t.id: t.row_count for t in app.screen.query(DataTable)}
            if key == "2":
                assert rows["habit-list"] >= 20
            if key == "3":
                assert rows["log-table"] > 30 and rows["coming-table"] > 0
                assert "This week's prompt: “" in _text(app, "#week-prompt")
            if key == "4":
                assert rows["past-table"] > 15 and rows["upcoming-table"] > 0
                assert _text(app, "#figures").startswith("November")
            if key == "6":  # goals with their milestones, and the monthly reviews
                assert rows["shared-table"] > 3 and rows["mine-table"] > 2
                assert rows["prio-table"] > 0
            if key == "9":
                assert rows["replicas"] >= 4
        assert "Sam has checked in" in shown["1"]
        assert "Sam has checked in. Theirs shows once yours is in" in shown["5"]
        assert "Kept over 90 days: you: " in shown["5"] and "Noticed and appreciated" in shown["5"]
        assert re.search(r"Alignment \d+%", shown["6"]) and "Shared goals  3 going" in shown["6"]
        assert str(tmp_path / "couple") in shown["0"]
    opened.store.close()
