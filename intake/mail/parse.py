"""Raw RFC 822 bytes → a citizen's text, sender, threading headers and attachments.

Parsing uses ``email.policy.default`` from bytes. Real mail is often broken, so every
header read falls back to the raw value (decoded RFC 2047 words) when the structured
parser chokes or leaves replacement characters; bytes are decoded by ``charsets`` (the
declared charset, UTF-8, the legacy Vietnamese encodings, charset detection) and all
text ends NFC-normalised. A From header that yields no address (a broken mailer writing
``Tên <addr>`` as one encoded word) is read from its decoded text, else Reply-To, else
Sender. HTML-only mail is turned into text with lxml (libxml2). Quoted history and
signatures are trimmed from the complaint text (the raw message keeps them); forwarded
letters (inline, see ``forward``, or attached as ``message/rfc822``) are kept apart as
the complaint's substance. Inline PGP is unwrapped and opaque S/MIME opened (``signed``:
the signed entity is parsed as the letter, the ``.p7m`` kept; an encrypted one is kept
and noted in ``encrypted``); ``winmail.dat`` is unpacked (``tnef``). Attachments over
the size limit or of a refused type are recorded as refused; the rest of the message is
still taken.
"""

from __future__ import annotations

import fnmatch
import functools
import logging
import mimetypes
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from email import policy
from email.errors import HeaderParseError, MessageError
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.policy import EmailPolicy
from email.utils import getaddresses
from html import unescape
from typing import Any

from lxml import etree

from intake.mail import tnef
from intake.mail.charsets import decode_bytes, decode_header_value, without_replacement
from intake.mail.forward import ForwardedLetter, split_inline
from intake.mail.signed import (
    MAX_LAYERS,
    PGP_SIGNATURE_NAME,
    SIGNATURE_TYPES,
    Layer,
    is_pkcs7_mime,
    opaque_content,
    unwrap_pgp,
)
from intake.text import nfc

log = logging.getLogger(__name__)

# What the stdlib's header and MIME code raises on malformed input (it has no single base).
PARSE_ERRORS = (ValueError, IndexError, TypeError, AttributeError, LookupError, KeyError,
                HeaderParseError, MessageError, UnicodeError)
_MSGID = re.compile(r"<([^<>\s]+)>")
_ADDRESS = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")
_ADDRESS_IN_TEXT = re.compile(r"<?([^@\s<>\"',;:()]+@[^@\s<>\"',;:()]+\.[^@\s<>\"',;:()]+?)>?"
                              r"(?=[\s>\"',;]|$)")
MAX_FORWARDED = 3
_ADDR_SPEC = r'[^<>@\s"(),;:\[\]\\]+@[^<>@\s"(),;:\[\]\\]+'
_SIMPLE_FROM = re.compile(rf'\s*(?:(?P<name>[^"<>()\[\]\\,;:@]*|"[^"\\]*")\s*'
                          rf'<(?P<addr>{_ADDR_SPEC})>|(?P<bare>{_ADDR_SPEC}))\s*')
