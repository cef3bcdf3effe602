"""The record kinds check-ins, promises, repairs and thanks are stored as: named once, here.

Only names: `tracker.domain.kinds` collects them (with how each is read), and the store
and the made-up couple write with them, so a kind is never retyped as a string.
"""

from __future__ import annotations

from typing import Final

CHECKIN: Final = "checkin"  # one person's weekly check-in (checkin.model.CheckIn)
PROMISE: Final = "promise"  # (checkin.promises.Promise), also made from a talk's follow-up
REPAIR: Final = "repair"  # an apology and what will change (checkin.promises.Repair)
APPRECIATION: Final = "appreciation"  # a thank-you (checkin.promises.Appreciation)
