"""The served app in a real headless Chromium, as a phone and a laptop show it: it opens
on Today, a tap on a habit ticks it (on disk, and in `rekindle status --json` on the
other computer), and nothing on the page comes from beyond this computer. Screenshots
at both sizes are kept for people to look at (tests/browser.py: artifacts_dir)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser import DESKTOP, PHONE, artifacts_dir, chromium, wait_until
from tests.rekindle_cli import run_command
from tests.serve.served import make_couple, serving

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HABIT = "Ask about their day"


def sams(config: Path, title: str) -> dict[str, object]:
    """Sam's row for `title` in `rekindle status --json`, as Alex's computer reads it."""
    status = json.loads(run_command(config, "status", "--json").ok(warnings=True))
    return next(row for row in status["people"]["b"]["habits"] if row["habit"] == title)


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_open_see_today_tap_a_habit(tmp_path: Path, size: tuple[int, int]) -> None:
    config, _ = make_couple(tmp_path)
    assert sams(config, HABIT)["state"] == "pending"
    name = "phone" if size == PHONE else "desktop"
    # The page's own font: the one `rekindle serve` serves, not the harness's stand-in.
    with serving(config) as served, chromium(*size, page_font=False) as browser:
        browser.open(served.url)
        browser.wait_for_app()
        screen = browser.wait_for_text(HABIT)
        assert any("Sam (you)" in line for line in screen)
        cols, _ = browser.grid()
        if size == PHONE:
            # Readable at a phone's width: the page sized its font for the app's narrow
            # layout, both lists one above the other, each row whole.
            assert 44 <= cols < 60
            assert sum(HABIT in line for line in screen) == 2
        else:
            assert cols >= 120
        assert "Roboto Mono" in browser.font("Today")
        # Every request the page made went to this server: nothing left the computer.
        urls = browser.driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)"
        )
        assert urls and all(u.startswith(f"http://127.0.0.1:{served.port}/") for u in urls)
        browser.screenshot(artifacts_dir(tmp_path) / f"serve-today-{name}.png")

        browser.tap(*browser.find(HABIT))  # the first list on the screen is Sam's own
        wait_until("the tick in Alex's status", lambda: sams(config, HABIT)["state"] == "met")
        col, row = browser.find(HABIT)
        wait_until("the tick mark on the row", lambda: "✓" in browser.screen_text()[row][:col])
        browser.screenshot(artifacts_dir(tmp_path) / f"serve-ticked-{name}.png")
    # Serving stopped with the browser still open: its app ended too (serving() checks).


def test_every_screen_by_tap_at_a_phones_size(tmp_path: Path) -> None:
    """The full app, every screen of the row, reached with a finger alone at 390×844,
    and each one's picture kept."""
    from tracker.ui.registry import SCREENS

    config, _ = make_couple(tmp_path)
    with serving(config) as served, chromium(*PHONE, page_font=False) as browser:
        browser.open(served.url)
        browser.wait_for_app()
        browser.wait_for_text(HABIT)
        for entry in SCREENS:
            browser.tap(*browser.find(f"{entry.key} {entry.title}"))
            browser.wait_for_text(f"Rekindle — {entry.title}")
            browser.screenshot(artifacts_dir(tmp_path) / f"serve-phone-{entry.mode}.png")
