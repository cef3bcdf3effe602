"""Love maps' records: each device's start of a round, each person's entry on a question
of a round, and the questions someone hid.

Every record belongs to one person (a start, to one device) and carries its key in its
id, so the two of you never write the same record: a start (`lovemapround:<n>:<device>`,
so two devices starting round n offline each keep theirs), an entry
(`lovemapentry:<n>:<person>:<key>`: that person's answer about themself, their guess
about their partner, and their verdict on their partner's guess about them), a hide
(`lovemaphidden:<person>:<key>`).

Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal

import msgspec

from tracker.domain.text import clean_line
from tracker.domain.validation import IsoDay, convert, valid_day

# A place, a food, a name, a short sentence: room to answer, short enough to compare.
MAX_TEXT = 200
# Rounds are numbered from 1; bounded so a partner's file cannot make us count to 10**18.
MAX_ROUND = 1_000_000
Partner = Literal["a", "b"]
RoundNumber = Annotated[int, msgspec.Meta(ge=1, le=MAX_ROUND)]
# A question's key as the pool writes it ("lovemap-001"), bounded like the daily one.
QuestionKey = Annotated[str, msgspec.Meta(min_length=1, max_length=40)]
# A start names a round's few questions; a longer list is not one Rekindle wrote.
RoundKeys = Annotated[list[QuestionKey], msgspec.Meta(max_length=20)]
Text = Annotated[str, msgspec.Meta(max_length=MAX_TEXT)]
Device = Annotated[str, msgspec.Meta(min_length=1, max_length=80)]


class Verdict(StrEnum):
    """What the person a question is about says of their partner's guess. Stored."""

    RIGHT = "right"
    CLOSE = "close"
    WRONG = "wrong"


def round_id(n: int, device: str) -> str:
    return f"lovemapround:{n}:{device}"


def entry_id(n: int, person: str, key: str) -> str:
    return f"lovemapentry:{n}:{person}:{key}"


def hide_id(person: str, key: str) -> str:
    return f"lovemaphidden:{person}:{key}"


def clean_text(text: str, what: str) -> str:
    """An answer or a guess (`what` says which) as kept: one line, control characters
    dropped, never empty, at most MAX_TEXT characters; ValueError says why not."""
    return clean_line(text, what, MAX_TEXT, required=True)


class RoundStartData(msgspec.Struct):
    n: RoundNumber
    started: IsoDay
    person: Partner
    keys: RoundKeys
    device: Device  # its replica id


@dataclass(frozen=True, slots=True)
class RoundStart:
    """The questions one device picked for round `n`, the day someone there started it."""

    n: int
    started: date
    person: str
    keys: tuple[str, ...]
    device: str

    @property
    def id(self) -> str:
        return round_id(self.n, self.device)

    def to_data(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "started": self.started.isoformat(),
            "person": self.person,
            "keys": list(self.keys),
            "device": self.device,
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> RoundStart:
        found = convert(data, RoundStartData)
        started = valid_day("started", found.started)
        return cls(found.n, started, found.person, tuple(found.keys), found.device)


class EntryData(msgspec.Struct):
    n: RoundNumber
    person: Partner
    key: QuestionKey
    answer: Text = ""  # about themself; "" until written
    guess: Text = ""  # about their partner; "" until written
    verdict: Verdict | None = None  # on their partner's guess about them


@dataclass(frozen=True, slots=True)
class Entry:
    """One person's words on one question of one round."""

    n: int
    person: str
    key: str
    answer: str = ""
    guess: str = ""
    verdict: Verdict | None = None

    @property
    def id(self) -> str:
        return entry_id(self.n, self.person, self.key)

    @property
    def wrote(self) -> bool:
        """Whether this says anything of its own (an answer or a guess)."""
        return bool(self.answer or self.guess)

    def to_data(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "person": self.person,
            "key": self.key,
            "answer": self.answer,
            "guess": self.guess,
            "verdict": self.verdict.value if self.verdict else None,
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Entry:
        found = convert(data, EntryData)
        return cls(found.n, found.person, found.key, found.answer, found.guess, found.verdict)


class HideData(msgspec.Struct):
    person: Partner
    key: QuestionKey


@dataclass(frozen=True, slots=True)
class Hide:
    person: str
    key: str

    @property
    def id(self) -> str:
        return hide_id(self.person, self.key)

    def to_data(self) -> dict[str, Any]:
        return {"person": self.person, "key": self.key}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Hide:
        found = convert(data, HideData)
        return cls(found.person, found.key)
