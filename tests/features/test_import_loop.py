"""`rekindle import loop FILE`: a Loop Habit Tracker backup, built here from Loop's own
schema (tests/fixtures/loop-schema.sql), brought into a couple's folder."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from math import sqrt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import Couples, RunHere
from tests.rekindle_cli import command_env, run_command
from tests.voice import banned_words_in
from tracker.domain.habits.import_loop import loop_source
from tracker.domain.habits.imports import SourceTick
from tracker.domain.habits.progress import habit_checks, streaks, strength
from tracker.domain.models import (
    US,
    CheckStatus,
    Direction,
    Habit,
    HabitKind,
    Owner,
    ScheduleKind,
)
from tracker.store.couple import Couple
from tracker.store.identity import load_config

SCHEMA = Path(__file__).parent.parent / "fixtures" / "loop-schema.sql"
# Loop's repetition values (uhabits-core models/Entry.kt).
YES, NO, UNKNOWN, SKIP = 2, 0, -1, 3
_DAY = 86_400_000  # a day in milliseconds, as Loop counts them
FIRST = date(2024, 3, 1)
LAST = date(2024, 3, 31)  # the day the figures are compared on: all ticks lie before it

# (id, name, question, freq_num, freq_den, archived, type, target_type, target_value, unit)
WALK = (1, "Evening walk", "Did you walk after dinner?", 1, 1, 0, 0, 0, 0.0, "")
PAGES = (2, "Pages read aloud", "How many pages tonight?", 1, 1, 0, 1, 0, 10.0, "pages")
DINNER = (3, "Phone-free dinner", "", 3, 7, 0, 0, 0, 0.0, "")
OLD = (4, "Morning coffee in bed", "", 1, 1, 1, 0, 0, 0.0, "")
HABITS = (WALK, PAGES, DINNER, OLD)


def day(n: int) -> date:
    return FIRST + timedelta(days=n - 1)


def millis(when: date) -> int:
    return int(datetime(when.year, when.month, when.day, tzinfo=UTC).timestamp() * 1000)


def walk_days() -> dict[date, int]:
    # Ten days, a "no", a skip between two "no"s (so no run holds it), then seven more.
    days = {day(n): YES for n in range(1, 11)}
    days |= {day(11): NO, day(12): SKIP, day(13): NO, day(21): UNKNOWN}
    days |= {day(n): YES for n in range(14, 21)}
    return days


PAGES_READ = {day(1): 12.0, day(2): 5.5, day(3): 10.0, day(5): 0.0, day(6): 30.0, day(9): 9.25}
PAGES_SKIPPED = day(4)  # Loop stores a measurable habit's skip as 3, the same value as yes/no
DINNER_DAYS = [day(n) for n in (1, 3, 5, 8, 9, 12, 16, 17, 19, 22, 24, 27, 29)]
OLD_DAYS = [day(n) for n in range(1, 5)]


def repetitions() -> list[tuple[int, date, int]]:
    rows = [(1, when, value) for when, value in walk_days().items()]
    rows += [(2, when, round(amount * 1000)) for when, amount in PAGES_READ.items()]
    rows += [(2, PAGES_SKIPPED, SKIP)]
    rows += [(3, when, YES) for when in DINNER_DAYS] + [(4, when, YES) for when in OLD_DAYS]
    return rows


def loop_backup(
    path: Path,
    habits: Sequence[tuple[object, ...]] = HABITS,
    reps: Sequence[tuple[int, date, int]] | None = None,
    version: int = 25,
) -> Path:
    """A Loop database as Loop 2.1–2.3.1 leaves it, with these habits and repetitions."""
    with sqlite3.connect(path) as db:
        db.executescript(SCHEMA.read_text(encoding="utf-8"))
        for position, row in enumerate(habits):
            db.execute(
                "insert into Habits (id, name, question, freq_num, freq_den, archived, type,"
                " target_type, target_value, unit, position, color, highlight)"
                " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 5, 0)",
                (*row, position),
            )
        ids = {row[0] for row in habits}
        rows = [r for r in repetitions() if r[0] in ids] if reps is None else reps
        db.executemany(
            "insert into Repetitions (habit, timestamp, value) values (?, ?, ?)",
            [(habit, millis(when), value) for habit, when, value in rows],
        )
        db.execute(f"pragma user_version = {version}")
    db.close()
    return path


@pytest.fixture
def alex(couples: Couples) -> Path:
    couples.create(config="alex").store.close()
    return couples.tmp_path / "alex"


def reopened(config: Path) -> Couple:
    """The couple as Alex's device reads it now (the fixtures made Alex's config current)."""
    found = load_config()
    assert found is not None
    return Couple.open(found, data_dir=config.parent / "data")


def by_title(couple: Couple) -> dict[str, Habit]:
    return {h.title: h for h in couple.habits(include_archived=True)}


def loop_score(
    values: Sequence[int], times: int, days: int, targets: float = 0.0, smoothed: bool = True
) -> float:
    """Loop's habit score on the last day, from its published ScoreList.recompute and
    Score.compute (uhabits-core): each day the score moves toward how much of the quota
    the last `days` days met, with multiplier 0.5 ** (sqrt(times / days) / 13); a skipped
    day leaves it as it was. Non-daily yes/no habits double the window to smooth it.
    `values` are Loop's stored values, oldest first; `targets` > 0 marks a numeric habit;
    `smoothed=False` leaves the window as it is."""
    freq = times / days
    numeric = targets > 0
    if smoothed and not numeric and freq < 1:
        times, days = times * 2, days * 2
    multiplier = 0.5 ** (sqrt(freq) / 13)
    score, rolling = 0.0, 0.0
    for index, value in enumerate(values):
        leaving = values[index - days] if index >= days else None
        if numeric:
            rolling += max(0, value) - (max(0, leaving) if leaving is not None else 0)
            done = min(1.0, rolling / 1000 / targets)
        else:
            rolling += (value == YES) - (leaving == YES)
            done = min(1.0, rolling / times)
        if value != SKIP:
            score = score * multiplier + done * (1 - multiplier)
    return score


def loop_runs(values: Sequence[int]) -> tuple[int, int]:
    """(current, best) run of days marked yes, as Loop's streaks count them."""
    current = best = 0
    for value in values:
        current = current + 1 if value == YES else 0
        best = max(best, current)
    return current, best


