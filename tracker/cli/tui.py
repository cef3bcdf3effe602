"""Opening the full-screen app from the command line."""

from __future__ import annotations

from tracker.cli.common import Context


def run_tui(context: Context) -> int:
    from tracker.ui.app import make_app

    # A configured device opens its folder (or says clearly why it can't);
    # a new one starts with onboarding.
    # Only recent months are read before the first frame; the app loads the rest after.
    couple = context.couple(recent_only=True) if context.config() is not None else None
    app = make_app(couple, data_flag=context.data_flag)
    app.run()
    return app.return_code or 0
