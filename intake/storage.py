"""Content-addressed files: raw messages and attachments, stored once by SHA-256.

The raw bytes of every mail are written here before anything parses them, so a
message that later fails (or a parser bug found next year) can be processed again from
exactly what arrived. Files are written to a temporary name and renamed into place, so
a crash never leaves a half-written file under a hash name.

Two backends with one small interface (``BlobStore``: ``put`` bytes, ``get`` them by
digest, and ``put_many``/``get_many`` for a fetched chunk or a claim at once):
``ContentStore``, a local directory (the embedded default), and ``DatabaseStore``, a
table of the database (bytea on PostgreSQL), which every machine sharing the database
reads — so ingest workers can run on other machines than the
mailbox's fetcher, and a console on another machine serves the attachments they stored.
``PAKN_RAW_STORE=db|dir`` chooses for raw mail and attachments alike (stores ``raw`` and
``attachments`` of the ``stored_blobs`` table; ``attachment_store`` opens the latter).

Every attachment is refused or set aside above a size limit before it is stored (mail:
``PAKN_MAIL_MAX_ATTACHMENT_BYTES``; Telegram: ``PAKN_TELEGRAM_MAX_FILE_BYTES``; staff's
answer files: 10 MiB; 10 MiB each by default), and every path already holds the whole
file in memory: one bytea row per file, far under PostgreSQL's 1 GB limit of a value, so
nothing is chunked. The database store writes a chunk's rows in one transaction (one
INSERT per row, executemany) and reads a claim's rows in one SELECT.

Durability of the directory comes in two flavours. A store with ``fsync`` syncs every
file before it is renamed into place (one disk flush per file). The mail worker writes
without it and calls ``flush_to_disk`` once per fetched chunk instead, before it moves that chunk's
messages out of the inbox: until then the mailbox still holds every message, so a
power cut loses nothing that is not fetched again, and one flush covers hundreds of
files and the database's write-ahead log.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import hashlib
import itertools
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol, cast

from sqlalchemy import BigInteger, LargeBinary, String, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, mapped_column

from intake.clock import utcnow
from intake.config import Settings
from intake.db import Database
from intake.models import Base, UTCDateTime

_HEX_DIGEST = re.compile(r"[0-9a-f]{64}")


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` as 64 hex characters."""
    return hashlib.sha256(data).hexdigest()


class BlobStore(Protocol):
    """Content-addressed bytes: what the mail pipeline needs of a store."""

    def put(self, data: bytes) -> str:
        """Store ``data`` (once) and return its SHA-256 hex digest."""

    def get(self, digest: str) -> bytes:
        """The bytes stored under ``digest``; ``FileNotFoundError`` if there are none."""

    def put_many(self, datas: Sequence[bytes]) -> list[str]:
        """Store each of ``datas`` (once) and return their digests, in order: what a
        fetched chunk of mail needs, in one transaction where the store has them."""

    def get_many(self, digests: Iterable[str]) -> dict[str, bytes]:
        """The bytes stored under each of ``digests`` that the store holds (one missing
        is absent from the answer, not an error)."""


