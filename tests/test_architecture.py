"""The layering rules and the code style, checked as part of the suite."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(found).exists():
        pytest.fail(f"{name} is missing: install the test extras (pip install -e '.[test]').")
    return found


def test_import_contracts_hold() -> None:
    # Domain and store never import Textual, Rich or the UI; layers point down.
    result = subprocess.run(
        [_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_ruff_is_clean() -> None:
    folders = [n for n in ("tracker", "tests", "benchmarks", "docs") if (ROOT / n).is_dir()]
    result = subprocess.run(
        [_tool("ruff"), "check", *folders],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_source_file_grows_past_the_limit() -> None:
    # tracker/domain/content holds our written words (starter habits, prompts,
    # ideas): long by nature, and not code to split.
    content = ROOT / "tracker" / "domain" / "content"
    too_long = {
        str(path.relative_to(ROOT)): n
        for path in (ROOT / "tracker").rglob("*.py")
        if content not in path.parents
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > 420
    }
    assert not too_long, f"split these files: {too_long}"


def test_mypy_strict_finds_no_errors() -> None:
    # Settings live in pyproject.toml ([tool.mypy]: strict, tracker/, Python 3.11).
    # The cache stays in the default .mypy_cache (git-ignored): a cold check costs
    # about 5 s of CPU, a warm one 0.2 s, and mypy re-checks whatever changed.
    result = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success: no issues found"), result.stdout + result.stderr
