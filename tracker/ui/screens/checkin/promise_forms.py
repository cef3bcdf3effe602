"""A promise to the partner, and a repair logged: the promise ledger's a and l, and the
steps of the path after a betrayal, open the same two forms through these functions.
Each saves through the opening screen's ``write`` (one undo step), which redraws it."""

from __future__ import annotations

from tracker.domain.checkin import kinds as checkin_kinds
from tracker.domain.checkin.promises import (
    MAX_PROMISE,
    MAX_REPAIR,
    Promise,
    Repair,
    make_promise,
    make_repair,
)
from tracker.store import checkins as store
from tracker.store.couple import Couple
from tracker.ui.screens.base import RekindleScreen
from tracker.ui.screens.dialog_base import Field, FieldsDialog
from tracker.ui.widgets.literal import one_line

DUE_HINT = "a date (2026-12-01), today, tomorrow, friday, in 3 days"
SMALL_AND_CONCRETE = "Something small and concrete you can keep."


def promise_form(
    screen: RekindleScreen,
    example: str = "e.g. book the table for Saturday",
    intro: str = SMALL_AND_CONCRETE,
    due: str = "",
) -> None:
    """“I'll … by …”, to the partner, who sees it in the ledger."""
    couple, today = screen.couple, screen.rekindle.today()
    partner = one_line(couple.name_of(couple.partner_key), 20)

    def make(values: dict[str, str]) -> Promise:
        return make_promise(
            Couple.new_id(checkin_kinds.PROMISE),
            values["text"],
            couple.me,
            couple.partner_key,
            values["due"],
            today,
        )

    def made(promise: Promise | None) -> None:
        if promise is not None:
            screen.write(
                lambda: store.save_promise(couple, promise, "Made a promise"),
                "Promise made. u undoes it.",
            )

    dialog = FieldsDialog(
        f"A promise to {partner}",
        [
            Field("text", "I'll ...", placeholder=example, max_length=MAX_PROMISE),
            Field("due", "By", value=due, placeholder=DUE_HINT),
        ],
        make,
        intro,
        wide=False,
        enter_moves_on=True,
    )
    screen.app.push_screen(dialog, made)


def repair_form(screen: RekindleScreen) -> None:
    """An apology and what will change, in the repair log both of you read."""
    couple, today = screen.couple, screen.rekindle.today()

    def make(values: dict[str, str]) -> Repair:
        return make_repair(
            Couple.new_id(checkin_kinds.REPAIR),
            couple.me,
            couple.partner_key,
            today,
            values["apology"],
            values["change"],
        )

    def made(repair: Repair | None) -> None:
        if repair is not None:
            screen.write(lambda: store.save_repair(couple, repair), "Repair logged. u undoes it.")

    dialog = FieldsDialog(
        "Log a repair",
        [
            Field("apology", "What happened, and sorry for it", max_length=MAX_REPAIR),
            Field("change", "What will change", max_length=MAX_REPAIR),
        ],
        make,
        "Your partner can read this too.",
        wide=False,
        enter_moves_on=True,
    )
    screen.app.push_screen(dialog, made)
