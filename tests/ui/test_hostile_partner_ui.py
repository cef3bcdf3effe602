"""Issue 15 in the app: each hostile-partner case opened on every screen, and the cases
whose words reach a form opened in the main dialogs too. Nothing crashes, nothing a
terminal would obey is written or composed, and the partner's files are left byte for
byte."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.hostile_partner import CASES, IDS, Case, partner_files, write_case
from tests.ui.hostile import capture
from tests.ui.test_escapes import assert_inert
from tracker.store.couple import Couple
from tracker.store.identity import load_config
from tracker.ui import registry
from tracker.ui.app import RekindleApp

OpenApp = Callable[[Couple | None], RekindleApp]
SCREENS = "".join(entry.key for entry in registry.SCREENS)
# (screen, key): the dialogs and pushed screens a person reaches first.
DIALOGS = [
    ("2", "a"),  # a new habit
    ("2", "e"),  # edit one
    ("2", "D"),  # the deleted ones
    ("3", "a"),  # plan a talk
    ("3", "t"),  # talk now: the coach
    ("4", "a"),  # plan a date
    ("4", "i"),  # own idea
    ("5", "c"),  # the check-in
    ("5", "p"),  # promises
    ("6", "v"),  # my values
    ("6", "w"),  # how it works
    ("6", "e"),  # write my vision
]
# The cases whose words are drawn in forms and dialogs (each sweep takes ~15 s).
WORDY = [c for c in CASES if c.name in ("escapes", "bidi and zero-width", "newline in a field")]
WORDY += [c for c in CASES if c.name in ("NaN and Infinity", "unfit habit area")]


def hostile_couple(couple: Couple, case: Case) -> tuple[Couple, str]:
    """Our couple reopened after the partner's files arrived: as a fresh start would."""
    couple.store.close()
    write_case(couple.store.data_dir, case)
    config = load_config()
    assert config is not None
    return Couple.open(config), couple.store.replica_id


async def back_to_a_screen(app: RekindleApp, pilot: object) -> None:
    await pilot.press("escape")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    while len(app.screen_stack) > 1:  # a dialog that asked "discard?" or stayed open
        app.pop_screen()
        await pilot.pause()  # type: ignore[attr-defined]


async def sweep(
    couple: Couple, open_app: OpenApp, case: Case, steps: list[tuple[str, str]]
) -> None:
    """Press each (screen, key) in turn, back out of what opened, and check every frame."""
    hostile, own = hostile_couple(couple, case)
    data = hostile.store.data_dir
    before = partner_files(data, own)
    app = open_app(hostile)
    written = capture(app)
    try:
        async with app.run_test(headless=False, size=(120, 40), notifications=True) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            for screen, key in steps:
                await pilot.press(screen)
                await pilot.pause()
                assert_inert(app, written)
                if key:
                    written.clear()
                    await pilot.press(key)
                    await pilot.pause()
                    assert_inert(app, written)
                    await back_to_a_screen(app, pilot)
            shown = [str(n.message) for n in app._notifications]
            assert not [m for m in shown if "unexpected" in m], shown
    finally:
        hostile.store.close()
    assert partner_files(data, own) == before


EVERY_SCREEN = [*((key, "") for key in SCREENS), ("1", "question_mark")]


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=IDS)
async def test_every_screen_and_dialog_opens_inertly(
    couple: Couple, open_app: OpenApp, case: Case
) -> None:
    await sweep(couple, open_app, case, EVERY_SCREEN + (DIALOGS if case in WORDY else []))
