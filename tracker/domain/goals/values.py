"""Each partner's ranked values and long-term vision, as typed and as compared.

Values are keys from the library in ``content/values.py`` or a person's own
words, stored as ``"own:<text>"``. Vision is a few sentences per life area
(``LIFE_AREAS``) and horizon (1, 5 and 10 years).

Plain values only: no I/O, no UI.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from tracker.domain.content.values import LIFE_AREAS, VALUES, find_value
from tracker.domain.text import count, single_line

OWN = "own:"
MAX_VALUES = 10
MAX_OWN_VALUE = 24
MAX_VISION = 400
HORIZONS: tuple[int, ...] = (1, 5, 10)

_BY_NAME = {value.name.casefold(): value.key for value in VALUES}


def own_value(text: str) -> str:
    """The stored key for a value someone wrote themselves, or ValueError saying why not.

    Writing the name of a value already in the list ("family") picks that one,
    so the two of you are compared on the same thing.
    """
    cleaned = single_line(text)
    if not cleaned:
        raise ValueError("Write a word or two for your own value.")
    if len(cleaned) > MAX_OWN_VALUE:
        raise ValueError(
            f"Keep your own value to {MAX_OWN_VALUE} characters, like “time outdoors”; "
            f"this one has {len(cleaned)}."
        )
    known = _BY_NAME.get(cleaned.casefold())
    if known is None and find_value(cleaned.casefold()) is not None:
        known = cleaned.casefold()
    return known or OWN + cleaned


def value_label(key: str) -> str:
    """How a stored value reads on screen: the library name or the person's words."""
    if key.startswith(OWN):
        return key[len(OWN) :]
    found = find_value(key)
    return found.name if found else key


def value_identity(key: str) -> str:
    """What makes two values "the same": case and spacing of own words don't matter."""
    if key.startswith(OWN):
        return OWN + " ".join(key[len(OWN) :].casefold().split())
    return key


def clean_ranking(keys: Iterable[object]) -> list[str]:
    """A stored ranking made safe: strings only, duplicates dropped (first place kept).

    Values the library no longer knows are kept as they are, so a partner on a
    newer version loses nothing; only the first ``MAX_VALUES`` count.
    """
    ranked: list[str] = []
    seen: set[str] = set()
    for key in keys:
        if not isinstance(key, str):
            continue
        key = OWN + single_line(key[len(OWN) :]) if key.startswith(OWN) else key.strip()
        if key in ("", OWN):
            continue
        identity = value_identity(key)
        if identity not in seen:
            seen.add(identity)
            ranked.append(key)
    return ranked[:MAX_VALUES]


def add_value(ranked: list[str], key: str) -> list[str]:
    """The ranking with one more value at the end, or ValueError saying why not."""
    if value_identity(key) in {value_identity(k) for k in ranked}:
        raise ValueError(f"“{value_label(key)}” is already in your list.")
    if len(ranked) >= MAX_VALUES:
        raise ValueError(
            f"Your list holds {MAX_VALUES} values; take one out to make room for another."
        )
    return [*ranked, key]


def area_label(area: str) -> str:
    return area.capitalize()


def horizon_label(years: int) -> str:
    return count(years, "year")


def clean_vision(text: str, area: str, years: int) -> str:
    """One vision text as typed, or ValueError with a sentence for the person writing."""
    cleaned = single_line(text)
    if len(cleaned) > MAX_VISION:
        raise ValueError(
            f"{area_label(area)} in {horizon_label(years)}: keep it to {MAX_VISION} "
            f"characters (this has {len(cleaned)}); a few sentences is plenty."
        )
    return cleaned


VisionKey = tuple[str, int]  # (area, years)


@dataclass(frozen=True, slots=True)
class Answers:
    """What one partner has filled in so far."""

    name: str
    values: tuple[str, ...] = ()
    vision: Mapping[VisionKey, str] = field(default_factory=dict)

    def written(self, area: str) -> dict[int, str]:
        """This person's texts for one area, by horizon, leaving out empty ones."""
        return {
            years: self.vision[(area, years)]
            for years in HORIZONS
            if self.vision.get((area, years), "").strip()
        }

    def vision_count(self) -> int:
        return sum(len(self.written(area)) for area in LIFE_AREAS)

    @property
    def empty(self) -> bool:
        return not self.values and self.vision_count() == 0


# -- words people share -------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Small words that say little about a hope on their own.
STOPWORDS = frozenset(
    """a about after all also an and any are as at be been being but by can could did
    do does doing for from get got had has have having he her here him his how i i'd
    i'll i'm i've if in into is it it's its just like lot lots me more most much my
    myself no not now of on one or our ours ourselves out over really she so some
    still such than that the their them then there these they this those to too up
    us very want was way we we'd we'll we're we've were what when where which while
    who will with would year years you your""".split()  # noqa: SIM905
)


def _stem(word: str) -> str:
    """Plurals read as the singular: "kids" and "kid" count as one word."""
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def content_words(text: str) -> frozenset[str]:
    """The words that carry meaning, lower-cased, without small words."""
    words = [w.replace("’", "'") for w in _WORD.findall(text.casefold())]
    return frozenset(_stem(w) for w in words if w not in STOPWORDS and len(w) > 1)


def word_overlap(first: str, second: str) -> float:
    """Share of words used by both: shared ÷ all the words either used (0 to 1).

    Small words are ignored; if either text has nothing else, every word
    counts, and text with no words at all is compared as written.
    """
    a, b = content_words(first), content_words(second)
    if not a or not b:
        a = frozenset(w.replace("’", "'") for w in _WORD.findall(first.casefold()))
        b = frozenset(w.replace("’", "'") for w in _WORD.findall(second.casefold()))
    if not a and not b:
        return 1.0 if " ".join(first.split()) == " ".join(second.split()) else 0.0
    return len(a & b) / len(a | b)


def shared_words(first: str, second: str) -> list[str]:
    return sorted(content_words(first) & content_words(second))
