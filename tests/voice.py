"""Our voice, as every content test checks it: one list, not a copy per test file."""

from __future__ import annotations

import re

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


# Words that assume gender, marriage, children, religion or money, which content for any
# couple leaves out; a content test may add the ones its own kind of text needs.
ASSUMING_WORDS = (
    "he",
    "she",
    "him",
    "his",
    "her",
    "hers",
    "husband",
    "wife",
    "boyfriend",
    "girlfriend",
    "married",
    "marriage",
    "wedding",
    "spouse",
    "kids",
    "children",
    "child",
    "baby",
    "church",
    "god",
    "pray",
    "prayer",
    "faith",
    "mortgage",
    "salary",
    "rich",
    "afford",
    "expensive",
    "lottery",
)


def words_in(words: tuple[str, ...], text: str) -> list[str]:
    """Which of `words` `text` uses, as whole words, in any case: "thought" is not "ought"."""
    return [w for w in words if re.search(rf"\b{re.escape(w)}\b", text, re.IGNORECASE)]


def banned_words_in(text: str) -> list[str]:
    return words_in(BANNED_WORDS, text)
