"""Commands for this feature; filled in by the work that builds it."""

from __future__ import annotations

from typing import Any


def register(commands: Any) -> None:
    return None
