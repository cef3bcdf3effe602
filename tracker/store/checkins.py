"""Check-ins, promises, repairs, appreciations and the help-card setting, in the folder.

Every record is written by the person it belongs to: a check-in under
``checkin:<person>:<week>`` (so a second one that week edits the first, on
any of that person's devices), a setting under ``setting:<person>:help-card``,
and promises, repairs and appreciations under fresh ids. A record this
version cannot read (hand-edited, or from a newer Rekindle) is left alone and
skipped, never a crash.
"""

from __future__ import annotations

from datetime import date, datetime

from tracker.domain.checkin.kinds import APPRECIATION, CHECKIN, PROMISE, REPAIR
from tracker.domain.checkin.model import (
    CheckIn,
    HelpSetting,
    HelpTrigger,
    WeekView,
    checkin_id,
    help_card,
    iso_week,
    visible_to_me,
    week_label,
    week_view,
)
from tracker.domain.checkin.promises import (
    WINDOWS,
    Appreciation,
    Promise,
    Reliability,
    Repair,
    due_by,
    reliability,
)
from tracker.domain.days import person_today
from tracker.domain.kinds import SETTING
from tracker.domain.text import count, cut
from tracker.store.couple import Change, Couple
from tracker.store.records import Record
from tracker.store.settings import setting_id

HELP_CARD = "help-card"  # {"enabled": bool}, also switched on the Settings screen
HELP_DISMISSED = "help-card-dismissed"  # {"dismissed": [trigger ids]}
AGENDA_PROMISES = 3
SUMMARY_WIDTH = 60  # what someone wrote, cut to fit one agenda line


# -- check-ins ----------------------------------------------------------------


def current_week(couple: Couple, person: str, now: datetime) -> str:
    """The ISO week ``person`` is in at ``now``, by their own zone and day start."""
    return iso_week(person_today(couple.person(person), now))


def all_checkins(couple: Couple) -> list[CheckIn]:
    """Every readable check-in, oldest week first."""
    # One that does not fit is not ours to fix: doctor's business, never a crash.
    found: list[tuple[Record, CheckIn]] = couple.with_objects(couple.records(CHECKIN))
    # The id is the truth about whose week it is; a record claiming otherwise is skipped.
    kept = [c for record, c in found if record.id == c.id]
    return sorted(kept, key=lambda c: (c.week, c.person))


def checkins_of(couple: Couple, person: str) -> list[CheckIn]:
    return [c for c in all_checkins(couple) if c.person == person]


def checkin_for(couple: Couple, person: str, week: str) -> CheckIn | None:
    record = couple.record(checkin_id(person, week))
    if record is None or record.kind != CHECKIN:
        return None
    found: list[CheckIn] = couple.as_objects([record])
    return found[0] if found else None


def save_checkin(couple: Couple, checkin: CheckIn) -> Change:
    """Write (or rewrite) the person's check-in for its week: never a duplicate."""
    again = couple.record(checkin.id) is not None
    what = "Updated the check-in" if again else "Checked in"
    return couple.put_record(
        CHECKIN, checkin.id, checkin.to_data(), f"{what} for {week_label(checkin.week)}"
    )


def view_of_week(couple: Couple, week: str, current: str) -> WeekView:
    """``week`` as I (couple.me, now in ``current``) may see it."""
    me, partner = couple.me, couple.partner_key
    return week_view(
        week,
        checkin_for(couple, me, week),
        checkin_for(couple, partner, week),
        current,
        couple.name_of(partner),
    )


def visible_history(couple: Couple, current: str) -> dict[str, list[CheckIn]]:
    """My check-ins, and the partner's that I may see, oldest first."""
    # A week ahead of mine (a clock that was wrong when it was written) waits its turn.
    mine = [c for c in checkins_of(couple, couple.me) if c.week <= current]
    theirs = visible_to_me(checkins_of(couple, couple.partner_key), mine, current)
    return {couple.me: mine, couple.partner_key: theirs}


# -- the help card -------------------------------------------------------------


def help_setting(couple: Couple, person: str) -> HelpSetting:
    """On or off (the record the Settings screen also writes) and what was dismissed."""
    enabled = couple.record(setting_id(person, HELP_CARD))
    dismissed = couple.record(setting_id(person, HELP_DISMISSED))
    return HelpSetting.read(
        enabled.data if enabled else None, dismissed.data if dismissed else None
    )


