"""Settings of the Telegram front end (environment / ``pakn.env``, like intake's).

The token comes from intake's settings (``TELEGRAM_BOT_TOKEN``); the rest is specific to
the bot: where the Bot API lives (a local Bot API server or the test double), polling or
webhook, and the abuse limits.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from intake.config import Settings, _read_env_file, load_settings
from intake.services.complaints import MAX_TEXT_CHARS

DEFAULT_ALLOWED_TYPES = (
    "image/jpeg", "image/png", "image/webp", "application/pdf", "text/plain",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)


class BotConfigError(Exception):
    """The bot cannot start with this configuration (message says which variable)."""


@dataclass(frozen=True)
class BotSettings:
    """Everything the bot needs; see README "Telegram"."""

    intake: Settings
    token: str
    base_url: str
    base_file_url: str
    mode: str
    webhook_url: str | None
    webhook_secret: str | None
    webhook_listen: str
    webhook_port: int
    max_chars: int
    max_file_bytes: int
    allowed_types: tuple[str, ...]
    burst: int
    refill_per_second: float
    join_seconds: float       # a chat's texts this close together are one message
    join_long_seconds: float  # … and this long after a text Telegram probably split
    attach_window_hours: float


def load_bot_settings(env: dict[str, str] | None = None) -> BotSettings:
    """Bot settings from ``env`` (default: ``pakn.env`` overlaid by ``os.environ``)."""
    intake = load_settings(env)
    merged = _read_env_file(intake.root / "pakn.env")
    merged.update(os.environ if env is None else env)
    if not intake.telegram_token:
        raise BotConfigError("TELEGRAM_BOT_TOKEN is not set")
    mode = merged.get("PAKN_TELEGRAM_MODE", "polling")
    if mode not in ("polling", "webhook"):
        raise BotConfigError("PAKN_TELEGRAM_MODE must be 'polling' or 'webhook'")
    secret = merged.get("PAKN_TELEGRAM_WEBHOOK_SECRET") or None
    url = merged.get("PAKN_TELEGRAM_WEBHOOK_URL") or None
    if mode == "webhook" and (not url or not secret):
        raise BotConfigError("webhook mode needs PAKN_TELEGRAM_WEBHOOK_URL and "
                             "PAKN_TELEGRAM_WEBHOOK_SECRET")
    types = merged.get("PAKN_TELEGRAM_ALLOWED_TYPES")
    return BotSettings(
        intake=intake,
        token=intake.telegram_token,
        base_url=merged.get("PAKN_TELEGRAM_BASE_URL", "https://api.telegram.org/bot"),
        base_file_url=merged.get("PAKN_TELEGRAM_BASE_FILE_URL",
                                 "https://api.telegram.org/file/bot"),
        mode=mode, webhook_url=url, webhook_secret=secret,
        webhook_listen=merged.get("PAKN_TELEGRAM_WEBHOOK_LISTEN", "127.0.0.1"),
        webhook_port=int(merged.get("PAKN_TELEGRAM_WEBHOOK_PORT", "8443")),
        # Joined messages (bot.joining) may be long: a complaint's own limit by default.
        max_chars=int(merged.get("PAKN_TELEGRAM_MAX_CHARS", str(MAX_TEXT_CHARS))),
        max_file_bytes=int(merged.get("PAKN_TELEGRAM_MAX_FILE_BYTES", str(10 * 1024 * 1024))),
        allowed_types=tuple(t.strip() for t in types.split(",") if t.strip())
        if types else DEFAULT_ALLOWED_TYPES,
        burst=int(merged.get("PAKN_TELEGRAM_BURST", "8")),
        refill_per_second=float(merged.get("PAKN_TELEGRAM_REFILL_PER_SECOND", "0.5")),
        join_seconds=float(merged.get("PAKN_TELEGRAM_JOIN_SECONDS", "1.5")),
        join_long_seconds=float(merged.get("PAKN_TELEGRAM_JOIN_LONG_SECONDS", "6")),
        attach_window_hours=float(merged.get("PAKN_TELEGRAM_ATTACH_WINDOW_HOURS", "24")),
    )
