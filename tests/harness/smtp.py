"""A real SMTP peer for tests (aiosmtpd): records what it accepts; can be stopped and
started again on the same port to play an SMTP server that is down for a while. With
``tls`` it offers STARTTLS with that certificate and refuses mail before it; with
``implicit`` as well, it speaks TLS from the first byte (SMTPS, port 465 style)."""

from __future__ import annotations

import contextlib
import ssl
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any

from aiosmtpd.controller import Controller

from tests.harness.dovecot import TlsFiles
from tests.harness.ports import free_port


@dataclass
class Received:
    """One message the peer accepted."""

    at: float
    recipients: list[str]
    data: bytes

    def message(self) -> EmailMessage:
        """The parsed message."""
        parsed = BytesParser(policy=policy.default).parsebytes(self.data)
        assert isinstance(parsed, EmailMessage)
        return parsed


@dataclass
class _Collector:
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        data = envelope.original_content or envelope.content
        with self.lock:
            self.received.append(Received(time.time(), list(envelope.rcpt_tos), bytes(data)))
        return "250 Message accepted for delivery"


class SmtpPeer:
    """An aiosmtpd server on 127.0.0.1:``port``."""

    def __init__(self, port: int | None = None, tls: TlsFiles | None = None,
                 implicit: bool = False) -> None:
        self.port = port or free_port()
        self.collector = _Collector()
        self.controller: Controller | None = None
        self.tls = tls
        self.implicit = implicit

    @property
    def received(self) -> list[Received]:
        """What was accepted so far (a copy)."""
        with self.collector.lock:
            return list(self.collector.received)

    def start(self) -> None:
        """Listen (again) on the same port."""
        kwargs: dict[str, Any] = {}
        if self.tls is not None:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(str(self.tls.cert), str(self.tls.key))
            kwargs = ({"ssl_context": context} if self.implicit
                      else {"tls_context": context, "require_starttls": True})
        self.controller = Controller(self.collector, hostname="127.0.0.1", port=self.port,
                                     **kwargs)
        self.controller.start()

    def stop(self) -> None:
        """Stop listening: connections are refused until ``start``."""
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def wait_for(self, count: int, timeout: float = 20) -> list[Received]:
        """Wait until at least ``count`` messages were accepted."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and len(self.received) < count:
            time.sleep(0.02)
        return self.received


@contextlib.contextmanager
def smtp_peer(tls: TlsFiles | None = None, implicit: bool = False) -> Iterator[SmtpPeer]:
    """A running SMTP peer (STARTTLS required with ``tls``, or TLS from the start with
    ``implicit``), stopped on exit."""
    peer = SmtpPeer(tls=tls, implicit=implicit)
    peer.start()
    try:
        yield peer
    finally:
        peer.stop()
