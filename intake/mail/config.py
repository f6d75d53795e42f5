"""The mail settings, for the mailbox's stages: they live in the core
(``intake.mail_config``) because the delivery core's SMTP transport reads them too."""

from __future__ import annotations

from intake.mail_config import (
    AfterCommit,
    MailConfigError,
    MailSettings,
    Security,
    default_processes,
    load_mail_settings,
    require_imap,
    require_smtp,
    tls_context,
)

__all__ = ["AfterCommit", "MailConfigError", "MailSettings", "Security", "default_processes",
           "load_mail_settings", "require_imap", "require_smtp", "tls_context"]
