"""The hotline mailbox over IMAP (imapclient): connect, find new mail, fetch, file away.

New mail is found by UID above the watermark of the folder; when the folder's
UIDVALIDITY changes (the mailbox was rebuilt) the watermark starts again at 0 and the
pipeline's idempotency keeps re-fetched messages from being taken twice. The headers of
new mail are fetched first (``RFC822.SIZE`` and only the header fields the triage reads,
``BODY.PEEK[HEADER.FIELDS (…)]``, thousands at a time: not the ``Received`` chains and
DKIM signatures that make most of a header), so the triage can order the fetch of the
bodies; bodies are fetched with ``BODY.PEEK[]`` (no \\Seen side effect) in chunks bounded
by count and size. After the commit, a message is moved (``MOVE``, or COPY + expunge) to the
processed or quarantine folder, or flagged when the account must keep its INBOX.
"""

from __future__ import annotations

import contextlib
import errno
import imaplib
import socket
import ssl
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError

from intake.mail.config import AfterCommit, MailSettings, Security, require_imap, tls_context

# What a broken or refused connection raises; the worker reconnects with backoff.
CONNECTION_ERRORS = (IMAPClientError, imaplib.IMAP4.error, OSError, socket.timeout,
                     ssl.SSLError, EOFError)
DISK_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
DONE_KEYWORD = "$PaknProcessed"
CHUNK_BYTES = 25 * 1024 * 1024
HEADER_BATCH = 2000  # headers fetched per command
IDLE_SLICE_SECONDS = 1.0


def describe_error(exc: BaseException, settings: MailSettings) -> str:
    """One line for the log: what failed, with a hint for TLS problems (no secrets)."""
    if isinstance(exc, ssl.SSLCertVerificationError):
        return (f"TLS certificate of {settings.imap_host}:{settings.imap_port} not trusted "
                f"({exc.verify_message or exc.reason}); check PAKN_IMAP_CA_FILE")
    if isinstance(exc, ssl.SSLError):
        return f"TLS with {settings.imap_host}:{settings.imap_port} failed ({exc.reason})"
    if isinstance(exc, OSError) and exc.errno in DISK_FULL:
        where = exc.filename or (f"the raw store ({settings.raw_dir}) or the attachments "
                                 f"({settings.attachments_dir})")
        return (f"disk full: {exc.strerror} writing {where}; the mail waits in the mailbox "
                "until space is freed")
    if isinstance(exc, IMAPClientError) and "starttls" in str(exc).lower():
        return f"STARTTLS refused by {settings.imap_host}:{settings.imap_port}: {exc}"
    return type(exc).__name__


@dataclass(frozen=True)
class Header:
    """The header of one message on the server and the size of the whole message."""

    uid: int
    header: bytes
    size: int


def _header_part(items: dict[bytes, object]) -> bytes | None:
    """The ``BODY[HEADER…]`` item of one FETCH response (the server echoes the field
    list in its own spelling, so the key is found by its prefix), or None."""
    for key, value in items.items():
        if key.upper().startswith(b"BODY[HEADER") and isinstance(value, bytes | bytearray):
            return bytes(value)
    return None


def size_chunks(sized: Sequence[tuple[int, int]], limit: int,
                max_bytes: int = CHUNK_BYTES) -> Iterator[list[int]]:
    """``(uid, size)`` pairs, in their order, in chunks of at most ``limit`` messages and
    ``max_bytes`` (a bigger message is a chunk of its own)."""
    chunk: list[int] = []
    total = 0
    for uid, size in sized:
        if chunk and (len(chunk) >= max(1, limit) or total + size > max_bytes):
            yield chunk
            chunk, total = [], 0
        chunk.append(uid)
        total += size
    if chunk:
        yield chunk


@dataclass(frozen=True)
class FolderState:
    """What SELECT says about the folder."""

    uidvalidity: int
    uidnext: int
    exists: int