_ENCODED_WORDS = re.compile(r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")
# In a decoded display name: what the registry would quote, escape or refuse, a
# replacement character, raw bytes, a control character.
_UNCLEAN_NAME = re.compile(r'["\\\x00-\x1f\x7f\ufffd\udc80-\udcff]')
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


def _quote_marks(selectors: tuple[str, ...]) -> dict[str, tuple[bool, frozenset[str],
                                                              frozenset[str]]]:
    """``_HTML_QUOTES`` (``tag``, ``tag.class``, ``tag#id``) by tag name: (the tag is a
    quote whatever its attributes, the classes that make it one, the ids that do)."""
    marks: dict[str, tuple[bool, set[str], set[str]]] = {}
    for selector in selectors:
        name, _, cls = selector.partition(".")
        name, _, ident = name.partition("#")
        whole, classes, ids = marks.setdefault(name, (False, set(), set()))
        if cls:
            classes.add(cls)
        if ident:
            ids.add(ident)
        marks[name] = (whole or not (cls or ident), classes, ids)
    return {name: (whole, frozenset(classes), frozenset(ids))
            for name, (whole, classes, ids) in marks.items()}


_QUOTE_MARKS = _quote_marks(_HTML_QUOTES)
_BLOCK_TAGS = frozenset({"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table",
                         "ul", "ol", "pre", "section", "article"})
_LINE_BREAKS = _BLOCK_TAGS | {"br"}
_NEVER_TEXT = frozenset({"script", "style", "head", "title"})
_END_OF_DOCUMENT = re.compile(r"</(?:html|body)\s*>", re.IGNORECASE)
_FLAT_HIDDEN = frozenset({"script", "style"})
# A tag's attributes, as a browser reads them: a quoted value may hold ">" (never "<"
# here, so that a scan stays linear on a flood of unclosed tags); a quote that closes
# nowhere before the next "<" is a plain character. Possessive: no backtracking.
_ATTRIBUTES = r"""(?:[^<>"']|"[^<"]*"|'[^<']*'|["'])*+"""
_ANY_TAG = re.compile(rf"<{_ATTRIBUTES}>")
_FLAT_TAG = re.compile(rf"<(/?)([A-Za-z][^\s/<>]*){_ATTRIBUTES}>|<[!?][^<>]*>")  # tag | doctype
# A tag start followed by this many characters before any "<" may hold a long list of
# attributes: libxml2 checks each new attribute against all before it (100,000 in one tag:
# 104 s); none of them is text, so a tag whose attributes run longer is read without them.
_LONG_TAG_CHARS = 4096
_LONG_TAG_START = re.compile(rf"<[A-Za-z][^\s/<>]*(?=[^<]{{{_LONG_TAG_CHARS}}})")
_TAG_REST = re.compile(rf"{_ATTRIBUTES}>?")
_NOT_LETTERS = re.compile(r"\W+")
_ENOUGH = 0.9  # of the letters the flat scan finds, what the tree must hold
_PARSERS = threading.local()


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
    sender_header: str = "from"  # where the address came from: from, reply-to, sender
    forwarded: tuple[ForwardedLetter, ...] = ()  # forwarded letters: the substance
    forward_start: int = -1  # offset in ``full_text`` of an inline forwarded letter
    calendar_method: str | None = None  # METHOD of a calendar invitation (REQUEST …)
    kept_unread: tuple[str, ...] = ()  # files kept that could not be opened (winmail.dat)
    encrypted: tuple[str, ...] = ()  # encrypted S/MIME letters kept as files (unreadable)

    def header(self, name: str) -> str:
        """The first raw value of header ``name`` (case-insensitive), or ``""``."""
        values = self.headers.get(name.lower())
        return values[0] if values else ""


def fix_text(text: str) -> str:
    """Undo surrogate-escaped 8-bit bytes (UTF-8, else the best Vietnamese reading),
    drop NUL, then NFC."""
    if _SURROGATES.search(text):
        data = text.encode("utf-8", "surrogateescape")
        text = decode_bytes(data, None)
    # NUL is no text (and PostgreSQL refuses it); lone surrogates become "?".
    return nfc(text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8"))


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


def _raw_header(msg: Message, name: str) -> str:
    return str(next((v for k, v in msg.raw_items() if k.lower() == name.lower()), ""))


def header_text(msg: Message, name: str) -> str:
    """Header ``name`` as clean one-line text, via the raw value when parsing fails or
    leaves replacement characters (an unknown charset, raw legacy bytes)."""
    try:
        value = msg.get(name)
        text = "" if value is None else str(value)
    except PARSE_ERRORS:
        text = _decoded_words(_raw_header(msg, name))
    if "\ufffd" in text or _SURROGATES.search(text):
        text = decode_header_value(_raw_header(msg, name))
    return " ".join(without_replacement(fix_text(text)).split())


def _message_ids(raw: str) -> tuple[str, ...]:
    return tuple(m.strip() for m in _MSGID.findall(raw))


def _message_id(headers: dict[str, tuple[str, ...]]) -> str | None:
    raw = (headers.get("message-id") or headers.get("message-id".lower()) or ("",))[0]
    found = _message_ids(raw)
    if found:
        return found[0]
    token = raw.strip().strip("<>").strip()
    return token or None if token and " " not in token else None


def _address_of(text: str) -> tuple[str, str | None] | None:
    """(address lower-cased, display name) in a decoded address header, if any."""
    for name, address in getaddresses([text]) if text else []:
        address = address.strip().lower()
        if _ADDRESS.match(address):
            return address, (name.strip() or None)
    # ``"Tên <addr@x>"`` as one quoted word (a whole header encoded as one word).
    found = _ADDRESS_IN_TEXT.search(text)
    if found and _ADDRESS.match(found.group(1).lower()):
        display = text[:found.start()].strip().strip('"').strip()
        return found.group(1).lower(), display or None
    return None


address_of = _address_of  # for the mail triage's first look at a header


def _simple_from(msg: Message) -> tuple[str, str | None] | None:
    """(address lower-cased, display name) of a From in the usual shape — ``Name
    <addr>``, ``"Name" <addr>`` or a bare address, in ASCII, the name plain or in RFC
    2047 words — read with ``email.header``'s decoding of the name alone: the header
    registry's full parse of an address list is the costliest read of a message, and it
    gives the same here. Anything else (no address, groups, comments, raw 8-bit bytes, a
    name the decoder cannot read cleanly): None, and the registry reads it."""
    raw = _raw_header(msg, "From")
    if not raw.isascii():
        return None
    found = _SIMPLE_FROM.fullmatch("".join(raw.splitlines()))
    if found is None:
        return None
    address = (found.group("addr") or found.group("bare")).lower()
    if not _ADDRESS.match(address) or "=?" in address or "?=" in address:
        return None  # an encoded word is no address ("=?utf-8?q?Name_=3Ca@b.vn=3E?=")
    if any(not label for label in address.rpartition("@")[2].split(".")):
        return None  # "a@b.vn.", "a@b..vn": the registry refuses them, Reply-To is read
    name = (found.group("name") or "").strip()
    if name.startswith('"'):
        name = name[1:-1]
    if "=?" in name and not _ENCODED_WORDS.fullmatch(name):
        return None  # several words, or one glued to plain text: the registry's reading
    if "=?" in name:
        try:
            name = str(make_header(decode_header(name)))
        except PARSE_ERRORS:
            return None
    if _UNCLEAN_NAME.search(name):
        return None
    name = " ".join(fix_text(name).split())
    return address, name or None


def _sender(msg: Message) -> tuple[str | None, str | None, str]:
    """(address lower-cased, display name, header) of From; when From yields no
    address, of Reply-To, then of Sender."""
    simple = _simple_from(msg)
    if simple is not None:
        return simple[0], simple[1], "from"
    for name in ("From", "Reply-To", "Sender"):
        found = _address_of(header_text(msg, name))
        if found is not None:
            return found[0], found[1], name.lower()
    return None, None, "from"


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
    full, new = html_texts(html)
    return new if drop_quotes else full


def html_texts(html: str) -> tuple[str, str]:
    """(all the readable text, the text without quoted history and signatures) of an HTML
    mail, from one parse. The quoted parts are the outermost elements the quote selectors
    (``_HTML_QUOTES``) find; a block's line breaks go with it when it is dropped, as if it
    had never been there. libxml2 (through lxml) parses and the tree is walked once.
    Text after ``</html>`` is kept (mail gateways append there; libxml2 would drop it).
    Where libxml2 gives up (nesting deeper than 2,048) or its tree holds less than 90%
    of the letters a plain scan finds (an unterminated attribute or comment makes a
    browser, and libxml2, hide the rest of the mail), the mail is read as flat text
    instead, quotes included, and the log says so: a citizen's words are never lost."""
    html = _without_long_attributes(html)
    data = _END_OF_DOCUMENT.sub("", html).replace("\x00", "").encode("utf-8", "replace")
    if not data.strip():
        return "", ""
    parser = _html_parser()
    try:
        root = etree.fromstring(data, parser)
    except etree.LxmlError as exc:
        return _read_flat(html, f"HTML beyond the parser's limits ({type(exc).__name__})")
    fatal = sorted({error.type_name for error in parser.error_log
                    if error.level_name == "FATAL"})
    if fatal:
        return _read_flat(html, f"HTML beyond the parser's limits ({', '.join(fatal)})")
    full, new = _walk(root) if root is not None else ("", "")
    if _letters(full) < _ENOUGH * _letters(_ANY_TAG.sub("", html)):  # cheap: most mail
        flat = _flat_text(html)
        if _letters(full) < _ENOUGH * _letters(flat):
            why = f"the HTML tree holds {_letters(full)} of {_letters(flat)} letters"
            return _read_flat(html, why, flat)
    return full, new


def _without_long_attributes(html: str) -> str:
    """``html`` with the attributes of every tag whose attributes run over
    ``_LONG_TAG_CHARS`` left out (an attribute is never text: an inline image's data, a
    flood meant to stall the parser). Other tags, and all text, are kept as they are."""
    pieces: list[str] = []
    at = 0
    for start in _LONG_TAG_START.finditer(html):
        if start.start() < at:
            continue
        rest = _TAG_REST.match(html, start.end())
        if rest is None or rest.end() - start.end() < _LONG_TAG_CHARS:
            continue
        pieces += [html[at:start.end()], ">"]
        at = rest.end()
    if not pieces:
        return html
    pieces.append(html[at:])
    return "".join(pieces)


def _walk(root: Any) -> tuple[str, str]:
    """Both texts of a parsed tree, in one pass over it."""
    full: list[str] = []
    new: list[str] = []
    quote: Any = None  # the outermost quoted element being walked, if any
    walk = etree.iterwalk(root, events=("start", "end"))
    for event, element in walk:
        if event == "start":
            if element.tag in _NEVER_TEXT:
                walk.skip_subtree()
                continue
            if quote is None and _is_quote(element):
                quote = element
            opening = "\n" if element.tag in _LINE_BREAKS else ""
            _emit(full, new, opening + (element.text or ""), quote is None)
        else:
            _emit(full, new, "\n" if element.tag in _BLOCK_TAGS else "", quote is None)
            if element is quote:
                quote = None
            _emit(full, new, element.tail or "", quote is None)
    return tidy("".join(full)), tidy("".join(new))


def _emit(full: list[str], new: list[str], piece: str, outside_quotes: bool) -> None:
    if piece:
        full.append(piece)
        if outside_quotes:
            new.append(piece)


def _letters(text: str) -> int:
    return len(_NOT_LETTERS.sub("", text))


def _html_parser() -> etree.HTMLParser:
    """This thread's libxml2 HTML parser, so that its ``error_log`` is this parse's own
    (lxml would serialise threads on a shared parser). The text is given as UTF-8
    whatever a ``<meta charset>`` says: it is decoded already. ``huge_tree`` raises
    libxml2's limits (nesting 256 → 2,048, one text node over 10 MB), beyond which the
    mail would be read as flat text, without its quotes told apart."""
    parser: etree.HTMLParser | None = getattr(_PARSERS, "html", None)
    if parser is None:
        parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                                  no_network=True, huge_tree=True)
        _PARSERS.html = parser
    return parser


def _read_flat(html: str, why: str, flat: str | None = None) -> tuple[str, str]:
    """Both texts of HTML the tree does not serve (no quote is told apart in flat text);
    ``why`` goes to the log, and never any of the text."""
    log.warning("mail parse: %s; read as flat text", why)
    flat = _flat_text(html) if flat is None else flat
    return flat, flat


def _flat_text(html: str) -> str:
    """The text of HTML read without a tree: what lies between tags, script, style and the
    title left out, a line break at each ``<br>`` and block tag, character references read. It
    keeps what an unterminated attribute or comment would hide in a browser. A tag here
    cannot hold ``<``, so the scan stays linear on a flood of unclosed tags (the
    standard library's tokenizer takes 38 s for 20,000 ``<a``)."""
    pieces: list[str] = []
    hidden = 0  # inside script or style
    title = False  # a title's text runs to the next tag, whether or not it is closed
    at = 0
    for tag in _FLAT_TAG.finditer(html):
        if not (hidden or title):
            pieces.append(html[at:tag.start()])
        at = tag.end()
        closing, name = tag.group(1) == "/", (tag.group(2) or "").lower()
        title = name == "title" and not closing
        if name in _FLAT_HIDDEN:
            hidden = max(0, hidden - 1) if closing else hidden + 1
        elif name in (_BLOCK_TAGS if closing else _LINE_BREAKS):
            pieces.append("\n")
    if not hidden:
        pieces.append(html[at:])
    return tidy(nfc(unescape("".join(pieces))))


def _is_quote(element: Any) -> bool:
    """Whether one of the quote selectors (``_HTML_QUOTES``) matches ``element``: all of
    them tested in one look at its name, id and classes."""
    marks = _QUOTE_MARKS.get(element.tag)
    if marks is None:
        return False
    whole, classes, ids = marks
    if whole or element.get("id") in ids:
        return True
    found = element.get("class")
    return bool(found) and not classes.isdisjoint(found.split())


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


@dataclass
class _Files:
    """What the attachment walk found."""

    attachments: list[ParsedAttachment] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)       # message text inside winmail.dat
    kept_unread: list[str] = field(default_factory=list)  # files kept as they are

    def add(self, filename: str, ctype: str, data: bytes, limits: Limits,
            always: bool = False) -> None:
        """Take one file, or record why it is refused; ``always``: of any type."""
        refused = None
        if len(data) > limits.max_attachment_bytes:
            refused = "too_large"
        elif not (always or type_allowed(ctype, limits.allowed_types)):
            refused = "type_not_allowed"
        elif sum(1 for a in self.attachments if a.refused is None) >= limits.max_attachments:
            refused = "too_many"
        self.attachments.append(ParsedAttachment(filename, ctype, len(data),
                                                 None if refused else data, refused))

    def add_tnef(self, filename: str, ctype: str, data: bytes, limits: Limits) -> None:
        """The files inside a winmail.dat; the file itself when nothing can be read."""
        content = tnef.unpack(data) if len(data) <= limits.max_attachment_bytes else None
        if content is not None and content.html:  # only an HTML body: its text
            content = replace(content, text=html_to_text(fix_text(content.html)))
        if content is not None and content.text:
            self.texts.append(fix_text(content.text))
        if content is not None and content.files:
            for index, (name, inner) in enumerate(content.files, 1):
                inner_name = _filename(name, index, "application/octet-stream")
                self.add(inner_name, _content_type("application/octet-stream", inner_name),
                         inner, limits)
            return
        if content is None or not content.text:
            self.kept_unread.append(filename)
            self.add(filename, ctype, data, limits, always=True)


