"""`rekindle prompt` and `rekindle talk …`: the Talks screen, scriptable."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from tracker.cli.common import (
    DATA_OPTION,
    CLIError,
    Context,
    as_json,
    checked,
    flat,
    in_range,
    my_today,
    now,
    say,
)
from tracker.cli.matching import ambiguous, loose, match_title, not_found
from tracker.domain.content.prompts import Prompt
from tracker.domain.days import short_date, zone_named
from tracker.domain.talks.log import MAX_FOLLOWUP, Followup
from tracker.domain.talks.model import (
    UNPLANNED,
    Meeting,
    Slot,
    is_over,
    plan_slot,
    upcoming,
)
from tracker.domain.talks.prompts import parse_depth, parse_theme
from tracker.domain.talks.records import Status
from tracker.domain.talks.schedule import (
    Freq,
    countdown,
    day_text,
    describe,
    local_in,
    parse_clock,
    parse_date,
    parse_every,
    parse_minutes,
    parse_weekday,
)
from tracker.domain.text import clean_line, count
from tracker.store import talks
from tracker.store.couple import Couple
from tracker.store.links import ticked_also


def register(commands: Any) -> None:
    prompt = commands.add_parser(
        "prompt", parents=[DATA_OPTION], help="a conversation prompt for the two of you"
    )
    prompt.add_argument("--theme", help="e.g. appreciation, vision, repair, trust, fun")
    prompt.add_argument("--depth", help="light, medium or deep")
    prompt.add_argument("--json", action="store_true", help="machine-readable output")
    prompt.set_defaults(run=run_prompt)

    talk = commands.add_parser("talk", parents=[DATA_OPTION], help="your talks: plan, log, list")
    talk.set_defaults(run=run_list, json=False)
    actions = talk.add_subparsers(dest="talk_command", metavar="ACTION")

    add = actions.add_parser("add", parents=[DATA_OPTION], help="set aside a time to talk")
    add.add_argument("--title", default="", help='a name, e.g. "Sunday talk"')
    add.add_argument("--every", default="week", help="week, 2weeks, 3weeks, month or once")
    add.add_argument("--day", help="weekday (sunday), day of the month (31) or a date (YYYY-MM-DD)")
    add.add_argument("--at", default="20:00", help="time of day, HH:MM (default 20:00)")
    add.add_argument("--minutes", default="45", help="how long (default 45)")
    add.add_argument("--tz", type=zone_named, help="time zone (default: partner A's)")
    add.set_defaults(run=run_add)

    listing = actions.add_parser("list", parents=[DATA_OPTION], help="what's coming up")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(run=run_list)

    log = actions.add_parser("log", parents=[DATA_OPTION], help="note a talk you had")
    log.add_argument("--date", help="the day you talked: YYYY-MM-DD (default today)")
    log.add_argument("--slot", help="which planned talk, if two fell that day")
    log.add_argument("--topic", help="what you talked about")
    log.add_argument("--heard", help="what you heard your partner say")
    log.add_argument("--agreed", help="what the two of you agreed")
    log.add_argument(
        "--followup", action="append", default=[], help="something to follow up (repeatable)"
    )
    log.add_argument(
        "--promise", action="append", default=[], help="a promise you make (repeatable)"
    )
    log.add_argument("--due", help="when the promises are due (default a week on)")
    log.add_argument("--prompt", help="the prompt you used: its key, or 'week' for this week's")
    log.set_defaults(run=run_log)

    for name, helptext in (("skip", "skip one planned talk"), ("move", "move one planned talk")):
        one = actions.add_parser(name, parents=[DATA_OPTION], help=helptext)
        one.add_argument("--date", required=True, help="the day it was planned for")
        one.add_argument("--slot", help="which planned talk, if two fell that day")
        if name == "move":
            one.add_argument("--to", required=True, help="the new day, YYYY-MM-DD")
            one.add_argument("--at", help="the new time, HH:MM (default: the usual time)")
        one.set_defaults(run=run_skip if name == "skip" else run_move)

    follow = actions.add_parser(
        "followup", parents=[DATA_OPTION], help="list follow-ups from your talks; make one a habit"
    )
    follow.add_argument("which", nargs="?", help="its number in the list, or its words")
    follow.add_argument(
        "--habit", action="store_true", help="make it a habit you do together, once a week"
    )
    follow.add_argument("--json", action="store_true", help="the list, machine-readable")
    follow.set_defaults(run=run_followup)

    end = actions.add_parser("end", parents=[DATA_OPTION], help="stop a repeating talk")
    end.add_argument("slot", help="its name or id (see `rekindle talk list`)")
    end.set_defaults(run=run_end)


def _prompt_line(prompt: Prompt) -> str:
    return f"{prompt.text}\n  ({prompt.theme.label} · {prompt.depth.label})"


def run_prompt(args: argparse.Namespace, context: Context) -> int:
    theme = checked(parse_theme, args.theme) if args.theme else None
    depth = checked(parse_depth, args.depth) if args.depth else None
    couple = context.couple()
    chosen, _ = talks.draw(couple, my_today(couple), theme=theme, depth=depth)
    if chosen is None:
        raise CLIError("Every prompt like that is hidden; unhide some in the app (3, Prompts).")
    if args.json:
        data = {"key": chosen.key, "text": chosen.text, "theme": chosen.theme.value}
        print(as_json({**data, "depth": chosen.depth.value}))
    else:
        say(_prompt_line(chosen))
    return 0


def find_slot(couple: Couple, wanted: str) -> Slot:
    key = " ".join(wanted.split()).casefold()
    found = talks.slots(couple)
    tests: tuple[Callable[[Slot], bool], ...] = (  # the closest fit first
        lambda s: s.id.casefold() in (key, f"talk:{key}"),
        lambda s: loose(s.title) == loose(wanted),
        lambda s: s.id.removeprefix("talk:").startswith(key) or loose(wanted) in loose(s.title),
    )
    for test in tests:
        matches = [s for s in found if key and test(s)]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise CLIError(f"“{wanted}” fits more than one talk; use its id from `talk list`.")
    titles = [s.title for s in found]
    raise not_found("No planned talk called", wanted, titles, "`rekindle talk list` shows them.")


def _first_day(freq: Freq, day: str | None, today: date) -> tuple[date, int | None]:
    """The day to start from, and the day of the month for a monthly talk."""
    if day is None:
        if freq is Freq.ONCE:
            raise CLIError("Say which day with --day YYYY-MM-DD.")
        return today, None
    text = day.strip().casefold()
    if text in ("today", "tomorrow"):
        return today + timedelta(days=text == "tomorrow"), None
    if text.isdigit() and freq is Freq.MONTHLY:
        monthday = int(text)
        if not 1 <= monthday <= 31:
            raise CLIError(f"A month has days 1 to 31, not {monthday}.")
        return today, monthday
    if "-" in text:
        return in_range(checked(parse_date, text)), None
    if freq is not Freq.WEEKLY:
        raise CLIError("Give the day as a date, YYYY-MM-DD (or a day of the month with month).")
    weekday = checked(parse_weekday, text)
    return today + timedelta(days=(weekday - today.weekday()) % 7), None


def run_add(args: argparse.Namespace, context: Context) -> int:
    repeat = checked(parse_every, args.every)
    at = checked(parse_clock, args.at)
    minutes = checked(parse_minutes, args.minutes)
    couple = context.couple()
    tz = args.tz or talks.home_tz(couple)
    on, monthday = _first_day(repeat.freq, args.day, my_today(couple))
    slot = checked(
        plan_slot,
        Couple.new_id(talks.SLOT),
        args.title,
        repeat,
        on,
        at,
        minutes,
        tz,
        now(),
        monthday,
    )
    talks.save_slot(couple, slot, f"Planned “{slot.title}”")
    say(f"Planned “{flat(slot.title)}”: {describe(slot.rule, slot.start, slot.tz, slot.minutes)}.")
    say(f"First: {day_text(slot.start)} {slot.start.year} at {slot.start:%H:%M} ({slot.tz}).")
    return 0


def _meeting_json(meeting: Meeting, tz: str) -> dict[str, Any]:
    return {
        "slot": meeting.slot.id,
        "title": meeting.slot.title,
        "day": meeting.day.isoformat(),
        "start": meeting.start.isoformat(),
        "local": local_in(meeting.start, tz).isoformat(timespec="minutes"),
        "minutes": meeting.slot.minutes,
        "moved": meeting.moved,
    }


def run_list(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()
    moment = now()
    tz = couple.person(couple.me).tz
    coming = upcoming(talks.around(couple, moment), moment)[:8]
    planned = [s for s in talks.slots(couple) if not is_over(s, moment)]
    if args.json:
        data = {
            "slots": [{"id": s.id, **s.to_data()} for s in planned],
            "upcoming": [_meeting_json(m, tz) for m in coming],
        }
        print(as_json(data))
        return 0
    if not planned:
        say("No talks planned yet. Try: rekindle talk add --every week --day sunday --at 20:00")
        return 0
    say("Planned")
    for slot in planned:
        say(
            f"  {slot.id.removeprefix('talk:')}  {flat(slot.title)}: "
            f"{describe(slot.rule, slot.start, slot.tz, slot.minutes)}"
        )
    say("\nComing up")
    today = local_in(moment, tz).date()
    for meeting in coming:
        moved = " (moved)" if meeting.moved else ""
        when = countdown(meeting.start, meeting.slot.minutes, moment, tz)
        start = local_in(meeting.start, tz)
        day = short_date(start.date(), today)
        say(f"  {day} {start:%H:%M}  {flat(meeting.slot.title)}{moved} · {when}")
    return 0


def _logged_day(text: str | None, today: date) -> date:
    if text is None or text.strip().casefold() == "today":
        return today
    if text.strip().casefold() == "yesterday":
        return today - timedelta(days=1)
    day = in_range(checked(parse_date, text))
    if day > today:
        raise CLIError(f"{day} hasn't happened yet; log a talk once you've had it.")
    return day


def _no_blank_options(args: argparse.Namespace) -> None:
    """An option given but left empty is a slip, not a wish to save nothing."""
    for name in ("topic", "heard", "agreed", "followup", "promise"):
        value = getattr(args, name)
        for text in value if isinstance(value, list) else [value]:
            if text is not None and not text.strip():
                raise CLIError(f"--{name} is empty; write a few words, or leave it out.")


def run_log(args: argparse.Namespace, context: Context) -> int:
    _no_blank_options(args)
    couple = context.couple()
    today = my_today(couple)
    day = _logged_day(args.date, today)
    slot_id = find_slot(couple, args.slot).id if args.slot else None
    prompt = args.prompt
    if prompt is not None:
        found = talks.week_prompt(couple, today) if prompt == "week" else None
        found = found or talks.prompt_by_key(couple, prompt.strip())
        if found is None:
            raise CLIError(f"No prompt “{prompt}”; use its key from `rekindle prompt --json`.")
        prompt = found.key
    due = in_range(checked(parse_date, args.due)) if args.due else today + timedelta(days=7)
    if args.promise and due < today:
        raise CLIError(f"{due} has already gone; promises need a day still to come.")
    promises = [
        checked(clean_line, p, "promise", MAX_FOLLOWUP, required=True) for p in args.promise
    ]
    slot_id, original = checked(talks.meeting_on, couple, day, slot_id)
    with couple.store.together():  # the talk, its notes, promises and ticks: one save
        changes = checked(
            talks.log_talk,
            couple,
            slot_id,
            original,
            topic=args.topic,
            agreed=args.agreed,
            heard=args.heard,
            followups=[*args.followup, *promises],
            prompt=prompt,
        )
        written = [c.record_id for c in changes if c.kind == talks.FOLLOWUP]
        by_id = {f.id: f for f in talks.followups(couple)}
        for followup_id in written[len(written) - len(promises) :]:
            talks.followup_to_promise(
                couple, by_id[followup_id], couple.me, couple.partner_key, due, today
            )
    found_slot = talks.slot(couple, slot_id)
    title = f"“{flat(found_slot.title)}”" if found_slot else "an unplanned talk"
    say(f"Logged {title} on {day_text(day)}{ticked_also(couple, changes)}.")
    if promises:
        say(
            f"{count(len(promises), 'promise')} to "
            f"{flat(couple.name_of(couple.partner_key))}, due {day_text(due)}."
        )
    return 0


def _meeting(couple: Couple, args: argparse.Namespace) -> Meeting:
    day = in_range(checked(parse_date, args.date))
    slot_id = find_slot(couple, args.slot).id if args.slot else None
    found_id, original = checked(talks.meeting_on, couple, day, slot_id)
    if found_id == UNPLANNED:
        raise CLIError(f"No talk was planned on {day}; `rekindle talk list` shows what is.")
    moment = now()
    for meeting in talks.around(couple, moment):
        if (meeting.slot.id, meeting.day) == (found_id, original):
            return meeting
    raise CLIError(f"The talk on {day} is too far off to change; pick a nearer one.")


def run_skip(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()
    meeting = _meeting(couple, args)
    if meeting.status is Status.HELD:
        raise CLIError("That talk is logged as held; it can't be skipped now.")
    talks.set_status(couple, meeting, Status.SKIPPED)
    say(f"Skipped “{flat(meeting.slot.title)}” on {day_text(meeting.day)}.")
    return 0


def run_move(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()
    meeting = _meeting(couple, args)
    day = in_range(checked(parse_date, args.to))
    at = checked(parse_clock, args.at) if args.at else meeting.slot.start.time()
    when = datetime.combine(day, at)
    checked(talks.move, couple, meeting, when, now())
    say(f"Moved “{flat(meeting.slot.title)}” to {day_text(when)} at {when:%H:%M}.")
    return 0


def run_end(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()
    slot = find_slot(couple, args.slot)
    talks.end_slot(couple, slot, now())
    say(f"Ended “{flat(slot.title)}”. Its log stays.")
    return 0


def run_followup(args: argparse.Namespace, context: Context) -> int:
    """Open follow-ups, numbered as listed; `--habit` turns one into a habit, as the
    app's Talks screen does (o, then b)."""
    from tracker.domain.editing import followup_habit_draft, habit_from_draft

    couple = context.couple()
    waiting = sorted(
        (f for f in talks.followups(couple) if not f.became), key=lambda f: (f.day, f.id)
    )
    if args.which is None:
        if args.json:
            print(as_json([_followup_json(number, f) for number, f in enumerate(waiting, 1)]))
            return 0
        if not waiting:
            say("No follow-ups waiting. `rekindle talk log --followup WORDS` notes one.")
        for number, followup in enumerate(waiting, 1):
            say(f"{number}. {flat(followup.text)}  ({day_text(followup.day)})")
        return 0
    followup = _find_followup(waiting, args.which)
    if not args.habit:
        raise CLIError("Say what it becomes: add --habit to make it a habit.")
    today = my_today(couple)
    order = len(couple.habits(include_archived=True))
    draft = followup_habit_draft(followup.text)
    habit = checked(habit_from_draft, draft, Couple.new_habit_id(), today, order)
    talks.followup_to_habit(couple, followup, habit)
    say(f"Made “{flat(habit.title)}” a habit the two of you do once a week.")
    return 0


def _followup_json(number: int, followup: Followup) -> dict[str, Any]:
    # "number" is what `talk followup N --habit` takes, so a script can pick one.
    return {"number": number, "id": followup.id, **followup.to_data()}


def _find_followup(waiting: list[Followup], wanted: str) -> Followup:
    text = wanted.strip()
    if text.isdigit():
        if 1 <= int(text) <= len(waiting):
            return waiting[int(text) - 1]
        raise CLIError(f"No follow-up number {text}; `rekindle talk followup` lists them.")
    found = match_title(waiting, lambda f: f.text, text) if text else []
    if len(found) > 1:
        raise ambiguous(wanted, [f.text for f in found], "follow-up")
    if not found:
        hint = "`rekindle talk followup` lists them."
        raise not_found("No follow-up waiting called", wanted, [f.text for f in waiting], hint)
    return found[0]