def daily_values(days: dict[date, int], through: date) -> list[int]:
    first = min(days)
    return [days.get(first + timedelta(n), UNKNOWN) for n in range((through - first).days + 1)]


def test_every_repetition_comes_across_as_loop_kept_it(alex: Path, rekindle_here: RunHere) -> None:
    backup = loop_backup(alex.parent / "Loop Habits Backup.db")
    said = rekindle_here(alex, "import", "loop", str(backup), "--yes").ok()
    assert "“Evening walk” (new): 18 ticks, 2024-03-01 to 2024-03-20" in said
    assert "Not carried over:\n  colours\n  reminders\n" in said
    assert "Done: 4 new habits and 42 ticks brought in for Alex." in said
    couple = reopened(alex)
    habits = by_title(couple)
    walk, pages = habits["Evening walk"], habits["Pages read aloud"]
    dinner, old = habits["Phone-free dinner"], habits["Morning coffee in bed"]
    checks = couple.checks_by()["a"]
    walked = checks[walk.id]
    # Loop's yes is done and its skip a skip; its "no" and unknown days leave no tick.
    assert {d for d, c in walked.items() if c.status is CheckStatus.DONE} == {
        d for d, v in walk_days().items() if v == YES
    }
    assert [d for d, c in walked.items() if c.status is CheckStatus.SKIP] == [day(12)]
    assert walk.owner is Owner.A and walk.start == FIRST
    assert walk.description == "Did you walk after dinner?"
    assert (pages.kind, pages.target, pages.unit) == (HabitKind.MEASURABLE, 10.0, "pages")
    assert pages.direction is Direction.AT_LEAST
    assert {d: c.value for d, c in checks[pages.id].items() if d != PAGES_SKIPPED} == PAGES_READ
    assert checks[pages.id][PAGES_SKIPPED].status is CheckStatus.SKIP
    assert (dinner.schedule.kind, dinner.schedule.times) == (ScheduleKind.PER_WEEK, 3)
    assert sorted(checks[dinner.id]) == DINNER_DAYS
    assert old.archived and sorted(checks[old.id]) == OLD_DAYS
    couple.store.close()


