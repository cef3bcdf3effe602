"""The daily question: one small question a day that both of you answer, then see each
other's answer. Written in our own words, like the conversation prompts.

Keys are history: a day's question and both answers refer to it, so once a question
ships its key is never reused or renumbered. Rewording keeps its key; retiring one deletes
the line and leaves its number unused.

Plain values only: no I/O, no UI.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.domain.content.prompts import Depth, Theme


@dataclass(frozen=True, slots=True)
class DailyQuestion:
    key: str  # "daily-001": stable; a day's answers refer to it
    theme: Theme
    depth: Depth
    text: str  # at most 160 characters, one line, ends with "?"


_L, _M, _D = Depth.LIGHT, Depth.MEDIUM, Depth.DEEP


def _questions(theme: Theme, *entries: tuple[int, Depth, str]) -> tuple[DailyQuestion, ...]:
    """One theme's questions; each number is written out so keys never shift."""
    return tuple(DailyQuestion(f"daily-{n:03d}", theme, depth, text) for n, depth, text in entries)


DAILY_QUESTIONS: tuple[DailyQuestion, ...] = (
    *_questions(
        Theme.LOVE_MAPS,
        (1, _L, "What was the best part of your day today?"),
        (2, _L, "What's a smell that takes you straight back to childhood?"),
        (3, _M, "What's something you're looking forward to this month?"),
    ),
    *_questions(
        Theme.APPRECIATION,
        (4, _L, "What's one thing I did recently that made your day easier?"),
    ),
    *_questions(
        Theme.FUN,
        (5, _L, "If we had a free Saturday with no plans, how would you spend it?"),
    ),
)

_BY_KEY = {question.key: question for question in DAILY_QUESTIONS}


def find_daily(key: str) -> DailyQuestion | None:
    return _BY_KEY.get(key)
