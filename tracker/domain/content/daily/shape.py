"""A daily question's shape, and the helper every theme module writes its lines with.

Plain values only: no I/O, no UI.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.domain.content.prompts import Depth, Theme


@dataclass(frozen=True, slots=True)
class DailyQuestion:
    key: str  # "daily-001": stable; a day's answers refer to it
    theme: Theme
    depth: Depth
    text: str  # at most 160 characters, one line, ends with "?"


L, M, D = Depth.LIGHT, Depth.MEDIUM, Depth.DEEP


def questions(theme: Theme, *entries: tuple[int, Depth, str]) -> tuple[DailyQuestion, ...]:
    """One theme's questions; each number is written out so keys never shift."""
    return tuple(DailyQuestion(f"daily-{n:03d}", theme, depth, text) for n, depth, text in entries)
