"""This feature's records in the couple's folder; filled in by the work that builds it."""

from __future__ import annotations

from datetime import date

from tracker.store.couple import Couple


def agenda(couple: Couple, day: date) -> list[str]:
    """Lines for the Today screen's "also today" box."""
    return []
