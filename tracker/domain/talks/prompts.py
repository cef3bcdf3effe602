"""Your prompts: favourites, hidden ones, your own, and which came up lately.

Record ids, so both partners converge without stepping on each other:

* ``prompt-pref:<person>:<key>``: {"favourite", "hidden"}: one per person.
* ``prompt-used:<key>``: {"key", "day"}: the last day it came up.
* ``talk-week:<YYYY>-W<ww>``: {"key", "by", "day"}: this week's prompt.
* own prompts: kind "own-prompt", {"text", "theme", "depth", "by"}.

Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import msgspec

from tracker.domain.content.prompts import PROMPTS, Depth, Prompt, Theme
from tracker.domain.text import clean_line
from tracker.domain.validation import convert

MAX_PROMPT = 200
DEFAULT_WINDOW_WEEKS = 8


def pref_id(person: str, key: str) -> str:
    return f"prompt-pref:{person}:{key}"


def used_id(key: str) -> str:
    return f"prompt-used:{key}"


def week_id(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"talk-week:{year}-W{week:02d}"


@dataclass(frozen=True, slots=True)
class PromptPref:
    favourite: bool = False
    hidden: bool = False

    def to_data(self) -> dict[str, Any]:
        return {"favourite": self.favourite, "hidden": self.hidden}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> PromptPref:
        found = convert(data, PromptPrefData)
        return cls(found.favourite, found.hidden)


class PromptPrefData(msgspec.Struct):
    favourite: bool = False
    hidden: bool = False


def clean_prompt_text(text: str) -> str:
    return clean_line(text, "prompt", MAX_PROMPT, required=True)


def own_prompt_data(text: str, theme: Theme, depth: Depth, by: str) -> dict[str, Any]:
    return {"text": clean_prompt_text(text), "theme": theme.value, "depth": depth.value, "by": by}


def own_prompt(record_id: str, data: Mapping[str, Any]) -> Prompt | None:
    """A prompt one of you wrote, or None if the record makes no sense."""
    text = " ".join(str(data.get("text", "")).split())
    if not text:
        return None
    try:
        theme = Theme(data.get("theme", Theme.LOVE_MAPS.value))
        depth = Depth(data.get("depth", Depth.MEDIUM.value))
    except ValueError:
        theme, depth = Theme.LOVE_MAPS, Depth.MEDIUM
    return Prompt(record_id, theme, depth, text)


def library(own: Iterable[Prompt]) -> list[Prompt]:
    """Ours, then yours."""
    return [*PROMPTS, *own]


def used_days(
    records: Iterable[Mapping[str, Any]], talked: Iterable[tuple[str, date]]
) -> dict[str, date]:
    """Prompt key → the last day it came up, from draws and from logged talks."""
    found: dict[str, date] = {}

    def note(key: str, day: date) -> None:
        if key and (key not in found or day > found[key]):
            found[key] = day

    for data in records:
        try:
            note(str(data["key"]), date.fromisoformat(str(data["day"])))
        except (KeyError, ValueError):
            continue
    for key, day in talked:
        note(key, day)
    return found


def hidden_keys(prefs: Mapping[str, Mapping[str, PromptPref]]) -> set[str]:
    """Prompts either of you hid: none of them is drawn for the two of you."""
    return {key for person in prefs.values() for key, pref in person.items() if pref.hidden}


_THEME_WORDS = {
    "love maps": Theme.LOVE_MAPS,
    "know": Theme.LOVE_MAPS,
    "thanks": Theme.APPRECIATION,
    "dreams": Theme.VISION,
    "future": Theme.VISION,
    "conflict": Theme.REPAIR,
    "affection": Theme.INTIMACY,
    "support": Theme.STRESS,
}


def parse_theme(text: str) -> Theme:
    """A theme from its key ("repair"), its label, or a word of it ("dreams")."""
    wanted = " ".join(text.casefold().replace("-", " ").split())
    for theme in Theme:
        if wanted in (theme.value.replace("-", " "), theme.label.casefold()):
            return theme
    if wanted in _THEME_WORDS:
        return _THEME_WORDS[wanted]
    matches = [t for t in Theme if wanted and wanted in t.label.casefold()]
    if len(matches) == 1:
        return matches[0]
    names = ", ".join(t.value for t in Theme)
    raise ValueError(f"“{text.strip()[:30]}” isn't one of our themes: {names}.")


def parse_depth(text: str) -> Depth:
    wanted = text.strip().casefold()
    for depth in Depth:
        if wanted == depth.value:
            return depth
    raise ValueError(f"“{text.strip()[:20]}” isn't a depth; pick light, medium or deep.")
