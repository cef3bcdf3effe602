"""The record kinds the daily question is stored as: named once, here.

Only names: `tracker.domain.kinds` collects them (with how each is read), and the store
writes with them, so a kind is never retyped as a string.
"""

from __future__ import annotations

from typing import Final

ASKED: Final = "daily-asked"  # the question a day was given, by whoever opened it first
ANSWER: Final = "daily-answer"  # one person's answer for one day (daily.model.Answer)
HIDDEN: Final = "daily-hidden"  # a question one person never wants asked (daily.model.Hide)
