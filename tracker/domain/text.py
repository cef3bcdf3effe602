"""Text people typed: kept as typed, but never able to act on a terminal."""

from __future__ import annotations

import unicodedata

# Control characters become their visible Unicode pictures (ESC → ␛), so an
# escape sequence in a title is seen, not obeyed.
# C1 controls (0x80-0x9F, e.g. a one-byte CSI) have no pictures: they become �.
_PICTURES = (
    {code: 0x2400 + code for code in range(0x20) if code != 0x0A}
    | {0x7F: 0x2421}
    | {code: 0xFFFD for code in range(0x80, 0xA0)}
)


def visible(text: str) -> str:
    """Safe to print: control characters shown as symbols, newlines kept."""
    return text.translate(_PICTURES)


def strip_controls(text: str) -> str:
    """Drop control and format characters (escapes, bells, bidi overrides).

    Newlines and tabs stay, and so does the zero-width joiner that holds
    family and couple emoji together.
    """
    return "".join(
        ch for ch in text if ch in "\n\t\u200d" or unicodedata.category(ch) not in ("Cc", "Cf")
    )
