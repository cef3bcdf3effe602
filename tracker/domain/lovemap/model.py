"""Love maps' records: each device's start of a round, each person's answer, guess and
verdict on a question of a round, and the questions someone hid.

Every record belongs to one person (a start, to one device) and carries its key in its
id, so the two of you never write the same record: a start (`lovemapround:<n>:<device>`,
so two devices starting round n offline each keep theirs); on each question of a round,
each person's answer about themself (`lovemapanswer:<n>:<person>:<key>`), guess about
their partner (`lovemapguess:…`) and verdict on their partner's guess about them
(`lovemapmark:…`); a hide (`lovemaphidden:<person>:<key>`). The three parts are
records of their own because a record first written on two devices at once is settled
whole, the later one winning: one person answering on a laptop and guessing on a phone,
offline, keeps both.

Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, Any, Literal, Self

import msgspec

from tracker.domain.hidden import HiddenQuestion, QuestionKey
from tracker.domain.text import clean_line
from tracker.domain.validation import IsoDay, convert, valid_day

# A place, a food, a name, a short sentence: room to answer, short enough to compare.
MAX_TEXT = 200
# Rounds are numbered from 1; bounded so a partner's file cannot make us count to 10**18.
MAX_ROUND = 1_000_000
Partner = Literal["a", "b"]
RoundNumber = Annotated[int, msgspec.Meta(ge=1, le=MAX_ROUND)]
# A question's key as the pool writes it ("lovemap-001"), bounded like the daily one.
# A start names a round's few questions; a longer list is not one Rekindle wrote.
RoundKeys = Annotated[list[QuestionKey], msgspec.Meta(max_length=20)]
Device = Annotated[str, msgspec.Meta(min_length=1, max_length=80)]


class Verdict(StrEnum):
    """What the person a question is about says of their partner's guess. Stored."""

    RIGHT = "right"
    CLOSE = "close"
    WRONG = "wrong"


def round_id(n: int, device: str) -> str:
    return f"lovemapround:{n}:{device}"


ANSWER_PREFIX, GUESS_PREFIX, MARK_PREFIX = "lovemapanswer", "lovemapguess", "lovemapmark"


def part_id(prefix: str, n: int, person: str, key: str) -> str:
    """An answer's, a guess's or a mark's id: one person's, on one question of round n."""
    return f"{prefix}:{n}:{person}:{key}"


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


class PartData(msgspec.Struct):
    n: RoundNumber
    person: Partner
    key: QuestionKey


class WordsData(PartData):
    text: Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_TEXT)]


class MarkData(PartData):
    verdict: Verdict


@dataclass(frozen=True, slots=True)
class Words:
    """One person's words on one question of a round: an Answer about themself or a Guess
    about their partner, each a record of its own, so writing one never touches the
    other (not even when a laptop and a phone each write theirs first, offline)."""

    PREFIX = ""

    n: int
    person: str
    key: str
    text: str

    @property
    def id(self) -> str:
        return part_id(self.PREFIX, self.n, self.person, self.key)

    def to_data(self) -> dict[str, Any]:
        return {"n": self.n, "person": self.person, "key": self.key, "text": self.text}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Self:
        found = convert(data, WordsData)
        return cls(found.n, found.person, found.key, found.text)


class Answer(Words):
    __slots__ = ()
    PREFIX = ANSWER_PREFIX


class Guess(Words):
    __slots__ = ()
    PREFIX = GUESS_PREFIX


@dataclass(frozen=True, slots=True)
class Mark:
    """What one person says of their partner's guess about them."""

    n: int
    person: str
    key: str
    verdict: Verdict

    @property
    def id(self) -> str:
        return part_id(MARK_PREFIX, self.n, self.person, self.key)

    def to_data(self) -> dict[str, Any]:
        data = {"n": self.n, "person": self.person, "key": self.key}
        return {**data, "verdict": self.verdict.value}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Mark:
        found = convert(data, MarkData)
        return cls(found.n, found.person, found.key, found.verdict)


@dataclass(frozen=True, slots=True)
class Entry:
    """One person's answer, guess and mark on one question of a round, gathered from
    their records ("" and None for what is not written yet)."""

    n: int
    person: str
    key: str
    answer: str = ""
    guess: str = ""
    verdict: Verdict | None = None

    @property
    def wrote(self) -> bool:
        """Whether this says anything of its own (an answer or a guess)."""
        return bool(self.answer or self.guess)


def gather(
    answers: Iterable[Words], guesses: Iterable[Words], marks: Iterable[Mark]
) -> list[Entry]:
    """Each person's records on each question of each round as one Entry."""
    found: dict[tuple[int, str, str], dict[str, Any]] = {}
    for name, parts in (("answer", answers), ("guess", guesses)):
        for part in parts:
            found.setdefault((part.n, part.person, part.key), {})[name] = part.text
    for mark in marks:
        found.setdefault((mark.n, mark.person, mark.key), {})["verdict"] = mark.verdict
    return [Entry(n, person, key, **parts) for (n, person, key), parts in found.items()]


@dataclass(frozen=True, slots=True)
class Hide(HiddenQuestion):
    PREFIX = "lovemaphidden"
