"""Finding a thing by the name someone typed, as every command that takes a name does."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from tracker.cli.common import CLIError

T = TypeVar("T")


def match_title(items: Sequence[T], title_of: Callable[[T], str], wanted: str) -> list[T]:
    """Exact name, else prefixes, else parts of names (case-blind): the first that matches."""
    key = " ".join(wanted.split()).casefold()
    for test in (
        lambda title: title == key,
        lambda title: title.startswith(key),
        lambda title: key in title,
    ):
        found = [item for item in items if test(title_of(item).casefold())]
        if found:
            return found
    return []


def ambiguous(wanted: str, titles: Sequence[str], noun: str = "habit") -> CLIError:
    names = ", ".join(f"“{title}”" for title in titles[:6])
    return CLIError(f"“{wanted}” matches more than one {noun} ({names}); type more of the name.")
