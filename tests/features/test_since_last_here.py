""" "Since you were last here" from a real folder: what Sam did on Sam's computer after
Alex was last here is news; what came before, what Alex did (on any of Alex's computers)
and what Sam took back is not.

One clock throughout: the real now, and the couple's days counted from it."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from tests.conftest import Couples
from tests.rekindle_cli import use_config
from tracker.domain.checkin.model import KEYS, make_checkin
from tracker.domain.checkin.promises import make_appreciation, make_promise, settle
from tracker.domain.dates.model import DateNight
from tracker.domain.days import person_today
from tracker.domain.models import US, Check, CheckStatus, Habit, Owner
from tracker.domain.reminders.since import PartnerNews, Plan, PlanKind
from tracker.domain.talks.model import Slot
from tracker.store import checkins, dates, talks
from tracker.store.couple import Couple
from tracker.store.since import (
    last_here_file,
    mark_here,
    partner_news,
    read_last_here,
    since_you_were_here,
)


class Pair:
    def __init__(self, couples: Couples, monkeypatch: pytest.MonkeyPatch) -> None:
        self.couples, self.monkeypatch = couples, monkeypatch
        self.alex = couples.create(config="alex-config")
        self.sam = self.join("sam-config", "Sam")
        self.now = datetime.now(UTC)
        self.today = person_today(self.alex.person("a"), self.now)
        self.walk = self.habit("Walk after dinner", Owner.EACH)
        self.tea = self.habit("Tea in bed", Owner.EACH)
        self.dinner = self.habit("Phone-free dinner", Owner.TOGETHER)
        self.sam.store.refresh()

    def join(self, config: str, name: str) -> Couple:
        """Another computer joins; the test goes on as Alex's first computer."""
        joined = self.couples.join(config=config, name=name)
        use_config(self.monkeypatch, self.couples.tmp_path / "alex-config")
        return joined

    def habit(self, title: str, owner: Owner) -> str:
        habit = Habit(Couple.new_habit_id(), title, owner=owner, start=self.today)
        self.alex.save_habit(habit)
        return habit.id

    def alex_is_here(self) -> None:
        self.alex.store.refresh()
        mark_here(self.alex, self.now)

    def news(self) -> PartnerNews:
        self.alex.store.refresh()
        last = read_last_here(self.alex)
        assert last is not None
        return partner_news(self.alex, last, self.now)


@pytest.fixture
def pair(couples: Couples, monkeypatch: pytest.MonkeyPatch) -> Pair:
    return Pair(couples, monkeypatch)


def test_everything_sam_did_since_is_counted(pair: Pair) -> None:
    sam, today = pair.sam, pair.today
    older = make_promise("promise:old", "Fix the shelf", "b", "a", "in 5 days", today)
    checkins.save_promise(sam, older, "Promised")
    pair.alex_is_here()

    sam.set_check(Check(pair.walk, "b", today))
    sam.set_check(Check(pair.walk, "b", today - timedelta(days=1)))
    sam.set_check(Check(pair.dinner, US, today))
    checkins.save_checkin(sam, make_checkin("b", today, dict.fromkeys(KEYS, 4)))
    thanks = make_appreciation("appreciation:1", "b", "a", today, "the soup")
    checkins.save_appreciation(sam, thanks)
    saturday = today + timedelta(days=3)
    walk = DateNight("date:1", "Walk by the river", "UTC", datetime.combine(saturday, time(18)))
    dates.save_date(sam, walk)
    talk = Slot("talk:1", "Weekly talk", datetime.combine(today, time(21)), 30, "UTC")
    talks.save_slot(sam, talk, "Planned")
    promise = make_promise("promise:new", "Call your mum", "b", "a", "tomorrow", today)
    checkins.save_promise(sam, promise, "Promised")
    checkins.save_promise(sam, settle(older, True, today), "Kept")

    assert pair.news() == PartnerNews(
        ticked=("Walk after dinner", "Walk after dinner", "Phone-free dinner"),
        checkins=1,
        answered_this_week=True,
        thanks=("the soup",),
        plans=(
            Plan(PlanKind.DATE, "Walk by the river", saturday),
            Plan(PlanKind.TALK, "Weekly talk", today),
        ),
        promised=1,
        kept=1,
    )
    line = since_you_were_here(pair.alex, pair.now)
    assert line is not None and line.startswith("Since earlier ")
    assert "Sam ticked 2 habits 3 times, answered this week's check-in and 5 more things." in line
    # Told once: the opening marked Alex as here.
    assert since_you_were_here(pair.alex, pair.now) is None


