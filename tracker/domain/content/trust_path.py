"""The path for after a betrayal: our own words, written once.

For when trust was broken (an affair, or another serious breach), chosen privately by
either partner. It follows the guide's trust steps: transparency, reliability, empathy,
a real apology and professional help. It never blames, never plays down what happened,
and never leans towards staying together or parting: that is for the two of them.

No numbers, statistics or names of services: the safety line is the therapy card's own
(``support.SAFETY_LINE``), which says how to find a local domestic-abuse helpline.
Plain values only: no I/O, no UI.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tracker.domain.content.prompts import Depth, Prompt, Theme
from tracker.domain.content.support import SAFETY_LINE


class Role(StrEnum):
    """Who the person says they are on this path, asked once and changeable."""

    HURT = "hurt"
    BROKE = "broke"
    UNSAID = "unsaid"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.HURT: "I was hurt",
    Role.BROKE: "I broke the trust",
    Role.UNSAID: "I'd rather not say",
}


class TrustTheme(StrEnum):
    """The guide's five trust steps; every one has at least one week of the path."""

    TRANSPARENCY = "transparency"
    RELIABILITY = "reliability"
    EMPATHY = "empathy"
    APOLOGY = "apology"
    PROFESSIONAL_HELP = "professional help"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class StepAction(StrEnum):
    """The one thing a step asks you to do in the app; each opens a form or card that
    exists already (the promise ledger, the repair log, the therapy card, a talk)."""

    SAY_WHAT_IS_OPEN = "open"  # a promise in the ledger about what will be open now
    SMALL_PROMISE = "promise"  # one small promise for this week
    LISTENING_PROMPTS = "listen"  # prompts for listening without defending
    LOG_REPAIR = "repair"  # the repair log: an apology and what will change
    THERAPY_CARD = "therapy"  # the card about couples therapy, with what to look for
    PLAN_TALK = "talk"  # a time to talk, on the Talks calendar

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


ACTION_LABELS: dict[StepAction, str] = {
    StepAction.SAY_WHAT_IS_OPEN: "Say what will be open now, as a promise",
    StepAction.SMALL_PROMISE: "Make one small promise for this week",
    StepAction.LISTENING_PROMPTS: "Read the listening prompts",
    StepAction.LOG_REPAIR: "Log a repair: an apology, and what will change",
    StepAction.THERAPY_CARD: "Read about couples therapy, and what to look for",
    StepAction.PLAN_TALK: "Set aside a time to talk",
}


@dataclass(frozen=True, slots=True)
class TrustStep:
    """One week of the path: its title, a few sentences for everyone, one for who you
    said you are, and the one thing to do in the app."""

    title: str
    theme: TrustTheme
    text: str
    by_role: dict[Role, str]
    action: StepAction

    def words_for(self, role: Role) -> str:
        return f"{self.text} {self.by_role[role]}"


TITLE = "Rebuilding trust"

OPENING: tuple[str, ...] = (
    "This is a quiet path for when trust between you was broken, by an affair or "
    "another serious breach. It goes one small step a week: being open, keeping small "
    "promises, listening, a real apology, and help from someone trained in this.",
    "It's for either of you: the one who was hurt, or the one who broke the trust. It "
    "decides nothing for you. Whether you stay together is yours to work out, in your "
    "own time.",
)

PRIVATE_LINE = (
    "This path stays on this computer: your partner's app doesn't show it. What you do "
    "from a step (a promise, a repair, a talk) is shared as usual."
)

WHO_QUESTION = "Which is closer to you?"
WHO_INTRO = (
    "It changes only a few words of each step, and you can change it later. Like "
    "everything on this path, your answer stays on this computer."
)

