"""Reading check-ins over time: trends, where the two of you see things differently,
and the area that is feeling weakest.

- **Trend**: over a person's last ``TREND_WINDOW`` (4) check-ins for one area,
  the latest rating against the first of them: higher is rising, lower is
  falling, equal is steady. Fewer than two check-ins give no trend.
- **Gap**: in a week you both checked in, an area where your ratings differ
  by ``GAP_TO_TALK`` (2) or more is worth a talk.
- **Weakest area**: of the five areas (not overall closeness), the lowest
  sum of the visible ratings that week; ties go to the lower single rating,
  then to the guide's order of the areas.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tracker.domain.checkin.model import KEYS, LABELS, CheckIn
from tracker.domain.models import Area

TREND_WINDOW = 4
GAP_TO_TALK = 2


def series(checkins: Iterable[CheckIn], key: str, weeks: Sequence[str]) -> list[int | None]:
    """The ratings for ``key`` lined up with ``weeks`` (None where there was no check-in)."""
    by_week = {c.week: c.rating(key) for c in checkins}
    return [by_week.get(week) for week in weeks]


@dataclass(frozen=True, slots=True)
class Trend:
    first: int
    last: int
    count: int  # how many check-ins it spans

    @property
    def direction(self) -> int:
        return (self.last > self.first) - (self.last < self.first)

    def describe(self) -> str:
        if self.direction > 0:
            return f"up from {self.first} to {self.last}"
        if self.direction < 0:
            return f"down from {self.first} to {self.last}"
        return f"steady at {self.last}"


def trend(values: Sequence[int | None], window: int = TREND_WINDOW) -> Trend | None:
    """The trend over the last ``window`` ratings present, oldest first; see above."""
    present = [v for v in values if v is not None][-window:]
    if len(present) < 2:
        return None
    return Trend(present[0], present[-1], len(present))


@dataclass(frozen=True, slots=True)
class Gap:
    key: str
    mine: int
    theirs: int

    @property
    def size(self) -> int:
        return abs(self.mine - self.theirs)

    def describe(self, partner: str) -> str:
        label = LABELS[self.key].lower()
        return (
            f"You see {label} differently (you {self.mine}, {partner} {self.theirs}) — "
            "worth a talk."
        )


def gaps(mine: CheckIn, theirs: CheckIn, threshold: int = GAP_TO_TALK) -> list[Gap]:
    """Areas (and closeness) where the two ratings differ by ``threshold`` or more,
    widest first, then in the check-in's order."""
    found = [Gap(key, mine.rating(key), theirs.rating(key)) for key in KEYS]
    wide = [g for g in found if g.size >= threshold]
    return sorted(wide, key=lambda g: (-g.size, KEYS.index(g.key)))


def weakest_area(checkins: Sequence[CheckIn]) -> Area | None:
    """The area feeling weakest in these check-ins (one week's, one or both people)."""
    if not checkins:
        return None

    def weight(area: Area) -> tuple[int, int, int]:
        ratings = [c.rating(area.value) for c in checkins]
        return (sum(ratings), min(ratings), list(Area).index(area))

    return min(Area, key=weight)
