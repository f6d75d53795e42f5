"""An HTML-only mail is parsed once (libxml2, through lxml) for both of its texts
(``html_texts``): all of it (``html_to_text(drop_quotes=False)``) and the new part
without quoted history and signatures (``html_to_text``)."""

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
def test_one_parse_gives_both_texts(name: str) -> None:
    html, full, new = CASES[name]
    assert html_texts(html) == (full, new)
    assert (html_to_text(html, drop_quotes=False), html_to_text(html)) == (full, new)


def _html_only(path_bytes: bytes) -> str | None:
    msg = email.message_from_bytes(path_bytes, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    if msg.is_multipart() or msg.get_content_type() != "text/html":
        return None
    return parse._part_text(msg)  # the body's text, decoded as the parser decodes it


def test_parse_message_gives_html_only_mail_its_html_texts() -> None:
    """The text and full text ``parse_message`` gives every HTML-only fixture (the corpus
    and ours) are the HTML's texts: the whole text, and the new part of the quote-free
    text."""
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
    """``MailIngestor.warm_up`` parses ``WARM_UP_MAIL`` so that an ingest process makes
    its HTML parser before its first claim: the sample must be an HTML-only mail whose
    quoted part and signature the quote selectors take away."""
    from intake.mail.ingest import WARM_UP_MAIL

    read = calls_to(monkeypatch, parse, "html_texts")
    mail = parse_message(WARM_UP_MAIL, parse.Limits(10_000_000, 10, ()))
    assert read, "the sample was not read as HTML"
    assert mail.text == "Khởi động\nx"
    assert mail.full_text.endswith("y\n\nz")


# What libxml2 reads where the old tree builder lost text or took time that grew with the
# square of the mail's blocks.
def test_text_after_the_end_of_the_document_is_kept() -> None:
    """Mail gateways and list servers append after ``</html>``; libxml2 alone drops it."""
    html = "<html><body><p>Đường hỏng</p></body></html>\n\nGửi từ hệ thống thư của xã"
    assert html_texts(html) == ("Đường hỏng\n\nGửi từ hệ thống thư của xã",) * 2


def test_a_letter_after_an_unclosed_head_is_read() -> None:
    html = ("<html><head><title>Thư</title><body><p>Kính gửi Sở Xây dựng,</p>"
            "<p>Đèn đường ở thôn Đông hỏng.</p></body></html>")
    assert html_to_text(html) == "Kính gửi Sở Xây dựng,\n\nĐèn đường ở thôn Đông hỏng."


@pytest.mark.parametrize("html", ["", "   \n", "<!-- chỉ chú thích -->", "<html></html>"])
def test_html_without_text_reads_as_empty(html: str) -> None:
    assert html_texts(html) == ("", "")


def test_a_declared_charset_does_not_change_text_already_decoded() -> None:
    html = ('<html><head><meta charset="windows-1252"></head>'
            "<body><p>Phản ánh về đường</p></body></html>")
    assert html_to_text(html) == "Phản ánh về đường"


def test_html_nested_beyond_the_parsers_limit_is_read_as_flat_text(
        caplog: pytest.LogCaptureFixture) -> None:
    """libxml2 stops at 2,048 levels and would drop what lies below: the text is read
    without the tree instead, and the operator's log says so (without the text)."""
    html = ("<div>" * 3000 + "Nội dung <b>sâu</b><br>dòng hai<script>x()</script>"
            + "</div>" * 3000 + "<p>cuối &amp; hết</p>")
    with caplog.at_level("WARNING", logger="intake.mail.parse"):
        assert html_texts(html) == ("Nội dung sâu\ndòng hai\n\ncuối & hết",) * 2
    assert "beyond the parser's limits" in caplog.text
    assert "Nội dung" not in caplog.text


def test_quotes_are_told_apart_below_libxml2s_default_depth() -> None:
    """``huge_tree``: libxml2's own limit is 256 levels, beyond which the mail would be
    read as flat text with its quoted history."""
    html = "<div>" * 300 + "<p>Mới</p><blockquote>trích cũ</blockquote>" + "</div>" * 300
    assert html_texts(html) == ("Mới\ntrích cũ", "Mới")


@pytest.mark.parametrize("html, text", [
    # an unterminated attribute: libxml2, like a browser, hides the rest of the mail
    ('<p class="x>Đèn đường hỏng đã ba tháng</p><p>Mong xử lý</p>',
     "Đèn đường hỏng đã ba tháng\n\nMong xử lý"),
    # an unclosed comment
    ("<p>Kính gửi UBND xã</p><!-- <p>Nước sinh hoạt bị đục nhiều ngày</p>",
     "Kính gửi UBND xã\n<!--\nNước sinh hoạt bị đục nhiều ngày"),
    # a flood of unclosed tags (the standard library's tokenizer: 38 s for 20,000)
    ("<a " * 20_000 + "cuối", "<a " * 19_999 + "<a cuối"),
])
def test_text_the_tree_would_hide_is_read_as_flat_text(
        html: str, text: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("WARNING", logger="intake.mail.parse"):
        assert html_texts(html) == (text, text)
    assert "read as flat text" in caplog.text
    assert "Đèn" not in caplog.text and "Nước" not in caplog.text


def test_a_title_in_the_head_does_not_send_a_short_letter_to_flat_text() -> None:
    html = ("<html><head><title>Thư góp ý về đường</title></head><body><p>Ngắn</p>"
            "<blockquote>trích</blockquote></body></html>")
    assert html_texts(html) == ("Ngắn\ntrích", "Ngắn")


def test_a_long_newsletter_is_read_whole() -> None:
    """Thirty thousand paragraphs (the old tree builder's insertions grew with the
    square of them: 44 s for 20,000); the time is in ``bench/html_text.py``."""
    html = "".join(f"<p>đoạn {i}</p>" for i in range(30_000))
    text = html_to_text(html)
    assert text.startswith("đoạn 0\n\nđoạn 1\n\n") and text.endswith("đoạn 29999")
    assert text.count("\n\n") == 29_999


def test_threads_parsing_at_once_each_get_their_own_text() -> None:
    """Each thread has its own libxml2 parser (a parser must not serve two at once)."""
    from concurrent.futures import ThreadPoolExecutor

    letters = [f"<div><p>Thư số {i}</p><blockquote>trích {i}</blockquote></div>"
               for i in range(400)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        texts = list(pool.map(html_texts, letters))
    assert texts == [(f"Thư số {i}\ntrích {i}", f"Thư số {i}") for i in range(400)]


def test_a_tag_with_a_flood_of_attributes_is_read_without_them() -> None:
    """libxml2 checks each new attribute of a tag against all before it (100,000 in one
    tag: 104 s, ``bench/html_text.py``); attributes are never text, so a tag whose
    attributes run over 4 KB is read without them, and the text around it is kept."""
    flood = "".join(f' a{i}="x>y"' for i in range(20_000))
    html = f"<p{flood}>Xin chào</p><blockquote type='cite'>trích</blockquote><p>Cuối</p>"
    plain = "<p>Xin chào</p><blockquote type='cite'>trích</blockquote><p>Cuối</p>"
    assert parse._without_long_attributes(html) == plain
    assert html_texts(html) == html_texts(plain) == ("Xin chào\ntrích\nCuối",
                                                     "Xin chào\n\nCuối")


def test_an_inline_image_and_short_tags_keep_their_text() -> None:
    image = '<img src="data:image/png;base64,' + "QUJD" * 5_000 + '">'
    html = f"<p>Trước ảnh</p>{image}<p class='x' id='y'>Sau ảnh</p>"
    assert parse._without_long_attributes(html) == \
        "<p>Trước ảnh</p><img><p class='x' id='y'>Sau ảnh</p>"
    assert html_to_text(html) == "Trước ảnh\n\nSau ảnh"
    assert parse._without_long_attributes("<p>" + "chữ " * 5_000 + "</p>").count("chữ") == 5_000


def test_a_greater_than_sign_in_a_quoted_value_does_not_end_the_tag_in_flat_text() -> None:
    assert parse._flat_text('<p title="a>b">Xin chào</p><p data-x=\'c>d\'>tiếp</p>') == \
        "Xin chào\n\ntiếp"
    assert parse._flat_text("<p title=don't>Xin chào</p>") == "Xin chào"
