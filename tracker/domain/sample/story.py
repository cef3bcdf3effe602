"""The made-up couple's whole history: one entry point over the two halves of it.

``couple`` lives their days (habits, check-ins, promises, thanks) and ``features``
builds their talks, dates and goals on the same moods and holidays. Joined here,
above both, so neither half imports the other back.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from tracker.domain.sample.couple import SampleRecord, lived
from tracker.domain.sample.features import dates, goals, talks


def generate(start: date, end: date, seed: int = 1) -> Iterator[SampleRecord]:
    """Everything the couple wrote from `start` to `end`, in no particular order."""
    return lived(start, end, seed, (talks, dates, goals))
