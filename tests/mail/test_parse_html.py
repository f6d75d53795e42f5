"""An HTML-only mail is parsed once for both of its texts (``html_texts``), and reads
exactly as two separate readings did: all of it (``html_to_text(drop_quotes=False)``)
and the new part without quoted history and signatures (``html_to_text``)."""

from __future__ import annotations

import email
from email import policy
from email.message import EmailMessage

import pytest

from intake.mail import parse
from intake.mail.parse import html_texts, html_to_text, parse_message, trim_quotes_and_signature
from tests.mail.conftest import FIXTURES, MIKEL
from tests.spies import calls_to

CASES = {
    # a quote between two paragraphs: the paragraphs stay one blank line apart
    "between blocks": ("<p>Kính gửi</p><div class='gmail_quote'>Thư cũ</div><p>Cảm ơn</p>",
                       "Kính gửi\n\nThư cũ\n\nCảm ơn", "Kính gửi\n\nCảm ơn"),
    # a quote inside a line: the line is not broken where the quote was
    "inside a line": ("Đường hỏng <blockquote>trích</blockquote> ở xã Tân Dĩnh",
                      "Đường hỏng trích ở xã Tân Dĩnh", "Đường hỏng ở xã Tân Dĩnh"),
    # quotes nested in quotes, a signature, a block inside the quote
    "nested": ("<div>Nội dung<br>dòng hai</div><div id='divRplyFwdMsg'><p>From: a</p>"
               "<blockquote><div class='gmail_quote'>cũ hơn</div></blockquote></div>"
               "<div class='gmail_signature'><p>Nguyễn Văn An</p></div>",
               "Nội dung\ndòng hai\n\nFrom: a\n\ncũ hơn\n\nNguyễn Văn An",
               "Nội dung\ndòng hai"),
    # script, style and title are never text
    "head": ("<html><head><title>T</title><style>p{}</style></head><body><script>x()</script>"
             "<p>Phản ánh</p><div class='moz-cite-prefix'>On … wrote:</div></body></html>",
             "Phản ánh\n\nOn … wrote:", "Phản ánh"),
    # a quote's class or id on another tag is no quote; one class of several, upper case
    # tag and attribute names are
    "look-alikes": ("<p class='gmail_quote'>Giữ lại</p><span id='appendonsend'>cũng giữ</span>"
                    "<div class='ltr gmail_extra'>bỏ đi</div><DIV ID='divRplyFwdMsg'>bỏ nốt</DIV>",
                    "Giữ lại\ncũng giữ\nbỏ đi\n\nbỏ nốt", "Giữ lại\ncũng giữ"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_one_parse_gives_both_texts_as_two_readings_did(name: str) -> None:
    html, full, new = CASES[name]
    assert html_texts(html) == (full, new)
    assert html_texts(html) == (html_to_text(html, drop_quotes=False), html_to_text(html))


def _html_only(path_bytes: bytes) -> str | None:
    msg = email.message_from_bytes(path_bytes, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    if msg.is_multipart() or msg.get_content_type() != "text/html":
        return None
    return parse._part_text(msg)  # the body's text, decoded as the parser decodes it


def test_html_only_mail_reads_as_before_on_every_fixture() -> None:
    """The text and full text of every HTML-only fixture (the corpus and ours) are what
    reading the HTML twice gave: the whole text, and the new part of the quote-free text."""
    seen = 0
    for path in sorted([*FIXTURES.glob("*.eml"), *MIKEL.rglob("*.eml")]):
        raw = path.read_bytes()
        try:
            mail = parse_message(raw)
        except ValueError:
            continue
        if not mail.html_only or mail.forwarded:
            continue
        html = _html_only(raw)
        if html is None:
            continue
        seen += 1
        assert mail.full_text == html_to_text(html, drop_quotes=False), path.name
        assert mail.text == trim_quotes_and_signature(html_to_text(html)), path.name
    assert seen >= 3


def test_the_warm_up_message_goes_through_the_html_quote_selectors(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """``MailIngestor.warm_up`` parses ``WARM_UP_MAIL`` so that an ingest process compiles
    the quote selectors before its first claim: the sample must be an HTML-only mail
    whose quoted part and signature those selectors take away."""
    from intake.mail.ingest import WARM_UP_MAIL

    read = calls_to(monkeypatch, parse, "html_texts")
    mail = parse_message(WARM_UP_MAIL, parse.Limits(10_000_000, 10, ()))
    assert read, "the sample was not read as HTML"
    assert mail.text == "Khởi động\nx"
    assert mail.full_text.endswith("y\n\nz")
