"""Every file in the data folder, found without following a link anywhere."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from pathlib import Path

from tracker.store.files import (
    LOG_DIR,
    REPLICAS_DIR,
    FileRead,
    FileRole,
    Problem,
    classify,
    folder_entries,
)


def walk(
    data_dir: Path, refused: list[FileRead], months: Collection[str] | None = None
) -> Iterator[tuple[str, Path, FileRole, str]]:
    """(replica id, path, role, main name) for every file in the folder; with `months`,
    of the month shards only those months' files (and their conflict copies, whose
    names start with the month too): ten years of names are not even looked at.

    Links inside the folder are never followed (a partner's folder could point
    anywhere, /etc included) and a folder this user may not list is skipped; both
    go into `refused`. Only the data folder itself may be a link, and if it or its
    replicas folder cannot be listed, that PermissionError is the command's answer.
    """
    root = data_dir / REPLICAS_DIR
    if root.is_symlink():
        refused.append(FileRead(root, problem=Problem.LINK))
        return
    if not root.is_dir():
        return
    for rdir in folder_entries(root, refused, must=True):
        if rdir.name.startswith("."):
            continue
        if rdir.is_symlink():
            refused.append(FileRead(Path(rdir.path), problem=Problem.LINK))
            continue
        if not rdir.is_dir(follow_symlinks=False):
            continue
        folders = [(Path(rdir.path), "")]
        for folder, prefix in folders:
            for entry in folder_entries(folder, refused):
                if prefix and months is not None and entry.name[:7] not in months:
                    continue
                role, main = classify(entry.name)
                if entry.is_symlink() and role not in (FileRole.TEMP, FileRole.LOCK):
                    refused.append(FileRead(Path(entry.path), problem=Problem.LINK))
                elif entry.is_file(follow_symlinks=False):
                    yield rdir.name, Path(entry.path), role, prefix + main
                elif not prefix and entry.name == LOG_DIR and entry.is_dir(follow_symlinks=False):
                    folders.append((Path(entry.path), "log/"))  # a real folder: no link