class Mailbox:
    """One IMAP connection to the hotline account, with the worker's folder selected."""

    def __init__(self, settings: MailSettings) -> None:
        require_imap(settings)
        self.settings = settings
        self.client: IMAPClient | None = None

    @property
    def account(self) -> str:
        """``user@host:port`` (the key of the watermark; no password)."""
        s = self.settings
        return f"{s.imap_user}@{s.imap_host}:{s.imap_port}"[:255]

    def connect(self) -> FolderState:
        """Connect, authenticate, create the target folders, select the inbox."""
        s = self.settings
        context = tls_context(s.imap_ca_file)
        client = IMAPClient(s.imap_host, port=s.imap_port, ssl=s.imap_security is Security.TLS,
                            ssl_context=context, timeout=60)
        self.client = client  # closed by ``close`` whatever fails below
        if s.imap_security is Security.STARTTLS:
            # Refused or failed STARTTLS raises: never go on (and log in) in plain.
            client.starttls(context)
        client.login(s.imap_user, s.imap_password)
        for folder in (s.processed_folder, s.quarantine_folder):
            if s.after_commit is AfterCommit.MOVE or folder == s.quarantine_folder:
                self._ensure_folder(folder)
        return self.select()

    def _ensure_folder(self, folder: str) -> None:
        client = self._client()
        if not client.folder_exists(folder):
            client.create_folder(folder)

    def _client(self) -> IMAPClient:
        if self.client is None:
            raise IMAPClientError("not connected")
        return self.client

    def select(self) -> FolderState:
        """(Re)select the inbox; its UIDVALIDITY, UIDNEXT and message count."""
        info = self._client().select_folder(self.settings.imap_folder)
        return FolderState(int(info[b"UIDVALIDITY"]), int(info.get(b"UIDNEXT", 0)),
                           int(info.get(b"EXISTS", 0)))

    def new_uids(self, after: int) -> list[int]:
        """UIDs above ``after`` (not yet flagged done, in flag mode), ascending."""
        criteria: list[str] = ["UID", f"{after + 1}:*"]
        if self.settings.after_commit is AfterCommit.FLAG:
            criteria += ["NOT", "KEYWORD", DONE_KEYWORD]
        return sorted(uid for uid in self._client().search(criteria) if uid > after)

    def headers(self, uids: Sequence[int], fields: Sequence[str] | None = None
                ) -> list[Header]:
        """The headers and sizes of ``uids`` (those still there), by ascending UID; with
        ``fields``, only those header fields (``HEADER.FIELDS``), else the whole header."""
        part = f"HEADER.FIELDS ({' '.join(fields)})".encode("ascii") if fields else b"HEADER"
        out: list[Header] = []
        for start in range(0, len(uids), HEADER_BATCH):
            window = list(uids[start:start + HEADER_BATCH])
            found = self._client().fetch(window, [b"BODY.PEEK[" + part + b"]",
                                                  b"RFC822.SIZE"])
            for uid in sorted(found):
                header = _header_part(found[uid])
                if header is not None:
                    out.append(Header(uid, header, int(found[uid].get(b"RFC822.SIZE", 0))))
        return out

    def fetch(self, uids: Sequence[int]) -> list[tuple[int, bytes]]:
        """The raw bytes of ``uids`` (those still there), by ascending UID."""
        if not uids:
            return []
        found = self._client().fetch(list(uids), [b"BODY.PEEK[]"])
        return [(uid, bytes(found[uid][b"BODY[]"])) for uid in sorted(found)
                if b"BODY[]" in found[uid]]

    def file_away(self, uids: Sequence[int], folder: str) -> None:
        """Move ``uids`` to ``folder`` (or flag them done, in flag mode)."""
        if not uids:
            return
        client = self._client()
        if self.settings.after_commit is AfterCommit.FLAG and \
                folder == self.settings.processed_folder:
            client.add_flags(list(uids), [DONE_KEYWORD, b"\\Seen"])
            return
        if client.has_capability("MOVE"):
            client.move(list(uids), folder)
            return
        client.copy(list(uids), folder)
        client.delete_messages(list(uids))
        if client.has_capability("UIDPLUS"):
            client.uid_expunge(list(uids))
        else:
            client.expunge()

    def supports_idle(self) -> bool:
        """True when the server announces IDLE."""
        return bool(self._client().has_capability("IDLE"))

    def idle_wait(self, timeout: float, stop: threading.Event | None = None) -> bool:
        """Wait in IDLE for news of the mailbox (at most ``timeout`` s, less once ``stop``
        is set: it is looked at every second); True if any came."""
        client = self._client()
        deadline = time.monotonic() + timeout
        client.idle()
        try:
            while not (stop is not None and stop.is_set()):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                if client.idle_check(timeout=min(IDLE_SLICE_SECONDS, remaining)):
                    return True
            return False
        finally:
            client.idle_done()

    def noop(self) -> None:
        """Keep the connection alive and let the server report new mail."""
        self._client().noop()

    def close(self) -> None:
        """Log out (errors ignored: the connection may already be gone)."""
        client, self.client = self.client, None
        if client is None:
            return
        try:
            client.logout()
        except CONNECTION_ERRORS:
            with contextlib.suppress(*CONNECTION_ERRORS):
                client.shutdown()
