"""Conversation prompts for the two of you, written in our own words.

Questions an ordinary couple can ask each other over dinner or on a walk:
some light, some that go a little deeper. They are grouped by theme and
depth so the app can offer the right kind of question on the right kind of
evening, and every prompt has a stable key because the couple's history
refers to it.

Keys are history: once a prompt ships, its number is never reused or
renumbered. Rewording a prompt keeps its key; retiring one deletes the line
and leaves its number unused.

Plain values only: no I/O, no UI.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tracker.domain.models import Area


class Theme(StrEnum):
    """What a prompt is about. The value is the stable prefix of its key."""

    LOVE_MAPS = "love-maps"  # getting to know each other as you are now
    APPRECIATION = "appreciation"
    VISION = "vision"  # long-term vision and dreams
    PRIORITIES = "priorities"  # priorities and changes
    REPAIR = "repair"  # mending things after conflict
    TRUST = "trust"  # trust and transparency
    INTIMACY = "intimacy"  # intimacy and affection
    FUN = "fun"  # fun and new shared interests
    STRESS = "stress"  # stress and support

    @property
    def label(self) -> str:
        """A short human label, e.g. "Long-term vision and dreams"."""
        return THEME_LABELS[self]


THEME_LABELS: dict[Theme, str] = {
    Theme.LOVE_MAPS: "Getting to know each other now",
    Theme.APPRECIATION: "Appreciation",
    Theme.VISION: "Long-term vision and dreams",
    Theme.PRIORITIES: "Priorities and changes",
    Theme.REPAIR: "Conflict repair",
    Theme.TRUST: "Trust and transparency",
    Theme.INTIMACY: "Intimacy and affection",
    Theme.FUN: "Fun and new shared interests",
    Theme.STRESS: "Stress and support",
}


class Depth(StrEnum):
    """How much a prompt asks of you: light for a tired Tuesday, deep for a slow Sunday."""

    LIGHT = "light"
    MEDIUM = "medium"
    DEEP = "deep"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True, slots=True)
class Prompt:
    """One question (or gentle invitation) for the two of you."""

    key: str  # stable slug, e.g. "love-maps-07"; history refers to it
    theme: Theme
    depth: Depth
    text: str  # at most 200 characters, ends with "?" or "."


# The guide's area each theme serves most.
THEME_AREA: dict[Theme, Area] = {
    Theme.LOVE_MAPS: Area.COMMUNICATION,
    Theme.APPRECIATION: Area.COMMUNICATION,
    Theme.VISION: Area.PRIORITIES,
    Theme.PRIORITIES: Area.PRIORITIES,
    Theme.REPAIR: Area.CONFLICT,
    Theme.TRUST: Area.TRUST,
    Theme.INTIMACY: Area.QUALITY_TIME,
    Theme.FUN: Area.QUALITY_TIME,
    # Support is mostly a matter of talking and listening when life is heavy.
    Theme.STRESS: Area.COMMUNICATION,
}


_L = Depth.LIGHT
_M = Depth.MEDIUM
_D = Depth.DEEP


def _theme(theme: Theme, *entries: tuple[int, Depth, str]) -> tuple[Prompt, ...]:
    """Prompts for one theme; each entry's number is written out so keys never shift."""
    return tuple(
        Prompt(f"{theme.value}-{number:02d}", theme, depth, text) for number, depth, text in entries
    )


