"""Whether the From of a message is authentic, as our own mail server found.

Anybody can write any From. Our receiving server checks SPF, DKIM and DMARC and writes
what it found in an ``Authentication-Results`` header (RFC 8601) carrying its
authserv-id (``PAKN_MAIL_AUTHSERV_ID``, e.g. ``mx.bacgiang.gov.vn``). Only headers with
that id are read; any other is the sender's word. Of several with our id, the topmost
(the last one added, ours) decides a method: a forged header with our id can only sit
below it. Without a configured id, or without such a header, the From is unverified.

- ``pass``: DMARC passed, or DKIM/SPF passed for the From's domain (aligned);
- ``fail``: DMARC failed, or SPF/DKIM failed with nothing aligned passing;
- ``none``: nothing trustworthy was said.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

_COMMENT = re.compile(r"\([^()]*\)")
_RESULT = re.compile(r"^\s*([a-z0-9_-]+)\s*=\s*([a-z]+)", re.IGNORECASE)
_PROPERTY = re.compile(r"\b(smtp\.mailfrom|header\.d|header\.i|header\.from)\s*=\s*([^\s;]+)",
                       re.IGNORECASE)


class Verdict(enum.StrEnum):
    """What our server said about the From."""

    PASS = "pass"
    FAIL = "fail"
    NONE = "none"


@dataclass(frozen=True)
class FromCheck:
    """The verdict and the results it rests on (``dmarc=fail``; for the record)."""

    verdict: Verdict
    reason: str


UNVERIFIED = FromCheck(Verdict.NONE, "")


def _domain(value: str) -> str:
    return value.rsplit("@", 1)[-1].strip("<>\"' ").lower()


def _aligned(domain: str, from_domain: str) -> bool:
    """Relaxed alignment: the same domain, or one a subdomain of the other."""
    if not domain or not from_domain:
        return False
    return (domain == from_domain or from_domain.endswith("." + domain)
            or domain.endswith("." + from_domain))


def _methods(value: str) -> tuple[str, dict[str, tuple[str, dict[str, str]]]]:
    """(authserv-id, {method: (result, properties)}) of one header value."""
    clauses = _COMMENT.sub(" ", value).split(";")
    authserv = clauses[0].split()[0].lower() if clauses[0].split() else ""
    methods: dict[str, tuple[str, dict[str, str]]] = {}
    for clause in clauses[1:]:
        found = _RESULT.match(clause)
        if found is None:
            continue
        props = {k.lower(): v for k, v in _PROPERTY.findall(clause)}
        methods.setdefault(found.group(1).lower(), (found.group(2).lower(), props))
    return authserv, methods


def trusted_results(values: Sequence[str], authserv_ids: Sequence[str]
                    ) -> dict[str, tuple[str, dict[str, str]]]:
    """Each method's result from the topmost header with one of our authserv-ids."""
    ours = {a.lower() for a in authserv_ids}
    results: dict[str, tuple[str, dict[str, str]]] = {}
    for value in values:  # top to bottom, as the headers are in the message
        authserv, methods = _methods(value)
        if authserv in ours:
            for method, result in methods.items():
                results.setdefault(method, result)
    return results


def check_from(values: Sequence[str], authserv_ids: Sequence[str],
               from_address: str | None) -> FromCheck:
    """The verdict on ``from_address`` from the ``Authentication-Results`` ``values``."""
    if not authserv_ids or not from_address:
        return UNVERIFIED
    results = trusted_results(values, authserv_ids)
    if not results:
        return UNVERIFIED
    said = "; ".join(f"{m}={r}" for m, (r, _) in sorted(results.items()))
    from_domain = _domain(from_address)
    dmarc = results.get("dmarc", ("", {}))[0]
    if dmarc in ("pass", "fail"):
        return FromCheck(Verdict(dmarc), said)
    dkim, dkim_props = results.get("dkim", ("", {}))
    spf, spf_props = results.get("spf", ("", {}))
    dkim_domain = _domain(dkim_props.get("header.d") or dkim_props.get("header.i", ""))
    if dkim == "pass" and _aligned(dkim_domain, from_domain):
        return FromCheck(Verdict.PASS, said)
    if spf == "pass" and _aligned(_domain(spf_props.get("smtp.mailfrom", "")), from_domain):
        return FromCheck(Verdict.PASS, said)
    if spf == "fail" or dkim == "fail":
        return FromCheck(Verdict.FAIL, said)
    return FromCheck(Verdict.NONE, said)
