"""Turning a record's stored data into typed values, and saying what was wrong if not.

The shapes are declared once, as msgspec structs beside each domain type, with
their bounds; nothing here is hand-written per field. A value that fails is
named (which field, and why) so `doctor` can point at it: "from a newer
Rekindle" for a value this version does not know (an enum member or a field
that has grown into a structure), "damaged" for anything else.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Annotated, Any, TypeVar

import msgspec

NEWER = "from a newer Rekindle"
DAMAGED = "damaged"

# Years a person could mean: far enough out that date arithmetic (a year ahead, a
# streak back) can never overflow, and no date picker offers anything outside them.
MIN_YEAR, MAX_YEAR = 1900, 2200
# An ISO day, checked by shape here and by the calendar in `valid_day`.
IsoDay = Annotated[str, msgspec.Meta(pattern=r"^\d{4}-\d{2}-\d{2}$")]
# Integers and amounts large enough for anything a person types, small enough that
# nothing loops or allocates by them; NaN and infinities fail both bounds.
Count = Annotated[int, msgspec.Meta(ge=-1_000_000_000, le=1_000_000_000)]
Amount = Annotated[float, msgspec.Meta(ge=-1e12, le=1e12)]
# A day that may be left out (None or "" in older records).
MaybeDay = IsoDay | None
# A wall time as stored ("2026-11-04T19:30"), checked by `valid_moment`.
IsoMoment = Annotated[str, msgspec.Meta(min_length=10, max_length=40)]

S = TypeVar("S")
StructType = TypeVar("StructType", bound=msgspec.Struct)

_AT = re.compile(r"^(?P<why>.*?) - at `\$(?P<path>[^`]*)`$", re.DOTALL)


class Invalid(ValueError):
    """A record's data that does not fit its kind: which field, and why."""

    def __init__(self, field: str, detail: str, newer: bool = False) -> None:
        super().__init__(f"{field or 'record'}: {detail}")
        self.field = field
        self.detail = detail
        self.newer = newer

    @property
    def reason(self) -> str:
        return NEWER if self.newer else DAMAGED


def _is_newer(detail: str) -> bool:
    # An enum member we do not know, or a structure where we expect a plain value:
    # both are what a later version adding an option or growing a field would write.
    return detail.startswith("Invalid enum value") or detail.endswith(
        ("got `object`", "got `array`")
    )


def invalid_from(error: msgspec.ValidationError) -> Invalid:
    text = str(error)
    match = _AT.match(text)
    if match is None:
        # Raised by a struct's own check (__post_init__), written as "field: why".
        field, sep, detail = text.partition(": ")
        return Invalid(field if sep else "", detail if sep else text)
    path = match["path"].lstrip(".").replace("[", ".").replace("]", "")
    return Invalid(path, match["why"], _is_newer(match["why"]))


def convert(data: Mapping[str, Any], shape: type[S]) -> S:
    """`data` as the struct `shape`, or Invalid. Unknown extra fields are ignored (a newer
    version may add some; the stored record keeps them). Not strict about "3" for 3,
    which older hand-edited files may hold."""
    if not isinstance(data, Mapping):
        raise Invalid("", "not an object")
    try:
        return msgspec.convert(data, shape, strict=False)
    except msgspec.ValidationError as error:
        raise invalid_from(error) from None


def fitting_fields(
    data: Mapping[str, Any], shape: type[StructType], base: Mapping[str, Any]
) -> StructType:
    """`shape` from `base` plus every field of `data` that fits on its own: a record with one
    bad value keeps the rest of what it says (only the bad ones take their defaults)."""
    kept = dict(base)
    for name in msgspec.structs.fields(shape):
        if name.encode_name in data and name.encode_name not in kept:
            trial = {**kept, name.encode_name: data[name.encode_name]}
            try:
                msgspec.convert(trial, shape, strict=False)
            except msgspec.ValidationError:
                continue
            kept = trial
    return msgspec.convert(kept, shape, strict=False)


def valid_day(field: str, text: str, parse: Any = date.fromisoformat) -> date:
    """A calendar day within the years a person could mean, or Invalid naming `field`."""
    try:
        day: date = parse(text)
    except ValueError as error:
        raise Invalid(field, str(error)) from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise Invalid(field, f"year {day.year} is outside {MIN_YEAR}–{MAX_YEAR}")
    return day


def optional_day(field: str, text: str | None) -> date | None:
    """An optional day (None or "" for none), checked like `valid_day` when there is one."""
    return valid_day(field, text) if text else None


def valid_moment(field: str, text: str) -> datetime:
    """A naive local wall time within the years a person could mean, or Invalid naming
    `field`. An offset some writer added is dropped: these times are local by design."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as error:
        raise Invalid(field, str(error)) from None
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise Invalid(field, f"year {moment.year} is outside {MIN_YEAR}–{MAX_YEAR}")
    return moment.replace(tzinfo=None)


def known_zone(field: str, name: str, problem: Callable[[str], str | None]) -> str:
    """An IANA zone name `problem` accepts, or Invalid naming `field`."""
    why = problem(name)
    if why:
        raise Invalid(field, why)
    return name
