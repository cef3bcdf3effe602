"""The local index behind `rekindle status`: whatever changed in the files, and however the
index was left, its figures are the ones a full read of every file gives."""

from __future__ import annotations

import os
import pickle
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.store.store_helpers import (
    ME,
    ME_META,
    T0,
    THEM,
    THEM_META,
    Clock,
    device,
    shard_bytes,
)
from tracker.domain.habits.progress import habit_checks, streaks, strength
from tracker.domain.habits.together import together_streak
from tracker.domain.kinds import CHECK
from tracker.domain.models import (
    US,
    Check,
    CheckStatus,
    Habit,
    Owner,
    Schedule,
    ScheduleKind,
    check_id,
)
from tracker.store.check_index import INDEX_VERSION, Index, index_file, open_indexed
from tracker.store.couple import Couple
from tracker.store.files import read_file
from tracker.store.identity import LocalConfig
from tracker.store.records import Record, format_stamp
from tracker.store.replica import shard_path
from tracker.store.store import Store

TODAY = date(2026, 11, 20)
HABITS = (
    Habit("habit:daily", "Daily hello", owner=Owner.EACH, start=date(2026, 6, 1)),
    Habit(
        "habit:weekly",
        "Walk three times",
        owner=Owner.EACH,
        schedule=Schedule(ScheduleKind.PER_WEEK, times=3),
        start=date(2026, 6, 1),
    ),
    Habit(
        "habit:ours",
        "Cook together",
        owner=Owner.TOGETHER,
        schedule=Schedule(ScheduleKind.EVERY_N_DAYS, every=2),
        start=date(2026, 7, 1),
    ),
)


def oracle(data_dir: Path) -> tuple[dict[str, tuple[int, int, float]], int, dict[str, object]]:
    """Every figure from a full read of every file, the slow and obvious way."""
    store = Store(data_dir, ME, ME_META)
    store.load(use_cache=False)
    couple = Couple(store, "a")
    habits, checks = couple.habits(), couple.checks_by()
    figures = {}
    for habit in habits:
        for person in habit.people():
            own = habit_checks(checks, habit, person)
            run = streaks(habit, own, TODAY)
            figures[f"{habit.id}|{person}"] = (run.current, run.best, strength(habit, own, TODAY))
    every = {f"{p}|{h}": dict(days) for p, by in checks.items() for h, days in by.items()}
    return figures, together_streak(habits, checks, TODAY), every


def indexed(data_dir: Path) -> tuple[dict[str, tuple[int, int, float]], int, dict[str, object]]:
    config = LocalConfig(data_dir, ME, "a", "alex-laptop")
    found = open_indexed(config, data_dir, lambda couple: TODAY)
    figures = {key: (s.current, s.best, power) for key, (s, power) in found.figures.items()}
    every = {
        f"{p}|{h}": {day: checks[day] for day in checks}
        for p, by in found.checks_by.items()
        for h, checks in by.items()
    }
    return figures, found.together_streak, every


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Couple, Couple, Path]:
    monkeypatch.setenv("REKINDLE_CONFIG", str(tmp_path / "config"))
    clock = Clock(T0)
    alex = device(tmp_path / "data", ME, ME_META, clock)
    for habit in HABITS:
        alex.save_habit(habit)
    sam = device(tmp_path / "data", THEM, THEM_META, clock)
    return alex, sam, tmp_path / "data"


# (who, which habit, days before today, what): a tick, a skip, a measured-nothing, a take-back
Action = tuple[int, int, int, str]
actions = st.tuples(
    st.integers(0, 1),
    st.integers(0, len(HABITS) - 1),
    st.integers(0, 170),
    st.sampled_from(["done", "skip", "undo"]),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rounds=st.lists(st.lists(actions, max_size=8), min_size=1, max_size=4))
def test_the_index_agrees_with_a_full_read_after_every_round(
    pair: tuple[Couple, Couple, Path], rounds: list[list[Action]]
) -> None:
    alex, sam, data_dir = pair
    for changes in rounds:
        for who, which, back, what in changes:
            couple, habit = (alex, sam)[who], HABITS[which]
            person = US if habit.owner is Owner.TOGETHER else couple.me
            day = TODAY - timedelta(days=back)
            couple.store.refresh()
            if what == "undo":
                couple.clear_check(habit.id, person, day)
            else:
                couple.set_check(Check(habit.id, person, day, CheckStatus(what)))
        assert indexed(data_dir) == oracle(data_dir)


@pytest.mark.kernel_clock  # sets file times against this process's clock
def test_a_partner_tick_reads_one_month_again_and_works_out_one_habit(
    pair: tuple[Couple, Couple, Path],
) -> None:
    alex, sam, data_dir = pair
    for back in range(0, 150, 3):
        alex.set_check(Check("habit:daily", "a", TODAY - timedelta(days=back)))
        sam.set_check(Check("habit:daily", "b", TODAY - timedelta(days=back + 1)))
    indexed(data_dir)
    path = index_file(data_dir, ME)
    _age_everything(data_dir)  # as if written long ago: signatures are trusted
    indexed(data_dir)
    before = _read_index(path)
    sam.set_check(Check("habit:weekly", "b", date(2026, 8, 12)))
    _age_everything(data_dir)
    found = open_indexed(LocalConfig(data_dir, ME, "a", "alex-laptop"), data_dir, lambda c: TODAY)
    after = _read_index(path)
    # Only August was read again: no check-off from any other month is in the store.
    assert {r.data["day"][:7] for r in found.couple.store.live("check")} == {"2026-08"}
    assert {m for m in after.months if after.months[m] != before.months[m]} == {"2026-08"}
    # Only Sam's weekly habit was worked out again; everyone else's figures were kept.
    moved = {pair for pair in after.figures if after.figures[pair] != before.figures[pair]}
    assert moved <= {("b", "habit:weekly")}
    assert indexed(data_dir) == oracle(data_dir)


