"""Every check-off, month by month, and each habit's streak and strength, kept locally so
`rekindle status` answers at once on ten years of history.

Like the state cache (cache.py) it lives beside this device's settings, is never synced and
can be deleted at any time: the files stay the truth. Each month's check-offs are kept with the
signature (size, mtime) of every file, on every device, that holds that month. A month whose
files are unchanged is taken from here; one that changed (a partner's ticks arrived, this
device ticked) is read again from its files and merged, and only the habits whose check-offs
changed in it have their years of streak and strength worked out again.
"""

from __future__ import annotations

import os
import pickle
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tracker.domain.habits.progress import Checks, Streaks, Tally, carried
from tracker.domain.habits.schedule import streak_unit
from tracker.domain.habits.together import together_streak
from tracker.domain.kinds import CHECK
from tracker.domain.models import Check, CheckStatus
from tracker.store.cache import UNSETTLED, cache_file, paused_gc, settled
from tracker.store.couple import Couple
from tracker.store.files import LOG_DIR, FileRole, atomic_write, make_private_dir
from tracker.store.identity import LocalConfig
from tracker.store.records import Record
from tracker.store.settings import first_weekday
from tracker.store.store import Scan, Store
from tracker.store.walk import walk

# 2: each habit's tally; 3: figures in a file of their own; 4: a holiday both planned
# bridges the together streak (a kept streak worked out the old way must not linger);
# 5: check-offs kept in another month's file are followed (strays); 6: a yes/no habit
# that isn't daily weighs twice its window, as Loop does (its kept tallies are older).
INDEX_VERSION = 6
Pair = tuple[str, str]  # (person key, habit id): whose check-offs, of which habit
Compact = tuple[str, float | None, str]  # status, value, note
Signatures = dict[str, tuple[int, int]]  # path → (size, mtime_ns)
MonthChecks = dict[Pair, dict[int, Compact]]  # by day's ordinal
# A Tally as plain values: (through's ordinal, current, best, score, rolling, window)
FlatTally = tuple[int, int, int, float, float, tuple[float, ...]]
# (day's ordinal, the habit version's stamp, current streak, best streak, strength, and
# the tally through the day before, to carry on from)
Figured = tuple[int, str, int, int, float, FlatTally | None]

LOG_PREFIX = f"{LOG_DIR}/"
_STATUS = {status.value: status for status in CheckStatus}


class CompactChecks(Mapping[date, Check]):
    """One person's check-offs of one habit, read from the index as the domain asks for them:
    building ten years of Check objects up front would cost more than the answer."""

    __slots__ = ("_days", "_habit_id", "_person")

    def __init__(self, habit_id: str, person: str, days: dict[int, Compact]) -> None:
        self._habit_id, self._person, self._days = habit_id, person, days

    def _check(self, day: date, found: Compact) -> Check:
        status, value, note = found
        return Check(self._habit_id, self._person, day, _STATUS[status], value, note)

    def __getitem__(self, day: date) -> Check:
        return self._check(day, self._days[day.toordinal()])

    def get(self, day: date, default: object = None) -> Check | None:  # type: ignore[override]
        found = self._days.get(day.toordinal())
        return None if found is None else self._check(day, found)

    def __iter__(self) -> Iterator[date]:
        return map(date.fromordinal, self._days)

    def __len__(self) -> int:
        return len(self._days)


@dataclass(slots=True)
class Index:
    months: dict[str, tuple[Signatures, MonthChecks]] = field(default_factory=dict)
    figures: dict[Pair, Figured] = field(default_factory=dict)
    # (day's ordinal, every habit's stamp, the together streak that day)
    together: tuple[int, tuple[tuple[str, str], ...], int] | None = None
    token: str = ""  # names the months' file the figures were worked out beside
    # Month of a file → the other months whose check-offs it holds. Our writers never do
    # that, but a hand edit or another app's bug can, and the app counts such a check-off.
    strays: dict[str, frozenset[str]] = field(default_factory=dict)


@dataclass(slots=True)
class Indexed:
    """The couple (habits and people read fresh, check-offs of changed months only), every
    check-off from the index, and the figures worked out for `day`."""

    couple: Couple
    checks_by: dict[str, dict[str, Checks]]
    day: date
    figures: dict[str, tuple[Streaks, float]]  # by HabitRow.key: habit id|person
    together_streak: int


def _flat(tally: Tally | None) -> FlatTally | None:
    if tally is None:
        return None
    return (
        tally.through.toordinal(),
        tally.current,
        tally.best,
        tally.score,
        tally.rolling,
        tally.window,
    )


