"""Opening the full-screen app from the command line."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from tracker.cli.common import CLIError, Context

if TYPE_CHECKING:
    from textual.app import App

COMMANDS_HINT = "The commands work anywhere: rekindle status, rekindle tick HABIT."


def served(env: Mapping[str, str]) -> bool:
    """Run by `rekindle serve` for a browser tab, which draws the app (textual-serve sets
    Textual's web driver)."""
    return "web_driver" in env.get("TEXTUAL_DRIVER", "")


def terminal_problem(env: Mapping[str, str], interactive: bool) -> str | None:
    """Why this terminal cannot show the app, in one sentence with the way out."""
    if served(env):
        return None
    if not interactive:
        return f"The app needs a terminal window, and this output is not one. {COMMANDS_HINT}"
    if env.get("TERM", "") in ("dumb", "unknown"):
        return (
            f"This terminal (TERM={env.get('TERM')}) cannot draw the app; open it in a "
            f"terminal window such as xterm or your system's Terminal. {COMMANDS_HINT}"
        )
    return None


def run_tui(context: Context) -> int:
    problem = terminal_problem(os.environ, sys.stdin.isatty() and sys.stdout.isatty())
    if problem:
        raise CLIError(problem)
    from tracker.store.couple import recent_months
    from tracker.ui.app import make_app

    # Only recent months are read before the first frame; the app loads the rest after.
    months = recent_months(datetime.now(UTC).date())
    couple = context.couple(months) if context.config() is not None else None
    if couple is not None and served(os.environ):
        # A browser device's first start: its core file says who it is, so the Sync
        # screen and doctor name it before it has ticked anything.
        couple.store.ensure_replica()
    app = make_app(couple, data_flag=context.data_flag)
    if served(os.environ):
        _close_with_server(app)
    app.run()
    return app.return_code or 0


def _close_with_server(app: App[int]) -> None:
    """A served app whose server was killed outright has no one to draw for, and Textual's
    web driver does not notice its input ending: it closes itself (saving as on `q`)
    once its parent process is gone."""
    import threading
    import time

    server = os.getppid()

    def watch() -> None:
        while os.getppid() == server:
            time.sleep(1.0)
        with contextlib.suppress(RuntimeError):  # the app had already closed
            app.call_from_thread(app.exit)

    threading.Thread(target=watch, name="close-with-server", daemon=True).start()
