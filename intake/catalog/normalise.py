"""Parsing the wordings of published procedures into typed values.

The national database and provincial spreadsheets write time limits ("07 Ngày làm
việc", "01 Giờ", "Không quy định"), fees ("Phí : 2.000.000 Đồng (…)", "Miễn lệ phí"),
levels ("Cấp Bộ, Cấp Tỉnh, Cấp Xã") and channels ("Dịch vụ bưu chính") as free text.
These helpers turn them into the values search and answers use; each returns None
rather than guessing when the wording does not say.
"""

from __future__ import annotations

import re
from datetime import date

from intake.catalog.errors import RecordRejected
from intake.catalog.records import CHANNEL_KINDS, LEVELS, ONLINE_LEVELS
from intake.text import clean, fold

MAX_NAME_CHARS = 1000
MAX_TEXT_CHARS = 20_000
CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._\-]{0,63}$")
NO_INFO = frozenset({"", "khong co thong tin", "khong quy dinh", "khong", "none", "null",
                     "n/a", "-"})
_NUMBER = r"(\d+(?:[.,]\d+)?)"
_DURATION = re.compile(_NUMBER + r"\s*(ngay lam viec|ngay|gio|thang|tuan)")
_MONEY = re.compile(r"(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:dong|d\b|vnd)")
_FREE = re.compile(r"\b(mien|khong thu|khong mat|0 dong|khong dong|o dong)\b")
_STEP_SPLIT = re.compile(r"\s*(?=\bB(?:ư|u)ớc\s*\d+\s*[:.\-])", re.IGNORECASE)


def text(value: object, *, limit: int = MAX_TEXT_CHARS) -> str | None:
    """NFC, trimmed text; None for empty or "Không có thông tin" placeholders."""
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        raise RecordRejected(f"expected text, got {type(value).__name__}")
    result = clean(str(value))
    if fold(result).strip(" .") in NO_INFO:
        return None
    if len(result) > limit:
        raise RecordRejected(f"text of {len(result)} characters exceeds {limit}")
    return result


def required_text(value: object, key: str, *, limit: int = MAX_TEXT_CHARS) -> str:
    """Like ``text`` but the key must be present and non-empty."""
    try:
        result = text(value, limit=limit)
    except RecordRejected as exc:
        raise RecordRejected(f"{key}: {exc}") from exc
    if result is None:
        raise RecordRejected(f"{key} is missing or empty")
    return result


def code(value: object) -> str:
    """A procedure code: letters, digits, '.', '-', '_' (≤ 64 characters)."""
    result = required_text(value, "ma_tthc", limit=64)
    if not CODE_RE.match(result):
        raise RecordRejected(f"ma_tthc {result!r} is not a procedure code "
                             "(letters, digits, '.', '-', '_')")
    return result


def duration_days(value: str | None) -> float | None:
    """Working days of a time limit: '07 Ngày làm việc' → 7, '01 Giờ' → 0.125."""
    if not value:
        return None
    match = _DURATION.search(fold(value))
    if match is None:
        return 1.0 if "trong ngay" in fold(value) else None
    number = float(match.group(1).replace(",", "."))
    unit = match.group(2)
    factor = {"gio": 1 / 8, "tuan": 5.0, "thang": 22.0}.get(unit, 1.0)
    return round(number * factor, 3)


def fee_vnd(value: str | None) -> int | None:
    """The main fee in VND: 'Phí : 2.000.000 Đồng (…)' → 2000000; free → 0; else None."""
    if not value:
        return None
    folded = fold(value)
    match = _MONEY.search(folded)
    if match is not None:
        return int(re.sub(r"[.,]", "", match.group(1)))
    if _FREE.search(folded) or re.search(r"(phi|le phi)\s*:\s*(khong|o)?\s*dong", folded):
        return 0
    return None


