"""The processes' logging (``intake.logsetup``), in a process of its own as they run it.

A traceback logged anywhere keeps its frames and exception types but not the messages
(which can quote a citizen's words or a tracking code); ``PAKN_LOG_LEVEL=DEBUG`` raises
the product's loggers but leaves the libraries that quote data at WARNING.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import logging
    from intake.logsetup import configure_logging

    configure_logging()
    log = logging.getLogger("intake.services.demo")

    def route(text):
        return {"Bích Động": 1}[text]

    try:
        try:
            route("PA-7KQ2M9XZ Nguyễn Văn An 0912345678")
        except KeyError as exc:
            raise ValueError("citizen said: hẹn trả hồ sơ 3 lần") from exc
    except ValueError:
        log.exception("routing failed")
    log.debug("a debug line of ours")
    logging.getLogger("sqlalchemy.engine.Engine").info("INSERT ... ('PA-7KQ2M9XZ',)")
    logging.getLogger("telegram.ext.ExtBot").debug("sendMessage {'text': 'hẹn trả'}")
    logging.getLogger("rasa_sdk.executor").error("action failed", exc_info=(
        KeyError, KeyError("0912345678"), None))
""")


def _run(level: str) -> str:
    env = {**os.environ, "PAKN_LOG_LEVEL": level}
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True,
                          text=True, timeout=60, check=True)
    return done.stderr


def test_tracebacks_keep_frames_and_types_but_not_messages() -> None:
    logged = _run("DEBUG")
    assert "routing failed" in logged and "action failed" in logged
    assert "builtins.KeyError (message not logged)" in logged
    assert "builtins.ValueError (message not logged)" in logged
    assert 'in route' in logged  # the frame that failed
    for secret in ("PA-7KQ2M9XZ", "Nguyễn", "0912345678", "hẹn trả"):
        assert secret not in logged, secret


def test_debug_raises_only_our_own_loggers() -> None:
    assert "DEBUG intake.services.demo: a debug line of ours" in _run("DEBUG")
    assert "a debug line of ours" not in _run("INFO")
    assert "INSERT" not in _run("DEBUG") and "sendMessage" not in _run("DEBUG")