PROMPTS: tuple[Prompt, ...] = (
    # --- Getting to know each other now ----------------------------------
    *_theme(
        Theme.LOVE_MAPS,
        (1, _L, "What's something small that made you smile this week?"),
        (2, _L, "What song has been stuck in your head lately?"),
        (3, _L, "If tomorrow afternoon were free, how would you like to spend it?"),
        (4, _L, "What food have you been craving recently?"),
        (5, _L, "Who have you enjoyed talking to lately, apart from me?"),
        (6, _L, "What have you read, watched or heard recently that stayed with you?"),
        (7, _L, "What's your favourite part of an ordinary day at the moment?"),
        (8, _M, "What's been taking up most of your thinking this week?"),
        (9, _M, "Is there something you're looking forward to that I might not know about?"),
        (10, _M, "What's something you're quietly proud of lately?"),
        (11, _M, "What's a small thing that's been bugging you that you haven't mentioned yet?"),
        (12, _M, "Who do you feel closest to at the moment, apart from me, and why them?"),
        (13, _M, "What's something you used to enjoy that you miss doing?"),
        (14, _M, "What's a worry that's been sitting at the back of your mind?"),
        (15, _D, "In what ways do you feel you've changed in the last year or two?"),
        (16, _D, "What's something about you that you think I don't quite see yet?"),
        (17, _D, "What do you wish people understood about you without you spelling it out?"),
        (18, _D, "Which part of your life feels most like your own right now?"),
        (19, _D, "When do you feel most like yourself these days?"),
        (20, _D, "What's a question you wish I'd ask you more often?"),
    ),
    # --- Appreciation ----------------------------------------------------
    *_theme(
        Theme.APPRECIATION,
        (1, _L, "What's one small thing I did this week that you noticed and liked?"),
        (2, _L, "Tell me one thing about me that made you smile recently."),
        (3, _L, "Which of my habits do you secretly find endearing?"),
        (4, _L, "What's something I cook, make or fix that you enjoy?"),
        (5, _L, "Which of my quirks would you miss if it disappeared?"),
        (6, _L, "When this week were you glad it was me you were with?"),
        (7, _L, "What's a small kindness from me that you'd like more of?"),
        (8, _M, "What's something I do that you've been meaning to thank me for?"),
        (9, _M, "What's a quality of mine you've come to value more over time?"),
        (10, _M, "When did I last make you feel looked after?"),
        (11, _M, "What do you admire about the way I handle a hard day?"),
        (12, _M, "What's something about how we are together that you're grateful for?"),
        (13, _M, "What's something I said that meant more to you than I probably realised?"),
        (14, _M, "What's something you do for us that you'd like me to notice more?"),
        (15, _D, "What first drew you to me, and is it still there?"),
        (16, _D, "When have you felt proudest to be with me?"),
        (17, _D, "What's something I did in a hard time that you've never forgotten?"),
        (18, _D, "Which of my efforts would you like to thank me for, even if it didn't work out?"),
        (19, _D, "What do you think I give you that nobody else does?"),
        (20, _D, "Tell me about a time you felt I really understood you."),
    ),
    # --- Long-term vision and dreams -------------------------------------
    *_theme(
        Theme.VISION,
        (1, _L, "Where's somewhere you'd love us to see together one day?"),
        (2, _L, "What's a skill you'd love to pick up in the next few years?"),
        (3, _L, "What does a perfect slow day off look like for you a few years from now?"),
        (4, _L, "What's something small you'd like us to start doing this year?"),
        (5, _L, "If the two of us had a motto, what would it be?"),
        (6, _L, "What's a tradition you'd like us to invent?"),
        (7, _L, "What would you like to be doing more of when you're older?"),
        (8, _M, "Picture an ordinary day for us ten years from now. What's in it?"),
        (9, _M, "What's a dream you've put on hold that you'd like to pick back up?"),
        (10, _M, "What's something you'd like us to have done together by the time we're old?"),
        (11, _M, "What do you hope the people around us would say about us as a couple?"),
        (12, _M, "Which parts of our life now would you like to keep exactly as they are?"),
        (13, _M, "What's something you want for yourself that has nothing to do with me?"),
        (14, _M, "How do you imagine us spending time together once life slows down a little?"),
        (15, _D, "What does a good life look like to you now, and has that changed?"),
        (16, _D, "What's a dream you've never said out loud?"),
        (17, _D, "What do you hope we'll have learned about each other in twenty years?"),
        (18, _D, "Is there a way you'd like to grow that I could help with?"),
        (19, _D, "Looking back one day, what would tell you we built something good together?"),
        (20, _D, "Which of your old dreams have you let go of, and how do you feel about that?"),
    ),
    # --- Priorities and changes ------------------------------------------
    *_theme(
        Theme.PRIORITIES,
        (1, _L, "What's one thing on your plate this week you'd happily drop?"),
        (2, _L, "What's been the best part of your week so far, and could we have more of it?"),
        (3, _L, "Which evening this week looks most free for just the two of us?"),
        (4, _L, "Which everyday job would you gladly swap with me?"),
        (5, _L, "What would you do with an extra hour each day?"),
        (6, _L, "What's a small change that would make our mornings easier?"),
        (7, _L, "Is there anything coming up this month that I can help you get ready for?"),
        (8, _M, "What's taking more of your time and energy than you'd like right now?"),
        (9, _M, "Do you feel we get enough time together, or is something crowding it out?"),
        (10, _M, "What's one thing we could say no to, to make more room for us?"),
        (11, _M, "How do you feel about the way we share everyday jobs at the moment?"),
        (12, _M, "What's changed in your life lately that I might not have fully caught up with?"),
        (13, _M, "What matters most to you this season, and how can I support it?"),
        (14, _M, "When our plans clash, what helps you feel we're deciding together?"),
        (15, _D, "Does anything in my life seem to come before you? I'd really like to know."),
        (16, _D, "What have you given up for us that I might not have noticed?"),
        (17, _D, "How have your priorities shifted since we first met?"),
        (18, _D, "What would you like to matter more in our life together, and what less?"),
        (19, _D, "Is there a change ahead that worries you, and how could we face it together?"),
        (20, _D, "What does putting us first look like to you in an ordinary week?"),
    ),
    # --- Conflict repair ---------------------------------------------------
    *_theme(
        Theme.REPAIR,
        (1, _L, "What helps you cool off when we disagree?"),
        (2, _L, "What's a small gesture from me that tells you we're okay after a row?"),
        (3, _L, "What's the best way for me to bring up something that's bothering me?"),
        (4, _L, "Do you prefer to talk things through straight away, or after a break?"),
        (5, _L, "What's a phrase that helps you feel we're on the same side again?"),
        (6, _L, "What's something that has made us both laugh in the middle of an argument?"),
        (7, _L, "What time of day is best for us to talk about something tricky?"),
        (8, _M, "Is there a disagreement from lately that still feels unfinished for you?"),
        (9, _M, "When we argue, what do you wish I understood sooner?"),
        (10, _M, "What could I say next time that would help you feel heard?"),
        (11, _M, "What would you like from me next time one of us gets upset?"),
        (12, _M, "What's one thing I could do differently next time we clash?"),
        (13, _M, "How can we tell when a talk is getting too heated, and what would we do then?"),
        (14, _M, "What helps you feel safe enough to say the hard thing?"),
        (15, _D, "Is there a past hurt you'd like us to talk about gently, whenever you're ready?"),
        (16, _D, "What's something from an old argument that still stings a little?"),
        (17, _D, "What would help an old hurt between us start to heal?"),
        (18, _D, "Is there something I said in a hard moment that has stayed with you?"),
        (19, _D, "What makes an apology feel real to you?"),
        (20, _D, "Knowing each other as we do now, what would we do differently next time?"),
    ),
    # --- Trust and transparency ----------------------------------------------
    *_theme(
        Theme.TRUST,
        (1, _L, "What would you like me to message you about more often?"),
        (2, _L, "Is there a small promise I've kept lately that you noticed?"),
        (3, _L, "What's a little thing that makes you feel you can count on me?"),
        (4, _L, "How much do you like to hear about my plans for the day in advance?"),
        (5, _L, "What have you been meaning to tell me but not found the moment for?"),
        (6, _L, "Who's someone whose honesty you admire?"),
        (7, _L, "What's a simple way we could keep each other in the loop on busy days?"),
        (8, _M, "Is there anything you'd find easier to tell me if you knew how I'd react?"),
        (9, _M, "What makes it hard to bring up uncomfortable things with me?"),
        (10, _M, "How do you like me to tell you when plans change?"),
        (11, _M, "Is there anything you've been holding back because you didn't want to worry me?"),
        (12, _M, "What does being honest with each other look like in the small stuff?"),
        (13, _M, "When have you felt most sure that I had your back?"),
        (14, _M, "What could I do to make it easier for you to be open with me?"),
        (15, _D, "Is there something about you that you've been afraid to show me?"),
        (16, _D, "Was there a time you felt let down by me that we've not really talked about?"),
        (17, _D, "What does trust between us feel like on a good day?"),
        (18, _D, "What would help you trust me a little more than you do right now?"),
        (19, _D, "Is there a promise we made each other that's worth looking at again?"),
        (20, _D, "What would you like to be able to tell me without worrying how I'll take it?"),
    ),
    # --- Intimacy and affection ----------------------------------------------
    *_theme(
        Theme.INTIMACY,
        (1, _L, "How do you like to be greeted when we see each other after a day apart?"),
        (2, _L, "Is there a kind of hug you like best?"),
        (3, _L, "What's a small touch from me that makes you feel close?"),
        (4, _L, "Is there a nickname or pet name you secretly like?"),
        (5, _L, "When do you most like to be cuddled?"),
        (6, _L, "What does a cosy evening together look like to you?"),
        (7, _L, "What's a compliment you'd love to hear from me more often?"),
        (8, _M, "When do you feel closest to me during an ordinary week?"),
        (9, _M, "Is there a kind of affection you'd like more of, or less of?"),
        (10, _M, "How do you like me to show that I find you attractive?"),
        (11, _M, "What helps you relax enough to feel close after a busy day?"),
        (12, _M, "Do you feel we touch each other enough in everyday moments, not just in bed?"),
        (13, _M, "What's a memory of us being close that you think about sometimes?"),
        (14, _M, "How can I tell when you'd like affection but aren't asking for it?"),
        (15, _D, "What makes you feel really wanted by me?"),
        (16, _D, "Is there something about closeness or sex you've felt shy to bring up?"),
        (17, _D, "What gets in the way of feeling close to me at the moment?"),
        (18, _D, "When have you felt most desired in our time together?"),
        (19, _D, "What would help you feel more at ease being close with me?"),
        (20, _D, "Is there a way you'd like us to be more affectionate that we haven't tried?"),
    ),
    # --- Fun and new shared interests ----------------------------------------
    *_theme(
        Theme.FUN,
        (1, _L, "What's something silly we used to do that we could bring back?"),
        (2, _L, "What's a game you'd like us to play together this week?"),
        (3, _L, "What film or series could we start together?"),
        (4, _L, "If we had a whole free day with no plans, what would you pick?"),
        (5, _L, "What's a new recipe you'd like us to try making together?"),
        (6, _L, "Where's a place nearby we've not been yet but could explore?"),
        (7, _L, "What made you laugh hardest this month?"),
        (8, _M, "Which hobby have you been curious about that we could try together?"),
        (9, _M, "What's the most fun we've had together, and what made it so good?"),
        (10, _M, "What's something you'd love to learn alongside me?"),
        (11, _M, "What kind of adventure sounds fun to you right now, big or small?"),
        (12, _M, "What's something I enjoy that you'd be willing to give a go?"),
        (13, _M, "What did you love doing when you were younger that we could try together now?"),
        (14, _M, "Which time of year do you think we're most fun in, and why?"),
        (15, _D, "When did we last feel playful together, and what was different then?"),
        (16, _D, "What part of you doesn't get to come out and play much any more?"),
        (17, _D, "Is there something you've wanted us to try but felt shy to suggest?"),
        (18, _D, "How could we make more room for fun when life feels heavy?"),
        (19, _D, "What do you think we're like together when we're at our most light-hearted?"),
        (20, _D, "What's a shared interest you'd love us to grow into over the next few years?"),
    ),
    # --- Stress and support ------------------------------------------------------
    *_theme(
        Theme.STRESS,
        (1, _L, "What's one thing that would make tomorrow a bit easier for you?"),
        (2, _L, "How can I tell when you've had a long day?"),
        (3, _L, "What's your favourite way to unwind after a hard day?"),
        (4, _L, "After a stressful day, would you rather talk about it or be distracted from it?"),
        (5, _L, "What small comfort helps you most when you're tired?"),
        (6, _L, "What's one thing on your mind today that I could take off your list?"),
        (7, _L, "On a scale of one to ten, how full is your plate this week?"),
        (8, _M, "What's been weighing on you lately that we haven't talked about?"),
        (9, _M, "When you're stressed, would you like ideas from me, or just company?"),
        (10, _M, "How do I seem to you when I'm stressed, and what helps?"),
        (11, _M, "What's the most helpful thing I've done when you were under pressure?"),
        (12, _M, "Is there a worry you'd like to share, so you're not carrying it alone?"),
        (13, _M, "What are the signs that I'm running on empty?"),
        (14, _M, "How can we look after each other when we're both stretched at once?"),
        (15, _D, "What's the hardest thing you're carrying right now?"),
        (16, _D, "When have you felt most alone with stress, and what would have helped?"),
        (17, _D, "What do you wish I knew about how you cope when things get hard?"),
        (18, _D, "Is there a fear about the future that you'd like us to look at together?"),
        (19, _D, "How has stress changed the way we are with each other lately?"),
        (20, _D, "When do you feel most supported by me, and when does that go missing?"),
    ),
)


