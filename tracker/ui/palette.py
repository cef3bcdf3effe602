"""The command palette's share of the open screen: each of its keys, as a command too."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen


def screen_commands(app: App[Any], screen: Screen[object]) -> Iterable[SystemCommand]:
    """Every key of the screen the palette was opened on, once each, with its key named."""
    seen: set[str] = set()
    for binding in screen.BINDINGS:
        if not isinstance(binding, Binding) or not binding.description:
            continue
        if binding.description in seen or binding.action.startswith("app."):
            continue
        seen.add(binding.description)
        key = app.get_key_display(Binding(binding.key.split(",")[0], ""))
        yield SystemCommand(
            binding.description,
            f"{screen.sub_title or 'This screen'} · key {key}",
            partial(screen.run_action, binding.action),
        )
