"""docs/cli-json.md read as a contract: its `Run:` lines, and the shape under them.

The page is the one source of truth for what `--json` prints; the tests run each `Run:`
line and hold what it prints against the shape (`problems`), so a renamed, dropped or
added key fails a test until the page says so too. The notation is the page's own
("How the shapes are written")."""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli-json.md"
RUN = re.compile(r"^Run: `rekindle (?P<args>[^`]+)`\s*$")


@dataclass(frozen=True)
class Section:
    """One block of the page, with every command line said to print it."""

    heading: str
    runs: tuple[tuple[str, ...], ...]
    shape: Any = field(compare=False)


def sections(text: str | None = None) -> list[Section]:
    text = DOC.read_text(encoding="utf-8") if text is None else text
    found: list[Section] = []
    heading, runs, block = "", list[tuple[str, ...]](), list[str]()
    in_block = False
    for line in text.splitlines():
        if in_block:
            if line.strip() == "```":
                assert runs, f"a json block under “{heading}” with no Run: line above it"
                found.append(Section(heading, tuple(runs), json.loads("\n".join(block))))
                runs, block, in_block = [], [], False
            else:
                block.append(line)
        elif line.startswith("## "):
            assert not runs, f"Run: lines under “{heading}” with no json block after them"
            heading = line.removeprefix("## ").strip()
        elif match := RUN.match(line):
            runs.append(tuple(shlex.split(match["args"])))
        elif line.strip() == "```json":
            in_block = True
    assert not runs and not in_block, f"“{heading}” ends without its json block"
    return found


def _leaf(value: object, kinds: str) -> bool:
    for kind in kinds.split("|"):
        if kind == "any":
            return True
        if kind == "null" and value is None:
            return True
        if kind == "bool" and isinstance(value, bool):
            return True
        if kind == "object" and isinstance(value, dict):
            return True
        if isinstance(value, bool):
            continue  # a bool is an int to Python, never to the page
        if kind == "int" and isinstance(value, int):
            return True
        if kind == "number" and isinstance(value, int | float):
            return True
        if kind == "str" and isinstance(value, str):
            return True
        if kind in ("date", "datetime") and isinstance(value, str):
            try:
                (date if kind == "date" else datetime).fromisoformat(value)
            except ValueError:
                continue
            return True
    return False


@dataclass
class Check:
    """What one value was found to break, and which lists in the shape held an item (a
    list that is always empty proves nothing about its items)."""

    problems: list[str] = field(default_factory=list)
    filled: set[str] = field(default_factory=set)

    def value(self, value: object, shape: Any, where: str = "$") -> None:
        if isinstance(shape, str):
            if not _leaf(value, shape):
                self.problems.append(f"{where}: {value!r} is not {shape}")
        elif isinstance(shape, list):
            if not isinstance(value, list):
                self.problems.append(f"{where}: {type(value).__name__}, not a list")
                return
            if value:
                self.filled.add(where)
            for item in value:
                self.value(item, shape[0], f"{where}[]")
        else:
            self._object(value, shape, where)

    def _object(self, value: object, shape: dict[str, Any], where: str) -> None:
        if value is None and shape.get("$nullable"):
            return
        if not isinstance(value, dict):
            self.problems.append(f"{where}: {type(value).__name__}, not an object")
            return
        if "*" in shape:
            for item in value.values():
                self.value(item, shape["*"], f"{where}.*")
            return
        declared = {k.removesuffix("?"): k.endswith("?") for k in shape if not k.startswith("$")}
        declared.pop("...", None)
        for key, optional in declared.items():
            if key in value:
                self.value(value[key], shape.get(key, shape.get(f"{key}?")), f"{where}.{key}")
            elif not optional:
                self.problems.append(f"{where}: no key “{key}”")
        if "..." not in shape:
            for key in value.keys() - declared.keys():
                self.problems.append(f"{where}: key “{key}” is not on the page")


def lists_in(shape: Any, where: str = "$") -> set[str]:
    """Every list of objects the shape has, named as `Check.filled` names them."""
    if isinstance(shape, list):
        inner = lists_in(shape[0], f"{where}[]")
        return inner | {where} if isinstance(shape[0], dict) else inner
    if isinstance(shape, dict):
        if "*" in shape:
            return lists_in(shape["*"], f"{where}.*")
        return {
            found
            for key, inner in shape.items()
            if not key.startswith("$") and key != "..."
            for found in lists_in(inner, f"{where}.{key.removesuffix('?')}")
        }
    return set()
