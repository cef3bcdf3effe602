"""What every command needs: finding the config, the folder and the couple."""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

import msgspec

from tracker.cli.commands import new_parser
from tracker.domain.days import person_today
from tracker.domain.text import visible
from tracker.store.couple import Couple
from tracker.store.identity import LocalConfig, load_config, resolve_data_dir

if TYPE_CHECKING:
    from collections.abc import Collection

    from tracker.store.check_index import Indexed

# Accepted after any command too (`rekindle join --data DIR`), without clobbering
# a --data given before it.
DATA_OPTION = new_parser(add_help=False)
DATA_OPTION.add_argument(
    "--data", metavar="DIR", default=argparse.SUPPRESS, help="the shared data folder to use"
)


Args = ParamSpec("Args")
Answer = TypeVar("Answer")


class CLIError(Exception):
    """A mistake in how a command was called; the message says how to fix it."""


# The years a day given to a command may fall in (as the app's own forms allow): the
# calendar arithmetic behind a week, a streak or a due date never runs out of years.
FIRST_YEAR, LAST_YEAR = 1970, 2199
DAY_OUT_OF_RANGE = f"That day is too far off; pick one between {FIRST_YEAR} and {LAST_YEAR}."


def checked(rule: Callable[Args, Answer], *values: Args.args, **named: Args.kwargs) -> Answer:
    """A domain rule's answer, or its sentence (a ValueError's) as the command's refusal."""
    try:
        return rule(*values, **named)
    except ValueError as error:
        raise CLIError(str(error)) from None


def in_range(day: date) -> date:
    """`day`, or a CLIError when it lies outside the years Rekindle works with."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise CLIError(f"{day} is too far off; pick a day between {FIRST_YEAR} and {LAST_YEAR}.")
    return day


class Context(msgspec.Struct):
    data_flag: str | None = None
    # The couple the command opened, so `main` can bring the calendar feed up to date,
    # and how many changes its store had once open (what the command wrote comes after).
    opened: Couple | None = None
    changes_when_opened: int = 0

    def config(self) -> LocalConfig | None:
        return load_config()

    def data_dir(self) -> Path:
        return resolve_data_dir(self.data_flag, self.config())

    def require_config(self) -> LocalConfig:
        config = self.config()
        if config is None:
            raise CLIError(
                "This device is not set up yet: run `rekindle init` "
                "(new couple) or `rekindle join` (existing folder)."
            )
        return config

    def _folder(self) -> tuple[LocalConfig, Path]:
        config = self.require_config()
        data_dir = self.data_dir()
        if not data_dir.is_dir():
            raise CLIError(
                f"The data folder {data_dir} is not there (moved, deleted, or on a disk that "
                "is not mounted). Reconnect it, or point at the new place with "
                "`rekindle join --data NEW_FOLDER`."
            )
        return config, data_dir

    def couple(self, months: Collection[str] | None = None) -> Couple:
        """The couple; with `months` (like {"2026-11"}) only the core files and those
        months' check-offs and logs are read: all a tick needs, in milliseconds."""
        config, data_dir = self._folder()
        self.opened = Couple.open(config, data_dir=data_dir, months=months)
        self.changes_when_opened = len(self.opened.store.changes)
        return self.opened

    def indexed(self, day_of: Callable[[Couple], date]) -> Indexed:
        """The couple with every habit's figures for a day, through the local index."""
        from tracker.store.check_index import open_indexed

        config, data_dir = self._folder()
        return open_indexed(config, data_dir, day_of)

    def changed_kinds(self) -> set[str]:
        """The kinds of record that changed since the command opened the folder."""
        if self.opened is None:
            return set()
        return {r.kind for r in self.opened.store.changes[self.changes_when_opened :]}


def say(text: str = "") -> None:
    """Print text that may hold what someone typed, with its control characters defused.

    Its own line breaks are kept; wrap each field from a file in `flat` so a
    newline inside a name or title cannot start a line of its own.
    """
    print(visible(text))


def warn(text: str) -> None:
    """One line on stderr, "rekindle: …", for something the person should know but that
    does not stop the command (stdout stays what a script reads)."""
    print(f"rekindle: {visible(text, newlines=False)}", file=sys.stderr)


def flat(text: object) -> str:
    """One field from a file on one line: controls as pictures, a line break as ⏎."""
    return visible(str(text), newlines=False)


def _finite(data: object) -> object:
    """NaN and infinities (a partner's file can hold them) become null: strict JSON."""
    if isinstance(data, float) and not math.isfinite(data):
        return None
    if isinstance(data, dict):
        return {key: _finite(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [_finite(value) for value in data]
    return data


def as_json(data: object) -> str:
    # ASCII-only: no raw control, bidi or zero-width character from a partner's file
    # reaches the terminal; each is a \u escape that any JSON reader turns back.
    return json.dumps(_finite(data), indent=2, ensure_ascii=True, allow_nan=False)


def now() -> datetime:
    return datetime.now(UTC)


def my_today(couple: Couple) -> date:
    return person_today(couple.person(couple.me), now())


def ask(prompt: str, default: str = "") -> str:
    if not sys.stdin.isatty():
        raise CLIError(f"Missing a value for “{prompt}”; pass it as an option (see --help).")
    suffix = f" [{default}]" if default else ""
    answer = input(f"{prompt}{suffix}: ").strip()
    return answer or default


def out_file(given: str, example: str) -> Path:
    """Where an export's --out points, refused in a sentence if it cannot be a file there."""
    out = Path(given).expanduser()
    if not out.parent.is_dir():
        raise CLIError(f"The folder {out.parent} is not there; create it or pick another --out.")
    if out.is_dir():
        raise CLIError(f"{out} is a folder; give a file name, like {out / example}.")
    return out


def deliver(payload: bytes, out: Path | None) -> bool:
    """An export to stdout, or to `out` whole (or the old file left, never half); True if
    it went to the file, so the caller says what it wrote there."""
    if out is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
        return False
    from tracker.store.files import atomic_write

    try:
        atomic_write(out, payload)
    except OSError as error:
        raise CLIError(f"Could not write {out} ({error.strerror or error}).") from None
    return True
