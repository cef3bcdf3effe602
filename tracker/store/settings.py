"""Each person's own preferences, kept in the shared folder so all their devices agree,
and the couple's shared one: the day their weeks begin on."""

from __future__ import annotations

import os
from typing import Any

from tracker.domain.kinds import SETTING
from tracker.domain.models import US
from tracker.domain.weeks import chosen_first_weekday, locale_first_weekday, week_start_word
from tracker.store.couple import Change, Couple


def setting_id(person: str, name: str) -> str:
    return f"setting:{person}:{name}"


def get_setting(
    couple: Couple, name: str, default: dict[str, Any], person: str | None = None
) -> dict[str, Any]:
    record = couple.record(setting_id(person or couple.me, name))
    return dict(record.data) if record is not None else dict(default)


def put_setting(couple: Couple, name: str, data: dict[str, Any]) -> Change:
    return couple.put_record(SETTING, setting_id(couple.me, name), data, f"Changed {name}")


# One rhythm for the two of you: weekly habits are shared, so the day weeks begin on is a
# couple-wide setting, kept under "us" rather than under either person.
WEEK_START_ID = setting_id(US, "week-start")


def chosen_week_start(couple: Couple) -> int | None:
    """The first weekday the couple chose (either of them, on any device), or None."""
    record = couple.record(WEEK_START_ID)
    return None if record is None else chosen_first_weekday(record.data)


def first_weekday(couple: Couple) -> int:
    """The day the couple's weeks begin on: their choice, or else this computer's locale."""
    chosen = chosen_week_start(couple)
    return locale_first_weekday(os.environ) if chosen is None else chosen


def put_week_start(couple: Couple, weekday: int) -> Change:
    data = {"first": week_start_word(weekday)}
    return couple.put_record(SETTING, WEEK_START_ID, data, "Changed when your weeks begin")