def _attachments(leaves: list[tuple[Message, str]], body: Message | None,
                 limits: Limits, files: _Files | None = None) -> _Files:
    files = files if files is not None else _Files()
    for part, declared in leaves:
        if part is body:
            continue
        disposition, name = _disposition_and_name(part)
        if not _is_attachment(declared, disposition, name):
            continue
        data = _attachment_bytes(part)
        filename = _filename(name, len(files.attachments) + 1, declared)
        ctype = _content_type(declared, filename)
        if tnef.is_tnef(ctype, filename):
            files.add_tnef(filename, ctype, data, limits)
        else:
            # A signature proves who wrote the letter; an attached message is a forwarded
            # letter (or what a report is about): both are kept whatever the allow-list.
            files.add(filename, ctype, data, limits,
                      always=ctype in SIGNATURE_TYPES or ctype == "message/rfc822")
    return files


def _inner_message(part: Message) -> Message | None:
    payload = part.get_payload()
    inner = payload[0] if isinstance(payload, list) and payload else None
    return inner if isinstance(inner, Message) else None


def _attached_letters(msg: EmailMessage, leaves: list[tuple[Message, str]]
                      ) -> tuple[ForwardedLetter, ...]:
    """Letters forwarded as ``message/rfc822`` parts (not the returned mail of a report)."""
    if msg.get_content_type() == "multipart/report":
        return ()
    letters: list[ForwardedLetter] = []
    for part, ctype in leaves:
        inner = _inner_message(part) if ctype == "message/rfc822" else None
        if not isinstance(inner, EmailMessage):
            continue
        _, text, html = _body(inner)
        text = html_to_text(text, drop_quotes=False) if html else text
        letter = ForwardedLetter(header_text(inner, "From"), header_text(inner, "Date"),
                                 header_text(inner, "Subject"), text)
        if letter.text or letter.subject:
            letters.append(letter)
        if len(letters) >= MAX_FORWARDED:
            break
    return tuple(letters)


