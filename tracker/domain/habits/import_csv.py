"""A plain CSV of `date,habit,value` rows, from any tracker or spreadsheet, as a `Source`.

The rules (README, "Bringing your history from Loop"): a header row `date,habit,value`
(or just `date,habit`); a day as YYYY-MM-DD; the value empty, `1` or `yes` for done, `skip`
for a planned skip, or a number for a measurable habit. A habit with any number other than
1 is measurable; in it, `1` is the amount 1 and an empty value a tick without an amount.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from tracker.domain.habits.imports import ImportRefused, Source, SourceHabit, SourceTick
from tracker.domain.models import CheckStatus, HabitKind
from tracker.domain.text import single_line

HEADERS = (("date", "habit", "value"), ("date", "habit"))
DONE_WORDS = frozenset({"", "1", "yes"})
SKIP_WORD = "skip"
LEFT_BEHIND = (
    "targets and units (a measurable habit comes in with a target of 1: set its own in Habits)",
)


@dataclass(frozen=True)
class _Row:
    number: int  # the line's number in the file, header as 1, for a refusal to point at
    day: date
    habit: str
    value: str


def csv_source(text: str) -> Source:
    """The habits and ticks a CSV file holds, or ImportRefused naming the first bad row."""
    import csv
    import io

    # newline="": a line break inside a quoted field (a name typed over two lines) is the
    # field's, as the csv module wants; str.splitlines would also split at U+2028 and kin.
    lines = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = tuple(cell.strip().casefold() for cell in next(lines, []))
        if header not in HEADERS:
            raise ImportRefused(
                "Rekindle reads a CSV whose first line is “date,habit,value”; this file starts "
                f"with “{single_line(','.join(header))[:60]}”."
            )
        rows = [_row(lines.line_num, cells, len(header)) for cells in lines if cells]
    except csv.Error as error:
        raise ImportRefused(f"Line {lines.line_num} isn't proper CSV ({error}).") from None
    if not rows:
        raise ImportRefused("The file has no rows under its header; nothing was imported.")
    names: dict[str, str] = {}  # one spelling per habit: the first the file uses
    for row in rows:
        names.setdefault(row.habit.casefold(), row.habit)
    measurable = {
        row.habit.casefold() for row in rows if row.value.casefold() not in {*DONE_WORDS, SKIP_WORD}
    }
    habits = tuple(
        SourceHabit(
            key=key,
            title=name,
            kind=HabitKind.MEASURABLE if key in measurable else HabitKind.YES_NO,
        )
        for key, name in names.items()
    )
    return Source("csv", habits, _ticks(rows, measurable), LEFT_BEHIND)


def _row(number: int, cells: list[str], width: int) -> _Row:
    if len(cells) not in (2, width):
        raise ImportRefused(
            f"Line {number} has {len(cells)} fields; each line needs a date, a habit "
            "and, if you like, a value."
        )
    day_text, habit = cells[0].strip(), single_line(cells[1])
    try:
        if len(day_text) != 10:
            raise ValueError
        day = date.fromisoformat(day_text)
    except ValueError:
        shown = single_line(day_text)[:20]
        raise ImportRefused(f"Line {number}: “{shown}” isn't a day like 2024-05-31.") from None
    if not habit:
        raise ImportRefused(f"Line {number} has no habit name.")
    value = cells[2].strip() if len(cells) > 2 else ""
    if value.casefold() not in {*DONE_WORDS, SKIP_WORD} and _amount(value) is None:
        raise ImportRefused(
            f"Line {number}: “{single_line(value)[:20]}” isn't a value Rekindle knows; "
            "leave it empty, or write yes, skip or a number."
        )
    return _Row(number, day, habit, value)


def _ticks(rows: list[_Row], measurable: set[str]) -> tuple[SourceTick, ...]:
    ticks: dict[tuple[str, date], SourceTick] = {}
    for row in rows:
        key, word = row.habit.casefold(), row.value.casefold()
        if (key, row.day) in ticks:
            raise ImportRefused(
                f"Line {row.number}: “{row.habit}” on {row.day} is in the file twice; "
                "keep one line for it."
            )
        if word == SKIP_WORD:
            tick = SourceTick(key, row.day, CheckStatus.SKIP)
        elif key in measurable and word not in ("", "yes"):
            tick = SourceTick(key, row.day, CheckStatus.DONE, _amount(row.value))
        else:
            tick = SourceTick(key, row.day)
        ticks[key, row.day] = tick
    return tuple(ticks.values())


def _amount(text: str) -> float | None:
    """A number of zero or more that a habit can hold, or None."""
    try:
        amount = float(text)
    except ValueError:
        return None
    return amount if math.isfinite(amount) and 0 <= amount <= 1e12 else None