def level(value: str) -> str | None:
    """'Cấp Tỉnh' / 'tinh' → 'tinh'; other bodies ('Cơ quan khác') → None."""
    folded = fold(value).removeprefix("cap ").strip()
    return folded if folded in LEVELS else None


def levels(values: list[str]) -> tuple[str, ...]:
    """The known levels among ``values``, in order, without duplicates; at least one."""
    found: list[str] = []
    for value in values:
        parsed = level(value)
        if parsed is None and fold(value).strip() not in {"co quan khac", ""}:
            raise RecordRejected(f"cap_thuc_hien: unknown level {value!r} "
                                 "(expected tinh, huyen, xa)")
        if parsed is not None and parsed not in found:
            found.append(parsed)
    if not found:
        raise RecordRejected("cap_thuc_hien is missing or empty")
    return tuple(found)


def channel_kind(value: str) -> str:
    """'Trực tiếp' / 'truc_tiep' → 'truc_tiep'; 'Dịch vụ bưu chính' → 'buu_chinh'."""
    folded = fold(value).replace("_", " ")
    for kind in CHANNEL_KINDS:
        if kind.replace("_", " ") in folded:
            return kind
    raise RecordRejected(f"hinh_thuc: unknown channel {value!r} "
                         "(expected truc_tiep, truc_tuyen, buu_chinh)")


def online_level(value: object) -> str:
    """The online service level; missing → 'thong_tin' (information only)."""
    if value is None or value == "":
        return "thong_tin"
    folded = fold(str(value)).replace(" ", "_")
    if folded not in ONLINE_LEVELS:
        raise RecordRejected(f"muc_do_dvc: unknown level {value!r} "
                             "(expected toan_trinh, mot_phan, thong_tin)")
    return folded


def iso_date(value: object) -> date | None:
    """YYYY-MM-DD (or DD-MM-YYYY / DD/MM/YYYY as the national export writes it)."""
    raw = text(value)
    if raw is None:
        return None
    for pattern, order in ((r"^(\d{4})-(\d{1,2})-(\d{1,2})", "ymd"),
                           (r"^(\d{1,2})[-/](\d{1,2})[-/](\d{4})", "dmy")):
        match = re.match(pattern, raw)
        if match:
            a, b, c = (int(g) for g in match.groups())
            y, m, d = (a, b, c) if order == "ymd" else (c, b, a)
            try:
                return date(y, m, d)
            except ValueError as exc:
                raise RecordRejected(f"invalid date {raw!r}: {exc}") from exc
    raise RecordRejected(f"invalid date {raw!r} (expected YYYY-MM-DD)")


def count(value: object, key: str) -> int:
    """A non-negative count of originals or copies."""
    if value is None or value == "":
        return 0
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise RecordRejected(f"{key}: expected a number, got {value!r}")
    try:
        number = int(float(str(value).strip()))
    except ValueError as exc:
        raise RecordRejected(f"{key}: expected a number, got {value!r}") from exc
    if number < 0 or number > 1000:
        raise RecordRejected(f"{key}: {number} out of range")
    return number


def steps(value: str | None) -> tuple[str, ...]:
    """'Bước 1: … Bước 2: …' → ('Bước 1: …', 'Bước 2: …'); one step if unnumbered."""
    if not value:
        return ()
    parts = [clean(p) for p in _STEP_SPLIT.split(value)]
    return tuple(p for p in parts if p)


def text_list(value: object, key: str) -> tuple[str, ...]:
    """A list of texts (a JSON list, or one ';'-separated text)."""
    if value is None or value == "":
        return ()
    items = value.split(";") if isinstance(value, str) else value
    if not isinstance(items, list | tuple):
        raise RecordRejected(f"{key}: expected a list, got {type(value).__name__}")
    result = []
    for item in items:
        try:
            cleaned = text(item)
        except RecordRejected as exc:
            raise RecordRejected(f"{key}: {exc}") from exc
        if cleaned:
            result.append(cleaned)
    return tuple(result)