def _calendar_method(leaves: list[tuple[Message, str]]) -> str | None:
    """The METHOD of a calendar invitation part (not of an attached .ics file)."""
    for part, ctype in leaves:
        if ctype != "text/calendar":
            continue
        disposition, name = _disposition_and_name(part)
        method = str(part.get_param("method") or "")
        if not method and disposition != "attachment" and not name:
            found = re.search(r"(?m)^METHOD:(\w+)", _part_text(part))
            method = found.group(1) if found else ""
        if method:
            return method.upper()[:20]
    return None


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


# -- opaque S/MIME ------------------------------------------------------------------------
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_FIELD_NAME = re.compile(rb"^([^:\s]+)\s*:")


@dataclass(frozen=True)
class _Opened:
    """A message after its opaque S/MIME layers: the letter to read, the ``.p7m`` files
    to keep (``name, type, bytes``), and those that were encrypted."""

    msg: EmailMessage
    p7m: tuple[tuple[str, str, bytes], ...] = ()
    encrypted: tuple[str, ...] = ()


def _outer_headers(raw: bytes) -> bytes:
    """The header block of ``raw`` without its MIME fields (Content-*, MIME-Version):
    what the letter inside an opaque S/MIME blob keeps of the envelope it came in."""
    end = _HEADER_END.search(raw)
    block = raw[:end.start()] if end else raw
    kept: list[bytes] = []
    keep = True
    for line in block.splitlines(keepends=True):
        if line[:1] in (b" ", b"\t"):
            if keep:
                kept.append(line)
            continue
        name = _FIELD_NAME.match(line)
        field_name = name.group(1).lower() if name else b""
        keep = not (field_name.startswith(b"content-") or field_name == b"mime-version")
        if keep:
            kept.append(line if line.endswith(b"\n") else line + b"\r\n")
    return b"".join(kept)


