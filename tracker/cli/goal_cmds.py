"""`rekindle goals` and `rekindle align`: the Goals screen, readable from a script."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from tracker.cli.common import DATA_OPTION, Context, as_json, flat, my_today, say
from tracker.cli.goal_lookup import open_for_goals
from tracker.domain.goals.alignment import METHOD, Alignment, percent
from tracker.domain.goals.model import due_words, ordered, progress
from tracker.domain.goals.priorities import latest, month_label, review_due
from tracker.domain.goals.values import area_label, horizon_label
from tracker.store import goals as store
from tracker.store.couple import Couple


def register(commands: Any) -> None:
    listing = commands.add_parser(
        "goals", parents=[DATA_OPTION], help="shared and personal goals, with milestones"
    )
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(run=run_goals)

    summary = commands.add_parser(
        "align", parents=[DATA_OPTION], help="where your values and visions meet, and differ"
    )
    summary.add_argument("--json", action="store_true", help="machine-readable output")
    summary.set_defaults(run=run_align)


def goals_data(couple: Couple, today: date) -> dict[str, Any]:
    milestones = store.milestones(couple)
    taken = store.taken_on(couple)
    every = store.review_every(couple)
    found = []
    for goal in store.goals(couple):
        done = progress(goal, milestones)
        found.append(
            {
                "id": goal.id,
                "title": goal.title,
                "owner": goal.owner,
                "why": goal.why,
                "target": goal.target.isoformat() if goal.target else None,
                "reached": goal.reached,
                "progress": round(done.share, 4),
                "milestones": [
                    {"id": m.id, **m.to_data()}
                    for m in ordered(m for m in milestones if m.goal_id == goal.id)
                ],
                "support": [
                    {
                        "key": s.key,
                        "text": s.text,
                        "taken_on_by": taken.get((goal.id, s.key), ("", ""))[0] or None,
                    }
                    for s in goal.support
                ],
                "started": [{"what": w, "title": t} for w, t in store.links(couple, goal.id)],
            }
        )
    priorities = {}
    for person in ("a", "b"):
        history = store.reviews(couple, person)
        last = latest(history)
        priorities[person] = {
            "name": couple.name_of(person),
            "latest": {"month": last.month, "ranked": list(last.ranked)} if last else None,
            "due": review_due(history, today, every),
        }
    return {
        "day": today.isoformat(),
        "goals": found,
        "priorities": {"review_every_months": every, "people": priorities},
    }


def run_goals(args: argparse.Namespace, context: Context) -> int:
    couple = open_for_goals(context)
    today = my_today(couple)
    data = goals_data(couple, today)
    if args.json:
        print(as_json(data))
        return 0
    shared = [g for g in data["goals"] if g["owner"] == "us"]
    sections = [("Shared goals", shared)] + [
        (
            f"{couple.name_of(p)}'s own goals",
            [g for g in data["goals"] if g["owner"] == p],
        )
        for p in (couple.me, couple.partner_key)
    ]
    for title, found in sections:
        say(title)
        if not found:
            say("  (none yet: `rekindle goal add`, or the Goals screen, key 6)")
        for goal in found:
            state = "reached" if goal["reached"] else f"{round(goal['progress'] * 100)}%"
            target = f" · by {goal['target']}" if goal["target"] else ""
            say(f"  {flat(goal['title'])}  ({state}{target})")
            for m in goal["milestones"]:
                mark = "✓" if m["done"] else "·"
                due_on = date.fromisoformat(m["due"]) if m["due"] else None
                when = f" · {due_words(due_on, today, done=m['done'])}" if due_on else ""
                say(f"    {mark} {flat(m['title'])}{when}")
            for s in goal["support"]:
                helped = " (taken on)" if s["taken_on_by"] else ""
                say(f"    → how you can help: {flat(s['text'])}{helped}")
        say()
    for person in data["priorities"]["people"].values():
        last = person["latest"]
        if last is None:
            say(f"{flat(person['name'])} hasn't ranked priorities yet.")
        else:
            top = ", ".join(last["ranked"][:3])
            due = " · a new review is due" if person["due"] else ""
            say(f"{flat(person['name'])}'s priorities ({month_label(last['month'])}): {top}…{due}")
    return 0


def alignment_data(found: Alignment, me: str, partner: str) -> dict[str, Any]:
    """Sides keyed by partner ("a", "b"), since two people may share a name."""
    first, second = me, partner
    return {
        "people": {me: found.names[0], partner: found.names[1]},
        "score": None if found.score is None else round(found.score, 4),
        "values_part": None if found.values_part is None else round(found.values_part, 4),
        "vision_part": None if found.vision_part is None else round(found.vision_part, 4),
        "why": found.why,
        "method": METHOD,
        "values": [
            {"value": r.label, first: r.rank_first, second: r.rank_second} for r in found.values
        ],
        "areas": [
            {
                "area": r.area,
                "overlap": None if r.overlap is None else round(r.overlap, 4),
                first: {str(k): v for k, v in r.first.items()},
                second: {str(k): v for k, v in r.second.items()},
            }
            for r in found.areas
        ],
        "agreements": list(found.agreements),
        "to_talk_about": [
            {"kind": d.kind.value, "summary": d.summary, "question": d.question}
            for d in found.divergences
        ],
    }


def run_align(args: argparse.Namespace, context: Context) -> int:
    couple = open_for_goals(context)
    found = store.alignment(couple)
    if args.json:
        print(as_json(alignment_data(found, couple.me, couple.partner_key)))
        return 0
    first, second = found.names
    score = "no score yet" if found.score is None else percent(found.score)
    say(f"Alignment: {score}")
    say(f"  values {percent(found.values_part)} · vision {percent(found.vision_part)}")
    say(f"  {flat(found.why)}")
    for name, index in ((first, 0), (second, 1)):
        ranked = [
            (row.rank_first if index == 0 else row.rank_second, row.label) for row in found.values
        ]
        shown = [f"{rank}. {label}" for rank, label in sorted(r for r in ranked if r[0])]
        say(f"{flat(name)}'s values: {'  '.join(shown) if shown else '(none picked yet)'}")
    if found.agreements:
        say("\nIn common")
        for line in found.agreements:
            say(f"  ✓ {flat(line)}")
    if found.divergences:
        say("\nTo talk about")
        for item in found.divergences:
            say(f"  ◇ {flat(item.summary)}")
            say(f"      {flat(item.question)}")
    written = [row for row in found.areas if row.first or row.second]
    if written:
        say("\nVision")
        for row in written:
            for years in sorted(set(row.first) | set(row.second)):
                say(f"  {area_label(row.area)}, {horizon_label(years)}")
                say(f"    {flat(first)}: {flat(row.first.get(years, '(not written yet)'))}")
                say(f"    {flat(second)}: {flat(row.second.get(years, '(not written yet)'))}")
    say(f"\n{METHOD}")
    return 0