def _tally(flat: FlatTally | None) -> Tally | None:
    if flat is None:
        return None
    through, current, best, score, rolling, window = flat
    return Tally(date.fromordinal(through), current, best, score, rolling, window)


def index_file(data_dir: Path, replica_id: str) -> Path:
    return cache_file(data_dir, replica_id).with_suffix(".checks")


def _figures_file(path: Path) -> Path:
    return path.with_suffix(".figures")


def _read(path: Path) -> dict[str, Any] | None:
    try:
        with path.open("rb") as handle, paused_gc():  # our own file, in this user's folder
            payload = pickle.load(handle)
        if isinstance(payload, dict) and payload.get("version") == INDEX_VERSION:
            return payload
    except (OSError, pickle.UnpicklingError, EOFError, TypeError, ValueError):
        pass
    return None


def _load(path: Path) -> Index:
    """The months and, if they were worked out from those very months, the figures."""
    months, figures = _read(path), _read(_figures_file(path))
    try:
        index = (
            Index(dict(months["months"]), token=str(months["token"]), strays=months["strays"])
            if months
            else Index()
        )
        if figures is not None and figures["token"] == index.token and index.token:
            index.figures, index.together = dict(figures["figures"]), figures["together"]
    except (KeyError, TypeError, ValueError):  # written by another build of Rekindle
        return Index()
    return index


def _save(path: Path, index: Index, months: bool) -> None:
    """Two files, so a new day or a habit's figures need not rewrite years of check-offs;
    the figures name the months they were worked out from, and count only beside them."""
    if months:
        index.token = os.urandom(8).hex()
    try:
        make_private_dir(path.parent)
        if months:
            payload = {
                "version": INDEX_VERSION,
                "months": index.months,
                "token": index.token,
                "strays": index.strays,
            }
            _write(path, payload)
        figures = {
            "version": INDEX_VERSION,
            "figures": index.figures,
            "together": index.together,
            "token": index.token,
        }
        _write(_figures_file(path), figures)
    except OSError:
        pass  # only a cache: the next command works it out again


def _write(path: Path, payload: dict[str, Any]) -> None:
    atomic_write(path, pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL), durable=False)


def _by_month(couple: Couple) -> dict[str, MonthChecks]:
    months: dict[str, MonthChecks] = {}
    for person, habits in couple.checks_by().items():
        for habit_id, days in habits.items():
            for day, check in days.items():
                month = months.setdefault(f"{day:%Y-%m}", {})
                month.setdefault((person, habit_id), {})[day.toordinal()] = (
                    check.status.value,
                    check.value,
                    check.note,
                )
    return months


def _month_files(store: Store) -> dict[str, Signatures]:
    """Month → every file (on every device, conflict copies too) that holds it, signed.

    A file changed in the last seconds is kept unsettled, to be read again next time."""
    now = time.time_ns()
    months: dict[str, Signatures] = {}
    for _replica, path, role, main in walk(store.data_dir, []):
        if role in (FileRole.MAIN, FileRole.CONFLICT) and main.startswith(LOG_PREFIX):
            try:
                stat = path.lstat()
            except OSError:
                continue
            month = main.removeprefix(LOG_PREFIX).removesuffix(".json")
            signed = settled((stat.st_size, stat.st_mtime_ns), now)
            months.setdefault(month, {})[str(path)] = signed
    return months


