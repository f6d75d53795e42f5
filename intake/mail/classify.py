"""What a parsed message is: a new complaint, a reply on one, or automatic mail.

Automatic mail (auto-replies, bounces and delivery reports, read receipts, calendar
invitations, mailing lists and bulk mail, our own messages coming back) is recorded and
never answered (RFC 3834), which is what keeps two autoresponders from mailing each
other forever. Our own mail is mail *we* sent: a Message-ID we generated and recorded,
or our exact sending address together with our loop marker (``X-Loop``) — never a whole
domain, since every official of the province writes from it. A reply is recognised by
the tracking code in its subject or by In-Reply-To/References naming a message we sent;
it joins the existing complaint only when it comes from the address that filed it and
our mail server did not find that From forged (``auth``); otherwise it becomes a new
complaint linked to the old one (nobody can add to, or learn about, someone else's
complaint by quoting its code).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from email import policy
from email.message import Message
from email.parser import BytesParser
from typing import Protocol

from intake.codes import find_code
from intake.mail.auth import UNVERIFIED, FromCheck, Verdict, check_from
from intake.mail.parse import PARSE_ERRORS, ParsedMail

_AUTO_SUBJECT = re.compile(
    r"^\s*(auto(matic)?[ -]?(reply|response)|out of (the )?office|abwesenheit|"
    r"trả lời tự động|thư trả lời tự động|vắng mặt|tự động trả lời|autosvar|auto:)",
    re.IGNORECASE)
_BOUNCE_SENDERS = re.compile(r"^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@",
                             re.IGNORECASE)


class Kind(enum.StrEnum):
    """The classes of incoming mail."""

    NEW = "new"            # a new complaint
    REPLY = "reply"        # a message on an existing complaint, from its sender
    LINKED = "linked"      # a new complaint that refers to someone else's complaint
    AUTO_REPLY = "auto"    # out-of-office and other automatic replies
    BOUNCE = "bounce"      # non-delivery and delivery-status reports
    BULK = "bulk"          # mailing lists, bulk and junk mail
    OWN = "own"            # mail we sent, coming back
    RECEIPT = "receipt"    # read receipts (MDN, RFC 8098)
    CALENDAR = "calendar"  # meeting invitations and their answers (iTIP)
    NO_SENDER = "nosender"  # nobody to answer: recorded as a complaint without reply

    @property
    def automatic(self) -> bool:
        """True for mail that is recorded and never answered."""
        return self in {Kind.AUTO_REPLY, Kind.BOUNCE, Kind.BULK, Kind.OWN, Kind.RECEIPT,
                        Kind.CALENDAR}


@dataclass(frozen=True)
class Classification:
    """The class of a message, the complaint it refers to, and why."""

    kind: Kind
    code: str | None
    reason: str
    auth: FromCheck = UNVERIFIED


ThreadLookup = Callable[[Sequence[str]], str | None]
OwnerLookup = Callable[[str], str | None]
SentLookup = Callable[[str], bool]


@dataclass(frozen=True)
class Ours:
    """How to recognise our own mail and our own mail server's verdicts."""

    address: str
    domain: str
    addresses: frozenset[str] = frozenset()   # every address of the hotline (aliases)
    authserv_ids: tuple[str, ...] = ()        # of our server's Authentication-Results


def _own_mail(mail: ParsedMail, ours: Ours, sent: SentLookup | None) -> str | None:
    """Why ``mail`` is mail we sent, or ``None``: never for a Message-ID merely of our
    domain, which every official's mail has."""
    if mail.message_id and sent is not None and sent(mail.message_id):
        return "a Message-ID we generated and recorded"
    loop = any(ours.address == v.strip().strip("<>").lower()
               for v in mail.headers.get("x-loop", ()))
    if loop and mail.sender == ours.address:
        return "our sending address with our X-Loop marker"
    return None


def _receipt_or_calendar(mail: ParsedMail) -> tuple[Kind, str] | None:
    report = mail.header("content-type").lower()
    if "message/disposition-notification" in mail.part_types or \
            "disposition-notification" in report:
        return Kind.RECEIPT, "read receipt (message/disposition-notification)"
    if mail.calendar_method:
        return Kind.CALENDAR, f"calendar invitation (METHOD:{mail.calendar_method})"
    return None


class HeaderFacts(Protocol):
    """What the header rules read: a fully parsed message (``ParsedMail``) has it, and
    so has the mail triage's first look at the header alone (``intake.mail.triage``)."""

    @property
    def headers(self) -> Mapping[str, tuple[str, ...]]: ...
    @property
    def sender(self) -> str | None: ...
    @property
    def subject(self) -> str: ...
    def header(self, name: str) -> str: ...


def bounce_by_headers(mail: HeaderFacts) -> str | None:
    """Why the header says ``mail`` is a bounce or delivery report, or ``None``."""
    report = mail.header("content-type").lower()
    if report.strip().startswith("multipart/report") or "report-type" in report:
        return "multipart/report (delivery status)"
    if mail.sender and _BOUNCE_SENDERS.match(mail.sender):
        return "sent by a mailer daemon"
    if "return-path" in mail.headers and mail.header("return-path").strip() in ("<>", ""):
        return "null Return-Path"
    return None


