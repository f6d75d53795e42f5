"""A TCP proxy that can cut connections mid-stream (to drop an IMAP connection mid-fetch)."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator

from tests.harness.ports import free_port


class CuttingProxy:
    """Forwards 127.0.0.1:``port`` to ``target``; the first ``cuts`` connections are
    closed after ``cut_after`` bytes came from the server."""

    def __init__(self, target_port: int, cut_after: int, cuts: int = 1) -> None:
        self.target_port = target_port
        self.cut_after = cut_after
        self.cuts_left = cuts
        self.cuts_done = 0
        self.connections = 0
        self.port = free_port()
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def start(self) -> None:
        """Accept connections in a background thread."""
        self._thread.start()

    def stop(self) -> None:
        """Stop accepting (open connections end with their peers)."""
        self._stop.set()
        with contextlib.suppress(OSError):
            self._listener.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                self.connections += 1
                cut = self.cut_after if self.cuts_left > 0 else None
                self.cuts_left -= 1 if cut is not None else 0
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            threading.Thread(target=self._pump, args=(client, upstream, None),
                             daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, cut),
                             daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket, cut: int | None) -> None:
        sent = 0
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if cut is not None and sent + len(data) >= cut:
                    sink.sendall(data[:max(0, cut - sent)])
                    with self._lock:
                        self.cuts_done += 1
                    break
                sink.sendall(data)
                sent += len(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                with contextlib.suppress(OSError):
                    sock.close()


@contextlib.contextmanager
def cutting_proxy(target_port: int, cut_after: int, cuts: int = 1) -> Iterator[CuttingProxy]:
    """A running proxy, stopped on exit."""
    proxy = CuttingProxy(target_port, cut_after, cuts)
    proxy.start()
    try:
        yield proxy
    finally:
        proxy.stop()
