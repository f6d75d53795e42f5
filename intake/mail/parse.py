"""Raw RFC 822 bytes → a citizen's text, sender, threading headers and attachments.

Parsing uses ``email.policy.default`` from bytes. Real mail is often broken, so every
header read falls back to the raw value (decoded RFC 2047 words) when the structured
parser chokes, body bytes are decoded with the declared charset, then UTF-8, then
windows-1258, and all text ends NFC-normalised (windows-1258 decodes to combining tone
marks). HTML-only mail is turned into text with BeautifulSoup. Quoted history and
signatures are trimmed from the complaint text (the raw message keeps them).
Attachments over the size limit or of a refused type are recorded as refused; the rest
of the message is still taken.
"""

from __future__ import annotations

import fnmatch
import functools
import mimetypes
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from email.errors import HeaderParseError, MessageError
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.policy import EmailPolicy
from email.utils import getaddresses
from typing import Any

from bs4 import BeautifulSoup

from intake.text import nfc

# What the stdlib's header and MIME code raises on malformed input (it has no single base).
PARSE_ERRORS = (ValueError, IndexError, TypeError, AttributeError, LookupError, KeyError,
                HeaderParseError, MessageError, UnicodeError)
_MSGID = re.compile(r"<([^<>\s]+)>")
_ADDRESS = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")
_SURROGATES = re.compile("[\udc80-\udcff]")
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANKS = re.compile(r"\n{3,}")
_QUOTE_INTRO = re.compile(
    r"^\s*(on|vào|lúc|le|am)\b.{0,300}\b(wrote|viết|a écrit|schrieb)\s*:\s*$", re.IGNORECASE)
_QUOTE_BANNER = re.compile(
    r"^\s*(-{2,}|_{2,})\s*(original message|forwarded message|thư gốc|tin nhắn gốc|"
    r"thư chuyển tiếp|nội dung gốc)\b.*$|^\s*_{10,}\s*$", re.IGNORECASE)
_OUTLOOK_FROM = re.compile(r"^\s*\*?(from|từ|người gửi)\s*:\*?\s", re.IGNORECASE)
_OUTLOOK_NEXT = re.compile(r"^\s*\*?(sent|date|to|đã gửi|ngày|gửi|đến|subject|tiêu đề)\s*:",
                           re.IGNORECASE)
_SIGNATURE = re.compile(
    r"^(-- ?|--\s*$|(sent from|gửi từ|được gửi từ)\b.{0,60})$", re.IGNORECASE)
_HTML_QUOTES = ("blockquote", "div.gmail_quote", "div.gmail_extra", "div#divRplyFwdMsg",
                "div.moz-cite-prefix", "div#appendonsend", "div.yahoo_quoted",
                "div.gmail_signature", "div.moz-signature")
_BLOCKS = ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
           "pre", "section", "article")


@functools.lru_cache(maxsize=8192)
def _parsed_header(name: str, value: str) -> Any:
    return policy.default.header_factory(name, value)


class CachingPolicy(EmailPolicy):
    """``email.policy.default`` with parsed header values memoised.

    Parsed headers are immutable, and most values (Content-Type, Content-Transfer-Encoding
    of parts) repeat from message to message, while the stdlib parses a header again on
    every read; the MIME walk reads Content-Type a dozen times per message.
    """

    def header_fetch_parse(self, name: str, value: str) -> Any:
        if hasattr(value, "name"):
            return value
        return _parsed_header(name, "".join(value.splitlines()))


PARSING_POLICY = CachingPolicy()


class ParseError(ValueError):
    """The bytes are not a mail message at all (empty, no header fields)."""


@dataclass(frozen=True)
class Limits:
    """What attachments are accepted."""

    max_attachment_bytes: int = 10 * 1024 * 1024
    max_attachments: int = 20
    allowed_types: tuple[str, ...] = ("application/pdf", "image/*", "text/plain")


@dataclass(frozen=True)
class ParsedAttachment:
    """An attachment: its bytes, or ``None`` with the reason it was refused."""

    filename: str
    content_type: str
    size: int
    data: bytes | None
    refused: str | None = None


@dataclass(frozen=True)
class ParsedMail:
    """What the pipeline needs from a message (all text NFC, no surrogates)."""

    message_id: str | None
    subject: str
    sender: str | None
    sender_name: str | None
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]
    text: str
    full_text: str
    html_only: bool
    content_type: str
    attachments: tuple[ParsedAttachment, ...]
    headers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    part_types: frozenset[str] = frozenset()
    embedded_ids: tuple[str, ...] = ()  # Message-IDs of attached messages (bounces)
    defects: tuple[str, ...] = ()

    def header(self, name: str) -> str:
        """The first raw value of header ``name`` (case-insensitive), or ``""``."""
        values = self.headers.get(name.lower())
        return values[0] if values else ""


