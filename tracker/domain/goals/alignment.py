"""Where the two of you agree, where you differ, and what to talk about next.

The alignment score is the average of two parts, each from 0 to 1:

* **Values**: rank-biased overlap of your two top-value lists. At every depth
  d (your top 1, top 2, ... down the longer list) we take the share of
  values you both have in your top d; depth d counts ``P`` times as much as
  depth d-1, so the top of the lists matters most. The weighted average is
  1 for identical lists and 0 when no value is shared.
* **Vision**: for each area and horizon you have both written about, the
  share of words you both used (shared words ÷ all words either of you used,
  leaving out small words such as "the"); each area scores the average over
  its shared horizons, and the part is the average over those areas.

A part with nothing to compare yet is left out, and with neither there is
no score: the reason is said in words. Differences are things to talk
about, never failures, and each one comes with a question.

Plain values only: no I/O, no UI.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from tracker.domain.content.prompts import Theme
from tracker.domain.content.values import LIFE_AREAS
from tracker.domain.goals.values import (
    HORIZONS,
    Answers,
    area_label,
    horizon_label,
    shared_words,
    value_identity,
    value_label,
    word_overlap,
)

P = 0.8  # how much each step down the value lists counts, relative to the one above
CLOSE = 1 / 3  # from this share of shared words, a vision reads as "much in common"
RANKED_APART = 3  # a shared value this many places apart is worth a talk

METHOD = (
    "How this is worked out. Values: we go down your two lists together and, at "
    "each depth (top 1, top 2, top 3 ...), count the share of values you both "
    f"have; the top counts most, each step down {round(P * 100)}% as much as the "
    "one above. Vision: for each area and horizon you both wrote about, the share "
    "of words you both used, leaving out small words like “the”. It is rough: the "
    "same hope in different words counts as different. The score is the average of "
    "the parts you have both filled in. A difference is not a problem to fix, just "
    "something to talk about."
)


def ranking_overlap(first: Sequence[str], second: Sequence[str], p: float = P) -> float:
    """Rank-biased overlap of two rankings, normalised so identical lists give 1.

    Repeats count once, at their first place. Raises ValueError when a list is
    empty: there is nothing to compare yet.
    """
    a = list(dict.fromkeys(value_identity(k) for k in first))
    b = list(dict.fromkeys(value_identity(k) for k in second))
    if not a or not b:
        raise ValueError("Both lists need at least one value to compare.")
    depth = max(len(a), len(b))
    total = weights = 0.0
    seen_a: set[str] = set()
    seen_b: set[str] = set()
    for d in range(1, depth + 1):
        if d <= len(a):
            seen_a.add(a[d - 1])
        if d <= len(b):
            seen_b.add(b[d - 1])
        weight = p ** (d - 1)
        total += weight * len(seen_a & seen_b) / d
        weights += weight
    return min(1.0, total / weights)


@dataclass(frozen=True, slots=True)
class ValueRow:
    key: str
    label: str
    rank_first: int | None  # 1 = top; None = not in that list
    rank_second: int | None


def compare_values(first: Sequence[str], second: Sequence[str]) -> list[ValueRow]:
    """Every value either holds: shared ones first (by combined rank), then the rest."""
    ranks_a = {value_identity(k): (i + 1, k) for i, k in reversed(list(enumerate(first)))}
    ranks_b = {value_identity(k): (i + 1, k) for i, k in reversed(list(enumerate(second)))}
    rows = []
    for identity in dict.fromkeys([*ranks_a, *ranks_b]):
        key = (ranks_a.get(identity) or ranks_b[identity])[1]
        a, b = ranks_a.get(identity), ranks_b.get(identity)
        rows.append(ValueRow(key, value_label(key), a and a[0], b and b[0]))

    def order(row: ValueRow) -> tuple[int, int]:
        both = row.rank_first is not None and row.rank_second is not None
        return (0 if both else 1, (row.rank_first or 99) + (row.rank_second or 99))

    return sorted(rows, key=order)


class Kind(StrEnum):
    AREA_DIFFERENT = "different"
    VALUE_ONE_SIDE = "one side"
    VALUE_APART = "ranked apart"
    MISSING = "missing"


@dataclass(frozen=True, slots=True)
class Divergence:
    """Something to talk about: a summary line and a question to start with."""

    key: str  # stable, e.g. "area:home", "value:family", "missing:money:b"
    kind: Kind
    summary: str
    question: str
    theme: Theme


@dataclass(frozen=True, slots=True)
class AreaRow:
    area: str
    first: dict[int, str]  # horizon → text, only what was written
    second: dict[int, str]
    overlap: float | None  # average over horizons both wrote for
    words: tuple[str, ...]  # words both used

    @property
    def shared_horizons(self) -> list[int]:
        return [y for y in HORIZONS if y in self.first and y in self.second]


@dataclass(frozen=True, slots=True)
class Alignment:
    names: tuple[str, str]
    values_part: float | None
    vision_part: float | None
    score: float | None
    why: str  # what the score is made of, or why there is none
    values: tuple[ValueRow, ...]
    areas: tuple[AreaRow, ...]
    agreements: tuple[str, ...]
    divergences: tuple[Divergence, ...]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _area_row(area: str, first: Answers, second: Answers) -> AreaRow:
    a, b = first.written(area), second.written(area)
    both = [y for y in HORIZONS if y in a and y in b]
    overlap = sum(word_overlap(a[y], b[y]) for y in both) / len(both) if both else None
    words = sorted({w for y in both for w in shared_words(a[y], b[y])})
    return AreaRow(area, a, b, overlap, tuple(words))


def _value_divergences(rows: list[ValueRow], names: tuple[str, str]) -> list[Divergence]:
    found = []
    for row in rows:
        label, a, b = row.label, row.rank_first, row.rank_second
        if a is not None and b is not None and abs(a - b) >= RANKED_APART:
            found.append(
                Divergence(
                    f"value:{value_identity(row.key)}",
                    Kind.VALUE_APART,
                    f"{label}: {names[0]} ranks it {_ordinal(a)}, {names[1]} {_ordinal(b)}",
                    f"You both hold {label}, at different heights. What does it ask of "
                    "an ordinary week for each of you, and what would a week that "
                    "honours both look like?",
                    Theme.PRIORITIES,
                )
            )
        elif (a is None) != (b is None):
            holder, other = (names[0], names[1]) if a is not None else (names[1], names[0])
            found.append(
                Divergence(
                    f"value:{value_identity(row.key)}",
                    Kind.VALUE_ONE_SIDE,
                    f"{label}: in {holder}'s list, not in {other}'s",
                    f"{holder}, what does {label} mean to you, and where does it show up "
                    f"in your days? {other}, is there a part of it you would like more of too?",
                    Theme.VISION,
                )
            )
    return found


def _area_divergences(rows: list[AreaRow], names: tuple[str, str]) -> list[Divergence]:
    found = []
    different = [r for r in rows if r.overlap is not None and r.overlap < CLOSE]
    for row in sorted(different, key=lambda r: (r.overlap, LIFE_AREAS.index(r.area))):
        years = min(row.shared_horizons, key=lambda y: word_overlap(row.first[y], row.second[y]))
        area = row.area
        found.append(
            Divergence(
                f"area:{area}",
                Kind.AREA_DIFFERENT,
                f"{area_label(area)}: you wrote different things for {horizon_label(years)}",
                f"Read each other's picture of {area} in {horizon_label(years)}. What "
                "drew you to yours, and which part of the other's would you like to hear "
                "more about?",
                Theme.VISION,
            )
        )
    for row in rows:
        for side, (mine, theirs) in enumerate(((row.first, row.second), (row.second, row.first))):
            gaps = [y for y in HORIZONS if y in theirs and y not in mine]
            if not gaps:
                continue
            name, other = names[side], names[1 - side]
            when = horizon_label(gaps[0])
            found.append(
                Divergence(
                    f"missing:{row.area}:{side}",
                    Kind.MISSING,
                    f"{area_label(row.area)}: {other} wrote about {when}; {name} hasn't yet",
                    f"{name}, where do you see the two of you with {row.area} in {when}? "
                    f"{other} can share theirs afterwards.",
                    Theme.VISION,
                )
            )
    return found


def _why(first: Answers, second: Answers, values: float | None, vision: float | None) -> str:
    if values is not None and vision is not None:
        return "The average of your values and your vision."
    waiting = [a.name for a in (first, second) if a.empty]
    if values is None and vision is None:
        if waiting:
            who = " and ".join(waiting)
            return (
                f"Nothing to compare yet: {who} {'have' if len(waiting) > 1 else 'has'} not "
                "filled anything in. Whatever is there still shows."
            )
        return (
            "Nothing to compare yet: that needs values from both of you, or a vision you "
            "have both written for the same area and horizon."
        )
    if values is None:
        missing = [a.name for a in (first, second) if not a.values]
        verb = "pick" if len(missing) > 1 else "picks"
        return f"From your vision only, until {' and '.join(missing)} {verb} values."
    return "From your values only, until you have both written about the same area and horizon."


def align(first: Answers, second: Answers) -> Alignment:
    """Compare two partners' answers. Swapping them swaps the sides, not the score."""
    names = (first.name, second.name)
    value_rows = compare_values(first.values, second.values)
    values_part = (
        ranking_overlap(first.values, second.values) if first.values and second.values else None
    )
    areas = [_area_row(area, first, second) for area in LIFE_AREAS]
    scored = [r.overlap for r in areas if r.overlap is not None]
    vision_part = sum(scored) / len(scored) if scored else None
    parts = [p for p in (values_part, vision_part) if p is not None]
    score = sum(parts) / len(parts) if parts else None
    agreements = [
        f"{row.label}: you both hold it ({names[0]} {_ordinal(row.rank_first)}, "
        f"{names[1]} {_ordinal(row.rank_second)})"
        for row in value_rows
        if row.rank_first is not None
        and row.rank_second is not None
        and abs(row.rank_first - row.rank_second) < RANKED_APART
    ]
    for row in areas:
        if row.overlap is not None and row.overlap >= CLOSE:
            words = f" ({', '.join(row.words[:4])})" if row.words else ""
            agreements.append(f"{area_label(row.area)}: much in common{words}")
    divergences = _area_divergences(areas, names) + _value_divergences(value_rows, names)
    return Alignment(
        names=names,
        values_part=values_part,
        vision_part=vision_part,
        score=score,
        why=_why(first, second, values_part, vision_part),
        values=tuple(value_rows),
        areas=tuple(areas),
        agreements=tuple(agreements),
        divergences=tuple(divergences),
    )


def percent(share: float | None) -> str:
    return "–" if share is None else f"{round(share * 100)}%"