def _opened(raw: bytes, msg: EmailMessage) -> _Opened:
    """Open opaque S/MIME (``application/pkcs7-mime``) layers around the letter: the
    signed MIME entity becomes the message read (with the outer headers: From, Subject,
    Authentication-Results …); an encrypted or unreadable blob stays as it is."""
    p7m: list[tuple[str, str, bytes]] = []
    for _ in range(MAX_LAYERS):
        if msg.is_multipart():
            break
        ctype = msg.get_content_type()
        if not ctype.startswith("application/"):  # the usual case: no file name to read
            break
        _disposition, name = _disposition_and_name(msg)
        if not is_pkcs7_mime(ctype, name):
            break
        payload = msg.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        filename = _filename(name, len(p7m) + 1, ctype)
        filename = filename if filename.lower().endswith(".p7m") else "smime.p7m"
        opaque = opaque_content(data)
        if opaque.layer is Layer.ENCRYPTED:
            return _Opened(msg, tuple(p7m), (filename,))
        if opaque.layer is not Layer.SIGNED or opaque.entity is None:
            break
        p7m.append((filename, ctype, data))
        raw = _outer_headers(raw) + b"MIME-Version: 1.0\r\n" + opaque.entity
        inner = BytesParser(policy=PARSING_POLICY).parsebytes(raw)
        if not isinstance(inner, EmailMessage):
            break
        msg = inner
    return _Opened(msg, tuple(p7m))