class _StrayNotingStore(Store):
    """The store, noting as it reads each month's file which other months' check-offs it
    holds (before the merge forgets which file a record came from)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.month_of: dict[str, str] = {}  # path → month, for the month files
        self.strays: dict[str, set[str]] = {}

    def apply(
        self, scan: Scan, drop_missing: bool = True, whole_folder: bool = True
    ) -> list[Record]:
        for path, _signature, found in scan.reads:
            month = self.month_of.get(str(path))
            if month is not None:
                others = self.strays.setdefault(month, set())
                others.update(
                    day[:7]
                    for record in found.records
                    if record.kind == CHECK
                    and isinstance(day := record.data.get("day"), str)
                    and day[:7] != month
                )
        return super().apply(scan, drop_missing, whole_folder)


def _same(kept: Signatures, found: Signatures) -> bool:
    return kept == found and all(mtime != UNSETTLED for _size, mtime in kept.values())


def _read_months(
    index: Index, store: _StrayNotingStore, now: dict[str, Signatures], redo: set[str]
) -> None:
    """Read every month in `redo` whole: its own files and the files holding strays of it,
    and, as those reveal strays of more months, theirs too. `redo` grows to all of them."""
    store.month_of = {path: month for month, files in now.items() for path in files}
    read: set[str] | None = None
    while True:
        need = {m for m in now if m in redo or index.strays.get(m, frozenset()) & redo}
        if read is not None and need <= read:
            return
        store.strays.clear()
        store.load(months=need)  # the core files, and these months
        read = need
        for month in need:
            index.strays[month] = frozenset(store.strays.get(month, ()))
            redo |= index.strays[month]
        if not any(index.strays.values()):
            return  # as in every folder our writers made: each month in its own files


def _refresh_months(
    index: Index, store: _StrayNotingStore, couple: Couple
) -> tuple[bool, set[Pair]]:
    """Bring the index's months up to date with the files: did any month's files change,
    and which pairs' check-offs moved."""
    now = _month_files(store)
    changed = {m for m, files in now.items() if not _same(index.months.get(m, ({}, {}))[0], files)}
    # A month kept with no files of its own came only from strays elsewhere: not gone.
    gone = {m for m, (files, _) in index.months.items() if files and m not in now}
    redo = changed | gone
    for month in changed | gone:  # what a changed file held of other months may have moved
        redo |= index.strays.pop(month, frozenset())
    _read_months(index, store, now, redo)
    fresh = _by_month(couple)
    dirty: set[Pair] = set()
    for month in redo:
        old = index.months.pop(month, ({}, {}))[1]
        new = fresh.get(month, {})
        dirty.update(pair for pair in old.keys() | new.keys() if old.get(pair) != new.get(pair))
        if month in now or new:
            index.months[month] = (now.get(month, {}), new)
    return bool(redo), dirty


def _assemble(index: Index) -> dict[str, dict[str, Checks]]:
    joined: dict[Pair, dict[int, Compact]] = {}
    for _files, month in index.months.values():
        for pair, days in month.items():
            joined.setdefault(pair, {}).update(days)
    checks_by: dict[str, dict[str, Checks]] = {}
    for (person, habit_id), days in joined.items():
        checks_by.setdefault(person, {})[habit_id] = CompactChecks(habit_id, person, days)
    return checks_by


def open_indexed(config: LocalConfig, data_dir: Path, day_of: Callable[[Couple], date]) -> Indexed:
    """The couple and everyone's figures for the day `day_of(couple)` names (its today)."""
    store = _StrayNotingStore(data_dir, config.replica_id, config.replica_meta())
    couple = Couple(store, config.partner)
    path = index_file(data_dir, config.replica_id)
    index = _load(path)
    reread, dirty = _refresh_months(index, store, couple)
    day = day_of(couple)
    checks_by = _assemble(index)
    habits = couple.habits()
    first = first_weekday(couple)
    stamps = tuple((h.id, store.state[h.id].stamp) for h in habits)
    # A weekly habit's streak counts weeks from the couple's first weekday: figures worked
    # out with weeks begun on another day are worked out again.
    stamp_of = {habit_id: f"{stamp}/{first}" for habit_id, stamp in stamps}
    figures: dict[Pair, Figured] = {}
    shown: dict[str, tuple[Streaks, float]] = {}
    for habit in habits:
        unit = streak_unit(habit.schedule)
        for person in habit.people():
            pair = (person, habit.id)
            known = index.figures.get(pair)
            stamp = stamp_of[habit.id]
            if known is None or pair in dirty or known[:2] != (day.toordinal(), stamp):
                # Carried on from the last tally when only the day moved on: the first
                # status of a morning walks one day, not ten years.
                kept = known is not None and pair not in dirty and known[1] == stamp
                since = _tally(known[5]) if kept and known is not None else None
                checks = checks_by.get(person, {}).get(habit.id, {})
                run, worked, tally = carried(habit, checks, day, since, first)
                known = (day.toordinal(), stamp, run.current, run.best, worked, _flat(tally))
            figures[pair] = known
            shown[f"{habit.id}|{person}"] = (Streaks(known[2], known[3], unit), known[4])
    together = index.together
    if together is None or dirty or together[:2] != (day.toordinal(), stamps):
        together = (day.toordinal(), stamps, together_streak(habits, checks_by, day))
    store.save_cache()  # the core files' merge, if one of them was read from disk
    if reread or figures != index.figures or together != index.together:
        index.figures, index.together = figures, together
        _save(path, index, months=reread)
    return Indexed(couple, checks_by, day, shown, together[2])
