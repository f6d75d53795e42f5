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
import struct
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
    files.update(hotline_cases())
    for name, v in files.items():
        if isinstance(v, str) and not v.isascii():
            raise ValueError(f"{name}: non-ASCII text outside an encoding")
    return {name: (v if isinstance(v, bytes) else v.encode("ascii")) for name, v in files.items()}


# -- the cases of issue 12 -------------------------------------------------------------
OUR_MX = "mx.bacgiang.gov.vn"  # the authserv-id of our receiving server in the tests
FORWARDED_LETTER = (
    "Kính gửi: UBND xã Tân Dĩnh, huyện Lạng Giang\n\n"
    "Tôi là Hoàng Văn Minh, trú tại thôn Hạ, xã Tân Dĩnh. Ngày 03/3/2025 tôi nộp hồ sơ "
    "đăng ký biến động đất đai (tách thửa) tại bộ phận một cửa của xã, được hẹn trả kết "
    "quả ngày 20/3/2025 nhưng đến nay vẫn chưa nhận được giấy chứng nhận quyền sử dụng "
    "đất. Đề nghị UBND xã trả lời bằng văn bản lý do chậm trễ.\n\n"
    "Trân trọng,\nHoàng Văn Minh\n")
COVER = "Tôi gửi lại đơn đã gửi xã từ tháng 3 mà chưa được trả lời, đề nghị tỉnh xem xét.\n"


def tnef_attribute(level: int, name: int, kind: int, data: bytes) -> bytes:
    """One TNEF attribute: level, id, type, length, data, checksum (MS-OXTNEF 2.1.3)."""
    return (struct.pack("<BHHI", level, name, kind, len(data)) + data
            + struct.pack("<H", sum(data) & 0xFFFF))


def winmail(files: list[tuple[str, bytes]], body: str) -> bytes:
    """A small but well-formed winmail.dat: version, code page, class, body, files."""
    out = struct.pack("<IH", 0x223E9F78, 0x0001)
    out += tnef_attribute(1, 0x9006, 0x0008, struct.pack("<I", 0x00010000))
    out += tnef_attribute(1, 0x9007, 0x0006, struct.pack("<II", 1252, 0))
    out += tnef_attribute(1, 0x8008, 0x0007, b"IPM.Microsoft Mail.Note\x00")
    out += tnef_attribute(1, 0x800C, 0x0002, body.encode("utf-8"))
    for name, data in files:
        out += tnef_attribute(2, 0x9002, 0x0006, b"\x01\x00" + b"\xff" * 4 + b"\x00" * 8)
        out += tnef_attribute(2, 0x8010, 0x0001, name.encode() + b"\x00")
        out += tnef_attribute(2, 0x800F, 0x0006, data)
    return out


def rtf(text: str) -> bytes:
    """``text`` as Outlook writes a "Rich Text" body on a Vietnamese Windows (code page
    1258): characters of the code page as ``\\'xx``, the rest as ``\\uN?``, lines as
    paragraphs."""
    body = []
    for ch in unicodedata.normalize("NFC", text):
        if ch == "\n":
            body.append("\\par\n")
        elif ch in "\\{}":
            body.append("\\" + ch)
        elif ord(ch) < 128:
            body.append(ch)
        else:
            try:
                body.append("".join(f"\\'{byte:02x}" for byte in ch.encode("cp1258")))
            except UnicodeEncodeError:
                body.append(f"\\u{ord(ch)}?")
    return ("{\\rtf1\\ansi\\ansicpg1258\\deff0\\deflang1066{\\fonttbl{\\f0\\fswiss"
            "\\fcharset163 Arial;}}\n{\\*\\generator Microsoft Exchange Server;}\n"
            "{\\*\\formatting plain text}\\viewkind4\\uc1\\pard\\f0\\fs20 "
            + "".join(body) + "\n}\n").encode("ascii")


