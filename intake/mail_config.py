"""Mail settings (IMAP, SMTP, limits) from the environment or ``pakn.env``.

Passwords come from ``PAKN_IMAP_PASSWORD`` / ``PAKN_SMTP_PASSWORD`` or, better, from a
secret file named by ``PAKN_IMAP_PASSWORD_FILE`` / ``PAKN_SMTP_PASSWORD_FILE``. Plain
(unencrypted) connections are refused unless ``PAKN_MAIL_ALLOW_PLAIN=1`` says they are
wanted (tests, a relay on loopback). TLS and STARTTLS always verify the server's
certificate and host name: against the system's CAs, or against the CA file named by
``PAKN_IMAP_CA_FILE`` / ``PAKN_SMTP_CA_FILE`` (a private CA, a self-signed server).
There is no switch to turn verification off, and no fallback to plain.
"""

from __future__ import annotations

import enum
import functools
import os
import ssl
from dataclasses import dataclass, field
from email.utils import parseaddr
from pathlib import Path

from intake.config import (
    Settings,
    _read_env_file,
    load_settings,
    mail_domain_of,
    parse_raw_store,
    project_root,
)

DEFAULT_ALLOWED_TYPES = (
    "application/pdf", "image/*", "text/plain", "text/csv", "audio/*", "video/mp4",
    "application/msword", "application/vnd.openxmlformats-officedocument.*",
    "application/vnd.ms-excel", "application/vnd.oasis.opendocument.*", "application/zip",
    "application/x-zip-compressed", "application/rtf", "message/rfc822",
)


class MailConfigError(ValueError):
    """The mail settings are incomplete or unsafe (an operator's fix)."""


class Security(enum.StrEnum):
    """How a connection is protected."""

    TLS = "tls"
    STARTTLS = "starttls"
    PLAIN = "plain"


class AfterCommit(enum.StrEnum):
    """What happens to a mailbox message once its intake is committed."""

    MOVE = "move"
    FLAG = "flag"


@dataclass(frozen=True)
class MailSettings:
    """Everything the mail worker and the outbox sender need; see README "Hotline mailbox"."""

    var_dir: Path
    imap_host: str | None = None
    imap_port: int = 993
    imap_user: str | None = None
    imap_password: str | None = field(default=None, repr=False)
    imap_security: Security = Security.TLS
    imap_ca_file: Path | None = None
    imap_folder: str = "INBOX"
    processed_folder: str = "Processed"
    quarantine_folder: str = "Quarantine"
    after_commit: AfterCommit = AfterCommit.MOVE
    use_idle: bool = True
    idle_timeout: float = 300.0
    poll_interval: float = 30.0
    fetch_batch: int = 200
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_user: str | None = None
    smtp_password: str | None = field(default=None, repr=False)
    smtp_security: Security = Security.STARTTLS
    smtp_ca_file: Path | None = None
    smtp_timeout: float = 30.0
    retry_base: float = 5.0
    retry_max: float = 900.0
    max_send_attempts: int = 60
    mail_from: str = "Đường dây nóng TTHC Bắc Giang <thutuchanhchinh@bacgiang.gov.vn>"
    mail_domain: str = "bacgiang.gov.vn"
    ack_limit_per_day: int = 5
    ack_limit_per_hour: int = 300  # all recipients together (a forged-mail flood)
    other_addresses: tuple[str, ...] = ()  # the hotline's other addresses (aliases, cc)
    authserv_ids: tuple[str, ...] = ()  # our MTA's Authentication-Results authserv-id(s)
    max_attachment_bytes: int = 10 * 1024 * 1024
    max_attachments: int = 20
    allowed_types: tuple[str, ...] = DEFAULT_ALLOWED_TYPES
    fsync: bool = True
    processes: int = 1
    triage: bool = True  # serve likely-genuine mail first (off: arrival order, for benches)
    spam_senders: tuple[str, ...] = ()  # known spam senders: addresses or "@domain"
    sender_rate: int = 20  # messages of one sender within an hour before it is lowered
    raw_store: str = "dir"  # PAKN_RAW_STORE: "dir" (var/mail/raw) or "db" (shared by machines)

    @property
    def raw_dir(self) -> Path:
        """Where raw RFC 822 messages are kept, by SHA-256."""
        return self.var_dir / "mail" / "raw"

    @property
    def attachments_dir(self) -> Path:
        """The intake attachment store (shared with the other channels)."""
        return self.var_dir / "attachments"

    @property
    def from_address(self) -> str:
        """Our address (lower case) without the display name."""
        return _address(self.mail_from)

    @property
    def our_addresses(self) -> frozenset[str]:
        """Every address of the hotline: we never write to these (read for every
        acknowledgement: the set is made once per pair of settings values)."""
        return _addresses(self.mail_from, self.other_addresses)


