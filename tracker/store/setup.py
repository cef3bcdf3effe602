"""Creating a couple's folder (init) and adding a device to one (join).

Shared by the command line and the onboarding screen, so both check the
same things and say the same words.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from tracker.domain.content.starter import find_starter
from tracker.domain.days import person_today, tz_problem, zone_named
from tracker.domain.models import PARTNERS, Person
from tracker.domain.text import single_line
from tracker.store.couple import Couple
from tracker.store.files import REPLICAS_DIR, make_private_dir
from tracker.store.identity import (
    LocalConfig,
    SetupError,
    device_name,
    new_replica_id,
    save_config,
)
from tracker.store.store import Store

STIGNORE = """\
// Rekindle: a sync tool's and Rekindle's own half-written files.
(?d).syncthing.*.tmp
(?d)~syncthing~*.tmp
(?d).*.tmp
// Each computer's own write lock: never worth sending.
(?d).rekindle.lock
"""

MAX_NAME = 40


def check_name(name: str, who: str) -> str:
    # single_line drops controls; not isprintable(): the zero-width joiner in
    # 👨‍👩‍👧 is not "printable".
    cleaned = single_line(name)
    if not cleaned:
        raise SetupError(f"Please give {who} name.")
    if len(cleaned) > MAX_NAME:
        raise SetupError(
            f"{who.capitalize()} name is longer than {MAX_NAME} characters; "
            "a first name or nickname is enough."
        )
    return cleaned


def check_day_start(hour: int) -> int:
    if not 0 <= hour <= 12:
        raise SetupError("The day can start between 0 (midnight) and 12 (noon); 4 suits most.")
    return hour


def check_tz(name: str) -> str:
    """The zone as IANA spells it, whatever case it was typed in, or SetupError."""
    name = zone_named(name)
    problem = tz_problem(name)
    if problem:
        raise SetupError(problem)
    return name


def prepare_folder(data_dir: Path) -> Path:
    """Create the folder (0700) or say in one sentence why it cannot be used."""
    data_dir = data_dir.expanduser()
    if data_dir.exists() and not data_dir.is_dir():
        raise SetupError(f"{data_dir} is a file, not a folder; choose another place.")
    try:
        make_private_dir(data_dir)
        probe = data_dir / ".rekindle-write-test.tmp"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        reason = error.strerror or str(error)
        if error.errno == 30:  # EROFS
            reason = "it is on a read-only disk"
        raise SetupError(
            f"Cannot write to {data_dir} ({reason}); choose a folder you own, "
            "for example ~/Rekindle."
        ) from error
    return data_dir


def has_couple(data_dir: Path) -> bool:
    root = data_dir / REPLICAS_DIR
    return root.is_dir() and any(p.is_dir() for p in root.iterdir())


def write_stignore(data_dir: Path) -> None:
    """A suggestion for Syncthing users; harmless for everyone else."""
    path = data_dir / ".stignore"
    if not path.exists():
        with contextlib.suppress(OSError):
            path.write_text(STIGNORE)
            os.chmod(path, 0o600)


def create_couple(
    data_dir: Path,
    my_name: str,
    partner_name: str,
    tz: str,
    day_start: int = 4,
    starters: Sequence[str] = (),
    today: date | None = None,
    now_millis: Callable[[], int] | None = None,
) -> Couple:
    """First device of the couple: I am partner A."""
    my_name = check_name(my_name, "your")
    partner_name = check_name(partner_name, "your partner's")
    tz, day_start = check_tz(tz), check_day_start(day_start)
    check_starters(starters)  # before anything is written: no half-made folder
    data_dir = prepare_folder(data_dir)
    if has_couple(data_dir):
        raise SetupError(
            f"{data_dir} already holds a couple's data; "
            "run `rekindle join` to add this device to it."
        )
    config = LocalConfig(data_dir, new_replica_id(), "a", device_name())
    couple = Couple.open(config, now_millis=now_millis)
    couple.store.ensure_replica()
    couple.save_person(Person("a", my_name, tz, day_start))
    couple.save_person(Person("b", partner_name, tz, day_start))
    # The habits start on *my* today (my zone, my day start), not the computer's date.
    me = couple.person("a")
    add_starters(couple, starters, today or person_today(me, datetime.now(UTC)))
    write_stignore(data_dir)
    save_config(config)
    return couple


def check_starters(keys: Sequence[str]) -> None:
    unknown = [key for key in keys if find_starter(key) is None]
    if unknown:
        raise SetupError(
            f"No starter habit called {', '.join(unknown)}; "
            "`rekindle habits --starters` lists them."
        )


def add_starters(couple: Couple, keys: Sequence[str], start: date) -> list[str]:
    check_starters(keys)
    order = len(couple.habits(include_archived=True))
    added = []
    for offset, key in enumerate(keys):
        starter = find_starter(key)
        assert starter is not None
        habit = starter.to_habit(Couple.new_habit_id(), start, order + offset)
        couple.save_habit(habit)
        added.append(habit.id)
    return added


def join_couple(
    data_dir: Path,
    who: str,
    tz: str | None = None,
    day_start: int | None = None,
    now_millis: Callable[[], int] | None = None,
) -> Couple:
    """A second partner, or a second device of either, joins an existing folder."""
    data_dir = data_dir.expanduser()
    if not has_couple(data_dir):
        raise SetupError(
            f"No couple's data in {data_dir} yet; wait for the sync to bring it, "
            "or run `rekindle init` to start a new one."
        )
    data_dir = prepare_folder(data_dir)
    people = read_people(data_dir)
    key = pick_partner(who, people)
    config = LocalConfig(data_dir, new_replica_id(), key, device_name())
    couple = Couple.open(config, now_millis=now_millis)
    couple.store.ensure_replica()
    me = people[key]
    if tz is not None or day_start is not None:
        couple.save_person(
            Person(
                key,
                me.name,
                check_tz(tz) if tz is not None else me.tz,
                check_day_start(day_start) if day_start is not None else me.day_start,
            )
        )
    save_config(config)
    return couple


def read_people(data_dir: Path) -> dict[str, Person]:
    """The couple in a folder, read without writing anything there."""
    reader = Store(data_dir, replica_id="-reader-")
    reader.load()
    return Couple(reader, "a").people()


def pick_partner(who: str, people: dict[str, Person]) -> str:
    wanted = who.strip().casefold()
    if wanted in PARTNERS and wanted in people:
        return wanted
    matches = [key for key, person in people.items() if person.name.casefold() == wanted]
    if len(matches) == 1:
        return matches[0]
    names = " or ".join(f"“{p.name}”" for p in people.values()) or "a or b"
    raise SetupError(f"Say who you are with --as {names}.")