def fix_text(text: str) -> str:
    """Undo surrogate-escaped 8-bit bytes (UTF-8, else windows-1258), then NFC."""
    if _SURROGATES.search(text):
        data = text.encode("utf-8", "surrogateescape")
        text = decode_bytes(data, "utf-8")
    return nfc(text.encode("utf-8", "replace").decode("utf-8"))


def decode_bytes(data: bytes, charset: str | None) -> str:
    """Decode with the declared charset, else UTF-8, else windows-1258, else latin-1."""
    for encoding in (charset, "utf-8", "windows-1258"):
        if not encoding:
            continue
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


def _decoded_words(raw: str) -> str:
    try:
        return str(make_header(decode_header(raw)))
    except PARSE_ERRORS:
        return raw


def _raw_headers(msg: Message) -> dict[str, tuple[str, ...]]:
    headers: dict[str, list[str]] = {}
    for name, value in msg.raw_items():
        headers.setdefault(name.lower(), []).append(str(value))
    return {name: tuple(values) for name, values in headers.items()}


def header_text(msg: Message, name: str) -> str:
    """Header ``name`` as clean one-line text, via the raw value when parsing fails."""
    try:
        value = msg.get(name)
        text = "" if value is None else str(value)
    except PARSE_ERRORS:
        raw = next((v for k, v in msg.raw_items() if k.lower() == name.lower()), "")
        text = _decoded_words(str(raw))
    return " ".join(fix_text(text).split())


def _message_ids(raw: str) -> tuple[str, ...]:
    return tuple(m.strip() for m in _MSGID.findall(raw))


def _message_id(headers: dict[str, tuple[str, ...]]) -> str | None:
    raw = (headers.get("message-id") or headers.get("message-id".lower()) or ("",))[0]
    found = _message_ids(raw)
    if found:
        return found[0]
    token = raw.strip().strip("<>").strip()
    return token or None if token and " " not in token else None


def _sender(msg: Message) -> tuple[str | None, str | None]:
    """(address lower-cased, display name) of From, if it is a usable address."""
    raw = header_text(msg, "From")
    pairs = getaddresses([raw]) if raw else []
    for name, address in pairs:
        address = address.strip().lower()
        if _ADDRESS.match(address):
            return address, (name.strip() or None)
    return None, None


# -- body -------------------------------------------------------------------------------
def _leaves(part: Message) -> Iterator[Message]:
    """The non-multipart parts; an attached message (message/*) is one leaf."""
    if part.get_content_maintype() == "message" or not part.is_multipart():
        yield part
        return
    payload = part.get_payload()
    if isinstance(payload, list):
        for sub in payload:
            if isinstance(sub, Message):
                yield from _leaves(sub)


def _part_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    try:
        charset = part.get_content_charset()
    except PARSE_ERRORS:
        charset = None
    return fix_text(decode_bytes(data, charset))


def html_to_text(html: str, drop_quotes: bool = True) -> str:
    """Readable text of an HTML mail; quoted history and signatures dropped if asked."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "head", "title"]):
        tag.decompose()
    if drop_quotes:
        for selector in _HTML_QUOTES:
            for tag in soup.select(selector):
                tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for block in soup.find_all(_BLOCKS):
        block.insert_before("\n")
        block.insert_after("\n")
    return tidy(soup.get_text())


def tidy(text: str) -> str:
    """Trim each line, collapse runs of blank lines, strip the ends."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def _is_quote_start(lines: list[str], i: int) -> bool:
    line = lines[i]
    if _QUOTE_BANNER.match(line) or _QUOTE_INTRO.match(line):
        return True
    if i + 1 < len(lines):
        joined = f"{line} {lines[i + 1]}"
        if _QUOTE_INTRO.match(joined) and not _QUOTE_INTRO.match(lines[i + 1]):
            return True
        if _OUTLOOK_FROM.match(line) and _OUTLOOK_NEXT.match(lines[i + 1]):
            return True
    return False


def trim_quotes_and_signature(text: str) -> str:
    """The new part of a message: before the quoted history or the signature, no ``>``."""
    lines = text.split("\n")
    kept: list[str] = []
    for i, line in enumerate(lines):
        if _SIGNATURE.match(line.rstrip("\r")) or _is_quote_start(lines, i):
            break
        if not line.lstrip().startswith(">"):
            kept.append(line)
    return tidy("\n".join(kept))


def _body(msg: EmailMessage) -> tuple[Message | None, str, bool]:
    """(body part, its full text, whether it came from HTML)."""
    try:
        if not msg.is_multipart():
            ctype = msg.get_content_type()
            part: Message | None = msg if ctype in ("text/plain", "text/html") else None
        else:
            part = msg.get_body(preferencelist=("plain", "html"))
    except PARSE_ERRORS:
        part = next((p for p in _leaves(msg) if p.get_content_maintype() == "text"), None)
    if part is None:
        return None, "", False
    text = _part_text(part)
    if part.get_content_subtype() == "html":
        return part, text, True
    return part, tidy(text), False


