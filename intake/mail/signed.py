"""Signed mail (S/MIME, PGP): the signed text is the complaint, the signature a file.

S/MIME and PGP/MIME put the signature in its own part (``multipart/signed``): the MIME
walk already finds the signed text, and the signature part is kept as an attachment
whatever the allowed types say (it is small and proves who wrote the letter). Inline PGP
("-----BEGIN PGP SIGNED MESSAGE-----") wraps the text itself: it is unwrapped here
(RFC 4880 §7: header lines, then dash-escaped text, then the armoured signature).
Opaque S/MIME (``application/pkcs7-mime``) is kept as a file too; its text is not read.
"""

from __future__ import annotations

import re

SIGNATURE_TYPES = frozenset({
    "application/pkcs7-signature", "application/x-pkcs7-signature",
    "application/pgp-signature", "application/pkcs7-mime", "application/x-pkcs7-mime",
})
PGP_SIGNATURE_NAME = "chu-ky-pgp.asc"
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
