"""The address in an e-mail signature helps routing when the complaint names no place."""

from __future__ import annotations

from intake.mail.ingest import MailIngestor
from intake.mail.models import IngestStatus
from intake.services.complaints import IntakeService

MAIL = """\
From: =?utf-8?b?VHLhuqduIFRo4buLIELDrG5o?= <tranthibinh@example.vn>
To: thutuchanhchinh@bacgiang.gov.vn
Subject: =?utf-8?q?C=C3=A1n_b=E1=BB=99_m=E1=BB=99t_c=E1=BB=ADa_h=E1=BA=B9n?=
Message-ID: <sig-routing-1@example.vn>
Date: Fri, 27 Nov 2026 09:00:00 +0700
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Kính gửi Đường dây nóng,

Tôi nộp hồ sơ chứng thực từ tuần trước, cán bộ một cửa hẹn trả kết quả ba lần
nhưng đến nay vẫn chưa có. Đề nghị xem xét.

--
Trần Thị Bình
Thôn Đông, xã Tân Mỹ, huyện Yên Dũng
ĐT 0912 345 678
""".replace("\\n", "\\r\\n").encode()


def test_the_signature_address_routes_a_complaint_without_a_place(
        ingestor: MailIngestor, service: IntakeService) -> None:
    result = ingestor.ingest(MAIL, "test")
    assert result.status is IngestStatus.INGESTED and result.code is not None
    view = service.get(result.code)
    assert "Tân Mỹ" not in view.text  # the signature is not part of the complaint text
    assert view.queue_code is not None and view.queue_code.startswith("XA_"), view
    assert any("chữ ký" in reason for reason in view.routing_reasons), view.routing_reasons