# -- attachments --------------------------------------------------------------------------
def _filename(name: str | None, index: int, content_type: str) -> str:
    if name and "=?" in name:
        name = _decoded_words(name)
    name = fix_text(name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip(" .")[:200]
    if not name:
        ext = ".eml" if content_type == "message/rfc822" else (
            mimetypes.guess_extension(content_type) or ".bin")
        name = f"tep-dinh-kem-{index}{ext}"
    return name


def _disposition_and_name(part: Message) -> tuple[str | None, str | None]:
    try:
        return part.get_content_disposition(), part.get_filename()
    except PARSE_ERRORS:
        return None, None


def _is_attachment(ctype: str, disposition: str | None, name: str | None) -> bool:
    """A text part without a name that is not an attachment is an alternative rendering
    of the body (or an inline text part), not a file."""
    if ctype in ("message/delivery-status", "message/disposition-notification"):
        return False
    return not ctype.startswith("text/") or disposition == "attachment" or bool(name)


def _attachment_bytes(part: Message) -> bytes:
    if part.get_content_maintype() == "message":
        payload = part.get_payload()
        inner = payload[0] if isinstance(payload, list) and payload else None
        if isinstance(inner, Message):
            try:
                return inner.as_bytes()
            except PARSE_ERRORS:
                return str(inner).encode("utf-8", "surrogateescape")
    payload = part.get_payload(decode=True)
    return payload if isinstance(payload, bytes) else b""


def _content_type(ctype: str, filename: str) -> str:
    if ctype in ("application/octet-stream", "application/x-download", "binary/octet-stream"):
        guessed = mimetypes.guess_type(filename)[0]
        return guessed or ctype
    return ctype


def type_allowed(content_type: str, allowed: tuple[str, ...]) -> bool:
    """True when ``content_type`` matches one of the ``allowed`` patterns (``image/*``)."""
    return any(fnmatch.fnmatchcase(content_type, pattern) for pattern in allowed)


def _attachments(leaves: list[tuple[Message, str]], body: Message | None,
                 limits: Limits) -> tuple[ParsedAttachment, ...]:
    found: list[ParsedAttachment] = []
    for part, declared in leaves:
        if part is body:
            continue
        disposition, name = _disposition_and_name(part)
        if not _is_attachment(declared, disposition, name):
            continue
        data = _attachment_bytes(part)
        filename = _filename(name, len(found) + 1, declared)
        ctype = _content_type(declared, filename)
        refused = None
        if len(data) > limits.max_attachment_bytes:
            refused = "too_large"
        elif not type_allowed(ctype, limits.allowed_types):
            refused = "type_not_allowed"
        elif sum(1 for a in found if a.refused is None) >= limits.max_attachments:
            refused = "too_many"
        found.append(ParsedAttachment(filename, ctype, len(data),
                                      None if refused else data, refused))
    return tuple(found)


def _embedded_ids(leaves: list[tuple[Message, str]]) -> tuple[str, ...]:
    """Message-IDs of attached messages or returned headers (what a bounce reports on)."""
    found: list[str] = []
    for part, ctype in leaves:
        if ctype == "message/rfc822":
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else None
            if isinstance(inner, Message):
                found += _message_ids(" ".join(str(v) for k, v in inner.raw_items()
                                               if k.lower() == "message-id"))
        elif ctype == "text/rfc822-headers":
            text = _part_text(part)
            found += [m.group(1) for m in re.finditer(r"(?im)^message-id:\s*<([^<>\s]+)>", text)]
    return tuple(found[:10])


# -- the message --------------------------------------------------------------------------
def parse_message(raw: bytes, limits: Limits | None = None) -> ParsedMail:
    """Parse raw RFC 822 bytes; ``ParseError`` when they are not a message at all."""
    if not raw.strip():
        raise ParseError("empty message")
    msg = BytesParser(policy=PARSING_POLICY).parsebytes(raw)
    if not isinstance(msg, EmailMessage) or not msg.keys():
        raise ParseError("no header fields: not an RFC 822 message")
    headers = _raw_headers(msg)
    leaves = [(part, part.get_content_type()) for part in _leaves(msg)]
    body, full_text, html_only = _body(msg)
    text = html_to_text(full_text) if html_only else trim_quotes_and_signature(full_text)
    if html_only:
        full_text = html_to_text(full_text, drop_quotes=False)
    sender, name = _sender(msg)
    subject = header_text(msg, "Subject")
    return ParsedMail(
        message_id=_message_id(headers),
        subject=subject,
        sender=sender,
        sender_name=name,
        in_reply_to=_message_ids(" ".join(headers.get("in-reply-to", ()))),
        references=_message_ids(" ".join(headers.get("references", ()))),
        text=trim_quotes_and_signature(text) if html_only else text,
        full_text=full_text,
        html_only=html_only,
        content_type=msg.get_content_type(),
        attachments=_attachments(leaves, body, limits or Limits()),
        headers=headers,
        part_types=frozenset(ctype for _, ctype in leaves),
        defects=tuple(type(d).__name__ for d in msg.defects),
        embedded_ids=_embedded_ids(leaves),
    )
