"""Every message leaves through one dispatcher: staff answers, requests for information
and status changes reach the citizen by e-mail (a complaint mailed to a real Dovecot,
answered through a real SMTP peer) and by Telegram (the Bot API double); bounces fail
the delivery they name; a mail-only installation without a mailbox still sends; two
dispatchers on PostgreSQL never send a row twice."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from intake.console.auth import StaffIdentity
from intake.db import Database
from intake.delivery.dispatcher import Dispatcher, RetryPolicy
from intake.delivery.transports.smtp import SmtpTransport
from intake.delivery.transports.telegram import TelegramTransport
from intake.mail.config import MailSettings
from intake.mail.ingest import MailIngestor
from intake.mail.worker import MailWorker
from intake.models import (
    Channel,
    Complaint,
    Event,
    MailThread,
    Outbox,
    OutboxStatus,
    Status,
)
from intake.services.complaints import IntakeService
from intake.services.staff import RecordedCall, StaffService
from tests.core.factories import file_complaint
from tests.delivery.conftest import TOKEN
from tests.harness.dovecot import DovecotServer
from tests.harness.smtp import SmtpPeer
from tests.harness.telegram_api import TelegramApiDouble
from tests.mail.conftest import fixture_bytes

ROOT = Path(__file__).resolve().parents[2]
CHAT = 5_501
CITIZEN = "nguyenvanan@example.vn"  # the sender of vi_utf8_qp.eml

StaffAction = Callable[[StaffService, StaffIdentity, str], object]
ACTIONS: dict[str, tuple[StaffAction, str, str]] = {
    # name: (what staff do, what the citizen must read, X-PAKN-Purpose)
    "answer": (lambda s, who, code: s.reply(who, code, "Sở đã giải quyết, hồ sơ trả ngày 20/5."),
               "Sở đã giải quyết, hồ sơ trả ngày 20/5.", "answer"),
    "info_request": (lambda s, who, code: s.ask_info(who, code, "Xin cho biết số biên nhận hồ sơ?"),
                     "Xin cho biết số biên nhận hồ sơ?", "info_request"),
    "status_change": (lambda s, who, code: s.reject(who, code, "Không thuộc thẩm quyền của tỉnh"),
                      "Không thuộc thẩm quyền của tỉnh", "status"),
}


def _dispatcher(db: Database, mail: MailSettings, api: TelegramApiDouble) -> Dispatcher:
    """One dispatcher with both transports, as ``pakn delivery send`` builds it."""
    return Dispatcher(db, {"email": SmtpTransport(mail),
                           "telegram": TelegramTransport(TOKEN, api.base_url)},
                      RetryPolicy(base=timedelta(seconds=0.05)))


def _deliver(dispatcher: Dispatcher) -> dict[str, int]:
    async def one_pass() -> dict[str, int]:
        return await dispatcher.run_once()
    return asyncio.run(one_pass())


def _mailed_complaint(imap: DovecotServer, mail: MailSettings, service: IntakeService) -> str:
    """A citizen writes to the hotline mailbox; the complaint's code."""
    imap.append("hotline", [fixture_bytes("vi_utf8_qp.eml")])
    MailWorker(MailIngestor(service, mail), mail).run(once=True, max_failures=0)
    (view,) = service.list_complaints()
    return view.code


