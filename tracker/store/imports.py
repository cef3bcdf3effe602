"""Habit history from elsewhere, planned against the couple's data and saved in one go."""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.domain.habits.imports import ImportRefused, Plan, Source, plan_import
from tracker.domain.models import Owner
from tracker.store.couple import Couple

if TYPE_CHECKING:
    import sqlite3


def plan_for(couple: Couple, source: Source, owner: Owner, today: date) -> Plan:
    """The plan for `source` against what the couple already has (archived habits too: a
    name kept in the archive is still theirs, matched rather than made twice)."""
    existing = couple.habits(include_archived=True)

    def has_tick(record_id: str) -> bool:
        # A tick unticked since (deleted, so `get` hides it) counts too: their choice stands
        # over the file's, and a second import never brings back what they took away.
        return couple.store.state.get(record_id) is not None

    return plan_import(source, owner, existing, has_tick, today)


def apply_plan(couple: Couple, plan: Plan) -> None:
    """Every habit and tick of the plan, saved as one: all of it, or (on any failure)
    none of it, the couple's data as it was."""
    with couple.store.together():
        for planned in plan.habits:
            if planned.new or planned.changed:
                couple.save_habit(planned.habit)
            for check in planned.ticks:
                couple.set_check(check, f"Imported “{planned.habit.title}”")


def read_loop(path: Path) -> Source:
    """Loop's full backup, read without ever writing to it (read-only and immutable: no
    journal, no lock, not even on a read-only medium)."""
    import sqlite3

    from tracker.domain.habits.import_loop import HABIT_COLUMNS, loop_source, version_problem

    if not path.is_file():
        raise ImportRefused(f"There is no file at {path}.")
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as db:
            tables = {row[0].casefold() for row in db.execute(_TABLES) if isinstance(row[0], str)}
            if not {"habits", "repetitions"} <= tables:
                raise ImportRefused(f"{path.name} is not a Loop Habit Tracker backup.")
            problem = version_problem(db.execute("pragma user_version").fetchone()[0])
            if problem:
                raise ImportRefused(problem)
            columns = _columns(db, "Habits")
            if not set(HABIT_COLUMNS) <= columns:
                raise ImportRefused(f"{path.name} is missing parts of Loop's habit list.")
            wanted = [*HABIT_COLUMNS, *(("question",) if "question" in columns else ())]
            # Column names from our own list, never from the file.
            select = f"select {', '.join(wanted)} from Habits order by id"
            habits = [dict(zip(wanted, row, strict=True)) for row in db.execute(select)]
            repetitions = db.execute("select habit, timestamp, value from Repetitions").fetchall()
            notes = 0
            if "notes" in _columns(db, "Repetitions"):
                notes = db.execute(_NOTES).fetchone()[0]
            return loop_source(habits, repetitions, notes)
    except sqlite3.DatabaseError as error:
        raise ImportRefused(f"{path.name} can't be read as a Loop backup ({error}).") from None


_TABLES = "select name from sqlite_master where type = 'table'"
_NOTES = "select count(*) from Repetitions where notes is not null and trim(notes) != ''"


def _columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {str(row[1]).casefold() for row in db.execute(f"pragma table_info({table})")}


def read_csv(path: Path) -> Source:
    """A `date,habit,value` CSV file (UTF-8, a byte-order mark allowed)."""
    from tracker.domain.habits.import_csv import csv_source

    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ImportRefused(f"There is no file at {path}.") from None
    except UnicodeDecodeError:
        raise ImportRefused(f"{path.name} isn't UTF-8 text; save it as UTF-8 CSV.") from None
    except OSError as error:
        raise ImportRefused(f"{path.name} can't be read ({error.strerror}).") from None
    return csv_source(text)