class ContentStore:
    """Files under ``root/ab/cd/<sha256><suffix>``; writing the same bytes twice is free."""

    def __init__(self, root: Path, suffix: str = "", fsync: bool = True) -> None:
        self.root = root
        self._base = str(root)
        self.suffix = suffix
        self.fsync = fsync
        # ``ab/cd`` folders this store made or found: not made again for every file (a
        # folder removed behind its back is made again when a write finds it missing)
        self._folders: set[str] = set()

    def path_of(self, digest: str) -> Path:
        """Where the file of ``digest`` lives (whether or not it exists)."""
        if _HEX_DIGEST.fullmatch(digest) is None:
            raise ValueError("not a sha256 hex digest")
        return Path(self._path(digest))

    def _folder(self, digest: str) -> str:
        return f"{self._base}/{digest[:2]}/{digest[2:4]}"

    def _path(self, digest: str) -> str:
        return f"{self._base}/{digest[:2]}/{digest[2:4]}/{digest}{self.suffix}"

    def put(self, data: bytes) -> str:
        """Store ``data`` (if not already there) and return its SHA-256.

        Paths are plain strings and the file is written through its descriptor (no
        ``pathlib`` objects, no ``tempfile`` machinery, no second look for the temporary
        name once it is renamed): the fetcher stores every message it fetches, and those
        cost as much as the file system's own work."""
        digest = sha256_hex(data)  # a digest, so no need to check it is one
        path = self._path(digest)
        if _holds(path, len(data)):
            return digest
        folder = self._folder(digest)
        if digest[:4] not in self._folders:
            os.makedirs(folder, exist_ok=True)
            self._folders.add(digest[:4])
        try:
            fd, tmp = _new_temporary(folder)
        except FileNotFoundError:  # the folder was removed since: made again
            os.makedirs(folder, exist_ok=True)
            fd, tmp = _new_temporary(folder)
        try:
            try:
                _write_all(fd, data)
                if self.fsync:
                    os.fsync(fd)
            finally:
                os.close(fd)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        return digest

    def get(self, digest: str) -> bytes:
        """The bytes stored under ``digest`` (``FileNotFoundError`` if absent)."""
        if _HEX_DIGEST.fullmatch(digest) is None:
            raise ValueError("not a sha256 hex digest")
        with open(self._path(digest), "rb") as handle:
            return handle.read()

    def put_many(self, datas: Sequence[bytes]) -> list[str]:
        """Each of ``datas`` stored, their digests in order (a file each: nothing to
        batch in a directory)."""
        return [self.put(data) for data in datas]

    def get_many(self, digests: Iterable[str]) -> dict[str, bytes]:
        """The bytes of each of ``digests`` that has a file."""
        found = {}
        for digest in digests:
            with contextlib.suppress(FileNotFoundError):
                found[digest] = self.get(digest)
        return found

    def mounted(self) -> bool:
        """Whether the store's directory is there with something in it. A missing or
        empty root is a store that is not there now (a network file system not mounted,
        a volume not attached), not a store that lost one file: whoever reads from it
        waits for it instead of calling the file gone."""
        try:
            with os.scandir(self.root) as entries:
                return any(True for _ in entries)
        except (FileNotFoundError, NotADirectoryError):
            return False