def test_what_is_not_sams_news(pair: Pair) -> None:
    alex, sam, today = pair.alex, pair.sam, pair.today
    sam.set_check(Check(pair.walk, "b", today - timedelta(days=1)))  # before Alex was here
    pair.alex_is_here()

    alex.set_check(Check(pair.tea, "b", today))  # Alex ticking for Sam, on Alex's computer
    laptop = pair.join("alex-laptop", "Alex")  # Alex's other computer
    laptop.set_check(Check(pair.dinner, US, today))
    sam.set_check(Check(pair.walk, "b", today, CheckStatus.SKIP))  # a planned skip
    sam.set_check(Check(pair.tea, "b", today))
    sam.clear_check(pair.tea, "b", today)  # ticked, then taken back
    yesterday = datetime.combine(today - timedelta(days=1), time(19))
    dates.save_date(sam, DateNight("date:past", "Pizza", "UTC", yesterday))  # already happened
    talk = Slot("talk:off", "Talk", datetime.combine(today, time(21)), 30, "UTC", cancelled=True)
    talks.save_slot(sam, talk, "Called off")
    checkins.save_appreciation(sam, make_appreciation("appreciation:me", "b", "b", today, "me"))

    assert pair.news().total == 0
    assert since_you_were_here(alex, pair.now) is None


def test_a_tick_that_syncs_late_is_still_news(pair: Pair) -> None:
    """Sam ticked before Alex's last visit, but it reached Alex's computer only after:
    what is new is what Alex had not seen, whatever its time."""
    pair.sam.set_check(Check(pair.walk, "b", pair.today))
    mark_here(pair.alex, pair.now)  # without a look at the folder: not arrived yet
    assert pair.news().ticked == ("Walk after dinner",)


def test_an_edit_by_sam_under_one_of_alex_is_seen(pair: Pair) -> None:
    """Sam moves the date, then Alex renames it: Sam's move hides under Alex's newer
    version, and is still counted as seen when Alex is here."""
    start = datetime.combine(pair.today + timedelta(days=2), time(19))
    plan = DateNight("date:1", "Dinner", "UTC", start, by="a")
    dates.save_date(pair.alex, plan)
    pair.sam.store.refresh()
    dates.save_date(pair.sam, plan.edited(start=start + timedelta(days=1)))
    pair.alex.store.refresh()
    moved = dates.find_date(pair.alex, "date:1")
    assert moved is not None
    dates.save_date(pair.alex, moved.edited(title="Dinner out"))
    pair.alex_is_here()
    assert pair.news().total == 0


@pytest.mark.parametrize(
    "damaged",
    ['{"at_ms": "soon"', '{"at_ms": 9999999999999999, "seen": {}}', '{"seen": []}', "\xff"],
)
def test_first_opening_and_a_damaged_file_say_nothing(pair: Pair, damaged: str) -> None:
    pair.sam.set_check(Check(pair.walk, "b", pair.today))
    pair.alex.store.refresh()
    assert read_last_here(pair.alex) is None
    assert since_you_were_here(pair.alex, pair.now) is None  # the first time
    path = last_here_file(pair.alex.store.data_dir, pair.alex.store.replica_id)
    assert path.exists()
    pair.sam.set_check(Check(pair.tea, "b", pair.today))
    path.write_text(damaged)
    assert since_you_were_here(pair.alex, pair.now) is None  # damaged: no guess
    assert read_last_here(pair.alex) is not None  # and started afresh


def test_kept_on_this_computer_not_in_the_shared_folder(pair: Pair) -> None:
    pair.alex_is_here()
    path = last_here_file(pair.alex.store.data_dir, pair.alex.store.replica_id)
    assert pair.alex.store.data_dir not in path.parents
