"""What the partner's devices just sent, told as the app needs it: never raw records."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.domain.kinds import touches_feed
from tracker.domain.models import Check
from tracker.store.bin import BIN_KINDS
from tracker.store.couple import Couple


@dataclass(frozen=True, slots=True)
class Arrivals:
    ticks: list[Check]  # the live check-offs among them
    changes: int  # how many changes, leaving out deletions (those are told on their own)
    deletions: bool  # something of theirs went to the bin: told once, with what it kept
    calendar: bool  # a date or a talk changed: this device's calendar feed is rewritten


def look_for_arrivals(couple: Couple) -> Arrivals | None:
    """Merge in whatever the other devices, and other processes on this one, wrote since
    the last look; None if nothing did. What this device's own scripts or second window
    (a `rekindle tick`, another browser tab) wrote comes back as nothing to tell, but
    the screen still redraws with it. A folder this user may no longer read raises
    PermissionError."""
    arrived = couple.store.refresh()
    if not arrived:
        return None
    theirs = [r for r in arrived if r.replica != couple.store.replica_id]
    others = [r for r in theirs if not (r.deleted and r.kind in BIN_KINDS)]
    return Arrivals(
        ticks=couple.checks_among(others),
        changes=len(others),
        deletions=len(others) < len(theirs),
        calendar=touches_feed(r.kind for r in theirs),
    )
