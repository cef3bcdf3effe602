"""The record kinds love maps are stored as: named once, here.

Only names: `tracker.domain.kinds` collects them (with how each is read), and the store
writes with them, so a kind is never retyped as a string.
"""

from __future__ import annotations

from typing import Final

ROUND: Final = "lovemap-round"  # one device's start of a round (lovemap.model.RoundStart)
ENTRY: Final = "lovemap-entry"  # one person's answer, guess and verdict on one question
HIDDEN: Final = "lovemap-hidden"  # a question one person never wants in a round (Hide)
