"""Which day a week begins on: Monday or Sunday, as the couple chose, or else as the
language settings (the locale) of the computer say, and the words for each.

Weekly habits, "this week" and the year grid all count weeks from that day; the
functions that do take it as `first_weekday`, numbered as `date.weekday()` numbers days.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from tracker.domain.days import MONDAY, SUNDAY

# How a choice is stored and typed ("rekindle settings --week-start sunday").
WEEK_STARTS: Final = {"monday": MONDAY, "sunday": SUNDAY}
DAY_NAMES: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# The same as stored in records and typed in commands ("sunday").
DAY_WORDS: Final = tuple(name.lower() for name in DAY_NAMES)

# Territories whose locales begin the week on Sunday, as glibc's locale data has them
# (first_weekday in LC_TIME, /usr/share/i18n/locales, glibc 2.36), and the two locales of
# those territories that begin it on Monday. Locales whose weeks begin on Saturday or
# Friday get Monday, like every other: only Monday and Sunday are offered.
# tests/domain/test_weeks.py holds these to glibc's own answer for real locales.
_SUNDAY_FIRST = (
    "AG AR AU BR BT BW CA CO DO ET FJ GT HK HN ID IL IN JP KE KH KR LA MM MT MU MX NI NP "
    "NZ PA PE PG PH PK PR PY SA SG SV TH TN TO TW US VE VU WS YE ZA ZW"
)
SUNDAY_FIRST_TERRITORIES: Final = frozenset(_SUNDAY_FIRST.split())
MONDAY_FIRST_LOCALES: Final = frozenset({"bo_IN", "niu_NZ"})

# "en_US", "en_US.UTF-8", "de_DE@euro", "pt-BR": a language, then a territory.
_LOCALE: Final = re.compile(r"([A-Za-z]{2,3})[_-]([A-Za-z]{2})(?![A-Za-z])")


def weekday_name(weekday: int) -> str:
    """ "Monday" for 0 … "Sunday" for 6."""
    return DAY_NAMES[weekday % 7]


def first_weekday_of_locale(name: str) -> int:
    """The day weeks begin on for the locale `name` ("en_US.UTF-8" → Sunday,
    "en_GB.UTF-8" → Monday); Monday, ISO 8601's first day, for "C", "POSIX", an empty
    name or one that names no territory."""
    found = _LOCALE.match(name.strip())
    if found is None:
        return MONDAY
    language, territory = found[1].lower(), found[2].upper()
    if f"{language}_{territory}" in MONDAY_FIRST_LOCALES:
        return MONDAY
    return SUNDAY if territory in SUNDAY_FIRST_TERRITORIES else MONDAY


def time_locale(environ: Mapping[str, str]) -> str:
    """The locale dates are shown in, chosen as POSIX says: LC_ALL, else LC_TIME, else
    LANG (the first one set and not empty); "" when none is."""
    for variable in ("LC_ALL", "LC_TIME", "LANG"):
        value = environ.get(variable, "")
        if value:
            return value
    return ""


def locale_first_weekday(environ: Mapping[str, str]) -> int:
    """The day weeks begin on where these environment variables say this computer is."""
    return first_weekday_of_locale(time_locale(environ))


def chosen_first_weekday(data: Mapping[str, object]) -> int | None:
    """The first weekday a stored choice names ({"first": "sunday"}), or None when it names
    none we offer: a partner's file may hold anything, and then the locale decides."""
    chosen = data.get("first")
    return WEEK_STARTS.get(chosen) if isinstance(chosen, str) else None


def week_start_word(first_weekday: int) -> str:
    """How a first weekday is stored and typed: "monday" or "sunday"."""
    return "sunday" if first_weekday == SUNDAY else "monday"


def parse_weekday(text: str) -> int:
    """ "sunday", "Sun", "su" → 6 (numbered as `date.weekday()`), or ValueError."""
    cleaned = text.strip().casefold()
    for index, word in enumerate(DAY_WORDS):
        if len(cleaned) >= 2 and word.startswith(cleaned):
            return index
    raise ValueError(f"“{text.strip()[:20]}” is not a day of the week; try sunday or wed.")
