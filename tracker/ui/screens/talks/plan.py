"""Setting aside a time to talk: the Talks screen's a, and a step of the path after a
betrayal (Check-in), open the same slot form through this one function."""

from __future__ import annotations

from datetime import timedelta

from tracker.domain.talks.model import Slot, slot_from_form
from tracker.store import talks
from tracker.store.couple import Couple
from tracker.ui.screens.base import RekindleScreen
from tracker.ui.screens.talks.forms import SlotFields, SlotForm, SlotMaker


def slot_maker(screen: RekindleScreen, slot_id: str, tz: str) -> SlotMaker:
    """What turns the form's fields into a slot, at the moment the form opened."""
    now = screen.rekindle.clock()

    def make(f: SlotFields) -> Slot:
        return slot_from_form(slot_id, f.title, f.repeat, f.day, f.at, f.minutes, tz, now)

    return make


def plan_talk(screen: RekindleScreen, title: str = "", repeat: str = "week") -> None:
    """Open the slot form, starting next Sunday (today if it is one), and save the
    slot through ``screen.write``, which then redraws that screen."""
    today = screen.rekindle.today()
    sunday = today + timedelta(days=(6 - today.weekday()) % 7)
    fields = SlotFields(title=title, repeat=repeat, day=sunday.isoformat())
    make = slot_maker(screen, Couple.new_id(talks.SLOT), talks.home_tz(screen.couple))

    def made(slot: object) -> None:
        if isinstance(slot, Slot):
            description = f"Planned “{slot.title}”"
            screen.write(lambda: talks.save_slot(screen.couple, slot, description), "Planned.")

    screen.app.push_screen(SlotForm("Set aside a time to talk", fields, make), made)
