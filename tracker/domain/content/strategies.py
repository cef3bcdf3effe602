"""What the weekly check-in suggests for the area that's feeling weakest.

The steps follow the relationship guide: foster open communication, resolve
conflict, rebuild trust (be reliable, understand each other, apologise, be
open), make time for each other (date nights, new hobbies, unplugging, a
getaway) and line up goals and values (the long view, shared goals, a look
at priorities, backing each other's own goals). Each strategy is one small
thing to try this week, and most point at a starter habit that keeps it
going and a conversation theme to talk it through.

The card suggesting couples therapy when things stay hard is here too; its
words and the safety line are written once in support.py.

Plain values only: no I/O, no UI.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.domain.content.support import SAFETY_LINE, support_paragraphs
from tracker.domain.models import Area

__all__ = [
    "AREA_INTRO",
    "PROFESSIONAL_HELP",
    "SAFETY_LINE",
    "STRATEGIES",
    "Strategy",
    "find_strategy",
    "strategies_for",
]


@dataclass(frozen=True, slots=True)
class Strategy:
    """One thing to try this week for one area."""

    key: str  # short stable slug, e.g. "listen-before-answering"
    area: Area
    title: str  # at most 40 characters
    text: str  # one to three sentences, at most 300 characters
    starter_habit: str | None  # a key in STARTER_HABITS, to keep it going
    # A conversation theme: "love-maps", "appreciation", "vision",
    # "priorities", "repair", "trust", "intimacy", "fun" or "stress".
    prompt_theme: str | None


_C = Area.COMMUNICATION
_F = Area.CONFLICT
_Q = Area.QUALITY_TIME
_P = Area.PRIORITIES
_T = Area.TRUST

STRATEGIES: tuple[Strategy, ...] = (
    # --- Communication: make room to talk and to listen ----------------
    Strategy(
        "ten-unhurried-minutes",
        _C,
        "Ten unhurried minutes",
        "Most evenings, try finding ten minutes to sit together with phones away and talk about"
        " anything except logistics. The plans and errands can wait until after.",
        "unhurried-talk",
        "love-maps",
    ),
    Strategy(
        "listen-before-answering",
        _C,
        "Listen before you answer",
        "When one of you shares something that matters, try saying back what you heard before "
        "replying. It slows things down in a good way and saves a lot of talking past each "
        "other.",
        "say-back-what-you-heard",
        None,
    ),
    Strategy(
        "notice-and-thank",
        _C,
        "Notice and say thank you",
        "Every day for a week, each thank the other for one particular thing. Small, specific "
        "thanks make it easier to say the harder things when they come up.",
        "specific-thank-you",
        "appreciation",
    ),
    Strategy(
        "ask-what-you-dont-know",
        _C,
        "Ask what you don't know yet",
        "Ask each other one question you can't already answer, about a memory, a hope or a "
        "worry. People keep changing, and it's good to keep up.",
        "ask-something-new",
        "love-maps",
    ),
    Strategy(
        "best-and-hardest-moments",
        _C,
        "Best and hardest of the day",
        "Over dinner or before sleep, try swapping the best and the hardest moment of each day."
        " It takes two minutes and keeps you in each other's lives.",
        "best-and-hardest",
        "stress",
    ),
    Strategy(
        "worries-while-small",
        _C,
        "Mention worries while they're small",
        "Each share one thing that's been on your mind before it has time to grow. When it's "
        "your turn to listen, try keeping solutions back until they're asked for.",
        "share-one-worry",
        "stress",
    ),
    # --- Conflict: disagree without drifting ---------------------------
    Strategy(
        "start-with-a-feeling",
        _F,
        "Start with how you feel",
        "Next time something bothers you, try opening with how you feel and what would help, "
        "rather than what went wrong. 'I felt left out on Saturday' starts a conversation that "
        "a list of complaints would close.",
        "feeling-not-fault",
        "repair",
    ),
    Strategy(
        "pause-when-heated",
        _F,
        "Pause when it heats up",
        "Agree on a word or a gesture either of you can use when a disagreement gets heated. "
        "Then take twenty minutes apart, and come back to finish it.",
        "twenty-minute-break",
        "repair",
    ),
    Strategy(
        "pick-a-good-moment",
        _F,
        "Pick a good moment",
        "Before raising something hard, ask whether now works and agree a time if it doesn't. "
        "Tired, hungry or rushed moments rarely go well for anyone.",
        "is-now-a-good-time",
        "stress",
    ),
    Strategy(
        "first-move-back",
        _F,
        "Make the first move back",
        "After a disagreement, try one small move back towards each other: a cup of tea, a hand"
        " on the shoulder, 'sorry I snapped'. You can be on the same side before the thing "
        "itself is settled.",
        "reach-out-after-a-row",
        "repair",
    ),
    Strategy(
        "each-own-a-part",
        _F,
        "Each own one part",
        "Once things have calmed down after a disagreement, each name one thing you could have "
        "done differently, with no 'but' on the end.",
        "own-your-part",
        "repair",
    ),
    Strategy(
        "one-calm-talk",
        _F,
        "One calm talk about a sore point",
        "Set aside fifteen calm minutes for one thing that's been niggling, and only that one. "
        "Take turns to speak, and finish by naming something you agree on.",
        "talk-through-a-sore-point",
        None,
    ),
    # --- Quality time: make time that's just for the two of you ---------
    Strategy(
        "date-in-the-calendar",
        _Q,
        "Put a date night in the calendar",
        "Pick an evening for just the two of you this week and put it in the calendar like any "
        "appointment. Take turns choosing, and keep it simple: a walk and a cheap meal counts.",
        "date-night",
        "fun",
    ),
    Strategy(
        "begin-something-new",
        _Q,
        "Begin something new together",
        "Try something neither of you has done before: a class, a recipe, a few chords on a "
        "borrowed guitar. Being beginners together is good company.",
        "try-something-new",
        "fun",
    ),
    Strategy(
        "unplug-an-evening",
        _Q,
        "Unplug for an evening",
        "Choose one evening to put both phones in a drawer and switch the screens off. Cook, "
        "play cards, read in the same room or simply talk.",
        "tech-free-hour",
        "intimacy",
    ),
    Strategy(
        "plan-a-getaway",
        _Q,
        "Plan a little getaway",
        "Sit down together and plan a break, even a single night somewhere nearby or a weekend "
        "off at home. Having something to look forward to helps on its own.",
        None,
        "fun",
    ),
    Strategy(
        "dinner-without-phones",
        _Q,
        "Eat together without phones",
        "A few times this week, try eating together with both phones in another room. It's the "
        "easiest half hour of attention you can give each other.",
        "phone-free-dinner",
        None,
    ),
    Strategy(
        "time-out-together",
        _Q,
        "Half an hour out, just the two of you",
        "Go out together for half an hour with no errand attached. Being side by side, rather "
        "than face to face, often makes talking easier.",
        "weekly-walk",
        "love-maps",
    ),
    Strategy(
        "real-hellos",
        _Q,
        "Proper hellos and goodbyes",
        "Make every hello and goodbye a real one: a long hug, or a kiss you both notice. It's a"
        " small daily reminder that you're glad of each other.",
        "proper-hello-and-goodbye",
        "intimacy",
    ),
    # --- Priorities: line up goals and values --------------------------
    Strategy(
        "where-youre-heading",
        _P,
        "Talk about where you're heading",
        "Set aside an hour to talk about how you'd each like life to look in five years: home, "
        "work, the people around you, a good ordinary day. Listen for what you share as well as"
        " where you differ.",
        "shared-plan",
        "vision",
    ),
    Strategy(
        "one-shared-goal",
        _P,
        "Choose one shared goal",
        "Pick one small goal to work on together over the next month, like a trip, a tidier "
        "home or more evenings in. Write it down somewhere you'll both see it.",
        "shared-plan",
        "vision",
    ),
    Strategy(
        "where-the-time-goes",
        _P,
        "Look at where the time goes",
        "Each write down the five things that matter most to you right now, then compare them "
        "with how the week actually went. Choose one small change that brings the two closer.",
        "say-no-to-one-thing",
        "priorities",
    ),
    Strategy(
        "back-their-own-goals",
        _P,
        "Back each other's own goals",
        "Ask about something the other is working on for themselves, a course, a project, a "
        "change, and what would help. Then find one way to make room for it.",
        "evening-to-themselves",
        "priorities",
    ),
    Strategy(
        "week-ahead-together",
        _P,
        "Plan the week together",
        "On Sunday, spend ten minutes going through the coming days together: who's where, what"
        " needs doing, and where there's room for each other.",
        "sunday-week-ahead",
        "stress",
    ),
    Strategy(
        "compare-values",
        _P,
        "Compare what matters most",
        "From a list of values, each pick the five that matter most to you, then compare. Where"
        " they overlap is common ground; where they differ is worth getting curious about.",
        None,
        "vision",
    ),
    Strategy(
        "lighten-their-week",
        _P,
        "Make each other's week easier",
        "Ask each other what would make the coming days easier, and each do one thing from the "
        "answer, however small.",
        "make-the-week-easier",
        "priorities",
    ),
    # --- Trust: reliable, understanding, sorry when it counts, open ----
    Strategy(
        "small-promises-kept",
        _T,
        "Keep small promises",
        "Each day, each make one small promise and keep it, like a call at lunchtime or picking"
        " something up on the way. Trust comes back through ordinary things, done when you "
        "said.",
        "keep-one-small-promise",
        "trust",
    ),
    Strategy(
        "say-changes-early",
        _T,
        "Say changes early",
        "If plans change, say so before it happens rather than after. A two-line message about "
        "running late does more than a long explanation later.",
        "tell-changes-early",
        "trust",
    ),
    Strategy(
        "a-full-apology",
        _T,
        "Apologise properly",
        "If either of you has let the other down, try a full apology: what happened, how it may"
        " have felt for them, and what you'll do differently. Save the explanations until they "
        "feel heard.",
        "own-up-to-small-slips",
        "repair",
    ),
    Strategy(
        "see-it-their-way",
        _T,
        "Try to see it their way",
        "When one of you is upset, try asking 'what was that like for you?' and listening to "
        "the whole answer. Feeling understood comes before feeling sure of each other again.",
        "ask-what-they-need",
        "intimacy",
    ),
    Strategy(
        "easy-to-read",
        _T,
        "Be easy to read",
        "Share your rough plans each morning and mention any bigger spend before it happens. "
        "Being open about the everyday makes it easier to feel safe with each other.",
        "morning-plans",
        "trust",
    ),
    Strategy(
        "on-their-side",
        _T,
        "Be on their side in company",
        "Say something good about the other to a friend or relative, and when you're out "
        "together, stay on their side or stay kind. Loyalty in small moments adds up.",
        "speak-well-of-them",
        "appreciation",
    ),
    Strategy(
        "something-held-back",
        _T,
        "Share one thing you've held back",
        "Tell each other one small thing you've kept to yourself: a hope, a fear, an "
        "embarrassing moment. Being known gets easier with practice.",
        "share-something-held-back",
        "intimacy",
    ),
)

AREA_INTRO: dict[Area, str] = {
    _C: "Drifting here often looks like talking mostly about logistics, so days go by without "
    "either of you quite knowing what the other is thinking.",
    _F: "Here drifting can look like the same argument coming round again, or like going quiet "
    "to keep the peace, and both are lonely in their own way.",
    _Q: "When work, screens and errands squeeze out the time that's just yours, it's possible "
    "to share a home and still miss each other.",
    _P: "Sometimes two people slowly start pulling in different directions, each busy with "
    "what matters to them, without ever deciding to.",
    _T: "Trust tends to wear thin quietly, through small missed promises or things left "
    "unsaid, and it comes back the same way, a little at a time.",
}

# The check-in's card, raised when things stay hard: its own first line, then the
# words anyone can open at any time (support.py), so both say the same.
PROFESSIONAL_HELP: tuple[str, ...] = (
    "If the same hard things keep coming round, however much you both try, it can help to talk "
    "with a couples therapist or counsellor.",
    *support_paragraphs(),
)

_BY_KEY: dict[str, Strategy] = {strategy.key: strategy for strategy in STRATEGIES}


def find_strategy(key: str) -> Strategy | None:
    """The strategy with this key, or None."""
    return _BY_KEY.get(key)


def strategies_for(area: Area) -> list[Strategy]:
    """The strategies for one area, in library order."""
    return [strategy for strategy in STRATEGIES if strategy.area is area]
