"""`rekindle lovemap`: "how well do you know me", five questions a round, each of you
answering about yourself and guessing the other; each pair shows once both are in."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

from tracker.cli.common import DATA_OPTION, CLIError, Context, as_json, checked, my_today, say
from tracker.cli.common import flat as shown
from tracker.domain.days import short_date
from tracker.domain.lovemap.rules import start_problem
from tracker.domain.reminders.since import and_list
from tracker.domain.text import count
from tracker.store import lovemap as store
from tracker.store.couple import Couple
from tracker.store.lovemap import ItemView, RoundView, Score, Verdict

HELP = "love maps: guess each other's answers, five questions a round"
UNKNOWN = "A question this version of Rekindle doesn't know."
START = "rekindle lovemap start"


def register(commands: Any) -> None:
    lovemap = commands.add_parser(
        "lovemap",
        parents=[DATA_OPTION],
        help=HELP,
        description=(
            "Five questions a round. Each of you answers every question about yourself "
            "and guesses your partner's answer; a pair shows once both its answer and its "
            "guess are in (the shared folder itself is readable by both). Then the one it "
            "is about marks the guess right, close or wrong. With no ACTION: the current "
            "round, N being a question's place in it."
        ),
    )
    lovemap.add_argument("--json", action="store_true", help="machine-readable output")
    lovemap.set_defaults(run=run_show)
    actions = lovemap.add_subparsers(dest="lovemap_action", metavar="ACTION")
    start = actions.add_parser("start", parents=[DATA_OPTION], help="start the next round")
    start.set_defaults(run=run_start, json=False)
    for name, what in (("answer", "your answer about yourself"), ("guess", "your guess")):
        write = actions.add_parser(name, parents=[DATA_OPTION], help=f"write {what}")
        write.add_argument("place", metavar="N", type=int, help="the question's place, 1 to 5")
        write.add_argument("text", help=what)
        write.set_defaults(run=run_answer if name == "answer" else run_guess, json=False)
    mark = actions.add_parser(
        "mark", parents=[DATA_OPTION], help="mark your partner's guess about you"
    )
    mark.add_argument("place", metavar="N", type=int, help="the question's place, 1 to 5")
    mark.add_argument("verdict", choices=[verdict.value for verdict in Verdict])
    mark.set_defaults(run=run_mark, json=False)
    hide = actions.add_parser(
        "hide", parents=[DATA_OPTION], help="never ask this question in a round again"
    )
    hide.add_argument("place", metavar="N", type=int, help="the question's place, 1 to 5")
    hide.set_defaults(run=run_hide, json=False)
    history = actions.add_parser(
        "history", parents=[DATA_OPTION], help="every round, with what you may see"
    )
    history.add_argument("--json", action="store_true", help="machine-readable output")
    history.set_defaults(run=run_history)


def _latest(couple: Couple) -> RoundView:
    found = store.current_round(couple)
    if found is None:
        raise CLIError(f"There's no love-map round yet; start one with: {START}")
    return found


def _item(couple: Couple, place: int) -> tuple[RoundView, ItemView]:
    latest = _latest(couple)
    if not 1 <= place <= len(latest.items):
        raise CLIError(
            f"Round {latest.n} has questions 1 to {len(latest.items)}; there's no question {place}."
        )
    return latest, latest.items[place - 1]


# What a write does to question N of the current round: (couple, round, item) → a Change.
Write = Callable[[Couple, RoundView, ItemView], object]


def _write(args: argparse.Namespace, context: Context, action: Write) -> int:
    """Do `action` on question N of the current round, then show it as it now stands."""
    couple = context.couple(months=())  # love maps live in the core files
    latest, item = _item(couple, args.place)
    checked(action, couple, latest, item)
    _, item = _item(couple, args.place)
    _show_item(couple, args.place, item)
    return 0


def run_answer(args: argparse.Namespace, context: Context) -> int:
    return _write(args, context, lambda c, r, i: store.answer(c, r.n, i.key, args.text))


def run_guess(args: argparse.Namespace, context: Context) -> int:
    return _write(args, context, lambda c, r, i: store.guess(c, r.n, i.key, args.text))


def run_mark(args: argparse.Namespace, context: Context) -> int:
    verdict = Verdict(args.verdict)
    return _write(args, context, lambda c, r, i: store.mark(c, r.n, i.key, verdict))


def run_hide(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple(months=())
    _, item = _item(couple, args.place)
    checked(store.hide, couple, item.key)
    said = item.question.about_me if item.question else UNKNOWN
    say(f"Hidden: “{shown(said)}” won't come up in a round again.")
    return 0


def run_start(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple(months=())
    today = my_today(couple)
    checked(store.start_round, couple, today)
    _show_round(couple, _latest(couple), today)
    return 0


def run_show(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple(months=())
    latest = store.current_round(couple)
    if args.json:
        data = _round_data(latest) if latest else None
        print(as_json({"round": data, "score": _score_data(store.score(couple))}))
        return 0
    if latest is None:
        say(f"No love-map round yet. Start one with: {START}")
        return 0
    _show_round(couple, latest, my_today(couple))
    return 0


def run_history(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple(months=())
    every = store.rounds(couple)
    if args.json:
        rounds = [_round_data(one) for one in every]
        print(as_json({"rounds": rounds, "score": _score_data(store.score(couple))}))
        return 0
    if not every:
        say(f"No love-map rounds yet. Start one with: {START}")
        return 0
    today = my_today(couple)
    for one in every:
        _show_round(couple, one, today, closing=False)
        say()
    say(store.score(couple).words())
    return 0


# -- in words ---------------------------------------------------------------------


def _show_round(couple: Couple, one: RoundView, today: date, *, closing: bool = True) -> None:
    state = "finished" if one.finished else "under way"
    say(f"Love maps, round {one.n} (started {short_date(one.started, today)}), {state}.")
    for place, item in enumerate(one.items, 1):
        _show_item(couple, place, item)
    if one.finished:
        say(one.score.words())
    else:
        say(_waiting(couple, one))
    if closing:
        if one.finished:
            say(f"Start the next round with: {START}")
        elif start_problem(one, today) is None:
            # Left a while: a fresh start beats a reminder of what is still undone.
            say(f"This round can rest in the history; start a fresh one any time: {START}")
        say(f"All rounds: {store.score(couple).words()}")


def _show_item(couple: Couple, place: int, item: ItemView) -> None:
    partner = shown(couple.name_of(couple.partner_key))
    text = item.question.about_me if item.question else UNKNOWN
    hidden = " (hidden; nobody is waiting on it)" if item.hidden else ""
    say(f"{place}. {shown(text)}{hidden}")
    say(f"   About you: {_about_me(item, partner, place)}")
    say(f"   About {partner}: {_about_them(item, partner)}")


def _about_me(item: ItemView, partner: str, place: int) -> str:
    if item.my_answer is None:
        then = f"; {partner} has guessed." if item.they_guessed else "."
        return f'not answered yet (rekindle lovemap answer {place} "…"){then}'
    if item.their_guess_about_me is None:
        return f"“{shown(item.my_answer)}”; {partner}'s guess isn't in yet."
    said = f"“{shown(item.my_answer)}”; {partner} guessed “{shown(item.their_guess_about_me)}”."
    if item.my_verdict is None:
        return f"{said} Mark it: rekindle lovemap mark {place} right|close|wrong"
    return f"{said} You marked it {item.my_verdict.value}."


def _about_them(item: ItemView, partner: str) -> str:
    if item.my_guess is None:
        then = f"; {partner} has answered." if item.they_answered else "."
        return f"your guess isn't in yet{then}"
    if item.their_answer is None:
        return f"you guessed “{shown(item.my_guess)}”; {partner}'s answer isn't in yet."
    said = f"you guessed “{shown(item.my_guess)}”; {partner} said “{shown(item.their_answer)}”."
    if item.their_verdict is None:
        return f"{said} Waiting for {partner} to mark it."
    return f"{said} {partner} marked it {item.their_verdict.value}."


def _waiting(couple: Couple, one: RoundView) -> str:
    """Who the round is waiting on, and for what: so neither has to ask."""
    open_items = [item for item in one.items if not item.hidden and item.question is not None]
    mine = _things(
        sum(item.my_answer is None for item in open_items),
        sum(item.my_guess is None for item in open_items),
        sum(item.about_me_revealed and item.my_verdict is None for item in open_items),
    )
    theirs = _things(
        sum(not item.they_answered for item in open_items),
        sum(not item.they_guessed for item in open_items),
        sum(item.about_them_revealed and item.their_verdict is None for item in open_items),
    )
    partner = shown(couple.name_of(couple.partner_key))
    parts = [
        f"Waiting on you: {mine}." if mine else "",
        f"Waiting on {partner}: {theirs}." if theirs else "",
    ]
    return " ".join(part for part in parts if part) or "Nothing is waiting on you."


def _things(answers: int, guesses: int, marks: int) -> str:
    found = [
        count(answers, "answer") if answers else "",
        count(guesses, "guess", "guesses") if guesses else "",
        count(marks, "mark") if marks else "",
    ]
    kept = [part for part in found if part]
    return and_list(kept) if kept else ""


# -- as data (docs/cli-json.md) ------------------------------------------------------


def _score_data(score: Score) -> dict[str, Any]:
    return {
        "right": score.right,
        "close": score.close,
        "wrong": score.wrong,
        "words": score.words(),
    }


def _item_data(place: int, item: ItemView) -> dict[str, Any]:
    return {
        "place": place,
        "key": item.key,
        "question": item.question.about_me if item.question else None,
        "topic": item.question.topic.value if item.question else None,
        "hidden": item.hidden,
        "my_answer": item.my_answer,
        "my_guess": item.my_guess,
        "their_answer": item.their_answer,
        "their_guess_about_me": item.their_guess_about_me,
        "they_answered": item.they_answered,
        "they_guessed": item.they_guessed,
        "my_verdict": item.my_verdict.value if item.my_verdict else None,
        "their_verdict": item.their_verdict.value if item.their_verdict else None,
    }


def _round_data(one: RoundView) -> dict[str, Any]:
    return {
        "n": one.n,
        "started": one.started.isoformat(),
        "finished": one.finished,
        "items": [_item_data(place, item) for place, item in enumerate(one.items, 1)],
        "score": _score_data(one.score),
    }
