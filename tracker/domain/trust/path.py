"""The rules of the path after a betrayal: step k opens in week k after starting.

Weeks are counted in the person's own days (``days.local_day``, their day start and
zone), so a step opens on the same weekday as the start, at their day start, whatever
the clocks did in between (a DST change, a leap day). Plain values, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from tracker.domain.content.trust_path import STEPS, Role

DAYS_PER_STEP = 7


@dataclass(frozen=True, slots=True)
class TrustPath:
    """What this device remembers of the path: when it began, who the person said they
    are, and which steps (numbered from 1) they marked done."""

    started: date
    role: Role
    done: frozenset[int] = frozenset()

    def opens_on(self, step: int) -> date:
        return opens_on(self.started, step)

    def open_steps(self, today: date) -> range:
        return open_steps(self.started, today)

    def toggled(self, step: int, today: date) -> TrustPath:
        """Marked done, or undone if it was; only a step that is open can be marked."""
        if step not in self.open_steps(today):
            raise ValueError(f"Step {step} opens on {self.opens_on(step):%A %d %B}.")
        return replace(self, done=self.done ^ {step})

    def with_role(self, role: Role) -> TrustPath:
        return replace(self, role=role)


def opens_on(started: date, step: int, days_per_step: int = DAYS_PER_STEP) -> date:
    """The day step ``step`` (1 = the first) opens: the start day for the first."""
    return started + timedelta(days=days_per_step * (step - 1))


def open_steps(started: date, today: date, count: int = len(STEPS)) -> range:
    """The steps open on ``today``: every one whose week has come, earlier ones staying
    open. The first is open from the start, even if this computer's clock has since gone
    back before it."""
    weeks = max((today - started).days, 0) // DAYS_PER_STEP + 1
    return range(1, min(weeks, count) + 1)


def valid_steps(steps: set[int], count: int = len(STEPS)) -> frozenset[int]:
    """Only step numbers the path has (a file from an older or longer path keeps what
    still fits)."""
    return frozenset(s for s in steps if 1 <= s <= count)
