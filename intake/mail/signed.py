"""Signed and encrypted mail (S/MIME, PGP): the signed text is the complaint, the
signature a file; an encrypted letter is kept and said to be unreadable.

S/MIME and PGP/MIME put the signature in its own part (``multipart/signed``): the MIME
walk already finds the signed text, and the signature part is kept as an attachment
whatever the allowed types say (it is small and proves who wrote the letter). Inline PGP
("-----BEGIN PGP SIGNED MESSAGE-----") wraps the text itself: it is unwrapped here
(RFC 4880 §7: header lines, then dash-escaped text, then the armoured signature).

Opaque S/MIME (``application/pkcs7-mime`` or ``x-pkcs7-mime``, ``smime.p7m``; RFC 8551
§3.5.2) carries the signed MIME entity inside the PKCS#7/CMS blob: ``opaque_content``
takes it out with asn1crypto's CMS parser (the signature is not checked here: who wrote
the letter is decided by our server's ``Authentication-Results``, see ``auth``), also
through compressed-data (RFC 3274) and nested layers. Enveloped (encrypted) data cannot
be read without the recipient's key, which the hotline has not: such a letter is kept
whole and named, never dropped (see ``Opaque``).
"""

from __future__ import annotations

import base64
import binascii
import enum
import re
import zlib
from dataclasses import dataclass

from asn1crypto import cms

SIGNATURE_TYPES = frozenset({
    "application/pkcs7-signature", "application/x-pkcs7-signature",
    "application/pgp-signature", "application/pkcs7-mime", "application/x-pkcs7-mime",
})
PGP_SIGNATURE_NAME = "chu-ky-pgp.asc"
PKCS7_MIME_TYPES = frozenset({"application/pkcs7-mime", "application/x-pkcs7-mime"})
PKCS7_EXTENSIONS = (".p7m", ".p7z")
MAX_LAYERS = 4  # signed inside compressed inside signed …: more is no real mail
MAX_INFLATED = 16 * 1024 * 1024  # a compressed layer inflates to no more than this
_BEGIN = "-----BEGIN PGP SIGNED MESSAGE-----"
_SIGNATURE = re.compile(
    r"^-----BEGIN PGP SIGNATURE-----\s*$.*?^-----END PGP SIGNATURE-----\s*$",
    re.MULTILINE | re.DOTALL)


def unwrap_pgp(text: str) -> tuple[str, str | None]:
    """(the signed text, the armoured signature) of an inline-signed text; ``text``
    unchanged and ``None`` when it is not one."""
    start = text.find(_BEGIN)
    if start < 0:
        return text, None
    signature = _SIGNATURE.search(text, start)
    if signature is None:
        return text, None
    lines = text[start + len(_BEGIN):signature.start()].split("\n")
    lines = lines[1:] if lines and not lines[0].strip() else lines
    while lines and lines[0].strip() and ":" in lines[0]:  # armour headers ("Hash: …")
        lines = lines[1:]
    signed = "\n".join(line[2:] if line.startswith("- ") else line for line in lines)
    before = text[:start].strip()
    after = text[signature.end():].strip()
    body = "\n\n".join(part for part in (before, signed.strip(), after) if part)
    return body, signature.group(0)


class Layer(enum.Enum):
    """What a PKCS#7/CMS blob holds."""

    SIGNED = "signed"        # signed-data with the content inside (opaque signing)
    ENCRYPTED = "encrypted"  # enveloped or encrypted data: not readable by us
    UNREADABLE = "unreadable"  # not CMS at all, detached signature only, or malformed


@dataclass(frozen=True)
class Opaque:
    """The MIME entity inside an opaque S/MIME blob (``entity`` is ``None`` unless
    ``layer`` is ``SIGNED``)."""

    layer: Layer
    entity: bytes | None = None


def is_pkcs7_mime(content_type: str, filename: str | None) -> bool:
    """True for an opaque S/MIME part: by type, or ``smime.p7m`` sent as octet-stream."""
    if content_type in PKCS7_MIME_TYPES:
        return True
    return content_type in ("application/octet-stream", "application/x-download") and bool(
        filename) and str(filename).lower().endswith(PKCS7_EXTENSIONS)


# What asn1crypto raises on malformed DER (lazily, when a value is read), and zlib on a
# broken compressed-data layer.
_DECODE_ERRORS = (ValueError, TypeError, KeyError, IndexError, OverflowError, zlib.error)
_ENCRYPTED_TYPES = frozenset({"enveloped_data", "encrypted_data", "authenticated_enveloped_data",
                              "signed_and_enveloped_data"})


def _der(data: bytes) -> bytes:
    """DER bytes of a part: binary as sent, or base64 that a mailer left undecoded."""
    if data[:1] == b"\x30":
        return data
    try:
        return base64.b64decode(b"".join(data.split()), validate=True)
    except (binascii.Error, ValueError):
        return data


def _inflate(data: object) -> bytes | None:
    """A compressed-data layer inflated (zlib, RFC 3274), at most ``MAX_INFLATED`` bytes:
    a few kilobytes must not become gigabytes in the ingest process."""
    if not isinstance(data, bytes):
        return None
    inflater = zlib.decompressobj()
    out = inflater.decompress(data, MAX_INFLATED)
    return None if inflater.unconsumed_tail else out


def opaque_content(data: bytes) -> Opaque:
    """What an ``application/pkcs7-mime`` part holds: the signed MIME entity, or that it
    is encrypted, or that it cannot be read (never raises on malformed input)."""
    der = _der(data)
    for _ in range(MAX_LAYERS):
        try:
            info = cms.ContentInfo.load(der)
            kind = info["content_type"].native
            if kind in _ENCRYPTED_TYPES:
                return Opaque(Layer.ENCRYPTED)
            if kind == "compressed_data":
                inflated = _inflate(info["content"]["encap_content_info"]["content"].native)
                if inflated is None:
                    return Opaque(Layer.UNREADABLE)
                der = inflated
                continue
            if kind != "signed_data":
                return Opaque(Layer.UNREADABLE)
            encap = info["content"]["encap_content_info"]
            inner_type = encap["content_type"].native
            content = encap["content"]
            inner = None if content.native is None else bytes(content.native)
        except _DECODE_ERRORS:  # malformed DER: the part is kept as a file all the same
            return Opaque(Layer.UNREADABLE)
        if inner is None:  # a detached signature in the wrong wrapper
            return Opaque(Layer.UNREADABLE)
        if inner_type in ("signed_data", "compressed_data", *_ENCRYPTED_TYPES):
            der = inner  # CMS nested directly (not as a MIME entity)
            continue
        return Opaque(Layer.SIGNED, inner)
    return Opaque(Layer.UNREADABLE)
