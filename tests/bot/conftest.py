"""The real bot process against the Bot API double and the running Rasa stack.

``bot_env`` is the environment the bot runs with (also used by the benchmark);
``telegram`` is the double, ``bot_process`` the running ``python -m bot`` (polling) with,
beside it, the delivery dispatcher (``pakn delivery send``) that brings staff answers to
the chats, as ``pakn run`` starts them. Limits are set low so the abuse tests stay
short: a burst of 6 messages per chat, refilled at 1/s; messages over 1,500 characters
refused; the outbox polled every 0.2 s.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from intake.config import load_settings
from intake.db import Database
from intake.services.attachments import AttachmentService
from intake.services.complaints import IntakeService
from tests.harness.rasa_stack import RasaStack
from tests.harness.telegram_api import TelegramApiDouble

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "123456789:TEST-bot-token_for-the-double"


def bot_env(api: TelegramApiDouble, rasa_url: str, database_url: str, var_dir: Path,
            **extra: str) -> dict[str, str]:
    """Environment of a bot process pointed at the double."""
    return {**os.environ, "TELEGRAM_BOT_TOKEN": api.token, "PAKN_RASA_URL": rasa_url,
            "PAKN_DATABASE_URL": database_url, "PAKN_VAR_DIR": str(var_dir),
            "PAKN_TELEGRAM_BASE_URL": api.base_url, "PAKN_TELEGRAM_BASE_FILE_URL": api.file_url,
            "PYTHONUNBUFFERED": "1", **extra}


def start_bot(env: dict[str, str], log_path: Path, api: TelegramApiDouble,
              timeout: float = 30.0) -> subprocess.Popen[bytes]:
    """``python -m bot`` in polling mode; returns once it polls getUpdates."""
    with open(log_path, "wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "bot"], cwd=ROOT, env=env,
                                   stdin=subprocess.DEVNULL, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + timeout
    while not api.calls("getUpdates"):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"bot did not start:\n{log_path.read_text()[-3000:]}")
        time.sleep(0.1)
    return process


def start_webhook_bot(env: dict[str, str], log_path: Path, api: TelegramApiDouble,
                      timeout: float = 30.0) -> subprocess.Popen[bytes]:
    """``python -m bot --mode webhook``; returns once it registered its webhook and serves.

    ``env`` must carry ``PAKN_TELEGRAM_WEBHOOK_URL``/``_SECRET``/``_PORT``.
    """
    with open(log_path, "wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "bot", "--mode", "webhook"],
                                   cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    health = env["PAKN_TELEGRAM_WEBHOOK_URL"].rsplit("/", 1)[0] + "/healthz"
    deadline = time.monotonic() + timeout
    while True:
        if api.webhooks():
            try:
                if httpx.get(health, timeout=1, trust_env=False).status_code == 200:
                    return process
            except httpx.HTTPError:
                pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"bot did not start:\n{log_path.read_text()[-3000:]}")
        time.sleep(0.1)


def start_delivery(env: dict[str, str], log_path: Path, timeout: float = 30.0
                   ) -> subprocess.Popen[bytes]:
    """``pakn delivery send`` (the dispatcher); returns once it says what it delivers."""
    with open(log_path, "wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "intake.cli", "delivery", "send"],
                                   cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + timeout
    while b"delivering:" not in log_path.read_bytes():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"dispatcher did not start:\n{log_path.read_text()[-3000:]}")
        time.sleep(0.1)
    return process


def stop_bot(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM, then SIGKILL after 15 s."""
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=15)


@pytest.fixture(scope="session")
def telegram() -> Iterator[TelegramApiDouble]:
    """The Bot API double for the session."""
    with TelegramApiDouble(TOKEN) as api:
        yield api


@pytest.fixture(scope="session")
def bot_var_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bot's PAKN_VAR_DIR (attachments land in its ``attachments/``)."""
    return tmp_path_factory.mktemp("bot-var")


@pytest.fixture(scope="session")
def bot_process(telegram: TelegramApiDouble, rasa_stack: RasaStack, bot_var_dir: Path
                ) -> Iterator[subprocess.Popen[bytes]]:
    """The bot, polling the double, relaying to the session's Rasa stack."""
    env = bot_env(telegram, rasa_stack.rasa_url, rasa_stack.database_url, bot_var_dir,
                  **rasa_stack.edge_env,
                  PAKN_TELEGRAM_BURST="6", PAKN_TELEGRAM_REFILL_PER_SECOND="1",
                  PAKN_TELEGRAM_MAX_CHARS="1500", PAKN_DELIVERY_POLL_SECONDS="0.2",
                  PAKN_DELIVERY_RETRY_SECONDS="0.5")
    process = start_bot(env, bot_var_dir / "bot.log", telegram)
    dispatcher = start_delivery(env, bot_var_dir / "delivery.log")
    yield process
    stop_bot(dispatcher)
    stop_bot(process)


@pytest.fixture(scope="session")
def intake_services(rasa_stack: RasaStack, bot_var_dir: Path
                    ) -> Iterator[tuple[IntakeService, AttachmentService]]:
    """Intake's services over the database the bot and the actions write to."""
    settings = load_settings({"PAKN_DATABASE_URL": rasa_stack.database_url,
                              "PAKN_VAR_DIR": str(bot_var_dir)})
    database = Database(rasa_stack.database_url)
    yield IntakeService(database, settings), AttachmentService(database, settings)
    database.dispose()
