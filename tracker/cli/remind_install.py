"""`rekindle remind install|uninstall`: a scheduled `rekindle remind --notify` for this user."""

from __future__ import annotations

from typing import Any


def register_install(actions: Any) -> None:
    """Add `install` and `uninstall` to `rekindle remind`."""
