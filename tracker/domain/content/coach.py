"""Short coaching notes shown beside a conversation, in our own words.

A few lines each, meant to be glanced at mid-conversation, not studied.

Plain values only: no I/O, no UI.
"""

from __future__ import annotations

# How to listen so the other person feels heard.
ACTIVE_LISTENING: tuple[str, ...] = (
    "Put your phone face down and turn towards them.",
    "Say back what you heard in your own words before you answer.",
    "Ask before you assume: 'Do you mean…?' goes further than a guess.",
    "Leave fixing for when they ask. Most of the time, company is the help.",
    "Let a silence sit. The important part often comes after a pause.",
    "Check you got it right: 'Is that it, or is there more?'",
)

# How to raise something hard without it landing as blame.
I_STATEMENT_TIPS: tuple[str, ...] = (
    "Start with how you feel, not what they did: 'I felt left out' rather than 'you left me out'.",
    "Describe one moment, not a pattern, so there's something specific to talk about.",
    "Say what would help, then ask for one small thing they could do.",
    "Keep it short. One feeling, one moment and one request is plenty.",
)