# -- the message --------------------------------------------------------------------------
@dataclass(frozen=True)
class _Text:
    """The body's text: the new part, all of it, forwarded letters, an inline signature."""

    text: str
    full_text: str
    html_only: bool
    forwarded: tuple[ForwardedLetter, ...]
    forward_start: int
    pgp_signature: str | None


def _texts(msg: EmailMessage, subject: str) -> tuple[Message | None, _Text]:
    """The body part and what its text holds (see ``_Text``)."""
    body, full_text, html_only = _body(msg)
    new_part = ""
    if html_only:  # one parse of the HTML for both texts
        full_text, new_part = html_texts(full_text)
    full_text, signature = unwrap_pgp(full_text)
    split = split_inline(full_text, subject)
    if split.letters:
        text = trim_quotes_and_signature(split.cover)
    elif html_only:
        text = unwrap_pgp(trim_quotes_and_signature(new_part))[0]
    else:
        text = trim_quotes_and_signature(full_text)
    return body, _Text(text, full_text, html_only, split.letters, split.start, signature)


def _extra_files(files: _Files, body: _Text, limits: Limits) -> None:
    """Inline forwarded letters and an inline PGP signature, kept as files too."""
    for index, letter in enumerate(body.forwarded, 1):
        data = (f"Người gửi: {letter.sender}\nNgày gửi: {letter.date}\nTiêu đề: "
                f"{letter.subject}\n\n{letter.text}\n").encode()
        files.add(f"thu-chuyen-tiep-{index}.txt", "text/plain", data, limits, always=True)
    if body.pgp_signature:
        files.add(PGP_SIGNATURE_NAME, "application/pgp-signature",
                  body.pgp_signature.encode(), limits, always=True)


