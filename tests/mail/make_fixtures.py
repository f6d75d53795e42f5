"""Writes the Vietnamese fixtures in ``tests/mail/fixtures/`` (run once; the files are kept).

The messages are built byte by byte so each one has exactly the encoding it tests
(quoted-printable, base64, windows-1258 encoded words, RFC 2231 file names …).
Placeholders ``__CODE__`` and ``__ACK_ID__`` are filled in by the tests with a real
tracking code and the Message-ID of a real acknowledgement.

    .venv/bin/python -m tests.mail.make_fixtures
"""

from __future__ import annotations

import base64
import quopri
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent / "fixtures"
DATE = "Date: Mon, 12 May 2025 08:30:00 +0700"
BICH_DONG = ("Kính gửi Đường dây nóng,\n\nCán bộ bộ phận một cửa xã Bích Động, huyện Việt "
             "Yên hẹn trả hồ sơ cấp giấy chứng nhận quyền sử dụng đất (sổ đỏ) 3 lần vẫn chưa "
             "có kết quả. Đề nghị các cơ quan chức năng xem xét.\n\nTrân trọng.\n")
SIGNATURE = "-- \nNguyễn Văn An\nĐT: 0912 345 678\n"
# 67-byte valid PDF and a 1×1 JPEG: real magic bytes, small files.
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]"
       b"/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////"
    "////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAA"
    "AAAP/aAAgBAQABPxA=")


def qp(text: str, charset: str = "utf-8") -> str:
    return quopri.encodestring(text.encode(charset)).decode("ascii")


def b64(data: bytes) -> str:
    encoded = base64.b64encode(data).decode("ascii")
    return "\n".join(encoded[i:i + 76] for i in range(0, len(encoded), 76))


def word_b(text: str) -> str:
    return f"=?utf-8?B?{base64.b64encode(text.encode()).decode()}?="


TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Encode as windows-1258 does: base letters precomposed, tone marks combining."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("windows-1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out += base.encode("windows-1258")
        out += "".join(c for c in parts if c in TONES).encode("windows-1258")
    return bytes(out)


def headers(frm: str, subject: str, msgid: str | None, extra: str = "") -> str:
    lines = [f"From: {frm}", "To: thutuchanhchinh@bacgiang.gov.vn", f"Subject: {subject}",
             DATE]
    if msgid:
        lines.append(f"Message-ID: <{msgid}>")
    lines.append("MIME-Version: 1.0")
    if extra:
        lines.append(extra.rstrip("\n"))
    return "\n".join(lines) + "\n"


def plain(frm: str, subject: str, msgid: str | None, body: str, extra: str = "") -> str:
    return (headers(frm, subject, msgid, extra)
            + "Content-Type: text/plain; charset=utf-8\n"
            + "Content-Transfer-Encoding: quoted-printable\n\n" + qp(body))


