"""Where the .tcss sheets are: inside the installed package, or at the repo root."""

from __future__ import annotations

from pathlib import Path, PurePath

# Below this many columns the app is on a phone (a browser through `rekindle serve`):
# screens get the class -phone instead of -narrow, and rows of fields stack.
PHONE_WIDTH = 60
# Each screen's class by its width: the sheets' rules for each layout name these.
BREAKPOINTS = [(0, "-phone"), (PHONE_WIDTH, "-narrow"), (96, "-wide")]

_PACKAGED = Path(__file__).resolve().parent.parent / "styles"  # tracker/styles in a wheel
_SOURCE = Path(__file__).resolve().parents[2] / "styles"  # the repo, for editable installs


def styles_dir() -> Path:
    return _PACKAGED if _PACKAGED.is_dir() else _SOURCE


def sheet(name: str) -> Path:
    return styles_dir() / name


def sheets(*names: str) -> list[str | PurePath]:
    """Several sheets, as the list type Textual's CSS_PATH is declared with."""
    return [sheet(name) for name in names]