def _thread_row(db: Database, message_id: str) -> MailThread:
    with db.reading() as session:
        return session.scalars(select(MailThread).where(
            MailThread.message_id == message_id)).one()


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_staff_messages_reach_the_citizen_by_mail_and_telegram_through_one_dispatcher(
        action: str, imap: DovecotServer, smtp: SmtpPeer, live_settings: MailSettings,
        telegram: TelegramApiDouble, service: IntakeService, staff: StaffService,
        coordinator: StaffIdentity, db: Database) -> None:
    do, expected, purpose = ACTIONS[action]
    by_mail = _mailed_complaint(imap, live_settings, service)
    by_chat = file_complaint(service, channel=Channel.TELEGRAM,
                             reply_channel=Channel.TELEGRAM, reply_address=str(CHAT)).code
    dispatcher = _dispatcher(db, live_settings, telegram)
    assert _deliver(dispatcher)["sent"] == 1  # the mailed complaint's acknowledgement
    (ack,) = smtp.wait_for(1)

    do(staff, coordinator, by_mail)
    do(staff, coordinator, by_chat)
    assert _deliver(dispatcher) == {"sent": 2, "retry": 0, "failed": 0}

    mailed = smtp.wait_for(2)[1].message()
    assert mailed["To"] == CITIZEN and str(mailed["Subject"]).startswith(f"[{by_mail}]")
    assert mailed["X-PAKN-Purpose"] == purpose
    body = mailed.get_body(("plain",))
    assert body is not None and expected in body.get_content()
    # Our Message-ID, recorded with its complaint; threaded under our acknowledgement.
    message_id = str(mailed["Message-ID"]).strip("<>")
    assert message_id.endswith("@" + live_settings.mail_domain)
    assert _thread_row(db, message_id).complaint_code == by_mail
    assert mailed["In-Reply-To"] == ack.message()["Message-ID"]
    (pushed,) = telegram.sent_to(CHAT)
    assert expected in pushed.text and f"/trangthai {by_chat}" in pushed.text
    with db.reading() as session:
        rows = session.scalars(select(Outbox).where(Outbox.purpose == purpose)).all()
        assert sorted((r.channel, r.complaint_code) for r in rows) == sorted(
            [("email", by_mail), ("telegram", by_chat)])


def test_a_reply_to_a_staff_answer_threads_by_its_message_id(
        imap: DovecotServer, smtp: SmtpPeer, live_settings: MailSettings,
        telegram: TelegramApiDouble, service: IntakeService, staff: StaffService,
        coordinator: StaffIdentity, db: Database) -> None:
    code = _mailed_complaint(imap, live_settings, service)
    staff.ask_info(coordinator, code, "Xin cho biết số biên nhận hồ sơ?")
    _deliver(_dispatcher(db, live_settings, telegram))
    question = next(r.message() for r in smtp.wait_for(2)
                    if r.message()["X-PAKN-Purpose"] == "info_request")
    # The reply names only our question's Message-ID (no code in its subject).
    reply = fixture_bytes("vi_reply_thread_only.eml",
                          ack_id=str(question["Message-ID"]).strip("<>"))
    imap.append("hotline", [reply])
    MailWorker(MailIngestor(service, live_settings), live_settings).run(once=True,
                                                                        max_failures=0)
    assert service.count() == 1
    assert [m.direction for m in service.messages(code)] == ["in", "out", "in"]


def test_a_bounced_staff_answer_marks_that_delivery_failed(
        imap: DovecotServer, smtp: SmtpPeer, live_settings: MailSettings,
        telegram: TelegramApiDouble, service: IntakeService, staff: StaffService,
        coordinator: StaffIdentity, db: Database) -> None:
    code = _mailed_complaint(imap, live_settings, service)
    staff.reply(coordinator, code, "Sở đã giải quyết, hồ sơ trả ngày 20/5.")
    assert _deliver(_dispatcher(db, live_settings, telegram))["sent"] == 2
    answer = next(r.message() for r in smtp.wait_for(2)
                  if r.message()["X-PAKN-Purpose"] == "answer")
    bounce = fixture_bytes("vi_dsn_bounce.eml", code=code,
                           ack_id=str(answer["Message-ID"]).strip("<>"))
    imap.append("hotline", [bounce])
    MailWorker(MailIngestor(service, live_settings), live_settings).run(once=True,
                                                                        max_failures=0)
    with db.reading() as session:
        rows = {r.purpose: r for r in session.scalars(select(Outbox))}
        assert rows["answer"].status == OutboxStatus.FAILED
        assert rows["answer"].last_error == "bounce: 5.1.1 khongtontai@example.vn"
        assert rows["ack"].status == OutboxStatus.SENT  # only the delivery it names
        complaint_id = session.scalar(select(Complaint.id).where(Complaint.code == code))
        failed = session.scalars(select(Event).where(
            Event.complaint_id == complaint_id, Event.kind == "delivery_failed")).all()
        assert [e.data["outbox_id"] for e in failed] == [rows["answer"].id]
    assert len(smtp.received) == 2  # the bounce itself is never answered