# A weekly "state of us" talk: (step title, one sentence of guidance), in order.
STATE_OF_US_AGENDA: tuple[tuple[str, str], ...] = (
    (
        "Appreciations first",
        "Each name a few things the other did this week that you were glad of, "
        "as specifically as you can.",
    ),
    (
        "What went well",
        "Talk about what worked for the two of you this week, however small.",
    ),
    (
        "One issue",
        "Pick just one thing that's been on your mind and talk it through with 'I' "
        "statements: how it felt for you and what would help.",
    ),
    (
        "A plan",
        "Each choose one small step for the coming week, something you can actually do.",
    ),
    (
        "A close",
        "Finish with something kind: a thank-you, a hug, or a plan for something fun.",
    ),
)


_BY_KEY: dict[str, Prompt] = {prompt.key: prompt for prompt in PROMPTS}


def prompts_by_theme() -> dict[Theme, list[Prompt]]:
    """Prompts grouped by theme, every theme present, in library order."""
    grouped: dict[Theme, list[Prompt]] = {theme: [] for theme in Theme}
    for prompt in PROMPTS:
        grouped[prompt.theme].append(prompt)
    return grouped


def find_prompt(key: str) -> Prompt | None:
    """The prompt with this key, or None (it may have been retired)."""
    return _BY_KEY.get(key)
