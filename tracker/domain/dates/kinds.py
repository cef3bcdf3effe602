"""The record kinds date nights are stored as: named once, here, next to the date types.

Only names: `tracker.domain.kinds` collects them (with how each is read), and the store
and the made-up couple write with them, so a kind is never retyped as a string.
"""

from __future__ import annotations

from typing import Final

DATE: Final = "date"  # one date or series, edited by whoever plans it (dates.model.DateNight)
OCCURRENCE: Final = "date-occurrence"  # what happened to one evening (dates.model.Mark)
RATING: Final = "date-rating"  # each partner's own rating of an evening (dates.views.Rating)
IDEA: Final = "idea"  # the couple's own ideas for the jar (dates.jar.JarIdea)