def _bounce(mail: ParsedMail) -> str | None:
    if mail.content_type == "multipart/report":
        return "multipart/report (delivery status)"
    by_headers = bounce_by_headers(mail)
    if by_headers and by_headers.startswith("multipart"):
        return by_headers
    if "message/delivery-status" in mail.part_types:
        return "delivery-status part"
    return by_headers


def automatic_by_headers(mail: HeaderFacts) -> tuple[Kind, str] | None:
    """Auto-replies, loops, bulk and list mail, from the header alone (RFC 3834)."""
    auto = mail.header("auto-submitted").strip().lower()
    if auto and not auto.startswith("no"):
        return Kind.AUTO_REPLY, f"Auto-Submitted: {auto[:40]}"
    for name in ("x-autoreply", "x-autorespond", "x-auto-reply"):
        if name in mail.headers:
            return Kind.AUTO_REPLY, name
    if mail.headers.get("x-loop"):
        return Kind.AUTO_REPLY, "X-Loop present"
    precedence = mail.header("precedence").strip().lower()
    if precedence in ("bulk", "junk", "list", "auto_reply"):
        return Kind.BULK, f"Precedence: {precedence}"
    if "list-id" in mail.headers or "list-unsubscribe" in mail.headers:
        return Kind.BULK, "mailing-list headers"
    if _AUTO_SUBJECT.match(mail.subject):
        return Kind.AUTO_REPLY, "auto-reply subject"
    return None


def classify(mail: ParsedMail, ours: Ours, thread: ThreadLookup,
             owner: OwnerLookup, sent: SentLookup | None = None) -> Classification:
    """Classify ``mail``; ``thread`` maps our Message-IDs to a complaint code, ``owner``
    gives the address a complaint was filed from (``None`` if there is no such code),
    ``sent`` says whether a Message-ID is one we generated."""
    code = _referenced_code(mail, thread)
    reason = _own_mail(mail, ours, sent)
    if reason:
        return Classification(Kind.OWN, code, reason)
    receipt = _receipt_or_calendar(mail)
    if receipt:
        return Classification(receipt[0], code, receipt[1])
    reason = _bounce(mail)
    if reason:
        return Classification(Kind.BOUNCE, code, reason)
    automatic = automatic_by_headers(mail)
    if automatic:
        return Classification(automatic[0], code, automatic[1])
    if mail.sender is None:
        return Classification(Kind.NO_SENDER, None, "no usable From address")
    auth = check_from(mail.headers.get("authentication-results", ()), ours.authserv_ids,
                      mail.sender if mail.sender_header == "from" else None)
    if code is None:
        return Classification(Kind.NEW, None, "no tracking code or thread reference", auth)
    filed_by = owner(code)
    if filed_by is None:
        return Classification(Kind.NEW, None, "tracking code of no known complaint", auth)
    if filed_by.lower() != mail.sender:
        return Classification(Kind.LINKED, code,
                              "refers to a complaint filed by another sender", auth)
    if auth.verdict is Verdict.FAIL:
        return Classification(Kind.LINKED, code, "From of the complaint's sender failed "
                              f"authentication at our server ({auth.reason})", auth)
    if mail.sender_header != "from":
        return Classification(Kind.LINKED, code, f"sender taken from {mail.sender_header}, "
                              "not From: not trusted to join the complaint", auth)
    return Classification(Kind.REPLY, code, "reply from the complaint's sender", auth)


def _referenced_code(mail: ParsedMail, thread: ThreadLookup) -> str | None:
    """The complaint a message refers to: our Message-IDs first, then the subject code."""
    ids = [*mail.in_reply_to, *mail.references, *mail.embedded_ids]
    if ids:
        found = thread(ids)
        if found:
            return found
    return find_code(mail.subject) if mail.subject else None


@dataclass(frozen=True)
class DeliveryReport:
    """The per-recipient part of a delivery status notification (RFC 3464)."""

    failed: bool   # some recipient's Action is ``failed`` (not only delayed/relayed …)
    reason: str    # ``5.1.1 someone@example.vn (550 5.1.1 no such user)``; …


def delivery_report(raw: bytes) -> DeliveryReport | None:
    """The DSN fields of ``raw`` (a bounce); ``None`` when it has no delivery-status part
    (a mailer daemon's plain-text bounce)."""
    try:
        message = BytesParser(policy=policy.compat32).parsebytes(raw)
        for part in message.walk():
            if part.get_content_type() != "message/delivery-status":
                continue
            blocks = [b for b in (part.get_payload() or []) if isinstance(b, Message)]
            recipients = [b for b in blocks if b.get("Final-Recipient") or b.get("Action")]
            if recipients:
                return _report(recipients)
    except PARSE_ERRORS:
        return None
    return None


def _field(block: Message, name: str) -> str:
    value = " ".join(str(block.get(name, "")).split())
    return value.split(";", 1)[1].strip() if ";" in value else value


def _report(recipients: list[Message]) -> DeliveryReport:
    failed = False
    notes = []
    for block in recipients:
        action = _field(block, "Action").lower()
        failed = failed or action in ("failed", "")
        diagnostic = _field(block, "Diagnostic-Code")
        note = " ".join(x for x in (_field(block, "Status"),
                                    _field(block, "Final-Recipient"),
                                    f"({diagnostic})" if diagnostic else "",
                                    "" if action in ("failed", "") else f"[{action}]") if x)
        notes.append(note)
    return DeliveryReport(failed, "; ".join(notes)[:400] or "delivery status report")
