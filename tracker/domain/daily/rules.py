"""Which question a day gets, who may see which answer, and the streak of days you both
answered.

A day's question is the same for both of you: it is worked out from what both devices
share (the pool, the days already asked, both people's hides, the couple's seed), and
the first device to open the day writes it down, so it stays that day's question even if
the pool or the hides change later. Two devices that open a day offline may each write
one; every device then settles on the same one (the earliest written), and no answer
is lost, as answers are filed by day and person. (Offline is also the one way a question
can come back within the year: a device that has not yet seen the other's days cannot
leave out what they asked.)

Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from hashlib import blake2b

from tracker.domain.daily.model import Answer, Asked

NO_REPEAT_DAYS = 365  # a question is not asked again within a year of its last day
LATE_DAYS = 7  # how many days back an answer may still be added


def _rank(seed: str, day: date, key: str) -> bytes:
    """A stable shuffle of the pool for one couple and one day: the same on every
    computer and every Python (unlike hash()), different for each couple."""
    return blake2b(f"{seed}|{day.isoformat()}|{key}".encode(), digest_size=8).digest()


def pick(
    seed: str,
    day: date,
    pool: Sequence[str],
    asked: Mapping[date, str],
    hidden: Collection[str],
) -> str | None:
    """The question `day` gets when nobody has opened it yet: one not hidden by either of
    you and not asked within NO_REPEAT_DAYS of it; None when every question is hidden.

    Should every question left have been asked within the year (a small pool after many
    hides), the one asked longest before is asked again rather than none.
    """
    window = timedelta(days=NO_REPEAT_DAYS)
    nearest: dict[str, int] = {}  # key → days between `day` and its nearest asking
    for other, key in asked.items():
        if other != day and abs(other - day) < window:
            gap = abs((other - day).days)
            nearest[key] = min(gap, nearest.get(key, gap))
    open_keys = [key for key in pool if key not in hidden]
    if not open_keys:
        return None
    fresh = [key for key in open_keys if key not in nearest]
    if fresh:
        return min(fresh, key=lambda key: (_rank(seed, day, key), key))
    return min(open_keys, key=lambda key: (-nearest[key], _rank(seed, day, key), key))


def settled(asked: Iterable[Asked]) -> dict[date, str]:
    """Each day's question: the first one written for it. `asked` comes earliest written
    first (the store orders by each record's stamp, the same on every device)."""
    found: dict[date, str] = {}
    for one in asked:
        found.setdefault(one.day, one.key)
    return found


def answer_problem(day: date, today: date) -> str | None:
    """Why `day` cannot be answered on `today` (a future day, or more than a week back)."""
    if day > today:
        return (
            f"{day} hasn't come yet; answer today's question, or one from the last "
            f"{LATE_DAYS} days."
        )
    if (today - day).days > LATE_DAYS:
        return (
            f"{day} is {(today - day).days} days ago; answers can be added up to "
            f"{LATE_DAYS} days late."
        )
    return None


def streak(mine: Collection[date], theirs: Collection[date], today: date) -> int:
    """Days in a row that both of you answered, up to `today` (the viewer's own day). A
    today not both answered yet does not break it: it counts back from yesterday."""
    both = set(mine) & set(theirs)
    day = today if today in both else today - timedelta(days=1)
    count = 0
    while day in both:
        count += 1
        day -= timedelta(days=1)
    return count


@dataclass(frozen=True, slots=True)
class DayView:
    """One day as the viewer may see it: their partner's answer only once they answered."""

    day: date
    key: str | None  # the day's question; None if nobody opened it
    mine: Answer | None
    theirs: Answer | None  # None until I answered that day, or if they have not
    they_answered: bool  # said even before I answered ("Sam has answered")


def view(
    day: date, key: str | None, answers: Mapping[tuple[date, str], Answer], me: str, partner: str
) -> DayView:
    mine = answers.get((day, me))
    theirs = answers.get((day, partner))
    return DayView(day, key, mine, theirs if mine is not None else None, theirs is not None)


def history(
    days: Mapping[date, str],
    answers: Iterable[Answer],
    me: str,
    partner: str,
    before: date,
) -> list[DayView]:
    """Past days with a question or an answer, newest first, as the viewer may see them."""
    by_day = {(a.day, a.person): a for a in answers}
    found = {d for d in days if d < before} | {d for d, _ in by_day if d < before}
    return [view(d, days.get(d), by_day, me, partner) for d in sorted(found, reverse=True)]
