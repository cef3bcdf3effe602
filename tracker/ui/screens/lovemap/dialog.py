"""Writing one question of a round: your answer about yourself and your guess about your
partner, in one small form on the shared dialog base."""

from __future__ import annotations

from dataclasses import dataclass

from tracker.domain.lovemap.model import clean_text
from tracker.domain.lovemap.views import ItemView
from tracker.ui.screens.dialog_base import Field, FieldsDialog
from tracker.ui.screens.lovemap.view import question_text

NOTHING_TYPED = "Write your answer, your guess, or both; Esc leaves without saving."


@dataclass(frozen=True, slots=True)
class Draft:
    """What to save; None where nothing new was written."""

    answer: str | None
    guess: str | None


def _new(typed: str | None, what: str, before: str | None) -> str | None:
    """The cleaned text if it says something new; ValueError (a sentence) if it can't be
    kept. An empty field leaves what was there: nothing is cleared by accident."""
    if typed is None or not typed.strip():
        return None
    cleaned = clean_text(typed, what)
    return None if cleaned == before else cleaned


def answer_dialog(item: ItemView, partner: str) -> FieldsDialog[Draft] | None:
    """The form for what is still open on `item`; None once both ways are side by side
    (what was said then stays as it was said)."""
    fields: list[Field] = []
    notes: list[str] = []
    if item.about_me_revealed:
        notes.append(f"Your answer is side by side with {partner}'s guess, so it stays.")
    else:
        fields.append(
            Field("answer", "Your answer", item.my_answer or "", placeholder="a few words")
        )
    if item.about_them_revealed:
        notes.append(f"Your guess is side by side with {partner}'s answer, so it stays.")
    else:
        guess = item.question.guess if item.question else "What would they say?"
        fields.append(
            Field(
                "guess",
                f"Your guess about {partner}",
                item.my_guess or "",
                placeholder=f"what you think {partner} would say",
                hint=guess,
            )
        )
    if not fields:
        return None
    notes.append(f"{partner} sees this once you've both answered.")

    def make(values: dict[str, str]) -> Draft:
        if not any(text.strip() for text in values.values()):
            raise ValueError(NOTHING_TYPED)
        return Draft(
            _new(values.get("answer"), "answer", item.my_answer),
            _new(values.get("guess"), "guess", item.my_guess),
        )

    return FieldsDialog(
        question_text(item), fields, make, " ".join(notes), wide=False, enter_moves_on=True
    )
