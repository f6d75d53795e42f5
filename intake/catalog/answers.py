"""Answering a question about one procedure, in Vietnamese, for a chat message.

``attribute_of`` reads which attribute the citizen asks about from the NLU entity or,
since DIET only normalises wordings it saw, from keywords in the text. ``answer``
formats that attribute (or a short summary) naming the procedure and its code;
``split_message`` cuts a long answer at line ends to fit a Telegram message (4,096
characters).
"""

from __future__ import annotations

import re

from intake.catalog.records import (
    CHANNEL_LABELS,
    LEVEL_LABELS,
    ONLINE_LABELS,
    ChannelRecord,
    ProcedureRecord,
)
from intake.text import fold

TELEGRAM_LIMIT = 4096
ATTRIBUTES = ("documents", "duration", "fee", "agency", "steps", "online", "result",
              "conditions")
LABELS = {"documents": "Giấy tờ cần nộp", "duration": "Thời hạn", "fee": "Lệ phí",
          "agency": "Nơi nộp", "steps": "Các bước", "online": "Nộp online/bưu điện",
          "result": "Kết quả", "conditions": "Điều kiện"}
# Folded keywords → attribute; the first match in this order wins.
KEYWORDS: tuple[tuple[str, str], ...] = (
    (r"\b(le phi|phi|tien|mien phi|bao nhieu tien|chi phi)\b", "fee"),
    (r"\b(bao lau|may ngay|bao nhieu ngay|thoi han|thoi gian|mat may)\b", "duration"),
    (r"\b(giay to|ho so|can gi|can nhung gi|mang theo|mang gi|thanh phan)\b", "documents"),
    (r"\b(online|truc tuyen|qua mang|buu dien|buu chinh|dich vu cong|tu xa)\b", "online"),
    (r"\b(o dau|noi dau|nop dau|co quan nao|noi nop|lam dau|xin dau|uy ban)\b", "agency"),
    (r"\b(cac buoc|buoc|trinh tu|quy trinh|the nao|nhu the nao|ntn|ra sao)\b", "steps"),
    (r"\b(ket qua|nhan gi|duoc cap gi|tra ve)\b", "result"),
    (r"\b(dieu kien|yeu cau|doi tuong|bat buoc|co phai)\b", "conditions"),
)


def attribute_of(entity: str | None, text: str) -> str | None:
    """The attribute asked: the NLU entity when it is one we know, else from keywords."""
    if entity in ATTRIBUTES:
        return entity
    folded = fold(text)
    for pattern, attribute in KEYWORDS:
        if re.search(pattern, folded):
            return attribute
    return None


def title(record: ProcedureRecord) -> str:
    """'Thủ tục «name» (mã CODE)'."""
    return f"Thủ tục «{record.name}» (mã {record.code})"


def answer(record: ProcedureRecord, attribute: str | None, *, demo_note: bool = True) -> str:
    """The answer to ``attribute`` of ``record`` (a summary when None)."""
    body = {"documents": _documents, "duration": _duration, "fee": _fee,
            "agency": _agency, "steps": _steps, "online": _online, "result": _result,
            "conditions": _conditions}.get(attribute or "", _summary)(record)
    footer = "\n(Dữ liệu minh họa, chỉ để tham khảo.)" if record.demo and demo_note else ""
    return f"{title(record)}\n{body}{footer}"


def _documents(r: ProcedureRecord) -> str:
    if not r.documents:
        return "Danh mục chưa ghi thành phần hồ sơ của thủ tục này; bạn vui lòng hỏi " \
               f"{r.implementing_agency}."
    lines = ["Hồ sơ gồm:"]
    for i, d in enumerate(r.documents, start=1):
        counts = [f"{d.originals} bản chính" if d.originals else "",
                  f"{d.copies} bản sao" if d.copies else ""]
        count_text = ", ".join(c for c in counts if c)
        extra = f" ({count_text})" if count_text else ""
        template = f" — mẫu: {d.template}" if d.template else ""
        lines.append(f"{i}. {d.name}{extra}{template}")
    return "\n".join(lines)


def _by_value(channels: tuple[ChannelRecord, ...], attr: str) -> list[str]:
    """One line per distinct value, naming the channels that share it."""
    groups: dict[str, list[str]] = {}
    for c in channels:
        groups.setdefault(getattr(c, attr), []).append(CHANNEL_LABELS[c.kind].lower())
    if len(groups) == 1:
        return [next(iter(groups))]
    return [f"{value} ({', '.join(kinds)})" for value, kinds in groups.items()]


