"""Per-queue reports: counts, medians, scope and CSV."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from intake.config import Settings
from intake.console.app import create_app
from intake.console.auth import StaffIdentity
from intake.models import utcnow
from intake.services.complaints import IntakeService
from intake.services.reports import QueueReport, Reports, to_csv
from intake.services.staff import StaffService
from tests.console.conftest import PASSWORD, QUEUE_A, QUEUE_B, complaint_in


@pytest.mark.usefixtures("clear_of_vietnam_midnight")
def test_per_queue_figures(service: IntakeService, staff: StaffService,
                           alice: StaffIdentity, coordinator: StaffIdentity) -> None:
    answered = complaint_in(service, staff, coordinator, QUEUE_A)
    complaint_in(service, staff, coordinator, QUEUE_A)
    complaint_in(service, staff, coordinator, QUEUE_B)
    staff.reply(alice, answered.code, "Đã xử lý xong.")
    start, end = utcnow() - timedelta(days=1), utcnow() + timedelta(minutes=1)
    mine = Reports(service.db).per_queue(alice, start, end)
    assert [(r.queue, r.received, r.open) for r in mine] == [(QUEUE_A, 2, 1)]
    assert mine[0].median_first_answer_days is not None
    assert mine[0].median_first_answer_days < 1
    assert mine[0].median_resolution_days is not None
    everyone = Reports(service.db).per_queue(coordinator, start, end)
    assert {r.queue for r in everyone} == {QUEUE_A, QUEUE_B}
    assert not Reports(service.db).per_queue(coordinator, end, end + timedelta(days=1))


def test_csv_neutralises_formulas() -> None:
    text = to_csv([QueueReport("Q", "=HYPERLINK(1)", 3, 1, 0, 2.5, None)])
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0][0] == "Mã đơn vị" and rows[1][1] == "'=HYPERLINK(1)" and rows[1][6] == ""


def test_reports_page_and_csv(settings: Settings, service: IntakeService,
                              staff: StaffService, alice: StaffIdentity,
                              coordinator: StaffIdentity) -> None:
    complaint_in(service, staff, coordinator, QUEUE_A)
    client = TestClient(create_app(replace(settings, secret_key="reports-secret")))
    page = client.get("/login").text
    token = re.search(r'name="csrf" value="([^"]+)"', page)
    assert token
    client.post("/login", data={"csrf": token.group(1), "username": "alice",
                                "password": PASSWORD})
    html = client.get("/reports")
    assert html.status_code == 200 and f'data-queue="{QUEUE_A}"' in html.text
    exported = client.get("/reports.csv")
    assert exported.headers["content-disposition"].startswith("attachment;")
    assert exported.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Mã đơn vị", "Đơn vị", "Tiếp nhận"]
    assert rows[1][:3] == [QUEUE_A, "Sở Tư pháp", "1"]


@pytest.mark.usefixtures("clear_of_vietnam_midnight")
def test_daily_digest_once_per_day(service: IntakeService, staff: StaffService,
                                   coordinator: StaffIdentity) -> None:
    from sqlalchemy import select, update

    from intake.console.auth import Accounts
    from intake.console.models import Role
    from intake.models import Complaint, Outbox
    from intake.services.digest import enqueue_digests

    Accounts(service.db).add_user("mai", PASSWORD, Role.STAFF, [QUEUE_A],
                                  email="mai@bacgiang.gov.vn")
    late = complaint_in(service, staff, coordinator, QUEUE_A)
    complaint_in(service, staff, coordinator, QUEUE_A)
    with service.db.transaction() as session:
        session.execute(update(Complaint).where(Complaint.code == late.code).values(
            due_at=utcnow() - timedelta(days=1)))
    assert enqueue_digests(service.db).queued == 1
    again = enqueue_digests(service.db)
    assert (again.queued, again.already_sent) == (0, 1)
    with service.db.reading() as session:
        (mail,) = session.scalars(select(Outbox).where(
            Outbox.recipient == "mai@bacgiang.gov.vn"))
    assert "2 đang mở, 1 quá hạn" in (mail.subject or "") and late.code in mail.body
