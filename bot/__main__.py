"""``python -m bot``: the Telegram front end (long polling by default, or webhook)."""

from __future__ import annotations

import argparse
import asyncio
import logging

from telegram import Update

from bot.app import build_application
from bot.settings import BotConfigError, load_bot_settings
from bot.webhook import run_webhook
from intake.logsetup import configure_logging

log = logging.getLogger("bot")


def main(argv: list[str] | None = None) -> int:
    """Run the bot; the exit code (2 for a configuration error)."""
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    parser.add_argument("--mode", choices=("polling", "webhook"),
                        help="override PAKN_TELEGRAM_MODE")
    args = parser.parse_args(argv)
    configure_logging()  # PAKN_LOG_LEVEL for ours; httpx (its lines carry the token) quiet
    try:
        settings = load_bot_settings()
    except BotConfigError as exc:
        log.error("%s", exc)
        return 2
    mode = args.mode or settings.mode
    if mode == "webhook" and not (settings.webhook_url and settings.webhook_secret):
        log.error("webhook mode needs PAKN_TELEGRAM_WEBHOOK_URL and "
                  "PAKN_TELEGRAM_WEBHOOK_SECRET")
        return 2
    app = build_application(settings)
    if mode == "webhook":
        asyncio.run(run_webhook(app, settings))
    else:
        app.run_polling(allowed_updates=Update.ALL_TYPES, poll_interval=0.0, timeout=10,
                        drop_pending_updates=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
