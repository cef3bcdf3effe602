"""What a reminder says in a shell prompt and in a desktop notification: few words, and
what someone typed (a partner's habit title) on one line, never as markup or controls."""

from __future__ import annotations

from collections.abc import Sequence

from tracker.domain.reminders.due import Due, DueKind
from tracker.domain.text import visible


def one_line(text: str) -> str:
    return visible(text, newlines=False)


MAX_LINES = 6  # more than this in one notification is a wall, not a nudge


def notification(items: Sequence[Due]) -> tuple[str, str]:
    """The summary and body of the one notification that brings up ``items``."""
    if len(items) == 1:
        return "Rekindle", one_line(items[0].text)
    lines = [f"• {one_line(item.text)}" for item in items[:MAX_LINES]]
    if len(items) > MAX_LINES:
        lines.append(f"…and {len(items) - MAX_LINES} more: rekindle remind")
    return f"Rekindle: {len(items)} things for you", "\n".join(lines)


def oneline(items: Sequence[Due]) -> str:
    """A few words for a shell prompt or a status bar: "♥ 3 open · talk 20:00 · check-in"."""
    parts: list[str] = []
    for item in items:
        if item.start is not None:
            parts.append(f"{item.kind.word} {item.start:%H:%M}")
        elif item.kind is DueKind.CHECKIN:
            parts.append("check-in")
        elif item.kind is DueKind.QUESTION:
            parts.append("question")
    promises = sum(item.kind is DueKind.PROMISE for item in items)
    if promises:
        parts.append(f"{promises} promise{'s' if promises > 1 else ''}")
    habits = sum(item.kind is DueKind.HABIT for item in items)
    if habits:
        parts.append(f"{habits} open")
    return "♥ " + " · ".join(parts)