STEPS: tuple[TrustStep, ...] = (
    TrustStep(
        "What will be open now",
        TrustTheme.TRANSPARENCY,
        "After trust breaks, not knowing can be the hardest part. Agreeing what will "
        "be open for now (phones, plans, whether the other person gets in touch) gives "
        "you both something solid to stand on.",
        {
            Role.HURT: "You can ask for what would help you feel steadier, and say it plainly.",
            Role.BROKE: "Offering openness before you're asked says more than any "
            "promise to change, for example: I'll tell you if they contact me.",
            Role.UNSAID: "Say one thing that will be open from now on, for example: "
            "I'll tell you if they contact me.",
        },
        StepAction.SAY_WHAT_IS_OPEN,
    ),
    TrustStep(
        "Someone beside you both",
        TrustTheme.PROFESSIONAL_HELP,
        "A couples therapist who knows this ground can hold the hardest talks so they "
        "don't go round in circles. Going is not giving up on each other, and it "
        "doesn't mean you have decided anything.",
        {
            Role.HURT: "You can go for yourself too, whatever your partner chooses.",
            Role.BROKE: "Suggesting it yourself, and doing the finding, is one way to "
            "show you're taking this seriously.",
            Role.UNSAID: "Either of you can suggest it, and either of you can go alone at first.",
        },
        StepAction.THERAPY_CARD,
    ),
    TrustStep(
        "Listening without defending",
        TrustTheme.EMPATHY,
        "The hurt needs room to be said, more than once. Listening all the way to the "
        "end, without explaining or correcting, is slow and it helps.",
        {
            Role.HURT: "You're allowed to say it the way it feels, and to stop when it's too much.",
            Role.BROKE: "When you feel the pull to defend yourself, ask one more question instead.",
            Role.UNSAID: "Whoever is listening, try asking one more question before "
            "saying your side.",
        },
        StepAction.LISTENING_PROMPTS,
    ),
    TrustStep(
        "An apology that names it",
        TrustTheme.APOLOGY,
        "A real apology says what happened in plain words, owns it without a but, "
        "and says what will change. It doesn't ask to be forgiven on a timetable.",
        {
            Role.HURT: "You don't owe forgiveness in return. Hearing it can simply be hearing it.",
            Role.BROKE: "Write it the way you'd say it face to face, then say it.",
            Role.UNSAID: "If there is something to own on your side, this is a place "
            "to write it down.",
        },
        StepAction.LOG_REPAIR,
    ),
    TrustStep(
        "One small promise",
        TrustTheme.RELIABILITY,
        "Trust comes back through small things done when you said you would, again "
        "and again. Pick something small enough to keep this week.",
        {
            Role.HURT: "A promise of your own counts too, even one to look after yourself.",
            Role.BROKE: "Small and kept beats big and hopeful.",
            Role.UNSAID: "Small and kept beats big and hopeful.",
        },
        StepAction.SMALL_PROMISE,
    ),
    TrustStep(
        "Questions, asked and answered",
        TrustTheme.TRANSPARENCY,
        "Questions will keep coming. A set time to talk, with an end, can keep them "
        "from taking over every evening.",
        {
            Role.HURT: "You can bring the same question again; it may need answering "
            "more than once.",
            Role.BROKE: "Answer honestly and without rushing, even when the answer is hard to say.",
            Role.UNSAID: "Agree how long you'll talk, and what you'll do afterwards to wind down.",
        },
        StepAction.PLAN_TALK,
    ),
    TrustStep(
        "Kept, and kept again",
        TrustTheme.RELIABILITY,
        "By now some promises have been kept and maybe one slipped. Both are worth "
        "saying out loud. Make the next one a little more than the last, or the same "
        "again.",
        {
            Role.HURT: "Noticing what was kept is not the same as saying it's all fine.",
            Role.BROKE: "If one slipped, say so before you're asked.",
            Role.UNSAID: "Saying a promise slipped, early, builds more trust than hiding it.",
        },
        StepAction.SMALL_PROMISE,
    ),
    TrustStep(
        "Where you go from here",
        TrustTheme.PROFESSIONAL_HELP,
        "These eight weeks are a beginning, not an ending, and there is no right pace. "
        "A couples therapist can help you both see what comes next, whatever that "
        "turns out to be.",
        {
            Role.HURT: "Whatever you decide, you deserve support while you decide it.",
            Role.BROKE: "Keep doing the small things, whatever comes next.",
            Role.UNSAID: "Whatever you decide, you both deserve support while you decide it.",
        },
        StepAction.THERAPY_CARD,
    ),
)

# Our own prompts for listening to the one who was hurt, without defending.
LISTENING_PROMPTS: tuple[Prompt, ...] = tuple(
    Prompt(f"trust-listening-{n:02}", Theme.TRUST, Depth.DEEP, text)
    for n, text in enumerate(
        (
            "What do you most want me to understand about how this has felt for you?",
            "When does it hit hardest: a time of day, a place, a sound from a phone?",
            "What do you find yourself wondering about that you haven't asked yet?",
            "Say back what you heard in your own words, then ask: did I get that right?",
            "What would help you feel a little steadier this week?",
            "If you feel the pull to explain yourself, notice it, and ask one more "
            "question instead.",
            "What did I do or say lately that made it harder? I'll listen to the end.",
            "Is there something you'd like me to stop doing, or start doing, for now?",
        ),
        start=1,
    )
)

SAFETY = SAFETY_LINE

# One line: the confirm dialog does not wrap its question.
LEAVE_QUESTION = "Leave the path? It goes from this computer."
LEFT = (
    "You've left the path. It's gone from this computer. Promises, repairs and talks "
    "you made from it stay."
)
