"""Where a citizen looks up a submitted procedure dossier (hồ sơ thủ tục hành chính).

A dossier handed in at the one-stop desk or online is tracked by the province's
public-service portal, not by this system: its receipt code (mã hồ sơ, printed on the
"Giấy tiếp nhận hồ sơ và hẹn trả kết quả") is not a complaint's PA- code. The assistant
explains where to look it up; the portal's address is configurable
(``PAKN_DOSSIER_PORTAL_URL``). A dossier that is overdue is a matter for a complaint,
which the answer offers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NATIONAL_PORTAL = "https://dichvucong.gov.vn"
# Receipt codes as the provincial systems print them: "000.00.24.H06-240512-0031",
# "H06.215-240620-0019" (agency code, date, number).
_RECEIPT = re.compile(r"\b(?:[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.)?[A-Z][0-9]{2}(?:\.[0-9]{1,3})*"
                      r"-[0-9]{6}-[0-9]{3,5}\b", re.IGNORECASE)


@dataclass(frozen=True)
class DossierHelp:
    """What the citizen needs to look a dossier up."""

    portal_url: str
    national_url: str
    receipt_code: str | None

    def text_vi(self) -> str:
        """The answer, in Vietnamese."""
        code = (f"Mã hồ sơ của bạn: {self.receipt_code}.\n" if self.receipt_code else
                "Mã hồ sơ in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả (hoặc trong tin "
                "nhắn/email xác nhận khi nộp trực tuyến).\n")
        return (
            "Tình trạng hồ sơ thủ tục hành chính đã nộp được tra cứu bằng mã hồ sơ, không "
            "phải mã phản ánh PA-….\n" + code +
            f"• Tra cứu trực tuyến: {self.portal_url} (mục \"Tra cứu hồ sơ\"), hoặc Cổng "
            f"Dịch vụ công quốc gia {self.national_url}.\n"
            "• Hỏi trực tiếp: Bộ phận Một cửa nơi bạn đã nộp hồ sơ (Trung tâm Phục vụ hành "
            "chính công tỉnh, bộ phận một cửa UBND huyện hoặc xã), mang theo giấy hẹn.\n"
            "Nếu hồ sơ đã quá hạn hẹn trả mà chưa có kết quả, bạn có thể gửi phản ánh để "
            "cơ quan có thẩm quyền xem xét.")


def dossier_help(message: str, portal_url: str) -> DossierHelp:
    """The look-up instructions, with the receipt code if the message carries one."""
    found = _RECEIPT.search(message or "")
    return DossierHelp(portal_url, NATIONAL_PORTAL, found.group(0) if found else None)