def parse_message(raw: bytes, limits: Limits | None = None) -> ParsedMail:
    """Parse raw RFC 822 bytes; ``ParseError`` when they are not a message at all."""
    if not raw.strip():
        raise ParseError("empty message")
    msg = BytesParser(policy=PARSING_POLICY).parsebytes(raw)
    if not isinstance(msg, EmailMessage) or not msg.keys():
        raise ParseError("no header fields: not an RFC 822 message")
    limits = limits or Limits()
    opened = _opened(raw, msg) if not msg.is_multipart() else _Opened(msg)
    msg = opened.msg
    headers = _raw_headers(msg)
    leaves = [(part, part.get_content_type()) for part in _leaves(msg)]
    subject = header_text(msg, "Subject")
    body, texts = _texts(msg, subject)
    files = _Files()
    for p7m_name, ctype, data in opened.p7m:  # the signed blob: the proof, kept
        files.add(p7m_name, ctype, data, limits, always=True)
    files = _attachments(leaves, body, limits, files)
    _extra_files(files, texts, limits)
    text, full_text = texts.text, texts.full_text
    if not text and files.texts:  # the text was only inside winmail.dat
        text = full_text = trim_quotes_and_signature(tidy(files.texts[0]))
    sender, name, source = _sender(msg)
    return ParsedMail(
        message_id=_message_id(headers),
        subject=subject,
        sender=sender,
        sender_name=name,
        in_reply_to=_message_ids(" ".join(headers.get("in-reply-to", ()))),
        references=_message_ids(" ".join(headers.get("references", ()))),
        text=text,
        full_text=full_text,
        html_only=texts.html_only,
        content_type=msg.get_content_type(),
        attachments=tuple(files.attachments),
        headers=headers,
        part_types=frozenset(ctype for _, ctype in leaves),
        defects=tuple(type(d).__name__ for d in msg.defects),
        embedded_ids=_embedded_ids(leaves),
        sender_header=source,
        forwarded=texts.forwarded or _attached_letters(msg, leaves),
        forward_start=texts.forward_start,
        calendar_method=_calendar_method(leaves),
        kept_unread=tuple(files.kept_unread),
        encrypted=opened.encrypted,
    )
