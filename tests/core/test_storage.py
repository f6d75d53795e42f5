"""The content-addressed store that keeps raw mail and attachments."""

from __future__ import annotations

import itertools
import os
import stat
from pathlib import Path

import pytest

from intake import storage
from intake.db import Database
from intake.storage import ContentStore, flush_to_disk, sha256_hex


def test_same_bytes_are_stored_once_under_their_hash(tmp_path: Path) -> None:
    store = ContentStore(tmp_path, ".eml", fsync=False)
    data = "Phản ánh: đường liên xã sụt lún".encode()
    digest = store.put(data)
    assert digest == sha256_hex(data)
    assert store.put(data) == digest
    assert store.get(digest) == data
    assert [p.name for p in tmp_path.rglob("*.eml")] == [f"{digest}.eml"]


def test_a_file_left_empty_by_a_crash_is_written_again(tmp_path: Path) -> None:
    store = ContentStore(tmp_path, ".eml", fsync=True)
    data = b"Subject: test\n\nnoi dung phan anh\n"
    digest = sha256_hex(data)
    path = store.path_of(digest)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")  # what a power cut before the data reached the disk leaves
    assert store.put(data) == digest
    assert store.get(digest) == data
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".tmp-")]


def test_a_temporary_file_left_by_a_crash_under_the_same_name_is_stepped_over(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A process killed while writing leaves ``.tmp-<pid>-<n>``; a later process with the
    same id (ids are reused) numbers its files from 0 again: it takes the next name,
    leaves the old file alone, and the stored file is whole and private."""
    store = ContentStore(tmp_path, ".eml", fsync=False)
    data = b"Subject: x\n\nnoi dung\n"
    digest = sha256_hex(data)
    folder = store.path_of(digest).parent
    folder.mkdir(parents=True)
    stale = folder / f".tmp-{os.getpid()}-0"
    stale.write_bytes(b"half a mes")
    monkeypatch.setattr(storage, "_temporary_numbers", itertools.count())
    assert store.put(data) == digest
    assert store.get(digest) == data
    assert stale.read_bytes() == b"half a mes"
    assert stat.S_IMODE(store.path_of(digest).stat().st_mode) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == sorted([stale.name, f"{digest}.eml"])


def test_a_failed_write_leaves_no_temporary_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = ContentStore(tmp_path, ".eml", fsync=False)

    def full_disk(fd: int, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage, "_write_all", full_disk)
    with pytest.raises(OSError):
        store.put(b"Subject: x\n\ny\n")
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_flush_to_disk_syncs_each_file_system_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = storage._syncfs()
    assert real is not None, "Linux has syncfs: the barrier must not fall back to sync()"
    calls: list[int] = []

    def counting(fd: int) -> int:
        calls.append(fd)
        return real(fd)

    monkeypatch.setattr(storage, "_syncfs", lambda: counting)
    store = ContentStore(tmp_path / "raw", ".eml", fsync=False)
    store.put(b"Subject: x\n\ny\n")
    flush_to_disk(tmp_path / "raw", tmp_path, tmp_path / "not-yet-created")
    assert len(calls) == 1  # the raw store and the database directory share one disk


def test_sqlite_database_knows_its_file(tmp_path: Path) -> None:
    assert Database(f"sqlite:///{tmp_path / 'x.db'}").local_file == tmp_path / "x.db"
    assert Database("sqlite://").local_file is None
    assert Database("postgresql+psycopg://u:p@127.0.0.1:1/db").local_file is None
