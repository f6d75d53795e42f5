"""Stopping a test's child process and everything it started (its process group)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess


def stop_process_group(process: subprocess.Popen[bytes], *,
                       first: signal.Signals = signal.SIGTERM, grace: float = 15.0) -> None:
    """Send ``first`` to the group the process leads (started with
    ``start_new_session=True``), wait ``grace`` seconds, then SIGKILL the group."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, first)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=grace)
