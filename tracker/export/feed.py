"""The always-current calendar feed: a file on this device only, never in the shared folder.

Why here and not in the data folder: the feed is derived from everyone's
records, so both devices would rewrite the same shared file and the sync tool
would keep conflict copies of it (and the subscribed calendar would miss one
partner's date until somebody opened the Dates screen). Each device renders its
own copy from the merged records into its local data folder, and the calendar
app on that computer subscribes to that path. Same records, same bytes, so an
unchanged feed is never rewritten.

It also holds this device's person's weekly check-in, and their talk reminders as
alarms: the feed is theirs, so their reminder settings apply.

Who keeps it current: the app after every change to dates, talks, settings or
people, after an undo and when the partner's dates arrive; the `date`, `talk` and `export`
commands after they run, and any other command that wrote a date or a talk
(a goal's planned date). Nothing here runs on import: the store never renders
a calendar, the layers above call `refresh_feed` (which kinds count:
`tracker.domain.kinds.FEED_KINDS`).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from tracker.domain.calendar import CalendarEvent
from tracker.domain.kinds import touches_feed as touches_feed  # the app asks it per change
from tracker.export.ics import INCLUDES, gather, render
from tracker.store.couple import Couple
from tracker.store.files import atomic_write, make_private_dir
from tracker.store.identity import APP_NAME, CONFIG_ENV, ConfigError, load_config

# Where older versions kept the feed, inside the shared folder.
SHARED_EXPORTS = "exports"
OLD_FEED_STEM = "rekindle"
FEED_NAME = "rekindle.ics"


def feed_dir() -> Path:
    """This device's own folder for calendar files (with the config's override, as tests use)."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override) / "calendar"
    import platformdirs  # here, not at the top: only needed without the override

    return Path(platformdirs.user_data_dir(APP_NAME)) / "calendar"


def _resolved(path: Path) -> Path:
    try:
        return path.expanduser().resolve()
    except (OSError, RuntimeError):
        return path


def feed_path(data_dir: Path) -> Path:
    """``rekindle.ics`` for the folder this device is set up with: one fixed path for the
    calendar app, which stays the same even if `rekindle join --data` moves the folder.
    Any other folder (`--data` elsewhere) gets a name of its own, so it never
    overwrites the couple's feed."""
    try:
        config = load_config()
    except ConfigError:
        config = None
    if config is None or _resolved(config.data_dir) == _resolved(data_dir):
        return feed_dir() / FEED_NAME
    key = hashlib.sha256(str(_resolved(data_dir)).encode()).hexdigest()[:8]
    return feed_dir() / f"rekindle-{key}.ics"


def export_path(name: str = "rekindle-export.ics") -> Path:
    """Where the Dates screen's one-off export goes: beside the feed, on this device only."""
    return feed_dir() / name


def feed_events(couple: Couple) -> list[CalendarEvent]:
    """Every date and every planned talk, and this device's person's weekly check-in."""
    return gather(couple, include=INCLUDES)


def is_old_feed(name: str) -> bool:
    """The old shared feed and the sync tools' conflict copies of it; never a one-off export.

    Syncthing names a copy ``rekindle.sync-conflict-<when>-<device>.ics``; Dropbox
    ``rekindle (Sam's conflicted copy 2026-11-30).ics``. An export the person saved
    (``rekindle-export.ics``, and its own conflict copies) does not match.
    """
    if not name.endswith(".ics"):
        return False
    stem = name.removesuffix(".ics")
    return (
        stem == OLD_FEED_STEM
        or stem.startswith(f"{OLD_FEED_STEM}.sync-conflict-")
        or (stem.startswith(f"{OLD_FEED_STEM} (") and "conflicted copy" in stem)
    )


def remove_old_shared_feed(data_dir: Path) -> list[Path]:
    """Delete the feed older versions wrote into the shared folder, and its conflict copies.

    It was derived data (every event is still in the records), and left there it
    would keep syncing stale copies between the devices.
    """
    folder = data_dir / SHARED_EXPORTS
    removed: list[Path] = []
    try:
        found = [path for path in folder.iterdir() if is_old_feed(path.name)]
    except OSError:  # no exports folder (the usual case now), or unreadable
        return removed
    for path in sorted(found):
        try:
            path.unlink()
        except OSError:
            continue  # the sync tool may hold it right now; the next refresh tries again
        removed.append(path)
    return removed


def refresh_feed(couple: Couple) -> str | None:
    """Rewrite this device's feed if the events changed; a sentence if it could not be."""
    if not couple.store.complete:
        # Only recent months are read yet: older evenings' marks would be missing.
        return None
    data_dir = couple.store.data_dir
    remove_old_shared_feed(data_dir)
    path = feed_path(data_dir)
    try:
        payload = render(feed_events(couple))
    except ValueError as error:
        return f"The calendar feed was not updated: {error}"
    try:
        if path.is_file() and path.read_bytes() == payload:
            return None  # unchanged: a calendar app polling it sees the same file
        make_private_dir(path.parent)
        atomic_write(path, payload)
    except OSError as error:
        return f"The calendar feed {path} was not updated ({error.strerror or error})."
    return None


def save_export(payload: bytes, name: str = "rekindle-export.ics") -> Path:
    """A one-off export beside the feed, written whole or not at all."""
    path = export_path(name)
    make_private_dir(path.parent)
    atomic_write(path, payload)
    return path
