"""How the path after a betrayal looks at its first step, at 80×24 and 120×40: the
privacy line, the step in the words for the one who was hurt, its one action and the
safety line, all in view. Update with --snapshot-update, and read the pictures."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.ui.conftest import TODAY
from tracker.domain.content.trust_path import Role
from tracker.domain.trust.path import TrustPath
from tracker.store.couple import Couple
from tracker.store.trust import save_path
from tracker.ui.app import RekindleApp

SIZES = [(80, 24), (120, 40)]
OpenApp = Callable[[Couple | None], RekindleApp]
Snap = Callable[..., bool]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_trust_path_first_step(
    snap_compare: Snap, couple: Couple, open_app: OpenApp, size: tuple[int, int]
) -> None:
    save_path(couple, TrustPath(TODAY, Role.HURT))
    assert snap_compare(open_app(couple), press=["5", "b"], terminal_size=size)


def test_trust_path_opening(snap_compare: Snap, couple: Couple, open_app: OpenApp) -> None:
    assert snap_compare(open_app(couple), press=["5", "b"], terminal_size=(80, 24))
