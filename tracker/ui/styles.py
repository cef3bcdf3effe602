"""Where the .tcss sheets are: inside the installed package, or at the repo root."""

from __future__ import annotations

from pathlib import Path, PurePath

_PACKAGED = Path(__file__).resolve().parent.parent / "styles"  # tracker/styles in a wheel
_SOURCE = Path(__file__).resolve().parents[2] / "styles"  # the repo, for editable installs


def styles_dir() -> Path:
    return _PACKAGED if _PACKAGED.is_dir() else _SOURCE


def sheet(name: str) -> Path:
    return styles_dir() / name


def sheets(*names: str) -> list[str | PurePath]:
    """Several sheets for one screen, in order (typed as Textual's CSS_PATH takes them)."""
    return [sheet(name) for name in names]
