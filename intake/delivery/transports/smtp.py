"""E-mail through SMTP (aiosmtplib): one connection per batch, TLS always verified.

A connection-level failure (server down, TLS refused) retries every message of the
batch not yet handed over; a 4xx for one recipient retries that message, a 5xx fails it
(a 552 for a message too large says so in Vietnamese). The files a message carries (a
staff answer's attachments) go as MIME attachments, read from the content store in a
worker thread. Errors are described without secrets or addresses.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Sequence
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

import aiosmtplib

from intake.delivery.transports import (
    Failed,
    FileGone,
    FileUnavailable,
    Parcel,
    Result,
    Retry,
    Sent,
)
from intake.mail_config import MailSettings, Security, require_smtp, tls_context
from intake.models import Channel, utcnow

RESERVED = ("from", "to", "subject", "date")


def build_message(parcel: Parcel, settings: MailSettings) -> EmailMessage:
    """The RFC 5322 message of a parcel (UTF-8 text; headers from the outbox row; every
    message carries our ``X-Loop`` marker)."""
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = Address(addr_spec=parcel.recipient)
    message["Subject"] = parcel.subject
    message["Date"] = format_datetime(utcnow())
    for name, value in parcel.headers.items():
        if name.lower() not in RESERVED:
            message[name] = value
    if "X-Loop" not in message:  # our loop marker: how our own mail is known when it returns
        message["X-Loop"] = settings.from_address
    message.set_content(parcel.body, charset="utf-8")
    for file in parcel.files:  # blocking reads: the transport builds off the event loop
        maintype, _, subtype = file.content_type.partition("/")
        if not maintype or not subtype or maintype == "multipart":
            maintype, subtype = "application", "octet-stream"
        message.add_attachment(file.read(), maintype=maintype, subtype=subtype,
                               filename=file.filename)
    return message


class SmtpTransport:
    """Sends the ``email`` rows."""

    channel = Channel.EMAIL.value

    def __init__(self, settings: MailSettings) -> None:
        require_smtp(settings)
        self.settings = settings
        self._tls = (None if settings.smtp_security is Security.PLAIN
                     else tls_context(settings.smtp_ca_file))

    def _client(self) -> aiosmtplib.SMTP:
        s = self.settings
        return aiosmtplib.SMTP(
            hostname=s.smtp_host, port=s.smtp_port, timeout=s.smtp_timeout,
            use_tls=s.smtp_security is Security.TLS,
            # False, not None, for plain: no opportunistic STARTTLS guessing either way;
            # with STARTTLS a server that does not offer it is an error, never plain.
            start_tls=s.smtp_security is Security.STARTTLS, tls_context=self._tls,
            username=s.smtp_user, password=s.smtp_password)

    async def send(self, parcels: Sequence[Parcel]) -> list[Result]:
        """Send ``parcels`` over one connection."""
        results: list[Result] = []
        try:
            async with self._client() as smtp:
                for parcel in parcels:
                    results.append(await self._send_one(smtp, parcel))
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            error = self._describe(exc)
            results += [Retry(error) for _ in parcels[len(results):]]
        return results

    async def _send_one(self, smtp: aiosmtplib.SMTP, parcel: Parcel) -> Result:
        try:
            message = await asyncio.to_thread(build_message, parcel, self.settings)
        except FileGone as exc:
            return Failed(exc.reason_vi)
        except FileUnavailable as exc:
            return Retry(str(exc))
        try:
            await smtp.send_message(message, sender=self.settings.from_address,
                                    recipients=[parcel.recipient])
        except (aiosmtplib.SMTPRecipientsRefused, aiosmtplib.SMTPResponseException) as exc:
            code = getattr(exc, "code", 0) or 550
            if isinstance(exc, aiosmtplib.SMTPRecipientsRefused):
                code = exc.recipients[0].code if exc.recipients else 550
            if code == 552 and parcel.files:
                return Failed(f"SMTP {code}: máy chủ thư từ chối vì thư kèm tệp quá lớn "
                              f"({_megabytes(sum(f.size for f in parcel.files))}).")
            return Failed(f"SMTP {code}") if 500 <= code < 600 else Retry(f"SMTP {code}")
        return Sent()

    def _describe(self, exc: BaseException) -> str:
        """``last_error`` for a connection-level failure (no secrets)."""
        s = self.settings
        where = f"{s.smtp_host}:{s.smtp_port}"
        cause: BaseException | None = exc
        while cause is not None and not isinstance(cause, ssl.SSLError):
            cause = cause.__cause__ or cause.__context__
        if isinstance(cause, ssl.SSLCertVerificationError):
            return (f"{type(exc).__name__}: TLS certificate of {where} not trusted "
                    f"({cause.verify_message or cause.reason}); check PAKN_SMTP_CA_FILE")
        if isinstance(cause, ssl.SSLError):
            return f"{type(exc).__name__}: TLS with {where} failed ({cause.reason})"
        if isinstance(exc, aiosmtplib.SMTPException) and "starttls" in str(exc).lower():
            return f"{type(exc).__name__}: STARTTLS with {where} failed: {exc}"[:500]
        return f"{type(exc).__name__}: SMTP unavailable"

    async def aclose(self) -> None:
        """Nothing held between batches."""


def _megabytes(size: int) -> str:
    """A size as staff read it ("12,5 MB")."""
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
