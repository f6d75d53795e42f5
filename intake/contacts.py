"""Citizen contact details: Vietnamese phone numbers and e-mail addresses."""

from __future__ import annotations

import re
from dataclasses import dataclass

from intake.errors import ValidationError

_PHONE_SEPARATORS = re.compile(r"[\s.\-()]")
_MOBILE = re.compile(r"^0(3|5|7|8|9)\d{8}$")
_LANDLINE = re.compile(r"^02\d{8,9}$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")


@dataclass(frozen=True)
class Contact:
    """How to reach a citizen; every part optional."""

    name: str | None = None
    phone: str | None = None
    email: str | None = None


def normalise_phone(text: str) -> str:
    """``+84 912.345.678`` → ``0912345678``; mobile or landline (0204.3829.005) only."""
    digits = _PHONE_SEPARATORS.sub("", text.strip())
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    if _MOBILE.match(digits) or _LANDLINE.match(digits):
        return digits
    raise ValidationError(
        "not a Vietnamese phone number",
        "Số điện thoại chưa đúng. Vui lòng nhập số di động 10 số (ví dụ 0912 345 678) "
        "hoặc số cố định có mã vùng.",
    )


def normalise_email(text: str) -> str:
    """A syntactically valid address, domain lower-cased."""
    address = text.strip()
    if len(address) > 254 or not _EMAIL.match(address):
        raise ValidationError(
            "not an e-mail address",
            "Địa chỉ email chưa đúng. Vui lòng nhập dạng ten@vidu.vn.",
        )
    local, _, domain = address.rpartition("@")
    return f"{local}@{domain.lower()}"


def parse_contact(text: str) -> Contact:
    """A phone number or an e-mail address from what the citizen typed."""
    candidate = text.strip()
    email = re.search(r"[^\s,;<>]+@[^\s,;<>]+", candidate)
    if email:
        return Contact(email=normalise_email(email.group(0)))
    phone = re.search(r"\+?\d[\d\s.\-()]{7,16}\d", candidate)
    if phone:
        return Contact(phone=normalise_phone(phone.group(0)))
    raise ValidationError(
        "no phone or e-mail found",
        "Tôi chưa thấy số điện thoại hoặc email trong tin nhắn. Vui lòng nhập lại, "
        "hoặc gõ 'bỏ qua' nếu không muốn để lại liên hệ.",
    )