def winmail_rtf(files: list[tuple[str, bytes]], text: str) -> bytes:
    """A winmail.dat whose only body is compressed RTF (``PR_RTF_COMPRESSED`` in
    ``attMAPIProps``, MS-OXTNEF 2.1.3.4; compressed by ``compressed_rtf``, MS-OXRTFCP),
    as Outlook sends a letter written in "Rich Text"."""
    from compressed_rtf import compress  # only needed to write this fixture

    packed = compress(rtf(text))
    padded = packed + b"\x00" * (-len(packed) % 4)
    props = struct.pack("<IHHII", 1, 0x0102, 0x1009, 1, len(packed)) + padded
    out = struct.pack("<IH", 0x223E9F78, 0x0001)
    out += tnef_attribute(1, 0x9006, 0x0008, struct.pack("<I", 0x00010000))
    out += tnef_attribute(1, 0x9007, 0x0006, struct.pack("<II", 1258, 0))
    out += tnef_attribute(1, 0x8008, 0x0007, b"IPM.Note\x00")
    out += tnef_attribute(1, 0x9003, 0x0006, props)
    for name, data in files:
        out += tnef_attribute(2, 0x9002, 0x0006, b"\x01\x00" + b"\xff" * 4 + b"\x00" * 8)
        out += tnef_attribute(2, 0x8010, 0x0001, name.encode() + b"\x00")
        out += tnef_attribute(2, 0x800F, 0x0006, data)
    return out


VNI_MARKS = {"": "", "\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ",
             "\u0323": "ï"}
VNI_HAT = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
VNI_BREVE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü",
             "\u0323": "ë"}
