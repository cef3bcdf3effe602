"""Opening the full-screen app from the command line."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from datetime import UTC, datetime

from tracker.cli.common import CLIError, Context

COMMANDS_HINT = "The commands work anywhere: rekindle status, rekindle tick HABIT."


def terminal_problem(env: Mapping[str, str], interactive: bool) -> str | None:
    """Why this terminal cannot show the app, in one sentence with the way out."""
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
    app = make_app(couple, data_flag=context.data_flag)
    app.run()
    return app.return_code or 0