def fixtures() -> dict[str, bytes]:
    an = f"{word_b('Nguyễn Văn An')} <nguyenvanan@example.vn>"
    files: dict[str, str | bytes] = {}
    files["vi_utf8_qp.eml"] = plain(
        an, word_b("Phản ánh chậm trả hồ sơ tại xã Bích Động"), "vi-qp-1@example.vn",
        BICH_DONG + SIGNATURE)
    files["vi_utf8_base64.eml"] = (
        headers(f"{word_b('Trần Thị Bình')} <tranthibinh@example.vn>",
                word_b("Kiến nghị về thủ tục đăng ký khai sinh"), "vi-b64-1@example.vn")
        + "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n"
        + b64(("Tôi đi đăng ký khai sinh cho con ở phường Trần Phú, thành phố Bắc Giang "
               "nhưng bị yêu cầu nộp thêm giấy tờ không có trong quy định.\n\nGửi từ iPhone "
               "của tôi\n").encode()) + "\n")
    # windows-1258 keeps tone marks as combining characters: decoded text is NFD-ish.
    encoded_subject = cp1258("Phản ánh đường hỏng ở thị trấn Chũ")
    q_word = "".join(chr(b) if chr(b).isalnum() and b < 128 else f"={b:02X}"
                     for b in encoded_subject)
    body_1258 = cp1258("Đường liên xã ở thị trấn Chũ, huyện Lục Ngạn hỏng nặng đã 6 tháng.\n")
    files["vi_windows1258.eml"] = (
        headers("Le Van Cuong <levancuong@example.vn>", f"=?windows-1258?Q?{q_word}?=",
                "vi-1258-1@example.vn")
        + "Content-Type: text/plain; charset=windows-1258\n"
        + "Content-Transfer-Encoding: quoted-printable\n\n"
        + quopri.encodestring(body_1258).decode("ascii"))
    html = ("<html><head><style>p{color:red}</style></head><body><div dir=\"ltr\">"
            "<p>Kính gửi Sở Tư pháp,</p><p>Tôi nộp hồ sơ <b>cấp phiếu lý lịch tư pháp</b> "
            "đã quá hạn 10 ngày.<br>Mong được giải quyết sớm.</p>"
            "<div class=\"gmail_quote\">Vào Th 2, 12 thg 5, 2025 lúc 08:00 Ai đó đã viết:"
            "<blockquote>nội dung cũ</blockquote></div></div></body></html>")
    files["vi_html_only.eml"] = (
        headers("pham.duc@example.vn", word_b("Hồ sơ lý lịch tư pháp quá hạn"),
                "vi-html-1@example.vn")
        + "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        + b64(html.encode()) + "\n")
    files["vi_pdf_photo.eml"] = (
        headers(an, word_b("Gửi kèm biên bản và ảnh hiện trường"), "vi-att-1@example.vn",
                'Content-Type: multipart/mixed; boundary="b1"')
        + "\n--b1\nContent-Type: text/plain; charset=utf-8\n"
        + "Content-Transfer-Encoding: quoted-printable\n\n"
        + qp("Bãi rác tự phát ở xã Tân Dĩnh, huyện Lạng Giang gây ô nhiễm. Gửi kèm biên bản "
             "và ảnh.\n")
        + "\n--b1\nContent-Type: application/pdf; name=\"bien-ban.pdf\"\n"
        + "Content-Disposition: attachment; filename*=utf-8''bi%C3%AAn%20b%E1%BA%A3n.pdf\n"
        + "Content-Transfer-Encoding: base64\n\n" + b64(PDF)
        + "\n--b1\nContent-Type: image/jpeg; name=\"" + word_b("ảnh hiện trường.jpg") + "\"\n"
        + "Content-Disposition: inline\nContent-Transfer-Encoding: base64\n\n" + b64(JPEG)
        + "\n--b1--\n")
    reply_body = ("Tôi bổ sung: cán bộ tên là Nguyễn Văn X, hẹn tôi lần cuối ngày 10/5.\n\n"
                  "Vào Th 2, 12 thg 5, 2025 lúc 08:31 Đường dây nóng TTHC Bắc Giang <\n"
                  "thutuchanhchinh@bacgiang.gov.vn> đã viết:\n\n"
                  "> Kính gửi Ông/Bà,\n> Mã tra cứu: __CODE__\n")
    files["vi_reply_to_ack.eml"] = plain(
        an, "Re: [__CODE__] " + word_b("Đã tiếp nhận phản ánh, kiến nghị"),
        "vi-reply-1@example.vn", reply_body,
        "In-Reply-To: <__ACK_ID__>\nReferences: <vi-qp-1@example.vn> <__ACK_ID__>")
    files["vi_reply_thread_only.eml"] = plain(
        an, word_b("Bổ sung thông tin"), "vi-reply-2@example.vn",
        "Bổ sung: sự việc xảy ra vào buổi sáng.\n",
        "In-Reply-To: <__ACK_ID__>\nReferences: <__ACK_ID__>")
    files["vi_reply_other_sender.eml"] = plain(
        "Hoang Minh <hoangminh@example.org>", "Re: [__CODE__] " + word_b("Phản ánh"),
        "vi-reply-other-1@example.org",
        "Tôi cũng gặp tình trạng giống như phản ánh này ở xã Bích Động.\n",
        "In-Reply-To: <__ACK_ID__>")
    files["vi_out_of_office.eml"] = plain(
        an, word_b("Trả lời tự động:") + " [__CODE__] " + word_b("Đã tiếp nhận"),
        "vi-ooo-1@example.vn",
        "Tôi đang nghỉ phép đến hết ngày 20/5, sẽ trả lời khi trở lại.\n",
        "Auto-Submitted: auto-replied\nX-Autoreply: yes\nIn-Reply-To: <__ACK_ID__>")
    original = headers(word_b("Đường dây nóng") + " <thutuchanhchinh@bacgiang.gov.vn>",
                       "[__CODE__] " + word_b("Đã tiếp nhận"), "__ACK_ID__")
    files["vi_dsn_bounce.eml"] = (
        "From: Mail Delivery System <MAILER-DAEMON@mx.example.vn>\n"
        "To: thutuchanhchinh@bacgiang.gov.vn\n"
        "Subject: Undelivered Mail Returned to Sender\n" + DATE + "\n"
        "Message-ID: <dsn-1@mx.example.vn>\nAuto-Submitted: auto-replied\nMIME-Version: 1.0\n"
        "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r1\"\n\n"
        "--r1\nContent-Type: text/plain; charset=us-ascii\n\n"
        "This is the mail system at host mx.example.vn. Your message could not be "
        "delivered.\n"
        "\n--r1\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.vn\n\n"
        "Final-Recipient: rfc822; khongtontai@example.vn\nAction: failed\nStatus: 5.1.1\n"
        "\n--r1\nContent-Type: message/rfc822\n\n" + original + "\nMa tra cuu: __CODE__\n"
        "\n--r1--\n")
    files["vi_duplicate_a.eml"] = plain(
        "vu.thi.dung@example.vn", word_b("Phản ánh thái độ cán bộ"), "vi-dup-1@example.vn",
        "Cán bộ tiếp dân ở UBND huyện Yên Dũng có thái độ không đúng mực.\n",
        "Received: from a.example.vn by mx1.example.vn; Mon, 12 May 2025 08:30:01 +0700")
    files["vi_duplicate_b.eml"] = plain(
        "vu.thi.dung@example.vn", word_b("Phản ánh thái độ cán bộ"), "vi-dup-1@example.vn",
        "Cán bộ tiếp dân ở UBND huyện Yên Dũng có thái độ không đúng mực. (bản sao)\n",
        "Received: from a.example.vn by mx2.example.vn; Mon, 12 May 2025 08:30:02 +0700")
    files["vi_no_message_id.eml"] = plain(
        "do.van.em@example.vn", word_b("Không có Message-ID"), None,
        "Đèn đường ở xã Nghĩa Trung, huyện Việt Yên không sáng đã 2 tuần.\n")
    big = bytes(range(256)) * 800  # 204,800 bytes: over the tests' 100 KB limit
    files["vi_attachment_over_limit.eml"] = (
        headers("ngo.thi.phuong@example.vn", word_b("Gửi video hiện trường"),
                "vi-big-1@example.vn", 'Content-Type: multipart/mixed; boundary="b2"')
        + "\n--b2\nContent-Type: text/plain; charset=utf-8\n"
        + "Content-Transfer-Encoding: quoted-printable\n\n"
        + qp("Xe tải chở quá tải làm hỏng đường ở xã Tân Dĩnh, huyện Lạng Giang.\n")
        + "\n--b2\nContent-Type: image/jpeg; name=\"anh.jpg\"\n"
        + "Content-Disposition: attachment; filename=\"anh.jpg\"\n"
        + "Content-Transfer-Encoding: base64\n\n" + b64(JPEG)
        + "\n--b2\nContent-Type: video/mp4; name=\"video.mp4\"\n"
        + "Content-Disposition: attachment; filename=\"video.mp4\"\n"
        + "Content-Transfer-Encoding: base64\n\n" + b64(big)
        + "\n--b2\nContent-Type: application/x-msdownload; name=\"setup.exe\"\n"
        + "Content-Disposition: attachment; filename=\"setup.exe\"\n"
        + "Content-Transfer-Encoding: base64\n\n" + b64(b"MZ\x90\x00")
        + "\n--b2--\n")
    broken = (b"From: =?utf-8?B?bm90IGJhc2U2NA?= <<broken@@example..vn\n"
              b"To: thutuchanhchinh@bacgiang.gov.vn, , ;\n"
              b"Subject: =?windows-1258?Q?Pha=D2n_=E1nh?= =?unknown-8bit?Q?=FF=FE?= "
              b"=?utf-8?B?xx=\n"
              b"Subject: second subject header\n"
              b"Date: not a date\n"
              b"Message-ID: <broken headers@@example.vn\n"
              b"In-Reply-To: <\n"
              b"This line has no colon\n"
              b"Content-Type: text/plain; charset=\"x-unknown-charset\"; ;;\n"
              b"Content-Transfer-Encoding: base65\n"
              b"X-Raw-8bit: ") + "Đường ở thôn".encode() + (
              "\n\nNội dung vẫn đọc được: đường ở thôn Hả, xã Bích Động bị ngập.\n").encode()
    files["vi_broken_headers.eml"] = broken
    files["vi_empty.eml"] = plain("tran.van.giang@example.vn", "", "vi-empty-1@example.vn",
                                  "\n\n")
    files["vi_bulk_newsletter.eml"] = plain(
        "newsletter@example.com", word_b("Bản tin tuần"), "news-1@example.com", "Tin tức...\n",
        "Precedence: bulk\nList-Id: <news.example.com>\nList-Unsubscribe: <mailto:u@x>")
    for name, v in files.items():
        if isinstance(v, str) and not v.isascii():
            raise ValueError(f"{name}: non-ASCII text outside an encoding")
    return {name: (v if isinstance(v, bytes) else v.encode("ascii")) for name, v in files.items()}


def main() -> None:
    HERE.mkdir(parents=True, exist_ok=True)
    for name, data in fixtures().items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
