"""The made-up couple's whole history: one entry point over its parts.

``couple`` lives their days (habits, check-ins, promises, thanks); ``features`` (talks,
dates), ``goals`` and ``daily`` (the daily question) build on the same moods and
holidays. Joined here, above them all, so ``couple`` never imports the parts that build
on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from tracker.domain.sample.couple import SampleRecord, lived
from tracker.domain.sample.daily import daily
from tracker.domain.sample.features import dates, talks
from tracker.domain.sample.goals import goals


def generate(start: date, end: date, seed: int = 1) -> Iterator[SampleRecord]:
    """Everything the couple wrote from `start` to `end`, in no particular order."""
    # The daily question comes last: its dice leave everything before it as it was.
    return lived(start, end, seed, (talks, dates, goals, daily))
