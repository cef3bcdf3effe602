"""The words of the love-map screen: a round's questions both ways, and what the game is.

Everything a partner wrote goes through `literal`: shown as typed, never as markup.
"""

from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.text import Text

from tracker.domain.lovemap.model import Verdict
from tracker.domain.lovemap.views import ItemView, RoundView
from tracker.ui.widgets.literal import literal, one_line

# What the game is, for the first visit: the words before any round exists.
INTRO = (
    "How well do you know me? Each round brings five questions about everyday life: "
    "favourites, worries, hopes, the past. For each one, you answer about yourself and "
    "guess what {partner} would say, and {partner} does the same. It's a game of "
    "curiosity, not a test: a wrong guess is something new to learn about each other."
)
HOW_IT_SHOWS = (
    "An answer and the guess about it show side by side once both are in, and the one "
    "it's about says whether the guess was right, close or wrong."
)
START = "Press s to start your first round."
PRIVACY = (
    "The app keeps {partner}'s answers out of view until you've both answered, but the "
    "files in your shared folder can be read by either of you."
)
KEYS_HINT = "enter answer and guess · r c w mark {partner}'s guess · [ ] other rounds"
# Long enough for any answer the app lets anyone write; a hand-made file may hold more.
SHOWN_AT_MOST = 240
VERDICT_WORDS = {Verdict.RIGHT: "right", Verdict.CLOSE: "close", Verdict.WRONG: "wrong"}


def quoted(text: str) -> Text:
    """Someone's words in quotes, on one line of their own making (the list wraps it)."""
    return Text("“").append_text(literal(one_line(text, SHOWN_AT_MOST))).append("”")


def question_text(item: ItemView) -> str:
    if item.question is None:
        return "A question this version of Rekindle doesn't know yet"
    return item.question.about_me


def about_me_line(item: ItemView, partner: str) -> Text:
    """My answer about myself, and the partner's guess about it once both are in."""
    if item.my_answer is None:
        line = Text("You: not answered yet", style="dim")
        done = "has guessed" if item.they_guessed else "hasn't guessed yet"
        return line.append(f" · {partner} {done}", style="dim")
    line = Text("You said ").append_text(quoted(item.my_answer))
    if item.their_guess_about_me is None:
        done = "has guessed" if item.they_guessed else "hasn't guessed yet"
        return line.append(f" · {partner} {done}", style="dim")
    line.append(f" · {partner} guessed ").append_text(quoted(item.their_guess_about_me))
    if item.my_verdict is None:
        return line.append(" · right, close or wrong? r c w", style="bold")
    return line.append(f" · you marked it {VERDICT_WORDS[item.my_verdict]}", style="dim")


def about_them_line(item: ItemView, partner: str) -> Text:
    """The partner's answer about themself (once revealed) and my guess about it."""
    if item.their_answer is None:
        if item.my_guess is None:
            line = Text(f"Your guess about {partner}: not yet", style="dim")
        else:
            line = Text(f"You guessed {partner} would say ").append_text(quoted(item.my_guess))
        done = "has answered" if item.they_answered else "hasn't answered yet"
        return line.append(f" · {partner} {done}", style="dim")
    line = Text(f"{partner} said ").append_text(quoted(item.their_answer))
    line.append(" · you guessed ").append_text(quoted(item.my_guess or ""))
    if item.their_verdict is None:
        return line.append(f" · {partner} hasn't marked it yet", style="dim")
    return line.append(f" · {partner} marked it {VERDICT_WORDS[item.their_verdict]}", style="dim")


def item_text(number: int, item: ItemView, partner: str) -> Group:
    """One question of the round, both ways, on three lines (or more, where words wrap:
    each way's lines indented under the question)."""
    question = Text(f"{number}. ", style="bold").append(question_text(item), style="bold")
    if item.hidden:
        question.append(" (hidden)", style="dim")
    return Group(
        question,
        Padding(about_me_line(item, partner), (0, 0, 0, 3)),
        Padding(about_them_line(item, partner), (0, 0, 0, 3)),
    )


def round_line(shown: RoundView, newest: int) -> Text:
    """Which round, when it began, and how far it has come."""
    revealed = sum(
        (item.about_me_revealed, item.about_them_revealed).count(True) for item in shown.items
    )
    ways = 2 * len(shown.items)
    line = Text(f"Round {shown.n}", style="bold")
    line.append(f" · started {shown.started:%A} {shown.started.day} {shown.started:%B}")
    if shown.finished:
        line.append(" · finished")
    else:
        line.append(f" · {revealed} of {ways} answers side by side")
    if shown.n != newest:
        line.append(" · an earlier round, ] goes forward", style="dim")
    return line
