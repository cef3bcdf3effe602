"""Every screen in a real 80×24 terminal: each registry key opens its screen, the row of
screens marks it, its content and its keys are drawn, and `?` shows every key.

The tour is made from the registry, so a screen added there is visited here too.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from textual.binding import Binding

from tests.test_tmux_escapes import _terminal
from tests.test_tmux_first_run import Terminal, _rekindle
from tracker.ui.registry import SCREENS, ScreenEntry
from tracker.ui.widgets.nav import DUE_MARK

pytestmark = pytest.mark.tmux
SGR = re.compile(r"\x1b\[([0-9;]*)m([^\x1b]*)")


def _wait(term: Terminal, what: str, holds: Callable[[], bool], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if holds():
            return
        time.sleep(0.2)
    raise AssertionError(f"{what} never showed; the screen shows:\n{term.screen()}")


def reversed_text(line: str) -> str:
    """The characters of one captured line that are drawn in reverse video (the highlight)."""
    shown, reverse = [], False
    for codes, text in SGR.findall(line):
        numbers = [int(n) if n else 0 for n in codes.split(";")]
        at = 0
        while at < len(numbers):
            code = numbers[at]
            if code in (38, 48):  # a colour: 5;n or 2;r;g;b follows, not attributes
                at += 3 if numbers[at + 1 : at + 2] == [5] else 5
                continue
            reverse = True if code == 7 else False if code in (0, 27) else reverse
            at += 1
        if reverse:
            shown.append(text)
    return "".join(shown)


def _footer_word(entry: ScreenEntry) -> str:
    """The first of the screen's own keys its footer shows."""
    return next(b.description for b in entry.load().BINDINGS if isinstance(b, Binding) and b.show)


def _shows(term: Terminal, entry: ScreenEntry) -> bool:
    lines = term.screen().splitlines()
    if len(lines) < 4 or f"— {entry.title}" not in lines[0]:
        return False
    nav = term.run("capture-pane", "-p", "-e", "-t", "app").splitlines()[1]
    body = [line for line in lines[2:-1] if line.strip()]
    highlighted = reversed_text(nav)
    return (
        # Its name ends in a space, or in the mark of something due there.
        any(f" {entry.key} {entry.title}{end}" in highlighted for end in (" ", DUE_MARK))
        and _footer_word(entry) in lines[-1]
        and len(body) >= 3
    )


def footer_is_whole(line: str) -> bool:
    """A screen's footer line: its keys, then `? Help` and `q Quit`, then a gap before the
    palette's key, so nothing ran under the palette and was cut."""
    return re.search(r"\? Help +q Quit +\S? *\^p palette", line) is not None


def _tmux_key(key: str) -> tuple[str, bool]:
    """A Textual key name as tmux sends it, and whether it is sent literally."""
    named = {"space": "Space", "delete": "DC", "escape": "Escape", "enter": "Enter"}
    if key in named:
        return named[key], False
    if key.startswith("ctrl+"):
        return f"C-{key.removeprefix('ctrl+')}", False
    return key, True


def _doors(entry: ScreenEntry) -> list[str]:
    """The keys a screen's footer offers that are not moves within it."""
    moves = ("tab(", "switch_tab", "cursor", "day(", "week(", "app.")
    return [
        b.key.split(",")[0]
        for b in entry.load().BINDINGS
        if isinstance(b, Binding)
        and b.show
        and not b.action.startswith(moves)
        and b.id != "settings.welcome"
    ]


def test_reversed_text_reads_the_highlight() -> None:
    line = "\x1b[1m\x1b[38;5;7m 1 \x1b[0mToday\x1b[1;7m\x1b[38;5;253m 2 Habits \x1b[0;1m 3 "
    assert reversed_text(line) == " 2 Habits "


def test_every_screen_opens_by_its_key_and_help_lists_them(tmp_path: Path) -> None:
    # The demo: a copy of the sample couple, so every screen has something to show.
    term = _terminal(tmp_path, f"{_rekindle()} demo; echo EXITED $?; sleep 60")
    try:
        term.wait_for("Together streak")
        for entry in SCREENS:
            term.keys(entry.key)
            _wait(term, f"{entry.title} (key {entry.key})", partial(_shows, term, entry))
            footer = term.screen().splitlines()[-1]
            assert footer_is_whole(footer), f"{entry.title}'s footer is cut: {footer!r}"
        term.keys("?", literal=True)
        term.wait_for("Everywhere")
        term.keys("End")  # the page scrolls to its last screen's keys
        last = SCREENS[-1]
        page = term.wait_for("Esc closes this page.")
        for _ in range(8):  # a long last section: its heading is a few lines further up
            headings = [line.split("│")[1].strip() for line in page.splitlines() if "│" in line]
            if last.title in headings:
                break
            term.keys("Up")
            time.sleep(0.3)
            page = term.screen()
        assert last.title in headings
        term.keys("Escape")
        _wait(term, "the last screen again", partial(_shows, term, last))
        term.keys("q")
        term.wait_for("EXITED 0")
    finally:
        term.run("kill-server")


def test_every_dialog_a_footer_key_opens_shows_its_own_keys(tmp_path: Path) -> None:
    """Each key a screen's footer offers, pressed at 80×24: whatever it opens draws a
    footer of its own (Esc to leave, ^s Save on a form), none running off the edge."""
    term = _terminal(tmp_path, f"{_rekindle()} demo; echo EXITED $?; sleep 60")
    opened = 0
    try:
        term.wait_for("Together streak")
        for entry in SCREENS:
            term.keys(entry.key)
            _wait(term, entry.title, partial(_shows, term, entry))
            for key in _doors(entry):
                home = term.screen().splitlines()[-1]
                sent, literal = _tmux_key(key)
                term.keys(sent, literal=literal)
                deadline = time.monotonic() + 3
                footer = home
                while footer in (home, "") and time.monotonic() < deadline:
                    time.sleep(0.1)  # a dialog's footer draws a moment after the dialog
                    footer = term.screen().splitlines()[-1]
                if footer == home:  # this key acted on the screen itself
                    continue
                if (
                    "? Help" in footer and f"— {entry.title}" in term.screen().splitlines()[0]
                ):  # another of its lists
                    assert footer_is_whole(footer), f"{entry.title} · {key}: {footer!r}"
                    continue
                opened += 1
                assert "esc " in footer, f"{entry.title} · {key} opened:\n{term.screen()}"
                assert len(footer.rstrip()) < 80, f"{entry.title} · {key}: {footer!r} is cut"
                body = "\n".join(term.screen().splitlines()[:-1])
                if "Cancel" in body:  # a form: its Save key shows, whether or not its button does
                    assert "^s Save" in footer, f"{entry.title} · {key}: {footer!r}"
                term.keys("Escape")
                _wait(term, f"{entry.title} again", partial(_shows, term, entry))
        term.keys("q")
        term.wait_for("EXITED 0")
    finally:
        term.run("kill-server")
    assert opened >= 8  # the tour really opened the forms, not just pressed keys
