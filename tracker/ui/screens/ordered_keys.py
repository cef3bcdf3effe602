"""Keys applied in the order they were typed, however fast they come.

Textual sends each key to the widget that has focus when the key is read, and acts on a
screen's ordinary bindings only once the key has passed through that widget. In a burst
(a fast typist, a paste, a slow moment) a key that moves to another field, or one that
reads the form, would act after the keys behind it had already gone to the old field:
"2 Tab 5" put the 5 on the wrong rating. Forms bind such keys with priority, so they act
as the key is read, and first let the focused field take every key typed before them.
"""

from __future__ import annotations

import asyncio
from contextlib import suppress
from typing import Any

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import TabbedContent, Tabs

# Only a stuck widget takes this long; the key then acts anyway rather than never.
SETTLE_SECONDS = 2.0

# Named, because the help page lists a screen's keys (the footer has no room for them).
FOCUS_KEYS = [
    Binding("tab", "move_focus(1)", "Next field", show=False, priority=True),
    Binding("shift+tab", "move_focus(-1)", "Previous field", show=False, priority=True),
]


async def settled(screen: Screen[Any]) -> None:
    """Wait until the focused widget has handled every key already sent to it."""
    field = screen.focused
    if field is None:
        return
    done = asyncio.Event()
    field.call_later(done.set)  # queued behind those keys
    with suppress(TimeoutError):
        await asyncio.wait_for(done.wait(), SETTLE_SECONDS)


async def move_focus(screen: Screen[Any], step: int) -> None:
    """Tab or shift+tab, once the field being left has every key typed before it."""
    await settled(screen)
    if step > 0:
        screen.focus_next()
    else:
        screen.focus_previous()


def opening(screen: Screen[Any]) -> bool:
    """True while a form is still drawing itself and its first field has no cursor yet.

    A key read then would go to the form itself, not to a field, and be lost: `a` and a
    quick "Walk" gave the new form "alk" or nothing. The app holds such keys and hands
    them over, in order, as soon as the form is ready (RekindleApp.on_event)."""
    return bool(getattr(screen, "opening", False))


async def tab_row_settled(tabbed: TabbedContent) -> None:
    """Wait until a tab change made from a key has reached the row of tab names.

    Set from a priority key, the row still announces the tab it was asked for after the
    change, and that announcement would switch back to it if a second tab key had come
    in between: `]]` fast ended one tab short."""
    for part in (tabbed.query_one(Tabs), tabbed):
        done = asyncio.Event()
        part.call_later(done.set)
        with suppress(TimeoutError):
            await asyncio.wait_for(done.wait(), SETTLE_SECONDS)
