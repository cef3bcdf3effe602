"""The card about talking to a couples therapist, and the safety line, written once.

Anyone can open it at any time (the app's ctrl+g and palette, ``rekindle
support``), whether or not the check-in's automatic suggestions are on; the
check-in's card, raised when things stay hard, opens with its own first line and
then says the same (``strategies.PROFESSIONAL_HELP``).

No phone numbers, links or names of services: they differ from country to
country, and a wrong one is worse than none. Plain values only: no I/O, no UI.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SupportPart:
    """One part of the card: a short heading and a paragraph under it."""

    heading: str
    text: str


SUPPORT_TITLE = "Talk to someone: couples therapy"

SUPPORT_CARD: tuple[SupportPart, ...] = (
    SupportPart(
        "For couples at any stage",
        "Couples therapy is for any stage of being together, not only a last resort. Asking "
        "for help is a sign that you care about what you have, not a sign that you've "
        "failed, and you can go while things are still mostly good.",
    ),
    SupportPart(
        "What a good one does",
        "A good couples therapist helps you talk without it turning into a fight, makes sure "
        "you both feel heard and takes no sides. They can help you repair trust and decide "
        "together what comes next, whatever that turns out to be.",
    ),
    SupportPart(
        "What to look for",
        "Look for someone with training in couples work, not only in seeing one person at a "
        "time, and ask how they tend to work. It's fine to try more than one until you both "
        "feel at ease.",
    ),
    SupportPart(
        "How to find one",
        "Your doctor or GP can often suggest someone. Professional associations for "
        "therapists in your country keep directories of accredited members, and your "
        "workplace's support programme may offer a few sessions. Many work by video.",
    ),
)

SAFETY_LINE: str = (
    "If anyone feels unsafe at home, contact a local domestic-abuse helpline: search "
    "“domestic abuse helpline” and your country, or ask your doctor. If you're in danger "
    "now, call the emergency number where you are. You deserve real help."
)


def support_paragraphs() -> tuple[str, ...]:
    """The card's paragraphs without their headings, in order."""
    return tuple(part.text for part in SUPPORT_CARD)


def support_text() -> str:
    """The whole card as plain text, the safety line last and apart: what the CLI prints."""
    parts = [f"{part.heading}\n{part.text}" for part in SUPPORT_CARD]
    return "\n\n".join([SUPPORT_TITLE, *parts, SAFETY_LINE])
