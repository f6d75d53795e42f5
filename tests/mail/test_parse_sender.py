"""The sender of a message: the usual From (``Name <addr>``, one RFC 2047 word or plain
text) is read without the header registry, and must read exactly as the registry reads
it; every other From (several encoded words, an unknown charset, raw 8-bit bytes,
groups, comments, no address) is still read by the registry and its fallbacks."""

from __future__ import annotations

import base64
from email.parser import BytesParser
from pathlib import Path

import pytest

from intake.mail.parse import (
    PARSING_POLICY,
    _address_of,
    _simple_from,
    header_text,
    parse_message,
)
from tests.mail.conftest import FIXTURES, MIKEL


def _b(text: str, charset: str = "utf-8") -> str:
    return f"=?{charset}?B?{base64.b64encode(text.encode('utf-8')).decode()}?="


def _mail(sender: str | bytes) -> bytes:
    head = sender if isinstance(sender, bytes) else sender.encode("utf-8", "surrogateescape")
    return (b"From: " + head + b"\r\nTo: thutuchanhchinh@bacgiang.gov.vn\r\n"
            b"Subject: =?utf-8?B?UGjhuqNuIMOhbmg=?=\r\nMessage-ID: <s1@example.vn>\r\n"
            b"Reply-To: reply@example.vn\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + "Đường thôn Đông ngập sau mưa.\r\n".encode())


FROMS = [
    "nguyenvanan@example.vn",
    "Nguyen Van An <Nguyen.Van.An@Example.VN>",
    '"Nguyen, Van An" <an@example.vn>',
    f"{_b('Nguyễn Văn An')} <nguyenvanan@example.vn>",
    f'"{_b("Lê Thị Hồng")}" <hong@example.vn>',
    "=?utf-8?Q?Ho=C3=A0ng_V=C4=83n_Minh?= <minh@example.vn>",
    "=?windows-1258?Q?Ho=E0ng?= <minh@example.vn>",
    f"{_b('An, Bình <x@y.vn>')} <binh@example.vn>",
    "A.B. Nguyen <ab@example.vn>",
    f"Ông {_b('Hoàng Văn Minh')} <minh@example.vn>",  # 8-bit text in the header
    f"{_b('Nguyễn')} {_b('Văn An')} <an@example.vn>",  # two words: the registry's reading
    f"{_b('Lê Thị Hồng <lethihong@example.vn>')}",  # a broken mailer: all of it one word
    "=?x-viet-vni?B?VHLhuqduIFF14buRYyBIdXk=?= <huy@example.vn>",  # unknown to Python
    "=?utf-8?B?bm90IGJhc2U2NA?= <<broken@@example..vn",
    "undisclosed-sender:;",
    "an@example.vn (Nguyen Van An)",
    "Mikel Lindsaar <test@lindsaar.net>, jack@lindsar.com",
    # a Q-encoded "Name <addr>" written as one word by a broken mailer: its '@' is not
    # an address (review of b9135f4: it was taken as the sender)
    "=?utf-8?q?Nguy=E1=BB=85n_V=C4=83n_A_=3Cnva@gmail.com=3E?=",
    "=?utf-8?q?a@b.vn?=",
    "x@y.vn.", "x@y..vn", "x@.y.vn",  # empty domain labels: the registry refuses them
    "foo=?utf-8?q?bar?= <x@y.vn>",  # an encoded word glued to plain text
    "=?utf-8?q?V=C4=83n?=abc <x@y.vn>",
]


def _registry(raw: bytes) -> tuple[str, str | None] | None:
    msg = BytesParser(policy=PARSING_POLICY).parsebytes(raw)
    return _address_of(header_text(msg, "From"))


@pytest.mark.parametrize("sender", FROMS)
def test_the_usual_from_reads_as_the_header_registry_reads_it(sender: str) -> None:
    raw = _mail(sender)
    msg = BytesParser(policy=PARSING_POLICY).parsebytes(raw)
    simple = _simple_from(msg)
    if simple is not None:
        assert simple == _registry(raw)
    found = _registry(raw)
    mail = parse_message(raw)
    if found is not None:
        assert (mail.sender, mail.sender_name, mail.sender_header) == (*found, "from")


def test_the_usual_shapes_take_the_short_way_and_the_rest_the_registry() -> None:
    short = [s for s in FROMS if _simple_from(
        BytesParser(policy=PARSING_POLICY).parsebytes(_mail(s))) is not None]
    assert short == FROMS[:9]


def test_an_encoded_name_in_an_unknown_charset_still_gives_the_address() -> None:
    """VNI bytes declared as a charset Python does not know: the address is right and
    the name carries no replacement character (read by the registry's fallback)."""
    vni = b"Nguye\xe3n Va\xean An"  # VNI: a letter, then its tone character
    word = f"=?x-viet-vni?B?{base64.b64encode(vni).decode()}?="
    mail = parse_message(_mail(f"{word} <NguyenVanAn@Example.vn>"))
    assert mail.sender == "nguyenvanan@example.vn"
    assert mail.sender_name and "\ufffd" not in mail.sender_name
    raw_8bit = parse_message(_mail("Lê Văn An <an@example.vn>".encode("windows-1258")))
    assert raw_8bit.sender == "an@example.vn" and "\ufffd" not in (raw_8bit.sender_name or "")


def test_several_encoded_words_keep_the_registrys_reading() -> None:
    mail = parse_message(_mail(f"{_b('Nguyễn')} {_b('Văn An')} <an@example.vn>"))
    assert (mail.sender, mail.sender_name) == ("an@example.vn", "Nguyễn Văn An")


def test_a_malformed_from_falls_back_to_reply_to() -> None:
    mail = parse_message(_mail("=?utf-8?B?bm90IGJhc2U2NA?= <<broken@@example..vn"))
    assert (mail.sender, mail.sender_header) == ("reply@example.vn", "reply-to")


def test_every_from_of_the_fixtures_reads_as_the_registry_reads_it() -> None:
    """The real-world corpus (mikel/mail, MIT) and our Vietnamese fixtures."""
    files = sorted([*FIXTURES.glob("*.eml"), *(p for p in MIKEL.rglob("*") if p.is_file())])
    assert len(files) > 100
    checked = 0
    for path in files:
        raw = Path(path).read_bytes()
        msg = BytesParser(policy=PARSING_POLICY).parsebytes(raw)
        simple = _simple_from(msg)
        if simple is not None:
            assert simple == _address_of(header_text(msg, "From")), path.name
            checked += 1
    assert checked > 50


@pytest.mark.parametrize("sender, address, name", [
    ("=?utf-8?q?Nguy=E1=BB=85n_V=C4=83n_A_=3Cnva@gmail.com=3E?=", "nva@gmail.com",
     "Nguyễn Văn A"),
    ("x@y.vn.", "reply@example.vn", None),
])
def test_an_encoded_word_or_a_broken_domain_is_never_the_sender(
        sender: str, address: str, name: str | None) -> None:
    """The citizen's acknowledgement goes to the address in the name, or to Reply-To,
    not to an encoded word or a domain that cannot exist."""
    mail = parse_message(_mail(sender))
    assert (mail.sender, mail.sender_name) == (address, name)

