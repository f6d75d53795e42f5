"""Vietnamese phone numbers and e-mail addresses as citizens type them."""

from __future__ import annotations

import pytest

from intake.contacts import normalise_phone, parse_contact
from intake.errors import ValidationError


@pytest.mark.parametrize(("typed", "phone"), [
    ("0912345678", "0912345678"), ("0912 345 678", "0912345678"),
    ("+84 912.345.678", "0912345678"), ("84912345678", "0912345678"),
    ("0204.3829.005", "02043829005"), ("sdt của tôi: 0386-123-456", "0386123456"),
])
def test_phone_numbers(typed: str, phone: str) -> None:
    assert parse_contact(typed).phone == phone


@pytest.mark.parametrize("bad", ["0123", "091234567890", "1900 1234", "0112345678"])
def test_bad_phone_numbers_are_explained(bad: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalise_phone(bad)
    assert "Số điện thoại" in info.value.message_vi


def test_email_is_taken_with_a_lower_case_domain() -> None:
    assert parse_contact("email: Nguyen.Van.A@Gmail.COM").email == "Nguyen.Van.A@gmail.com"


def test_text_without_contact_is_explained() -> None:
    with pytest.raises(ValidationError) as info:
        parse_contact("gọi cho tôi nhé")
    assert "bỏ qua" in info.value.message_vi
