"""Text people typed: kept as typed, but never able to act on a terminal.

`visible` is the one boundary where text from files becomes display text: every
screen, dialog, input, toast and CLI line goes through it (directly, or through
`tracker.ui.widgets.literal` and `tracker.cli.common`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

NEWLINE_MARK = "⏎"
# Shown in place of an invisible character that could act on what is around it.
HIDDEN_MARK = "\ufffd"

# Control characters become their visible Unicode pictures (ESC → ␛), so an
# escape sequence in a title is seen, not obeyed.
# C1 controls (0x80-0x9F, e.g. a one-byte CSI) have no pictures: they become �.
_PICTURES: dict[int, str] = (
    {code: chr(0x2400 + code) for code in range(0x20) if code != 0x0A}
    | {0x7F: "\u2421"}
    | {code: HIDDEN_MARK for code in range(0x80, 0xA0)}
)
# Bidi embeddings, overrides, isolates and marks reorder the text around them
# (a name that reads backwards, a CLI line that hides a word); zero-width
# spaces, non-joiners, word joiners and byte-order marks hide text. Shown as �
# so the reader sees that something is there. The zero-width joiner is kept:
# it holds family and couple emoji together and changes no order.
_HIDDEN = "\u061c\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
# Emoji tag sequences (the flags of England, Scotland, Wales): a black flag,
# tag characters, a cancel tag. Outside such a sequence tag characters only hide text.
_TAG_FLAG = "\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f"
_FLAG = re.compile(f"({_TAG_FLAG})")
_HIDDEN_OR_BREAK = f"[{_HIDDEN}\U000e0000-\U000e007f\ud800-\udfff]|([\n\u2028\u2029])"
_UNSAFE_EACH = re.compile(f"({_TAG_FLAG})|{_HIDDEN_OR_BREAK}")
_UNSAFE = re.compile(
    f"({_TAG_FLAG})|[{_HIDDEN}\U000e0000-\U000e007f\ud800-\udfff]|(\r\n|[\n\u2028\u2029])"
)


def visible(text: str, *, newlines: bool = True) -> str:
    """Safe to print: controls shown as symbols, invisible reorderers as �, emoji whole.

    With `newlines=False` a line break becomes ⏎, so one field stays on one line
    (a CLI row, an input box); otherwise every kind of line break becomes "\\n".
    """
    newline = "\n" if newlines else NEWLINE_MARK

    def replace(found: re.Match[str]) -> str:
        if found.group(1):
            return found.group(1)  # a whole flag
        return newline if found.group(2) else HIDDEN_MARK

    return _UNSAFE.sub(replace, text).translate(_PICTURES)


def visible_each(text: str) -> str:
    """Like `visible(text, newlines=False)`, but one character shown for each one stored.

    For an input box: its cursor counts characters of the stored value, so the
    shown text must line up with it (a CR LF is two marks here, not one).
    """

    def replace(found: re.Match[str]) -> str:
        if found.group(1):
            return found.group(1)
        return NEWLINE_MARK if found.group(2) else HIDDEN_MARK

    return _UNSAFE_EACH.sub(replace, text).translate(_PICTURES)


def strip_controls(text: str) -> str:
    """Drop control and format characters (escapes, bells, bidi overrides).

    Newlines and tabs stay, and so do the zero-width joiner that holds family
    and couple emoji together and the tags inside a flag like England's.
    """
    kept: list[str] = []
    for piece in _FLAG.split(text):
        if _FLAG.fullmatch(piece):
            kept.append(piece)
            continue
        kept.extend(
            ch
            for ch in piece
            if ch in "\n\t\u200d" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs")
        )
    return "".join(kept)


# -- counting things in words -------------------------------------------------------


def count(n: int, word: str, plural: str | None = None) -> str:
    """ "1 day", "3 days", "0 promises", "2 stretches": a number with its noun, agreeing.

    `plural` for a word that doesn't just add an s ("stretch" → "stretches" is
    worked out; "person" → "people" is not). The one place "1 days" could go wrong.
    """
    if n == 1:
        return f"{n} {word}"
    if plural is None:
        plural = word + ("es" if word.endswith(("s", "sh", "ch", "x", "z")) else "s")
    return f"{n:,} {plural}"


# -- what people type, cleaned to fit ------------------------------------------------

# The longest name of a habit, a goal or a date: one line on every screen and calendar.
MAX_TITLE = 80
# The longest note on a tick or a date: room for a paragraph, not a diary.
MAX_NOTE = 2000


def single_line(text: str) -> str:
    """What someone typed, on one line: controls dropped, spaces folded."""
    return " ".join(strip_controls(text).split())


def cut(text: str, width: int) -> str:
    """On one line (runs of spaces and line breaks as one space) and at most ``width``
    characters, an ellipsis saying something was cut: for one-line summaries."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def clean_line(text: str, what: str, limit: int, *, required: bool) -> str:
    """One line of text: controls dropped, spaces folded, length checked; `required`
    refuses an empty one."""
    line = single_line(text)
    if required and not line:
        raise ValueError(f"The {what} is empty; write a few words, or leave it out.")
    if len(line) > limit:
        raise ValueError(
            f"Keep the {what} to {limit} characters or fewer; this one has {len(line):,}."
        )
    return line


def clean_name(text: str, what: str, limit: int = MAX_TITLE) -> str:
    """The name of a thing (a date, an idea): one line, never empty."""
    if not single_line(text):
        raise ValueError(f"Give the {what} a name.")
    return clean_line(text, what, limit, required=True)


def clean_note(text: str) -> str:
    """A note: newlines kept, controls dropped, at most MAX_NOTE characters."""
    note = strip_controls(text).strip()
    if len(note) > MAX_NOTE:
        raise ValueError(
            f"A note can hold up to {MAX_NOTE:,} characters; this one has "
            f"{len(note):,}. Shorten it a little."
        )
    return note


def closest(
    word: str,
    choices: Iterable[str],
    cutoff: float,
    key: Callable[[str], str] = str.casefold,
) -> str | None:
    """The one choice `word` most likely misspells, or None when none is close: difflib's
    ratio of the two `key` forms at least `cutoff` (one wrong letter in six is 0.83). The
    one rule behind every "Did you mean …?" (commands, names, time zones)."""
    from difflib import get_close_matches  # only when something was not found

    by_key: dict[str, str] = {}
    for choice in choices:
        by_key.setdefault(key(choice), choice)
    found = get_close_matches(key(word), list(by_key), n=1, cutoff=cutoff)
    return by_key[found[0]] if found else None
