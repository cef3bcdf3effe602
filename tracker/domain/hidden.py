"""A question one of you asked never to be given again: the daily question's and the love
maps' hides are the same record, each feature with its own kind and id prefix."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, Literal, Self

import msgspec

from tracker.domain.validation import convert

# A question's key in our decks: what a partner's file may hold for it, at most.
QuestionKey = Annotated[str, msgspec.Meta(min_length=1, max_length=40)]


class HideData(msgspec.Struct):
    person: Literal["a", "b"]
    key: QuestionKey


@dataclass(frozen=True, slots=True)
class HiddenQuestion:
    """One person's hide of one question; `PREFIX` names the feature in its record id."""

    PREFIX: ClassVar[str]
    person: str
    key: str

    @property
    def id(self) -> str:
        return f"{self.PREFIX}:{self.person}:{self.key}"

    def to_data(self) -> dict[str, Any]:
        return {"person": self.person, "key": self.key}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Self:
        found = convert(data, HideData)
        return cls(found.person, found.key)
