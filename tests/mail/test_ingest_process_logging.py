"""An ingest process (``PAKN_MAIL_PROCESSES`` > 1) is started fresh (``spawn``) and
inherits none of the worker's logging: it sets up its own, so a traceback there carries
no exception message (which may quote a citizen's mail), and a failure while it loads
routing ahead is logged without stopping it."""

from __future__ import annotations

import os
import sys
from multiprocessing import get_context
from pathlib import Path

from intake.config import Settings
from intake.mail import pool
from intake.mail.config import MailSettings
from intake.routing.decision import Router
from intake.services.complaints import IntakeService

QUOTED = "Nguyễn Văn A, 0912 345 678, thôn Đồng Mới"


def start_with_routing_that_quotes_a_citizen(core: Settings, mail: MailSettings,
                                             log_path: str) -> None:
    """In the child: routing fails with an error whose message quotes a citizen, then
    the ingest process's own initializer runs, writing its log to ``log_path``."""
    def quoting(self: IntakeService) -> Router:
        raise ValueError(f"cannot route: {QUOTED}")

    sys.stderr = open(log_path, "w", encoding="utf-8", buffering=1)  # noqa: SIM115
    IntakeService.router = quoting  # type: ignore[method-assign]
    pool._start(core, mail, os.getppid())
    pool._ingest_batch([])  # the process is initialised and takes work
    sys.stderr.flush()


def test_an_ingest_process_logs_tracebacks_without_their_messages(
        settings: Settings, mail_settings: MailSettings, tmp_path: Path) -> None:
    log_path = tmp_path / "ingest-process.log"
    child = get_context("spawn").Process(
        target=start_with_routing_that_quotes_a_citizen,
        args=(settings, mail_settings, str(log_path)))
    child.start()
    try:
        child.join(120)
        said = log_path.read_text(encoding="utf-8") if log_path.exists() else ""
        assert child.exitcode == 0, said
    finally:
        if child.is_alive():  # it ignores SIGTERM, as an ingest process does
            child.kill()
            child.join(5)
    assert "routing not loaded ahead (ValueError: bad routing data or a bug)" in said
    assert "builtins.ValueError (message not logged)" in said
    assert "0912" not in said and "Đồng Mới" not in said
