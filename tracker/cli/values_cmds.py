"""`rekindle values`, `rekindle vision` and `rekindle priorities`: what each of you
holds dear, pictures ahead and gives time to, read and written from a script.

Writing asks the rules the Goals screen's dialogs ask (`own_value`, `add_value`,
`clean_vision`, `reranked`), and saves through the same store calls, for this
device's person only: the other's answers are theirs to write.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from tracker.cli.common import DATA_OPTION, CLIError, Context, as_json, checked, flat, my_today, say
from tracker.cli.goal_lookup import open_for_goals
from tracker.cli.matching import ambiguous, match_title, not_found

if TYPE_CHECKING:
    from tracker.store.couple import Couple


def register(commands: Any) -> None:
    values = commands.add_parser(
        "values", parents=[DATA_OPTION], help="your values, most important first: list or set"
    )
    values.add_argument("--json", action="store_true", help="machine-readable output")
    values.set_defaults(run=run_values)
    steps = values.add_subparsers(dest="step")
    chosen = steps.add_parser(
        "set", parents=[DATA_OPTION], help="your values in order (replaces the list)"
    )
    chosen.add_argument(
        "value", nargs="+", help="a value from `rekindle values --choices`, or your own words"
    )
    chosen.set_defaults(run=run_set_values)
    steps.add_parser("clear", parents=[DATA_OPTION], help="empty your list").set_defaults(
        run=run_set_values, value=[]
    )
    values.add_argument("--choices", action="store_true", help="the values the app offers")

    vision = commands.add_parser(
        "vision", parents=[DATA_OPTION], help="where you see yourselves in 1, 5 and 10 years"
    )
    vision.add_argument("--json", action="store_true", help="machine-readable output")
    vision.set_defaults(run=run_vision)
    written = vision.add_subparsers(dest="step").add_parser(
        "set", parents=[DATA_OPTION], help='write yours for one area and horizon ("" clears)'
    )
    written.add_argument("area", help="home, family, work, money, health, travel, …")
    written.add_argument("years", help="1, 5 or 10")
    written.add_argument("text", help="a sentence or two (up to 400 characters)")
    written.set_defaults(run=run_set_vision)

    priorities = commands.add_parser(
        "priorities", parents=[DATA_OPTION], help="what your time goes to, ranked each month"
    )
    priorities.add_argument("--json", action="store_true", help="machine-readable output")
    priorities.set_defaults(run=run_priorities)
    reviews = priorities.add_subparsers(dest="step")
    rank = reviews.add_parser(
        "rank", parents=[DATA_OPTION], help="this month's order: those named first, in order"
    )
    rank.add_argument("priority", nargs="+", help="e.g. work family rest (any unique part)")
    rank.set_defaults(run=run_rank)
    every = reviews.add_parser(
        "every", parents=[DATA_OPTION], help="how many months between reviews: 1, 2, 3 or 6"
    )
    every.add_argument("months", type=int)
    every.set_defaults(run=run_every)


def _choose(items: Sequence[str], wanted: str, noun: str) -> str:
    """One of `items` named loosely, or a refusal with the nearest offered back."""
    found = match_title(items, lambda item: item, wanted)
    if len(found) > 1:
        raise ambiguous(wanted, found, noun)
    if not found:
        listed = ", ".join(items)
        raise not_found(f"No {noun} called", wanted, items, f"Pick from: {listed}.")
    return found[0]


# -- values -------------------------------------------------------------------------


def each_person(couple: Couple, key: str, read: Callable[[str], Any]) -> dict[str, Any]:
    """{"people": {"a": {"name": …, key: read("a")}, "b": …}}, this device's person first;
    keyed by partner, since two people may share a name."""
    return {
        "people": {
            person: {"name": couple.name_of(person), key: read(person)}
            for person in (couple.me, couple.partner_key)
        }
    }


def values_data(couple: Couple) -> dict[str, Any]:
    from tracker.domain.goals.values import OWN, value_label
    from tracker.store import goals as store

    def ranked(person: str) -> list[dict[str, Any]]:
        return [
            {"key": key, "label": value_label(key), "own": key.startswith(OWN)}
            for key in store.values_of(couple, person)
        ]

    return each_person(couple, "values", ranked)


def run_values(args: argparse.Namespace, context: Context) -> int:
    from tracker.domain.content.values import VALUES

    if args.choices:
        offered = [{"key": v.key, "label": v.name, "about": v.description} for v in VALUES]
        if args.json:
            print(as_json(offered))
            return 0
        width = max(len(value["label"]) for value in offered)
        for value in offered:
            say(f"{value['label']:<{width}}  {value['about']}")
        return 0
    data = values_data(open_for_goals(context))
    if args.json:
        print(as_json(data))
        return 0
    for person in data["people"].values():
        shown = [f"{i}. {flat(v['label'])}" for i, v in enumerate(person["values"], 1)]
        say(f"{flat(person['name'])}: {'  '.join(shown) if shown else '(none picked yet)'}")
    return 0


def run_set_values(args: argparse.Namespace, context: Context) -> int:
    from tracker.domain.goals.values import add_value, own_value, value_label
    from tracker.store import goals as store

    couple = open_for_goals(context)
    ranked: list[str] = []
    for typed in args.value:
        ranked = checked(add_value, ranked, checked(own_value, typed))
    store.save_values(couple, couple.me, ranked)
    shown = [f"{i}. {flat(value_label(key))}" for i, key in enumerate(ranked, 1)]
    say(f"Saved your values: {'  '.join(shown)}." if shown else "Emptied your list of values.")
    return 0


# -- vision -------------------------------------------------------------------------


def vision_data(couple: Couple) -> dict[str, Any]:
    from tracker.store import goals as store

    def written(person: str) -> list[dict[str, Any]]:
        found = sorted(store.vision_of(couple, person).items())
        return [{"area": area, "years": years, "text": text} for (area, years), text in found]

    return each_person(couple, "vision", written)


def run_vision(args: argparse.Namespace, context: Context) -> int:
    from tracker.domain.goals.values import area_label, horizon_label

    data = vision_data(open_for_goals(context))
    if args.json:
        print(as_json(data))
        return 0
    for person in data["people"].values():
        say(f"{flat(person['name'])}'s vision")
        if not person["vision"]:
            say("  (not written yet)")
        for row in person["vision"]:
            where = f"{area_label(row['area'])}, {horizon_label(row['years'])}"
            say(f"  {where}: {flat(row['text'])}")
    return 0


def run_set_vision(args: argparse.Namespace, context: Context) -> int:
    from tracker.domain.content.values import LIFE_AREAS
    from tracker.domain.goals.values import HORIZONS, area_label, clean_vision, horizon_label
    from tracker.store import goals as store

    area = _choose(LIFE_AREAS, args.area, "life area")
    years = args.years.strip().removesuffix("y").strip()
    if years not in {str(h) for h in HORIZONS}:
        raise CLIError("Pick a horizon of 1, 5 or 10 years, as the Vision tab has.")
    horizon = int(years)
    couple = open_for_goals(context)
    text = checked(clean_vision, args.text, area, horizon)
    with couple.store.together():
        changes = store.save_one_vision(couple, couple.me, area, horizon, text)
    where = f"{area_label(area)} in {horizon_label(horizon)}"
    if not changes:
        say(f"{where} already reads that way; nothing to change.")
    elif text:
        say(f"Saved your vision for {where}.")
    else:
        say(f"Cleared your vision for {where}.")
    return 0


# -- priorities ---------------------------------------------------------------------


def priorities_data(couple: Couple) -> dict[str, Any]:
    from tracker.domain.goals.priorities import review_due
    from tracker.store import goals as store

    every = store.review_every(couple)
    today = my_today(couple)
    people = {}
    for person in (couple.me, couple.partner_key):
        history = store.reviews(couple, person)
        people[person] = {
            "name": couple.name_of(person),
            "due": review_due(history, today, every),
            "reviews": [{"month": r.month, "ranked": list(r.ranked)} for r in history],
        }
    return {"day": today.isoformat(), "review_every_months": every, "people": people}


def run_priorities(args: argparse.Namespace, context: Context) -> int:
    from tracker.domain.goals.priorities import month_label

    data = priorities_data(open_for_goals(context))
    if args.json:
        print(as_json(data))
        return 0
    every = data["review_every_months"]
    say("Reviewed every month" if every == 1 else f"Reviewed every {every} months")
    for person in data["people"].values():
        due = " · a new review is due" if person["due"] else ""
        if not person["reviews"]:
            say(f"{flat(person['name'])} hasn't ranked priorities yet.")
            continue
        last = person["reviews"][-1]
        ranked = "  ".join(f"{i}. {item}" for i, item in enumerate(last["ranked"], 1))
        say(f"{flat(person['name'])} ({month_label(last['month'])}{due}): {ranked}")
    return 0


def run_rank(args: argparse.Namespace, context: Context) -> int:
    from tracker.domain.content.values import LIFE_PRIORITIES
    from tracker.domain.goals.priorities import month_key, month_label, reranked, starting_order
    from tracker.store import goals as store

    chosen = [_choose(LIFE_PRIORITIES, typed, "priority") for typed in args.priority]
    couple = open_for_goals(context)
    start = starting_order(store.reviews(couple, couple.me))
    ranked = checked(reranked, chosen, start)
    today = my_today(couple)
    store.save_review(couple, couple.me, today, ranked)
    shown = "  ".join(f"{i}. {item}" for i, item in enumerate(ranked, 1))
    say(f"Saved your priorities for {month_label(month_key(today))}: {shown}")
    return 0


def run_every(args: argparse.Namespace, context: Context) -> int:
    from tracker.store import goals as store

    couple = open_for_goals(context)
    checked(store.set_review_every, couple, args.months)
    label = "every month" if args.months == 1 else f"every {args.months} months"
    say(f"Priorities review: {label}.")
    return 0
