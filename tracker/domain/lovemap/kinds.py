"""The record kinds love maps are stored as: named once, here.

Only names: `tracker.domain.kinds` collects them (with how each is read), and the store
writes with them, so a kind is never retyped as a string.
"""

from __future__ import annotations

from typing import Final

ROUND: Final = "lovemap-round"  # one device's start of a round (lovemap.model.RoundStart)
ANSWER: Final = "lovemap-answer"  # one person's answer about themself (model.Answer)
GUESS: Final = "lovemap-guess"  # one person's guess about their partner (model.Guess)
MARK: Final = "lovemap-mark"  # one person's verdict on their partner's guess (model.Mark)
HIDDEN: Final = "lovemap-hidden"  # a question one person never wants in a round (Hide)
