"""Which transports are configured, and the dispatcher's retry policy.

- SMTP when ``PAKN_SMTP_HOST`` is set (the mail settings, ``intake.mail_config``);
- Telegram when ``TELEGRAM_BOT_TOKEN`` is set (``PAKN_TELEGRAM_BASE_URL`` for a local
  Bot API server or the test double);
- ``PAKN_DELIVERY_RETRY_SECONDS`` (else ``PAKN_SMTP_RETRY_SECONDS``, default 5): the
  first retry delay, doubling up to ``PAKN_DELIVERY_RETRY_MAX_SECONDS`` (900);
  ``PAKN_DELIVERY_MAX_ATTEMPTS`` (60); ``PAKN_DELIVERY_POLL_SECONDS`` (1).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from intake.config import Settings, _read_env_file, load_settings
from intake.db import Database
from intake.delivery.dispatcher import Dispatcher, RetryPolicy
from intake.delivery.transports import Transport
from intake.delivery.transports.smtp import SmtpTransport
from intake.delivery.transports.telegram import DEFAULT_BASE_URL, TelegramTransport
from intake.mail_config import MailSettings, load_mail_settings
from intake.storage import ATTACHMENTS, open_store


@dataclass(frozen=True)
class DeliverySettings:
    """Transports to run and the policy they share."""

    mail: MailSettings | None
    telegram_token: str | None
    telegram_base_url: str
    policy: RetryPolicy
    poll_seconds: float
    files_root: Path | None = None  # the attachments' store (files a message carries)
    files_store: str = "dir"  # PAKN_RAW_STORE: that directory, or the database's table

    @property
    def channels(self) -> list[str]:
        """The configured channels (empty: nothing can be delivered)."""
        return [name for name, on in (("email", self.mail is not None),
                                      ("telegram", self.telegram_token is not None)) if on]


def transports_configured(settings: Settings) -> bool:
    """True when at least one transport is configured (the supervisor's test)."""
    return bool(settings.smtp_host or settings.telegram_token)


def load_delivery_settings(env: dict[str, str] | None = None) -> DeliverySettings:
    """From ``env`` (default: ``pakn.env`` overlaid by the environment)."""
    core = load_settings(env)
    merged = _read_env_file(core.root / "pakn.env")
    merged.update(os.environ if env is None else env)
    mail = load_mail_settings(merged, core) if core.smtp_host else None
    base = float(merged.get("PAKN_DELIVERY_RETRY_SECONDS")
                 or merged.get("PAKN_SMTP_RETRY_SECONDS") or 5)
    policy = RetryPolicy(
        base=timedelta(seconds=base),
        cap=timedelta(seconds=float(merged.get("PAKN_DELIVERY_RETRY_MAX_SECONDS") or 900)),
        max_attempts=int(merged.get("PAKN_DELIVERY_MAX_ATTEMPTS") or 60))
    return DeliverySettings(
        mail=mail, telegram_token=core.telegram_token,
        telegram_base_url=merged.get("PAKN_TELEGRAM_BASE_URL") or DEFAULT_BASE_URL,
        policy=policy, poll_seconds=float(merged.get("PAKN_DELIVERY_POLL_SECONDS") or 1),
        files_root=core.attachments_dir, files_store=core.raw_store)


def build_dispatcher(db: Database, settings: DeliverySettings) -> Dispatcher:
    """A dispatcher with every configured transport."""
    transports: dict[str, Transport] = {}
    if settings.mail is not None:
        transports["email"] = SmtpTransport(settings.mail)
    if settings.telegram_token is not None:
        transports["telegram"] = TelegramTransport(settings.telegram_token,
                                                   settings.telegram_base_url)
    files = (open_store(settings.files_store, settings.files_root, "", db, ATTACHMENTS)
             if settings.files_root is not None else None)
    return Dispatcher(db, transports, settings.policy, files=files)


def mail_dispatcher(db: Database, mail: MailSettings) -> Dispatcher:
    """A dispatcher with the SMTP transport only, its policy from the mail settings
    (tests, benchmarks, ``pakn delivery send`` on a mail-only installation)."""
    policy = RetryPolicy(base=timedelta(seconds=mail.retry_base),
                         cap=timedelta(seconds=mail.retry_max),
                         max_attempts=mail.max_send_attempts)
    return Dispatcher(db, {"email": SmtpTransport(mail)}, policy, files=open_store(
        mail.raw_store, mail.attachments_dir, "", db, ATTACHMENTS))
