"""Each person's own preferences, kept in the shared folder so all their devices agree."""

from __future__ import annotations

from typing import Any

from tracker.domain.kinds import SETTING
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
