"""Setting aside a time to talk: the Talks screen's a, the daily question's "talk about
this" and a step of the path after a betrayal (Check-in) open the same slot form through
this one function."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from tracker.domain.talks.model import Slot, slot_from_form
from tracker.store import talks
from tracker.store.couple import Change, Couple
from tracker.ui.screens.base import RekindleScreen
from tracker.ui.screens.talks.forms import SlotFields, SlotForm, SlotMaker


def slot_maker(screen: RekindleScreen, slot_id: str, tz: str) -> SlotMaker:
    """What turns the form's fields into a slot, at the moment the form opened."""
    now = screen.rekindle.clock()

    def make(f: SlotFields) -> Slot:
        return slot_from_form(slot_id, f.title, f.repeat, f.day, f.at, f.minutes, tz, now)

    return make


def next_sunday(today: date) -> date:
    """Where a new talk starts unless moved: the coming Sunday (today, on a Sunday)."""
    return today + timedelta(days=(6 - today.weekday()) % 7)


def plan_talk(
    screen: RekindleScreen,
    title: str = "",
    repeat: str = "week",
    also: Callable[[Slot], list[Change]] | None = None,
    done: str = "Planned.",
) -> None:
    """Open the slot form, starting next Sunday, and save the slot through
    ``screen.write``, which then redraws that screen. `also` writes what goes with it in
    the same step (the daily question's "talk about this" adds its prompt), so one u
    takes back both."""
    couple = screen.couple
    fields = SlotFields(
        title=title, repeat=repeat, day=next_sunday(screen.rekindle.today()).isoformat()
    )
    make = slot_maker(screen, Couple.new_id(talks.SLOT), talks.home_tz(couple))

    def made(slot: object) -> None:
        if not isinstance(slot, Slot):
            return

        def save() -> list[Change]:
            changes = [talks.save_slot(couple, slot, f"Planned “{slot.title}”")]
            return changes + (also(slot) if also else [])

        screen.write(save, done)

    screen.app.push_screen(SlotForm("Set aside a time to talk", fields, make), made)
