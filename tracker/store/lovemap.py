"""Love maps in the couple's folder: rounds, each person's answers, guesses and verdicts,
and hides (records in tracker/domain/lovemap/model.py).

Each record is written by the person (a start: the device) it belongs to, under an id
that names them, so two devices never edit one record at once. A record whose id does
not match what it says (a hand-edited or hostile file claiming to be someone else's
answer) is left out.

The domain's view types are re-exported here, so a screen needs one import.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tracker.domain.content.lovemaps import LOVE_MAP_QUESTIONS, find_love_map
from tracker.domain.lovemap import rules
from tracker.domain.lovemap.kinds import ANSWER, GUESS, HIDDEN, MARK, ROUND
from tracker.domain.lovemap.model import (
    MAX_ROUND,
    Answer,
    Entry,
    Guess,
    Hide,
    Mark,
    RoundStart,
    Verdict,
    clean_text,
    gather,
)
from tracker.domain.lovemap.rules import Settled
from tracker.domain.lovemap.views import ItemView, RoundView, Score
from tracker.store.couple import Change, Couple
from tracker.store.daily import seed

__all__ = [
    "ItemView",
    "RoundView",
    "Score",
    "Verdict",
    "answer",
    "current_round",
    "entries",
    "guess",
    "hidden",
    "hide",
    "mark",
    "rounds",
    "score",
    "start_round",
]


def _own(couple: Couple, kind: str) -> list[Any]:
    """The records of `kind` whose id matches what they say, earliest written first (by
    each record's stamp, the same order on every device)."""
    found = couple.with_objects(couple.records(kind))
    found.sort(key=lambda pair: (pair[0].stamp, pair[0].replica))
    return [item for record, item in found if record.id == item.id]


def hidden(couple: Couple) -> set[str]:
    """The questions either of you hid: never picked for a round again."""
    return {item.key for item in _own(couple, HIDDEN) if isinstance(item, Hide)}


def entries(couple: Couple) -> list[Entry]:
    """Every entry of both of you as stored: for checks and repairs, never for showing
    (that is `rounds`, which keeps what is not yet revealed to me out)."""
    answers = [item for item in _own(couple, ANSWER) if isinstance(item, Answer)]
    guesses = [item for item in _own(couple, GUESS) if isinstance(item, Guess)]
    marks = [item for item in _own(couple, MARK) if isinstance(item, Mark)]
    return gather(answers, guesses, marks)


def _settled(couple: Couple, written: list[Entry]) -> dict[int, Settled]:
    starts = [item for item in _own(couple, ROUND) if isinstance(item, RoundStart)]
    return rules.settle(starts, written)


def rounds(couple: Couple) -> list[RoundView]:
    """Every round as I may see it, newest first."""
    written = entries(couple)
    return rules.views(
        _settled(couple, written), written, hidden(couple), couple.me, couple.partner_key
    )


def current_round(couple: Couple) -> RoundView | None:
    """The latest round, finished or not; None before the first."""
    found = rounds(couple)
    return found[0] if found else None


def start_round(couple: Couple, today: date) -> list[Change]:
    """Start the next round on `today`; ValueError says why not (the latest still open,
    or every question hidden)."""
    problem = rules.start_problem(current_round(couple), today)
    if problem:
        raise ValueError(problem)
    settled = _settled(couple, entries(couple))
    off = hidden(couple)
    n = max(settled, default=0) + 1
    if n > MAX_ROUND:  # only a hand-made round numbered near the limit gets here
        raise ValueError(f"Rounds are numbered up to {MAX_ROUND:,}; there's no room for more.")
    pool = [question.key for question in LOVE_MAP_QUESTIONS]
    keys = rules.pick(seed(couple), n, pool, rules.uses(settled.values()), off)
    if not keys:
        raise ValueError("Every question is hidden, so there is nothing to ask.")
    start = RoundStart(n, today, couple.me, keys, couple.store.replica_id)
    return [couple.put_record(ROUND, start.id, start.to_data(), f"Started love-map round {n}")]


def _round(couple: Couple, n: int, key: str) -> tuple[RoundView, ItemView]:
    found = next((one for one in rounds(couple) if one.n == n), None)
    if found is None:
        raise ValueError(f"There is no round {n} yet.")
    item = next((one for one in found.items if one.key == key), None)
    if item is None:
        raise ValueError(f"That question isn't in round {n}.")
    return found, item


def answer(couple: Couple, n: int, key: str, text: str) -> Change:
    """Write (or rewrite) my answer about myself; ValueError says why not."""
    mine = Answer(n, couple.me, key, clean_text(text, "answer"))
    _round(couple, n, key)
    return couple.put_record(ANSWER, mine.id, mine.to_data(), "Answered a love-map question")


def guess(couple: Couple, n: int, key: str, text: str) -> Change:
    """Write (or rewrite, until it is revealed) my guess about my partner."""
    mine = Guess(n, couple.me, key, clean_text(text, "guess"))
    _, item = _round(couple, n, key)
    if item.about_them_revealed:
        name = couple.name_of(couple.partner_key)
        raise ValueError(
            f"Your guess is already side by side with {name}'s answer, so it stays as it is."
        )
    return couple.put_record(GUESS, mine.id, mine.to_data(), "Guessed a love-map answer")


def mark(couple: Couple, n: int, key: str, verdict: Verdict) -> Change:
    """Say whether my partner's guess about me was right, close or wrong: only once my
    answer and their guess are both in (the reveal)."""
    _, item = _round(couple, n, key)
    name = couple.name_of(couple.partner_key)
    if item.my_answer is None:
        raise ValueError(
            f"Answer this one about yourself first; then you'll see {name}'s guess and can mark it."
        )
    if not item.they_guessed:
        raise ValueError(f"{name} hasn't guessed this one yet; you can mark it once they do.")
    mine = Mark(n, couple.me, key, verdict)
    return couple.put_record(MARK, mine.id, mine.to_data(), f"Marked a guess {verdict.value}")


def hide(couple: Couple, key: str) -> Change:
    """Never put this question in a round again. A round that already has it keeps what
    was written, but no longer waits for it."""
    if find_love_map(key) is None:
        raise ValueError("There is no such question.")
    found = Hide(couple.me, key)
    return couple.put_record(HIDDEN, found.id, found.to_data(), "Hid a love-map question")


def score(couple: Couple) -> Score:
    """Every round's marked guesses together."""
    return sum((one.score for one in rounds(couple)), Score())
