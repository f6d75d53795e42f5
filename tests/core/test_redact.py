"""Anonymisation of what the public reads (Open311 requests, published answers)."""

from __future__ import annotations

import pytest

from intake.redact import ADDRESS_MARK, EMAIL_MARK, ID_MARK, NAME_MARK, PHONE_MARK, redact


@pytest.mark.parametrize(("text", "gone", "mark"), [
    ("Liên hệ 0912 345 678 giúp tôi", "0912 345 678", PHONE_MARK),
    ("sđt: +84 987.654.321", "987.654.321", PHONE_MARK),
    ("gọi 0204.3829.005 (máy bàn)", "3829", PHONE_MARK),
    ("email an.nguyen+pakn@gmail.com nhé", "an.nguyen", EMAIL_MARK),
    ("CCCD số 024090001234 cấp ngày", "024090001234", ID_MARK),
    ("CCCD: 0240 9000 1234", "9000", ID_MARK),
    ("cmnd 121212121", "121212121", ID_MARK),
    ("hộ chiếu C1234567", "C1234567", ID_MARK),
    ("Tôi là Nguyễn Văn An, ở xã Bích Động", "Nguyễn Văn An", NAME_MARK),
    ("toi ten la Le Thi Hoa, xin hoi", "Le Thi Hoa", NAME_MARK),
    ("Họ tên: Phạm Minh Đức\nĐường hỏng", "Phạm Minh Đức", NAME_MARK),
    ("Ông Trần Văn Bình cán bộ địa chính hẹn nhiều lần", "Trần Văn Bình", NAME_MARK),
    ("Tôi trú tại số 12 ngõ 5 phố Hoàng Văn Thụ. Đề nghị", "ngõ 5", ADDRESS_MARK),
])
def test_personal_data_is_replaced(text: str, gone: str, mark: str) -> None:
    out = redact(text)
    assert gone not in out
    assert mark in out


def test_known_names_go_with_or_without_diacritics() -> None:
    text = "Nguyen Van An gửi đơn; anh An (Văn An) chờ 3 tháng. NGUYỄN VĂN AN ký."
    out = redact(text, ["Nguyễn Văn An"])
    assert "Nguyen Van An" not in out and "Văn An" not in out and "NGUYỄN VĂN AN" not in out
    assert out.count(NAME_MARK) >= 3


def test_matter_stays_readable() -> None:
    text = ("Đường tỉnh 398 đoạn qua xã Bích Động, huyện Việt Yên bị hỏng nặng từ tháng "
            "3/2026, xe tải 30 tấn đi qua hằng ngày.")
    assert redact(text) == text
