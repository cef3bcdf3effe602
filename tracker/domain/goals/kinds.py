"""The record kinds goals, values and visions are stored as: named once, here.

Only names: `tracker.domain.kinds` collects them (with how each is read), and the store
and the made-up couple write with them, so a kind is never retyped as a string.
"""

from __future__ import annotations

from typing import Final

GOAL: Final = "goal"  # (goals.model.Goal)
MILESTONE: Final = "milestone"  # a step on the way to a goal (goals.model.Milestone)
LINK: Final = "goal-link"  # a habit or date made for a goal
SUPPORT_TAKEN: Final = "support-taken"  # a "way to help" taken up as a habit
VALUES: Final = "values"  # one person's ranked values
VISION: Final = "vision"  # one person's picture of a life area in 1, 5 or 10 years
PRIORITIES: Final = "priorities"  # one person's ranked priorities for a month
SETTINGS: Final = "goals-settings"  # how often to review goals
# What a goal's delete takes with it (and so what the bin brings back with it).
GOAL_PARTS: Final = (MILESTONE, SUPPORT_TAKEN, LINK)
