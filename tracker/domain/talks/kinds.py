"""The record kinds talks are stored as: named once, here, next to the talk types.

Only names: `tracker.domain.kinds` collects them (with how each is read), and the store
and the made-up couple write with them, so a kind is never retyped as a string.
"""

from __future__ import annotations

from typing import Final

SLOT: Final = "talk"  # a planned talk or series (talks.model.Slot)
OCCURRENCE: Final = "talk-occurrence"  # what happened to one meeting (Occurrence)
NOTE: Final = "talk-note"  # each partner's notes on a meeting (talks.log.Note)
FOLLOWUP: Final = "talk-followup"  # something to come back to (talks.log.Followup)
PREF: Final = "prompt-pref"  # a prompt someone likes or skips (talks.prompts.PromptPref)
WEEK: Final = "talk-week"  # the prompt drawn for a week
USED: Final = "prompt-used"  # when a prompt was last drawn
OWN: Final = "own-prompt"  # a prompt the couple wrote themselves