def test_streaks_and_strength_are_what_loop_works_out(alex: Path, rekindle_here: RunHere) -> None:
    rekindle_here(alex, "import", "loop", str(loop_backup(alex.parent / "l.db")), "--yes").ok()
    couple = reopened(alex)
    habits, checks_by = by_title(couple), couple.checks_by()
    walk, pages = habits["Evening walk"], habits["Pages read aloud"]
    walked = habit_checks(checks_by, walk, "a")
    values = daily_values(walk_days(), LAST)
    assert strength(walk, walked, LAST) == pytest.approx(loop_score(values, 1, 1), abs=1e-9)
    through_last_tick = daily_values(walk_days(), day(20))
    runs = streaks(walk, walked, day(20))
    assert (runs.current, runs.best) == loop_runs(through_last_tick) == (7, 10)
    read = daily_values(
        {d: round(v * 1000) for d, v in PAGES_READ.items()} | {PAGES_SKIPPED: SKIP}, LAST
    )
    pages_checks = habit_checks(checks_by, pages, "a")
    assert strength(pages, pages_checks, LAST) == pytest.approx(
        loop_score(read, 1, 1, targets=10.0), abs=1e-9
    )
    # "3 times in 7 days" keeps Loop's frequency, and like Loop the score weighs yes/no
    # habits that aren't daily over twice the window (6 in 14 days).
    dinner = habits["Phone-free dinner"]
    dined = daily_values({d: YES for d in DINNER_DAYS}, LAST)
    ours = strength(dinner, habit_checks(checks_by, dinner, "a"), LAST)
    assert ours == pytest.approx(loop_score(dined, 3, 7), abs=1e-9)
    assert ours != pytest.approx(loop_score(dined, 3, 7, smoothed=False), abs=1e-3)
    couple.store.close()


def test_importing_twice_adds_nothing(alex: Path, rekindle_here: RunHere) -> None:
    backup = str(loop_backup(alex.parent / "l.db"))
    rekindle_here(alex, "import", "loop", backup, "--yes").ok()
    couple = reopened(alex)
    walk = by_title(couple)["Evening walk"]
    with couple.store.together():  # one imported day unticked since: it stays unticked
        assert couple.clear_check(walk.id, "a", day(2)) is not None
    couple.store.close()
    files = snapshot(alex.parent / "data")
    again = rekindle_here(alex, "import", "loop", backup, "--yes").ok()
    assert "42 ticks already here, kept as they are" not in again  # per habit, not summed
    assert "18 ticks already here, kept as they are" in again
    assert "“Evening walk” (already here, adding to it): 0 ticks" in again
    assert "All of it is here already; nothing to add." in again
    assert snapshot(alex.parent / "data") == files


def test_together_files_the_ticks_under_the_two_of_you(alex: Path, rekindle_here: RunHere) -> None:
    backup = str(loop_backup(alex.parent / "l.db", habits=[WALK]))
    said = rekindle_here(alex, "import", "loop", backup, "--as", "together", "--yes").ok()
    assert "for the two of you" in said
    couple = reopened(alex)
    (walk,) = couple.habits()
    assert walk.owner is Owner.TOGETHER
    assert len(couple.checks_by()[US][walk.id]) == 18  # 17 done and the skip
    assert walk.id not in couple.checks_by().get("a", {})
    couple.store.close()


def test_a_same_named_habit_is_added_to_not_made_twice(
    couples: Couples, rekindle_here: RunHere
) -> None:
    couple = couples.create(config="alex")
    mine = Habit("habit:ours", "evening WALK", owner=Owner.A, start=date(2024, 3, 5))
    with couple.store.together():
        couple.save_habit(mine)
    couple.store.close()
    config = couples.tmp_path / "alex"
    backup = str(loop_backup(config.parent / "l.db", habits=[WALK]))
    said = rekindle_here(config, "import", "loop", backup, "--yes").ok()
    assert "“evening WALK” (already here, adding to it): 18 ticks" in said
    assert "its start moves back to 2024-03-01, to hold the older ticks" in said
    again = reopened(config)
    (only,) = again.habits()
    assert only.id == "habit:ours" and only.start == FIRST  # moved back to hold day 1
    assert len(again.checks_by()["a"]["habit:ours"]) == 18
    again.store.close()


