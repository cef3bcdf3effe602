"""What people type about a habit: an amount, a name; checked, with the sentence to show
back. Apart from the Today figures, so a tick from the command line need not load them."""

from __future__ import annotations

import math
import re

from tracker.domain.text import MAX_TITLE, single_line

MAX_AMOUNT = 1_000_000
THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")


def format_amount(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e15 else f"{value:.3g}"


def parse_amount(text: str, unit: str = "") -> float:
    """A number someone typed for a measurable habit, or ValueError saying what is wrong."""
    cleaned = text.strip().replace(" ", "")
    # "1,000" groups thousands; "2,5" is a decimal comma.
    cleaned = (
        cleaned.replace(",", "") if THOUSANDS.fullmatch(cleaned) else cleaned.replace(",", ".")
    )
    if not cleaned:
        raise ValueError("Type a number, for example 15.")
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(f"“{text.strip()[:20]}” is not a number; type digits, like 15.") from None
    if not math.isfinite(value):
        raise ValueError("That is not a number we can count; type digits, like 15.")
    if value < 0:
        raise ValueError("It can't be below zero.")
    if value > MAX_AMOUNT:
        what = f" {unit}" if unit else ""
        raise ValueError(f"That is more than {MAX_AMOUNT:,}{what}; check for a typo.")
    return value + 0.0  # turns -0.0 into 0.0


def clean_title(text: str) -> str:
    title = single_line(text)
    if not title:
        raise ValueError("Give the habit a name.")
    if len(title) > MAX_TITLE:
        raise ValueError(
            f"Keep the name to {MAX_TITLE} characters or fewer; the description has room for more."
        )
    return title