class StoredBlob(Base):
    """Bytes of one store (``raw`` mail, …) by SHA-256, in the database (migration 0015a)."""

    __tablename__ = "stored_blobs"

    store: Mapped[str] = mapped_column(String(16), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    stored_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


RAW = "raw"  # the raw RFC 822 bytes of fetched mail
ATTACHMENTS = "attachments"  # files of complaints (mail, chats, staff's answer files)


class DatabaseStore:
    """Content-addressed bytes in the ``stored_blobs`` table, under the name ``store``.
    A ``put`` commits before it returns, so the bytes are as durable as the database.

    ``fallback``: a local directory read when the table has no such digest — the files
    this machine stored before the operator switched to the database store
    (``pakn db copy-files`` copies them into the table for the other machines)."""

    def __init__(self, db: Database, store: str, fallback: ContentStore | None = None) -> None:
        self.db = db
        self.store = store
        self.fallback = fallback

    def put(self, data: bytes) -> str:
        """Store ``data`` (if not already there) and return its SHA-256."""
        return self.put_many([data])[0]

    def put_many(self, datas: Sequence[bytes]) -> list[str]:
        """Store each of ``datas`` (those not already there) in one transaction, and
        return their SHA-256 in order: a fetched chunk of mail is one commit, not one
        per message."""
        digests = [sha256_hex(data) for data in datas]
        # by digest: two transactions storing the same bytes (two workers, the same
        # attachments) take the keys' locks in one order, so one may wait for the
        # other but they never deadlock
        rows = dict(sorted(zip(digests, datas, strict=True)))
        if not rows:
            return digests
        dialect = postgresql if self.db.engine.dialect.name == "postgresql" else sqlite
        statement = dialect.insert(StoredBlob).on_conflict_do_nothing()
        now = utcnow()
        with self.db.transaction() as session:
            session.execute(statement, [
                {"store": self.store, "sha256": digest, "size": len(data), "data": data,
                 "stored_at": now} for digest, data in rows.items()])
        return digests

    def get(self, digest: str) -> bytes:
        """The bytes stored under ``digest`` (``FileNotFoundError`` if absent)."""
        with self.db.reading() as session:
            data = session.scalar(select(StoredBlob.data).where(
                StoredBlob.store == self.store, StoredBlob.sha256 == digest))
        if data is not None:
            return bytes(data)
        if self.fallback is not None:
            try:
                return self.fallback.get(digest)
            except FileNotFoundError:
                pass
        raise FileNotFoundError(f"{self.store} {digest} not in the database store")

    def get_many(self, digests: Iterable[str]) -> dict[str, bytes]:
        """The bytes of each of ``digests`` the table (or the fallback directory) holds,
        read in one query: what a claim of queued mail needs."""
        wanted = set(digests)
        if not wanted:
            return {}
        with self.db.reading() as session:
            found = {digest: bytes(data) for digest, data in session.execute(
                select(StoredBlob.sha256, StoredBlob.data).where(
                    StoredBlob.store == self.store, StoredBlob.sha256.in_(wanted)))}
        if self.fallback is not None and len(found) < len(wanted):
            found.update(self.fallback.get_many(wanted - found.keys()))
        return found

    def digests(self) -> set[str]:
        """Every digest the store holds (what ``copy_directory`` need not send again)."""
        with self.db.reading() as session:
            return set(session.scalars(select(StoredBlob.sha256).where(
                StoredBlob.store == self.store)))


def open_store(backend: str, directory: Path, suffix: str, db: Database,
               name: str) -> BlobStore:
    """The store ``name`` on ``backend``: ``db`` (the ``stored_blobs`` table; the files
    already under ``directory`` are still read) or ``dir`` (files under ``directory``,
    written without a flush per file)."""
    if backend == "db":
        return DatabaseStore(db, name, fallback=ContentStore(directory, suffix, fsync=False))
    return ContentStore(directory, suffix, fsync=False)


def attachment_store(settings: Settings, db: Database) -> BlobStore:
    """Where the attachments of complaints are kept, as ``PAKN_RAW_STORE`` says: the
    database (shared by every machine) or ``var/attachments`` (each file synced before it
    is renamed into place: the edges record it right after)."""
    if settings.raw_store == "db":
        return DatabaseStore(db, ATTACHMENTS,
                             fallback=ContentStore(settings.attachments_dir, fsync=False))
    return ContentStore(settings.attachments_dir)


@dataclass(frozen=True)
class CopyReport:
    """What ``copy_directory`` did: files copied, already there, and refused (a file
    whose bytes do not hash to its name, or a stray file: left where it is)."""

    copied: int
    present: int
    refused: tuple[Path, ...]


def copy_directory(source: ContentStore, target: DatabaseStore) -> CopyReport:
    """Copy every file of ``source`` into ``target`` (idempotent: a digest the table
    holds is not sent again). A file is copied only when its bytes hash to its name, so
    a damaged file is reported, never stored under a digest it does not have."""
    held = target.digests()
    copied = present = 0
    refused: list[Path] = []
    if not source.root.is_dir():
        return CopyReport(0, 0, ())
    for path in sorted(source.root.glob(f"??/??/*{source.suffix}")):
        if path.name.startswith(".tmp-"):
            continue  # a write a crash interrupted: never recorded, never read
        digest = path.name[:len(path.name) - len(source.suffix)] if source.suffix \
            else path.name
        try:
            if source.path_of(digest) != path:
                raise ValueError("not where its digest puts it")
        except ValueError:
            refused.append(path)
            continue
        if digest in held:
            present += 1
            continue
        data = path.read_bytes()
        if sha256_hex(data) != digest:
            refused.append(path)
            continue
        target.put(data)
        held.add(digest)
        copied += 1
    return CopyReport(copied, present, tuple(refused))


def _holds(path: str, size: int) -> bool:
    """Whether ``path`` is already there whole (a crash before the data reached the disk
    can leave an empty file under the final name; it is written again)."""
    try:
        return os.stat(path).st_size == size
    except FileNotFoundError:
        return False


_TEMPORARY_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
_temporary_numbers = itertools.count()


def _new_temporary(folder: str) -> tuple[int, str]:
    """A new file ``.tmp-…`` in ``folder``, open for writing, readable by its owner only
    (as ``tempfile.mkstemp`` makes it): its descriptor and path. The name is this
    process's and unique within it; one left by a crash under the same name (a reused
    process id) is stepped over."""
    for _ in range(100):
        tmp = f"{folder}/.tmp-{os.getpid()}-{next(_temporary_numbers)}"
        try:
            return os.open(tmp, _TEMPORARY_FLAGS, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def _write_all(fd: int, data: bytes) -> None:
    """Write all of ``data`` to ``fd`` (``os.write`` may write less than asked)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


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