def test_a_same_named_habit_of_another_kind_is_refused(
    couples: Couples, rekindle_here: RunHere
) -> None:
    couple = couples.create(config="alex")
    with couple.store.together():
        couple.save_habit(
            Habit("habit:ours", "Evening walk", owner=Owner.A, kind=HabitKind.MEASURABLE)
        )
    couple.store.close()
    config = couples.tmp_path / "alex"
    files = snapshot(config.parent / "data")
    ran = rekindle_here(config, "import", "loop", str(loop_backup(config.parent / "l.db")))
    assert ran.refused() == (
        "rekindle: “Evening walk” is already a measurable habit here, but the file's is "
        "yes/no; rename one of them and import again."
    )
    assert snapshot(config.parent / "data") == files


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith(".lock")
    }


def _not_sqlite(path: Path) -> Path:
    path.write_text("date,habit\n2024-03-01,Walk\n", encoding="utf-8")
    return path


def _another_apps(path: Path) -> Path:
    with sqlite3.connect(path) as db:
        db.execute("create table Notes (id integer primary key, body text)")
    db.close()
    return path


def _newer(path: Path) -> Path:
    return loop_backup(path, version=26)


def _future(path: Path) -> Path:
    return loop_backup(path, habits=[WALK], reps=[(1, date(2150, 1, 1), YES)])


def _before_1970(path: Path) -> Path:
    return loop_backup(path, habits=[WALK], reps=[(1, date(1969, 12, 31), YES)])


def _truncated(path: Path) -> Path:
    whole = loop_backup(path.with_suffix(".whole"))
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    return path


@pytest.mark.parametrize(
    ("make", "sentence"),
    [
        (_not_sqlite, "can't be read as a Loop backup"),
        (_another_apps, "bad.db is not a Loop Habit Tracker backup."),
        (_newer, "from a newer Loop (database version 26)"),
        (_future, "The file has a tick on 2150-01-01, after today; nothing was imported."),
        (_before_1970, "The file has a tick before 1970; nothing was imported."),
        (_truncated, "can't be read as a Loop backup"),
    ],
)
def test_a_file_that_is_not_a_loop_backup_is_refused_and_nothing_changes(
    alex: Path, rekindle_here: RunHere, make: object, sentence: str
) -> None:
    assert callable(make)
    bad = make(alex.parent / "bad.db")
    files = snapshot(alex.parent / "data")
    ran = rekindle_here(alex, "import", "loop", str(bad), "--yes")
    assert sentence in ran.refused()
    assert banned_words_in(ran.err) == []
    assert snapshot(alex.parent / "data") == files


def test_on_a_pipe_it_asks_for_yes_and_previews_on_request(alex: Path) -> None:
    backup = loop_backup(alex.parent / "l.db")
    files = snapshot(alex.parent / "data")
    ran = run_command(alex, "import", "loop", str(backup))
    assert ran.refused() == (
        "rekindle: Nothing was imported: add --yes to import without being asked, or "
        "--preview to see what would come in."
    )
    assert ran.out == ""  # as every refusal: a script reads nothing on stdout
    shown = run_command(alex, "import", "loop", str(backup), "--preview").ok()
    assert "“Phone-free dinner” (new): 13 ticks" in shown
    assert "Loop counts any 7 days in a row; here it is counted in calendar weeks" in shown
    assert shown.endswith("Nothing was imported.\n")
    assert banned_words_in(shown + ran.err) == []
    assert snapshot(alex.parent / "data") == files