VNI_I = {"": "i", "\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def vni_letter(ch: str) -> str:
    """One letter as the VNI fonts spell it (written from VNI's published table)."""
    if ch in "đĐ":
        return "ñ" if ch == "đ" else "Ñ"
    parts = unicodedata.normalize("NFD", ch.lower())
    base, marks = parts[0], parts[1:]
    tone = next((m for m in marks if m in VNI_MARKS and m), "")
    if base not in "aeiouy" or not marks:
        return ch
    if base == "i":
        spelled = VNI_I[tone]
    elif base == "y" and tone == "\u0323":
        spelled = "î"
    elif "\u031b" in marks:
        spelled = ("ô" if base == "o" else "ö") + VNI_MARKS[tone]
    elif "\u0302" in marks:
        spelled = base + VNI_HAT[tone]
    elif "\u0306" in marks:
        spelled = base + VNI_BREVE[tone]
    else:
        spelled = base + VNI_MARKS[tone]
    return spelled.upper() if ch.isupper() else spelled


def vni(text: str) -> bytes:
    """``text`` as VNI bytes (windows-1252 code points, tone characters after vowels)."""
    return "".join(vni_letter(ch) for ch in text).encode("cp1252")


VISCII_HIGH = ("ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯ"
               "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝỡưàáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ")


def viscii(text: str) -> bytes:
    """``text`` in VISCII (RFC 1456), written here independently of the decoder."""
    return bytes(0x80 + VISCII_HIGH.index(ch) if ch in VISCII_HIGH else ord(ch)
                 for ch in text)


TCVN_LOWER = {"ă": 0xA8, "â": 0xA9, "ê": 0xAA, "ô": 0xAB, "ơ": 0xAC, "ư": 0xAD, "đ": 0xAE,
              "à": 0xB5, "ả": 0xB6, "ã": 0xB7, "á": 0xB8, "ạ": 0xB9, "ằ": 0xBB, "ẳ": 0xBC,
              "ẵ": 0xBD, "ắ": 0xBE, "ặ": 0xC6, "ầ": 0xC7, "ẩ": 0xC8, "ẫ": 0xC9, "ấ": 0xCA,
              "ậ": 0xCB, "è": 0xCC, "ẻ": 0xCE, "ẽ": 0xCF, "é": 0xD0, "ẹ": 0xD1, "ề": 0xD2,
              "ể": 0xD3, "ễ": 0xD4, "ế": 0xD5, "ệ": 0xD6, "ì": 0xD7, "ỉ": 0xD8, "ĩ": 0xDC,
              "í": 0xDD, "ị": 0xDE, "ò": 0xDF, "ỏ": 0xE1, "õ": 0xE2, "ó": 0xE3, "ọ": 0xE4,
              "ồ": 0xE5, "ổ": 0xE6, "ỗ": 0xE7, "ố": 0xE8, "ộ": 0xE9, "ờ": 0xEA, "ở": 0xEB,
              "ỡ": 0xEC, "ớ": 0xED, "ợ": 0xEE, "ù": 0xEF, "ủ": 0xF1, "ũ": 0xF2, "ú": 0xF3,
              "ụ": 0xF4, "ừ": 0xF5, "ử": 0xF6, "ữ": 0xF7, "ứ": 0xF8, "ự": 0xF9, "ỳ": 0xFA,
              "ỷ": 0xFB, "ỹ": 0xFC, "ý": 0xFD, "ỵ": 0xFE, "Đ": 0xA7}


def tcvn3(text: str) -> bytes:
    """``text`` in TCVN3 (ABC fonts: lower-case letters with diacritics, and Đ)."""
    return bytes(TCVN_LOWER.get(ch, ord(ch) if ord(ch) < 128 else 0x3F) for ch in text)


def q_word(data: bytes, charset: str) -> str:
    """An RFC 2047 Q-encoded word of raw ``data`` in ``charset``."""
    encoded = "".join(chr(b) if chr(b).isalnum() and b < 128 else f"={b:02X}" for b in data)
    return f"=?{charset}?Q?{encoded}?="


def auth_results(verdict: str, domain: str = "example.vn") -> str:
    """Our MTA's Authentication-Results for a message From ``domain``."""
    if verdict == "pass":
        return (f"Authentication-Results: {OUR_MX}; spf=pass smtp.mailfrom={domain}; "
                f"dkim=pass header.d={domain}; dmarc=pass (p=quarantine) header.from={domain}")
    return (f"Authentication-Results: {OUR_MX}; spf=fail (sender IP is 203.0.113.9) "
            f"smtp.mailfrom=mailer.attacker.example; dkim=none; dmarc=fail (p=none) "
            f"header.from={domain}")


def multipart(head: str, boundary: str, parts: list[str]) -> str:
    body = "".join(f"\n--{boundary}\n{part}" for part in parts)
    return head + f"{body}\n--{boundary}--\n"


def text_part(text: str, charset: str = "utf-8") -> str:
    return (f"Content-Type: text/plain; charset={charset}\n"
            "Content-Transfer-Encoding: quoted-printable\n\n" + qp(text, charset))


def file_part(ctype: str, name: str, data: bytes, disposition: str = "attachment") -> str:
    return (f'Content-Type: {ctype}; name="{name}"\n'
            f'Content-Disposition: {disposition}; filename="{name}"\n'
            "Content-Transfer-Encoding: base64\n\n" + b64(data))


def official_mail() -> dict[str, str]:
    """Officials of the province's domain, with the Message-IDs their servers write."""
    files: dict[str, str] = {}
    forwarded = ("---------- Forwarded message ---------\n"
                 "From: Hoàng Văn Minh <hoangvanminh@example.vn>\n"
                 "Date: Thứ 2, 7 thg 4, 2025 lúc 09:12\n"
                 "Subject: Đơn đề nghị trả kết quả tách thửa\n"
                 "To: <ubnd.tandinh@bacgiang.gov.vn>\n\n" + FORWARDED_LETTER)
    files["vi_official_zimbra.eml"] = plain(
        f"{word_b('Văn phòng UBND huyện Lạng Giang')} <vanphong.langgiang@bacgiang.gov.vn>",
        "Fwd: " + word_b("Đơn đề nghị trả kết quả tách thửa"),
        "1747012345678.123456.1747012345679.JavaMail.zimbra@bacgiang.gov.vn",
        "Văn phòng UBND huyện chuyển đơn của công dân để Đường dây nóng xử lý theo thẩm "
        "quyền.\n\n" + forwarded,
        "X-Mailer: Zimbra 8.8.15_GA_4545 (ZimbraWebClient - GC120 (Win)/8.8.15_GA_4545)")
    files["vi_official_exchange.eml"] = plain(
        f"{word_b('Phòng Tư pháp huyện Việt Yên')} <tuphap.vietyen@bacgiang.gov.vn>",
        word_b("Chuyển phản ánh của công dân về chứng thực"),
        "SEYPR06MB5321C3A1B2D4E5F6A7B8C9D0E1F2A3B4@SEYPR06MB5321.apcprd06.prod.outlook.com",
        "Phòng Tư pháp nhận được phản ánh qua điện thoại của bà Nguyễn Thị Lan, thôn Đông, "
        "xã Bích Động: bộ phận một cửa xã Bích Động thu phí chứng thực bản sao cao hơn quy "
        "định. Đề nghị Đường dây nóng tiếp nhận và chuyển xử lý.\n",
        "X-MS-Exchange-Organization-AuthAs: Internal\nThread-Index: AdmyZ3k1c2Vz")
    files["vi_official_roundcube.eml"] = plain(
        f"{word_b('Trần Quốc Huy')} <tqhuy.snv@bacgiang.gov.vn>",
        word_b("Phản ánh việc chậm giải quyết hồ sơ nâng lương"),
        "a3f9e1c2b7d84e5f6a7b8c9d0e1f2a3b@bacgiang.gov.vn",
        "Tôi là công chức, hồ sơ nâng lương của tôi nộp Sở Nội vụ từ tháng 1 đến nay chưa "
        "có quyết định. Đề nghị Sở Nội vụ kiểm tra.\n",
        "User-Agent: Roundcube Webmail/1.6.6")
    files["vi_official_ooo.eml"] = plain(
        f"{word_b('Trần Quốc Huy')} <tqhuy.snv@bacgiang.gov.vn>",
        word_b("Trả lời tự động: Đã tiếp nhận phản ánh"),
        "6d5c4b3a29187f6e5d4c3b2a19087f6e@bacgiang.gov.vn",
        "Tôi đang đi công tác đến ngày 20/5. Việc gấp xin liên hệ văn phòng Sở.\n",
        "Auto-Submitted: auto-replied\nUser-Agent: Roundcube Webmail/1.6.6")
    return files


def forwarded_mail() -> dict[str, str]:
    """A citizen forwarding the letter the commune did not answer, four ways."""
    files: dict[str, str] = {}
    minh = f"{word_b('Hoàng Văn Minh')} <hoangvanminh@example.vn>"
    original = (headers(minh, word_b("Đơn đề nghị trả kết quả tách thửa"),
                        "orig-tandinh-1@example.vn").replace(
        "To: thutuchanhchinh@bacgiang.gov.vn", "To: ubnd.tandinh@bacgiang.gov.vn")
        + text_part(FORWARDED_LETTER).replace("\nContent-Type", "Content-Type", 1))
    files["vi_fwd_rfc822.eml"] = multipart(
        headers(minh, "Fwd: " + word_b("Đơn đề nghị trả kết quả tách thửa"),
                "fwd-rfc822-1@example.vn", 'Content-Type: multipart/mixed; boundary="f1"'),
        "f1", [text_part(COVER),
               'Content-Type: message/rfc822\nContent-Disposition: attachment; '
               'filename="don-gui-xa.eml"\n\n' + original])
    gmail = ("---------- Forwarded message ---------\n"
             "From: Hoàng Văn Minh <hoangvanminh@example.vn>\n"
             "Date: Thứ 2, 3 thg 3, 2025 lúc 08:05\n"
             "Subject: Đơn đề nghị trả kết quả tách thửa\n"
             "To: <ubnd.tandinh@bacgiang.gov.vn>\n\n" + FORWARDED_LETTER)
    files["vi_fwd_gmail.eml"] = plain(
        minh, "Fwd: " + word_b("Đơn đề nghị trả kết quả tách thửa"), "fwd-gmail-1@example.vn",
        COVER + "\n" + gmail)
    outlook = ("-----Original Message-----\n"
               "From: Hoàng Văn Minh [mailto:hoangvanminh@example.vn]\n"
               "Sent: Monday, March 3, 2025 8:05 AM\n"
               "To: ubnd.tandinh@bacgiang.gov.vn\n"
               "Subject: Đơn đề nghị trả kết quả tách thửa\n\n" + FORWARDED_LETTER)
    files["vi_fwd_outlook.eml"] = plain(
        minh, "FW: " + word_b("Đơn đề nghị trả kết quả tách thửa"), "fwd-outlook-1@example.vn",
        COVER + "\n" + outlook, "X-Mailer: Microsoft Outlook 16.0")
    chuyen_tiep = ("---------- Thư đã chuyển tiếp ----------\n"
                   "Từ: Hoàng Văn Minh <hoangvanminh@example.vn>\n"
                   "Ngày: 3 tháng 3, 2025 08:05\n"
                   "Tiêu đề: Đơn đề nghị trả kết quả tách thửa\n"
                   "Tới: ubnd.tandinh@bacgiang.gov.vn\n\n" + FORWARDED_LETTER)
    files["vi_fwd_chuyen_tiep.eml"] = plain(
        minh, word_b("Chuyển tiếp: Đơn đề nghị trả kết quả tách thửa"),
        "fwd-vi-1@example.vn", COVER + "\n" + chuyen_tiep)
    return files


def sender_and_charset_mail() -> dict[str, str | bytes]:
    """A From written as one encoded word; From unusable (Reply-To); legacy charsets."""
    files: dict[str, str | bytes] = {}
    whole = word_b("Lê Thị Hồng <lethihong@example.vn>")
    files["vi_from_one_word.eml"] = multipart(
        headers(whole, word_b("Gửi biên bản và ảnh đường hỏng"), "from-word-1@example.vn",
                'Content-Type: multipart/mixed; boundary="w1"'),
        "w1", [text_part("Đường liên thôn ở xã Nghĩa Trung, huyện Việt Yên bị xe tải làm hỏng "
                         "nặng, tôi gửi kèm biên bản của thôn và ảnh hiện trường.\n"),
               file_part("application/pdf", "bien-ban-thon.pdf", PDF),
               file_part("image/jpeg", "anh-duong.jpg", JPEG)])
    files["vi_from_reply_to.eml"] = plain(
        "undisclosed-sender:;", word_b("Đèn đường không sáng"), "from-replyto-1@example.vn",
        "Đèn đường ở thị trấn Nếnh, huyện Việt Yên không sáng đã 3 tuần.\n",
        f"Reply-To: {word_b('Phạm Văn Tú')} <phamvantu@example.vn>")
    subject = "Phản ánh đường hỏng ở xã Tân Dĩnh"
    body = ("Kính gửi Đường dây nóng, đường liên xã ở xã Tân Dĩnh, huyện Lạng Giang hỏng "
            "nặng đã 6 tháng, đề nghị sửa chữa sớm.\n")
    files["vi_charset_vni.eml"] = (
        headers("Vu Van Son <vuvanson@example.vn>", q_word(vni(subject), "x-viet-vni"),
                "charset-vni-1@example.vn", auth_results("pass"))
        + "Content-Type: text/plain; charset=x-viet-vni\n"
        + "Content-Transfer-Encoding: quoted-printable\n\n"
        + quopri.encodestring(vni(body)).decode("ascii"))
    files["vi_charset_viscii.eml"] = (
        headers("Dinh Thi Mai <dinhthimai@example.vn>", "", "charset-viscii-1@example.vn",
                auth_results("pass")).replace("Subject: \n", "").encode("ascii")
        + b"Subject: " + viscii(subject) + b"\n"
        + b"Content-Type: text/plain\nContent-Transfer-Encoding: 8bit\n\n" + viscii(body))
    files["vi_charset_tcvn3.eml"] = (
        headers("Bui Van Long <buivanlong@example.vn>",
                q_word(tcvn3(subject.lower()), "unknown-8bit"), "charset-tcvn3-1@example.vn",
                auth_results("pass"))
        + "Content-Type: text/plain; charset=iso-8859-1\n"
        + "Content-Transfer-Encoding: quoted-printable\n\n"
        + quopri.encodestring(tcvn3(body.lower())).decode("ascii"))
    return files


def trust_mail() -> dict[str, str]:
    """Forged From on a victim's thread; a prize-and-link subject; a genuine reply."""
    an = f"{word_b('Nguyễn Văn An')} <nguyenvanan@example.vn>"
    files: dict[str, str] = {}
    files["vi_forged_reply.eml"] = plain(
        an, "Re: [__CODE__] " + word_b("Đã tiếp nhận phản ánh, kiến nghị"),
        "forged-1@mailer.attacker.example",
        "Tôi rút lại phản ánh, đề nghị gửi toàn bộ hồ sơ và số điện thoại cán bộ cho tôi.\n",
        "\n".join([auth_results("fail"),
                    "Authentication-Results: mailer.attacker.example; dmarc=pass",
                    f"Authentication-Results: {OUR_MX}; dmarc=pass header.from=example.vn",
                    "In-Reply-To: <__ACK_ID__>"]))
    files["vi_verified_reply.eml"] = plain(
        an, "Re: [__CODE__] " + word_b("Đã tiếp nhận phản ánh, kiến nghị"),
        "verified-reply-1@example.vn",
        "Tôi bổ sung: sáng nay cán bộ xã lại hẹn tôi tuần sau.\n",
        auth_results("pass") + "\nIn-Reply-To: <__ACK_ID__>")
    prize = word_b("Chúc mừng trúng thưởng 50.000.000đ, nhận ngay tại "
                   "http://bit.ly/nhan-thuong-bg hoặc www.trungthuong-bacgiang.example")
    phisher = word_b("Ngân hàng nhận thưởng http://trungthuong-bacgiang.example")
    files["vi_phishing_subject.eml"] = plain(
        f"{phisher} <nan.nhan@example.vn>", prize, "phish-1@mailer.attacker.example",
        "Hồ sơ của tôi ở xã Bích Động chậm giải quyết.\n")
    files["vi_phishing_verified.eml"] = plain(
        f"{phisher} <nguoi.gui@example.vn>", prize, "phish-2@example.vn",
        "Hồ sơ của tôi ở xã Bích Động chậm giải quyết.\n", auth_results("pass"))
    return files


def attachment_mail() -> dict[str, str]:
    """Scanned letters, winmail.dat, signed mail."""
    files: dict[str, str] = {}
    files["vi_scan_pdf.eml"] = multipart(
        headers("nguyen.thi.thu@example.vn", word_b("Đơn khiếu nại"), "scan-pdf-1@example.vn",
                'Content-Type: multipart/mixed; boundary="s1"'),
        "s1", [text_part("\n"), file_part("application/pdf", "don-khieu-nai.pdf", PDF)])
    files["vi_scan_photo.eml"] = multipart(
        headers("tran.van.hai@example.vn", "", "scan-photo-1@example.vn",
                'Content-Type: multipart/mixed; boundary="s2"'),
        "s2", [text_part("Em gửi đơn ạ\n\nGửi từ iPhone của tôi\n"),
               file_part("image/jpeg", "IMG_0412.jpg", JPEG),
               file_part("image/jpeg", "IMG_0413.jpg", JPEG)])
    tnef = winmail([("bien-ban-lam-viec.pdf", PDF), ("anh-hien-truong.jpg", JPEG)],
                   "Gửi kèm biên bản làm việc với xã.")
    files["vi_winmail.eml"] = multipart(
        headers("Ly Van Thanh <lyvanthanh@example.vn>", word_b("Phản ánh việc thu phí"),
                "winmail-1@example.vn", 'Content-Type: multipart/mixed; boundary="t1"')
        + "X-Mailer: Microsoft Outlook 14.0\n",
        "t1", [text_part("UBND xã Tân Dĩnh, huyện Lạng Giang thu phí xác nhận không đúng quy "
                         "định. Tôi gửi kèm biên bản làm việc với xã.\n"),
               file_part("application/ms-tnef", "winmail.dat", tnef)])
    files["vi_winmail_broken.eml"] = multipart(
        headers("Ly Van Thanh <lyvanthanh@example.vn>", word_b("Gửi lại tài liệu"),
                "winmail-2@example.vn", 'Content-Type: multipart/mixed; boundary="t2"'),
        "t2", [text_part("Đường ở xã Tân Dĩnh, huyện Lạng Giang ngập sau mưa, tôi gửi tài liệu "
                         "kèm theo.\n"),
               file_part("application/ms-tnef", "winmail.dat", b"\x78\x9f\x3e\x22" * 3)])
    rich = winmail_rtf([("giay-hen.pdf", PDF)],
                       "Kính gửi Đường dây nóng,\n\nBộ phận một cửa UBND xã Tân Dĩnh, huyện "
                       "Lạng Giang hẹn trả giấy chứng nhận quyền sử dụng đất ngày 15/4/2025 "
                       "nhưng đến nay vẫn chưa trả, không báo lý do. Tôi gửi kèm giấy hẹn.\n\n"
                       "Trân trọng,\nLý Văn Thành")
    files["vi_winmail_rtf.eml"] = multipart(
        headers("Ly Van Thanh <lyvanthanh@example.vn>", word_b("Chậm trả sổ đỏ"),
                "winmail-3@example.vn", 'Content-Type: multipart/mixed; boundary="t3"')
        + "X-Mailer: Microsoft Outlook 16.0\n",
        "t3", [file_part("application/ms-tnef", "winmail.dat", rich)])
    signed_text = ("Tôi phản ánh việc cán bộ địa chính xã Bích Động, huyện Việt Yên yêu cầu "
                   "nộp thêm giấy tờ không có trong quy định khi làm thủ tục cấp đổi sổ đỏ.\n")
    files["vi_smime_signed.eml"] = multipart(
        headers("Cao Van Duc <caovanduc@example.vn>", word_b("Phản ánh có chữ ký số"),
                "smime-1@example.vn",
                'Content-Type: multipart/signed; protocol="application/pkcs7-signature"; '
                'micalg=sha-256; boundary="sig1"'),
        "sig1", [text_part(signed_text),
                 file_part("application/pkcs7-signature", "smime.p7s",
                           b"\x30\x82\x05\x00\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01"
                           b"\x07\x02" + bytes(range(64)))])
    pgp = ("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n" + signed_text
           + "- -- \nCao Văn Đức\n"
           "-----BEGIN PGP SIGNATURE-----\n\niQEzBAEBCAAdFiEEq1w2b3JlbSBpcHN1bSBkb2xvciBzaXQ=\n"
           "=AbCd\n-----END PGP SIGNATURE-----\n")
    files["vi_pgp_inline.eml"] = plain("Cao Van Duc <caovanduc@example.vn>",
                                       word_b("Phản ánh (ký PGP)"), "pgp-inline-1@example.vn",
                                       pgp)
    files["vi_pgp_mime.eml"] = multipart(
        headers("Cao Van Duc <caovanduc@example.vn>", word_b("Phản ánh (PGP/MIME)"),
                "pgp-mime-1@example.vn",
                'Content-Type: multipart/signed; protocol="application/pgp-signature"; '
                'micalg=pgp-sha256; boundary="sig2"'),
        "sig2", [text_part(signed_text),
                 'Content-Type: application/pgp-signature; name="signature.asc"\n'
                 'Content-Description: OpenPGP digital signature\n\n'
                 "-----BEGIN PGP SIGNATURE-----\n\niQEzBAEBCAAdFiEE\n=AbCd\n"
                 "-----END PGP SIGNATURE-----\n"])
    return files


def automatic_mail() -> dict[str, str]:
    """A calendar invitation, a read receipt of our acknowledgement, cc'd copies."""
    files: dict[str, str] = {}
    ics = ("BEGIN:VCALENDAR\nPRODID:-//Microsoft Corporation//Outlook 16.0//EN\nVERSION:2.0\n"
           "METHOD:REQUEST\nBEGIN:VEVENT\nDTSTART:20250520T020000Z\n"
           "DTEND:20250520T030000Z\nSUMMARY:Họp giao ban cải cách hành chính\n"
           "UID:040000008200E00074C5B7101A82E008@bacgiang.gov.vn\nEND:VEVENT\nEND:VCALENDAR\n")
    files["vi_calendar_invite.eml"] = multipart(
        headers(f"{word_b('Văn phòng Sở Nội vụ')} <vanphong.snv@bacgiang.gov.vn>",
                word_b("Mời họp: Giao ban cải cách hành chính"),
                "invite-1@EXCH01.bacgiang.gov.vn",
                'Content-Type: multipart/alternative; boundary="c1"'),
        "c1", [text_part("Kính mời đồng chí dự họp giao ban cải cách hành chính.\n"),
               'Content-Type: text/calendar; charset="utf-8"; method=REQUEST\n'
               "Content-Transfer-Encoding: quoted-printable\n\n" + qp(ics)])
    files["vi_read_receipt.eml"] = multipart(
        headers(f"{word_b('Nguyễn Văn An')} <nguyenvanan@example.vn>",
                word_b("Đã đọc: ") + "[__CODE__] " + word_b("Đã tiếp nhận"),
                "mdn-1@example.vn",
                "In-Reply-To: <__ACK_ID__>\nReferences: <__ACK_ID__>\n"
                'Content-Type: multipart/report; report-type=disposition-notification; '
                'boundary="m1"'),
        "m1", [text_part("Thư của bạn đã được đọc lúc 09:15 ngày 12/5/2025.\n"),
               "Content-Type: message/disposition-notification\n\n"
               "Reporting-UA: Microsoft Outlook 16.0\n"
               "Final-Recipient: rfc822;nguyenvanan@example.vn\n"
               "Original-Message-ID: <__ACK_ID__>\n"
               "Disposition: manual-action/MDN-sent-manually; displayed\n"])
    copy = ("From: Ngo Thi Ha <ngothiha@example.vn>\n"
            "To: thutuchanhchinh@bacgiang.gov.vn\nCc: tiepcongdan@bacgiang.gov.vn\n"
            "Subject: " + word_b("Phản ánh trạm y tế xã đóng cửa") + "\n" + DATE + "\n"
            "MIME-Version: 1.0\n" + text_part(
                "Trạm y tế xã Nghĩa Trung, huyện Việt Yên đóng cửa giờ hành chính nhiều "
                "ngày.\n"))
    for name, rcpt, relay in (("vi_cc_copy_a.eml", "thutuchanhchinh", "mx1"),
                              ("vi_cc_copy_b.eml", "tiepcongdan", "mx2")):
        files[name] = (f"Return-Path: <ngothiha@example.vn>\n"
                       f"Delivered-To: {rcpt}@bacgiang.gov.vn\n"
                       f"Received: from {relay}.bacgiang.gov.vn by mail.bacgiang.gov.vn; "
                       "Mon, 12 May 2025 08:30:0" + ("1" if relay == "mx1" else "4")
                       + " +0700\n" + copy)
    return files


def hotline_cases() -> dict[str, str | bytes]:
    """Every defect and case of issue 12, one message each."""
    return {**official_mail(), **forwarded_mail(), **sender_and_charset_mail(),
            **trust_mail(), **attachment_mail(), **automatic_mail()}


def main() -> None:
    HERE.mkdir(parents=True, exist_ok=True)
    for name, data in fixtures().items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
