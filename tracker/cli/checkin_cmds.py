"""`rekindle checkin`, `rekindle promise ...`, `rekindle appreciate`, `rekindle repair`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tracker.cli.common import DATA_OPTION, CLIError, Context, as_json, flat, my_today, say
from tracker.cli.matching import loose, not_found
from tracker.domain.checkin.analysis import gaps, weakest_area
from tracker.domain.checkin.kinds import APPRECIATION, PROMISE, REPAIR
from tracker.domain.checkin.model import (
    KEYS,
    LABELS,
    QUESTIONS,
    SCALE,
    CheckIn,
    WeekView,
    check_rating,
    clean_checkin_note,
    iso_week,
    make_checkin,
    week_label,
)
from tracker.domain.checkin.promises import (
    Promise,
    make_appreciation,
    make_promise,
    make_repair,
    renegotiate,
    settle,
    weekly_counts,
)
from tracker.domain.content.strategies import PROFESSIONAL_HELP, SAFETY_LINE, strategies_for
from tracker.store import checkins as store
from tracker.store.couple import Couple

FLAGS = {key: key.replace(" ", "-") for key in KEYS}  # "quality time" → --quality-time


def register(commands: Any) -> None:
    checkin = commands.add_parser(
        "checkin",
        parents=[DATA_OPTION],
        help="this week's check-in: rate the five areas and how close you feel, 1 to 5",
        description=(
            f"Rate each from 1 to 5 ({SCALE}). With no ratings, asks for them in a terminal. "
            "A second check-in in the same week updates the first. Your partner's ratings "
            "show once you have both checked in (the shared folder itself is readable by both)."
        ),
    )
    for key, flag in FLAGS.items():
        checkin.add_argument(f"--{flag}", metavar="N", help=LABELS[key].lower())
    for key, flag in FLAGS.items():
        checkin.add_argument(
            f"--note-{flag}", metavar="TEXT", help=f"a sentence about {LABELS[key].lower()}"
        )
    checkin.add_argument("--show", action="store_true", help="show this week without changing it")
    checkin.add_argument("--json", action="store_true", help="with --show: machine-readable")
    checkin.set_defaults(run=run_checkin)

    promise = commands.add_parser(
        "promise", parents=[DATA_OPTION], help="promises to your partner: add, kept, broken, list"
    )
    actions = promise.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=[DATA_OPTION], help="“I'll do X by Y”")
    add.add_argument("text", help="what you promise")
    add.add_argument("--due", required=True, help="YYYY-MM-DD, today, tomorrow, friday, in 3 days")
    add.set_defaults(run=run_promise_add)
    for name, kept in (("kept", True), ("broken", False)):
        settle_cmd = actions.add_parser(name, parents=[DATA_OPTION], help=f"mark a promise {name}")
        settle_cmd.add_argument("which", help="its id from `promise list`, or part of its text")
        settle_cmd.set_defaults(run=run_promise_settle, kept=kept)
    again = actions.add_parser(
        "renegotiate", parents=[DATA_OPTION], help="agree a new due date (the old one is kept)"
    )
    again.add_argument("which", help="its id from `promise list`, or part of its text")
    again.add_argument("--due", required=True, help="the new due date")
    again.set_defaults(run=run_promise_renegotiate)
    listing = actions.add_parser("list", parents=[DATA_OPTION], help="promises and reliability")
    listing.add_argument("--all", action="store_true", help="include kept and broken ones")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(run=run_promise_list)

    thanks = commands.add_parser(
        "appreciate", parents=[DATA_OPTION], help="“I noticed and appreciated ...”"
    )
    thanks.add_argument("text", help="what you noticed and appreciated")
    thanks.set_defaults(run=run_appreciate)

    repair = commands.add_parser(
        "repair", parents=[DATA_OPTION], help="log an apology, and what will change"
    )
    repair.add_argument("apology", help="what happened, and sorry for it")
    repair.add_argument("--change", required=True, help="what you will do differently")
    repair.set_defaults(run=run_repair)


# -- checkin ------------------------------------------------------------------


def _given(args: argparse.Namespace) -> tuple[dict[str, str], dict[str, str]]:
    ratings, notes = {}, {}
    for key, flag in FLAGS.items():
        value = getattr(args, flag.replace("-", "_"))
        note = getattr(args, f"note_{flag.replace('-', '_')}")
        if value is not None:
            ratings[key] = value
        if note is not None:
            notes[key] = note
    return ratings, notes


def _ask(prompt: str) -> str:
    try:
        return input(prompt).strip()
    except EOFError:
        raise CLIError("Stopped before the end; nothing was saved.") from None


def _ask_all(ratings: dict[str, object], notes: dict[str, str], existing: CheckIn | None) -> None:
    say(f"Rate each from 1 to 5 ({SCALE}); enter keeps the value in brackets.")
    for key in KEYS:
        if key in ratings and existing is None:
            continue
        current = str(ratings.get(key, ""))
        while True:
            shown = f" [{current}]" if current else ""
            answer = _ask(f"{LABELS[key]}: {QUESTIONS[key]}{shown} ") or current
            try:
                ratings[key] = check_rating(answer, key)
                break
            except ValueError as error:
                say(str(error))
        old = notes.get(key, "")
        while True:
            shown = f" [{old}]" if old else ""
            answer = _ask(f"  A sentence about it (optional){shown}: ") or old
            try:
                notes[key] = clean_checkin_note(answer, key)
                break
            except ValueError as error:
                say(str(error))


def run_checkin(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()
    today = my_today(couple)
    week = iso_week(today)
    if args.show:
        return _show_week(couple, week, args.json)
    given, given_notes = _given(args)
    existing = store.checkin_for(couple, couple.me, week)
    ratings: dict[str, object] = dict(existing.ratings) if existing else {}
    notes: dict[str, str] = dict(existing.notes) if existing else {}
    ratings.update(given)
    notes.update(given_notes)
    interactive = sys.stdin.isatty()
    if not given and not given_notes:
        if not interactive:
            flags = " ".join(f"--{flag} N" for flag in FLAGS.values())
            raise CLIError(f"Give your ratings, 1 to 5: rekindle checkin {flags}")
        _ask_all(ratings, notes, existing)
    elif interactive and any(key not in ratings for key in KEYS):
        _ask_all(ratings, notes, None)
    try:
        checkin = make_checkin(couple.me, today, ratings, notes)
    except ValueError as error:
        raise CLIError(str(error)) from None
    store.save_checkin(couple, checkin)
    verb = "Updated" if existing else "Saved"
    say(f"{verb} your check-in for {week_label(week)}.")
    return _show_week(couple, week, False)


def _show_week(couple: Couple, week: str, as_data: bool) -> int:
    view = store.view_of_week(couple, week, week)
    partner = couple.name_of(couple.partner_key)
    found = gaps(view.mine, view.theirs) if view.mine and view.theirs else []
    # What the app's Check-in screen offers beside the ratings: the area feeling
    # weakest with things to try, and the card suggesting help when it is up.
    area = weakest_area([c for c in (view.mine, view.theirs) if c is not None])
    suggestions = strategies_for(area) if area else []
    help_reasons = store.active_help(couple, iso_week(my_today(couple)))
    if as_data:
        print(
            as_json(
                {
                    "week": week,
                    "label": week_label(week),
                    "mine": dict(view.mine.ratings) if view.mine else None,
                    "my_notes": dict(view.mine.notes) if view.mine else {},
                    "theirs": dict(view.theirs.ratings) if view.theirs else None,
                    "their_notes": dict(view.theirs.notes) if view.theirs else {},
                    "theirs_hidden": view.theirs_hidden,
                    "note": view.note,
                    "gaps": [{"area": g.key, "mine": g.mine, "theirs": g.theirs} for g in found],
                    "weakest": area.value if area else None,
                    "suggestions": [
                        {"key": s.key, "title": s.title, "text": s.text} for s in suggestions
                    ],
                    "help": [t.reason(partner, t.person == couple.me) for t in help_reasons],
                }
            )
        )
        return 0
    say(view.note)
    if view.mine is None and view.theirs is None:
        return 0
    say(f"{'':<24}{'you':>5}{flat(partner)[:12]:>14}")
    for key in KEYS:
        mine = str(view.mine.rating(key)) if view.mine else "·"
        theirs = "hidden" if view.theirs_hidden else "·"
        if view.theirs:
            theirs = str(view.theirs.rating(key))
        say(f"{LABELS[key]:<24}{mine:>5}{theirs:>14}")
    for gap in found:
        say(gap.describe(partner))
    _say_notes(view, partner)
    if area is not None:
        say(f"\nSomething to try for {LABELS[area.value].lower()}:")
        for strategy in suggestions:
            say(f"  · {strategy.title}: {strategy.text}")
    if help_reasons:
        say("\nIt might help to talk with someone")
        for trigger in help_reasons:
            say(f"  · {trigger.reason(flat(partner), trigger.person == couple.me)}")
        say("\n".join(["", *PROFESSIONAL_HELP, SAFETY_LINE]))
    return 0


def _say_notes(view: WeekView, partner: str) -> None:
    """The sentences written with this week's ratings, exactly as typed, one a line."""
    lines = [
        f"{who} on {LABELS[key].lower()}: {flat(checkin.notes[key])}"
        for who, checkin in (("You", view.mine), (flat(partner), view.theirs))
        if checkin is not None
        for key in KEYS
        if checkin.notes.get(key)
    ]
    if lines:
        say("\n" + "\n".join(lines))


