"""`rekindle date ...` and `rekindle idea`: quality time, scriptable."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from typing import Any

from tracker.cli.common import (
    DATA_OPTION,
    CLIError,
    Context,
    as_json,
    flat,
    in_range,
    my_today,
    now,
    say,
)
from tracker.cli.matching import loose, not_found
from tracker.domain.content.ideas import IdeaKind
from tracker.domain.dates.input import DateDraft, clean_memory, clean_stars, parse_day
from tracker.domain.dates.jar import draft_from_idea, idea_from_text
from tracker.domain.dates.model import DateNight, Occurrence
from tracker.domain.dates.records import DateKind, DateStatus, RepeatFreq
from tracker.domain.dates.views import length_text, past, upcoming, when_text
from tracker.domain.days import zone_named
from tracker.store import dates as store
from tracker.store.couple import Couple
from tracker.store.links import ticked_also

KINDS = {
    "date-night": DateKind.DATE_NIGHT,
    "hobby": DateKind.NEW_HOBBY,
    "unplugged": DateKind.UNPLUGGED,
    "getaway": DateKind.GETAWAY,
}
IDEA_KINDS = {kind.value.replace(" ", "-"): kind for kind in IdeaKind}
FIELDS = ("at", "hours", "end", "days", "place", "notes", "tz", "every", "repeat_until", "remind")


def _date_options(parser: argparse.ArgumentParser, adding: bool) -> None:
    parser.add_argument("--on", required=False, help="the day: YYYY-MM-DD, today or tomorrow")
    parser.add_argument("--at", help="start time, HH:MM (default 19:30)")
    parser.add_argument("--hours", help="how long, in hours (default 2)")
    parser.add_argument("--end", help="or an end time, HH:MM")
    parser.add_argument("--kind", choices=sorted(KINDS), help="default date-night")
    parser.add_argument("--days", help="a getaway's number of days (default 2)")
    parser.add_argument("--place", help="where")
    parser.add_argument("--notes", help="anything to remember")
    parser.add_argument(
        "--tz", type=zone_named, help="time zone, if not partner A's (e.g. Europe/Paris)"
    )
    parser.add_argument("--repeat", choices=[r.value for r in RepeatFreq], help="default none")
    parser.add_argument("--every", help="every N weeks or months (default 1)")
    parser.add_argument("--repeat-until", help="the last day it may repeat on")
    parser.add_argument("--remind", help="a calendar reminder, minutes before")
    if adding:
        parser.add_argument("--idea", help="start from an idea in the jar (its key)")
    parser.add_argument("--json", action="store_true", help="print the saved date as JSON")


def register(commands: Any) -> None:
    date_cmd = commands.add_parser(
        "date", parents=[DATA_OPTION], help="date nights: add, list, done, cancel, rate"
    )
    actions = date_cmd.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=[DATA_OPTION], help="plan a date")
    add.add_argument("title", nargs="?", default="", help="what you'll do (or use --idea)")
    _date_options(add, adding=True)
    add.set_defaults(run=run_add)
    edit = actions.add_parser("edit", parents=[DATA_OPTION], help="change a date")
    edit.add_argument("which", help="its id from `date list`, or part of its title")
    edit.add_argument("--title", help="a new title")
    _date_options(edit, adding=False)
    edit.set_defaults(run=run_edit)
    listing = actions.add_parser("list", parents=[DATA_OPTION], help="upcoming and past dates")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(run=run_list)
    for name, helptext in (
        ("done", "mark a date (or one evening of a series) done"),
        ("cancel", "call off a date, or one evening of a series"),
        ("rate", "your stars and a memory line, after the date"),
        ("delete", "remove a date altogether"),
    ):
        one = actions.add_parser(name, parents=[DATA_OPTION], help=helptext)
        one.add_argument("which", help="its id from `date list`, or part of its title")
        if name != "delete":
            one.add_argument("--on", help="which evening of a series (YYYY-MM-DD)")
        one.set_defaults(run=RUNS[name])
    cancel = actions.choices["cancel"]
    cancel.add_argument("--all", action="store_true", help="call off every evening of a series")
    cancel.add_argument("--undo", action="store_true", help="put it back on")
    rate_cmd = actions.choices["rate"]
    rate_cmd.add_argument("--stars", required=True, help="1 to 5")
    rate_cmd.add_argument("--memory", default="", help="one line to remember it by")

    idea = commands.add_parser(
        "idea", parents=[DATA_OPTION], help="surprise me: an idea from the jar, or add your own"
    )
    idea.add_argument("--kind", choices=sorted(IDEA_KINDS), help="from one shelf of the jar")
    idea.add_argument("--list", action="store_true", help="every idea in the jar")
    idea.add_argument("--add", metavar="TITLE", help="put your own idea in the jar")
    idea.add_argument("--about", default="", help="with --add: a sentence about it")
    idea.add_argument(
        "--length", default="", help="with --add: hours it takes (days, for a getaway)"
    )
    idea.add_argument("--json", action="store_true", help="machine-readable output")
    idea.set_defaults(run=run_idea)


# -- finding things ------------------------------------------------------------------


def day_arg(text: str, today: date, what: str = "The day") -> date:
    word = text.strip().casefold()
    if word in ("today", "tomorrow"):
        return today + timedelta(days=word == "tomorrow")
    try:
        return in_range(parse_day(text, what))
    except ValueError as error:
        raise CLIError(str(error)) from None


def find_date(couple: Couple, wanted: str) -> DateNight:
    key = " ".join(wanted.split()).casefold()
    if not key:
        raise CLIError("Say which date: its id from `rekindle date list`, or part of its title.")
    everything = store.dates(couple)
    for test in (
        lambda d: d.id.casefold() in (key, f"date:{key}"),
        lambda d: d.id.casefold().removeprefix("date:").startswith(key),
        lambda d: loose(d.title) == loose(wanted),
        lambda d: loose(wanted) in loose(d.title),
    ):
        found = [d for d in everything if test(d)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            names = ", ".join(f"“{flat(d.title)}” ({_short(d)})" for d in found[:5])
            raise CLIError(f"“{wanted}” matches more than one date ({names}); use its id.")
    titles = [d.title for d in everything]
    raise not_found("No date called", wanted, titles, "`rekindle date list` shows them.")


def _short(dn: DateNight) -> str:
    return dn.id.removeprefix("date:")[:8]


def _evening(
    couple: Couple, dn: DateNight, on: str | None, ahead: bool, off: bool = False
) -> Occurrence:
    """The evening asked for; by default the one-off's, or a series' next (or last) one
    (with ``off``, the next one called off)."""
    marks = store.marks(couple).get(dn.id, {})
    if on:
        day = day_arg(on, my_today(couple))
        found = store.occurrence(couple, dn, day)
        if found is None:
            raise CLIError(f"“{flat(dn.title)}” isn't on {day:%A %d %B %Y}; check --on.")
        return found
    if not dn.repeat.repeats:
        found = store.occurrence(couple, dn, dn.first_day)
        assert found is not None
        return found
    rows = upcoming([dn], {dn.id: marks}, now()) if ahead else past([dn], {dn.id: marks}, now())
    rows = [o for o in rows if o.status is DateStatus.CANCELLED] if off else rows
    if not rows:
        what = "called off ahead" if off else ("ahead" if ahead else "yet")
        raise CLIError(f"“{flat(dn.title)}” has no evening {what}; say which with --on.")
    return rows[0]


# -- date ------------------------------------------------------------------------------


def _draft(args: argparse.Namespace, base: DateDraft, today: date) -> DateDraft:
    if args.on:
        base.day = day_arg(args.on, today).isoformat()
    if args.kind:
        base.kind = KINDS[args.kind]
    if args.repeat:
        base.repeat = RepeatFreq(args.repeat)
    for name in FIELDS:
        value = getattr(args, name, None)
        if value is not None:
            target = {"at": "time", "repeat_until": "until", "remind": "alarm"}.get(name, name)
            setattr(base, target, value)
    if args.hours is not None:
        base.end = ""
    return base


def _saved(couple: Couple, dn: DateNight, args: argparse.Namespace, verb: str) -> int:
    try:
        store.save_date(couple, dn)
    except ValueError as error:
        raise CLIError(str(error)) from None
    if args.json:
        print(as_json({"id": dn.id, **dn.to_data()}))
        return 0
    occ = Occurrence(dn, dn.first_day, DateStatus.PLANNED)
    again = f", {dn.repeat.describe(dn.first_day)}" if dn.repeat.repeats else ""
    say(
        f"{verb} “{flat(dn.title)}”: {when_text(occ, True)}, {length_text(dn)}{again} "
        f"({_short(dn)})."
    )
    return 0


def run_add(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()
    today = my_today(couple)
    base = DateDraft(title=args.title, tz=store.couple_tz(couple))
    if args.idea:
        idea = store.find_jar_idea(couple, args.idea)
        if idea is None:
            raise CLIError(f"No idea “{args.idea}” in the jar; `rekindle idea --list` shows them.")
        base = draft_from_idea(idea, today, store.couple_tz(couple))
        base.title = args.title or base.title
    elif not args.on:
        raise CLIError("Say which day with --on YYYY-MM-DD (or today, tomorrow).")
    try:
        dn = store.new_date(couple, _draft(args, base, today))
    except ValueError as error:
        raise CLIError(str(error)) from None
    return _saved(couple, dn, args, "Planned")


def run_edit(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()
    old = find_date(couple, args.which)
    draft = _draft(args, DateDraft.of(old), my_today(couple))
    if args.title is not None:
        draft.title = args.title
    try:
        dn = store.edited_date(couple, old, draft)
    except ValueError as error:
        raise CLIError(str(error)) from None
    return _saved(couple, dn, args, "Changed")


def _occ_json(couple: Couple, occ: Occurrence) -> dict[str, Any]:
    rated = store.ratings(couple).get((occ.date.id, occ.day), {})
    return {
        "id": occ.date.id,
        "title": occ.date.title,
        "kind": occ.date.kind.value,
        "day": occ.day.isoformat(),
        "start": occ.start.isoformat(),
        "end": occ.end.isoformat(),
        "tz": occ.date.tz,
        "place": occ.date.place,
        "status": occ.status.value,
        "repeats": occ.date.repeat.describe(occ.date.first_day),
        "ratings": {p: {"stars": r.stars, "memory": r.memory} for p, r in rated.items()},
    }


def run_list(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()
    everything, marks, moment = store.dates(couple), store.marks(couple), now()
    ahead, behind = upcoming(everything, marks, moment), past(everything, marks, moment)
    if args.json:
        data = {
            "upcoming": [_occ_json(couple, o) for o in ahead],
            "past": [_occ_json(couple, o) for o in behind],
            "this_month": store.quality(couple, my_today(couple)).text(),
        }
        print(as_json(data))
        return 0
    today = my_today(couple)
    say(store.quality(couple, today).text())
    rated = store.ratings(couple)
    for heading, rows in (("Upcoming", ahead), ("Past", behind)):
        say(f"\n{heading}")
        for occ in rows:
            status = "" if occ.status is DateStatus.PLANNED else f" [{occ.status.value}]"
            stars = " ".join(
                f"{flat(couple.name_of(p))} {'★' * r.stars}"
                for p, r in sorted(rated.get((occ.date.id, occ.day), {}).items())
            )
            extra = f"  {stars}" if stars else ""
            when = when_text(occ, today=today)
            say(f"  {when}  {flat(occ.date.title)}{status}{extra}  ({_short(occ.date)})")
        if not rows:
            say("  (nothing yet: `rekindle idea` for a suggestion)")
    return 0


def run_done(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()
    dn = find_date(couple, args.which)
    occ = _evening(couple, dn, args.on, ahead=False)
    try:
        with couple.store.together():  # the evening and the habits it ticks: one save
            changes = store.mark_done(couple, dn, occ.day, now())
    except ValueError as error:
        raise CLIError(str(error)) from None
    also = ticked_also(couple, changes)
    say(f"Done: “{flat(dn.title)}” on {occ.day:%a %d %b}{also}.")
    say("`rekindle date rate` adds your stars.")
    return 0


def run_cancel(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()
    dn = find_date(couple, args.which)
    if args.all or (args.undo and dn.cancelled and not args.on):
        store.call_off_series(couple, dn, cancelled=not args.undo)
        say(f"{'Back on' if args.undo else 'Called off'}: “{flat(dn.title)}”, every evening of it.")
        return 0
    occ = _evening(couple, dn, args.on, ahead=True, off=args.undo)
    status = DateStatus.PLANNED if args.undo else DateStatus.CANCELLED
    store.set_status(couple, dn, occ.day, status)
    say(f"{'Back on' if args.undo else 'Called off'}: “{flat(dn.title)}” on {occ.day:%a %d %b}.")
    return 0


def run_rate(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()
    dn = find_date(couple, args.which)
    occ = _evening(couple, dn, args.on, ahead=False)
    try:
        stars, memory = clean_stars(args.stars), clean_memory(args.memory)
        with couple.store.together():  # marked done too if it wasn't, with its ticks
            changes = store.rate(couple, dn, occ.day, stars, memory, now())
    except ValueError as error:
        raise CLIError(str(error)) from None
    shown = f"{'★' * stars}{'☆' * (5 - stars)}{ticked_also(couple, changes)}"
    say(f"Rated “{flat(dn.title)}” on {occ.day:%a %d %b}: {shown}.")
    return 0


def run_delete(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()
    dn = find_date(couple, args.which)
    store.delete_date(couple, dn)
    say(
        f"Deleted “{flat(dn.title)}”. (A calendar that imported it keeps it; cancel takes it away.)"
    )
    return 0


RUNS = {"done": run_done, "cancel": run_cancel, "rate": run_rate, "delete": run_delete}


# -- idea -------------------------------------------------------------------------------


def run_idea(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()
    kind = IDEA_KINDS[args.kind] if args.kind else None
    if args.add is not None:
        try:
            added = idea_from_text(
                Couple.new_id(store.IDEA),
                args.add,
                kind or IdeaKind.HOME,
                args.length,
                args.about,
                couple.me,
            )
        except ValueError as error:
            raise CLIError(str(error)) from None
        store.add_idea(couple, added)
        say(f"Added “{flat(added.title)}” to the jar ({added.kind.value}).")
        return 0
    if args.list:
        shelf = [i for i in store.idea_jar(couple) if kind is None or i.kind is kind]
        if args.json:
            print(as_json([{"key": i.key, **i.to_data(), "own": i.own} for i in shelf]))
            return 0
        for i in shelf:
            say(f"{i.key:<32} {i.kind.value:<10} {flat(i.title)}")
        return 0
    today = my_today(couple)
    idea = store.surprise_me(couple, today, kind)
    if idea is None:
        raise CLIError("The jar has nothing on that shelf yet; add one with --add.")
    if args.json:
        print(as_json({"key": idea.key, **idea.to_data(), "own": idea.own}))
        return 0
    say(f"{flat(idea.title)}  ({idea.summary()})")
    if idea.description:
        say(f"  {flat(idea.description)}")
    day = draft_from_idea(idea, today, store.couple_tz(couple)).day
    say(f"  Plan it: rekindle date add --idea {idea.key} --on {day}")
    return 0
