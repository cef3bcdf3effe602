"""The daily question: one small question a day that both of you answer, then see each
other's answer. Written in our own words, like the conversation prompts.

Keys are history: a day's question and both answers refer to it, so once a question
ships its key is never reused or renumbered. Rewording keeps its key; retiring one deletes
the line and leaves its number unused. New questions take the next number after the
highest one in any theme module.

The questions live one theme to a module; this package gathers them in key order.

Plain values only: no I/O, no UI.
"""

from __future__ import annotations

from tracker.domain.content.daily import (
    appreciation,
    fun,
    intimacy,
    knowing,
    priorities,
    repair,
    stress,
    trust,
    vision,
)
from tracker.domain.content.daily.shape import DailyQuestion

__all__ = ["DAILY_QUESTIONS", "DailyQuestion", "daily_text", "find_daily"]


def _number(question: DailyQuestion) -> int:
    return int(question.key.removeprefix("daily-"))


DAILY_QUESTIONS: tuple[DailyQuestion, ...] = tuple(
    sorted(
        (
            *knowing.QUESTIONS,
            *appreciation.QUESTIONS,
            *vision.QUESTIONS,
            *priorities.QUESTIONS,
            *repair.QUESTIONS,
            *trust.QUESTIONS,
            *intimacy.QUESTIONS,
            *fun.QUESTIONS,
            *stress.QUESTIONS,
        ),
        key=_number,
    )
)

_BY_KEY = {question.key: question for question in DAILY_QUESTIONS}


def find_daily(key: str) -> DailyQuestion | None:
    return _BY_KEY.get(key)


def daily_text(key: str | None) -> str:
    """A day's question in words, for the CLI and the Question screen alike."""
    if key is None:
        return "No question that day."
    found = find_daily(key)
    # A key from a newer Rekindle (or one since retired) still has its answers.
    return found.text if found else "A question this version of Rekindle doesn't know."
