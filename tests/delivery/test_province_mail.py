"""The hotline mailbox's acknowledgement names the province in force: a letter to the
real Dovecot mailbox is acknowledged through the SMTP peer as "Đường dây nóng thủ tục
hành chính tỉnh Bắc Giang" with the pre-2025 organisation, and "… tỉnh Bắc Ninh" once the
2025 changes file is applied."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from intake.db import Database
from intake.mail.config import MailSettings
from intake.org.changes import apply_changes, read_changes
from intake.services.complaints import IntakeService
from tests.delivery.test_delivery import _deliver, _dispatcher, _mailed_complaint
from tests.harness.dovecot import DovecotServer
from tests.harness.smtp import SmtpPeer
from tests.harness.telegram_api import TelegramApiDouble

REFORM = Path(__file__).resolve().parents[2] / "intake" / "org" / "data" / "changes-2025.yml"


@pytest.mark.parametrize(("as_of", "named", "not_named"), [
    (None, "tỉnh Bắc Giang", "Bắc Ninh"),
    (date(2025, 7, 1), "tỉnh Bắc Ninh", "Bắc Giang"),
], ids=["pre-2025", "2025"])
def test_the_acknowledgement_names_the_province_in_force(
        as_of: date | None, named: str, not_named: str, imap: DovecotServer,
        smtp: SmtpPeer, live_settings: MailSettings, telegram: TelegramApiDouble,
        service: IntakeService, db: Database) -> None:
    if as_of is not None:
        apply_changes(service, read_changes(REFORM), as_of=as_of)
    code = _mailed_complaint(imap, live_settings, service)
    assert _deliver(_dispatcher(db, live_settings, telegram))["sent"] == 1
    (received,) = smtp.wait_for(1)
    ack = received.message()
    assert str(ack["Subject"]).startswith(f"[{code}] Đã tiếp nhận")
    body = ack.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert f"Đường dây nóng thủ tục hành chính {named} đã tiếp nhận phản ánh" in text
    assert text.rstrip().endswith(f"Đường dây nóng thủ tục hành chính {named}")
    assert not_named not in text
