"""Checks made on a file's bytes before any decoder sees them, and plain words for a
permission refusal.

Every device reads every replica's files, so a file in the shared folder may be
anything at all: huge, nested a hundred thousand levels deep, or not ours. These
checks are cheap and need no decoder, so they hold whichever decoder reads the file.
"""

from __future__ import annotations

import getpass
import os
import re
from pathlib import Path

# Years of daily ticks by two people make a month shard of well under 1 MB; a file
# this big is not one Rekindle wrote, and reading it would cost every command dearly.
MAX_FILE_BYTES = 32 * 1024 * 1024
# A Rekindle file nests a handful of levels (file → table → record → data → value);
# decoders give up (or overflow the stack) near a thousand.
MAX_DEPTH = 64

# A JSON string, escapes included: brackets inside one are text, not nesting.
_STRING_RE = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKETS = b"[]{}"
_NOT_BRACKETS = bytes(b for b in range(256) if b not in _BRACKETS)
_AS_PARENS = bytes.maketrans(_BRACKETS, b"()()")


def too_deep(raw: bytes, limit: int = MAX_DEPTH) -> bool:
    """Whether the JSON in `raw` nests deeper than `limit`, without parsing it.

    Brackets are reduced to "(" and ")"; each pass removes every innermost pair, so
    a structure `limit` deep is gone after `limit` passes and a pair still left sat
    deeper. Unmatched brackets (a cut-short file) never form a pair: the decoder
    reports those. Every step runs at C speed: a few milliseconds for a big file.
    """
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return False  # too few openers to nest that deep: the common small file
    if not _nests(raw.translate(_AS_PARENS, _NOT_BRACKETS), limit):
        return False
    # Brackets inside strings are text, and a note may hold many: look again without
    # them. (Slower, so only for a file that already looks too deep.)
    return _nests(_STRING_RE.sub(b"", raw).translate(_AS_PARENS, _NOT_BRACKETS), limit)


def _nests(brackets: bytes, limit: int) -> bool:
    for _ in range(limit):
        if b"()" not in brackets:
            return False
        brackets = brackets.replace(b"()", b"")
    return b"()" in brackets


def _user_name(uid: int) -> str | None:
    try:
        import pwd  # not on Windows
    except ImportError:  # pragma: no cover - exercised on Windows only
        return None
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return None


def owner_of(path: Path) -> str | None:
    """The user name owning `path`, where the system can tell."""
    try:
        return _user_name(os.stat(path).st_uid)
    except OSError:
        return None


def _me() -> str:
    # The user this process runs as (su and sudo leave $USER as it was).
    geteuid = getattr(os, "geteuid", None)
    found = _user_name(geteuid()) if geteuid else None
    if found:
        return found
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "you"


def access_fix(path: Path) -> str:
    """How to get access to `path` back, naming who owns it when that is someone else."""
    me, owner = _me(), owner_of(path)
    if owner and owner != me:
        return (
            f"It belongs to the user {owner}, not to {me}: give it to {me} with "
            f"`sudo chown -R {me} {path}`, or run Rekindle as {owner}."
        )
    return f"Give yourself access again with `chmod -R u+rwX {path}`."


def permission_message(error: OSError, where: Path | None = None) -> str:
    """One sentence for a permission refusal: the path to fix (`where`, or the outermost
    folder on the way that this user may not enter), and how."""
    named = where or (Path(os.fsdecode(error.filename)) if error.filename else None)
    if named is None:
        return "This user may not read or change a file Rekindle needs (permission denied)."
    path = _blocked_at(named)
    return f"This user may not read or change {path} (permission denied). {access_fix(path)}"


def _blocked_at(path: Path) -> Path:
    """A folder on the way that cannot be entered is the one to fix, not what is inside."""
    for folder in reversed(path.parents):  # from the top down
        if folder.is_dir() and not os.access(folder, os.X_OK):
            return folder
    return path
