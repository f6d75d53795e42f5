"""Content-addressed files: raw messages and attachments, stored once by SHA-256.

The raw bytes of every mail are written here before anything parses them, so a
message that later fails (or a parser bug found next year) can be processed again from
exactly what arrived. Files are written to a temporary name and renamed into place, so
a crash never leaves a half-written file under a hash name.

Durability comes in two flavours. A store with ``fsync`` syncs every file before it is
renamed into place (one disk flush per file). The mail worker writes without it and
calls ``flush_to_disk`` once per fetched chunk instead, before it moves that chunk's
messages out of the inbox: until then the mailbox still holds every message, so a
power cut loses nothing that is not fetched again, and one flush covers hundreds of
files and the database's write-ahead log.
"""

from __future__ import annotations

import ctypes
import functools
import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import cast


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` as 64 hex characters."""
    return hashlib.sha256(data).hexdigest()


class ContentStore:
    """Files under ``root/ab/cd/<sha256><suffix>``; writing the same bytes twice is free."""

    def __init__(self, root: Path, suffix: str = "", fsync: bool = True) -> None:
        self.root = root
        self.suffix = suffix
        self.fsync = fsync

    def path_of(self, digest: str) -> Path:
        """Where the file of ``digest`` lives (whether or not it exists)."""
        if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
            raise ValueError("not a sha256 hex digest")
        return self.root / digest[:2] / digest[2:4] / f"{digest}{self.suffix}"

    def put(self, data: bytes) -> str:
        """Store ``data`` (if not already there) and return its SHA-256."""
        digest = sha256_hex(data)
        path = self.path_of(digest)
        if _holds(path, len(data)):
            return digest
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                if self.fsync:
                    handle.flush()
                    os.fsync(handle.fileno())
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        return digest

    def get(self, digest: str) -> bytes:
        """The bytes stored under ``digest`` (``FileNotFoundError`` if absent)."""
        return self.path_of(digest).read_bytes()


def _holds(path: Path, size: int) -> bool:
    """Whether ``path`` is already there whole (a crash before the data reached the disk
    can leave an empty file under the final name; it is written again)."""
    try:
        return path.stat().st_size == size
    except FileNotFoundError:
        return False


def flush_to_disk(*paths: Path) -> None:
    """Everything written so far on the file systems holding ``paths`` (files, the SQLite
    write-ahead log) is on disk when this returns: the barrier before a step that cannot
    be undone, such as moving mail out of the inbox. One ``syncfs`` per file system, so
    other tenants' dirty data elsewhere is not waited for; ``sync`` where there is none."""
    syncfs = _syncfs()
    if syncfs is None or not paths:
        os.sync()
        return
    devices: set[int] = set()
    for path in paths:
        try:
            device = os.stat(path).st_dev
        except FileNotFoundError:
            continue
        if device in devices:
            continue
        devices.add(device)
        fd = os.open(path, os.O_RDONLY)
        try:
            if syncfs(fd) != 0:
                error = ctypes.get_errno()
                raise OSError(error, f"syncfs({path}): {os.strerror(error)}")
        finally:
            os.close(fd)


@functools.cache
def _syncfs() -> Callable[[int], int] | None:
    """The C library's ``syncfs`` (Linux), if there is one."""
    try:
        function = ctypes.CDLL(None, use_errno=True).syncfs
    except (AttributeError, OSError):
        return None
    function.argtypes = [ctypes.c_int]
    function.restype = ctypes.c_int
    return cast(Callable[[int], int], function)
