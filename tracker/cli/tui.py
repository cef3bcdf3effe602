"""Opening the full-screen app from the command line."""

from __future__ import annotations

from tracker.cli.common import Context


def run_tui(context: Context) -> int:
    from tracker.ui.app import make_app

    app = make_app(data_flag=context.data_flag)
    app.run()
    return app.return_code or 0
