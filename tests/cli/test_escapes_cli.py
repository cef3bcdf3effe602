"""Issue 15 in the CLI: a partner's escapes, bidi tricks and NaNs never reach stdout raw."""

from __future__ import annotations

import json
import unicodedata
from datetime import timedelta
from pathlib import Path

import pytest
from msgspec.structs import replace

from tests.cli.test_habit_cmds import STARTERS, london_today
from tests.conftest import RunHere
from tests.rekindle_cli import use_config
from tests.ui.hostile import EVIL_NAME, EVIL_TITLE, make_hostile
from tracker.domain.models import Check, Person
from tracker.store.setup import create_couple

FAMILY = "👨\u200d👩\u200d👧"
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
HIDING = set("\u200b\u200c\u2060\ufeff")
SPLIT_TITLE = "Hug\u202e gnol\nfake line\u200b"  # reversed, split, hidden


def raw_controls(out: str) -> set[str]:
    """What a terminal would obey, reorder or hide: all but the line breaks."""
    return {
        ch for ch in out if (unicodedata.category(ch) == "Cc" and ch != "\n") or ch in BIDI | HIDING
    }


def strict(out: str) -> object:
    def refuse(constant: str) -> object:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(out, parse_constant=refuse)


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Alex's device; Sam's name, a habit, a device and a folder full of tricks."""
    config = tmp_path / "conf"
    use_config(monkeypatch, config)
    today = london_today()
    couple = create_couple(
        tmp_path / "Rekindle", "Alex", "Sam", "Europe/London", 4, STARTERS, today=today
    )
    make_hostile(couple, today)
    me = couple.person("a")
    couple.save_person(Person("a", f"Alex {FAMILY}", me.tz, me.day_start))
    habits = couple.habits()
    couple.save_habit(replace(habits[1], title=SPLIT_TITLE))
    measured = next(h for h in habits if h.measurable)
    # A hand-edited or hostile file can hold NaN and Infinity where numbers go.
    couple.set_check(Check(measured.id, "a", today, value=float("nan")))
    couple.set_check(Check(measured.id, "b", today - timedelta(days=1), value=float("inf")))
    couple.store.close()
    return config


@pytest.mark.parametrize(
    "command",
    [("status",), ("habits",), ("doctor",), ("sync", "status")],
    ids=lambda c: " ".join(c),
)
def test_plain_output_shows_tricks_inertly_one_record_a_line(
    config: Path, command: tuple[str, ...], rekindle_here: RunHere
) -> None:
    result = rekindle_here(config, *command)
    assert result.code == 0, result.err
    assert not raw_controls(result.out + result.err)
    assert "\x9b" not in result.out
    if command != ("doctor",) and command != ("sync", "status"):
        assert "fake line" not in [line.strip() for line in result.out.splitlines()]
        assert any("Hug" in line and "fake line" in line for line in result.out.splitlines())
    if command == ("status",):
        assert f"Alex {FAMILY} (you)" in result.out  # the family stays one emoji
        assert "Sam␛]0;pwned␇␛[2J␛[Hwiped" in result.out
    if command == ("habits",):
        assert "Thanks␛]0;pwned␇␛[2J␛[Hwiped" in result.out
    if command in (("doctor",), ("sync", "status")):
        assert "pc␛]0;pwned␇␛[2J␛[Hwiped" in result.out  # the device
        assert "sam␛]0;pwned␇␛[2J␛[Hwiped" in result.out  # the replica folder
        assert "conflicted copy" in result.out


@pytest.mark.parametrize(
    "command",
    [
        ("status", "--json"),
        ("habits", "--json"),
        ("doctor", "--json"),
        ("sync", "status", "--json"),
    ],
    ids=lambda c: " ".join(c),
)
def test_json_is_strict_ascii_and_gives_the_text_back_exactly(
    config: Path, command: tuple[str, ...], rekindle_here: RunHere
) -> None:
    result = rekindle_here(config, *command)
    assert result.code == 0, result.err
    assert result.out.isascii()  # no raw control, bidi or zero-width character
    data = strict(result.out)  # no NaN or Infinity either
    text = json.dumps(data, ensure_ascii=False)
    if command[0] in ("status", "habits"):
        # A reader gets the words exactly as stored, escapes and all, as \u escapes.
        assert json.dumps(EVIL_TITLE, ensure_ascii=False) in text
        assert json.dumps(SPLIT_TITLE, ensure_ascii=False) in text
    if command[0] == "status":
        assert data["people"]["a"]["name"] == f"Alex {FAMILY}"
        assert data["people"]["b"]["name"] == EVIL_NAME


def test_as_json_turns_non_finite_numbers_into_null_and_escapes_text() -> None:
    from tracker.cli.common import as_json

    out = as_json({"a": [float("nan"), {"b": float("-inf")}, (1.5,)], "c": "\x1b]0;x\x07\u202e"})
    assert out.isascii()
    assert strict(out) == {"a": [None, {"b": None}, [1.5]], "c": "\x1b]0;x\x07\u202e"}
