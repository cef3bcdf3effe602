"""Backups of the shared folder: one zip of every replica's files, checked after writing
(archive.py); putting one back into a folder (restore.py); the automatic ones this device
keeps (automatic.py)."""