def test_with_smtp_only_a_walk_in_acknowledgement_is_sent(
        smtp: SmtpPeer, service: IntakeService, staff: StaffService,
        coordinator: StaffIdentity, database_url: str, tmp_path: Path) -> None:
    from intake.config import load_settings
    from intake.runner import plan

    env = {**os.environ, "PAKN_DATABASE_URL": database_url, "PAKN_VAR_DIR": str(tmp_path),
           "PAKN_SMTP_HOST": "127.0.0.1", "PAKN_SMTP_PORT": str(smtp.port),
           "PAKN_SMTP_SECURITY": "plain", "PAKN_MAIL_ALLOW_PLAIN": "1",
           "PAKN_IMAP_HOST": "", "TELEGRAM_BOT_TOKEN": ""}
    names = [spec.name for spec in plan(load_settings(env), tmp_path / "model.tar.gz")]
    assert "delivery" in names and "mail" not in names  # no mailbox, still a sender
    view = staff.record_call(coordinator, RecordedCall(
        Channel.WALK_IN, "Đường liên thôn Tân Tiến sạt lở, xe không qua được",
        name="Trần Thị Bình", email="binh.tran@example.vn"))
    done = subprocess.run([sys.executable, "-m", "intake.cli", "delivery", "send", "--once"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert "delivering: email" in done.stdout and "sent 1 message(s)" in done.stdout
    (received,) = smtp.wait_for(1)
    ack = received.message()
    assert received.recipients == ["binh.tran@example.vn"]
    assert str(ack["Subject"]).startswith(f"[{view.code}]")
    assert ack["X-PAKN-Purpose"] == "recorded" and ack["Auto-Submitted"] == "auto-generated"
    body = ack.get_body(("plain",))
    assert body is not None and f"Mã tra cứu: {view.code}" in body.get_content()


def test_two_dispatchers_never_send_a_row_twice(
        smtp: SmtpPeer, live_settings: MailSettings, telegram: TelegramApiDouble,
        service: IntakeService, db: Database) -> None:
    """On PostgreSQL the claim is ``SKIP LOCKED``; on SQLite a compare-and-set."""
    chats = range(6_000, 6_020)
    for chat in chats:
        file_complaint(service, channel=Channel.TELEGRAM, reply_channel=Channel.TELEGRAM,
                       reply_address=str(chat))
    for i in range(20):
        file_complaint(service, channel=Channel.EMAIL, reply_channel=Channel.EMAIL,
                       reply_address=f"dan{i}@example.vn")
    # 40 status notices, 20 per channel (rejected: a closed complaint would add the
    # satisfaction question, issue 16)
    for view in service.list_complaints(limit=100):
        service.change_status(view.code, Status.REJECTED, actor="staff:test",
                              reason="Không thuộc thẩm quyền.")
    first, second = (_dispatcher(db, live_settings, telegram),
                     _dispatcher(db, live_settings, telegram))

    async def race() -> int:
        sent = 0
        for _ in range(20):
            a, b = await asyncio.gather(first.run_once(), second.run_once())
            sent += a["sent"] + b["sent"]
            if sent >= 40:
                break
        return sent

    assert asyncio.run(race()) == 40
    assert all(len(telegram.sent_to(chat)) == 1 for chat in chats)
    recipients = [r.recipients[0] for r in smtp.wait_for(20)]
    assert sorted(recipients) == sorted(f"dan{i}@example.vn" for i in range(20))