def test_damaged_rows_are_read_for_what_they_can_be(alex: Path, rekindle_here: RunHere) -> None:
    """SQLite keeps whatever it is given: text in a number's column, controls in a name."""
    odd_name = "Walk\u202e\x1b[31m " + "far " * 30
    odd = (1, odd_name, None, "often", None, "yes", 0, 0, "lots", b"\x00")
    reps = [(1, day(1), 99), (1, day(2), YES), (1, day(3), UNKNOWN)]
    backup = loop_backup(alex.parent / "odd.db", habits=[odd], reps=reps)
    with sqlite3.connect(backup) as db:  # a day written as words, not milliseconds
        db.execute("insert into Repetitions (habit, timestamp, value) values (1, 'May', 2)")
    db.close()
    said = rekindle_here(alex, "import", "loop", str(backup), "--yes").ok()
    assert "has no match here: it comes in as every day" in said
    assert "\x1b" not in said and "\u202e" not in said
    couple = reopened(alex)
    (walk,) = couple.habits(include_archived=True)
    # Controls dropped, cut to the 80 characters a name holds; "yes" is no archived flag.
    assert len(walk.title) == 80 and walk.title.startswith("Walk[31m far far")
    assert not walk.archived
    assert walk.schedule.kind is ScheduleKind.DAILY
    assert list(couple.checks_by()["a"][walk.id]) == [day(2)]
    couple.store.close()


@pytest.mark.parametrize(
    ("habit", "sentence"),
    [
        ((1, None, "", 1, 1, 0, 0, 0, 0.0, ""), "A habit in the file has no name"),
        ((1, "Walk", "", 1, 1, 0, 7, 0, 0.0, ""), "“Walk” is of a kind Rekindle doesn't know"),
    ],
)
def test_a_habit_rekindle_cannot_hold_is_refused_by_name(
    alex: Path, rekindle_here: RunHere, habit: tuple[object, ...], sentence: str
) -> None:
    backup = loop_backup(alex.parent / "odd.db", habits=[habit], reps=[(1, day(1), YES)])
    files = snapshot(alex.parent / "data")
    assert sentence in rekindle_here(alex, "import", "loop", str(backup), "--yes").refused()
    assert snapshot(alex.parent / "data") == files


@pytest.mark.parametrize(("answer", "imported"), [("y\n", True), ("\n", False)])
def test_on_a_terminal_it_asks_first(alex: Path, answer: str, imported: bool) -> None:
    """Standard input a real terminal (a pty), as when a person types the command."""
    backup = loop_backup(alex.parent / "l.db", habits=[WALK])
    typing, terminal = os.openpty()
    # Typed ahead: the answer waits in the terminal's input until the question reads it.
    os.write(typing, answer.encode())
    try:
        done = subprocess.run(
            [sys.executable, "-m", "tracker", "import", "loop", str(backup)],
            env=command_env(alex),
            stdin=terminal,
            capture_output=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(typing)
        os.close(terminal)
    assert "Import this? [y/N]" in done.stdout.decode()
    assert (done.returncode, done.stderr) == (0, b"")
    couple = reopened(alex)
    assert bool(couple.habits()) is imported
    couple.store.close()
    assert ("Nothing was imported." in done.stdout.decode()) is not imported


def _row(habit: tuple[object, ...]) -> dict[str, object]:
    columns = ("id", "name", "question", "freq_num", "freq_den", "archived", "type")
    columns += ("target_type", "target_value", "unit")
    return dict(zip(columns, habit, strict=True))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([WALK[0], PAGES[0]]),
            st.integers(0, 20_000),  # days since 1970
            st.integers(-5, 50_000),  # any stored value: Loop's words and amounts
            st.integers(0, _DAY - 1),  # a stamp not quite at midnight still names its day
        ),
        max_size=40,
    )
)
def test_each_stored_value_means_what_loop_says(rows: list[tuple[int, int, int, int]]) -> None:
    stored = [(habit, days * _DAY + extra, value) for habit, days, value, extra in rows]
    source = loop_source([_row(WALK), _row(PAGES)], stored)
    expected = set()
    for habit, days, value, _extra in rows:
        when = date(1970, 1, 1) + timedelta(days)
        if value == SKIP:
            expected.add(SourceTick(str(habit), when, CheckStatus.SKIP))
        elif habit == PAGES[0] and value >= 0:
            expected.add(SourceTick(str(habit), when, CheckStatus.DONE, value / 1000))
        elif habit == WALK[0] and value == YES:
            expected.add(SourceTick(str(habit), when))
    assert set(source.ticks) == expected