def dismiss_help(couple: Couple, triggers: list[HelpTrigger]) -> Change:
    """Hide the card for these triggers, on all my devices, until a new check-in."""
    setting = help_setting(couple, couple.me).dismiss(triggers)
    record_id = setting_id(couple.me, HELP_DISMISSED)
    return couple.put_record(SETTING, record_id, setting.dismissed_data(), "Hid the help card")


def set_help_enabled(couple: Couple, enabled: bool) -> Change:
    record_id = setting_id(couple.me, HELP_CARD)
    what = "Turned the help card on" if enabled else "Turned the help card off"
    return couple.put_record(SETTING, record_id, HelpSetting(enabled).enabled_data(), what)


def active_help(couple: Couple, current: str) -> list[HelpTrigger]:
    """What the card should show me now (from check-ins I may see), after my dismissals."""
    return help_card(visible_history(couple, current), help_setting(couple, couple.me))


# -- promises ----------------------------------------------------------------


def promises(couple: Couple) -> list[Promise]:
    """Open ones first, soonest due; then settled ones, most recent first."""
    found: list[Promise] = couple.objects(PROMISE)
    open_ = sorted((p for p in found if p.active), key=lambda p: (p.due, p.made, p.id))
    settled = sorted(
        (p for p in found if not p.active),
        key=lambda p: (p.closed or p.due, p.id),
        reverse=True,
    )
    return open_ + settled


def save_promise(couple: Couple, promise: Promise, description: str) -> Change:
    return couple.put_record(PROMISE, promise.id, promise.to_data(), description)


def reliabilities(couple: Couple, today: date) -> dict[str, dict[int, Reliability]]:
    """person → window in days → their reliability over it."""
    found = promises(couple)
    return {
        person: {days: reliability(found, person, today, days) for days in WINDOWS}
        for person in (couple.me, couple.partner_key)
    }


# -- repairs and appreciations ---------------------------------------------------


def repairs(couple: Couple) -> list[Repair]:
    """Newest first."""
    found: list[tuple[Record, Repair]] = couple.with_objects(couple.records(REPAIR))
    return [r for _, r in sorted(found, key=lambda f: (f[1].day, f[0].stamp), reverse=True)]


def save_repair(couple: Couple, repair: Repair) -> Change:
    return couple.put_record(REPAIR, repair.id, repair.to_data(), "Logged a repair")


def appreciations(couple: Couple) -> list[Appreciation]:
    """Newest first."""
    found: list[tuple[Record, Appreciation]] = couple.with_objects(couple.records(APPRECIATION))
    return [a for _, a in sorted(found, key=lambda f: (f[1].day, f[0].stamp), reverse=True)]


def save_appreciation(couple: Couple, item: Appreciation) -> Change:
    return couple.put_record(APPRECIATION, item.id, item.to_data(), "Noted an appreciation")


# -- the Today screen ------------------------------------------------------------


def _whose(couple: Couple, promise: Promise) -> str:
    if promise.by == couple.me:
        return f"your promise to {couple.name_of(promise.to)}"
    to = "you" if promise.to == couple.me else couple.name_of(promise.to)
    return f"{couple.name_of(promise.by)}'s promise to {to}"


def agenda(couple: Couple, day: date) -> list[str]:
    """Lines for the Today screen's "also today" box: promises due or overdue, a
    partner's check-in waiting for mine, and thanks that arrived that day."""
    lines: list[str] = []
    due = due_by(promises(couple), day)
    for promise in due[:AGENDA_PROMISES]:
        when = (
            "Due today"
            if promise.due == day
            else f"Overdue since {promise.due:%a} {promise.due.day} {promise.due:%b}"
        )
        lines.append(f"{when}: {_whose(couple, promise)}, “{cut(promise.text, SUMMARY_WIDTH)}”")
    if len(due) > AGENDA_PROMISES:
        more = len(due) - AGENDA_PROMISES
        lines.append(f"…and {count(more, 'more promise')} on Check-in (5, p)")
    week = iso_week(day)
    me, partner = couple.me, couple.partner_key
    if checkin_for(couple, partner, week) and not checkin_for(couple, me, week):
        number = int(week.split("-W")[1])
        lines.append(
            f"{couple.name_of(partner)} has checked in for week {number}; "
            "yours isn't in yet (5 Check-in)"
        )
    for item in appreciations(couple):
        if item.to == me and item.by == partner and item.day == day:
            thanks = cut(item.text, SUMMARY_WIDTH)
            lines.append(f"{couple.name_of(partner)} noticed and appreciated: “{thanks}”")
    return lines
