"""tests/browser.py against a tiny Textual app served by textual-serve's own Server, before
any test trusts it with Rekindle: the harness sees what the page draws, a tap lands on
the cell it aims at, screenshots are the size asked for, and nothing is left running.

Screenshots go to $REKINDLE_ARTIFACTS/browser-harness where it is set (.ci/run sets it to
./artifacts for the CI runner to collect), else to the test's tmp_path."""

from __future__ import annotations

import importlib.util
import shlex
import struct
import sys
import time
from pathlib import Path

import pytest

from tests.browser import DESKTOP, PHONE, alive, artifacts_dir, chromium, free_port, serving, stop
from tests.tools import cannot

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WORD = "KINDLING"

# Shows WORD at the top left; notes its pid, every size it is given and every Click it
# receives (screen cell, 0-based) in the folder named on its command line.
TINY_APP = f'''
import os
import sys
from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Static

NOTES = Path(sys.argv[1])


def note(name: str, line: str) -> None:
    with (NOTES / name).open("a") as notes:
        notes.write(line + "\\n")


class Tiny(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("{WORD}")

    def on_mount(self) -> None:
        note("pids", str(os.getpid()))

    def on_resize(self, event: events.Resize) -> None:
        note("sizes", f"{{event.size.width}} {{event.size.height}}")

    def on_click(self, event: events.Click) -> None:
        note("clicks", f"{{event.screen_x}} {{event.screen_y}}")


Tiny().run()
'''

SERVE = """
import sys

from textual_serve.server import Server

Server(sys.argv[1], host="127.0.0.1", port=int(sys.argv[2])).serve()
"""


def noted(notes: Path, name: str) -> list[str]:
    path = notes / name
    return path.read_text().splitlines() if path.exists() else []


def wait_for_note(notes: Path, name: str, line: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while line not in noted(notes, name):
        if time.monotonic() > deadline:
            raise AssertionError(f"the app noted no {line!r} in {name}: {noted(notes, name)}")
        time.sleep(0.05)


def png_size(path: Path) -> tuple[int, int]:
    """(width, height) from a PNG's header."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_harness_reads_taps_and_photographs_a_served_app(
    size: tuple[int, int], tmp_path: Path
) -> None:
    if importlib.util.find_spec("textual_serve") is None:
        cannot("textual-serve is not installed: it serves the app to the page")
    width, height = size
    notes = tmp_path / "notes"
    notes.mkdir()
    (tmp_path / "tiny_app.py").write_text(TINY_APP)
    (tmp_path / "serve.py").write_text(SERVE)
    command = shlex.join([sys.executable, str(tmp_path / "tiny_app.py"), str(notes)])
    port = free_port()
    argv = [sys.executable, str(tmp_path / "serve.py"), command, str(port)]
    shots = artifacts_dir(tmp_path) / "browser-harness"

    with serving(argv, port, log=tmp_path / "server.log") as server:
        with chromium(width, height) as browser:
            browser.open(f"http://127.0.0.1:{port}/")
            lines = browser.wait_for_app()

            # The screen as the page draws it, at the size the app was told.
            cols, rows = browser.grid()
            assert len(lines) == rows
            assert all(len(line) == cols for line in lines)
            assert lines[0].startswith(WORD)
            assert browser.find(WORD) == (0, 0)
            assert noted(notes, "sizes")[-1] == f"{cols} {rows}"

            # Taps land on the cell aimed at: a letter of the word, the middle of the
            # screen and its bottom right corner.
            for col, row in [(WORD.index("L"), 0), (cols // 2, rows // 2), (cols - 1, rows - 1)]:
                browser.tap(col, row)
                wait_for_note(notes, "clicks", f"{col} {row}")

            # The page's own font, from textual-serve's copy (browser.chromium's page_font).
            assert browser.font() == "Roboto Mono"

            shot = browser.screenshot(shots / f"tiny-{width}x{height}.png")
            assert png_size(shot) == (width, height)
            print(
                f"{width}x{height} CSS px: {cols}x{rows} cells of {browser.cell_size()} px"
                f" in {browser.font()} (✓ in {browser.font('✓')});"
                f" Chromium started in {browser.started_in:.2f} s,"
                f" app shown {browser.shown_in:.2f} s after open()"
            )

        # The browser is gone: the server stops when asked, and takes its app with it.
        assert stop(server) == 0
    [pid] = noted(notes, "pids")
    assert not alive(int(pid)), "textual-serve left its app running"
