"""Which questions a round gets, how two devices' starts settle into one round, when a
new round may start, and each round as one of you may see it.

Round n's questions are worked out from what both devices share (the pool, the earlier
rounds, both people's hides, the couple's seed), so two devices starting round n offline
almost always pick the same five. When hides made them differ, every device settles on
the earliest-written start's questions plus any other question someone already wrote
an answer or a guess for in round n: nothing written is lost, and such a round may hold
more than five.

Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from hashlib import blake2b

from tracker.domain.content.lovemaps import find_love_map
from tracker.domain.days import short_date
from tracker.domain.lovemap.model import Entry, RoundStart
from tracker.domain.lovemap.views import RoundView, complete, item_view

ROUND_SIZE = 5
STALE_DAYS = 14  # an unfinished round this old no longer holds up the next one


def _rank(seed: str, n: int, key: str) -> bytes:
    """A stable shuffle of the pool for one couple and one round: the same on every
    computer and every Python (unlike hash()), different for each couple."""
    return blake2b(f"{seed}|{n}|{key}".encode(), digest_size=8).digest()


def pick(
    seed: str, n: int, pool: Sequence[str], uses: Mapping[str, int], hidden: Collection[str]
) -> tuple[str, ...]:
    """Round n's questions: ROUND_SIZE of the pool not hidden by either of you, the ones
    used in the fewest earlier rounds first (`uses`: key → how many), so none comes back
    until every one has been asked; ties in the couple's shuffle for this round."""
    open_keys = [key for key in pool if key not in hidden]
    ordered = sorted(open_keys, key=lambda key: (uses.get(key, 0), _rank(seed, n, key), key))
    return tuple(ordered[:ROUND_SIZE])


@dataclass(frozen=True, slots=True)
class Settled:
    """A round as every device settles it, whatever order the starts arrived in."""

    n: int
    started: date
    keys: tuple[str, ...]


def settle(starts: Iterable[RoundStart], entries: Iterable[Entry]) -> dict[int, Settled]:
    """Each round: the first-written start's day and questions, plus any other question
    someone wrote in that round. `starts` comes earliest written first (the store orders
    by each record's stamp, the same on every device). A round nobody's start has reached
    this device for yet is left out until one does."""
    first: dict[int, RoundStart] = {}
    for start in starts:
        first.setdefault(start.n, start)
    written: dict[int, set[str]] = {}
    for entry in entries:
        if entry.wrote:
            written.setdefault(entry.n, set()).add(entry.key)
    found: dict[int, Settled] = {}
    for n, start in first.items():
        keys = tuple(dict.fromkeys(start.keys))  # a hand-made start may repeat one
        extra = sorted(written.get(n, set()) - set(keys))
        found[n] = Settled(n, start.started, keys + tuple(extra))
    return found


def uses(rounds: Iterable[Settled]) -> dict[str, int]:
    """How many rounds each question has been in."""
    found: dict[str, int] = {}
    for one in rounds:
        for key in one.keys:
            found[key] = found.get(key, 0) + 1
    return found


def round_view(
    settled: Settled,
    entries: Mapping[tuple[int, str, str], Entry],
    hidden: Collection[str],
    me: str,
    partner: str,
) -> RoundView:
    """One round as `me` may see it. `entries` by (round, person, key). A question one of
    you hid with nothing written for it leaves the round; one with something written
    stays, marked hidden; neither is waited for, nor is one this version doesn't know."""
    items = []
    waiting = []
    for key in settled.keys:
        mine = entries.get((settled.n, me, key))
        theirs = entries.get((settled.n, partner, key))
        was_hidden = key in hidden
        if was_hidden and not any(entry and entry.wrote for entry in (mine, theirs)):
            continue
        items.append(item_view(key, mine, theirs, was_hidden))
        if not was_hidden and find_love_map(key) is not None:
            waiting.append(complete(mine, theirs))
    return RoundView(settled.n, settled.started, items, all(waiting))


def views(
    rounds: Mapping[int, Settled],
    entries: Iterable[Entry],
    hidden: Collection[str],
    me: str,
    partner: str,
) -> list[RoundView]:
    """Every round as `me` may see it, newest first."""
    by_key = {(entry.n, entry.person, entry.key): entry for entry in entries}
    return [
        round_view(rounds[n], by_key, hidden, me, partner) for n in sorted(rounds, reverse=True)
    ]


def start_problem(latest: RoundView | None, today: date) -> str | None:
    """Why a new round cannot start on `today`: the latest is still open and younger than
    STALE_DAYS. None when it may."""
    if latest is None or latest.finished:
        return None
    opens = latest.started + timedelta(days=STALE_DAYS)
    if today >= opens:
        return None
    return (
        f"Round {latest.n} is still open. Once its answers, guesses and marks are all in "
        f"you can start the next one, or from {short_date(opens, today)} either way."
    )
