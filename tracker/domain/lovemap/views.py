"""A love-map round as one of you may see it, and the couple's gentle score.

Each question is played both ways: for "about Alex" Alex answers and Sam guesses, and
the other way round for "about Sam". A direction is revealed (both see the answer and
the guess side by side) only once both its answer and its guess are in; before that the
viewer learns only that their partner has answered or guessed. The verdict on a guess is
given by the person the question is about, after the reveal.

The score is the couple's together, never one partner against the other: how many marked
guesses were right or close, over all rounds or one.

Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from tracker.domain.content.lovemaps import LoveMapQuestion, find_love_map
from tracker.domain.lovemap.model import Entry, Verdict
from tracker.domain.text import count


@dataclass(frozen=True, slots=True)
class Score:
    """Marked guesses, both ways together: never split by who guessed."""

    right: int = 0
    close: int = 0
    wrong: int = 0

    @property
    def marked(self) -> int:
        return self.right + self.close + self.wrong

    @property
    def known(self) -> int:
        """Right or close: the times one of you knew the other's answer."""
        return self.right + self.close

    def __add__(self, other: Score) -> Score:
        return Score(self.right + other.right, self.close + other.close, self.wrong + other.wrong)

    @classmethod
    def of(cls, verdicts: Iterable[Verdict | None]) -> Score:
        given = [verdict for verdict in verdicts if verdict is not None]
        return cls(
            given.count(Verdict.RIGHT), given.count(Verdict.CLOSE), given.count(Verdict.WRONG)
        )

    def words(self) -> str:
        """One sentence for the couple: "You've known each other's answers 14 times out of
        20: 9 right, 5 close." Wrong guesses are only the rest of the count."""
        if not self.marked:
            return "No guesses marked yet."
        if not self.known:
            return (
                f"{count(self.marked, 'guess', 'guesses')} marked so far: each answer "
                "was something new to learn about each other."
            )
        return (
            f"You've known each other's answers {count(self.known, 'time')} out of "
            f"{self.marked:,}: {self.right:,} right, {self.close:,} close."
        )


@dataclass(frozen=True, slots=True)
class ItemView:
    """One question of a round as the viewer may see it."""

    key: str
    question: LoveMapQuestion | None  # None: a question this version doesn't know
    my_answer: str | None  # about myself
    my_guess: str | None  # about my partner
    their_answer: str | None  # about themself; None until they answered and I guessed
    their_guess_about_me: str | None  # None until I answered and they guessed
    they_answered: bool  # said even before the reveal ("Sam has answered")
    they_guessed: bool
    my_verdict: Verdict | None  # mine, on their guess about me
    their_verdict: Verdict | None  # theirs, on my guess about them
    # Hidden by one of you after the round began, with something already written: kept
    # so nothing is lost, but no longer waited for.
    hidden: bool = False

    @property
    def about_me_revealed(self) -> bool:
        """My answer and their guess about me are both in: I may mark their guess."""
        return self.their_guess_about_me is not None

    @property
    def about_them_revealed(self) -> bool:
        """Their answer and my guess about them are both in."""
        return self.their_answer is not None


@dataclass(frozen=True, slots=True)
class RoundView:
    """A round as the viewer may see it: `finished` once every answer, guess and verdict
    of its questions is in (the ones hidden or unknown to this version aside)."""

    n: int
    started: date
    items: list[ItemView]
    finished: bool

    @property
    def score(self) -> Score:
        """This round's marked guesses, both ways."""
        return Score.of(
            verdict for item in self.items for verdict in (item.my_verdict, item.their_verdict)
        )


def complete(mine: Entry | None, theirs: Entry | None) -> bool:
    """Both answers, both guesses and both verdicts of one question are in."""
    return all(
        entry is not None and entry.answer and entry.guess and entry.verdict is not None
        for entry in (mine, theirs)
    )


def item_view(key: str, mine: Entry | None, theirs: Entry | None, hidden: bool) -> ItemView:
    my_answer = mine.answer if mine and mine.answer else None
    my_guess = mine.guess if mine and mine.guess else None
    their_answer = theirs.answer if theirs and theirs.answer else None
    their_guess = theirs.guess if theirs and theirs.guess else None
    about_me = my_answer is not None and their_guess is not None
    about_them = their_answer is not None and my_guess is not None
    return ItemView(
        key=key,
        question=find_love_map(key),
        my_answer=my_answer,
        my_guess=my_guess,
        their_answer=their_answer if about_them else None,
        their_guess_about_me=their_guess if about_me else None,
        they_answered=their_answer is not None,
        they_guessed=their_guess is not None,
        # A verdict counts only on a revealed pair: one written before (a hand-edited
        # file) says nothing yet.
        my_verdict=mine.verdict if mine and about_me else None,
        their_verdict=theirs.verdict if theirs and about_them else None,
        hidden=hidden,
    )
