"""`rekindle tick`, `rekindle status`, `rekindle habits` (filled in with the Today work)."""

from __future__ import annotations

from typing import Any


def register(commands: Any) -> None:
    return None
