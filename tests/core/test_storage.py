"""The content-addressed store that keeps raw mail and attachments."""

from __future__ import annotations

from pathlib import Path

from intake.storage import ContentStore, sha256_hex


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
