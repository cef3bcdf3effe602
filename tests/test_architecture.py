"""The layering rules and the code style, checked as part of the suite."""

from __future__ import annotations

import ast
import graphlib
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


def test_ruff_format_is_kept() -> None:
    # One layout everywhere, so a diff shows what changed and not how it was typed.
    folders = [n for n in ("tracker", "tests", "benchmarks", "docs") if (ROOT / n).is_dir()]
    result = subprocess.run(
        [_tool("ruff"), "format", "--check", *folders],
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


# Every layer is checked for import cycles, the UI included: screens know the app only
# as the Shell protocol (tracker/ui/shell.py), so none imports app.py back.
ACYCLIC = ("tracker.domain", "tracker.store", "tracker.export", "tracker.ui", "tracker.cli")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(tree: ast.Module, module: str, is_package: bool, known: set[str]) -> set[str]:
    """Every tracker module this one imports, wherever the import stands: one inside a
    function or under TYPE_CHECKING is still a dependency (a local import is how the
    cycles removed in issue 21 hid)."""
    found: set[str] = set()
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                # `from tracker.cli import bin_cmds` imports a module; `from x import name` x.
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {name for name in found if name in known and name != module}


def test_no_import_cycles() -> None:
    paths = {_module_name(p): p for p in (ROOT / "tracker").rglob("*.py")}
    checked = {m for m in paths if m.startswith(ACYCLIC)}
    graph = {
        module: _imported(
            ast.parse(paths[module].read_text(encoding="utf-8")),
            module,
            paths[module].name == "__init__.py",
            checked,
        )
        for module in checked
    }
    try:
        list(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as error:
        pytest.fail(f"these modules import each other in a loop: {' -> '.join(error.args[1])}")


def test_mypy_strict_finds_no_errors() -> None:
    # Settings live in pyproject.toml ([tool.mypy]: strict, tracker/, Python 3.11).
    # The cache stays in the default .mypy_cache (git-ignored): a cold check costs
    # about 5 s of CPU, a warm one 0.2 s, and mypy re-checks whatever changed.
    result = subprocess.run([_tool("mypy")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("Success: no issues found"), result.stdout + result.stderr