@functools.lru_cache(maxsize=64)
def _address(mail_from: str) -> str:
    return parseaddr(mail_from)[1].lower()


@functools.lru_cache(maxsize=64)
def _addresses(mail_from: str, others: tuple[str, ...]) -> frozenset[str]:
    return frozenset({_address(mail_from), *others})


def _secret(env: dict[str, str], name: str) -> str | None:
    """``NAME`` or the first line of the file named by ``NAME_FILE``."""
    path = env.get(f"{name}_FILE")
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").splitlines()[0].strip()
        except (OSError, IndexError) as exc:
            raise MailConfigError(f"cannot read {name}_FILE: {type(exc).__name__}") from exc
    return env.get(name) or None


def _flag(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _security(env: dict[str, str], name: str, default: Security) -> Security:
    raw = env.get(name, default.value).strip().lower()
    try:
        security = Security(raw)
    except ValueError as exc:
        raise MailConfigError(f"{name} must be tls, starttls or plain, not {raw!r}") from exc
    if security is Security.PLAIN and not _flag(env.get("PAKN_MAIL_ALLOW_PLAIN"), False):
        raise MailConfigError(f"{name}=plain sends the password in clear; set "
                              "PAKN_MAIL_ALLOW_PLAIN=1 if that is really wanted (tests)")
    return security


def _ca_file(env: dict[str, str], name: str) -> Path | None:
    value = env.get(name)
    if not value:
        return None
    path = Path(value)
    if not path.is_file():
        raise MailConfigError(f"{name}: no such file: {path}")
    return path


def tls_context(ca_file: Path | None) -> ssl.SSLContext:
    """A verifying client context (certificate and host name): the system's CAs, or only
    those of ``ca_file``."""
    try:
        return ssl.create_default_context(cafile=str(ca_file) if ca_file else None)
    except (OSError, ssl.SSLError) as exc:
        raise MailConfigError(f"cannot load the CA file {ca_file}: {exc}") from exc


def _merged_env(env: dict[str, str] | None) -> dict[str, str]:
    merged = _read_env_file(project_root() / "pakn.env")
    merged.update(os.environ if env is None else env)
    return merged


def _types(value: str | None) -> tuple[str, ...]:
    if not value:
        return DEFAULT_ALLOWED_TYPES
    return tuple(t.strip().lower() for t in value.split(",") if t.strip())


def _list(value: str | None) -> tuple[str, ...]:
    """A comma-separated setting, lower-cased, without empty items."""
    return tuple(v.strip().lower() for v in (value or "").split(",") if v.strip())


def _raw_store(value: str | None) -> str:
    try:
        return parse_raw_store(value)
    except ValueError as exc:
        raise MailConfigError(str(exc)) from exc


def default_processes() -> int:
    """Ingest processes per worker: one per core, at most four (parse and route are CPU)."""
    return max(1, min(4, os.cpu_count() or 1))


def load_mail_settings(env: dict[str, str] | None = None,
                       settings: Settings | None = None) -> MailSettings:
    """Mail settings from ``env`` (default: ``pakn.env`` overlaid by the environment)."""
    e = _merged_env(env)
    raw_store = _raw_store(e.get("PAKN_RAW_STORE"))  # before the core settings read it
    core = settings or load_settings(env)
    imap_security = _security(e, "PAKN_IMAP_SECURITY", Security.TLS)
    smtp_security = _security(e, "PAKN_SMTP_SECURITY", Security.STARTTLS)
    imap_port = {Security.TLS: 993}.get(imap_security, 143)
    smtp_port = {Security.TLS: 465, Security.STARTTLS: 587}.get(smtp_security, 25)
    mail_from = e.get("PAKN_MAIL_FROM") or MailSettings.mail_from
    domain = mail_domain_of(e)
    try:
        after = AfterCommit(e.get("PAKN_IMAP_AFTER", "move").lower())
        return MailSettings(
            var_dir=core.var_dir,
            imap_host=e.get("PAKN_IMAP_HOST") or None,
            imap_port=int(e.get("PAKN_IMAP_PORT") or imap_port),
            imap_user=e.get("PAKN_IMAP_USER") or None,
            imap_password=_secret(e, "PAKN_IMAP_PASSWORD"),
            imap_security=imap_security,
            imap_ca_file=_ca_file(e, "PAKN_IMAP_CA_FILE"),
            imap_folder=e.get("PAKN_IMAP_FOLDER") or "INBOX",
            processed_folder=e.get("PAKN_IMAP_PROCESSED_FOLDER") or "Processed",
            quarantine_folder=e.get("PAKN_IMAP_QUARANTINE_FOLDER") or "Quarantine",
            after_commit=after,
            use_idle=_flag(e.get("PAKN_IMAP_IDLE"), True),
            idle_timeout=float(e.get("PAKN_IMAP_IDLE_TIMEOUT") or 300),
            poll_interval=float(e.get("PAKN_IMAP_POLL_SECONDS") or 30),
            fetch_batch=int(e.get("PAKN_IMAP_FETCH_BATCH") or 200),
            smtp_host=e.get("PAKN_SMTP_HOST") or None,
            smtp_port=int(e.get("PAKN_SMTP_PORT") or smtp_port),
            smtp_user=e.get("PAKN_SMTP_USER") or None,
            smtp_password=_secret(e, "PAKN_SMTP_PASSWORD"),
            smtp_security=smtp_security,
            smtp_ca_file=_ca_file(e, "PAKN_SMTP_CA_FILE"),
            retry_base=float(e.get("PAKN_SMTP_RETRY_SECONDS") or 5),
            mail_from=mail_from,
            mail_domain=domain,
            ack_limit_per_day=int(e.get("PAKN_MAIL_ACK_LIMIT_PER_DAY") or 5),
            ack_limit_per_hour=int(e.get("PAKN_MAIL_ACK_LIMIT_PER_HOUR") or 300),
            other_addresses=_list(e.get("PAKN_MAIL_ADDRESSES")),
            authserv_ids=_list(e.get("PAKN_MAIL_AUTHSERV_ID")),
            max_attachment_bytes=int(e.get("PAKN_MAIL_MAX_ATTACHMENT_BYTES") or 10 * 2**20),
            allowed_types=_types(e.get("PAKN_MAIL_ALLOWED_TYPES")),
            fsync=_flag(e.get("PAKN_MAIL_FSYNC"), True),
            processes=max(1, int(e.get("PAKN_MAIL_PROCESSES") or default_processes())),
            triage=_flag(e.get("PAKN_MAIL_TRIAGE"), True),
            spam_senders=_list(e.get("PAKN_MAIL_SPAM_SENDERS")),
            sender_rate=max(1, int(e.get("PAKN_MAIL_SENDER_RATE") or 20)),
            raw_store=raw_store,
        )
    except ValueError as exc:
        if isinstance(exc, MailConfigError):
            raise
        raise MailConfigError(f"invalid mail setting: {exc}") from exc


def require_imap(settings: MailSettings) -> None:
    """Raise unless host, user and password of the mailbox are all set."""
    missing = [name for name, value in (("PAKN_IMAP_HOST", settings.imap_host),
                                        ("PAKN_IMAP_USER", settings.imap_user),
                                        ("PAKN_IMAP_PASSWORD", settings.imap_password))
               if not value]
    if missing:
        raise MailConfigError("mailbox not configured: set " + ", ".join(missing))


def require_smtp(settings: MailSettings) -> None:
    """Raise unless an SMTP host is set."""
    if not settings.smtp_host:
        raise MailConfigError("SMTP not configured: set PAKN_SMTP_HOST")
