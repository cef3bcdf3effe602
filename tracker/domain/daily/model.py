"""The daily question's records: which question a day was given, each person's answer,
and the questions someone hid.

Every record belongs to one person and carries its key in its id, so the two of you
never write the same record: a day's question as each device first gave it
(`dailyasked:<day>:<device>`, so even one person's laptop and phone, offline, each keep
theirs and every device settles on the earlier), an answer (`dailyanswer:<day>:<person>`), a hide
(`dailyhidden:<person>:<key>`). Answers are filed by day and person, never by question,
so an answer survives whatever question the day settles on after a sync.

Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

import msgspec

from tracker.domain.hidden import HiddenQuestion, QuestionKey
from tracker.domain.text import strip_controls
from tracker.domain.validation import IsoDay, convert, valid_day

MAX_ANSWER = 1000  # a few sentences: room to say something, not a diary entry
Partner = Literal["a", "b"]
# A question's key as the pool writes it ("daily-001"); bounded so a partner's file
# cannot hand us a megabyte of key.
AnswerText = Annotated[str, msgspec.Meta(max_length=MAX_ANSWER)]


def asked_id(day: date, device: str) -> str:
    return f"dailyasked:{day.isoformat()}:{device}"


def answer_id(day: date, person: str) -> str:
    return f"dailyanswer:{day.isoformat()}:{person}"


def clean_answer(text: str) -> str:
    """An answer as kept: line breaks kept, control characters dropped, never empty,
    at most MAX_ANSWER characters."""
    kept = strip_controls(text).strip()
    if not kept:
        raise ValueError("The answer is empty; write a few words.")
    if len(kept) > MAX_ANSWER:
        raise ValueError(
            f"An answer can hold up to {MAX_ANSWER:,} characters; this one has "
            f"{len(kept):,}. Shorten it a little."
        )
    return kept


class AskedData(msgspec.Struct):
    day: IsoDay
    person: Partner
    key: QuestionKey
    device: Annotated[str, msgspec.Meta(min_length=1, max_length=80)]  # its replica id


@dataclass(frozen=True, slots=True)
class Asked:
    """The question one person's device gave a day, the first time it was opened there."""

    day: date
    person: str
    key: str
    device: str

    @property
    def id(self) -> str:
        return asked_id(self.day, self.device)

    def to_data(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "person": self.person,
            "key": self.key,
            "device": self.device,
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Asked:
        found = convert(data, AskedData)
        return cls(valid_day("day", found.day), found.person, found.key, found.device)


class AnswerData(msgspec.Struct):
    day: IsoDay
    person: Partner
    key: QuestionKey  # the question as it stood when answered
    text: AnswerText


@dataclass(frozen=True, slots=True)
class Answer:
    day: date
    person: str
    key: str
    text: str

    @property
    def id(self) -> str:
        return answer_id(self.day, self.person)

    def to_data(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "person": self.person,
            "key": self.key,
            "text": self.text,
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Answer:
        found = convert(data, AnswerData)
        return cls(valid_day("day", found.day), found.person, found.key, found.text)


@dataclass(frozen=True, slots=True)
class Hide(HiddenQuestion):
    PREFIX = "dailyhidden"
