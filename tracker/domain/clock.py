"""Times of day as people type them and as they are stored ("20:30")."""

from __future__ import annotations

import re
from datetime import time

_CLOCK = re.compile(r"(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?")


def parse_clock(text: str) -> time:
    """ "20:00", "8pm", "19.30" → a time of day, or ValueError ("25:00", "7pm-ish")."""
    cleaned = text.strip().casefold().replace(" ", "")
    found = _CLOCK.fullmatch(cleaned)
    problem = f"“{text.strip()[:20]}” isn't a time of day; use HH:MM, like 20:00."
    if not found:
        raise ValueError(problem)
    hour, minute = int(found.group(1)), int(found.group(2) or 0)
    if found.group(3):
        if not 1 <= hour <= 12:
            raise ValueError(problem)
        hour = hour % 12 + (12 if found.group(3) == "pm" else 0)
    if hour > 23 or minute > 59:
        raise ValueError(problem)
    return time(hour, minute)


def clock_text(at: time) -> str:
    """A time of day as it is stored and shown: "20:30"."""
    return f"{at.hour:02d}:{at.minute:02d}"
