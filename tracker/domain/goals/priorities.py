"""The regular priorities review: each partner ranks what their time goes to.

One ranking per person per month (``priorities:<person>:<YYYY-MM>``). From
the history we show how each ranking moved, how alike the two rankings are
each month, and which priorities drifted apart or came closer since the
first month you both reviewed.

"How alike" is one minus the normalised Spearman footrule: add up how many
places each priority sits apart in your two rankings, and divide by the
largest that total can be. 100% means the same order; 0% means reversed.

Plain values only: no I/O, no UI.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from tracker.domain.content.values import LIFE_PRIORITIES

REVIEW_EVERY = (1, 2, 3, 6)  # months between reviews a couple can choose from


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_index(key: str) -> int:
    """Months since year 0, so "2026-11" minus "2026-09" is 2."""
    year, month = key.split("-")
    return int(year) * 12 + int(month) - 1


def month_label(key: str) -> str:
    year, month = key.split("-")
    return date(int(year), int(month), 1).strftime("%b %Y")


def clean_priorities(items: Iterable[object]) -> list[str]:
    """A full ranking: known priorities in the order given, repeats dropped, any left
    out added at the end in the library's order (so every ranking can be compared)."""
    ranked = list(dict.fromkeys(i for i in items if isinstance(i, str) and i in LIFE_PRIORITIES))
    return ranked + [p for p in LIFE_PRIORITIES if p not in ranked]


def reranked(chosen: Sequence[str], start: Sequence[str]) -> list[str]:
    """`chosen` on top in that order, the rest below as they stood in `start`: a whole
    ranking, or ValueError when one is named twice (which place would it take?)."""
    seen: set[str] = set()
    for item in chosen:
        if item in seen:
            raise ValueError(f"“{item}” is named twice; give each priority one place.")
        seen.add(item)
    return clean_priorities([*chosen, *start])


@dataclass(frozen=True, slots=True)
class Review:
    person: str
    month: str  # YYYY-MM
    ranked: tuple[str, ...]

    def place(self, item: str) -> int:
        return self.ranked.index(item) + 1


def latest(reviews: Sequence[Review]) -> Review | None:
    return max(reviews, key=lambda r: r.month, default=None)


def starting_order(reviews: Sequence[Review]) -> list[str]:
    """Where a new review starts from: the last one, or the library's order the first time."""
    last = latest(reviews)
    return list(last.ranked) if last else list(LIFE_PRIORITIES)


def review_due(reviews: Sequence[Review], today: date, every: int) -> bool:
    """Is it time for this person's review? Yes if never, or ``every`` months on."""
    last = latest(reviews)
    if last is None:
        return True
    return month_index(month_key(today)) - month_index(last.month) >= every


def moves(earlier: Sequence[str], later: Sequence[str]) -> dict[str, int]:
    """Places each priority climbed from one ranking to the next (negative: it fell)."""
    return {item: earlier.index(item) - later.index(item) for item in later if item in earlier}


def closeness(first: Sequence[str], second: Sequence[str]) -> float:
    """How alike two rankings of the same things are: 1 for the same order, 0 reversed."""
    common = [item for item in first if item in second]
    n = len(common)
    if n < 2:
        return 1.0
    a = [i for i in first if i in common]
    b = [i for i in second if i in common]
    footrule = sum(abs(a.index(item) - b.index(item)) for item in common)
    return 1 - footrule / (n * n // 2)


def _order(item: str) -> int:
    return LIFE_PRIORITIES.index(item) if item in LIFE_PRIORITIES else len(LIFE_PRIORITIES)


@dataclass(frozen=True, slots=True)
class Shift:
    item: str
    gap_then: int  # places apart in the first month you both reviewed
    gap_now: int  # places apart in the latest one


@dataclass(frozen=True, slots=True)
class Drift:
    months: tuple[tuple[str, float], ...]  # months you both reviewed, with how alike
    apart: tuple[Shift, ...]  # further apart than at first, widest growth first
    closer: tuple[Shift, ...]  # closer than at first

    @property
    def since(self) -> str | None:
        return self.months[0][0] if self.months else None


def drift(first: Sequence[Review], second: Sequence[Review]) -> Drift:
    """How the two rankings compare each month both reviewed, and what moved since."""
    by_month = {r.month: r for r in second}
    pairs = [
        (a, by_month[a.month]) for a in sorted(first, key=lambda r: r.month) if a.month in by_month
    ]
    months = tuple((a.month, closeness(a.ranked, b.ranked)) for a, b in pairs)
    if len(pairs) < 2:
        return Drift(months, (), ())
    (a0, b0), (a1, b1) = pairs[0], pairs[-1]
    shifts = [
        Shift(item, abs(a0.place(item) - b0.place(item)), abs(a1.place(item) - b1.place(item)))
        for item in a1.ranked
        if item in a0.ranked and item in b0.ranked and item in b1.ranked
    ]
    apart = sorted(
        (s for s in shifts if s.gap_now > s.gap_then),
        key=lambda s: (s.gap_then - s.gap_now, _order(s.item)),
    )
    closer = sorted(
        (s for s in shifts if s.gap_now < s.gap_then),
        key=lambda s: (s.gap_now - s.gap_then, _order(s.item)),
    )
    return Drift(months, tuple(apart), tuple(closer))


def move_text(change: int | None) -> str:
    if change is None:
        return ""
    if change == 0:
        return "="
    return f"↑{change}" if change > 0 else f"↓{-change}"
