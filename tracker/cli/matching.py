"""Finding a thing by the name someone typed, as every command that takes a name does.

Names are compared loosely: case, punctuation and hyphens against spaces don't
count ("phone free dinner" finds "Phone-free dinner"). When nothing fits, a name
close enough to be a typo is offered back ("Did you mean …?").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from tracker.cli.common import CLIError, flat
from tracker.domain import text

T = TypeVar("T")

# How alike two normalised names must be (difflib's ratio) for one to be offered as
# what the other meant: one wrong letter in a six-letter name is 0.83.
CLOSE_ENOUGH = 0.8


def loose(text: str) -> str:
    """`text` with case, punctuation and runs of spaces ignored: the key names match on.

    A name made only of punctuation keeps it, so it can still be found.
    """
    folded = text.casefold()
    words = "".join(ch if ch.isalnum() else " " for ch in folded).split()
    return " ".join(words) or " ".join(folded.split())


def match_title(items: Sequence[T], title_of: Callable[[T], str], wanted: str) -> list[T]:
    """Exact name, else prefixes, else parts of names (loosely): the first that matches."""
    key = loose(wanted)
    for test in (
        lambda title: title == key,
        lambda title: title.startswith(key),
        lambda title: key in title,
    ):
        found = [item for item in items if test(loose(title_of(item)))]
        if found:
            return found
    return []


def closest(wanted: str, titles: Sequence[str]) -> str | None:
    """The one title `wanted` most likely misspells, or None when none is close."""
    return text.closest(wanted, titles, CLOSE_ENOUGH, loose)


def not_found(start: str, wanted: str, titles: Sequence[str], hint: str) -> CLIError:
    """“{start} “wanted”.” then a did-you-mean when a title is close, else `hint`."""
    guess = closest(wanted, titles)
    then = f"Did you mean “{flat(guess)}”?" if guess is not None else hint
    return CLIError(f"{start} “{flat(wanted)}”. {then}")


def ambiguous(wanted: str, titles: Sequence[str], noun: str = "habit") -> CLIError:
    names = ", ".join(f"“{flat(title)}”" for title in titles[:6])
    return CLIError(
        f"“{flat(wanted)}” matches more than one {noun} ({names}); type more of the name."
    )