# -- promises -----------------------------------------------------------------


def find_promise(found: list[Promise], wanted: str) -> Promise:
    """By id (or its first few characters), else by a unique part of an open one's text."""
    key = " ".join(wanted.split()).casefold()
    if not key:
        raise CLIError("Say which promise: its id from `rekindle promise list`, or its words.")
    hex_part = key.removeprefix("promise:")
    by_id = [p for p in found if p.id.removeprefix("promise:").startswith(hex_part)]
    if len(hex_part) >= 4 and len(by_id) == 1:
        return by_id[0]
    by_text = [p for p in found if p.active and loose(wanted) in loose(p.text)]
    if len(by_text) == 1:
        return by_text[0]
    if len(by_text) > 1:
        raise CLIError(
            f"“{wanted}” matches {len(by_text)} open promises; use the id from "
            "`rekindle promise list`."
        )
    open_texts = [p.text for p in found if p.active]
    hint = "`rekindle promise list` shows them."
    raise not_found("No open promise matches", wanted, open_texts, hint)


def _short_id(promise: Promise) -> str:
    return promise.id.removeprefix("promise:")[:8]


def run_promise_add(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()
    today = my_today(couple)
    try:
        promise = make_promise(
            Couple.new_id(PROMISE), args.text, couple.me, couple.partner_key, args.due, today
        )
    except ValueError as error:
        raise CLIError(str(error)) from None
    store.save_promise(couple, promise, "Made a promise")
    partner = couple.name_of(couple.partner_key)
    say(
        f"Promised {flat(partner)}: “{flat(promise.text)}”, by {promise.due:%a %d %b %Y} "
        f"(id {_short_id(promise)})."
    )
    return 0


def run_promise_settle(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()
    promise = find_promise(store.promises(couple), args.which)
    try:
        done = settle(promise, args.kept, my_today(couple))
    except ValueError as error:
        raise CLIError(str(error)) from None
    store.save_promise(couple, done, f"Marked a promise {done.status.value}")
    say(f"Marked {done.status.value}: “{flat(done.text)}”.")
    return 0


def run_promise_renegotiate(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()
    promise = find_promise(store.promises(couple), args.which)
    try:
        moved = renegotiate(promise, args.due, my_today(couple))
    except ValueError as error:
        raise CLIError(str(error)) from None
    store.save_promise(couple, moved, "Renegotiated a promise")
    say(f"Now due {moved.due:%a %d %b %Y} (was {promise.due}): “{flat(moved.text)}”.")
    return 0


def run_promise_list(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()
    today = my_today(couple)
    found = [p for p in store.promises(couple) if args.all or p.active]
    rates = store.reliabilities(couple, today)
    if args.json:
        print(
            as_json(
                {
                    "promises": [{"id": p.id, **p.to_data()} for p in found],
                    "reliability": {
                        person: {str(days): r.rate for days, r in windows.items()}
                        for person, windows in rates.items()
                    },
                }
            )
        )
        return 0
    if not found:
        say("No open promises." if not args.all else "No promises yet.")
    for promise in found:
        who = f"{flat(couple.name_of(promise.by))} → {flat(couple.name_of(promise.to))}"
        state = promise.status.value
        if promise.overdue(today):
            state = "overdue"
        say(
            f"{_short_id(promise)}  due {promise.due:%a %d %b}  {who}  "
            f"“{flat(promise.text)}”  [{state}]"
        )
    for person, windows in rates.items():
        parts = ", ".join(f"{days} days: {r.describe()}" for days, r in windows.items())
        say(f"{flat(couple.name_of(person))} kept: {parts}")
    return 0


# -- appreciations and repairs ---------------------------------------------------


def run_appreciate(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()
    today = my_today(couple)
    partner = couple.partner_key
    try:
        item = make_appreciation(Couple.new_id(APPRECIATION), couple.me, partner, today, args.text)
    except ValueError as error:
        raise CLIError(str(error)) from None
    store.save_appreciation(couple, item)
    count = weekly_counts(store.appreciations(couple), iso_week(today)).get(couple.me, 0)
    say(
        f"Noted for {flat(couple.name_of(partner))}: “{flat(item.text)}”. That's {count} this week."
    )
    return 0


def run_repair(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()
    try:
        repair = make_repair(
            Couple.new_id(REPAIR),
            couple.me,
            couple.partner_key,
            my_today(couple),
            args.apology,
            args.change,
        )
    except ValueError as error:
        raise CLIError(str(error)) from None
    store.save_repair(couple, repair)
    say(f"Logged. What will change: “{flat(repair.change)}”.")
    return 0