def _duration(r: ProcedureRecord) -> str:
    values = _by_value(r.channels, "time_limit")
    return "Thời hạn giải quyết: " + "; ".join(values) + \
        " (kể từ khi nhận đủ hồ sơ hợp lệ)."


def _fee(r: ProcedureRecord) -> str:
    return "Phí, lệ phí: " + "; ".join(_by_value(r.channels, "fee")) + "."


def _agency(r: ProcedureRecord) -> str:
    levels = ", ".join(LEVEL_LABELS[level] for level in r.levels)
    lines = [f"Cơ quan thực hiện: {r.implementing_agency} ({levels})."]
    if r.competent_agency and r.competent_agency != r.implementing_agency:
        lines.append(f"Cơ quan có thẩm quyền: {r.competent_agency}.")
    notes = [c.note for c in r.channels if c.kind == "truc_tiep" and c.note]
    if notes:
        lines.append(f"Nộp trực tiếp: {notes[0]}")
    return "\n".join(lines)


def _steps(r: ProcedureRecord) -> str:
    if not r.steps:
        return "Danh mục chưa ghi trình tự thực hiện của thủ tục này."
    numbered = all(re.match(r"(?i)b(ư|u)ớc\s*\d", s) for s in r.steps)
    items = r.steps if numbered else [f"{i}. {s}" for i, s in enumerate(r.steps, start=1)]
    return "Các bước thực hiện:\n" + "\n".join(items)


def _online(r: ProcedureRecord) -> str:
    kinds = {c.kind for c in r.channels}
    lines = [("Có thể nộp trực tuyến" if "truc_tuyen" in kinds else
              "Chưa nộp trực tuyến được") + f" ({ONLINE_LABELS[r.online_level]}).",
             "Có thể gửi hồ sơ qua bưu chính." if "buu_chinh" in kinds else
             "Không nhận hồ sơ qua bưu chính.",
             "Các cách nộp: " + ", ".join(CHANNEL_LABELS[c.kind].lower()
                                          for c in r.channels) + "."]
    if "truc_tuyen" in kinds:
        lines.append("Nộp trực tuyến tại Cổng Dịch vụ công quốc gia hoặc của tỉnh.")
    return "\n".join(lines)


def _result(r: ProcedureRecord) -> str:
    return f"Kết quả: {r.result}" if r.result else "Danh mục chưa ghi kết quả của thủ tục này."


def _conditions(r: ProcedureRecord) -> str:
    if not r.conditions:
        return "Thủ tục này không có yêu cầu, điều kiện riêng ngoài hồ sơ."
    return f"Yêu cầu, điều kiện: {r.conditions}"


def _summary(r: ProcedureRecord) -> str:
    return "\n".join([
        f"• Lĩnh vực: {r.field}",
        f"• Nơi thực hiện: {r.implementing_agency}",
        f"• {_duration(r)}",
        f"• {_fee(r)}",
        f"• Hồ sơ: {len(r.documents)} loại giấy tờ" if r.documents else "• Hồ sơ: xem chi tiết",
        f"• {_online(r).splitlines()[0]}",
        "Bạn muốn biết thêm phần nào?",
    ])


def split_message(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Pieces of at most ``limit`` characters, cut at line ends (else at spaces)."""
    pieces: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > 0 else limit
            pieces, current = _flush(pieces, current)
            pieces.append(line[:cut])
            line = line[cut:].lstrip()
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            pieces, current = _flush(pieces, current)
            candidate = line
        current = candidate
    pieces, _ = _flush(pieces, current)
    return pieces or [""]


def _flush(pieces: list[str], current: str) -> tuple[list[str], str]:
    if current:
        pieces.append(current)
    return pieces, ""


def other_attributes(asked: str | None) -> list[str]:
    """The attributes to offer as buttons after an answer."""
    return [a for a in ATTRIBUTES if a != asked]


def button_payload(code: str, attribute: str | None) -> str:
    """The text a button sends back: the attribute's wording and the procedure's code."""
    words = {"documents": "Giấy tờ cần nộp", "duration": "Thời hạn giải quyết",
             "fee": "Lệ phí", "agency": "Nơi nộp hồ sơ", "steps": "Các bước thực hiện",
             "online": "Nộp trực tuyến", "result": "Kết quả", "conditions": "Điều kiện"}
    lead = words.get(attribute or "", "Thông tin")
    return f"{lead} thủ tục mã {code}"
