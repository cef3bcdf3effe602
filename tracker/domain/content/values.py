"""Values to sort and compare, and the areas of life they show up in.

Each partner picks the values that matter most to them and the two lists
are compared: where they overlap is common ground, where they differ is
something to get curious about. None of them is better than another, so
each description says what the value looks like in a life, not why to hold
it.

Plain values only: no I/O, no UI.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Value:
    """Something a person cares about, in a word or two."""

    key: str  # short stable slug, e.g. "humour"
    name: str  # at most 24 characters
    description: str  # one short line, at most 90 characters


VALUES: tuple[Value, ...] = (
    Value(
        "family",
        "Family",
        "Making time for the people you call family, however that family is made.",
    ),
    Value(
        "adventure",
        "Adventure",
        "Saying yes to the unfamiliar: new places, new plans, the odd leap.",
    ),
    Value(
        "security",
        "Security",
        "Feeling the ground is steady: a roof, enough to get by, no nasty shocks.",
    ),
    Value(
        "faith",
        "Faith or spirituality",
        "Room for belief, practice or a sense of something larger.",
    ),
    Value(
        "growth", "Growth", "Becoming a bit more yourself over time, and cheering each other on."
    ),
    Value("health", "Health", "Looking after body and mind in the ways that work for you."),
    Value("freedom", "Freedom", "Room to choose how your days go, without feeling boxed in."),
    Value(
        "creativity", "Creativity", "Making things, whether that's music, meals, gardens or ideas."
    ),
    Value(
        "community",
        "Community",
        "Being part of something local: neighbours, groups, the people nearby.",
    ),
    Value(
        "honesty",
        "Honesty",
        "Saying what's true, kindly, even when a softer version would be easier.",
    ),
    Value(
        "loyalty",
        "Loyalty",
        "Standing by the people you love when it counts, and when nobody's looking.",
    ),
    Value(
        "humour", "Humour", "Laughing often, at the world and at yourselves, even on the hard days."
    ),
    Value("learning", "Learning", "Always being in the middle of finding something out."),
    Value("nature", "Nature", "Time outdoors, growing things, noticing the seasons change."),
    Value("home", "Home", "A place that feels like yours and is good to come back to."),
    Value(
        "tradition",
        "Tradition",
        "Keeping the rituals, recipes and occasions that tie you to your roots.",
    ),
    Value(
        "independence",
        "Independence",
        "Each having friends and interests of your own, alongside shared ones.",
    ),
    Value(
        "generosity", "Generosity", "Giving time, attention and help freely, without keeping score."
    ),
    Value("calm", "Calm", "Days with breathing room, fewer rushes, and quiet when you want it."),
    Value(
        "ambition", "Ambition", "Working towards something big and being willing to stretch for it."
    ),
    Value("play", "Play", "Games, silliness, and doing things purely because they're fun."),
    Value(
        "fairness", "Fairness", "Sharing the load at home and in life so it feels even to you both."
    ),
    Value(
        "curiosity",
        "Curiosity",
        "Asking questions, following tangents, wanting to know how things work.",
    ),
    Value(
        "friendship",
        "Friendship",
        "Keeping good friends close and making time for them, together and apart.",
    ),
    Value(
        "care-for-others",
        "Care for others",
        "Looking out for people who could use a hand, near and far.",
    ),
    Value(
        "simplicity", "Simplicity", "Owning less, planning less, and enjoying what's already there."
    ),
    Value(
        "beauty", "Beauty", "Noticing and making lovely things: a view, a tidy room, a good meal."
    ),
    Value(
        "justice", "Justice", "Caring that people are treated fairly, and acting when they aren't."
    ),
    Value(
        "stability", "Stability", "Routines you can count on and plans that don't keep changing."
    ),
    Value(
        "travel", "Travel", "Seeing other places, near or far, and coming back a little changed."
    ),
    Value(
        "closeness",
        "Closeness",
        "Feeling near each other: touch, time, and knowing what's on each mind.",
    ),
    Value(
        "respect",
        "Respect",
        "Taking each other's views seriously, even when you see things differently.",
    ),
    Value("patience", "Patience", "Giving things, and people, the time they take."),
    Value("courage", "Courage", "Doing the hard or frightening thing when it matters."),
    Value("gratitude", "Gratitude", "Noticing what's good and saying so out loud."),
    Value("rest", "Rest", "Real time off, proper sleep, and no guilt about either."),
    Value(
        "kindness",
        "Kindness",
        "Being gentle with each other and with strangers, especially on bad days.",
    ),
    Value(
        "hospitality",
        "Hospitality",
        "An open door, a spare chair at the table, people round often.",
    ),
    Value(
        "privacy",
        "Privacy",
        "Keeping some things just for yourselves, away from screens and others.",
    ),
    Value("purpose", "Purpose", "Feeling your days add up to something that matters to you."),
)

# The parts of life a couple's values get compared across.
LIFE_AREAS: tuple[str, ...] = (
    "home",
    "family",
    "work",
    "money",
    "health",
    "travel",
    "learning",
    "community",
)

# What a week's time and energy go to, for each partner to rank.
LIFE_PRIORITIES: tuple[str, ...] = (
    "our relationship",
    "work",
    "family",
    "friends",
    "health",
    "hobbies",
    "rest",
    "learning",
    "community",
    "money",
)

_BY_KEY: dict[str, Value] = {value.key: value for value in VALUES}


def find_value(key: str) -> Value | None:
    """The value with this key, or None."""
    return _BY_KEY.get(key)