def test_a_damaged_or_missing_index_is_built_again(pair: tuple[Couple, Couple, Path]) -> None:
    alex, _sam, data_dir = pair
    alex.set_check(Check("habit:daily", "a", TODAY))
    right = oracle(data_dir)
    assert indexed(data_dir) == right
    path = index_file(data_dir, ME)
    path.write_bytes(b"\x80\x05 not a pickle")
    assert indexed(data_dir) == right
    path.unlink()
    assert indexed(data_dir) == right
    path.with_suffix(".figures").write_bytes(b"")
    assert indexed(data_dir) == right
    # The right version number, the wrong contents (a build of Rekindle in between).
    path.write_bytes(pickle.dumps({"version": INDEX_VERSION, "months": {}}))
    assert indexed(data_dir) == right


def test_figures_count_only_beside_the_months_they_came_from(
    pair: tuple[Couple, Couple, Path],
) -> None:
    alex, sam, data_dir = pair
    alex.set_check(Check("habit:daily", "a", TODAY))
    indexed(data_dir)
    figures = index_file(data_dir, ME).with_suffix(".figures")
    old_figures = figures.read_bytes()
    sam.set_check(Check("habit:daily", "b", TODAY))
    sam.set_check(Check("habit:ours", "us", TODAY))
    indexed(data_dir)
    figures.write_bytes(old_figures)  # as if the last save of the figures never happened
    assert indexed(data_dir) == oracle(data_dir)


def test_a_month_that_went_away_leaves_the_index(pair: tuple[Couple, Couple, Path]) -> None:
    alex, sam, data_dir = pair
    sam.set_check(Check("habit:daily", "b", date(2026, 7, 4)))
    alex.set_check(Check("habit:daily", "a", TODAY))
    assert indexed(data_dir)[2]["b|habit:daily"]
    (data_dir / "replicas" / THEM / "log" / "2026-07.json").unlink()  # that device removed
    assert indexed(data_dir) == oracle(data_dir)
    assert "b|habit:daily" not in indexed(data_dir)[2]


def _age_everything(data_dir: Path) -> None:
    an_hour_ago = (T0 // 1000) - 3600
    for path in data_dir.rglob("*.json"):
        os.utime(path, (an_hour_ago, an_hour_ago))


def _read_index(path: Path) -> Index:
    from tracker.store.check_index import _load

    return _load(path)


def _hand_edit(data_dir: Path, month: str, strays: list[date], stamp_ms: int) -> None:
    """Sam's file for `month`, rewritten by hand with ticks of Sam's daily habit on `strays`
    (days of other months) in it, beside what it held of its own month."""
    path = shard_path(data_dir, THEM, month)
    held = [r for r in read_file(path).records if r.data.get("day", "")[:7] == month]
    planted = [
        Record(
            check_id("habit:daily", "b", day),
            CHECK,
            format_stamp(stamp_ms, n),
            THEM,
            False,
            Check("habit:daily", "b", day, CheckStatus.DONE).to_data(),
        )
        for n, day in enumerate(strays)
    ]
    path.write_bytes(shard_bytes([*held, *planted], THEM_META, THEM))


def test_a_tick_kept_in_another_months_file_counts_as_the_app_counts_it(
    pair: tuple[Couple, Couple, Path],
) -> None:
    """Our writers keep each check-off in its own month's file; a hand edit or another
    app's bug may not, and the app (a full read) counts it wherever it is: so must status,
    when it arrives, while it stays, and once it is taken away."""
    alex, sam, data_dir = pair
    for back in (3, 30, 40):
        sam.set_check(Check("habit:daily", "b", TODAY - timedelta(days=back), CheckStatus.DONE))
    alex.set_check(Check("habit:daily", "a", TODAY - timedelta(days=35), CheckStatus.DONE))
    assert indexed(data_dir) == oracle(data_dir)  # the index, built: Oct and Nov files only
    november = f"{TODAY:%Y-%m}"
    october_day, august_day = TODAY - timedelta(days=33), date(2026, 8, 3)  # no August file
    _hand_edit(data_dir, november, [october_day, august_day], T0 + 10**9)
    assert indexed(data_dir) == oracle(data_dir)
    assert indexed(data_dir)[2]["b|habit:daily"].keys() >= {october_day, august_day}
    _hand_edit(data_dir, november, [august_day], T0 + 2 * 10**9)  # one taken away again
    assert indexed(data_dir) == oracle(data_dir)
    _hand_edit(data_dir, november, [], T0 + 3 * 10**9)
    assert indexed(data_dir) == oracle(data_dir)
    assert august_day not in indexed(data_dir)[2]["b|habit:daily"]
