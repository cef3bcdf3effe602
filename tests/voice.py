"""Our voice, as every content test checks it: one list, not a copy per test file."""

from __future__ import annotations

# Clinical, preachy or therapy-speak words that don't belong in our voice.
BANNED_WORDS = (
    "should",
    "must",
    "ought",
    "need to",
    "have to",
    "toxic",
    "dysfunction",
    "dysfunctional",
    "codependent",
    "codependency",
    "narcissist",
    "narcissistic",
    "gaslight",
    "gaslighting",
    "trauma",
    "boundaries",
    "validate",
    "validation",
    "attachment style",
    "love language",
    "journey",
    "empower",
)
